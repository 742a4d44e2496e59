// `palisade fix` and `palisade rules` through the bundled CLI (dist/server.js via bin/palisade.js),
// on temporary copies so the repository is never edited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

const BIN = resolve(REPO_ROOT, 'bin', 'palisade.js');

function palisade(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MAIN = [
  'resource "aws_kms_key" "this" {',
  '  description         = "app data" # why',
  '  enable_key_rotation = false',
  '}',
  '',
  'resource "aws_ebs_volume" "data" {',
  '  availability_zone = "eu-west-1a"',
  '  size              = 10',
  '}',
  '',
].join('\n');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-fix-'));
  writeFileSync(join(dir, 'main.tf'), MAIN);
  return dir;
}

function ruleIds(dir: string): string[] {
  const r = palisade(['scan', '.', '--format', 'json'], dir);
  return (JSON.parse(r.stdout) as { findings: { ruleId: string; suppressed?: unknown }[] }).findings.filter((f) => !f.suppressed).map((f) => f.ruleId);
}

test('fix --dry-run prints a unified diff and changes nothing', () => {
  const dir = workspace();
  try {
    const r = palisade(['fix', '.', '--dry-run'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^--- a\/main\.tf\n\+\+\+ b\/main\.tf\n@@ /m);
    assert.match(r.stdout, /^-  enable_key_rotation = false$/m);
    assert.match(r.stdout, /^\+  enable_key_rotation = true$/m);
    assert.match(r.stdout, /^\+  encrypted {9}= true$/m); // aligned with size and availability_zone, as terraform fmt does
    assert.match(r.stdout, /^would fix \d+ findings? in 1 file, \d+ not fixable$/m);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), MAIN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fix writes the verified fixes; a re-scan no longer reports them', () => {
  const dir = workspace();
  try {
    assert.ok(ruleIds(dir).includes('PAL-AWS-KMS-001'));
    const r = palisade(['fix', 'main.tf'], dir);
    assert.equal(r.code, 0, r.stderr);
    const m = /^fixed (\d+) findings? in 1 file, (\d+) not fixable$/m.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.ok(Number(m[1]) >= 2);
    const after = readFileSync(join(dir, 'main.tf'), 'utf8');
    assert.match(after, /^  description {9}= "app data" # why$/m, 'untouched lines keep their formatting and comments');
    assert.match(after, /^  enable_key_rotation = true$/m);
    assert.match(after, /^  encrypted {9}= true$/m);
    const left = ruleIds(dir);
    assert.ok(!left.includes('PAL-AWS-KMS-001') && !left.includes('PAL-AWS-EC2-004'), left.join(', '));
    assert.equal(Number(m[2]), left.length, 'the summary counts what the re-scan still reports');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fix --rule fixes only that rule', () => {
  const dir = workspace();
  try {
    const r = palisade(['fix', '.', '--rule', 'PAL-AWS-KMS-001'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fixed 1 finding in 1 file, 0 not fixable$/m);
    const after = readFileSync(join(dir, 'main.tf'), 'utf8');
    assert.equal(after, MAIN.replace('enable_key_rotation = false', 'enable_key_rotation = true'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fix leaves least-privilege fixes to the user and lists them as choices', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-fix-'));
  const text = [
    'resource "aws_security_group" "db" {',
    '  name        = "db"',
    '  description = "database"',
    '  ingress {',
    '    description = "postgres"',
    '    from_port   = 5432',
    '    to_port     = 5432',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'main.tf'), text);
  try {
    const r = palisade(['fix', '.', '--rule', 'PAL-AWS-VPC-004'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fixed 0 findings in 0 files, 1 with fixes to choose from, 0 not fixable$/m);
    assert.match(r.stdout, /^ {2}to choose: main\.tf PAL-AWS-VPC-004 .*\(a verified fix in the editor's quick fixes: "Restrict to var\.trusted_cidrs instead of the internet"\)$/m);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), text, 'a choice is not applied');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fix: usage errors exit 2', () => {
  const dir = workspace();
  try {
    assert.equal(palisade(['fix'], dir).code, 2);
    const unknown = palisade(['fix', '.', '--rule', 'PAL-NOPE-1'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown rule 'PAL-NOPE-1'/);
    assert.equal(palisade(['fix', 'missing-dir'], dir).code, 2);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), MAIN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rules --json lists every rule with its metadata; text output counts them', () => {
  const json = palisade(['rules', '--json'], REPO_ROOT);
  assert.equal(json.code, 0, json.stderr);
  const { rules } = JSON.parse(json.stdout) as { rules: Record<string, unknown>[] };
  assert.ok(rules.length > 50);
  const pab = rules.find((r) => r.id === 'PAL-AWS-S3-003');
  assert.ok(pab);
  assert.equal(pab.severity, 'medium');
  assert.equal(pab.fixable, true);
  assert.deepEqual((pab.references as Record<string, string[]>).checkov, ['CKV2_AWS_6']);
  assert.deepEqual(pab.resourceTypes, ['aws_s3_bucket', 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block', 'aws_s3_bucket_policy', 'aws_cloudfront_distribution', 'module:terraform-aws-modules/s3-bucket/aws']);
  assert.deepEqual(pab.cwe, ['CWE-732']);
  for (const r of rules) for (const key of ['id', 'title', 'description', 'severity', 'fixable', 'docsUrl', 'frameworks', 'references', 'cwe']) assert.ok(key in r, `${String(r.id)} has ${key}`);
  const fixableShare = rules.filter((r) => r.fixable).length / rules.length;
  assert.ok(fixableShare >= 0.6, `issue 4: at least 60 % of rules fixable (${(fixableShare * 100).toFixed(1)} %)`);
  const text = palisade(['rules'], REPO_ROOT);
  assert.equal(text.code, 0);
  const fixable = rules.filter((r) => r.fixable).length;
  assert.match(text.stdout, new RegExp(`^${rules.length} rules, ${fixable} fixable$`, 'm'));
  assert.match(text.stdout, /^PAL-AWS-S3-003 +medium +fix +S3 bucket has no public access block$/m);
});
