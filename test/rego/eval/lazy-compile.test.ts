// Lazy compilation (prepare's `lazyCompile`): a rule is compiled when evaluation first reads its
// node, and every answer — values, iteration over `data.<prefix>`, errors with their positions —
// is the one eager compilation gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseYAML } from 'yaml';
import { evalQuery, prepare, type EvalOptions, type ModuleSource, type PreparedPolicy } from '../../../server/src/rego/eval';
import { compileModules, type RuleNode } from '../../../server/src/rego/eval/compile';
import { parseModule } from '../../../server/src/rego/syntax';
import { fromJS, toJSONText } from '../../../server/src/rego/value';
import { listCaseFiles } from '../../../scripts/conformance';
import { corpus } from '../../helpers/corpora';

/** Results and errors of a query as one comparable text. */
function answer(policy: PreparedPolicy, query: string, options: EvalOptions = {}): string {
  const r = evalQuery(policy, query, { nowNs: 1_700_000_000_000_000_000n, budget: { maxMillis: 10_000 }, ...options });
  const results = r.results.map((b) => Object.keys(b).sort().map((k) => `${k}=${toJSONText(b[k])}`).join(','));
  return JSON.stringify({ results, errors: r.errors.map((e) => ({ code: e.code, message: e.message, file: e.file, row: e.row, col: e.col })) });
}

function both(modules: ModuleSource[]): { eager: PreparedPolicy; lazy: PreparedPolicy } {
  const eager = prepare(modules);
  const lazy = prepare(modules, { lazyCompile: true });
  assert.deepEqual(eager.errors, []);
  assert.deepEqual(lazy.errors, []);
  return { eager: eager.policy!, lazy: lazy.policy! };
}

/** Nodes of the tree with rules still waiting to be compiled. */
function deferredNodes(root: RuleNode): string[] {
  const out: string[] = [];
  const walk = (n: RuleNode) => {
    if ((n as unknown as { deferred?: unknown[] }).deferred) out.push(n.path.join('.'));
    for (const c of n.children.values()) walk(c);
  };
  walk(root);
  return out.sort();
}

const LIB = `package lib.util

import rego.v1

default threshold := 3

big(x) if x > threshold
big(x) if x == "huge"

label(x) := "big" if big(x)
else := "small"

names contains n if some n in ["a", "b"]
`;

const RULE_A = `# METADATA
# title: rule a
package rules.a

import rego.v1
import data.lib.util

deny contains msg if {
\tsome r in input.items
\tutil.big(r)
\tmsg := sprintf("%v is %v", [r, util.label(r)])
}

meta := rego.metadata.chain()
`;

const RULE_B = `package rules.b

import rego.v1

deny contains "b" if data.rules.a.deny["5 is big"]

obj[k] := v if some k, v in {"x": 1, "y": 2}

default allow := false

allow if count(data.rules.a.deny) > 1
`;

const UNUSED = `package rules.unused

import rego.v1

deny contains "never" if input.never
`;

const modules: ModuleSource[] = [LIB, RULE_A, RULE_B, UNUSED].map((text, i) => ({ file: `m${i}.rego`, text }));

test('a rule is compiled when first evaluated: its node, and only the nodes it reads', () => {
  const { lazy } = both(modules);
  const before = deferredNodes(lazy.root);
  assert.deepEqual(before, ['lib.util.big', 'lib.util.label', 'lib.util.names', 'lib.util.threshold', 'rules.a.deny', 'rules.a.meta', 'rules.b.allow', 'rules.b.deny', 'rules.b.obj', 'rules.unused.deny']);
  answer(lazy, 'x := data.rules.a.deny', { input: fromJS({ items: [1, 5] }) });
  assert.deepEqual(deferredNodes(lazy.root), ['lib.util.names', 'rules.a.meta', 'rules.b.allow', 'rules.b.deny', 'rules.b.obj', 'rules.unused.deny']);
});

