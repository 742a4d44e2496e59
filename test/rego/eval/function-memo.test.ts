// User-function memoisation: results are reused per argument tuple, and distinct tuples never
// share an entry, even when their arguments' texts would run together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, input, policyOf, valueOf } from './helpers';

test('function memo: string arguments containing the separator stay distinct', () => {
  const p = policyOf(`package t
f(a, b) := concat("|", [a, b])
r := [f("a,sb", "c"), f("a", "b,sc")]`);
  assert.deepEqual(valueOf(p, 'data.t.r'), ['a,sb|c', 'a|b,sc']);
});

test('function memo: a repeated call with equal arguments gives the same result', () => {
  const p = policyOf(`package t
g(x) := {"seen": x}
r := [g({"k": 1}), g({"k": 1}), g("s")]`);
  assert.deepEqual(valueOf(p, 'data.t.r'), [{ seen: { k: 1 } }, { seen: { k: 1 } }, { seen: 's' }]);
});

test('function memo: mixed arrays whose scalars would run together stay distinct', () => {
  const p = policyOf(`package t
h(xs) := count(xs)
r := [h(["a,sb", {"o": 1}]), h(["a", "b", {"o": 1}])]`);
  assert.deepEqual(valueOf(p, 'data.t.r'), [2, 3]);
});

test('function memo: a string, a number and an array with the same canonical text stay distinct', () => {
  const p = policyOf(`package t
kind(x) := type_name(x)
r := [kind("\\u0000#1"), kind(1), kind("#1"), kind([1]), kind("[#1]"), kind(true), kind("t"), kind(null), kind("n")]`);
  assert.deepEqual(valueOf(p, 'data.t.r'), ['string', 'number', 'string', 'array', 'string', 'boolean', 'string', 'null', 'string']);
});

test('function memo: several arguments are told apart position by position', () => {
  const p = policyOf(`package t
pair(a, b) := sprintf("%v/%v", [a, b])
r := [pair("x", "y"), pair("y", "x"), pair("x", "y"), pair(1, "y"), pair("1", "y")]`);
  assert.deepEqual(valueOf(p, 'data.t.r'), ['x/y', 'y/x', 'x/y', '1/y', '1/y']);
});

test('function memo: recursion is still reported', () => {
  const p = policyOf(`package t
f(x) := y if y := f(x)
r := f(1)`);
  assert.equal(errorOf(p, 'data.t.r = x').code, 'rego_recursion_error');
});

test('walk over the same object twice yields the same pairs (relation outputs are reused)', () => {
  const p = policyOf(`package t
pairs := [[path, v] | walk(input.c, [path, v])]
r := [count(pairs), count([1 | some _ in ["a", "b"]; walk(input.c, [_, _])]), pairs[2]]`);
  assert.deepEqual(valueOf(p, 'data.t.r', { input: input({ c: { a: [1, 2], b: 's' } }) }), [5, 10, [['a', 0], 1]]);
});
