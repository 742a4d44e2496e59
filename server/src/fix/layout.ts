// Line-level layout of Terraform text: indentation, whole-line deletion, and inserting lines into
// a block body so that they look like their siblings. Works on offsets; never reformats text it
// does not have to touch.
import type { Block, BodyItem, ParsedFile } from '../iac/terraform';

/** A text edit inside the one file being rendered (the caller adds the file name). */
export interface LocalEdit {
  start: number;
  end: number;
  newText: string;
  /** Only re-pads an aligned run around the fix's other edits (fix/align.ts): derived from them, never combined as they are. */
  layout?: boolean;
}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** End of the line holding `pos`, before its `\r\n` or `\n`. */
export function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The whitespace that starts the line holding `pos`. */
export function indentAt(text: string, pos: number): string {
  const start = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(start, pos))![0];
}

/** True when only whitespace precedes `pos` on its line. */
export function startsLine(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, pos), pos));
}

/** True when only whitespace or a comment follows `pos` on its line. */
export function endsLine(file: ParsedFile, pos: number): boolean {
  const end = lineEnd(file.text, pos);
  const rest = file.text.slice(pos, end);
  if (/^[ \t]*$/.test(rest)) return true;
  const comment = file.comments.find((c) => c.start >= pos && c.start < end);
  return comment !== undefined && /^[ \t]*$/.test(file.text.slice(pos, comment.start)) && comment.end >= end;
}

export function sameLine(text: string, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return !text.slice(lo, hi).includes('\n');
}

/** `\r\n` when the file uses it, so inserted lines match. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Deletes [start, end) with its whole lines when it stands alone on them (its trailing comment
 * goes too); otherwise exactly the range.
 */
export function deleteSpan(file: ParsedFile, start: number, end: number): LocalEdit {
  const text = file.text;
  if (startsLine(text, start) && endsLine(file, end)) {
    const from = lineStart(text, start);
    const nl = text.indexOf('\n', end);
    return { start: from, end: nl < 0 ? text.length : nl + 1, newText: '' };
  }
  return { start, end, newText: '' };
}

/** The indentation for a new item of `owner`'s body: its items', else the owner's plus one level. */
export function bodyIndent(file: ParsedFile, owner: Block): string {
  const text = file.text;
  for (const item of owner.body.items) if (startsLine(text, item.start)) return indentAt(text, item.start);
  const outer = indentAt(text, owner.start);
  return outer + (outer.includes('\t') ? '\t' : '  ');
}

/** A body written on one line (`x { a = 1 }`): new items cannot simply go on a line of their own. */
function isInlineBody(file: ParsedFile, owner: Block): boolean {
  const text = file.text;
  if (!owner.open || !owner.close) return false;
  if (sameLine(text, owner.open.end, owner.close.start)) return true;
  const items = owner.body.items;
  if (items.length === 0) return false;
  return sameLine(text, owner.open.end, items[0].start) || sameLine(text, items[items.length - 1].end, owner.close.start);
}

export type InsertResult = { ok: true; edit: LocalEdit } | { ok: false; reason: string };

/**
 * Inserts `lines` (already indented with `bodyIndent`) into `owner`'s body: attributes after the
 * last attribute (else first), blocks after the last item with a blank line before them.
 */
export function insertIntoBody(file: ParsedFile, owner: Block, lines: string[], kind: 'attribute' | 'block'): InsertResult {
  const text = file.text;
  const nl = newlineOf(text);
  if (!owner.open || !owner.close) return { ok: false, reason: 'the block is not closed' };
  const indent = bodyIndent(file, owner);
  const outer = indentAt(text, owner.start);
  const items = owner.body.items;
  const block = lines.join(nl);
  if (isInlineBody(file, owner)) {
    // Rewrite the one-line body as lines; refuse when that would move a comment.
    if (file.comments.some((c) => c.start >= owner.open!.end && c.end <= owner.close!.start)) {
      return { ok: false, reason: 'the block body is on one line with a comment in it' };
    }
    const existing = items.map((i) => indent + text.slice(i.start, i.end).trim());
    const attrs = items.filter((i) => i.kind === 'Attribute').length;
    const at = kind === 'attribute' ? attrs : existing.length;
    const all = [...existing.slice(0, at), block, ...existing.slice(at)];
    return { ok: true, edit: { start: owner.open.end, end: owner.close.start, newText: nl + all.join(nl) + nl + outer } };
  }
  const anchor = kind === 'attribute' ? lastOf(items, 'Attribute') : items[items.length - 1];
  const at = anchor ? lineEnd(text, endOfItemLine(file, anchor)) : lineEnd(text, owner.open.end);
  const gap = kind === 'block' && anchor ? nl : '';
  return { ok: true, edit: { start: at, end: at, newText: nl + gap + block } };
}

function lastOf(items: BodyItem[], kind: BodyItem['kind']): BodyItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (items[i].kind === kind) return items[i];
  return undefined;
}

/** An item ends at its last character; a block comment after it may run onto later lines. */
function endOfItemLine(file: ParsedFile, item: BodyItem): number {
  const end = lineEnd(file.text, item.end);
  const comment = file.comments.find((c) => c.start >= item.end && c.start < end && c.end > end);
  return comment ? comment.end : item.end;
}