test('lazily compiled rules answer as eagerly compiled ones', () => {
  const queries = [
    'x := data.rules.a.deny',
    'x := data.rules.b.deny',
    'x := data.rules.b.allow',
    'x := data.rules.b.obj.y',
    'x := data.rules.a.meta',
    'x := data.lib.util.label(1)',
    'x := data.lib.util.names',
    // whole-subtree reads and iteration under a prefix
    'x := data.rules',
    'x := data',
    'some k; data.rules[k].deny[m]',
    'data.lib.util[k] = v',
    'x := data.rules.a.deny with data.lib.util.threshold as 0',
    'x := data.rules.a.deny with data.lib.util.big as true',
  ];
  for (const input of [{ items: [1, 5, 'huge'] }, { items: [] }, { items: 'not a list' }]) {
    for (const q of queries) {
      // a fresh pair per query: each starts from a tree compiled only as far as that query needs
      const { eager, lazy } = both(modules);
      assert.equal(answer(lazy, q, { input: fromJS(input) }), answer(eager, q, { input: fromJS(input) }), `${q} on ${JSON.stringify(input)}`);
    }
  }
});

test('an error raised inside a lazily compiled rule is reported as when compiled eagerly', () => {
  const text = `package p

import rego.v1

f(x) := y if y := x / 0

g := f(1)
conflict := 1
conflict := 2 if true
`;
  for (const q of ['x := data.p.g', 'x := data.p.conflict', 'x := data.p']) {
    const { eager, lazy } = both([{ file: 'p.rego', text }]);
    const expected = answer(eager, q, { strictBuiltinErrors: true });
    assert.match(expected, /"errors":\[\{/, `${q} fails`);
    assert.equal(answer(lazy, q, { strictBuiltinErrors: true }), expected, q);
  }
});

test('a rule that would not compile is an evaluation error in a lazily compiled tree', () => {
  const parsed = parseModule('package p\n\nx := 1\n\ny := 2 if true\n', { file: 'p.rego' });
  assert.ok(parsed.module);
  // A body expression the compiler cannot handle (no parser produces it): eager compilation reports an issue.
  const [x, y] = parsed.module.rules;
  const broken = { ...y, body: [{ ...y.body[0], terms: undefined as never }] };
  const module = { ...parsed.module, rules: [x, broken] };
  const eager = compileModules([{ file: 'p.rego', module }]);
  assert.equal(eager.issues.length, 1);
  const lazy = compileModules([{ file: 'p.rego', module, outline: [{ names: ['x'] }, { names: ['y'] }] }], { lazy: true });
  assert.deepEqual(lazy.issues, [], 'nothing compiled yet');
  assert.equal(lazy.root.find(['p', 'x'])?.complete.length, 1, 'another rule still compiles');
  assert.throws(() => lazy.root.find(['p', 'y'])?.complete, (e: Error & { code?: string }) => e.code === 'rego_compile_error' && e.message === eager.issues[0].message);
});

test('OPA conformance cases: lazy compilation answers as eager compilation', { timeout: 300_000 }, (t) => {
  const dir = corpus('opa-cases');
  if (!dir) {
    t.skip('corpora not available (PALISADE_SKIP_CORPORA=1)');
    return;
  }
  let compared = 0;
  const differences: string[] = [];
  for (const file of listCaseFiles(dir)) {
    const doc = parseYAML(readFileSync(file, 'utf8'), { intAsBigInt: true }) as { cases?: { note?: string; query?: string; modules?: string[]; data?: unknown; input?: unknown; strict_error?: boolean }[] };
    for (const c of doc.cases ?? []) {
      const sources = (c.modules ?? []).map((text, i) => ({ file: `test-${i}.rego`, text }));
      if (sources.length === 0 || c.query === undefined) continue;
      const eager = prepare(sources);
      if (!eager.policy) continue;
      const lazy = prepare(sources, { lazyCompile: true });
      assert.ok(lazy.policy, c.note);
      const options = (): EvalOptions => ({
        ...(c.input !== undefined ? { input: fromJS(c.input) } : {}),
        ...(c.data !== undefined ? { data: fromJS(c.data) } : {}),
        strictBuiltinErrors: !!c.strict_error,
      });
      const want = answer(eager.policy, c.query, options());
      const got = answer(lazy.policy, c.query, options());
      compared++;
      if (got !== want) differences.push(`${c.note}:\n  eager ${want}\n  lazy  ${got}`);
    }
  }
  assert.ok(compared > 1000, `cases compared: ${compared}`);
  assert.deepEqual(differences.slice(0, 10), []);
});
