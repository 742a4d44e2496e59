import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isObject } from '../../../server/src/rego/value/collections';
import { toJSONText } from '../../../server/src/rego/value/format';
import { fromJS, parseJSON, parseYAML, toJS } from '../../../server/src/rego/value/json';
import type { RegoNumber } from '../../../server/src/rego/value/types';

test('JSON numbers stay exact and keep their text', () => {
  const r = parseJSON('{"big": 18446744073709551614, "f": 1.50, "e": 1e400, "neg": -9223372036854775808}');
  assert.equal(r.error, undefined);
  assert.equal(toJSONText(r.value!), '{"big":18446744073709551614,"e":1e400,"f":1.50,"neg":-9223372036854775808}');
});

test('JSON errors are returned, never thrown', () => {
  for (const bad of ['', '{', '{"a":}', '[1,]', 'tru', '"\\x"', '{"a" 1}', '1 2']) {
    const r = parseJSON(bad);
    assert.equal(typeof r.error, 'string', bad);
  }
  const deep = '['.repeat(20000) + ']'.repeat(20000);
  assert.equal(typeof parseJSON(deep).error, 'string');
});

test('JSON string escapes decode', () => {
  assert.equal(parseJSON('"a\\u00e9\\n\\/"').value, 'aé\n/');
});

test('YAML integers are exact (intAsBigInt) and map keys become strings', () => {
  const r = parseYAML('a: 18446744073709551614\nb: 1.5\n1: one\nlist: [x, true, null]\n');
  assert.equal(r.error, undefined);
  assert.ok(isObject(r.value));
  assert.equal((r.value.get('a') as RegoNumber).int, 18446744073709551614n);
  assert.equal((r.value.get('b') as RegoNumber).text, '1.5');
  assert.equal(r.value.get('1'), 'one');
  assert.equal(toJSONText(r.value.get('list')!), '["x",true,null]');
  assert.equal(typeof parseYAML('a: [1, 2').error, 'string');
});

test('fromJS and toJS round trip plain data', () => {
  const plain = { a: [1, 'x', null, { b: true }], c: 2.5, big: 2n ** 70n };
  assert.deepEqual(toJS(fromJS(plain)), plain);
});

// Session-13 sweep: yaml overflowed its stack on deep text, and a few such parses aborted the
// process; parseYAML (yaml.unmarshal) now refuses text nested past 400 levels first.
test('parseYAML refuses text nested past 400 levels, however often it is asked', () => {
  for (let i = 0; i < 20; i++) assert.equal(parseYAML(`a:\n${'  - '.repeat(10000)}x\n`).error, 'exceeded max depth of 400');
  assert.equal(parseYAML(`${'['.repeat(100)}${']'.repeat(100)}`).error, undefined);
});
