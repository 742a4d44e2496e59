// `palisade rego lint`: exit codes, formats and config discovery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run as runRego } from '../../server/src/cli/commands/rego';
import { run as runLint } from '../../server/src/cli/commands/rego-lint';
import { capture, tempTree } from '../cli/rego-capture';

// `palisade rego lint …` dispatches to rego-lint; the other tests call it directly (the module is
// loaded statically above, so the dispatch's dynamic import does not yield to the test reporter).
const run = (argv: string[]): Promise<number> => (argv[0] === 'lint' ? runLint(argv.slice(1)) : runRego(argv));

test('`palisade rego lint` dispatches to the lint command', async () => {
  const r = await capture(runRego, ['lint', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /usage: palisade rego lint/);
});

const CLEAN = '# METADATA\n# entrypoint: true\npackage p\n\nallow if input.user == "alice"\n';

test('a clean tree exits 0 with a pretty summary', async () => {
  const dir = tempTree({ 'p/p.rego': CLEAN });
  const r = await capture(run, ['lint', join(dir, 'p')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '1 file linted. No violations found.\n');
});

test('error-level violations exit 3; --format json prints Regal\'s shape', async () => {
  const dir = tempTree({ 'p/p.rego': CLEAN.replace('allow if', '# TODO: more users\nallow if') });
  const r = await capture(run, ['lint', '--format', 'json', join(dir, 'p')]);
  assert.equal(r.code, 3);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.violations.map((v: { title: string }) => v.title), ['todo-comment']);
  assert.equal(json.summary.num_violations, 1);
});

test('a .regal/config.yaml found upward turns errors into warnings: exit 0', async () => {
  const dir = tempTree({ '.regal/config.yaml': 'rules:\n  style:\n    todo-comment:\n      level: warning\n', 'p/p.rego': CLEAN.replace('allow if', '# TODO: more users\nallow if') });
  const r = await capture(run, ['lint', '--format', 'json', join(dir, 'p')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).violations[0].level, 'warning');
});

test('--config-file is used instead of discovery; a broken config exits 1', async () => {
  const dir = tempTree({ 'cfg.yaml': 'rules:\n  style:\n    todo-comment:\n      level: ignore\n', 'broken.yaml': 'rules: [', 'p/p.rego': CLEAN.replace('allow if', '# TODO: more users\nallow if') });
  const ok = await capture(run, ['lint', '--config-file', join(dir, 'cfg.yaml'), join(dir, 'p')]);
  assert.equal(ok.code, 0, ok.stdout);
  const broken = await capture(run, ['lint', '--config-file', join(dir, 'broken.yaml'), join(dir, 'p')]);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /invalid config/);
});

test('usage errors exit 2; parse failures exit 1', async () => {
  assert.equal((await capture(run, ['lint'])).code, 2);
  assert.equal((await capture(run, ['lint', '--format', 'xml', '.'])).code, 2);
  const dir = tempTree({ 'p/p.rego': 'package p\n\nallow if {\n', '.regal.yaml': 'rules:\n  idiomatic:\n    no-defined-entrypoint:\n      level: ignore\n' });
  const r = await capture(run, ['lint', join(dir, 'p')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /p\.rego:/);
});
