import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPack, parseSuppressions, NO_REASON_RULE_ID } from '../../server/src/policy';
import { ruleModule, scanFiles, textAt } from './helpers';

const REFS = 'checkov: CKV_AWS_20\ntrivy: [AVD-AWS-0092, aws-s3-no-public-access-with-acl]\nkics: 38c5ee0d-7f22-4260-ab72-5073048df100';

function aclPack() {
  const body = 'deny contains {"msg": "public acl", "resource": r.address, "path": ["acl"]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n\tr.config.acl == "public-read"\n}';
  const versioning = 'deny contains {"msg": "no versioning", "resource": r.address, "path": ["versioning"]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n}';
  return loadPack([
    { path: 'acl.rego', text: ruleModule({ id: 'PAL-T-001', pkg: 't.acl', body, references: REFS }) },
    { path: 'ver.rego', text: ruleModule({ id: 'PAL-T-002', pkg: 't.ver', body: versioning }) },
  ]);
}

const bucket = (comment: string, where: 'resource' | 'attribute') =>
  where === 'resource'
    ? `${comment}\nresource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n`
    : `resource "aws_s3_bucket" "b" {\n  ${comment}\n  acl = "public-read"\n}\n`;

async function run(tf: string) {
  const scan = await scanFiles(aclPack(), { 'main.tf': tf });
  const state = (id: string) => scan.findings.filter((f) => f.ruleId === id).map((f) => (f.suppressed ? `suppressed:${f.suppressed.reason ?? ''}` : 'shown'));
  return { scan, acl: state('PAL-T-001'), ver: state('PAL-T-002'), noReason: scan.findings.filter((f) => f.ruleId === NO_REASON_RULE_ID) };
}

test('palisade:ignore before the resource suppresses that rule on the resource and what it contains', async () => {
  for (const c of ['# palisade:ignore PAL-T-001 accepted: static website', '// palisade:ignore PAL-T-001 accepted: static website']) {
    const r = await run(bucket(c, 'resource'));
    assert.deepEqual(r.acl, ['suppressed:accepted: static website'], c);
    assert.deepEqual(r.ver, ['shown'], 'other rules are not suppressed');
    assert.deepEqual(r.noReason, []);
  }
});

test('palisade:ignore before an attribute suppresses findings on that attribute only', async () => {
  const r = await run(bucket('# palisade:ignore PAL-T-001 website bucket', 'attribute'));
  assert.deepEqual(r.acl, ['suppressed:website bucket']);
  assert.deepEqual(r.ver, ['shown'], 'the header finding is not under the attribute');
  const wrongId = await run(bucket('# palisade:ignore PAL-T-999 nope', 'resource'));
  assert.deepEqual(wrongId.acl, ['shown']);
  const several = await run(bucket('# palisade:ignore PAL-T-001,PAL-T-002 both accepted', 'resource'));
  assert.deepEqual([several.acl, several.ver], [['suppressed:both accepted'], ['suppressed:both accepted']]);
});

test('a suppression must be on the line right before (blank lines and other comments may sit between)', async () => {
  const between = await run('# palisade:ignore PAL-T-001 ok\n\n# a note\nresource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n');
  assert.deepEqual(between.acl, ['suppressed:ok']);
  const tooEarly = await run('# palisade:ignore PAL-T-001 ok\nvariable "x" {}\nresource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n');
  assert.deepEqual(tooEarly.acl, ['shown']);
});

test('peer forms work for rules that declare the equivalent id', async () => {
  const cases: [string, string[]][] = [
    ['#checkov:skip=CKV_AWS_20:website bucket', ['suppressed:website bucket']],
    ['#checkov:skip=CKV_AWS_99:other check', ['shown']],
    ['#tfsec:ignore:aws-s3-no-public-access-with-acl', ['suppressed:']],
    ['#tfsec:ignore:aws-s3-no-public-access-with-acl:exp:2030-01-01 until migration', ['suppressed:until migration']],
    ['#trivy:ignore:AVD-AWS-0092 public on purpose', ['suppressed:public on purpose']],
    ['#trivy:ignore:avd-aws-0001', ['shown']],
  ];
  for (const [comment, expected] of cases) {
    const r = await run(bucket(comment, 'resource'));
    assert.deepEqual(r.acl, expected, comment);
    assert.deepEqual(r.ver, ['shown'], `${comment}: a rule without the equivalent id is not suppressed`);
  }
});

