import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/lsp/line-index';

test('positions count UTF-16 code units and every line-break style', () => {
  const text = 'a\r\nb😀c\rd\ne';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  // The emoji is two code units: `c` sits at character 3.
  assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 3 });
  assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(text.indexOf('e')), { line: 3, character: 0 });
});

test('offsets and positions round-trip; out-of-range input is clamped', () => {
  const text = 'resource "a" "b" {\n  x = 1\n}\n';
  const index = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) assert.equal(index.offsetAt(index.positionAt(offset)), offset);
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(10_000), { line: 3, character: 0 });
  assert.equal(index.offsetAt({ line: 1, character: 99 }), text.indexOf('\n}'), 'a character past the end stops at the line break');
  assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
});

test('a CRLF line break is never split by offsetAt', () => {
  const index = new LineIndex('ab\r\ncd');
  assert.equal(index.offsetAt({ line: 0, character: 3 }), 2);
  assert.deepEqual(index.rangeOf(1, 1), { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } });
});
