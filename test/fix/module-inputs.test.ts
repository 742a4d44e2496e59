// A rule's `set` fix on an attribute that reads a module input verbatim (`x = var.x`) is made where
// the value is defined: in the call of a child module instance, or as the variable's default for
// the unit's own module (fix/module-inputs.ts). Every candidate is verified like any other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, explainFixes, fixAllInFile, fixesForFinding, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

const ROTATION = {
  path: 'T-ROT.rego',
  text: ruleModule({
    id: 'T-ROT',
    pkg: 't.t_rot',
    body: 'deny contains {"msg": sprintf("%s does not rotate", [r.address]), "resource": r.address, "path": ["enable_key_rotation"], "fix": [{"op": "set", "path": ["enable_key_rotation"], "value": true}]} if {\n\tsome r in input.resources\n\tr.type == "aws_kms_key"\n\tr.config.enable_key_rotation == false\n}',
  }),
};

const CHILD_MAIN = 'resource "aws_kms_key" "this" {\n  description         = "key"\n  enable_key_rotation = var.rotate\n}\n';
const CHILD_VARS = 'variable "rotate" {\n  type    = bool\n  default = false\n}\n';

async function setup(files: Record<string, string>, dir = '/ws/app', pack: RulePack = packOf(ROTATION)) {
  const host = new MemoryHost(files);
  const scan = await scanTerraformUnit(host, { dir, root: '/ws', pack });
  const context: FixContext = { host, root: '/ws', dir, pack, config: DEFAULT_CONFIG, unitFindings: scan.findings };
  return { host, context, findings: scan.findings };
}

const child = { '/ws/modules/key/main.tf': CHILD_MAIN, '/ws/modules/key/variables.tf': CHILD_VARS };

