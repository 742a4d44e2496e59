// One test per layout rule of `opa fmt`, on tiny modules with hand-written expected output.
// Every formatted result is also formatted again to check idempotence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatModule, type FormatOptions } from '../../../server/src/rego/format';

function check(input: string, expected: string, options: FormatOptions = {}): void {
  const result = formatModule(input, options);
  assert.deepEqual(result.errors, []);
  assert.equal(result.formatted, expected);
  const again = formatModule(expected);
  assert.equal(again.formatted, expected, 'formatting the output again must change nothing');
}

test('indents bodies with tabs and puts one expression per line', () => {
  check('package a\np if {\n    x := 1;   y := 2\n      x < y\n}\n', 'package a\n\np if {\n\tx := 1\n\ty := 2\n\tx < y\n}\n');
});

test('keeps one blank line where the body had blank lines', () => {
  check('package a\np if {\n  x := 1\n\n\n  x > 0\n}\n', 'package a\n\np if {\n\tx := 1\n\n\tx > 0\n}\n');
});

test('separates rules by a blank line but keeps adjacent one-liners grouped', () => {
  check('package a\na := 1\nb := 2\n\n\nc if {\n x\n y\n}\nd := 3\n', 'package a\n\na := 1\nb := 2\n\nc if {\n\tx\n\ty\n}\n\nd := 3\n');
});

test('a single-expression body on the head line stays on it after `if`', () => {
  check('package a\np if { input.x == 1 }\n', 'package a\n\np if input.x == 1\n');
});

test('a single-expression body on its own line keeps its braces', () => {
  check('package a\np if {\n  input.x == 1\n}\n', 'package a\n\np if {\n\tinput.x == 1\n}\n');
});

test('a body of just `true` becomes the rule value', () => {
  check('package a\np if { true }\n', 'package a\n\np := true\n');
});

test('default rules, functions and partial sets print in v1 form', () => {
  check(
    'package a\ndefault allow = false\nf(x) = y if { y := x + 1 }\ns contains x if { some x in input }\n',
    'package a\n\ndefault allow := false\n\nf(x) := y if y := x + 1\ns contains x if some x in input\n',
  );
});

test('else chains stay inline when written inline, and on their own line when written so', () => {
  check(
    'package a\np := 1 if {\n  input.a\n} else := 2 if {\n  input.b\n} else := 3\n',
    'package a\n\np := 1 if {\n\tinput.a\n} else := 2 if {\n\tinput.b\n} else := 3\n',
  );
  check('package a\np := 1 if {\n  input.a\n}\nelse := 2\n', 'package a\n\np := 1 if {\n\tinput.a\n}\n\nelse := 2\n');
});

test('operators get single spaces; nested infix calls are parenthesised', () => {
  check('package a\np if {\n  x:=1+2*3\n  x!=input.y\n  z  =  x%2\n}\n', 'package a\n\np if {\n\tx := 1 + (2 * 3)\n\tx != input.y\n\tz = x % 2\n}\n');
});

test('`in` with a key, inside another `in`, is parenthesised', () => {
  check('package a\np if {\n  1, 2 in [2] in [false, true]\n}\n', 'package a\n\np if {\n\t(1, 2 in [2]) in [false, true]\n}\n');
});

test('one-line composites are normalised; a composite that spanned lines gets one item group per line and a trailing comma', () => {
  check('package a\nx := {"a":1,   "b":[1,2]}\n', 'package a\n\nx := {"a": 1, "b": [1, 2]}\n');
  check('package a\nx := [1, 2,\n  3]\n', 'package a\n\nx := [\n\t1, 2,\n\t3,\n]\n');
  // OPA 1.5 goes by the rows of the items only: items sharing one row collapse onto one line.
  check('package a\nx := [\n  1, 2\n]\n', 'package a\n\nx := [1, 2]\n');
});

test('call arguments on several lines are laid out one group per line', () => {
  check('package a\np if {\n  f(1,\n    2)\n}\n', 'package a\n\np if {\n\tf(\n\t\t1,\n\t\t2,\n\t)\n}\n');
});

test('comprehensions stay on one line when written so, else become blocks', () => {
  check('package a\nxs := [x | some x in input;x > 1]\n', 'package a\n\nxs := [x | some x in input; x > 1]\n');
  check(
    'package a\nxs := {k: v |\n  some k, v in input\n  v > 1\n}\n',
    'package a\n\nxs := {k: v |\n\tsome k, v in input\n\tv > 1\n}\n',
  );
});

test('a comment inside a composite whose items share one row lands after the bracket (OPA 1.5, issue 7565)', () => {
  const result = formatModule('package a\nsetting := {\n    # set to enable\n    "enabled": true,\n}\n');
  assert.equal(result.formatted, 'package a\n\nsetting := {# set to enable\n"enabled": true}\n');
});

