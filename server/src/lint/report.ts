// Output formats of `regal lint`: JSON (same shape as `--format json`) and the pretty text report.
import type { LintReport } from './engine';

/** `regal lint --format json`: violations (without our `fix` data) and the summary. */
export function renderJSON(report: LintReport): string {
  const violations = report.violations.map(({ fix: _fix, ...v }) => v);
  return `${JSON.stringify({ violations, summary: report.summary }, null, 2)}\n`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderPretty(report: LintReport): string {
  const blocks = report.violations.map((v) => [
    `Rule:         \t${v.title}`,
    `Description:  \t${v.description}`,
    `Category:     \t${v.category}`,
    `Level:        \t${v.level}`,
    `Location:     \t${v.location.file}:${v.location.row}:${v.location.col}`,
    `Text:         \t${v.location.text.trim()}`,
    `Documentation:\t${v.related_resources[0]?.ref ?? ''}`,
  ].join('\n'));
  const s = report.summary;
  const files = new Set(report.violations.map((v) => v.location.file)).size;
  let tail = `${plural(s.files_scanned, 'file')} linted.`;
  tail += s.num_violations === 0 ? ' No violations found.' : ` ${plural(s.num_violations, 'violation')} found${s.files_scanned > 1 ? ` in ${plural(files, 'file')}` : ''}.`;
  if (s.files_failed > 0) tail += ` ${plural(s.files_failed, 'file')} failed to parse.`;
  return `${blocks.join('\n\n')}${blocks.length > 0 ? '\n\n' : ''}${tail}\n`;
}
