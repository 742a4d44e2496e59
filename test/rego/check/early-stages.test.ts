// Imports, root-document shadowing and local-variable checks (OPA's stages before safety).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkModules } from '../../../server/src/rego/check';
import { check, mod } from './helpers';

test('parse errors stop everything and keep OPA positions', () => {
  const errs = check('package t\n\nq if r\n\np := ');
  assert.equal(errs[0], '5:5 rego_parse_error unexpected eof token');
  // The unsafe/undefined `r` is never reached: parse errors stop the checks.
  assert.ok(errs.every((e) => e.includes('rego_parse_error')));
});

test('a duplicate import is an error at the second import', () => {
  assert.deepEqual(check(mod('import data.a.users', 'import data.b.users', '', 'p if users.x')), [
    '4:1 rego_compile_error import must not shadow import data.a.users',
  ]);
});

test('rules and := locals must not shadow input or data', () => {
  assert.deepEqual(check(mod('input := 1')), ['3:1 rego_compile_error rules must not shadow input (use a different rule name)']);
  assert.deepEqual(check(mod('p if {', '\tdata := 1', '\tdata > 0', '}')), [
    '4:2 rego_compile_error variables must not shadow data (use a different variable name)',
  ]);
  assert.deepEqual(check(mod('f(input) := 1')), ['3:1 rego_compile_error args must not shadow input (use a different variable name)']);
});

test('re-declaring a local reports where and how it was declared', () => {
  assert.deepEqual(check(mod('p if {', '\tx := 1', '\tx := 2', '\tx > 0', '}')), ['5:2 rego_compile_error var x assigned above']);
  assert.deepEqual(check(mod('p if {', '\tx = 1', '\tx := 2', '\tx > 0', '}')), ['5:2 rego_compile_error var x referenced above']);
  assert.deepEqual(check(mod('s := {y |', '\tsome y in input.ys', '\ty := 3', '}')), ['5:2 rego_compile_error var y declared above']);
});

test('a shadowed local is fine in a nested comprehension scope', () => {
  assert.deepEqual(check(mod('p if {', '\tx := 1', '\ty := [x | some x in input.xs]', '\tx > 0', '\tcount(y) > 0', '}')), []);
});

test('`some x` never used is an error; `some x in xs` never is', () => {
  assert.deepEqual(check(mod('p if {', '\tsome unused', '\tinput.x == 1', '}')), ['4:2 rego_compile_error declared var unused unused']);
  assert.deepEqual(check(mod('p if {', '\tsome x in input.xs', '}')), []);
});

test('an every key/value var never used is reported at the first body expression', () => {
  assert.deepEqual(check(mod('p if {', '\tevery x in input.xs {', '\t\tinput.y', '\t}', '}')), ['5:3 rego_compile_error declared var x unused']);
});

test('a local named like a builtin and then called', () => {
  assert.deepEqual(check(mod('p := x if {', '\tis_object := 1', '\tis_object("foo", x)', '}')), ['5:2 rego_type_error undefined function is_object']);
  assert.deepEqual(check(mod('p := x if {', '\tcount := 1', '\tx = count([1])', '}')), ['5:6 rego_compile_error called function count shadowed']);
});

test('strict mode: unused imports, locals and arguments', () => {
  assert.deepEqual(check(mod('import data.lib.helpers', 'import input.request as req', '', 'p := true'), { strict: true }), [
    '3:1 rego_compile_error import data.lib.helpers unused',
    '4:1 rego_compile_error import input.request as req unused',
  ]);
  assert.deepEqual(check(mod('import future.keywords.in', 'import rego.v1', '', 'p := true'), { strict: true }), []);
  assert.deepEqual(check(mod('p if {', '\tevery x in input.items {', '\t\ty := 1', '\t\tx > 0', '\t}', '}'), { strict: true }), [
    '5:3 rego_compile_error assigned var y unused',
  ]);
  assert.deepEqual(check(mod('double(x, y) := z if {', '\tz := x * 2', '}'), { strict: true }), [
    '3:1 rego_compile_error unused argument y. (hint: use _ (wildcard variable) instead)',
  ]);
  // Without --strict none of these are errors.
  assert.deepEqual(check(mod('import data.lib.helpers', '', 'double(x, y) := z if {', '\tz := x * 2', '\tw := 1', '}')), []);
});

test('strict: an argument used only in an else clause is used', () => {
  assert.deepEqual(check(mod('f(x, y) := "a" if {', '\tx > 1', '} else := "b" if {', '\ty = true', '}'), { strict: true }), []);
});

test('with --strict, unused imports come before duplicate-import errors', () => {
  assert.deepEqual(check(mod('import input.user', 'import input.user', '', 'p := 1'), { strict: true }), [
    '3:1 rego_compile_error import input.user unused',
    '4:1 rego_compile_error import input.user unused',
  ]);
});

test('Rego v0 modules get the v1-only checks with --strict (or `import rego.v1`) only', () => {
  const v0 = (text: string, strict = false) =>
    checkModules([{ file: 'v.rego', text, regoVersion: 'v0' }], { strict }).map((e) => `${e.row}:${e.col} ${e.message}`);
  const src = 'package v\n\nimport data.a.x\nimport data.b.x\n\np { any([x]) }\n';
  assert.deepEqual(v0(src), []);
  assert.deepEqual(v0(src, true), ['4:1 import must not shadow import data.a.x']);
  assert.deepEqual(v0('package v\n\nimport rego.v1\n\np if any([true])\n'), ['5:6 deprecated built-in function calls in expression: any']);
});

// Found by the session-13 mutation sweep: the parser takes operator chains of any length (as OPA
// does), but the checker's passes recurse per operator. Past ~1,500 the stack runs out; that is
// said as what it is, not as an internal checker bug, and short chains still check.
test('an expression chaining 50,000 operators is reported as too deep to check, never thrown', () => {
  const errs = checkModules([{ file: 'p.rego', text: `package t\n\nx := ${'1 + '.repeat(50000)}1\n` }]);
  assert.equal(errs.length, 1);
  assert.match(errs[0].message, /^the modules nest too deeply to check \(e\.g\. an expression chaining thousands of operators\)/);
  assert.deepEqual(checkModules([{ file: 'p.rego', text: `package t\n\nx := ${'1 + '.repeat(500)}1\n` }]), []);
});
