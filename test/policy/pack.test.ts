import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPack, evaluatePackSync } from '../../server/src/policy';
import { REPO_ROOT } from '../helpers/corpora';
import { ruleModule } from './helpers';

const GOOD = (id: string, pkg: string) =>
  ruleModule({ id, pkg, resourceTypes: ['aws_s3_bucket'], body: 'deny contains "found" if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n}' });

const MODEL = { format: 'terraform' as const, files: ['main.tf'], resources: [{ address: 'aws_s3_bucket.a', mode: 'managed' as const, type: 'aws_s3_bucket', name: 'a', file: 'main.tf', config: {}, references: [] }] };

test('a broken rule file is reported and excluded; the other rules still load and run', () => {
  const pack = loadPack([
    { path: 'good_one.rego', text: GOOD('T-001', 'p.good_one') },
    { path: 'broken_parse.rego', text: GOOD('T-002', 'p.broken_parse').replace('some r in', 'some r in in') },
    { path: 'broken_compile.rego', text: GOOD('T-003', 'p.broken_compile').replace('r.type ==', 'undefined_var ==') },
    { path: 'good_two.rego', text: GOOD('T-004', 'p.good_two') },
    { path: 'good_two_test.rego', text: 'package p.good_two_test\n\ntest_x if { true }\n' },
  ]);
  assert.deepEqual(pack.rules.map((r) => r.id).sort(), ['T-001', 'T-004']);
  assert.ok(pack.policy);
  const codes = pack.diagnostics.map((d) => `${d.code} ${d.file}`).sort();
  assert.deepEqual([...new Set(codes)], ['pack-compile-error broken_compile.rego', 'pack-parse-error broken_parse.rego']);
  const compile = pack.diagnostics.find((d) => d.file === 'broken_compile.rego')!;
  assert.match(compile.message, /undefined_var/);
  assert.ok(compile.start !== undefined && compile.end !== undefined);
  const result = evaluatePackSync(pack, MODEL, { sourceMaps: new Map() });
  assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['T-001', 'T-004']);
});

test('missing id, bad severity and duplicate ids exclude the rule with a metadata diagnostic', () => {
  const pack = loadPack([
    { path: 'a.rego', text: GOOD('T-001', 'p.a') },
    { path: 'b.rego', text: ruleModule({ pkg: 'p.b', body: 'deny contains "x" if { true }' }) },
    { path: 'c.rego', text: ruleModule({ id: 'T-003', severity: 'severe', pkg: 'p.c', body: 'deny contains "x" if { true }' }) },
    { path: 'd.rego', text: GOOD('T-001', 'p.d') },
  ]);
  assert.deepEqual(pack.rules.map((r) => r.id), ['T-001']);
  assert.deepEqual(pack.rules[0].file, 'a.rego');
  const byFile = Object.fromEntries(pack.diagnostics.map((d) => [d.file, d]));
  assert.match(byFile['b.rego'].message, /no custom\.id/);
  assert.match(byFile['c.rego'].message, /severity.*"severe"/);
  assert.match(byFile['d.rego'].message, /T-001 is declared twice/);
  for (const d of pack.diagnostics) assert.equal(d.code, 'pack-metadata');
});

test('a broken library file takes down only the rules that use it', () => {
  const lib = 'package lib.helpers\n\nis_bucket(r) if r.type == "aws_s3_bucket"\n';
  const user = ruleModule({ id: 'T-010', pkg: 'p.user', body: 'import data.lib.helpers\n\ndeny contains "x" if {\n\tsome r in input.resources\n\thelpers.is_bucket(r)\n}' });
  const ok = loadPack([{ path: 'lib.rego', text: lib }, { path: 'user.rego', text: user }, { path: 'other.rego', text: GOOD('T-011', 'p.other') }]);
  assert.deepEqual(ok.rules.map((r) => r.id).sort(), ['T-010', 'T-011']);
  assert.deepEqual(ok.diagnostics, []);
  const broken = loadPack([{ path: 'lib.rego', text: lib + 'oops if {\n' }, { path: 'user.rego', text: user }, { path: 'other.rego', text: GOOD('T-011', 'p.other') }]);
  assert.deepEqual(broken.rules.map((r) => r.id), ['T-011']);
  assert.deepEqual([...new Set(broken.diagnostics.map((d) => d.file))].sort(), ['lib.rego', 'user.rego']);
});

test('metadata is read from the package METADATA block', () => {
  const text = readFileSync(resolve(REPO_ROOT, 'policies/aws/s3/public_access_block_disabled.rego'), 'utf8');
  const pack = loadPack([{ path: 'aws/s3/public_access_block_disabled.rego', text }, ...libFiles()]);
  const rule = pack.rules.find((r) => r.packagePath === 'palisade.aws.s3.public_access_block_disabled');
  assert.ok(rule, JSON.stringify(pack.diagnostics));
  assert.equal(rule.id, 'PAL-AWS-S3-002');
  assert.equal(rule.severity, 'high');
  assert.deepEqual(rule.formats, ['terraform']);
  assert.deepEqual(rule.resourceTypes, ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block', 'module:terraform-aws-modules/s3-bucket/aws']);
  assert.deepEqual(rule.frameworks['cis-aws-2.0'], ['2.1.4']);
  assert.deepEqual(rule.references.checkov, ['CKV_AWS_53']);
  assert.ok(rule.references.trivy.includes('AVD-AWS-0086'));
  assert.equal(rule.references.kics.length, 1);
  assert.match(rule.title, /public access block/i);
  assert.match(rule.description, /Block Public Access/);
  assert.match(rule.remediation ?? '', /block_public_acls/);
  assert.equal(rule.fixable, true);
  assert.equal(rule.docsUrl, 'https://palisade.dev/rules/PAL-AWS-S3-002');
  assert.deepEqual(rule.links, ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html']);
  assert.equal(rule.file, 'aws/s3/public_access_block_disabled.rego');
});

test('scalar metadata values become lists; a single reference id is a one-element list', () => {
  const pack = loadPack([{ path: 'a.rego', text: ruleModule({ id: 'T-1', pkg: 'p.a', body: 'deny contains "x" if { false }', references: 'checkov: CKV_AWS_20\nKICS: abc', extraCustom: 'frameworks:\n  cis-aws-2.0: 2.1\nfixable: false' }) }]);
  const rule = pack.rules[0];
  assert.deepEqual(rule.references, { checkov: ['CKV_AWS_20'], kics: ['abc'] });
  assert.deepEqual(rule.frameworks, { 'cis-aws-2.0': ['2.1'] });
  assert.equal(rule.fixable, false);
});

function libFiles(): { path: string; text: string }[] {
  return ['result', 'unknown', 'tf', 'modules', 'iam', 'resource_policy', 's3'].map((n) => ({ path: `lib/${n}.rego`, text: readFileSync(resolve(REPO_ROOT, `policies/lib/${n}.rego`), 'utf8') }));
}
