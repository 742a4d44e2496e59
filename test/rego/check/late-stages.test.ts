// Rule conflicts, function calls, `with` targets, safety, recursion, types and deprecated builtins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkModules } from '../../../server/src/rego/check';
import { check, mod } from './helpers';

test('rules of different kinds or arities at one path conflict', () => {
  assert.deepEqual(check(mod('p := 1', '', 'p contains 2')), ['3:1 rego_type_error conflicting rules data.t.p found']);
  assert.deepEqual(check(mod('f(x) := x', '', 'f(x, y) := y')), ['3:1 rego_type_error conflicting rules data.t.f found']);
  assert.deepEqual(check(mod('a.b := 1', '', 'a := 2')), ['5:1 rego_type_error rule data.t.a conflicts with [data.t.a.b]']);
  // Two complete rules with different constants only conflict at evaluation time.
  assert.deepEqual(check(mod('p := 1', '', 'p := 2')), []);
});

test('more than one default rule names every location', () => {
  assert.deepEqual(check(mod('default p := 1', '', 'default p := 2')), ['1:1 rego_type_error multiple default rules data.t.p found at t.rego:3, t.rego:5']);
});

test('undefined functions and arity mismatches', () => {
  assert.deepEqual(check(mod('p if {', '\tis_admin(input.user)', '}')), ['4:2 rego_type_error undefined function is_admin']);
  assert.deepEqual(check(mod('s := upper("a", "b", "c")')), ['3:6 rego_type_error upper: arity mismatch']);
  assert.deepEqual(check(mod('p := 1', '', 'q if {', '\tx := p(1)', '\tx > 0', '}')), ['6:7 rego_type_error function data.t.p has arity 0, got 1 argument']);
  // As a statement, the extra operand is the call's output: `count(xs, n)` is fine.
  assert.deepEqual(check(mod('q if {', '\tcount([1], n)', '\tn > 0', '}')), []);
  // An OPA builtin the evaluator lacks is still known to the checker.
  assert.deepEqual(check(mod('p := graphql.parse_schema("type Query { a: Int }")')), []);
});

test('`with` must target input, data or a function', () => {
  assert.deepEqual(check(mod('p if {', '\tq with foo as 1', '}', '', 'q := true')), [
    '4:9 rego_type_error with keyword target must reference existing input, data, or a function',
  ]);
  assert.deepEqual(check(mod('p if {', '\tq with input.x as 1 with count as 2', '}', '', 'q := true')), []);
});

test('unsafe vars: head vars at the rule, body vars at their first expression', () => {
  assert.deepEqual(check(mod('p := n if {', '\tinput.x', '}')), ['3:1 rego_unsafe_var_error var n is unsafe']);
  assert.deepEqual(check(mod('p if {', '\tnot tmp', '}')), ['4:2 rego_unsafe_var_error var tmp is unsafe']);
  // Everything that depends on an unsafe var is unsafe too, each at its first expression.
  assert.deepEqual(check(mod('p := x if {', '\ty := count(z)', '\tx := y', '}')), [
    '4:2 rego_unsafe_var_error var y is unsafe',
    '4:7 rego_unsafe_var_error var z is unsafe',
    '5:2 rego_unsafe_var_error var x is unsafe',
  ]);
  assert.deepEqual(check(mod('p if {', '\tevery x in xs {', '\t\tx > 0', '\t}', '}')), ['4:13 rego_unsafe_var_error var xs is unsafe']);
});

