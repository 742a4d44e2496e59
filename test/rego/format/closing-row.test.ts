// closingRow (OPA's closingLoc) finds brackets through a per-text table of bracket pairs. It must
// answer exactly as OPA's plain textual scan of the node's text does, for any text: brackets in
// strings, unbalanced ones, a group to skip first, a bracket closing outside the node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closingRow, NEGATIVE_ROW, Source, type Pos } from '../../../server/src/rego/format/source';

/** OPA's scan, written out plainly: the reference the table must agree with. */
function referenceRow(text: string, row: number, open: string, close: string, skipOpen?: string, skipClose?: string): number {
  let i = 0;
  let lines = 0;
  if (skipOpen !== undefined && skipClose !== undefined) {
    while (i < text.length && text[i] !== skipOpen) i++;
    let depth = 1;
    while (depth > 0) {
      i++;
      if (i >= text.length) break;
      if (text[i] === skipOpen) depth++;
      else if (text[i] === skipClose) depth--;
      else if (text[i] === '\n') lines++;
    }
  }
  while (i < text.length && text[i] !== open) i++;
  if (i >= text.length) return NEGATIVE_ROW.row;
  let depth = 1;
  while (depth > 0) {
    i++;
    if (i >= text.length) return NEGATIVE_ROW.row;
    if (text[i] === open) depth++;
    else if (text[i] === close) depth--;
    else if (text[i] === '\n') lines++;
  }
  return row + lines;
}

/** A small deterministic generator (no test may depend on chance). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = '{}{}()()[][]\n\n"ab ';
const PAIRS: [string, string, string?, string?][] = [['{', '}'], ['(', ')'], ['[', ']'], ['{', '}', '(', ')'], ['{', '}', '[', ']']];

test('closingRow agrees with the textual scan on 3,000 random nodes of random texts', () => {
  const next = prng(20261129);
  let found = 0;
  for (let n = 0; n < 3000; n++) {
    const length = 1 + Math.floor(next() * 60);
    let text = '';
    for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
    const src = new Source(text);
    const start = Math.floor(next() * text.length);
    const end = start + Math.floor(next() * (text.length - start + 1));
    const pos = src.pos({ start, end });
    const [open, close, skipOpen, skipClose] = PAIRS[n % PAIRS.length];
    const expected = referenceRow(text.slice(start, end), pos.row, open, close, skipOpen, skipClose);
    assert.equal(closingRow(pos, open, close, skipOpen, skipClose).row, expected, JSON.stringify({ text, start, end, open, skipOpen }));
    if (expected !== NEGATIVE_ROW.row) found++;
  }
  // Both outcomes are exercised: a closing bracket found, and none.
  assert.ok(found > 300 && found < 2700, `found ${found}`);
});

test('a position outside the source (an else head at its keyword) is scanned in its own text', () => {
  const pos: Pos = { row: 7, offset: 0, text: 'f(x,\n y) {\n\t[1,\n2]\n}' };
  assert.equal(closingRow(pos, '{', '}', '(', ')').row, 7 + 1 + 3);
  assert.equal(closingRow(pos, '[', ']').row, 7 + 1);
  assert.equal(closingRow({ row: 3, offset: 0, text: 'else' }, '{', '}').row, NEGATIVE_ROW.row);
});

test('rows are 1-based and clamped to the text', () => {
  const src = new Source('a\nb\n\nc');
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 99, -1].map((o) => src.rowOf(o)), [1, 1, 2, 2, 3, 4, 4, 4, 1]);
});
