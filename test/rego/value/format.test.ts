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

test('JSON object keys sort by code point: a surrogate pair after U+E000 and up, ties in insertion order', () => {
  // UTF-16 code units would put U+1F600 (a surrogate pair) before U+E000 and U+FFFD; Go sorts by bytes.
  const v = ObjectValue.fromRecord({ '\ud83d\ude00': n(1), '\ufffd': n(2), '\ue000': n(3), b: n(4), a: n(5) });
  assert.equal(toJSONText(v), '{"a":5,"b":4,"\ue000":3,"\ufffd":2,"\ud83d\ude00":1}');
  // A number key and a string key with the same text: both kept, in insertion order.
  assert.equal(toJSONText(new ObjectValue([['1', 'str'], [n(1), 'num'], ['0', 'zero']])), '{"0":"zero","1":"str","1":"num"}');
  assert.equal(toJSONText(new ObjectValue([[n(1), 'num'], ['1', 'str']])), '{"1":"num","1":"str"}');
});

test('Rego term text: sets sorted, set() for the empty set, Go string quoting', () => {
  assert.equal(toRegoText(new SetValue(['b', n(1), 'a'])), '{1, "a", "b"}');
  assert.equal(toRegoText(new SetValue()), 'set()');
  assert.equal(toRegoText(ObjectValue.fromRecord({ z: n(1), a: [true, null] })), '{"a": [true, null], "z": 1}');
  assert.equal(goQuote('tab\there "q" \u0007 é \u007f'), '"tab\\there \\"q\\" \\a é \\x7f"');
});

test('compact JSON is the indented form without its layout, for varied values', () => {
  // Seeded values: nested arrays, sets and objects with string, number, array and mixed-case keys;
  // strings needing escapes (no ':', so that the layout's `": ` cannot occur inside one).
  let seed = 7;
  const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
  const strings = ['', 'a', 'B', 'é', '<&>', 'q"uote', 'back\\slash', 'nl\n', '\u2028', '\u0001', 'ZZ', 'a b', '10', '9', '\ud83d\ude00'];
  const value = (depth: number): ConstructorParameters<typeof SetValue>[0] extends Iterable<infer V> | undefined ? V : never => {
    const pick = depth > 3 ? rand(4) : rand(8);
    switch (pick) {
      case 0: return null;
      case 1: return rand(2) === 0;
      case 2: return n(rand(3) === 0 ? '1.50' : rand(200) - 100);
      case 3: return strings[rand(strings.length)];
      case 4: return Array.from({ length: rand(4) }, () => value(depth + 1));
      case 5: return new SetValue(Array.from({ length: rand(4) }, () => value(depth + 1)));
      default: {
        const o = new ObjectValue();
        for (let i = rand(5); i > 0; i--) o.set(rand(4) === 0 ? value(depth + 2) : strings[rand(strings.length)], value(depth + 1));
        return o;
      }
    }
  };
  for (let i = 0; i < 300; i++) {
    const v = value(0);
    for (const escapeHTML of [true, false]) {
      const unlaid = toJSONText(v, { indent: '', escapeHTML }).replace(/\n/g, '').replace(/": /g, '":');
      assert.equal(toJSONText(v, { escapeHTML }), unlaid);
    }
  }
});
