// Targeted edits for the per-rule check memo: each edit changes something outside the edited rule
// that other rules' results depend on (arity, names, imports, kinds, defaults, recursion, the
// generated-name order of unused vars), so the memo must invalidate exactly those results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckCache, checkModules, type CheckOptions, type CheckSource } from '../../../server/src/rego/check';

type Files = Record<string, string>;

const sources = (files: Files): CheckSource[] => Object.entries(files).map(([file, text]) => ({ file, text }));
const lines = (errs: ReturnType<typeof checkModules>) => errs.map((e) => `${e.file}:${e.row}:${e.col} ${e.code} ${e.message}`);

/**
 * Checks each version of the files with one warm cache, asserting it equals a cold check, and
 * returns the error lines of every version (so a test can also assert what changed).
 */
function versions(steps: Files[], options: CheckOptions = {}): string[][] {
  const cache = new CheckCache();
  return steps.map((files, i) => {
    const warm = checkModules(sources(files), { ...options, cache });
    const cold = checkModules(sources(files), options);
    assert.deepEqual(warm, cold, `version ${i}`);
    return lines(cold);
  });
}

const mod = (...body: string[]) => ['package t', '', ...body].join('\n') + '\n';

test('changing a function arity re-checks its callers', () => {
  const [before, after, back] = versions([
    { 'a.rego': mod('f(x) := x', '', 'p if f(1) == 1') },
    { 'a.rego': mod('f(x, y) := x', '', 'p if f(1) == 1') },
    { 'a.rego': mod('f(x) := x', '', 'p if f(1) == 1') },
  ]);
  assert.deepEqual(before, []);
  assert.deepEqual(after, ['a.rego:5:6 rego_type_error function data.t.f has arity 2, got 1 argument']);
  assert.deepEqual(back, []);
});

test('renaming a rule that other rules use re-resolves them', () => {
  const [before, after, back] = versions([
    { 'a.rego': mod('q if true', '', 'p if q') },
    { 'a.rego': mod('qq if true', '', 'p if q') },
    { 'a.rego': mod('q if true', '', 'p if q') },
  ]);
  assert.deepEqual(before, []);
  assert.deepEqual(after, ['a.rego:5:6 rego_unsafe_var_error var q is unsafe']);
  assert.deepEqual(back, []);
});

test('a rule renamed in another module of the package re-resolves this one', () => {
  const [before, after] = versions([
    { 'a.rego': mod('p if q'), 'b.rego': mod('q if true') },
    { 'a.rego': mod('p if q'), 'b.rego': mod('r if true') },
  ]);
  assert.deepEqual(before, []);
  assert.deepEqual(after, ['a.rego:3:6 rego_unsafe_var_error var q is unsafe']);
});

test('adding and removing an import re-resolves the rules using its name', () => {
  const lib = mod('x := 1').replace('package t', 'package lib');
  const [without, withImport, removed] = versions([
    { 'a.rego': mod('p if x == 1'), 'lib.rego': lib },
    { 'a.rego': ['package t', '', 'import data.lib.x', '', 'p if x == 1'].join('\n') + '\n', 'lib.rego': lib },
    { 'a.rego': mod('p if x == 1'), 'lib.rego': lib },
  ]);
  assert.deepEqual(without, ['a.rego:3:6 rego_unsafe_var_error var x is unsafe']);
  assert.deepEqual(withImport, []);
  assert.deepEqual(removed, without);
});

test('unused imports (strict) follow the rules that use them', () => {
  const a = (body: string) => ['package t', '', 'import data.lib.x', '', body].join('\n') + '\n';
  const [used, unused] = versions(
    [
      { 'a.rego': a('p if x == 1'), 'lib.rego': 'package lib\n\nx := 1\n' },
      { 'a.rego': a('p if 1 == 1'), 'lib.rego': 'package lib\n\nx := 1\n' },
    ],
    { strict: true },
  );
  assert.deepEqual(used, []);
  assert.deepEqual(unused, ['a.rego:3:1 rego_compile_error import data.lib.x unused']);
});

test('turning a function into a value re-checks its callers', () => {
  const [fn, value] = versions([{ 'a.rego': mod('f(_) := 1', '', 'p if f(2) == 1') }, { 'a.rego': mod('f := 1', '', 'p if f(2) == 1') }]);
  assert.deepEqual(fn, []);
  assert.equal(value.length, 1);
  assert.match(value[0], /^a\.rego:5:6 rego_type_error function data\.t\.f has arity 0, got 1 argument$/);
});

test('flipping `default` re-checks conflicts', () => {
  const [one, two, back] = versions([
    { 'a.rego': mod('default p := 1', '', 'p := 2 if input.x', '', 'p := 3 if input.y') },
    { 'a.rego': mod('default p := 1', '', 'default p := 2', '', 'p := 3 if input.y') },
    { 'a.rego': mod('default p := 1', '', 'p := 2 if input.x', '', 'p := 3 if input.y') },
  ]);
  assert.deepEqual(one, []);
  assert.deepEqual(two, ['a.rego:1:1 rego_type_error multiple default rules data.t.p found at a.rego:3, a.rego:5']);
  assert.deepEqual(back, []);
});

test('introducing recursion across rules is reported on every rule of the cycle', () => {
  const [plain, cycle, back] = versions([
    { 'a.rego': mod('a if b', '', 'b if c', '', 'c if input.x') },
    { 'a.rego': mod('a if b', '', 'b if c', '', 'c if a') },
    { 'a.rego': mod('a if b', '', 'b if c', '', 'c if input.x') },
  ]);
  assert.deepEqual(plain, []);
  assert.equal(cycle.length, 3);
  assert.ok(cycle.every((l) => l.includes('rego_recursion_error')));
  assert.deepEqual(back, []);
});

