// Expressions: unification, safety reordering, negation, some/in, every, comprehensions, with,
// print, builtin errors, budgets and cancellation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvaluationSession, evalQuery, evalRule, evalRuleWithErrors } from '../../../server/src/rego/eval';
import { fromJS } from '../../../server/src/rego/value';
import { errorOf, plain, policyOf, query, valueOf } from './helpers';

test('query results follow OPA: bindings per solution, sorted iteration of objects and sets', () => {
  const p = policyOf('package t\nobj := {"b": 2, "a": 1}');
  assert.deepEqual(query(p, 'data.t.obj[k] = v'), [
    { k: 'a', v: 1 },
    { k: 'b', v: 2 },
  ]);
  assert.deepEqual(query(p, 'x := [3, 1][i]'), [
    { x: 3, i: 0 },
    { x: 1, i: 1 },
  ]);
  assert.deepEqual(query(p, '1 > 2'), [], 'false expression → no result');
  assert.deepEqual(query(p, '1 < 2'), [{}], 'true expression without vars → one empty result');
});

test('body expressions are reordered so variables are bound before use', () => {
  const p = policyOf(`package t
p := y if {
  y > 1
  x := [1, 2, 3][_]
  y := x * 10
  not x == 2
}
q contains x if { i > 0; x = input.xs[i] }`);
  assert.equal(errorOf(p, 'data.t.p = v').code, 'eval_conflict_error', 'y takes 10 and 30');
  assert.deepEqual(valueOf(p, 'data.t.q', { input: fromJS({ xs: [5, 6, 7] }) }), [6, 7]);
});

test('unification binds through arrays and objects on either side', () => {
  const p = policyOf('package t');
  assert.deepEqual(query(p, '[x, 2] = [1, y]'), [{ x: 1, y: 2 }]);
  assert.deepEqual(query(p, '{"a": x, "b": [y]} = {"a": 1, "b": [2]}'), [{ x: 1, y: 2 }]);
  assert.deepEqual(query(p, '[x, x] = [1, 2]'), []);
});

test('negation, some … in, every', () => {
  const p = policyOf(`package t
untagged contains r.name if { some r in input.rs; not r.tags.owner }
pairs contains [k, v] if some k, v in {"a": 1, "b": 2}
all_small if every x in input.xs { x < 10 }
all_keys if every k, v in {"a": "a"} { k == v }`);
  const inp = fromJS({ rs: [{ name: 'x', tags: { owner: 'me' } }, { name: 'y', tags: {} }], xs: [1, 2] });
  assert.deepEqual(valueOf(p, 'data.t.untagged', { input: inp }), ['y']);
  assert.deepEqual(valueOf(p, 'data.t.pairs'), [['a', 1], ['b', 2]]);
  assert.equal(valueOf(p, 'data.t.all_small', { input: inp }), true);
  assert.equal(valueOf(p, 'data.t.all_small', { input: fromJS({ xs: [1, 20] }) }), undefined);
  assert.equal(valueOf(p, 'data.t.all_small', { input: fromJS({ xs: [] }) }), true, 'every over nothing holds');
  assert.equal(valueOf(p, 'data.t.all_small', { input: fromJS({ xs: 3 }) }), undefined, 'every over a non-collection fails');
  assert.equal(valueOf(p, 'data.t.all_keys'), true);
});

test('comprehensions capture outer variables and keep their own locals', () => {
  const p = policyOf(`package t
doubled := [y | some x in input.xs; y := x * 2]
evens := {x | some x in input.xs; x % 2 == 0}
index := {name: i | some i, name in input.names}
per_min := [n | some n in input.xs; n > min]
min := 1`);
  const inp = fromJS({ xs: [1, 2, 3, 4], names: ['a', 'b'] });
  assert.deepEqual(valueOf(p, 'data.t.doubled', { input: inp }), [2, 4, 6, 8]);
  assert.deepEqual(valueOf(p, 'data.t.evens', { input: inp }), [2, 4]);
  assert.deepEqual(valueOf(p, 'data.t.index', { input: inp }), { a: 0, b: 1 });
  assert.deepEqual(valueOf(p, 'data.t.per_min', { input: inp }), [2, 3, 4]);
});

test('with replaces input, data (base and virtual), functions and builtins for one expression', () => {
  const p = policyOf(`package t
allow if input.user == "alice"
limit := data.config.limit
base := 10
derived := base * 2
f(x) := x + 1
g(x) := x * 100
calls_f := f(1)
counts := count([1, 2, 3])
a if { allow with input as {"user": "alice"} }
b := x if { x := derived with data.t.base as 1 }
c := x if { x := calls_f with f as g }
d := x if { x := counts with count as 42 }
e := x if { x := limit with data.config.limit as 7 }
after if { allow with input.user as "alice"; not allow }`);
  assert.equal(valueOf(p, 'data.t.a'), true);
  assert.equal(valueOf(p, 'data.t.b'), 2);
  assert.equal(valueOf(p, 'data.t.derived'), 20, 'the cache of the with-context does not leak');
  assert.equal(valueOf(p, 'data.t.c'), 100);
  assert.equal(valueOf(p, 'data.t.d'), 42);
  assert.equal(valueOf(p, 'data.t.e', { data: fromJS({ config: { limit: 3 } }) }), 7);
  assert.equal(valueOf(p, 'data.t.after', { input: fromJS({ user: 'bob' }) }), true, 'with holds for its expression only');
});

