// A rule that declares `custom.follows: [X]` presupposes X's remedy (MFA delete presupposes
// versioning): a verified fix of X may bring its findings into view on the fixed resource or on a
// resource the fix adds. Those are named in the fix's title, not counted as introduced; any other
// new finding still rejects the fix (fix/verify.ts, docs/fixes.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, explainFixes, fixAllInFile, fixesForFinding, type FixContext } from '../../server/src/fix';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

/** A rule on `type` resources that fires when `cond` holds, with `fix` (JSON) and extra metadata lines. */
function rule(id: string, type: string, cond: string, path: string, fix: string, extraCustom?: string) {
  return {
    path: `${id}.rego`,
    text: ruleModule({
      id,
      pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`,
      extraCustom,
      body: `deny contains {"msg": sprintf("${id} fires on %s", [r.address]), "resource": r.address, "path": ${path}, "fix": ${fix}} if {\n\tsome r in input.resources\n\tr.type == "${type}"\n\t${cond}\n}`,
    }),
  };
}

const VERSIONING = rule('T-VER', 'aws_s3_bucket', 'object.get(r.config, "versioned", false) != true', '["versioned"]', '[{"op": "set", "path": ["versioned"], "value": true}]');
const mfa = (id: string, extra?: string) => rule(id, 'aws_s3_bucket', 'r.config.versioned == true\n\tnot r.config.mfa', '["mfa"]', '[]', extra);

async function setup(pack: RulePack, text: string) {
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG, unitFindings: scan.findings };
  return { context, findings: scan.findings };
}

const BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "data"\n}\n';

test('a finding of a rule that follows the fixed rule, on the fixed resource, is revealed: the fix is offered and says so', async () => {
  const { context, findings } = await setup(packOf(VERSIONING, mfa('T-MFA', 'follows: [T-VER]')), BUCKET);
  assert.deepEqual(findings.map((f) => f.ruleId), ['T-VER']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Set versioned = true (reveals T-MFA: Title of t.t_mfa)');
  assert.equal(applyEdits(BUCKET, fixes[0].edits), 'resource "aws_s3_bucket" "b" {\n  bucket    = "data"\n  versioned = true\n}\n');
  const all = await fixAllInFile('mod/main.tf', findings, context);
  assert.deepEqual(all.fixed.map((f) => f.ruleId), ['T-VER']);
  const after = await setup(context.pack, applyEdits(BUCKET, all.edits));
  assert.deepEqual(after.findings.map((f) => f.ruleId), ['T-MFA'], 'the revealed finding is reported after the fix');
});

test('the same finding from a rule that does not declare follows is introduced: the fix is rejected', async () => {
  const { context, findings } = await setup(packOf(VERSIONING, mfa('T-MFA')), BUCKET);
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /introduces T-MFA/);
  assert.deepEqual((await fixAllInFile('mod/main.tf', findings, context)).fixed, []);
});

test('following another rule does not count: the follower must name the fixed rule', async () => {
  const { context, findings } = await setup(packOf(VERSIONING, mfa('T-MFA', 'follows: [T-OTHER]')), BUCKET);
  assert.deepEqual(await fixesForFinding(findings[0], context), []);
});

test('a follower finding on another resource that already existed is introduced', async () => {
  // Fires on every bucket once any bucket is versioned: the fix of b makes it fire on c, an existing resource.
  const anyVersioned = rule('T-ANY', 'aws_s3_bucket', 'some other in input.resources\n\tother.config.versioned == true\n\tr.address != other.address', '[]', '[]', 'follows: [T-VER]');
  const text = `${BUCKET}\nresource "aws_s3_bucket" "c" {\n  versioned = true\n}\n`;
  const { context, findings } = await setup(packOf(VERSIONING, anyVersioned), text);
  const target = findings.find((f) => f.ruleId === 'T-VER' && f.resource === 'aws_s3_bucket.b')!;
  assert.ok(target);
  const report = await explainFixes(target, context);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /introduces T-ANY: T-ANY fires on aws_s3_bucket\.c/);
});

test('a follower finding on a resource the fix adds is revealed', async () => {
  const addsVersioning = rule(
    'T-VER2',
    'aws_s3_bucket',
    'not versioned(r)',
    '[]',
    '[{"op": "add_resource", "type": "aws_s3_bucket_versioning", "name": "b", "config": {"bucket": {"$expr": "aws_s3_bucket.b.id"}, "status": "Enabled"}}]',
  );
  // Any versioning resource will do for this test: the rule only needs to be satisfied by the one the fix adds.
  addsVersioning.text = addsVersioning.text.replace(/\n$/, '\nversioned(_) if {\n\tsome v in input.resources\n\tv.type == "aws_s3_bucket_versioning"\n}\n');
  const onVersioning = rule('T-MFA3', 'aws_s3_bucket_versioning', 'not r.config.mfa_delete', '["mfa_delete"]', '[]', 'follows: [T-VER2]');
  const { context, findings } = await setup(packOf(addsVersioning, onVersioning), BUCKET);
  assert.deepEqual(findings.map((f) => f.ruleId), ['T-VER2']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.match(fixes[0].title, /\(reveals T-MFA3: Title of t\.t_mfa3\)$/);
  assert.match(applyEdits(BUCKET, fixes[0].edits), /resource "aws_s3_bucket_versioning" "b" \{\n {2}bucket = aws_s3_bucket\.b\.id\n {2}status = "Enabled"\n\}/);
});

test('built-in pack: enabling versioning is offered for a bucket and a registry-module call, revealing the MFA-delete advisory', async () => {
  const pack = loadPack(readPackFiles(resolve(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  assert.deepEqual(pack.rules.find((r) => r.id === 'PAL-AWS-S3-008')?.follows, ['PAL-AWS-S3-005']);
  const module = 'module "logs" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "~> 4.0"\n  bucket  = "logs"\n}\n';
  for (const text of [BUCKET, module]) {
    const { context, findings } = await setup(pack, text);
    const versioning = findings.find((f) => f.ruleId === 'PAL-AWS-S3-005');
    assert.ok(versioning, text);
    const fixes = await fixesForFinding(versioning, context);
    assert.equal(fixes.length, 1, text);
    assert.match(fixes[0].title, /\(reveals PAL-AWS-S3-008: S3 bucket versioning does not require MFA delete\)$/);
    const after = await setup(pack, applyEdits(text, fixes[0].edits));
    assert.ok(!after.findings.some((f) => f.ruleId === 'PAL-AWS-S3-005'), 'versioning is enabled');
    const appeared = after.findings.filter((f) => !findings.some((g) => g.fingerprint === f.fingerprint)).map((f) => f.ruleId);
    assert.deepEqual(appeared, ['PAL-AWS-S3-008'], 'nothing else appears');
  }
});
