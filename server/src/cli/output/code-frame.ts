// A code frame: the source lines of a range with line numbers, one line of context before, and a
// caret underline under the range on its first line (Biome/Babel style). Tabs are expanded so the
// carets line up.
import type { ReportLocation } from '../scan-report';
import type { Style } from './colors';

const TAB = '  ';
const MAX_RANGE_LINES = 3;
const MAX_WIDTH = 240;

export function codeFrame(text: string, loc: ReportLocation, style: Style, indent = '    '): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const first = Math.max(1, loc.startLine - 1);
  const last = Math.min(lines.length, loc.startLine + MAX_RANGE_LINES - 1, Math.max(loc.endLine, loc.startLine));
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1] ?? '';
    const marker = n >= loc.startLine && n <= loc.endLine ? '>' : ' ';
    out.push(`${indent}${marker} ${style.dim(`${String(n).padStart(width)} |`)} ${clip(expandTabs(raw))}`);
    if (n === loc.startLine) {
      const startCol = visualColumn(raw, loc.startColumn - 1);
      const endCol = loc.endLine === loc.startLine ? visualColumn(raw, loc.endColumn - 1) : expandTabs(raw).length;
      const carets = Math.max(1, Math.min(endCol, MAX_WIDTH) - startCol);
      if (startCol < MAX_WIDTH) out.push(`${indent}  ${style.dim(`${' '.repeat(width)} |`)} ${' '.repeat(startCol)}${style.red('^'.repeat(carets))}`);
    }
  }
  if (loc.endLine > last) out.push(`${indent}  ${style.dim(`${' '.repeat(width)} |`)} …`);
  return out;
}

function expandTabs(line: string): string {
  return line.replace(/\t/g, TAB);
}

/** Width of `line.slice(0, column)` once tabs are expanded. */
function visualColumn(line: string, column: number): number {
  return expandTabs(line.slice(0, Math.max(0, column))).length;
}

function clip(line: string): string {
  return line.length > MAX_WIDTH ? `${line.slice(0, MAX_WIDTH)}…` : line;
}