test('safety follows OPA reordering: later bindings make earlier uses safe', () => {
  assert.deepEqual(check(mod('p if {', '\tx > 1', '\tx = input.n', '}')), []);
  // …but `:=` after a use is a redeclaration.
  assert.deepEqual(check(mod('p if {', '\tx > 1', '\tx := input.n', '}')), ['5:2 rego_compile_error var x referenced above']);
  assert.deepEqual(check(mod('p contains k if {', '\tsome k, v in input.m', '\tv > 0', '}')), []);
  assert.deepEqual(check(mod('p := s if {', '\ts := {x | some x in input.xs; x > y}', '\ty = 1', '}')), []);
  // A `:=` after the closure declares a new var: the closure's `y` stays unbound, as in OPA.
  assert.deepEqual(check(mod('p := s if {', '\ts := {x | some x in input.xs; x > y}', '\ty := 1', '}')), ['4:32 rego_unsafe_var_error var y is unsafe']);
  // A head ref in the value is evaluated in the body, so its vars iterate.
  assert.deepEqual(check(mod('p := a[b] if {', '\ttrue', '}', '', 'a.x := 1')), []);
});

test('recursion is reported for every rule on the cycle', () => {
  assert.deepEqual(check(mod('p if q', '', 'q if p')), [
    '3:1 rego_recursion_error rule data.t.p is recursive: data.t.p -> data.t.q -> data.t.p',
    '5:1 rego_recursion_error rule data.t.q is recursive: data.t.q -> data.t.p -> data.t.q',
  ]);
  assert.deepEqual(check(mod('p if p')), ['3:1 rego_recursion_error rule data.t.p is recursive: data.t.p -> data.t.p']);
});

test('static type errors: builtin arguments and comparisons', () => {
  assert.deepEqual(check(mod('s := concat(1, ["a", "b"])')), ['3:6 rego_type_error concat: invalid argument(s)']);
  assert.deepEqual(check(mod('p if {', '\t1 + "2" > 0', '}')), ['4:2 rego_type_error plus: invalid argument(s)']);
  assert.deepEqual(check(mod('p if {', '\t1 == "1"', '}')), ['4:2 rego_type_error match error']);
  assert.deepEqual(check(mod('p if {', '\tx := 1', '\tx == "x"', '}')), ['5:2 rego_type_error match error']);
  // Unknown types never produce an error.
  assert.deepEqual(check(mod('p if {', '\tx := input.a', '\tx == "x"', '\tcount(input.b) > 1', '}')), []);
});

test('the type error carries OPA-shaped details', () => {
  const [e] = checkModules([{ file: 't.rego', text: mod('p if {', '\t1 == "1"', '}') }]);
  assert.deepEqual(e.details, { a: { type: 'number' }, b: { type: 'string' } });
});

test('deprecated builtins are errors in Rego v1', () => {
  assert.deepEqual(check(mod('p := any([true])')), ['3:6 rego_type_error deprecated built-in function calls in expression: any']);
  assert.deepEqual(check(mod('p := set_diff({1}, {2})')), ['3:6 rego_type_error deprecated built-in function calls in expression: set_diff']);
});

test('modules are checked together: a function in another package is defined', () => {
  const lib = { file: 'lib.rego', text: 'package lib\n\nf(x) := x + 1\n' };
  const main = { file: 'main.rego', text: 'package main\n\nimport data.lib\n\np := lib.f(1)\n\nq := data.other.g(1)\n' };
  const errs = checkModules([main, lib]).map((e) => `${e.file}:${e.row} ${e.message}`);
  assert.deepEqual(errs, ['main.rego:7 undefined function data.other.g']);
});

test('OPA stops at 10 errors and says so', () => {
  const body = Array.from({ length: 12 }, (_, i) => `\tnot v${i}`).join('\n');
  const errs = check(mod('p if {', body, '}'));
  assert.equal(errs.length, 11);
  assert.equal(errs[10], '0:0 rego_compile_error error limit reached');
  assert.equal(check(mod('p if {', body, '}'), { maxErrors: 0 }).length, 12);
});

test('an unparsable module never throws', () => {
  for (const text of ['', 'package', 'package t\np := {', 'package t\nf(', '\u0000\u0001']) {
    assert.doesNotThrow(() => checkModules([{ file: 'x.rego', text }]));
    assert.ok(checkModules([{ file: 'x.rego', text }]).length > 0);
  }
});