test('a child instance: the argument is set in its call, the module itself is left alone', async () => {
  const root = 'module "key" {\n  source = "../modules/key"\n  rotate = false # for now\n}\n';
  const { host, context, findings } = await setup({ ...child, '/ws/app/main.tf': root });
  assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.resource}`), ['T-ROT module.key.aws_kms_key.this']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Set rotate = true in the call of module.key');
  assert.equal(fixes[0].source, 'module-input');
  assert.equal(fixes[0].preferred, true);
  assert.deepEqual(fixes[0].edits.map((e) => e.file), ['app/main.tf']);
  assert.equal(applyEdits(root, fixes[0].edits), 'module "key" {\n  source = "../modules/key"\n  rotate = true # for now\n}\n');
  // Fix-all (and `palisade fix`) take it too: it is the preferred candidate.
  const all = await fixAllInFile('modules/key/main.tf', findings, context);
  assert.deepEqual(all.fixed.map((f) => f.ruleId), ['T-ROT']);
  assert.equal(host.readFile('/ws/modules/key/main.tf'), CHILD_MAIN);
});

test('a child instance whose call leaves the input to its default: the argument is added to the call', async () => {
  const root = 'module "key" {\n  source = "../modules/key"\n}\n';
  const { context, findings } = await setup({ ...child, '/ws/app/main.tf': root });
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.equal(applyEdits(root, fixes[0].edits), 'module "key" {\n  source = "../modules/key"\n  rotate = true\n}\n');
});

test('a call that passes another variable gets no fix, and says where the value comes from', async () => {
  const root = 'variable "rotate_keys" {\n  default = false\n}\n\nmodule "key" {\n  source = "../modules/key"\n  rotate = var.rotate_keys\n}\n';
  const { context, findings } = await setup({ ...child, '/ws/app/main.tf': root });
  assert.equal(findings.length, 1);
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.ok(report.rejected.some((r) => /rotate comes from var\.rotate_keys/.test(r.reason)), JSON.stringify(report.rejected));
});

test("the unit's own module: the variable's default is changed, in the file that declares it", async () => {
  const { context, findings } = await setup(child, '/ws/modules/key');
  assert.deepEqual(findings.map((f) => f.resource), ['aws_kms_key.this']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Default var.rotate to true');
  assert.deepEqual(fixes[0].edits.map((e) => e.file), ['modules/key/variables.tf']);
  assert.equal(applyEdits(CHILD_VARS, fixes[0].edits), 'variable "rotate" {\n  type    = bool\n  default = true\n}\n');
});

test('a default that terraform.tfvars overrides is no fix: the finding would remain', async () => {
  const { context, findings } = await setup({ ...child, '/ws/modules/key/terraform.tfvars': 'rotate = false\n' }, '/ws/modules/key');
  assert.equal(findings.length, 1);
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.ok(report.rejected.some((r) => /finding remains/.test(r.reason)), JSON.stringify(report.rejected));
});

test('only a verbatim reference is followed: an expression over the input gets no module-input candidate', async () => {
  const main = 'resource "aws_kms_key" "this" {\n  enable_key_rotation = var.rotate ? true : false\n}\n';
  const { context, findings } = await setup({ '/ws/modules/key/main.tf': main, '/ws/modules/key/variables.tf': CHILD_VARS }, '/ws/modules/key');
  assert.equal(findings.length, 1);
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.ok(!report.rejected.some((r) => r.source === 'module-input'));
});

test('a 0.11-style "${var.x}" is the input verbatim: the call is fixed (tmknom/terraform-aws-cloudtrail, held-out s19)', async () => {
  const main = 'resource "aws_kms_key" "this" {\n  description         = "key"\n  enable_key_rotation = "${var.rotate}"\n}\n';
  const root = 'module "key" {\n  source = "../modules/key"\n  rotate = false\n}\n';
  const { context, findings } = await setup({ '/ws/modules/key/main.tf': main, '/ws/modules/key/variables.tf': CHILD_VARS, '/ws/app/main.tf': root });
  assert.deepEqual(findings.map((f) => f.resource), ['module.key.aws_kms_key.this']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.deepEqual(fixes.map((f) => f.title), ['Set rotate = true in the call of module.key']);
  assert.equal(applyEdits(root, fixes[0].edits), root.replace('rotate = false', 'rotate = true'));
});

test('the caller is the module instance, instance keys included: each counted instance names its own call', async () => {
  const root = 'module "key" {\n  source = "../modules/key"\n  count  = 2\n  rotate = false\n}\n';
  const { context, findings } = await setup({ ...child, '/ws/app/main.tf': root });
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['module.key[0].aws_kms_key.this', 'module.key[1].aws_kms_key.this']);
  for (const finding of findings) {
    const fixes = await fixesForFinding(finding, context);
    assert.deepEqual(fixes.map((f) => f.title), [`Set rotate = true in the call of ${finding.resource!.replace('.aws_kms_key.this', '')}`]);
    assert.equal(applyEdits(root, fixes[0].edits), root.replace('rotate = false', 'rotate = true'));
  }
});

// Review R5 (session 23): an input that also decides how many instances exist would create or
// destroy them with the new value, which no verification of findings sees.
const COUNTED = 'resource "aws_cloudwatch_log_group" "audit" {\n  count = var.rotate ? 1 : 0\n  name  = "audit"\n}\n';
const DYNAMIC = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  dynamic "logging" {\n    for_each = var.rotate ? ["on"] : []\n    content {\n      target_bucket = "logs"\n    }\n  }\n}\n';

test("the unit's own module: no default change when the input also drives a count or a dynamic block's for_each", async () => {
  for (const extra of [COUNTED, DYNAMIC]) {
    const { context, findings } = await setup({ ...child, '/ws/modules/key/extra.tf': extra }, '/ws/modules/key');
    assert.deepEqual(findings.map((f) => f.resource), ['aws_kms_key.this']);
    assert.deepEqual(await fixesForFinding(findings[0], context), [], extra);
  }
});

test('a child instance: no change in the call when the input also drives a count inside the module', async () => {
  const root = 'module "key" {\n  source = "../modules/key"\n}\n';
  const { context, findings } = await setup({ ...child, '/ws/modules/key/extra.tf': COUNTED, '/ws/app/main.tf': root });
  assert.equal(findings.length, 1);
  assert.deepEqual(await fixesForFinding(findings[0], context), []);
});

test('an input named only inside another expression of a count (var.rotate_keys) still gets its fix', async () => {
  const other = 'resource "aws_cloudwatch_log_group" "audit" {\n  count = var.rotate_keys ? 1 : 0\n  name  = "audit"\n}\n';
  const { context, findings } = await setup({ ...child, '/ws/modules/key/extra.tf': other }, '/ws/modules/key');
  assert.equal((await fixesForFinding(findings[0], context)).length, 1);
});
