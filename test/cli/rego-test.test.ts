// `palisade test`: runs test_* rules like `opa test`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { run } from '../../server/src/cli/commands/test';
import { capture, tempTree } from './rego-capture';

const POLICY = 'package app\n\nallow if input.user == data.config.admin\n';
const TESTS = [
  'package app_test',
  '',
  'import data.app',
  '',
  'test_admin_allowed if app.allow with input as {"user": "alice"}',
  '',
  'test_other_denied if not app.allow with input as {"user": "bob"}',
  '',
  'todo_test_later if false',
  '',
].join('\n');

function tree(extra: Record<string, string> = {}): string {
  return tempTree({ 'app.rego': POLICY, 'app_test.rego': TESTS, 'config/data.json': '{"admin": "alice"}', ...extra });
}

test('all passing: the summary only, exit 0', async () => {
  const dir = tree();
  const r = await capture(run, [dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'PASS: 2/3\nSKIPPED: 1/3\n');
});

test('-v lists every test under its file with PASS/SKIPPED', async () => {
  const dir = tree();
  const r = await capture(run, ['-v', dir]);
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], `${join(dir, 'app_test.rego')}:`);
  assert.match(lines[1], /^data\.app_test\.test_admin_allowed: PASS \(\d/);
  assert.match(lines[2], /^data\.app_test\.test_other_denied: PASS \(\d/);
  assert.equal(lines[3], 'data.app_test.todo_test_later: SKIPPED');
  assert.equal(lines[4], '-'.repeat(80));
  assert.deepEqual(lines.slice(5), ['PASS: 2/3', 'SKIPPED: 1/3', '']);
});

test('a failing test: FAILURES and SUMMARY sections, exit 1', async () => {
  const dir = tree({ 'fail_test.rego': 'package f\n\ntest_wrong if 1 == 2\n' });
  const r = await capture(run, [dir]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^FAILURES\n-{80}\ndata\.f\.test_wrong: FAIL \(.*\)\n\nSUMMARY\n-{80}\n.*fail_test\.rego:\ndata\.f\.test_wrong: FAIL/);
  assert.match(r.stdout, /\nPASS: 2\/4\nFAIL: 1\/4\nSKIPPED: 1\/4\n$/);
});

test('--run selects tests by full name', async () => {
  const dir = tree({ 'fail_test.rego': 'package f\n\ntest_wrong if 1 == 2\n' });
  const r = await capture(run, ['--run', 'admin', dir]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'PASS: 1/1\n');
});

test('a test that raises an error is ERROR, exit 1', async () => {
  const dir = tempTree({ 'e_test.rego': 'package e\n\ntest_conflict if {\n\tf(1)\n}\n\nf(x) := 1\n\nf(x) := 2\n' });
  const r = await capture(run, [dir]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /data\.e\.test_conflict: ERROR/);
  assert.match(r.stdout, /ERROR: 1\/1\n$/);
});

test('policies that do not compile: errors on stderr, exit 1', async () => {
  const dir = tempTree({ 'bad.rego': 'package bad\n\np if q\n\nq if p\n' });
  const r = await capture(run, [dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /rego_recursion_error/);
});

test('usage errors exit 2', async () => {
  assert.equal((await capture(run, [])).code, 2);
  assert.equal((await capture(run, ['--run', '(', '.'])).code, 2);
});