test('kics-scan ignore-line covers the next line, ignore-block the next block', async () => {
  const line = await run(bucket('# kics-scan ignore-line', 'attribute'));
  assert.deepEqual(line.acl, ['suppressed:']);
  const lineOnHeader = await run(bucket('# kics-scan ignore-line', 'resource'));
  assert.deepEqual(lineOnHeader.acl, ['shown'], 'the finding is on the acl line, not the header line');
  const block = await run(bucket('# kics-scan ignore-block', 'resource'));
  assert.deepEqual(block.acl, ['suppressed:']);
  assert.deepEqual(block.ver, ['shown'], 'PAL-T-002 declares no kics equivalent');
});

test('a suppression without a reason is reported as an info finding on the comment', async () => {
  const r = await run(bucket('# palisade:ignore PAL-T-001', 'resource'));
  assert.deepEqual(r.acl, ['suppressed:']);
  assert.equal(r.noReason.length, 1);
  assert.equal(r.noReason[0].severity, 'info');
  assert.equal(textAt(r.scan.host, r.noReason[0].range), '# palisade:ignore PAL-T-001');
  // Palisade's own form is reported even when it silences nothing; a peer's only when it is used.
  assert.equal((await run(bucket('# palisade:ignore PAL-T-404', 'resource'))).noReason.length, 1);
  assert.equal((await run(bucket('#tfsec:ignore:aws-s3-no-public-access-with-acl', 'resource'))).noReason.length, 1);
  assert.equal((await run(bucket('#tfsec:ignore:unrelated-check', 'resource'))).noReason.length, 0);
  assert.equal((await run(bucket('#checkov:skip=CKV_AWS_20:has a reason', 'resource'))).noReason.length, 0);
});

test('parseSuppressions finds each form with its target line', () => {
  const text = 'x = 1\n  # palisade:ignore A-1 because\n\n  #checkov:skip=CKV_1\n  y = 2\n# not a suppression\n';
  const found = parseSuppressions('f.tf', text);
  assert.deepEqual(found.map((s) => [s.tool, s.ids, s.reason, s.targetLine]), [
    ['palisade', ['A-1'], 'because', 4],
    ['checkov', ['CKV_1'], undefined, 4],
  ]);
  assert.equal(text.slice(found[0].start, found[0].end), '# palisade:ignore A-1 because');
});

test('parseSuppressions: each form alone in a file is found (the marker pre-check lets every form through)', () => {
  const forms: [string, string][] = [
    ['# palisade:ignore PAL-X-1 reason', 'palisade'],
    ['#checkov:skip=CKV_AWS_1:reason', 'checkov'],
    ['#tfsec:ignore:aws-s3-enable-versioning', 'tfsec'],
    ['#trivy:ignore:AVD-AWS-0090', 'trivy'],
    ['# kics-scan ignore-line', 'kics-line'],
    ['// kics-scan ignore-block', 'kics-block'],
  ];
  for (const [comment, tool] of forms) {
    assert.deepEqual(parseSuppressions('f.tf', `${comment}\nresource "a" "b" {}\n`).map((s) => s.tool), [tool], comment);
  }
  assert.deepEqual(parseSuppressions('f.tf', '# just a comment\nresource "a" "b" {}\n'), []);
  assert.deepEqual(parseSuppressions('f.tf', '# Palisade:Ignore PAL-X-1 reason\nresource "a" "b" {}\n'), [], 'the forms are case-sensitive');
});

test("a checkov skip anywhere inside the resource block covers the resource, as Checkov reads it", async () => {
  // Checkov's documented placement is inside the block; the finding may sit on the header (a
  // missing attribute) or on an attribute before the comment.
  const inside = await run('resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  #checkov:skip=CKV_AWS_20:website bucket\n  bucket = "b"\n}\n');
  assert.deepEqual(inside.acl, ['suppressed:website bucket']);
  assert.deepEqual(inside.ver, ['shown'], 'PAL-T-002 declares no Checkov id');
  const nested = await run('resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  website {\n    #checkov:skip=CKV_AWS_20:website bucket\n    index_document = "index.html"\n  }\n}\n');
  assert.deepEqual(nested.acl, ['suppressed:website bucket']);
  // Another resource's block is not covered, nor is a tfsec comment inside the block (line-targeted).
  const other = await run('resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n\nresource "aws_s3_bucket" "c" {\n  #checkov:skip=CKV_AWS_20:other bucket\n  bucket = "c"\n}\n');
  assert.deepEqual(other.acl, ['shown']);
  const tfsec = await run('resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  #tfsec:ignore:aws-s3-no-public-access-with-acl\n  bucket = "b"\n}\n');
  assert.deepEqual(tfsec.acl, ['shown']);
});
