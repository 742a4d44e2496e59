// Values shared between evaluations of one prepared policy (eval/shared-values.ts): a rule that
// never reads input is computed once for every input, and nothing that can differ between
// evaluations (input, a `with`, the clock, base data, the error mode, print) is ever served stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvaluationSession, fromJS, prepare, toJSONText, type EvalOptions, type PreparedPolicy, type RegoValue } from '../../../server/src/rego';

function policyOf(text: string, lazyCompile = false): PreparedPolicy {
  const { policy, errors } = prepare([{ file: 't.rego', text }], { lazyCompile });
  assert.deepEqual(errors, []);
  return policy!;
}

function plain(v: RegoValue | undefined): unknown {
  return v === undefined ? undefined : JSON.parse(toJSONText(v));
}

/** The value of `data.t.<rule>` in a fresh session (as a scan evaluates each unit). */
function valueIn(policy: PreparedPolicy, rule: string, options: EvalOptions = {}): unknown {
  const { value, errors } = new EvaluationSession(policy, options).evalRule(`data.t.${rule}`);
  assert.deepEqual(errors, [], `data.t.${rule} should evaluate`);
  return plain(value);
}

// Each policy's `r` depends on input through a different construct; two inputs must give two
// answers from one prepared policy, each the answer a fresh policy gives.
const DEPENDENT: [string, string][] = [
  ['a direct read', 'r := input.n'],
  ['a rule that reads input', 'r := b + 1\nb := input.n'],
  ['a chain of rules', 'r := c\nc := [b]\nb := input.n'],
  ['a function body that reads input, called with a constant', 'f(x) := x + input.n\nr := f(1)'],
  ['a function reached through another function', 'f(x) := g(x)\ng(x) := x * input.n\nr := f(2)'],
  ['an else branch', 'r := 0 if false\nelse := input.n'],
  ['a default rule beside an input-reading one', 'default r := 0\nr := input.n if input.n > 1'],
  ['a comprehension body', 'r := [x | some x in [1, 2, 3]; x <= input.n]'],
  ['an every body', 'r if every x in [1, 2] { x < input.n }'],
  ['a some-in domain', 'r := [x | some x in input.xs]'],
  ['a template string', 'r := $"n={input.n}"'],
  ['a partial set', 'r contains x if {\n  some x in [1, 2, 3]\n  x <= input.n\n}'],
  ['an object rule key', 'r[k] := 1 if k := sprintf("%v", [input.n])'],
  ['a package subtree read as a whole', 'r := count(data.t.sub)\nsub.a := 1\nsub.b := input.n if input.n > 1'],
  ['a ref into a subtree with a variable key', 'r := [v | v := data.t.sub[_]]\nsub.a := input.n'],
  ['a rule reached by import alias', 'import data.t.lib\nr := lib.v\nlib.v := input.n'],
];

for (const [name, body] of DEPENDENT) {
  for (const lazy of [false, true]) {
    test(`shared values: input reached through ${name} is never served stale${lazy ? ' (lazily compiled)' : ''}`, () => {
      const text = `package t\n${body}\n`;
      const shared = policyOf(text, lazy);
      for (const n of [1, 2, 3, 1]) {
        const input = fromJS({ n, xs: Array.from({ length: n }, (_, i) => i) });
        assert.deepEqual(valueIn(shared, 'r', { input }), valueIn(policyOf(text), 'r', { input }), `n = ${n}`);
      }
    });
  }
}

test('shared values: a rule computed under `with` is not kept for evaluations without it', () => {
  const p = policyOf('package t\nc := 1\nt := c + 1\nq := x if x := t with c as 7\nr := [q, t]\n');
  assert.deepEqual(valueIn(p, 'q'), 8);
  assert.deepEqual(valueIn(p, 't'), 2);
  assert.deepEqual(valueIn(p, 'r'), [8, 2]);
  assert.deepEqual(valueIn(p, 't'), 2);
});

test('shared values: a function mocked by `with` is not kept either', () => {
  const p = policyOf('package t\nf(x) := x + 1\nq := x if x := f(1) with f as g\ng(x) := x * 10\nr := f(1)\n');
  assert.deepEqual(valueIn(p, 'q'), 10);
  assert.deepEqual(valueIn(p, 'r'), 2);
});