test('print writes operands, <undefined> for undefined ones, and never fails the body', () => {
  const p = policyOf(`package t
p if { print("x is", input.x, "missing:", input.nope); true }`);
  const lines: string[] = [];
  assert.equal(valueOf(p, 'data.t.p', { input: fromJS({ x: [1, 'a'] }), print: (m) => lines.push(m) }), true);
  assert.deepEqual(lines, ['x is [1, "a"] missing: <undefined>']);
});

test('builtin errors are undefined unless strict, then OPA-coded', () => {
  const p = policyOf('package t\np := x if x := 1 / 0');
  assert.equal(valueOf(p, 'data.t.p'), undefined);
  const e = errorOf(p, 'data.t.p = x', { strictBuiltinErrors: true });
  assert.equal(e.code, 'eval_builtin_error');
  assert.match(e.message, /divide by zero/);
});

test('a step budget stops a policy that runs away, with a clear error', () => {
  const p = policyOf(`package t
big contains [a, b] if { some a in numbers.range(1, 2000); some b in numbers.range(1, 2000) }`);
  const started = Date.now();
  const r = evalRuleWithErrors(p, 'data.t.big', { budget: { maxSteps: 20_000 } });
  assert.equal(r.value, undefined);
  assert.equal(r.errors[0]?.code, 'eval_cancel_error');
  assert.match(r.errors[0].message, /step budget of 20000 exceeded/);
  assert.equal(r.errors[0].row, 2, 'located at the looping expression');
  // generous bound: the machine may be shared; unbudgeted, this policy runs for minutes
  assert.ok(Date.now() - started < 15_000, 'stops promptly');
  const t = evalRuleWithErrors(p, 'data.t.big', { budget: { maxMillis: 50 } });
  assert.match(t.errors[0]?.message ?? '', /time budget exceeded/);
});

test('cancellation is polled during evaluation', () => {
  const p = policyOf(`package t
big contains [a, b] if { some a in numbers.range(1, 2000); some b in numbers.range(1, 2000) }`);
  let polls = 0;
  const r = evalQuery(p, 'data.t.big = x', { isCancelled: () => ++polls > 3 });
  assert.equal(r.results.length, 0);
  assert.equal(r.errors[0]?.code, 'eval_cancel_error');
  assert.equal(r.errors[0]?.message, 'evaluation cancelled');
});

test('evalRule reuses a prepared policy across inputs', () => {
  const p = policyOf(`package t
deny contains r.address if { some r in input.resources; r.config.acl == "public-read" }`);
  for (let i = 0; i < 3; i++) {
    const inp = fromJS({ resources: [{ address: `b${i}`, config: { acl: 'public-read' } }] });
    assert.deepEqual(plain(evalRule(p, 'data.t.deny', { input: inp })), [`b${i}`]);
  }
  assert.equal(evalRule(p, 'data.t.missing'), undefined);
});

test('an evaluation session shares rule values across rules, with a budget per rule', () => {
  const p = policyOf(
    `package lib
buckets := [r | some r in input.rs; print("computing"); r.type == "bucket"]`,
    `package a
deny contains r.name if { some r in data.lib.buckets; not r.versioned }`,
    `package b
deny contains r.name if { some r in data.lib.buckets; r.public }
loop contains [x, y] if { some x in numbers.range(1, 1000); some y in numbers.range(1, 1000) }`,
  );
  const lines: string[] = [];
  const inp = fromJS({ rs: [{ type: 'bucket', name: 'x', public: true }, { type: 'vm', name: 'y' }] });
  const s = new EvaluationSession(p, { input: inp, print: (m) => lines.push(m), budget: { maxSteps: 10_000 } });
  assert.deepEqual(plain(s.evalRule('data.a.deny').value), ['x']);
  assert.deepEqual(plain(s.evalRule('data.b.deny').value), ['x']);
  assert.equal(lines.length, 2, 'the library rule ran once (two resources → two prints)');
  assert.equal(s.evalRule('data.b.loop').errors[0]?.code, 'eval_cancel_error');
  assert.deepEqual(plain(s.evalRule('data.a.deny').value), ['x'], 'a stopped rule leaves the session usable');
});

test('a rule or function with a constant value stops at its first solution (OPA early exit); conflicts are still found', () => {
  const p = policyOf(`package t
allow if { some x in [1, 2, 3]; print("allow tried", x) }
more := 7 if { some x in [1, 2]; print("more tried", x) }
f(n) if { some x in [1, 2]; print("f tried", n, x) }
f(n) if { print("second f tried", n) }
g(n) := x if { some x in [n, n + 1] }
clash := 1 if true
clash := 2 if true`);
  const lines: string[] = [];
  const print = (m: string) => lines.push(m);
  assert.equal(valueOf(p, 'data.t.allow', { print }), true);
  assert.equal(valueOf(p, 'data.t.more', { print }), 7);
  assert.equal(valueOf(p, 'data.t.f(5)', { print }), true);
  assert.deepEqual(lines, ['allow tried 1', 'more tried 1', 'f tried 5 1'], 'one solution each; the second f(…) is not needed once the first gave the same constant');
  // A value that depends on the solution is not a constant: every solution is still checked.
  assert.equal(errorOf(p, 'data.t.g(1) = x').code, 'eval_conflict_error');
  assert.equal(errorOf(p, 'data.t.clash = x').code, 'eval_conflict_error');
});