test('a kept recursion result moves with its rules and follows a renamed cycle member', () => {
  const [cycle, moved, edited, renamed] = versions([
    { 'a.rego': mod('a if b', '', 'b if a') },
    { 'a.rego': mod('x := 1', '', 'a if b', '', 'b if a') },
    { 'a.rego': mod('x := 1', '', 'a if { b; x == 1 }', '', 'b if a') },
    { 'a.rego': mod('x := 1', '', 'aa if { b; x == 1 }', '', 'b if aa') },
  ]);
  assert.deepEqual(cycle, ['a.rego:3:1 rego_recursion_error rule data.t.a is recursive: data.t.a -> data.t.b -> data.t.a', 'a.rego:5:1 rego_recursion_error rule data.t.b is recursive: data.t.b -> data.t.a -> data.t.b']);
  assert.deepEqual(moved, cycle.map((l) => l.replace(':3:1', ':5:1').replace(':5:1 rego_recursion_error rule data.t.b', ':7:1 rego_recursion_error rule data.t.b')));
  assert.deepEqual(edited, moved);
  assert.deepEqual(renamed, ['a.rego:5:1 rego_recursion_error rule data.t.aa is recursive: data.t.aa -> data.t.b -> data.t.aa', 'a.rego:7:1 rego_recursion_error rule data.t.b is recursive: data.t.b -> data.t.aa -> data.t.b']);
});

test('rules after an edit move with it; a rule typed into the middle shifts the rest', () => {
  const rules = ['p if { x := input.a; y == 1 }', 'q if { z == 2 }'];
  const [before, longer, inserted] = versions([
    { 'a.rego': mod(rules[0], '', rules[1]) },
    { 'a.rego': mod('p if { x := input.a; yy == 1 }', '', rules[1]) },
    { 'a.rego': mod(rules[0], '', 'r if input.b', '', rules[1]) },
  ]);
  assert.deepEqual(before, ['a.rego:3:22 rego_unsafe_var_error var y is unsafe', 'a.rego:5:8 rego_unsafe_var_error var z is unsafe']);
  assert.deepEqual(longer, ['a.rego:3:22 rego_unsafe_var_error var yy is unsafe', 'a.rego:5:8 rego_unsafe_var_error var z is unsafe']);
  assert.deepEqual(inserted, ['a.rego:3:22 rego_unsafe_var_error var y is unsafe', 'a.rego:7:8 rego_unsafe_var_error var z is unsafe']);
});

test('two rules with the same text in one run each get their own errors', () => {
  const [twice, edited] = versions([
    { 'a.rego': mod('p contains x if { x == 1 }', '', 'p contains x if { x == 1 }') },
    { 'a.rego': mod('p contains x if { x == 1 }', '', 'p contains x if { x == 2 }') },
  ]);
  // Each rule reports its own unsafe head var, at its own row.
  assert.deepEqual(twice.map((l) => l.split(':')[1]), ['3', '5']);
  assert.deepEqual(edited.map((l) => l.split(':')[1]), ['3', '5']);
});

test('unused vars ordered by generated names stay in order when the counter crosses 10', () => {
  // Strict mode orders a scope's unused `:=` vars by OPA's generated names as strings, so the
  // order of `a` and `b` in `q` depends on how many locals the rules before it declare.
  const locals = (n: number) => Array.from({ length: n }, (_, i) => `v${i} := input.v${i}`).join('\n\t');
  const q = 'q if {\n\ta := 1\n\tb := 2\n\ttrue\n}';
  const results = versions(
    [8, 9, 7, 9, 10, 6].map((n) => ({ 'a.rego': mod(`p if {\n\t${locals(n)}\n\tv0 == v${n - 1}\n}`, '', q) })),
    { strict: true },
  );
  for (const r of results) assert.ok(r.length >= 2, r.join('\n'));
  // The order changes somewhere along the way (else this test would not exercise the counter).
  const orders = new Set(results.map((r) => r.filter((l) => / var [ab] unused/.test(l)).map((l) => l.replace(/^.* var /, '')).join(',')));
  assert.ok(orders.size > 1, [...orders].join(' | '));
});

test('Rego v0 chained bodies share their head: editing the head re-checks every body', () => {
  const v0 = (head: string) => ({ file: 'a.rego', text: `package t\n\n${head} { input.a == x } { input.b == x }\n`, regoVersion: 'v0' as const });
  const cache = new CheckCache();
  for (const head of ['p[x]', 'p[y]', 'p[x]']) {
    const warm = checkModules([v0(head)], { cache });
    const cold = checkModules([v0(head)]);
    assert.deepEqual(warm, cold, head);
  }
});

test('the cache keeps only the rules of the last run', () => {
  const cache = new CheckCache();
  checkModules(sources({ 'a.rego': mod('p if input.a', '', 'q if input.b', '', 'r if input.c') }), { cache });
  assert.equal(cache.size, 3);
  checkModules(sources({ 'a.rego': mod('p if input.a', '', 'q if input.bb', '', 'r if input.c') }), { cache });
  assert.equal(cache.size, 3);
  assert.equal(cache.hits, 2);
  checkModules(sources({ 'a.rego': mod('p if input.a') }), { cache });
  assert.equal(cache.size, 1);
});
