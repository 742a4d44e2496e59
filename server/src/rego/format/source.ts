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
    readonly source: Source,
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
  /** The formatter needs rows only, never columns (which cost a scan of the line). */
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = lineIndex(text);
  }

  pos(loc: Loc): Pos {
    return new SourcePos(this, this.rowOf(loc.start), loc.start, loc.end);
  }

  /** Per bracket pair (keyed by the opening character): every opening bracket and the one closing it. */
  private readonly bracketPairs = new Map<string, BracketPairs>();

  /**
   * Offset of the `close` that balances the `open` at `at` (-1 if none), counting only these two
   * characters, wherever they are (in strings and comments too): OPA's textual scan. One pass over
   * the text per pair, instead of a scan per composite (which nests: quadratic in depth).
   */
  matchingBracket(at: number, open: string, close: string): number {
    let pairs = this.bracketPairs.get(open);
    if (!pairs) this.bracketPairs.set(open, (pairs = pairBrackets(this.text, open, close)));
    const { opens, closes } = pairs;
    let lo = 0;
    let hi = opens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (opens[mid] === at) return closes[mid];
      if (opens[mid] < at) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** 1-based row of the character at `offset` (clamped to the text). */
  rowOf(offset: number): number {
    return this.lines.row(offset);
  }

}

interface BracketPairs {
  /** Offsets of the opening brackets, ascending. */
  opens: number[];
  /** closes[i]: offset of the bracket closing opens[i], or -1 when it is never closed. */
  closes: number[];
}

/**
 * A stack scan that jumps from bracket to bracket (indexOf). A closing bracket with no opening one
 * before it is ignored, as the textual scan would.
 */
function pairBrackets(text: string, open: string, close: string): BracketPairs {
  const opens: number[] = [];
  const closes: number[] = [];
  const stack: number[] = [];
  let nextOpen = text.indexOf(open);
  let nextClose = text.indexOf(close);
  while (nextOpen >= 0 || nextClose >= 0) {
    if (nextClose < 0 || (nextOpen >= 0 && nextOpen < nextClose)) {
      stack.push(opens.length);
      opens.push(nextOpen);
      closes.push(-1);
      nextOpen = text.indexOf(open, nextOpen + 1);
    } else {
      if (stack.length > 0) closes[stack.pop()!] = nextClose;
      nextClose = text.indexOf(close, nextClose + 1);
    }
  }
  return { opens, closes };
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
 * first balanced `skipOpen…skipClose` group (a rule head's arguments or key) is skipped first. Like
 * OPA, the row counts only the line breaks inside the skipped group and inside the brackets.
 */
export function closingRow(pos: Pos, open: string, close: string, skipOpen?: string, skipClose?: string): RowOnly {
  // A position that is not in the source (an else head placed at its keyword) is scanned on its own.
  const [src, from, to] = pos instanceof SourcePos ? [pos.source, pos.offset, pos.end] : [new Source(pos.text), 0, pos.text.length];
  let at = from;
  let rows = 0;
  if (skipOpen !== undefined && skipClose !== undefined) {
    const skipStart = src.text.indexOf(skipOpen, from);
    const skipEnd = skipStart >= 0 && skipStart < to ? src.matchingBracket(skipStart, skipOpen, skipClose) : -1;
    if (skipEnd < 0 || skipEnd >= to) return NEGATIVE_ROW;
    rows += src.rowOf(skipEnd) - src.rowOf(skipStart);
    at = skipEnd;
  }
  const start = src.text.indexOf(open, at);
  const end = start >= 0 && start < to ? src.matchingBracket(start, open, close) : -1;
  if (end < 0 || end >= to) return NEGATIVE_ROW;
  return { row: pos.row + rows + src.rowOf(end) - src.rowOf(start) };
}
