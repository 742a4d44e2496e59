// `palisade inspect`: output shape, paths relative to the current directory, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../../../server/src/cli/commands/inspect';
import { REPO_ROOT } from '../../../helpers/corpora';

async function capture(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const write = { out: process.stdout.write, err: process.stderr.write };
  const before = process.cwd();
  let out = '';
  let err = '';
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    const code = await run(argv);
    return { code, out, err };
  } finally {
    process.chdir(before);
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

test('inspect --json prints units with relative paths and 1-based diagnostic positions', async () => {
  const r = await capture(['--json', 'test/fixtures/terraform-eval/local-cycle/main.tf'], REPO_ROOT);
  assert.equal(r.code, 1, 'error diagnostics give exit code 1');
  const json = JSON.parse(r.out);
  assert.equal(json.units.length, 1);
  const unit = json.units[0];
  assert.equal(unit.dir, 'test/fixtures/terraform-eval/local-cycle');
  assert.deepEqual(unit.files, ['test/fixtures/terraform-eval/local-cycle/main.tf']);
  assert.deepEqual(Object.keys(unit), ['format', 'dir', 'files', 'resources', 'data', 'modules', 'providers', 'variables', 'locals', 'diagnostics']);
  assert.deepEqual(unit.diagnostics[0], {
    file: 'test/fixtures/terraform-eval/local-cycle/main.tf', line: 2, column: 3, endLine: 2, endColumn: 4,
    severity: 'error', code: 'tf-local-cycle', message: 'local "a" is part of a cycle: local.a → local.b → local.a',
  });
});

test('inspect on a tree makes every module directory a unit; the summary lists addresses', async () => {
  const r = await capture(['test/fixtures/terraform-eval/local-module/modules'], REPO_ROOT);
  assert.equal(r.code, 0);
  assert.match(r.out, /^test\/fixtures\/terraform-eval\/local-module\/modules\/net {2}\(1 file\)$/m);
  assert.match(r.out, /^ {2}module\.inner\.aws_sns_topic\.t {2}test\/fixtures\/terraform-eval\/local-module\/modules\/net\/inner\/main\.tf$/m);
  assert.match(r.out, /^test\/fixtures\/terraform-eval\/local-module\/modules\/net\/inner {2}\(1 file\)$/m);
});

test('the example module is clean, and --var-file applies after terraform.tfvars', async () => {
  const plain = await capture(['--json', '.'], `${REPO_ROOT}/examples/terraform-basic`);
  assert.equal(plain.code, 0, plain.err);
  const unit = JSON.parse(plain.out).units[0];
  assert.equal(unit.variables.environment, 'prod');
  assert.deepEqual(unit.diagnostics, []);
  const withFile = await capture(['--json', '--var-file', '../../test/fixtures/terraform-eval/inspect-staging.tfvars', '.'], `${REPO_ROOT}/examples/terraform-basic`);
  assert.equal(JSON.parse(withFile.out).units[0].variables.environment, 'staging');
});

test('usage errors exit 2', async () => {
  assert.equal((await capture([], REPO_ROOT)).code, 2);
  assert.equal((await capture(['--bogus', '.'], REPO_ROOT)).code, 2);
  assert.equal((await capture(['no/such/path'], REPO_ROOT)).code, 2);
});
