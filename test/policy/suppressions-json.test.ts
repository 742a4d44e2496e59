// Suppressions in Terraform JSON configuration: a `"//"` property (Terraform's comment) of a block
// body holds the same forms as a `#` comment in .tf, and covers that body and everything in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPack, NO_REASON_RULE_ID, parseSuppressions } from '../../server/src/policy';
import { ruleModule, scanFiles } from './helpers';

const REFS = 'checkov: CKV_AWS_20\ntrivy: [AVD-AWS-0092]';

function pack() {
  const acl = 'deny contains {"msg": "public acl", "resource": r.address, "path": ["acl"]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n\tr.config.acl == "public-read"\n}';
  const versioning = 'deny contains {"msg": "no versioning", "resource": r.address, "path": ["versioning"]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n}';
  return loadPack([
    { path: 'acl.rego', text: ruleModule({ id: 'PAL-T-001', pkg: 't.acl', body: acl, references: REFS }) },
    { path: 'ver.rego', text: ruleModule({ id: 'PAL-T-002', pkg: 't.ver', body: versioning }) },
  ]);
}

/** Two public buckets, `a` with `comment` as its "//" property (JSON value text), `b` without. */
const config = (comment: string) =>
  JSON.stringify(
    { resource: { aws_s3_bucket: { a: { '//': JSON.parse(comment), acl: 'public-read' }, b: { acl: 'public-read' } } } },
    null,
    2,
  );

async function run(files: Record<string, string>) {
  const scan = await scanFiles(pack(), files);
  const state = (id: string) =>
    scan.findings
      .filter((f) => f.ruleId === id)
      .map((f) => `${f.resource}:${f.suppressed ? `suppressed:${f.suppressed.reason ?? ''}` : 'shown'}`)
      .sort();
  return { acl: state('PAL-T-001'), ver: state('PAL-T-002'), noReason: scan.findings.filter((f) => f.ruleId === NO_REASON_RULE_ID) };
}

test('a "//" palisade:ignore in a resource body suppresses that rule on that resource only', async () => {
  const r = await run({ 'main.tf.json': config('"palisade:ignore PAL-T-001 website bucket"') });
  assert.deepEqual(r.acl, ['aws_s3_bucket.a:suppressed:website bucket', 'aws_s3_bucket.b:shown']);
  assert.deepEqual(r.ver, ['aws_s3_bucket.a:shown', 'aws_s3_bucket.b:shown'], 'other rules are not suppressed');
  assert.deepEqual(r.noReason, []);
});

test('the header finding of the resource is covered, a list of comments holds several forms, peers work', async () => {
  const both = await run({ 'main.tf.json': config('["palisade:ignore PAL-T-002 archive bucket", "checkov:skip=CKV_AWS_20:public site"]') });
  assert.deepEqual(both.ver, ['aws_s3_bucket.a:suppressed:archive bucket', 'aws_s3_bucket.b:shown']);
  assert.deepEqual(both.acl, ['aws_s3_bucket.a:suppressed:public site', 'aws_s3_bucket.b:shown']);
  const otherCheck = await run({ 'main.tf.json': config('"checkov:skip=CKV_AWS_99:no"') });
  assert.deepEqual(otherCheck.acl, ['aws_s3_bucket.a:shown', 'aws_s3_bucket.b:shown']);
});

test('a suppression without a reason is reported on the "//" property', async () => {
  const text = config('"palisade:ignore PAL-T-001"');
  const r = await run({ 'main.tf.json': text });
  assert.deepEqual(r.acl, ['aws_s3_bucket.a:suppressed:', 'aws_s3_bucket.b:shown']);
  assert.equal(r.noReason.length, 1);
  const { file, start, end } = r.noReason[0].range;
  assert.ok(file.endsWith('main.tf.json'), file);
  assert.equal(text.slice(start, end), '"//": "palisade:ignore PAL-T-001"');
});

test('"//" is read only as Terraform JSON; comments in .tf and plain strings in JSON are not suppressions', async () => {
  assert.deepEqual(parseSuppressions('x.json', '{"//": "palisade:ignore PAL-T-001 why"}'), [], 'not a Terraform unit: no JSON comments');
  assert.equal(parseSuppressions('x.tf.json', '{"//": "palisade:ignore PAL-T-001 why"}', { jsonComments: true }).length, 1);
  const plain = await run({ 'main.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { a: { acl: 'public-read', tags: { note: 'palisade:ignore PAL-T-001 x' } } } } }) });
  assert.deepEqual(plain.acl, ['aws_s3_bucket.a:shown']);
  const malformed = await run({ 'main.tf.json': '{"resource": {"aws_s3_bucket": {"a": {"//": "palisade:ignore PAL-T-001 x", "acl": ' });
  assert.deepEqual(malformed.acl, [], 'a broken file yields front-end diagnostics, never a crash');
});
