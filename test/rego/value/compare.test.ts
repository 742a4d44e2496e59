import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, sortValues } from '../../../server/src/rego/value/compare';
import { ObjectValue, SetValue } from '../../../server/src/rego/value/collections';
import { equal, keyOf } from '../../../server/src/rego/value/key';
import { intNumber, parseNumber } from '../../../server/src/rego/value/number';
import { toRegoText } from '../../../server/src/rego/value/format';
import type { RegoValue } from '../../../server/src/rego/value/types';

const n = (x: number | string) => (typeof x === 'number' ? intNumber(x) : parseNumber(x)!);

test('kinds order: null < boolean < number < string < array < object < set', () => {
  const values: RegoValue[] = [new SetValue(), new ObjectValue(), [], 'a', n(1), true, false, null];
  assert.equal(toRegoText(sortValues(values)), '[null, false, true, 1, "a", [], {}, set()]');
});

test('strings compare by code point (UTF-8 byte order), not UTF-16', () => {
  // U+FF5E (BMP, high) sorts before U+1F600 (astral) in UTF-8 but after its surrogates in UTF-16.
  assert.equal(compare('\uff5e', '😀'), -1);
  assert.equal(compare('a', 'b'), -1);
  assert.equal(compare('ab', 'a'), 1);
});

test('arrays compare element-wise, then by length', () => {
  assert.equal(compare([n(1), n(2)], [n(1), n(3)]), -1);
  assert.equal(compare([n(1), n(2)], [n(1)]), 1);
});

test('objects compare by sorted keys, pairing key then value', () => {
  const a = ObjectValue.fromRecord({ a: n(1), b: n(2) });
  const b = ObjectValue.fromRecord({ b: n(2), a: n(1) });
  assert.equal(compare(a, b), 0);
  assert.equal(compare(ObjectValue.fromRecord({ a: n(1) }), ObjectValue.fromRecord({ b: n(0) })), -1);
  assert.equal(compare(ObjectValue.fromRecord({ a: n(1) }), ObjectValue.fromRecord({ a: n(2) })), -1);
});

test('sets compare by sorted members', () => {
  assert.equal(compare(new SetValue([n(3), n(1)]), new SetValue([n(1), n(3)])), 0);
  assert.equal(compare(new SetValue([n(1)]), new SetValue([n(1), n(2)])), -1);
});

test('keys and equality are structural and numeric', () => {
  assert.equal(keyOf(n(1)), keyOf(n('1.0')));
  assert.ok(equal([n(1), 'a'], [n('1e0'), 'a']));
  assert.ok(!equal('1', n(1)));
  const s = new SetValue([n(1), n('1.0'), n('1e0')]);
  assert.equal(s.size, 1);
  const o = new ObjectValue([[['k'], 'array key'], [new SetValue(['x']), 'set key']]);
  assert.equal(o.get(['k']), 'array key');
  assert.equal(o.get(new SetValue(['x'])), 'set key');
  // Keys of strings that look like other kinds do not collide.
  assert.notEqual(keyOf('t'), keyOf(true));
  assert.notEqual(keyOf(['a,b']), keyOf(['a', 'b']));
});

test('keys follow mutation during construction', () => {
  const s = new SetValue([n(1)]);
  const before = keyOf(s);
  s.add(n(2));
  assert.notEqual(keyOf(s), before);
  assert.ok(equal(s, new SetValue([n(2), n(1)])));
  const o = ObjectValue.fromRecord({ a: n(1) });
  const k = keyOf(o);
  o.set('b', n(2));
  assert.notEqual(keyOf(o), k);
});

test('object order: an object changed while still being built is compared by its new keys', () => {
  const a = ObjectValue.fromRecord({ b: n(1) });
  const b = ObjectValue.fromRecord({ c: n(1) });
  assert.equal(compare(a, b), -1, '{"b"} < {"c"}');
  a.set('d', n(1));
  b.set('a', n(1));
  // a = {"b", "d"}, b = {"a", "c"}: the first keys now decide the other way
  assert.equal(compare(a, b), 1);
  b.delete('a');
  assert.equal(compare(a, b), -1);
});

test('object order: repeated comparisons of the same objects agree with their sorted keys', () => {
  const objects = ['z', 'a', 'm'].map((k, i) => ObjectValue.fromRecord({ [k]: n(i), k: 'x' }));
  for (let i = 0; i < 3; i++) assert.equal(toRegoText(sortValues([...objects])), '[{"a": 1, "k": "x"}, {"k": "x", "m": 2}, {"k": "x", "z": 0}]');
});
