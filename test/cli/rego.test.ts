// `palisade rego check|fmt|eval`: output and exit codes as the matching `opa` commands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { run } from '../../server/src/cli/commands/rego';
import { capture, tempTree } from './rego-capture';

const CLEAN = 'package app\n\nallow if input.user == "alice"\n';
const RECURSIVE = 'package hw\n\np if q\n\nq if p\n';

test('check: a clean tree prints nothing and exits 0', async () => {
  const dir = tempTree({ 'a.rego': CLEAN, 'sub/b.rego': 'package b\n\nx := 1\n', 'notes.txt': 'not rego' });
  const r = await capture(run, ['check', dir]);
  assert.deepEqual(r, { code: 0, stdout: '', stderr: '' });
});

test('check: pretty errors on stderr, exit 1, like opa check', async () => {
  const dir = tempTree({ 'r.rego': RECURSIVE });
  const file = join(dir, 'r.rego');
  const r = await capture(run, ['check', file]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    `2 errors occurred:\n${file}:3: rego_recursion_error: rule data.hw.p is recursive: data.hw.p -> data.hw.q -> data.hw.p\n` +
      `${file}:5: rego_recursion_error: rule data.hw.q is recursive: data.hw.q -> data.hw.p -> data.hw.q\n`,
  );
});

test('check --format json: OPA shape with Go escaping of <, >, &', async () => {
  const dir = tempTree({ 'r.rego': RECURSIVE });
  const file = join(dir, 'r.rego');
  const r = await capture(run, ['check', '--format', 'json', file]);
  assert.equal(r.code, 1);
  assert.ok(r.stderr.includes('data.hw.p -\\u003e data.hw.q'), r.stderr);
  const parsed = JSON.parse(r.stderr);
  assert.deepEqual(parsed.errors[0], {
    message: 'rule data.hw.p is recursive: data.hw.p -> data.hw.q -> data.hw.p',
    code: 'rego_recursion_error',
    location: { file, row: 3, col: 1 },
  });
  assert.deepEqual(Object.keys(parsed.errors[0]), ['message', 'code', 'location']);
});

test('check: parse errors are "during loading", with the source line and a caret', async () => {
  const dir = tempTree({ 'p.rego': 'package hw\n\np := {\n' });
  const file = join(dir, 'p.rego');
  const pretty = await capture(run, ['check', file]);
  assert.equal(pretty.code, 1);
  assert.match(pretty.stderr, /^2 errors occurred during loading:\n.*p\.rego:4: rego_parse_error: unexpected eof token\n\tp := \{\n\t     \^\n/);
  const json = JSON.parse((await capture(run, ['check', '--format=json', file])).stderr);
  assert.deepEqual(json.errors[0].details, { line: 'p := {', idx: 5 });
});

test('check --strict adds the strict errors; --v0-compatible parses v0', async () => {
  const dir = tempTree({ 's.rego': 'package s\n\nimport data.unused\n\np := 1\n', 'v0.rego': 'package v\n\np { input.x }\n' });
  assert.equal((await capture(run, ['check', join(dir, 's.rego')])).code, 0);
  const strict = await capture(run, ['check', '--strict', join(dir, 's.rego')]);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /rego_compile_error: import data\.unused unused/);
  assert.equal((await capture(run, ['check', join(dir, 'v0.rego')])).code, 1);
  assert.equal((await capture(run, ['check', '--v0-compatible', join(dir, 'v0.rego')])).code, 0);
});

test('check: usage errors exit 2', async () => {
  assert.equal((await capture(run, ['check'])).code, 2);
  assert.equal((await capture(run, ['check', '--format', 'xml', 'x.rego'])).code, 2);
  assert.equal((await capture(run, ['bogus'])).code, 2);
});

