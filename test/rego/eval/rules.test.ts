// Rule kinds: complete, partial set, partial object, ref heads, default, else, functions, and
// how virtual documents merge with base data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromJS } from '../../../server/src/rego/value';
import { prepare } from '../../../server/src/rego/eval';
import { errorOf, policyOf, query, valueOf } from './helpers';

test('complete rules: value, undefined, and `if` with implicit true', () => {
  const p = policyOf(`package t
a := 1
b if input.x > 1
c := v if { v := input.missing }`);
  assert.equal(valueOf(p, 'data.t.a'), 1);
  assert.equal(valueOf(p, 'data.t.b', { input: fromJS({ x: 2 }) }), true);
  assert.equal(valueOf(p, 'data.t.b', { input: fromJS({ x: 0 }) }), undefined, 'false body → undefined, not false');
  assert.equal(valueOf(p, 'data.t.c', { input: fromJS({}) }), undefined);
  assert.deepEqual(valueOf(p, 'data.t', { input: fromJS({ x: 5 }) }), { a: 1, b: true }, 'undefined rules are absent from the package');
});

test('default applies only when no rule is defined', () => {
  const p = policyOf(`package t
default allow := false
allow if input.admin
default f(_) := "none"
f(x) := "big" if x > 10`);
  assert.equal(valueOf(p, 'data.t.allow', { input: fromJS({}) }), false);
  assert.equal(valueOf(p, 'data.t.allow', { input: fromJS({ admin: true }) }), true);
  assert.deepEqual(query(p, 'x := data.t.f(20); y := data.t.f(1)'), [{ x: 'big', y: 'none' }]);
});

test('partial sets and objects collect every solution', () => {
  const p = policyOf(`package t
deny contains msg if { some r in input.rs; r.public; msg := sprintf("%s is public", [r.name]) }
by_name[r.name] := r.size if some r in input.rs`);
  const inp = fromJS({ rs: [{ name: 'b', public: true, size: 2 }, { name: 'a', public: true, size: 1 }, { name: 'c', size: 3 }] });
  assert.deepEqual(valueOf(p, 'data.t.deny', { input: inp }), ['a is public', 'b is public']);
  assert.deepEqual(valueOf(p, 'data.t.by_name', { input: inp }), { a: 1, b: 2, c: 3 });
  assert.deepEqual(valueOf(p, 'data.t.deny', { input: fromJS({ rs: [] }) }), [], 'an empty partial set is defined');
  assert.deepEqual(query(p, 'data.t.by_name[k] = 2', { input: inp }), [{ k: 'b' }]);
});

test('ref heads build nested objects and merge with sibling rules', () => {
  const p = policyOf(`package t
p[q].r := i if q := ["a", "b"][i]
p.c.r := 9
s[k] contains v if { some k, vs in {"x": [1, 2], "y": [3]}; some v in vs }`);
  assert.deepEqual(valueOf(p, 'data.t.p'), { a: { r: 0 }, b: { r: 1 }, c: { r: 9 } });
  assert.deepEqual(valueOf(p, 'data.t.p.b'), { r: 1 });
  assert.deepEqual(valueOf(p, 'data.t.s'), { x: [1, 2], y: [3] });
});

test('else chains pick the first branch whose body holds', () => {
  const p = policyOf(`package t
level := "high" if { input.n > 10 } else := "mid" if { input.n > 5 } else := "low"
grade(x) := "a" if { x >= 90 } else := "b"`);
  assert.equal(valueOf(p, 'data.t.level', { input: fromJS({ n: 11 }) }), 'high');
  assert.equal(valueOf(p, 'data.t.level', { input: fromJS({ n: 6 }) }), 'mid');
  assert.equal(valueOf(p, 'data.t.level', { input: fromJS({ n: 1 }) }), 'low');
  assert.deepEqual(query(p, 'a := data.t.grade(95); b := data.t.grade(10)'), [{ a: 'a', b: 'b' }]);
});

test('functions: several definitions, pattern arguments, output argument', () => {
  const p = policyOf(`package t
kind("s3") := "storage"
kind("ec2") := "compute"
first([x, _]) := x
double(x) := y if y := x * 2`);
  assert.deepEqual(query(p, 'a := data.t.kind("s3"); b := data.t.first([7, 8]); data.t.double(4, c)'), [{ a: 'storage', b: 7, c: 8 }]);
  assert.deepEqual(query(p, 'x := data.t.kind("lambda")'), [], 'no definition matches → undefined');
});

