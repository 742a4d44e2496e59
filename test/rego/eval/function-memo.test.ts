// User-function memoisation: results are reused per argument tuple, and distinct tuples never
// share an entry, even when their arguments' texts would run together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policyOf, valueOf } from './helpers';

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
