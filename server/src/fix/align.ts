// Keeps the text a fix touches as `terraform fmt` would write it. Terraform's style conventions
// align the `=` of consecutive arguments whose values fit on their line (a blank line, a comment
// line, a nested block or a value spanning lines ends such a run), and the trailing comments of
// consecutive lines that have one. A fix that inserts a longer key into a run, removes its longest
// key, or turns a one-line value into several lines changes what the run's padding must be, so
// the formatter would rewrite lines the fix did not write (docs/fixes.md).
//
// `alignEdits` takes a fix's edits (its *content* edits), looks at the runs of the edited text
// around them, and re-pads each such run, returning the content edits (inserted lines padded)
// plus whitespace-only `layout` edits for the padding of existing lines. A run is re-padded only
// when each of its existing lines stood in a run the formatter would have left as it was: a file
// in the author's own style keeps its style. Layout edits are derived, never chosen: fix-all
// combines fixes by their content edits and aligns the combination again (`realignEdits`), so two
// fixes that both re-pad one run no longer collide.
import { formatLines, type FormatLine, type ParsedFile } from '../iac/terraform';
import type { FixTextEdit } from './types';
import { lineEnd, lineStart, type LocalEdit } from './layout';

/** A content edit's place in the edited region: `from`/`to` in the edited text, `start`/`end` in the original. */
interface Span {
  index: number;
  from: number;
  to: number;
  start: number;
  end: number;
}

/** Where a range of the edited text comes from: the original text, or one edit's new text. */
type Origin = { kind: 'original'; pos: number } | { kind: 'new'; index: number; rel: number };

/** A whitespace replacement in the edited text. */
interface Change {
  from: number;
  to: number;
  text: string;
}

type CellKind = 'assign' | 'comment';

/**
 * `edits` (one file's, non-overlapping) with the runs they touch aligned as `terraform fmt`
 * aligns them. `place: false` skips the choice of where a group of new settings goes (fix-all
 * re-aligning fixes that each made that choice already).
 */
export function alignEdits(file: ParsedFile, edits: LocalEdit[], options: { place?: boolean } = {}): LocalEdit[] {
  let content = edits.filter((e) => !e.layout);
  if (content.length === 0) return edits;
  // New top-level blocks after a blank line (add_resource, add_data) touch no run of the file, and
  // their bodies are rendered aligned (fix/hcl-values.ts): nothing to read.
  const items = file.body.items;
  if (content.every((e) => e.start === e.end && e.newText.startsWith('\n\n') && !items.some((i) => i.start < e.start && e.start < i.end))) return content;
  if (options.place !== false) content = placeInsertedGroups(file, content);
  const aligned = new Aligner(file.text, file.body.items, content).run();
  return aligned ?? content;
}

/** Fix-all and follow-ups: the layout edits of several fixes dropped and derived again for their union. */
export function realignEdits(edits: FixTextEdit[], parsed: (file: string) => ParsedFile | undefined): FixTextEdit[] {
  const files = [...new Set(edits.map((e) => e.file))];
  const out: FixTextEdit[] = [];
  for (const file of files) {
    const mine = edits.filter((e) => e.file === file);
    const source = /\.json$/i.test(file) ? undefined : parsed(file);
    if (!source) {
      out.push(...mine);
      continue;
    }
    out.push(...alignEdits(source, argumentsFirst(mine).map(({ file: _f, ...e }) => e), { place: false }).map((e) => ({ file, ...e })));
  }
  return out;
}

/**
 * Insertions of several fixes at one place with arguments before blocks, as Terraform's style
 * orders a body: EC2-001's `metadata_options` block and EC2-005's `monitoring` both go after the
 * last argument, and `monitoring` belongs to the run of arguments, not after the block.
 */