test('conflicts raise OPA errors', () => {
  const p = policyOf(`package t
a := x if x := [1, 2][_]
f(_) := 1
f(_) := 2
o[k] := v if { k := "k"; v := [1, 2][_] }`);
  const e1 = errorOf(p, 'data.t.a = x');
  assert.equal(e1.code, 'eval_conflict_error');
  assert.equal(e1.message, 'complete rules must not produce multiple outputs');
  assert.equal(e1.row, 2, 'located at the rule');
  assert.equal(errorOf(p, 'data.t.f(1) = x').message, 'functions must not produce multiple outputs for same inputs');
  assert.equal(errorOf(p, 'data.t.o = x').code, 'eval_conflict_error');
});

test('virtual documents merge with base data under data', () => {
  const p = policyOf(`package lib.rules
r := 1`);
  const data = fromJS({ lib: { base: { v: 2 }, rules: { other: 3 } } });
  assert.deepEqual(valueOf(p, 'data.lib', { data }), { base: { v: 2 }, rules: { other: 3, r: 1 } });
  assert.equal(valueOf(p, 'data.lib.base.v', { data }), 2);
  assert.deepEqual(query(p, 'data.lib[k].v = 2', { data }), [{ k: 'base' }]);
});

test('imports and aliases resolve to data and input', () => {
  const p = policyOf(
    `package lib
is_admin(u) if u.role == "admin"`,
    `package app
import data.lib
import input.user as u
allow if lib.is_admin(u)`,
  );
  assert.equal(valueOf(p, 'data.app.allow', { input: fromJS({ user: { role: 'admin' } }) }), true);
  assert.equal(valueOf(p, 'data.app.allow', { input: fromJS({ user: { role: 'dev' } }) }), undefined);
});

test('a rule that needs its own value stops with an error instead of looping', () => {
  const p = policyOf(`package t
p if q
q if p
f(x) := f(x)`);
  const e = errorOf(p, 'data.t.p = x');
  assert.equal(e.code, 'rego_recursion_error');
  assert.match(e.message, /data\.t\.(p|q) is recursive/);
  assert.equal(errorOf(p, 'data.t.f(1) = x').code, 'rego_recursion_error');
});

test('rego.metadata.rule and chain fold the rule annotations', () => {
  const p = policyOf(`# METADATA
# description: pack
package t

# METADATA
# title: Bucket versioning
# custom:
#   id: PAL-1
p := rego.metadata.rule()
c := rego.metadata.chain()`);
  assert.deepEqual(valueOf(p, 'data.t.p'), { title: 'Bucket versioning', custom: { id: 'PAL-1' }, scope: 'rule' });
  assert.deepEqual(valueOf(p, 'data.t.c'), [{ path: ['t', 'c'] }, { path: ['t'], annotations: { description: 'pack', scope: 'package' } }]);
});

test('Rego v0 modules: partial sets and objects without `contains`/`if`', () => {
  const r = prepare([
    {
      file: 'v0.rego',
      regoVersion: 'v0',
      text: `package t
deny[msg] { input.x > 1; msg := "too big" }
labels[k] = v { v := input.labels[k] }
ok = true { not deny["too big"] }`,
    },
  ]);
  assert.deepEqual(r.errors, []);
  const p = r.policy!;
  assert.deepEqual(valueOf(p, 'data.t.deny', { input: fromJS({ x: 2 }) }), ['too big']);
  assert.deepEqual(valueOf(p, 'data.t.labels', { input: fromJS({ labels: { a: 'b' } }) }), { a: 'b' });
  assert.equal(valueOf(p, 'data.t.ok', { input: fromJS({ x: 0 }) }), true);
});

test('prepare reports parse errors instead of a policy', () => {
  const r = prepare([{ file: 'bad.rego', text: 'package t\np := {' }]);
  assert.equal(r.policy, undefined);
  assert.ok(r.errors.length > 0);
  assert.equal(r.errors[0].code, 'rego_parse_error');
  assert.equal(r.errors[0].file, 'bad.rego');
});

test('iterating below ref-head rules yields keys in rule order, as OPA does', () => {
  const p = policyOf(`package t
p.q[r].s := 1 if r := "foo"
p.q[r].s := 2 if r := "bar"`);
  assert.deepEqual(query(p, 'data.t.p.q[i].s = x'), [
    { i: 'foo', x: 1 },
    { i: 'bar', x: 2 },
  ]);
  assert.deepEqual(valueOf(p, 'data.t.p.q'), { bar: { s: 2 }, foo: { s: 1 } });
});
