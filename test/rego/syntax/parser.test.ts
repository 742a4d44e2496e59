// Per-construct parser tests: small inputs, whole trees compared as dumps (see dump.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseModule, parseQuery, parseTerm } from '../../../server/src/rego/syntax';
import { dumpBody, dumpModule, dumpRule, dumpTerm } from './dump';

/** The body of a query, dumped; fails on any error. */
function q(text: string): string {
  const r = parseQuery(text);
  assert.deepEqual(r.errors.map((e) => e.message), [], `errors for ${text}`);
  return dumpBody(r.body!);
}

/** The rules of a v1 module with `package t`, dumped one per line. */
function rules(text: string, regoVersion: 'v0' | 'v1' = 'v1'): string {
  const r = parseModule(`package t\n\n${text}\n`, { regoVersion });
  assert.deepEqual(r.errors.map((e) => `${e.row}:${e.col} ${e.message}`), [], `errors for ${text}`);
  return r.module!.rules.map(dumpRule).join('\n');
}

/** OPA-reported errors of a module, as "row:col message". */
function errs(text: string, regoVersion: 'v0' | 'v1' = 'v1'): string[] {
  return parseModule(text, { regoVersion })
    .errors.filter((e) => !(e.details as { recovered?: boolean } | undefined)?.recovered)
    .map((e) => `${e.row}:${e.col} ${e.message}`);
}

test('operators are builtin calls with OPA precedence', () => {
  assert.equal(q('x := 1 + 2 * 3'), '(assign x (plus 1 (mul 2 3)))');
  assert.equal(q('x = a - b - c'), '(eq x (minus (minus a b) c))');
  assert.equal(q('a == b'), '(equal a b)');
  assert.equal(q('a != b; a < b; a <= b; a > b; a >= b'), '(neq a b); (lt a b); (lte a b); (gt a b); (gte a b)');
  assert.equal(q('x := a | b & c'), '(assign x (or a (and b c)))');
  assert.equal(q('x := a / b % c'), '(assign x (rem (div a b) c))');
  assert.equal(q('a + b == c * d'), '(equal (plus a b) (mul c d))');
  assert.equal(q('x := (1 + 2) * 3'), '(assign x (mul (plus 1 2) 3))');
});

test('membership: in and k, v in', () => {
  assert.equal(q('x in xs'), '(internal.member_2 x xs)');
  assert.equal(q('k, v in xs'), '(internal.member_3 k v xs)');
  assert.equal(q('f(k, v in xs)'), '(f k (internal.member_2 v xs))');
  assert.equal(q('x == y in z'), '(internal.member_2 (equal x y) z)');
});

test('numbers: unary minus, fractions, exponents, leading dot', () => {
  assert.equal(q('x := -1'), '(assign x -1)');
  assert.equal(q('x := -1.5e3'), '(assign x -1.5e3)');
  assert.equal(q('x := .5'), '(assign x .5)');
  assert.equal(q('x := 1 - -2'), '(assign x (minus 1 -2))');
});

test('strings: JSON escapes, raw strings', () => {
  assert.equal(q('x := "a\\tb\\u0041\\"c"'), '(assign x "a\\tbA\\"c")');
  assert.equal(q('x := `a\\tb`'), '(assign x raw"a\\\\tb")');
});

test('refs: dots, brackets, calls, composite heads, root documents', () => {
  assert.equal(q('input'), '(ref input)');
  assert.equal(q('data.a.b[x]["c"]'), '(ref data "a" "b" x "c")');
  assert.equal(q('f(x).y'), '(ref (f x) "y")');
  assert.equal(q('[1, 2][0]'), '(ref [1 2] 0)');
  assert.equal(q('x := data.lib.f(1)'), '(assign x (data.lib.f 1))');
  assert.equal(q('a.b(1, 2)'), '(a.b 1 2)');
});

test('collections: sets vs objects, empty set, comprehensions', () => {
  assert.equal(q('x := {}'), '(assign x {})');
  assert.equal(q('x := set()'), '(assign x (set))');
  assert.equal(q('x := {1, 2}'), '(assign x (set 1 2))');
  assert.equal(q('x := {"a": 1, "b": [2]}'), '(assign x {"a": 1, "b": [2]})');
  assert.equal(q('x := [y | y := 1]'), '(assign x [y | (assign y 1)])');
  assert.equal(q('x := {y | y := 1}'), '(assign x (setcomp y | (assign y 1)))');
  assert.equal(q('x := {k: v | k := 1; v := 2}'), '(assign x {k: v | (assign k 1); (assign v 2)})');
  assert.equal(q('x := {a | b}'), '(assign x (setcomp a | b))');
  assert.equal(q('x := [1, 2,]'), '(assign x [1 2])');
});

