// Document and range formatting for .rego files with the engine's `opa fmt` formatter. The edits
// are the changed line runs only (so the cursor and unrelated lines stay put); none when the file
// is already formatted or does not parse (a half-typed file is left alone, never mangled).
import type { Range, TextEdit } from 'vscode-languageserver';
import { formatModule } from '../rego/index';
import { LineIndex } from './line-index';

/** Above this many lines × lines, the line diff falls back to one edit over the changed span. */
const MAX_DIFF_CELLS = 4_000_000;

export function formatRegoDocument(text: string): TextEdit[] {
  const formatted = formattedText(text);
  return formatted === undefined ? [] : lineEdits(text, formatted);
}

/** OPA formats whole modules; a range request gets the formatting edits that touch its lines. */
export function formatRegoRange(text: string, range: Range): TextEdit[] {
  return formatRegoDocument(text).filter((e) => e.range.start.line <= range.end.line && e.range.end.line >= range.start.line);
}

function formattedText(text: string): string | undefined {
  const r = formatModule(text);
  if (r.formatted === undefined || r.errors.length > 0 || r.formatted === text) return undefined;
  return r.formatted;
}

/** Replacements of the runs of lines that differ (a longest-common-subsequence line diff). */
export function lineEdits(before: string, after: string): TextEdit[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const index = new LineIndex(before);
  // Common head and tail first: most formatting changes are local.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const hunks = midA.length * midB.length > MAX_DIFF_CELLS ? [{ a0: 0, a1: midA.length, b0: 0, b1: midB.length }] : diffHunks(midA, midB);
  const lineStart = (line: number) => offsetOfLine(a, line);
  return hunks.map((h) => ({
    range: index.rangeOf(lineStart(head + h.a0), lineStart(head + h.a1)),
    newText: midB.slice(h.b0, h.b1).join(''),
  }));
}

/** Lines with their line breaks kept, so joining them restores the text exactly. */
function splitLines(text: string): string[] {
  const out = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return out;
}

function offsetOfLine(lines: string[], line: number): number {
  let offset = 0;
  for (let i = 0; i < line && i < lines.length; i++) offset += lines[i].length;
  return offset;
}

interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

function diffHunks(a: string[], b: string[]): Hunk[] {
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = () => {
    if (open) hunks.push({ ...open, a1: i, b1: j });
    open = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { a0: i, a1: i, b0: j, b1: j };
    if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) j++;
    else i++;
  }
  close();
  return hunks;
}
