import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/iac/tfplan';
import { toPlain } from '../../../server/src/iac/tfplan/json';

test('parses like JSON.parse and keeps offsets of members and items', () => {
  const text = '{ "a": [1, -2.5e3, "x\\u0041\\n"], "b": {"c": null, "d": true}, "a2": false }';
  const { root, error } = parseJson(text);
  assert.equal(error, undefined);
  assert.ok(root);
  assert.deepEqual(toPlain(root), JSON.parse(text));
  assert.equal(root.kind, 'object');
  if (root.kind !== 'object') return;
  const a = root.members[0];
  assert.equal(text.slice(a.keyStart, a.keyEnd), '"a"');
  assert.equal(a.value.kind, 'array');
  if (a.value.kind !== 'array') return;
  assert.equal(text.slice(a.value.items[2].start, a.value.items[2].end), '"x\\u0041\\n"');
  assert.equal(text.slice(root.members[1].value.start, root.members[1].value.end), '{"c": null, "d": true}');
});

test('bad input yields an error with a position, never a throw', () => {
  const cases: [string, string][] = [
    ['', 'unexpected end of JSON'],
    ['{"a": 1', 'unexpected end of JSON'],
    ['{"a": 1 2}', "expected ',' or '}' in an object"],
    ['{"a" 1}', "expected ':' after the property name"],
    ['[1, 2', 'unexpected end of JSON'],
    ['[1 2]', "expected ',' or ']' in an array"],
    ['{"a": "unterminated', 'unterminated string'],
    ['{"a": tru}', "unexpected character 't'"],
    ['{} x', 'unexpected text after the JSON value'],
    ['{a: 1}', 'expected a property name in double quotes'],
    ['"\\q"', 'invalid escape in a string'],
  ];
  for (const [text, message] of cases) {
    const result = parseJson(text);
    assert.equal(result.root, undefined, text);
    assert.equal(result.error?.message, message, text);
    assert.ok(result.error!.start <= text.length, text);
  }
});

test('deep nesting is an error, not a stack overflow', () => {
  const text = '['.repeat(100_000) + ']'.repeat(100_000);
  const result = parseJson(text);
  assert.equal(result.error?.message, 'JSON nested too deeply');
});