test('wildcards get numbered vars', () => {
  assert.equal(q('x[_] == y[_]'), '(equal (ref x $0) (ref y $1))');
});

test('some, every, not, with', () => {
  assert.equal(q('some x, y'), '(some x y)');
  assert.equal(q('some x in xs'), '(some (internal.member_2 x xs))');
  assert.equal(q('some k, v in xs'), '(some (internal.member_3 k v xs))');
  assert.equal(q('every x in xs { x > 0 }'), '(every x in xs { (gt x 0) })');
  assert.equal(q('every k, v in xs { v }'), '(every k v in xs { v })');
  assert.equal(q('not p'), '(not p)');
  assert.equal(q('p with input as 1 with data.x as {}'), 'p with (ref input) as 1 with (ref data "x") as {}');
});

test('bodies separated by newlines or semicolons', () => {
  assert.equal(rules('p if {\n  a\n  b; c\n}'), 'p = true (implicit) { a; b; c }');
});

test('rule forms (v1)', () => {
  assert.equal(rules('p := 1'), 'p := 1');
  assert.equal(rules('p = 1'), 'p = 1');
  assert.equal(rules('p if x'), 'p = true (implicit) { x }');
  assert.equal(rules('p := 2 if { x }'), 'p := 2 { x }');
  assert.equal(rules('a.b.c := 1'), 'a / "b" / "c" := 1');
  assert.equal(rules('p[x] := y if { x := 1; y := 2 }'), 'p / x key=x := y { (assign x 1); (assign y 2) }');
  assert.equal(rules('p contains x if { x := 1 }'), 'p key=x contains { (assign x 1) }');
  assert.equal(rules('p contains 1'), 'p key=1 contains');
  assert.equal(rules('f(x) := y if { y := x }'), 'f(x) := y { (assign y x) }');
  assert.equal(rules('f(x) if x'), 'f(x) = true (implicit) { x }');
  assert.equal(rules('default p := false'), 'default p := false');
  assert.equal(rules('default f(_) := 1'), 'default f($0) := 1');
  assert.equal(rules('p := 1 if { a } else := 2 if { b } else := 3'), 'p := 1 { a } ELSE p := 2 { b } ELSE p := 3');
  assert.equal(rules('p if { true }'), 'p = true (implicit) { true }');
  assert.equal(rules('q := {1}'), 'q := (set 1)');
});

test('rule forms (v0)', () => {
  assert.equal(rules('p { x }', 'v0'), 'p = true (implicit) { x }');
  assert.equal(rules('p[x] { x := 1 }', 'v0'), 'p key=x { (assign x 1) }');
  assert.equal(rules('p[k] = v { k := 1; v := 2 }', 'v0'), 'p / k key=k = v { (assign k 1); (assign v 2) }');
  assert.equal(rules('f(x) = y { y := x }', 'v0'), 'f(x) = y { (assign y x) }');
  assert.equal(rules('p { a } { b }', 'v0'), 'p = true (implicit) { a }\np = true (implicit) { b }');
  assert.equal(rules('import future.keywords.if\np if x', 'v0'), 'p = true (implicit) { x }');
  assert.equal(rules('import rego.v1\np contains x if x := 1', 'v0'), 'p key=x contains { (assign x 1) }');
  // Without future imports, `in`, `if`, `contains` and `every` are plain names in v0.
  assert.equal(rules('in := 1\ncontains := 2', 'v0'), 'in := 1\ncontains := 2');
});

test('imports and package paths', () => {
  const r = parseModule('package a.b["c"]\n\nimport data.x.y as z\nimport input.foo\nimport future.keywords.in\nimport rego.v1\n');
  assert.deepEqual(r.errors, []);
  assert.equal(dumpModule(r.module!), ['package data "a" "b" "c"', 'import (ref data "x" "y") as z', 'import (ref input "foo")', 'import (ref future "keywords" "in")', 'import (ref rego "v1")'].join('\n'));
});

test('template strings', () => {
  assert.equal(q('x := $"a{y}b"'), '(assign x (template "a" y "b"))');
  assert.equal(q('x := $"{1 + 2}"'), '(assign x (template (plus 1 2)))');
  assert.equal(q('x := $`{ {1: 2}[1] }\\{`'), '(assign x (template-raw (ref {1: 2} 1) "{"))');
});

