// `palisade scan` through the bundled CLI (dist/server.js via bin/palisade.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { mqBrokerLogsOff } from './helpers';

const BIN = resolve(REPO_ROOT, 'bin', 'palisade.js');

function scan(args: string[], cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [BIN, 'scan', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  location: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number };
  resource?: string;
  path?: unknown[];
  fingerprint: string;
  suppressed?: { by: string; reason?: string };
  fix?: unknown[];
}

test('scan examples --format json reports the public SG, the wildcard IAM policy and the public access block', () => {
  const r = scan(['examples', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; diagnostics: unknown[] };
  const find = (id: string) => out.findings.find((f) => f.ruleId === id && f.location.file === 'examples/terraform-basic/main.tf');
  const sg = find('PAL-AWS-VPC-001');
  assert.ok(sg);
  assert.deepEqual([sg.location.startLine, sg.location.startColumn, sg.location.endLine, sg.location.endColumn], [32, 19, 32, 34]);
  assert.equal(sg.resource, 'aws_security_group.ssh');
  assert.deepEqual(sg.path, ['ingress', 0, 'cidr_blocks', 0]);
  assert.equal(sg.severity, 'high');
  assert.match(sg.fingerprint, /^[0-9a-f]{16}$/);
  const iam = find('PAL-AWS-IAM-001');
  assert.ok(iam);
  assert.equal(iam.resource, 'aws_iam_policy.admin');
  const pab = find('PAL-AWS-S3-011');
  assert.ok(pab);
  assert.deepEqual([pab.location.startLine, pab.location.startColumn, pab.location.endColumn], [18, 29, 34]);
  assert.deepEqual(pab.fix, [{ op: 'set', path: ['block_public_policy'], value: true }]);
  // The local module is scanned once through its caller and once on its own: reported once.
  const moduleFindings = out.findings.filter((f) => f.location.file.endsWith('modules/log-bucket/main.tf'));
  const keys = moduleFindings.map((f) => `${f.ruleId}:${f.location.startLine}:${f.location.startColumn}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(moduleFindings.length > 0);
});

test('text output groups findings by file; --fail-on sets the exit status', () => {
  const r = scan(['examples/terraform-basic/main.tf']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^examples\/terraform-basic\/main\.tf$/m);
  assert.match(r.stdout, /^  examples\/terraform-basic\/main\.tf:32:19 high PAL-AWS-VPC-001 aws_security_group\.ssh allows SSH/m);
  // A named file reports its own findings (its module is context): one file in the summary.
  assert.match(r.stdout, /\d+ findings \(.*\); 1 unit, 1 file in \d+\.\d s\n$/);
  assert.equal(scan(['examples', '--fail-on', 'critical']).code, 0);
  assert.equal(scan(['examples', '--fail-on', 'low']).code, 1);
});

test('usage errors exit 2', () => {
  assert.equal(scan([]).code, 2);
  assert.equal(scan(['examples', '--format', 'xml']).code, 2);
  assert.equal(scan(['examples', '--fail-on', 'severe']).code, 2);
  assert.equal(scan(['no/such/dir']).code, 2);
});

test('suppressions and .palisade.yaml apply in the CLI; suppressed findings stay in the JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-scan-'));
  try {
    writeFileSync(join(dir, 'main.tf'), [
      'resource "aws_s3_bucket_public_access_block" "a" {',
      '  bucket                  = "x"',
      '  # palisade:ignore PAL-AWS-S3-002 covered by the account-level block',
      '  block_public_acls       = false',
      '  block_public_policy     = true',
      '  ignore_public_acls      = true',
      '  restrict_public_buckets = true',
      '}',
      '',
    ].join('\n'));
    const first = scan(['.', '--format', 'json'], dir);
    const out = JSON.parse(first.stdout) as { findings: JsonFinding[] };
    const s3 = out.findings.filter((f) => f.ruleId === 'PAL-AWS-S3-002');
    assert.equal(s3.length, 1);
    assert.deepEqual(s3[0].suppressed, { by: '# palisade:ignore PAL-AWS-S3-002 covered by the account-level block', reason: 'covered by the account-level block' });
    assert.equal(first.code, 0, 'a suppressed finding does not fail the build');

    writeFileSync(join(dir, '.palisade.yaml'), 'rules:\n  PAL-AWS-S3-002: {severity: low}\n  PAL-AWS-S3-001: {enabled: false}\n');
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket_public_access_block" "a" {\n  bucket = "x"\n  block_public_acls = false\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n');
    const configured = scan(['.', '--format', 'json'], dir);
    const again = (JSON.parse(configured.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === 'PAL-AWS-S3-002');
    assert.deepEqual(again.map((f) => f.severity), ['low']);
    assert.equal(configured.code, 0);

    writeFileSync(join(dir, '.palisade.yaml'), 'rules: [\n');
    const broken = scan(['.', '--format', 'json'], dir);
    const parsed = JSON.parse(broken.stdout) as { findings: JsonFinding[]; diagnostics: { source: string; code: string; file?: string }[] };
    assert.ok(parsed.diagnostics.some((d) => d.source === 'config' && d.code === 'config-error' && d.file === '.palisade.yaml'));
    assert.equal(broken.code, 1, 'with the config rejected the finding is high again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scan: a #checkov:skip naming one part of a rule leaves the other part reported and fails the run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-scan-'));
  const tf = mqBrokerLogsOff;
  try {
    // CKV_AWS_197 is Checkov's audit-log check: the general-log part of PAL-AWS-MQ-002 stays.
    writeFileSync(join(dir, 'main.tf'), tf(['#checkov:skip=CKV_AWS_197:audit events go to the SIEM']));
    const one = scan([dir, '--format', 'json', '--rule', 'PAL-AWS-MQ-002', '--fail-on', 'low'], dir);
    assert.equal(one.code, 1, one.stderr);
    const findings = (JSON.parse(one.stdout) as { findings: JsonFinding[] }).findings;
    assert.deepEqual(findings.map((f) => [JSON.stringify(f.path), f.suppressed?.reason ?? 'shown']), [
      ['["logs",0,"general"]', 'shown'],
      ['["logs",0,"audit"]', 'audit events go to the SIEM'],
    ]);
    writeFileSync(join(dir, 'main.tf'), tf(['#checkov:skip=CKV_AWS_197:audit events go to the SIEM', '#checkov:skip=CKV_AWS_48:general logs off on this test broker']));
    const both = scan([dir, '--format', 'json', '--rule', 'PAL-AWS-MQ-002', '--fail-on', 'low'], dir);
    assert.equal(both.code, 0, both.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