test('shared values: input replaced by `with` inside an input-free rule', () => {
  const p = policyOf('package t\nv := input.n\nr := x if x := v with input as {"n": 5}\n');
  assert.deepEqual(valueIn(p, 'r', { input: fromJS({ n: 1 }) }), 5);
  assert.deepEqual(valueIn(p, 'v', { input: fromJS({ n: 1 }) }), 1);
  assert.deepEqual(valueIn(p, 'v', { input: fromJS({ n: 2 }) }), 2);
});

test('shared values: nondeterministic builtins are evaluated in each session', () => {
  const p = policyOf('package t\nr := time.now_ns()\n');
  assert.deepEqual(valueIn(p, 'r', { nowNs: 1000n }), 1000);
  assert.deepEqual(valueIn(p, 'r', { nowNs: 2000n }), 2000);
});

test('shared values: print runs in every session', () => {
  const p = policyOf('package t\nr if print("hello")\n');
  const printed: string[] = [];
  valueIn(p, 'r', { print: (m) => printed.push(m) });
  valueIn(p, 'r', { print: (m) => printed.push(m) });
  assert.deepEqual(printed, ['hello', 'hello']);
});

test('shared values: kept per base data document', () => {
  const p = policyOf('package t\nr := data.cfg.v + 1\n');
  const one = fromJS({ cfg: { v: 1 } });
  const two = fromJS({ cfg: { v: 2 } });
  assert.deepEqual(valueIn(p, 'r', { data: one }), 2);
  assert.deepEqual(valueIn(p, 'r', { data: two }), 3);
  assert.deepEqual(valueIn(p, 'r'), undefined);
  assert.deepEqual(valueIn(p, 'r', { data: one }), 2);
});

test('shared values: kept per error mode', () => {
  const p = policyOf('package t\nr := to_number("x")\n');
  assert.equal(valueIn(p, 'r'), undefined);
  const strict = new EvaluationSession(p, { strictBuiltinErrors: true }).evalRule('data.t.r');
  assert.equal(strict.errors[0]?.code, 'eval_builtin_error');
  assert.equal(valueIn(p, 'r'), undefined);
});

test('shared values: an input-free function with a constant argument keeps no input-dependent result', () => {
  // `g` reads input; `f` does not, but calls `g`: neither may be shared.
  const p = policyOf('package t\nf(x) := [x, g(x)]\ng(x) := input.n\nr := f("a")\n');
  assert.deepEqual(valueIn(p, 'r', { input: fromJS({ n: 1 }) }), ['a', 1]);
  assert.deepEqual(valueIn(p, 'r', { input: fromJS({ n: 2 }) }), ['a', 2]);
});

test('shared values: an input-free rule is computed once for every input', () => {
  // A later session finds the table computed: it costs no steps, so a budget of one step suffices.
  const p = policyOf('package t\ntable := {x: y | some x in numbers.range(1, 50); y := x * x}\nsquare(n) := table[n]\nr := square(7)\n');
  assert.deepEqual(valueIn(p, 'r', { input: fromJS({ n: 1 }) }), 49);
  const later = new EvaluationSession(p, { input: fromJS({ n: 2 }), budget: { maxSteps: 1 } });
  assert.deepEqual(later.evalRule('data.t.table').errors, []);
  assert.deepEqual(plain(later.evalRule('data.t.r').value), 49);
  const fresh = new EvaluationSession(policyOf('package t\ntable := {x: y | some x in numbers.range(1, 50); y := x * x}\n'), { budget: { maxSteps: 1 } });
  assert.equal(fresh.evalRule('data.t.table').errors[0]?.code, 'eval_cancel_error');
});

test('shared values: under lazy compilation, the analysis compiles nothing evaluation does not reach, and still shares', () => {
  const text = 'package t\ntable := {x: y | some x in numbers.range(1, 50); y := x * x}\nr := table[7] if { true } else := helper(1)\nhelper(x) := x + input.n\n';
  const p = policyOf(text, true);
  assert.deepEqual(valueIn(p, 'r', { input: fromJS({ n: 1 }) }), 49);
  assert.equal(p.root.find(['t', 'helper'])?.isCompiled, false, 'helper is only reachable through an else branch never taken');
  // `table` is shared (a later evaluation finds it computed); `r` may reach the uncompiled helper.
  const later = new EvaluationSession(p, { input: fromJS({ n: 2 }), budget: { maxSteps: 1 } });
  assert.deepEqual(later.evalRule('data.t.table').errors, []);
  assert.deepEqual(valueIn(p, 'r', { input: fromJS({ n: 2 }) }), 49);
  assert.equal(p.root.find(['t', 'helper'])?.isCompiled, false);
});