test('repeated set elements and object keys are printed once, as OPA stores them', () => {
  check('package a\nx := {1, 2, 1}\ny := {"a": 1, "b": 2, "a": 3}\n', 'package a\n\nx := {1, 2}\ny := {"a": 3, "b": 2}\n');
});

test('empty set prints as set()', () => {
  check('package a\nx := set( )\n', 'package a\n\nx := set()\n');
});

test('every, some and not keep their forms', () => {
  check(
    'package a\np if {\n  some   x, y\n  not   input.z\n  every k, v in input { v > k }\n}\n',
    'package a\n\np if {\n\tsome x, y\n\tnot input.z\n\tevery k, v in input { v > k }\n}\n',
  );
});

test('with modifiers on later lines are indented one level', () => {
  check(
    'package a\np if {\n  q with input as 1\n     with data.x as 2\n}\n',
    'package a\n\np if {\n\tq with input as 1\n\t\twith data.x as 2\n}\n',
  );
});

test('strings keep their escapes, raw strings stay raw, numbers stay as written', () => {
  check('package a\nx := ["a\\u0041\\n", `raw\\n`, 1e3, 1.50]\n', 'package a\n\nx := ["a\\u0041\\n", `raw\\n`, 1e3, 1.50]\n');
});

test('refs: string keys that are names use dots, others brackets', () => {
  check('package a\np if {\n  input["x"]["a-b"][0]\n}\n', 'package a\n\np if {\n\tinput.x["a-b"][0]\n}\n');
});

test('a two-element ref head prints bracketed unless another rule needs ref heads', () => {
  check('package a\nr.a := 1\n', 'package a\n\nr["a"] := 1\n');
  check('package a\np.q.r := 1\np.s := 2\n', 'package a\n\np.q.r := 1\np.s := 2\n');
});

test('comments stay where they were: before rules, trailing, inside bodies and composites, at the end', () => {
  check(
    'package a\n\n# about p\np if {\n  # inside\n  input.x # trailing\n}\n\nx := [\n  1, # one\n  2,\n]\n\n# the end\n',
    'package a\n\n# about p\np if {\n\t# inside\n\tinput.x # trailing\n}\n\nx := [\n\t1, # one\n\t2,\n]\n\n# the end\n',
  );
});

test('METADATA blocks are kept as written', () => {
  const src = '# METADATA\n# title: A\npackage a\n\n# METADATA\n# title: p\n# custom:\n#   id: X-1\np := 1\n';
  check(src, src);
});

test('imports are grouped as written and sorted within a group', () => {
  check(
    'package a\nimport rego.v1\nimport data.z\nimport data.b as bee\n\nimport input.q # why\np := 1\n',
    'package a\n\nimport data.b as bee\nimport data.z\nimport rego.v1\n\nimport input.q # why\n\np := 1\n',
  );
});

test('future.keywords imports are dropped next to rego.v1 (groups follow the remaining rows)', () => {
  check(
    'package a\nimport rego.v1\nimport future.keywords.in\nimport data.z\np := 1\n',
    'package a\n\nimport rego.v1\n\nimport data.z\n\np := 1\n',
  );
});

test('v0 input is rewritten to v1: `if`, `contains` and `:=`', () => {
  check(
    'package a\n\np[x] { x := input[_] }\nq { input.y }\nr = 1 { true }\nf(x) = y { y := x }\n',
    'package a\n\np contains x if x := input[_]\nq if input.y\nr := 1\nf(x) := y if y := x\n',
    { regoVersion: 'v0' },
  );
});

test('v0 output (like --v0-compatible) keeps v0 syntax', () => {
  const result = formatModule('package foo.contains.bar\n\nbaz := 42\n', { regoVersion: 'v0', outputVersion: 'v0' });
  assert.equal(result.formatted, 'package foo.contains.bar\n\nbaz := 42\n');
});

test('trailing blank lines and whitespace are removed', () => {
  check('package a   \n\n\np := 1   \n\n\n\n', 'package a\n\np := 1\n');
});

test('parse errors give errors and no output, and never throw', () => {
  for (const bad of ['package a\np if {', 'p := 1', 'package a\nx := [1, 2', '', 'package\n', 'package a\nf(x := 1']) {
    const result = formatModule(bad);
    assert.equal(result.formatted, undefined, bad);
    assert.ok(result.errors.length > 0, bad);
  }
});

test('set elements that are comprehensions with the same head are all kept (only equal terms are one)', () => {
  const input = 'package x\n\nimport rego.v1\n\nf(b) := union({\n\t{x | some x in b.a},\n\t{x |\n\t\tsome x in b.c\n\t\tx.on\n\t},\n\t{x | some x in b.a},\n})\n';
  const expected = 'package x\n\nimport rego.v1\n\nf(b) := union({\n\t{x | some x in b.a},\n\t{x |\n\t\tsome x in b.c\n\t\tx.on\n\t},\n})\n';
  check(input, expected);
});
