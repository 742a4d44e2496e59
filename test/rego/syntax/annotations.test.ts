// METADATA blocks, v0 hints, and which errors OPA itself would report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { opaErrors, parseModule } from '../../../server/src/rego/syntax';

const show = (text: string, regoVersion: 'v0' | 'v1' = 'v1'): string[] => parseModule(text, { regoVersion }).errors.map((e) => `${e.row}:${e.col} ${e.message}`);

test('METADATA: default scopes, targets and decoded fields', () => {
  const r = parseModule(
    '# METADATA\n# title: pkg\npackage t\n\n# METADATA\n# description: first\n# custom:\n#   severity: high\np := 1\n\n# METADATA\n# scope: document\nq := 2\n',
  );
  assert.deepEqual(r.errors, []);
  const a = r.module!.annotations;
  assert.deepEqual(a.map((x) => [x.scope, x.target]), [['package', -1], ['rule', 0], ['document', 1]]);
  assert.deepEqual(a[1].fields.custom, { severity: 'high' });
  assert.equal(a[0].fields.title, 'pkg');
});

test('METADATA: OPA scope errors', () => {
  assert.deepEqual(show('package t\n\n# METADATA\n# scope: galaxy\np := 1\n'), ["3:1 invalid annotation scope 'galaxy'. Use one of 'rule', 'document', 'package', or 'subpackages'"]);
  assert.deepEqual(show('package t\n\n# METADATA\n# scope: package\np := 1\n'), ["3:1 annotation scope 'package' must be applied to package (have rule)"]);
  assert.deepEqual(show('package t\n\n# METADATA\n# entrypoint: true\n# scope: rule\np := 1\n'), ["3:1 annotation entrypoint applied to non-document or package scope 'rule'"]);
  assert.deepEqual(show('package t\n\n# METADATA\np := 1\n'), ['3:1 expected METADATA block, found whitespace']);
  const yamlErr = show('package t\n\n# METADATA\n# title: [a, b\np := 1\n');
  assert.equal(yamlErr.length, 1);
  assert.match(yamlErr[0], /^\d+:1 yaml: /);
});

// Found by the mutation sweep (session 13): `&a [*a]` decoded into a value containing itself, and
// loading it as a pack rule overflowed the stack ("Maximum call stack size exceeded" as a compile
// error); 1,000 nested brackets overflowed yaml's parser. Both are now plain YAML errors.
test('METADATA: a self-containing anchor or brackets nested past 100 levels are YAML errors, shared anchors are fine', () => {
  assert.deepEqual(show('package t\n\n# METADATA\n# custom:\n#   loop: &a [*a]\np := 1\n'), ['4:1 yaml: anchor value contains itself']);
  assert.deepEqual(show('package t\n\n# METADATA\n# custom: &a {x: *a}\np := 1\n'), ['4:1 yaml: anchor value contains itself']);
  assert.deepEqual(show(`package t\n\n# METADATA\n# title: x\n# custom: ${'['.repeat(1000)}${']'.repeat(1000)}\np := 1\n`), ['5:1 yaml: line 2: exceeded max depth of 100']);
  const shared = parseModule('package t\n\n# METADATA\n# custom:\n#   a: &x {b: 1}\n#   c: *x\n#   d: [*x, *x]\np := 1\n');
  assert.deepEqual(shared.errors, []);
  assert.deepEqual(shared.module!.annotations[0].fields.custom, { a: { b: 1 }, c: { b: 1 }, d: [{ b: 1 }, { b: 1 }] });
});

test('v0 hints for `some x in xs` and `every` without future imports', () => {
  assert.deepEqual(show('package t\np {\n  some x in [1]\n}\n', 'v0'), ['3:10 unexpected identifier token: expected \\n or ; or } (hint: `import future.keywords.in` for `some x in xs` expressions)']);
  assert.deepEqual(show('package t\np {\n  every x in [1] { x }\n}\n', 'v0'), ['3:9 unexpected identifier token: expected \\n or ; or } (hint: `import future.keywords.every` for `every x in xs { ... }` expressions)']);
  assert.deepEqual(show('package t\nimport future.keywords.every\np {\n  every x in [1] { x }\n}\n', 'v0'), []);
});

test('imports: keywords at the end of a path, future imports', () => {
  assert.deepEqual(show('package t\nimport data.foo.if\n'), ['2:17 unexpected import path, must not end with a keyword, got: if']);
  assert.deepEqual(show('package t\nimport data.foo.if as f\n'), []);
  assert.deepEqual(show('package t\nimport future.keywords.nope\n'), ['2:8 unexpected keyword, must be one of [contains every if in]']);
  assert.deepEqual(show('package t\nimport future.stuff\n'), ['2:8 invalid import, must be `future.keywords`']);
});

test('errors after the point where OPA stops are tagged as recovered', () => {
  const r = parseModule('package t\np := }\nq { true }\nr := 1\n');
  assert.deepEqual(opaErrors(r.errors).map((e) => e.message), ['unexpected } token', 'unexpected } token: expected rule value term (e.g., p := <VALUE> { ... })']);
  const recovered = r.errors.filter((e) => !opaErrors([e]).length).map((e) => `${e.row}:${e.col} ${e.message}`);
  assert.deepEqual(recovered, ['3:1 `if` keyword is required before rule body']);
  assert.deepEqual(r.module!.rules.map((x) => (x.head.ref[0].value as { name: string }).name), ['q', 'r']);
});
