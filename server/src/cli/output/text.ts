// `--format text`: findings grouped by file, each as `file:line:col severity RULE message` with a
// code frame under it, then the problems met (syntax errors, rule errors, config errors) and a
// summary line. Suppressed findings are only counted.
import { SEVERITIES } from '../../policy';
import type { ReportDiagnostic, ReportFinding, ScanReport } from '../scan-report';
import { codeFrame } from './code-frame';
import type { Style } from './colors';
import { plural, severityCounts } from './summary';

export interface TextOptions {
  style: Style;
  /** Current text of a report file (relative path), for code frames. */
  source: (file: string) => string | undefined;
}

export function formatText(report: ScanReport, options: TextOptions): string {
  const { style } = options;
  const lines: string[] = [];
  const shown = report.findings.filter((f) => !f.suppressed);
  const byFile = new Map<string, ReportFinding[]>();
  for (const f of shown) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  for (const [file, list] of byFile) {
    lines.push(style.bold(file));
    const text = options.source(file);
    for (const f of list) {
      const at = `${f.location.file}:${f.location.startLine}:${f.location.startColumn}`;
      lines.push(`  ${at} ${style.severity(f.severity, f.severity)} ${style.dim(f.ruleId)} ${f.message}`);
      if (text !== undefined) lines.push(...codeFrame(text, f.location, style));
      for (const r of f.related) lines.push(`    ${style.dim(`note: ${r.message} (${r.location.file}:${r.location.startLine}:${r.location.startColumn})`)}`);
      if (f.fixes.length > 0) lines.push(`    ${style.dim(`fix available: ${f.fixes[0].title}`)}`);
    }
    lines.push('');
  }
  const problems = report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (problems.length > 0) {
    lines.push(style.bold('problems:'));
    for (const d of problems) lines.push(`  ${problemLine(d)}`);
    lines.push('');
  }
  lines.push(summaryLine(report, shown, style));
  return lines.join('\n') + '\n';
}

function problemLine(d: ReportDiagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column}` : ''} ` : '';
  return `${where}${d.severity} ${d.message} [${d.code}]`;
}

/** e.g. `7 findings (2 critical, 5 high), 1 suppressed, 3 known in baseline; 4 units, 9 files in 1.2 s` */
function summaryLine(report: ScanReport, shown: ReportFinding[], style: Style): string {
  const counts = severityCounts(shown);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => style.severity(s, `${counts[s]} ${s}`));
  const suppressed = report.findings.length - shown.length;
  const parts = [`${plural(shown.length, 'finding')}${bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`];
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  if (report.baseline) parts.push(`${report.baseline.known} known in baseline`);
  const scope = `${plural(report.units, 'unit')}, ${plural(report.files, 'file')} in ${(report.timing.totalMs / 1000).toFixed(1)} s`;
  return `${parts.join(', ')}; ${scope}`;
}