test('parseTerm reads one term', () => {
  const r = parseTerm('{"a": [1, true, null]}');
  assert.deepEqual(r.errors, []);
  assert.equal(dumpTerm(r.term!), '{"a": [1 true null]}');
  assert.ok(parseTerm('a; b').errors.length > 0);
});

test('v1 errors with OPA messages', () => {
  assert.deepEqual(errs('package t\n\np { true }\n'), ['3:1 `if` keyword is required before rule body']);
  assert.deepEqual(errs('package t\n\np[x] if { x := 1 }\nq[y] { y := 1 }\n'), ['4:1 `if` keyword is required before rule body', '4:1 `contains` keyword is required for partial set rules']);
  assert.deepEqual(errs('package t\n\np\n'), ['3:1 var cannot be used for rule name']);
  assert.deepEqual(errs('package t\np contains x if { x := 1 } else := 2\n'), ['2:28 else keyword cannot be used on multi-value rules']);
  assert.deepEqual(errs('package t\ndefault p := x\n'), ['2:1 illegal default rule (value cannot contain var)']);
  assert.deepEqual(errs('package t\np := }\n'), ['2:6 unexpected } token', '2:6 unexpected } token: expected rule value term (e.g., p := <VALUE> { ... })']);
  assert.deepEqual(errs('p := 1\n'), ['1:1 package expected']);
  assert.deepEqual(errs(''), ['0:0 empty module']);
  assert.deepEqual(errs('package t\np := "abc\n'), ['2:6 non-terminated string', '2:6 illegal token', '2:6 illegal token']);
  assert.deepEqual(errs('package t\nx := "\\q"\n'), ['2:6 illegal escape sequence', '2:6 illegal token', '2:6 illegal token']);
  assert.deepEqual(errs('package t\nx := "\\u12G4"\n'), ['2:6 illegal string literal: "\\u12G4"', '2:6 unexpected string token: expected rule value term (e.g., x := <VALUE> { ... })']);
  assert.deepEqual(errs('package t\nx := 1e99999\n'), ['2:6 number too big', '2:6 unexpected number token: expected rule value term (e.g., x := <VALUE> { ... })']);
  assert.deepEqual(errs('package t\nx := 3.\n'), ['2:6 expected fraction', '2:6 illegal token', '2:6 illegal token']);
  assert.deepEqual(errs('package t\nimport lib.x\n'), ['2:8 unexpected import path, must begin with one of: {data, future, input, rego}, got: lib (hint: if this is unexpected, try updating OPA)']);
  assert.deepEqual(errs('package t\nimport rego.v2\n'), ['2:8 invalid import `rego.v2`, must be `rego.v1`']);
  assert.deepEqual(errs('package t\np if {\n  x := 1 y\n}\n'), ['3:10 unexpected identifier token: expected \\n or ; or }']);
});

test('a module is returned with the good rules even when others are broken', () => {
  const r = parseModule('package t\n\na := 1\nb := }\nc := 3\nd if {\n  x = = 1\n}\ne := 5\n');
  const rulesByName = r.module!.rules.map((x) => dumpRule(x));
  assert.deepEqual(rulesByName, ['a := 1', 'c := 3', 'e := 5']);
  const opa = r.errors.filter((e) => !(e.details as { recovered?: boolean } | undefined)?.recovered);
  const recovered = r.errors.filter((e) => (e.details as { recovered?: boolean } | undefined)?.recovered);
  assert.deepEqual(opa.map((e) => e.row), [4, 4]);
  assert.deepEqual(recovered.map((e) => e.row), [7]);
});

test('keyword refs are accepted by default and rejected with keywordsInRefs: false (OPA 1.5.0)', () => {
  const text = 'package foo.if.bar\n\np if {\n  null.foo == 1\n  foo.else == 2\n}\n\nnull.foo := 1\nfoo.else := 2\n';
  assert.ok(parseModule(text, { keywordsInRefs: false }).errors.length > 0);
  const r = parseModule(text);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.module!.rules.map(dumpRule), ['p = true (implicit) { (equal (ref null "foo") 1); (equal (ref foo "else") 2) }', 'null / "foo" key="foo" := 1', 'foo / "else" key="else" := 2']);
  assert.deepEqual(errs('package t\nif := 1\n'), ['2:1 unexpected if keyword']);
});

test('else on a ground ref head is fine; on a ref with vars it is not', () => {
  assert.equal(rules('a.b := 1 if { false } else := 2'), 'a / "b" := 1 { false } ELSE a / "b" := 2');
  assert.deepEqual(errs('package t\np[x] := 1 if { x := 1 } else := 2\n'), ['2:25 else keyword cannot be used on rules with variables in head']);
});
