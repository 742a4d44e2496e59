// `palisade packs list|verify|test|sign` in-process on packs generated in a temp directory, and
// `palisade scan` (the real binary) running a team pack named in `.palisade.yaml`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { run } from '../../server/src/cli/commands/packs';
import { readTarGz, writeTarGz } from '../../server/src/policy';
import { bucketRule, bundleBytes, ecKeys, rsaKeys, tempDir, writeTree, BUCKET_TF } from '../policy/packs-helpers';
import { capture } from './rego-capture';
import { scan } from './scan-run';

const packsCmd = (argv: string[]) => capture(run, argv);

const TEAM_FILES = {
  '/.manifest': JSON.stringify({ revision: 'v3', roots: ['team'] }),
  '/team/s3/rule.rego': bucketRule('TEAM-S3-001', 'team.s3.rule'),
  '/team/s3/rule_test.rego': 'package team.s3.rule_test\n\nimport data.team.s3.rule\n\ntest_flags_bucket if {\n\tcount(rule.deny) == 1 with input as {"resources": [{"type": "aws_s3_bucket", "address": "aws_s3_bucket.b"}]}\n}\n',
};

test('sign then verify: RS256 from a key file; tampering after signing fails verify, naming the file', async () => {
  const { privatePem, publicPem } = rsaKeys();
  const dir = writeTree(tempDir(), { 'team.tar.gz': bundleBytes(TEAM_FILES), 'keys/private.pem': privatePem, 'keys/public.pem': publicPem });
  const signed = await packsCmd(['sign', `${dir}/team.tar.gz`, '--key', `${dir}/keys/private.pem`, '--alg', 'RS256', '--key-id', 'team']);
  assert.equal(signed.code, 0, signed.stderr);
  const members = readTarGz(readFileSync(`${dir}/team.tar.gz`)).files;
  assert.deepEqual([...members.keys()][0], '.signatures.json');
  writeFileSync(`${dir}/.palisade.yaml`, ['packs:', '  require_signature: true', '  keys:', '    team: {algorithm: RS256, key_file: keys/public.pem}', '  sources:', '    - bundle: team.tar.gz'].join('\n'));
  const ok = await packsCmd(['verify', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^ok {4}team \(bundle, signature valid\)$/m);

  members.set('team/s3/rule.rego', Buffer.from(TEAM_FILES['/team/s3/rule.rego'].replace('severity: medium', 'severity: info')));
  writeFileSync(`${dir}/team.tar.gz`, writeTarGz([...members].map(([name, data]) => ({ name, data }))));
  const bad = await packsCmd(['verify', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /FAIL {2}team/);
  assert.match(bad.stdout, /team\/s3\/rule\.rego does not match its signature/);
});

test('verify fails on an unsigned bundle when signatures are required, and on a checkout away from its pin', async () => {
  const dir = writeTree(tempDir(), {
    'plain.tar.gz': bundleBytes(TEAM_FILES),
    'vendor/.git/HEAD': '1111111111111111111111111111111111111111\n',
    'vendor/r.rego': bucketRule('V-1', 'vendor.r'),
    '.palisade.yaml': ['packs:', '  require_signature: true', '  sources:', '    - bundle: plain.tar.gz', '    - {git: vendor, commit: 2222222}'].join('\n'),
  });
  const r = await packsCmd(['verify', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /FAIL {2}plain \(bundle, unsigned\)\n {6}plain: the pack is not signed/);
  assert.match(r.stdout, /FAIL {2}vendor \(git, HEAD 111111111111, pinned 2222222\)\n {6}vendor: the checkout is at 111111111111, not the pinned commit 2222222/);
});

test('sign writes .signatures.json into a folder pack (ES256), and verify accepts it', async () => {
  const { privatePem, publicPem } = ecKeys();
  const dir = writeTree(tempDir(), { 'team/r.rego': bucketRule('F-1', 'team.r'), 'team/cfg/data.yaml': 'a: 1\n', 'pub.pem': publicPem, 'priv.pem': privatePem });
  const signed = await packsCmd(['sign', `${dir}/team`, '--key', `${dir}/priv.pem`, '--alg', 'ES256']);
  assert.equal(signed.code, 0, signed.stderr);
  assert.match(signed.stdout, /wrote .*team\/\.signatures\.json \(2 files\)/);
  writeFileSync(`${dir}/.palisade.yaml`, 'packs:\n  keys:\n    only: {algorithm: ES256, key_file: pub.pem}\n  sources: [team]\n');
  const r = await packsCmd(['verify', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /ok {4}team \(folder, signature valid\)/);
  assert.equal((await packsCmd(['sign', `${dir}/team`, '--key', `${dir}/pub.pem`, '--alg', 'ES256'])).code, 2, 'a public key cannot sign');
});

test('packs test runs each pack\'s *_test.rego; a failing test fails the command', async () => {
  const dir = writeTree(tempDir(), {
    'good.tar.gz': bundleBytes(TEAM_FILES),
    'bad/r.rego': bucketRule('B-1', 'bad.r'),
    'bad/r_test.rego': 'package bad.r_test\n\nimport data.bad.r\n\ntest_passes if r.deny == set() with input as {"resources": []}\n\ntest_wrong if count(r.deny) == 2 with input as {"resources": [{"type": "aws_s3_bucket", "address": "a"}]}\n',
    '.palisade.yaml': 'packs: [{bundle: good.tar.gz}]\n',
    'both.yaml': 'packs: [{bundle: good.tar.gz}, bad]\n',
  });
  const good = await packsCmd(['test', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(good.code, 0, good.stdout);
  assert.match(good.stdout, /== good/);
  assert.match(good.stdout, /PASS: 1\/1/);
  const both = await packsCmd(['test', '--config', `${dir}/both.yaml`, '-v']);
  assert.equal(both.code, 1);
  assert.match(both.stdout, /data\.bad\.r_test\.test_wrong: FAIL/);
  assert.match(both.stdout, /PASS: 1\/2\nFAIL: 1\/2/);
});

test('packs list --json: the built-in pack and each team pack with version, source, rule count and errors', async () => {
  const dir = writeTree(tempDir(), {
    'team.tar.gz': bundleBytes({ ...TEAM_FILES, '/.manifest': JSON.stringify({ revision: 'v3', metadata: { version: '2.0.1' } }) }),
    'broken/x.rego': 'package broken\n\ndeny contains "x" if {\n',
    '.palisade.yaml': 'packs: [{bundle: team.tar.gz}, {path: broken}]\n',
  });
  const r = await packsCmd(['list', '--json', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { packs: { name: string; kind: string; version: string | null; revision: string | null; rules: number; loaded: boolean; errors: string[] }[] };
  const [builtin, team, broken] = out.packs;
  assert.equal(builtin.kind, 'builtin');
  assert.ok(builtin.rules > 50, `built-in rules: ${builtin.rules}`);
  assert.deepEqual([team.name, team.kind, team.version, team.revision, team.rules, team.errors], ['team', 'bundle', '2.0.1', 'v3', 1, []]);
  assert.equal(broken.loaded, false);
  assert.match(broken.errors[0], /x\.rego/);
});

test('palisade scan runs the team packs of .palisade.yaml beside the built-in rules', () => {
  const dir = writeTree(tempDir(), {
    'team.tar.gz': bundleBytes(TEAM_FILES),
    'infra/main.tf': BUCKET_TF,
    '.palisade.yaml': 'packs: [{bundle: team.tar.gz}]\n',
  });
  const r = scan(['infra', '--format', 'json', '--no-fixes'], dir);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
  const ids = report.findings.map((f) => f.ruleId);
  assert.ok(ids.includes('TEAM-S3-001'), ids.join(','));
  assert.ok(ids.some((id) => id.startsWith('PAL-AWS-S3-')), ids.join(','));
});
