import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ObjectValue, SetValue } from '../../../server/src/rego/value/collections';
import { goQuote, toJSONText, toRegoText } from '../../../server/src/rego/value/format';
import { intNumber, parseNumber } from '../../../server/src/rego/value/number';

const n = (x: number | string) => (typeof x === 'number' ? intNumber(x) : parseNumber(x)!);

test('JSON output sorts object keys and sets, and escapes HTML like Go', () => {
  const v = ObjectValue.fromRecord({ b: new SetValue([n(3), n(1), n(2)]), a: '<&>', c: [null, true, n('1.50')] });
  assert.equal(toJSONText(v), '{"a":"\\u003c\\u0026\\u003e","b":[1,2,3],"c":[null,true,1.50]}');
  assert.equal(toJSONText('<', { escapeHTML: false }), '"<"');
  assert.equal(toJSONText('\u2028\n\u0001'), '"\\u2028\\n\\u0001"');
});

test('JSON pretty printing follows MarshalIndent', () => {
  const v = ObjectValue.fromRecord({ a: [n(1), n(2)], b: new ObjectValue() });
  assert.equal(toJSONText(v, { indent: '  ' }), '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}');
});

test('non-string object keys print as Rego terms in JSON', () => {
  assert.equal(toJSONText(new ObjectValue([[n(1), 'x']])), '{"1":"x"}');
});

test('Rego term text: sets sorted, set() for the empty set, Go string quoting', () => {
  assert.equal(toRegoText(new SetValue(['b', n(1), 'a'])), '{1, "a", "b"}');
  assert.equal(toRegoText(new SetValue()), 'set()');
  assert.equal(toRegoText(ObjectValue.fromRecord({ z: n(1), a: [true, null] })), '{"a": [true, null], "z": 1}');
  assert.equal(goQuote('tab\there "q" \u0007 é \u007f'), '"tab\\there \\"q\\" \\a é \\x7f"');
});
