// The direct path (eval/direct.ts): expressions that hold or fail at once are evaluated without
// continuations; everything else falls back to the general path with the same results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromJS } from '../../../server/src/rego/value';
import { errorOf, policyOf, valueOf } from './helpers';

const INPUT = fromJS({ name: 'logs', acl: 'private', tags: { env: 'prod' }, sizes: [3, 1, 2], missing: null, off: false });

test('filters, negations and assignments over values at hand', () => {
  const p = policyOf(`package t
short(s) := count(s) < 5
a := n if { n := count(input.sizes); n > 2 }
b if { input.acl == "private"; not input.acl == "public"; not startswith(input.name, "x") }
c if { not input.nope }
d if { not short(input.name) }
e := x if { x := lower(upper(input.tags.env)) }
f := [input.name, {"k": input.acl}, {count(input.sizes)}]
g if { count(input.sizes, n); n == 3 }
h if { input.missing == null; not input.missing == false }
i if { not input.missing }
j if { not input.off }
k if { input.off }
l if { not to_number("x", 1) }
m := y if { to_number("x", y) }
`);
  const opts = { input: INPUT };
  assert.equal(valueOf(p, 'data.t.a', opts), 3);
  assert.equal(valueOf(p, 'data.t.b', opts), true);
  assert.equal(valueOf(p, 'data.t.c', opts), true, 'an undefined ref: its negation holds');
  assert.equal(valueOf(p, 'data.t.d', opts), undefined, 'short("logs") is true, so its negation fails');
  assert.equal(valueOf(p, 'data.t.e', opts), 'prod');
  assert.deepEqual(valueOf(p, 'data.t.f', opts), ['logs', { k: 'private' }, [3]]);
  assert.equal(valueOf(p, 'data.t.g', opts), true, 'a call with its output as the last argument');
  assert.equal(valueOf(p, 'data.t.h', opts), true, 'null is a value, not false');
  assert.equal(valueOf(p, 'data.t.i', opts), undefined, 'null holds (only false fails), so its negation fails');
  assert.equal(valueOf(p, 'data.t.j', opts), true, 'false fails, so its negation holds');
  assert.equal(valueOf(p, 'data.t.k', opts), undefined);
  assert.equal(valueOf(p, 'data.t.l', opts), true, 'a call with an output and no value fails, so its negation holds');
  assert.equal(valueOf(p, 'data.t.m', opts), undefined);
});

test('a term that must enumerate falls back to the general path with the same solutions', () => {
  const p = policyOf(`package t
pairs contains [i, v] if { v := input.sizes[i]; v > 1 }
n := count([x | some x in input.sizes; x > 1])
w contains p if { walk(input.tags, [p, v]); is_string(v) }
`);
  const opts = { input: INPUT };
  assert.deepEqual(valueOf(p, 'data.t.pairs', opts), [[0, 3], [2, 2]]);
  assert.equal(valueOf(p, 'data.t.n', opts), 2);
  assert.deepEqual(valueOf(p, 'data.t.w', opts), [['env']]);
});

test('errors raised on the direct path keep their code and the location of their expression', () => {
  const p = policyOf(`package t
p if {
  x := 1
  y := x / 0
}
q := z if {
  z := 1
  z := 2
}`);
  const e = errorOf(p, 'data.t.p = x', { strictBuiltinErrors: true });
  assert.equal(e.code, 'eval_builtin_error');
  assert.equal(e.row, 4, 'the division, not the rule');
  assert.equal(valueOf(p, 'data.t.q'), undefined, 'a bound variable compares: 1 = 2 fails');
});

test('a with mock is honoured by calls that would otherwise be evaluated directly', () => {
  const p = policyOf(`package t
f(x) := x + 1
mock_f(x) := 100
a := y if { y := f(1) }
b := y if { y := a with f as mock_f }
c := y if { y := f(1) with count as 7 }
d := y if { y := count([1]) with count as 7 }
`);
  assert.equal(valueOf(p, 'data.t.a'), 2);
  assert.equal(valueOf(p, 'data.t.b'), 100);
  assert.equal(valueOf(p, 'data.t.c'), 2);
  assert.equal(valueOf(p, 'data.t.d'), 7);
});
