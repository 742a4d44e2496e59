// `palisade packs init` and `packs build`: a scaffolded pack builds into a signed OPA bundle that
// `palisade scan` (the real binary) loads with require_signature and runs; a pack whose tests fail
// or whose Rego does not compile yields no bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { run } from '../../server/src/cli/commands/packs';
import { readTarGz } from '../../server/src/policy';
import { rsaKeys, tempDir, writeTree } from '../policy/packs-helpers';
import { capture } from './rego-capture';
import { json, scan } from './scan-run';

const packsCmd = (argv: string[]) => capture(run, argv);

test('init scaffolds a pack whose own tests pass; build writes a signed bundle that scan runs', async () => {
  const dir = tempDir();
  const init = await packsCmd(['init', `${dir}/acme-baseline`]);
  assert.equal(init.code, 0, init.stderr);
  const rule = readFileSync(`${dir}/acme-baseline/acme_baseline/tags/required_tags.rego`, 'utf8');
  assert.match(rule, /id: ACME-BASELINE-TAGS-001/);
  assert.ok(existsSync(`${dir}/acme-baseline/.github/workflows/pack.yml`));

  const { privatePem, publicPem } = rsaKeys();
  writeTree(dir, { 'keys/private.pem': privatePem, 'keys/public.pem': publicPem });
  const built = await packsCmd(['build', `${dir}/acme-baseline`, '-o', `${dir}/acme.tar.gz`, '--key', `${dir}/keys/private.pem`, '--alg', 'RS256', '--key-id', 'acme']);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  assert.match(built.stdout, /tests: 3 passed, 0 failed/);
  assert.match(built.stdout, /1 rules, version 0\.1\.0, signed RS256/);
  const members = [...readTarGz(readFileSync(`${dir}/acme.tar.gz`)).files.keys()];
  assert.equal(members[0], '.signatures.json', 'signatures first, as opa build writes them');
  assert.ok(members.includes('.manifest') && members.includes('acme_baseline/tags/data.json'));
  assert.ok(!members.some((m) => m.startsWith('.github') || m === 'README.md'), `only pack files: ${members.join(', ')}`);

  writeTree(dir, {
    'infra/main.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  tags = {\n    owner = "platform"\n  }\n}\n',
    'infra/.palisade.yaml': ['packs:', '  require_signature: true', '  keys:', '    acme: {algorithm: RS256, key_file: ../keys/public.pem}', '  sources:', '    - bundle: ../acme.tar.gz'].join('\n'),
  });
  const report = json(scan(['.', '--format', 'json', '--fail-on', 'none'], `${dir}/infra`));
  const team = report.findings.filter((f) => f.ruleId === 'ACME-BASELINE-TAGS-001');
  assert.equal(team.length, 1, JSON.stringify(report.findings.map((f) => f.ruleId)));
  assert.equal(team[0].message, 'aws_s3_bucket.logs has no cost_center tag');
  assert.equal(team[0].location.startLine, 3, 'on the tags attribute');
});

test('build refuses a pack whose tests fail or whose Rego does not compile, and writes nothing', async () => {
  const dir = tempDir();
  assert.equal((await packsCmd(['init', `${dir}/p`, '--name', 'team'])).code, 0);
  const data = `${dir}/p/team/tags/data.json`;
  writeFileSync(data, JSON.stringify({ required: ['owner'] }));
  const failing = await packsCmd(['build', `${dir}/p`, '-o', `${dir}/out.tar.gz`]);
  assert.equal(failing.code, 1);
  assert.match(failing.stderr, /FAIL data\.team\.tags\.required_tags_test\.test_missing_tags_reported/);
  assert.match(failing.stderr, /1 test failed; no bundle written/);
  assert.ok(!existsSync(`${dir}/out.tar.gz`));

  writeFileSync(`${dir}/p/team/tags/broken.rego`, 'package team.tags.broken\n\ndeny contains x if {\n\tx := y\n}\n');
  const broken = await packsCmd(['build', `${dir}/p`, '-o', `${dir}/out.tar.gz`, '--skip-tests']);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /broken\.rego/);
  assert.match(broken.stderr, /no bundle written/);
  assert.deepEqual(readdirSync(dir).sort(), ['p']);
});

test('init refuses a folder that is not empty; build and init report usage errors', async () => {
  const dir = writeTree(tempDir(), { 'existing/file.txt': 'x' });
  const init = await packsCmd(['init', `${dir}/existing`]);
  assert.equal(init.code, 1);
  assert.match(init.stderr, /exists and is not empty/);
  assert.equal((await packsCmd(['build'])).code, 2);
  assert.equal((await packsCmd(['build', dir, '--key', 'secret', '--alg', 'XX256'])).code, 2);
});
