// OPA's formatter decides layout from source positions: a node's starting row and its source text
// (OPA's Location.Row / Location.Text). This module derives both from our offset-based Locs.
import type { Loc } from '../syntax/ast';
import { lineIndex, type LineIndex } from '../syntax/line-index';

/** A node position as OPA's formatter sees it. */
export interface Pos {
  row: number;
  /** Offset of the first character (orders nodes on the same row). */
  offset: number;
  text: string;
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
    return { row: this.lines.position(loc.start).row, offset: loc.start, text: this.text.slice(loc.start, loc.end) };
  }

  rowOf(offset: number): number {
    return this.lines.position(offset).row;
  }
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
  let i = 0;
  let offset = 0;
  if (skipOpen !== undefined && skipClose !== undefined) [i, offset] = skipPast(text, skipOpen, skipClose);
  while (i < text.length && text[i] !== open) i++;
  if (i >= text.length) return NEGATIVE_ROW;
  let depth = 1;
  while (depth > 0) {
    i++;
    if (i >= text.length) return NEGATIVE_ROW;
    const c = text[i];
    if (c === open) depth++;
    else if (c === close) depth--;
    else if (c === '\n') offset++;
  }
  return { row: pos.row + offset };
}

function skipPast(text: string, open: string, close: string): [number, number] {
  let i = 0;
  while (i < text.length && text[i] !== open) i++;
  let depth = 1;
  let offset = 0;
  while (depth > 0) {
    i++;
    if (i >= text.length) return [i, offset];
    const c = text[i];
    if (c === open) depth++;
    else if (c === close) depth--;
    else if (c === '\n') offset++;
  }
  return [i, offset];
}
