// OPA's formatter decides layout from source positions: a node's starting row and its source text
// (OPA's Location.Row / Location.Text). This module derives both from our offset-based Locs.
import type { Loc } from '../syntax/ast';
import { lineIndex, type LineIndex } from '../syntax/line-index';

/** A node position as OPA's formatter sees it. */
export interface Pos {
  row: number;
  /** Offset of the first character (orders nodes on the same row). */
  offset: number;
  readonly text: string;
}

/**
 * A node's position in the source. Most positions are only compared by row, so the node's text
 * is sliced when first asked for, and its last row is computed from the line table.
 */
class SourcePos implements Pos {
  private sliced: string | undefined;

  constructor(
    private readonly source: Source,
    readonly row: number,
    readonly offset: number,
    readonly end: number,
  ) {}

  get text(): string {
    return (this.sliced ??= this.source.text.slice(this.offset, this.end));
  }

  get lastRow(): number {
    return this.end > this.offset ? this.source.rowOf(this.end) : this.row;
  }
}

/** A position that only carries a row (OPA's synthetic closing-bracket locations). */
export interface RowOnly {
  row: number;
}

export const NEGATIVE_ROW: RowOnly = { row: -1 };

export class Source {
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = lineIndex(text);
  }

  pos(loc: Loc): Pos {
    return new SourcePos(this, this.lines.position(loc.start).row, loc.start, loc.end);
  }

  rowOf(offset: number): number {
    return this.lines.position(offset).row;
  }
}

/** The row a node's text ends on (its start row plus the line breaks inside it). */
export function lastRow(pos: Pos): number {
  return pos instanceof SourcePos ? pos.lastRow : pos.row + countNewlines(pos.text);
}

export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Row of the bracket closing the first `open` in `pos.text` (OPA's closingLoc). The scan is purely
 * textual, exactly like OPA's: brackets inside strings count too. When `skipOpen` is given, the
 * first balanced `skipOpen…skipClose` group (a rule head's arguments or key) is skipped first.
 */
export function closingRow(pos: Pos, open: string, close: string, skipOpen?: string, skipClose?: string): RowOnly {
  const text = pos.text;
  const o = open.charCodeAt(0);
  const c = close.charCodeAt(0);
  let i = 0;
  let offset = 0;
  if (skipOpen !== undefined && skipClose !== undefined) [i, offset] = skipPast(text, skipOpen.charCodeAt(0), skipClose.charCodeAt(0));
  while (i < text.length && text.charCodeAt(i) !== o) i++;
  if (i >= text.length) return NEGATIVE_ROW;
  let depth = 1;
  while (depth > 0) {
    i++;
    if (i >= text.length) return NEGATIVE_ROW;
    const ch = text.charCodeAt(i);
    if (ch === o) depth++;
    else if (ch === c) depth--;
    else if (ch === NEWLINE) offset++;
  }
  return { row: pos.row + offset };
}

const NEWLINE = 10;

function skipPast(text: string, open: number, close: number): [number, number] {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) !== open) i++;
  let depth = 1;
  let offset = 0;
  while (depth > 0) {
    i++;
    if (i >= text.length) return [i, offset];
    const ch = text.charCodeAt(i);
    if (ch === open) depth++;
    else if (ch === close) depth--;
    else if (ch === NEWLINE) offset++;
  }
  return [i, offset];
}
