// `terraform fmt` aligns the `=` of consecutive one-line attributes. A fix that inserts attribute
// lines into such a run (or two attributes into an empty block) would otherwise leave a file that
// `terraform fmt -check` rejects in CI. This pass pads the inserted lines to their run when the run
// is already aligned the way fmt aligns it (a file in the user's own style keeps its style) and no
// inserted key is longer than the run's: re-padding existing lines would add edits that the fixes
// of other findings in the same block could overlap, and fix-all drops overlapping fixes. Several
// longer keys inserted where the run ends go after a blank line instead, as a run of their own.
import type { ParsedFile } from '../iac/terraform';
import { lineEnd, lineStart, type LocalEdit } from './layout';

/** `indent key<spaces>= value` on one line; a key is a name or a quoted string (object keys). */
const ATTRIBUTE_LINE = /^([ \t]*)("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*)([ \t]*)=(?![=>])[ \t]*(.*)$/;

interface AttributeLine {
  indent: string;
  key: string;
  /** Whitespace between the key and `=`. */
  gap: string;
  value: string;
}

function attributeLine(line: string): AttributeLine | undefined {
  const m = ATTRIBUTE_LINE.exec(line);
  if (!m || !isClosed(m[4])) return undefined;
  return { indent: m[1], key: m[2], gap: m[3], value: m[4] };
}

/** The value ends on its line: brackets balance (outside strings) and it opens no heredoc. */
function isClosed(value: string): boolean {
  if (value.startsWith('<<')) return false;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (c === '#' || (c === '/' && (value[i + 1] === '/' || value[i + 1] === '*'))) break;
  }
  return depth === 0 && !quoted;
}

/** Existing one-line attribute lines at `indent` next to `pos`: above its line (inclusive) and below. */
function runAround(text: string, pos: number, indent: string): { start: number; line: AttributeLine }[] {
  const out: { start: number; line: AttributeLine }[] = [];
  const take = (start: number) => {
    const a = attributeLine(text.slice(start, lineEnd(text, start)));
    return a && a.indent === indent ? a : undefined;
  };
  for (let start = lineStart(text, pos); ; ) {
    const a = take(start);
    if (!a) break;
    out.unshift({ start, line: a });
    if (start === 0) break;
    start = lineStart(text, start - 1);
  }
  for (let nl = text.indexOf('\n', pos); nl >= 0 && nl + 1 < text.length; nl = text.indexOf('\n', nl + 1)) {
    const a = take(nl + 1);
    if (!a) break;
    out.push({ start: nl + 1, line: a });
  }
  return out;
}

/** fmt's alignment: every `=` one space after the longest key. */
function isAligned(run: AttributeLine[]): boolean {
  const width = Math.max(...run.map((l) => l.key.length));
  return run.every((l) => l.key.length + l.gap.length === width + 1 && /^ +$/.test(l.gap));
}

/**
 * `edits` with inserted attribute lines aligned to their run. Insertions at one position are
 * aligned together (two attributes added to an empty block). Existing lines are never edited.
 */
export function alignInsertedAttributes(file: ParsedFile, edits: LocalEdit[]): LocalEdit[] {
  const text = file.text;
  const byPos = new Map<number, LocalEdit[]>();
  for (const e of edits) {
    if (e.start !== e.end || !e.newText.startsWith('\n')) continue;
    const group = byPos.get(e.start) ?? [];
    group.push(e);
    byPos.set(e.start, group);
  }
  if (byPos.size === 0) return edits;
  const replaced = new Map<LocalEdit, LocalEdit>();
  for (const [pos, group] of byPos) {
    const inserted = group.map((e) => e.newText.slice(1).split('\n').map(attributeLine));
    const lines = inserted.flat();
    if (lines.length === 0 || lines.some((l) => l === undefined)) continue;
    const indent = lines[0]!.indent;
    if (lines.some((l) => l!.indent !== indent)) continue;
    const run = runAround(text, pos, indent);
    if (run.length > 0 && !isAligned(run.map((r) => r.line))) continue;
    const runWidth = run.length > 0 ? Math.max(...run.map((r) => r.line.key.length)) : 0;
    const width = Math.max(runWidth, ...(lines as AttributeLine[]).map((l) => l.key.length));
    // A key longer than the run's would make fmt re-pad the run's lines. Several lines inserted
    // where the run ends (a group of new settings) go after a blank line instead, as a run of
    // their own, aligned among themselves; a single line is left as it is.
    let separate = false;
    if (run.length > 0 && width > runWidth) {
      if (lines.length < 2 || run.some((r) => r.start > pos)) continue;
      separate = true;
    }
    group.forEach((e, i) => {
      const body = (inserted[i] as AttributeLine[]).map((l) => `${l.indent}${l.key.padEnd(width)} = ${l.value}`).join('\n');
      replaced.set(e, { ...e, newText: `${separate && i === 0 ? '\n' : ''}\n${body}` });
    });
  }
  return edits.map((e) => replaced.get(e) ?? e);
}