function argumentsFirst<E extends { start: number; end: number; newText: string }>(edits: E[]): E[] {
  const block = (e: E) => e.start === e.end && /^(\r?\n){2}/.test(e.newText);
  const argument = (e: E) => e.start === e.end && /^\r?\n[ \t]*[^\s]/.test(e.newText);
  if (!edits.some(block) || !edits.some(argument)) return edits;
  const at = new Map<number, number>(); // offset → rank of the first block inserted there
  edits.forEach((e, i) => {
    if (block(e) && !at.has(e.start)) at.set(e.start, i);
  });
  return edits
    .map((e, i) => ({ e, i, key: argument(e) && at.has(e.start) ? at.get(e.start)! - 0.5 : i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.e);
}

/** The edits that change text (not only a run's padding). */
export function contentEdits<E extends { layout?: boolean }>(edits: readonly E[]): E[] {
  return edits.filter((e) => !e.layout);
}

class Aligner {
  private readonly spans: Span[] = [];
  private after = '';
  private regionStart = 0;
  private regionEnd = 0;
  private lines: FormatLine[] = [];
  private before?: string;
  private beforeLines?: FormatLine[];
  private readonly changes: Change[] = [];
  /** Per line of the edited text, how much the assign pass widened it (comments move with it). */
  private readonly widened = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly items: readonly { start: number; end: number }[],
    private readonly content: LocalEdit[],
  ) {}

  /** The aligned edits, or undefined when the edits cannot be read as one edited region. */
  run(): LocalEdit[] | undefined {
    if (!this.edit()) return undefined;
    this.lines = formatLines(this.after);
    const touched = this.touchedLines();
    const repadded = this.alignCells('assign', touched);
    const openers = this.spaceOpeners(touched);
    this.alignCells('comment', new Set([...touched, ...repadded, ...openers]));
    return this.changes.length === 0 ? this.content : this.toEdits();
  }

  /** The edited text of the lines around the edits (whole lines, from the first edit's line to the last's). */
  private edit(): boolean {
    const text = this.text;
    const order = this.content.map((e, index) => ({ e, index })).sort((a, b) => a.e.start - b.e.start || a.index - b.index);
    // Whole top-level blocks, so every run around the edits is read from its first line to its last.
    let start = lineStart(text, order[0].e.start);
    let end = Math.max(...order.map(({ e }) => lineEnd(text, e.end)));
    for (const item of this.items) {
      if (item.start <= start && start <= item.end) start = lineStart(text, item.start);
      if (item.start <= end && end <= item.end) end = lineEnd(text, item.end);
    }
    this.regionStart = start;
    this.regionEnd = end;
    let cur = this.regionStart;
    let after = '';
    for (const { e, index } of order) {
      if (e.start < cur) return false; // overlapping edits: not ours to align
      after += text.slice(cur, e.start);
      this.spans.push({ index, from: after.length, to: after.length + e.newText.length, start: e.start, end: e.end });
      after += e.newText;
      cur = e.end;
    }
    this.after = after + text.slice(cur, this.regionEnd);
    return true;
  }

  /** Lines holding edited text, and the line before and after each edit (a removal joins or shortens runs). */
  private touchedLines(): Set<number> {
    const out = new Set<number>();
    for (const s of this.spans) {
      const first = this.lineAt(s.from);
      const last = this.lineAt(s.to);
      for (let i = Math.max(0, first - 1); i <= Math.min(this.lines.length - 1, last + 1); i++) out.add(i);
    }
    return out;
  }

  private lineAt(pos: number): number {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Re-pads every run of `kind` cells that holds a touched line, when its existing lines were
   * aligned before the edit. Returns the lines whose padding changed.
   */
  private alignCells(kind: CellKind, touched: Set<number>): Set<number> {
    const changed = new Set<number>();
    const lines = this.lines;
    for (let i = 0; i < lines.length; ) {
      if (cell(lines[i], kind) === undefined) {
        i++;
        continue;
      }
      let j = i;
      while (j < lines.length && cell(lines[j], kind) !== undefined) j++;
      let hit = false;
      for (let k = i; k < j && !hit; k++) hit = touched.has(k);
      if (hit) for (const k of this.alignRun(kind, i, j)) changed.add(k);
      i = j;
    }
    return changed;
  }

  /** Lines [from, to) form one run of `kind` cells in the edited text. */
  private alignRun(kind: CellKind, from: number, to: number): number[] {
    const after = this.after;
    const rows: { line: number; width: number; gapFrom: number; gapTo: number }[] = [];
    let indent: string | undefined;
    for (let k = from; k < to; k++) {
      const line = this.lines[k];
      const [leadEnd, cellStart] = cell(line, kind)!;
      const lead = after.slice(line.start, leadEnd);
      const ws = /^ */.exec(lead)![0];
      // Tabs, another indentation or a gap that is not plain spaces: the formatter would change
      // more than the padding here, so the run is left as the fix wrote it.
      if (/\t/.test(lead) || (kind === 'assign' && (indent ?? ws) !== ws) || !/^ *$/.test(after.slice(leadEnd, cellStart))) return [];
      if (kind === 'assign' && /\s/.test(lead.slice(ws.length))) return [];
      indent = ws;
      const existing = this.originOf(line.start + ws.length, line.start + ws.length + 1);
      if (existing === undefined) return [];
      if (existing.kind === 'original' && !this.wasAligned(kind, existing.pos)) return [];
      const widened = kind === 'comment' ? this.widened.get(k) ?? 0 : 0;
      rows.push({ line: k, width: leadEnd - line.start + widened, gapFrom: leadEnd, gapTo: cellStart });
    }
    const width = Math.max(...rows.map((r) => r.width));
    const out: number[] = [];
    for (const r of rows) {
      const pad = width + 1 - r.width;
      if (pad === r.gapTo - r.gapFrom) continue;
      if (r.gapTo === r.gapFrom || this.originOf(r.gapFrom, r.gapTo) === undefined) return [];
      out.push(r.line);
    }
    for (const r of rows) {
      const pad = width + 1 - r.width;
      if (pad === r.gapTo - r.gapFrom) continue;
      this.changes.push({ from: r.gapFrom, to: r.gapTo, text: ' '.repeat(pad) });
      if (kind === 'assign') this.widened.set(r.line, pad - (r.gapTo - r.gapFrom));
    }
    return out;
  }

  /**
   * A touched line whose value now spans lines (`Action = [` after a list grew) leaves its run
   * and has one space before its `=`, when it stood in an aligned run before.
   */
  private spaceOpeners(touched: Set<number>): number[] {
    const out: number[] = [];
    for (const k of touched) {
      const line = this.lines[k];
      if (line.equals === undefined || line.assigns || this.after.slice(line.leadEnd, line.equals) === ' ') continue;
      if (!/^ +$/.test(this.after.slice(line.leadEnd, line.equals))) continue;
      const lead = /^ */.exec(this.after.slice(line.start, line.leadEnd))![0].length;
      const origin = this.originOf(line.start + lead, line.start + lead + 1);
      if (origin === undefined || this.originOf(line.leadEnd!, line.equals) === undefined) continue;
      if (origin.kind === 'original' && !(this.wasCell('assign', origin.pos) && this.wasAligned('assign', origin.pos))) continue;
      this.changes.push({ from: line.leadEnd!, to: line.equals, text: ' ' });
      this.widened.set(k, 1 - (line.equals - line.leadEnd!));
      out.push(k);
    }
    return out;
  }

  /** Whether the original line at `pos` had a cell of `kind`. */
  private wasCell(kind: CellKind, pos: number): boolean {
    const lines = this.beforeFormatLines();
    const rel = pos - this.regionStart;
    const at = lines.find((l) => l.start <= rel && rel <= l.end);
    return at !== undefined && cell(at, kind) !== undefined;
  }

  private beforeFormatLines(): FormatLine[] {
    this.before ??= this.text.slice(this.regionStart, this.regionEnd);
    return (this.beforeLines ??= formatLines(this.before));
  }

  /** Whether the original line at `pos` stood in a run of `kind` cells that the formatter would leave as it is (indentation included). */
  private wasAligned(kind: CellKind, pos: number): boolean {
    const lines = this.beforeFormatLines();
    const region = this.before!;
    const rel = pos - this.regionStart;
    const at = lines.findIndex((l) => l.start <= rel && rel <= l.end);
    if (at < 0 || cell(lines[at], kind) === undefined) return true; // no such cell before the edit (a value now on one line)
    let first = at;
    while (first > 0 && cell(lines[first - 1], kind) !== undefined) first--;
    let last = at;
    while (last + 1 < lines.length && cell(lines[last + 1], kind) !== undefined) last++;
    const rows = lines.slice(first, last + 1).map((l) => {
      const [leadEnd, cellStart] = cell(l, kind)!;
      const indented = /^ */.exec(region.slice(l.start, leadEnd))![0].length === l.indent;
      return { indented, width: leadEnd - l.start, column: cellStart - l.start, gap: region.slice(leadEnd, cellStart) };
    });
    // Indented otherwise (four spaces, tabs), the formatter would rewrite the run anyway: the author's style.
    const width = Math.max(...rows.map((r) => r.width));
    return rows.every((r) => r.indented && r.column === width + 1 && /^ +$/.test(r.gap));
  }

  /** Where the non-empty range [from, to) of the edited text comes from, when it lies in one piece. */
  private originOf(from: number, to: number): Origin | undefined {
    let shift = 0;
    for (const s of this.spans) {
      if (to <= s.from) break;
      if (from >= s.from && to <= s.to) return { kind: 'new', index: s.index, rel: from - s.from };
      if (from < s.to) return undefined;
      shift += s.to - s.from - (s.end - s.start);
    }
    return { kind: 'original', pos: this.regionStart + from - shift };
  }

  /** The changes as edits: inside new text they rewrite that edit's text; elsewhere they are layout edits. */
  private toEdits(): LocalEdit[] {
    const perEdit = new Map<number, { rel: number; len: number; text: string }[]>();
    const layout: LocalEdit[] = [];
    for (const c of this.changes) {
      const o = this.originOf(c.from, c.to)!;
      if (o.kind === 'original') layout.push({ start: o.pos, end: o.pos + (c.to - c.from), newText: c.text, layout: true });
      else perEdit.set(o.index, [...(perEdit.get(o.index) ?? []), { rel: o.rel, len: c.to - c.from, text: c.text }]);
    }
    const content = this.content.map((e, i) => {
      const list = perEdit.get(i);
      if (!list) return e;
      let newText = e.newText;
      for (const c of list.sort((a, b) => b.rel - a.rel)) newText = newText.slice(0, c.rel) + c.text + newText.slice(c.rel + c.len);
      return { ...e, newText };
    });
    return [...content, ...layout];
  }
}

/** The cell of `kind` on a line: the end of what precedes it and where it starts. */
function cell(line: FormatLine, kind: CellKind): [number, number] | undefined {
  if (kind === 'assign') return line.assigns ? [line.leadEnd!, line.equals!] : undefined;
  return line.comment === undefined ? undefined : [line.bodyEnd!, line.comment];
}

// ---------------------------------------------------------------------------------------------
// Where a group of new settings goes. Several attributes inserted together where an aligned run
// ends, with keys longer than the run's (VPC-009's four module inputs after `tags`), go after a
// blank line as a run of their own: re-padding the author's run for them would make the diff
// larger than the change. A single attribute joins the run, which is re-padded.

/** `indent key<spaces>= value` on one line; a key is a name or a quoted string (object keys). */
const ATTRIBUTE_LINE = /^([ \t]*)("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*)([ \t]*)=(?![=>])[ \t]*(.*)$/;

interface AttributeLine {
  indent: string;
  key: string;
  gap: string;
}

function attributeLine(line: string): AttributeLine | undefined {
  const m = ATTRIBUTE_LINE.exec(line);
  if (!m || !isClosed(m[4])) return undefined;
  return { indent: m[1], key: m[2], gap: m[3] };
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

/** The one-line attribute lines at `indent` that end on the line holding `pos`, going up. */
function runEndingAt(text: string, pos: number, indent: string): AttributeLine[] {
  const out: AttributeLine[] = [];
  for (let start = lineStart(text, pos); ; start = lineStart(text, start - 1)) {
    const a = attributeLine(text.slice(start, lineEnd(text, start)));
    if (!a || a.indent !== indent) break;
    out.push(a);
    if (start === 0) break;
  }
  return out;
}

/** The next line after `pos` is an attribute of the same run. */
function runGoesOn(text: string, pos: number, indent: string): boolean {
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return false;
  const a = attributeLine(text.slice(nl + 1, lineEnd(text, nl + 1)));
  return a !== undefined && a.indent === indent;
}

function placeInsertedGroups(file: ParsedFile, edits: LocalEdit[]): LocalEdit[] {
  const text = file.text;
  const byPos = new Map<number, LocalEdit[]>();
  for (const e of edits) {
    if (e.start !== e.end || !e.newText.startsWith('\n')) continue;
    byPos.set(e.start, [...(byPos.get(e.start) ?? []), e]);
  }
  const separate = new Set<LocalEdit>();
  for (const [pos, group] of byPos) {
    const lines = group.flatMap((e) => e.newText.slice(1).split('\n').map(attributeLine));
    if (lines.length < 2 || lines.some((l) => l === undefined)) continue;
    const indent = lines[0]!.indent;
    if (lines.some((l) => l!.indent !== indent) || runGoesOn(text, pos, indent)) continue;
    const run = runEndingAt(text, pos, indent);
    if (run.length === 0) continue;
    const runWidth = Math.max(...run.map((l) => l.key.length));
    if (!run.every((l) => l.key.length + l.gap.length === runWidth + 1 && /^ +$/.test(l.gap))) continue;
    if (lines.some((l) => l!.key.length > runWidth)) separate.add(group[0]);
  }
  return separate.size === 0 ? edits : edits.map((e) => (separate.has(e) ? { ...e, newText: `\n${e.newText}` } : e));
}
