// Offsets (UTF-16 units, as stored in every Loc) ↔ OPA's 1-based row/col.
// OPA's scanner advances its column once per decoded character (rune), so a character outside the
// BMP (two UTF-16 units) counts as one column, and a tab counts as one.

export interface RowCol {
  /** 1-based line. */
  row: number;
  /** 1-based column in characters (code points), as OPA reports it. */
  col: number;
}

export interface LineIndex {
  /** Row/col of the character at `offset`. */
  position(offset: number): RowCol;
  /** 1-based row of the character at `offset` (clamped to the text): no column, so no scan of the line. */
  row(offset: number): number;
  /** Row/col as OPA reports a token at `offset`; at end of input OPA's column is one less. */
  opaPosition(offset: number): RowCol;
  /** Offset of 1-based row/col (clamped to the text). */
  offset(row: number, col: number): number;
  /** Offset where 1-based `row` starts. */
  lineStart(row: number): number;
  readonly lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);

  const rowOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const columnsBetween = (from: number, to: number): number => {
    let cols = to - from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      // A high surrogate followed by a low one is a single character.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { cols--; i++; }
      }
    }
    return cols;
  };

  const position = (offset: number): RowCol => {
    const o = Math.max(0, Math.min(offset, text.length));
    const r = rowOf(o);
    return { row: r + 1, col: columnsBetween(starts[r], o) + 1 };
  };

  return {
    position,
    row: (offset: number): number => rowOf(Math.max(0, Math.min(offset, text.length))) + 1,
    opaPosition(offset: number): RowCol {
      const p = position(offset);
      if (offset >= text.length) p.col--;
      return p;
    },
    offset(row: number, col: number): number {
      const r = Math.max(0, Math.min(row - 1, starts.length - 1));
      const end = r + 1 < starts.length ? starts[r + 1] : text.length;
      let o = starts[r];
      for (let c = 1; c < col && o < end; c++) {
        const ch = text.charCodeAt(o);
        o += ch >= 0xd800 && ch <= 0xdbff ? 2 : 1;
      }
      return Math.min(o, text.length);
    },
    lineStart(row: number): number {
      return starts[Math.max(0, Math.min(row - 1, starts.length - 1))];
    },
    lineCount: starts.length,
  };
}