test('fmt: stdout by default, --list, --diff, -w and --fail', async () => {
  const messy = 'package app\nallow if {input.user=="alice"}\n';
  const dir = tempTree({ 'm.rego': messy, 'ok.rego': CLEAN });
  const m = join(dir, 'm.rego');
  const out = await capture(run, ['fmt', m]);
  assert.equal(out.code, 0);
  assert.equal(out.stdout, 'package app\n\nallow if input.user == "alice"\n');
  const list = await capture(run, ['fmt', '--list', dir]);
  assert.equal(list.stdout, `${m}\n`);
  const diff = await capture(run, ['fmt', '--diff', '--fail', m]);
  assert.equal(diff.code, 1);
  assert.match(diff.stdout, /^--- .*m\.rego \(original\)\n\+\+\+ .*m\.rego \(formatted\)\n@@ /);
  assert.match(diff.stdout, /\n-allow if \{input\.user=="alice"\}\n/);
  assert.equal((await capture(run, ['fmt', '-w', m])).code, 0);
  assert.equal(readFileSync(m, 'utf8'), 'package app\n\nallow if input.user == "alice"\n');
  assert.equal((await capture(run, ['fmt', '--list', '--fail', dir])).code, 0);
});

test('fmt: a file that does not parse is reported and exits 2', async () => {
  const dir = tempTree({ 'bad.rego': 'package x\n\np := {\n' });
  const r = await capture(run, ['fmt', join(dir, 'bad.rego')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /rego_parse_error/);
});

test('eval: json result with expressions and bindings, as opa eval', async () => {
  const dir = tempTree({ 'app.rego': CLEAN, 'data.json': '{"limits": {"max": 3}}', 'input.json': '{"user": "alice"}' });
  const r = await capture(run, ['eval', '-d', dir, '-i', join(dir, 'input.json'), 'data.app.allow']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { result: [{ expressions: [{ value: true, text: 'data.app.allow', location: { row: 1, col: 1 } }] }] });
  const b = await capture(run, ['eval', '-d', dir, 'x := data.limits.max; y = x + 1']);
  assert.deepEqual(JSON.parse(b.stdout), {
    result: [
      {
        expressions: [
          { value: true, text: 'x := data.limits.max', location: { row: 1, col: 1 } },
          { value: true, text: 'y = x + 1', location: { row: 1, col: 23 } },
        ],
        bindings: { x: 3, y: 4 },
      },
    ],
  });
});

test('eval: undefined is {} (json) or "undefined" (pretty); compile errors exit 1', async () => {
  const dir = tempTree({ 'app.rego': CLEAN, 'bad.rego': 'package bad\n\np if q\n\nq if p\n' });
  const good = join(dir, 'app.rego');
  assert.equal((await capture(run, ['eval', '-d', good, 'data.app.allow'])).stdout, '{}\n');
  assert.equal((await capture(run, ['eval', '-d', good, '--format', 'pretty', 'data.app.allow'])).stdout, 'undefined\n');
  assert.equal((await capture(run, ['eval', '--format', 'pretty', '-d', good, '[1, 2][0]'])).stdout, '1\n');
  const bad = await capture(run, ['eval', '-d', dir, 'data.bad.p']);
  assert.equal(bad.code, 1);
  assert.match(JSON.parse(bad.stdout).errors[0].code, /rego_recursion_error|rego_compile_error/);
});

test('eval: the query itself is checked like a rule body (positions in the query)', async () => {
  const dir = tempTree({ 'app.rego': CLEAN });
  const r = await capture(run, ['eval', '-d', dir, 'x := 1; undefined_fn(x)']);
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout).errors, [
    { message: 'undefined function undefined_fn', code: 'rego_type_error', location: { file: '', row: 1, col: 9 } },
  ]);
  const pretty = await capture(run, ['eval', '--format', 'pretty', '-d', dir, 'y > 1']);
  assert.equal(pretty.stderr, '1 error occurred: 1:1: rego_unsafe_var_error: var y is unsafe\n');
});
