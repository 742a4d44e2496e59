// fixesForFinding / fixAllInFile through small rule packs: a fix is offered only when the edited
// unit parses, the finding is gone and nothing new appears; fix-all combines non-overlapping fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, explainFixes, fixAllInFile, fixesForFinding, type FixContext, type FixProvider } from '../../server/src/fix';
import { DEFAULT_CONFIG, type RulePack } from '../../server/src/policy';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

/** A rule on `type` resources: fires when `cond` (Rego over `r`) holds; offers `fix` (JSON). */
function rule(id: string, type: string, cond: string, path: string, fix: string) {
  return {
    path: `${id}.rego`,
    text: ruleModule({
      id,
      pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`,
      body: `deny contains {"msg": "${id} fires", "resource": r.address, "path": ${path}, "fix": ${fix}} if {\n\tsome r in input.resources\n\tr.type == "${type}"\n\t${cond}\n}`,
    }),
  };
}

const ROTATION = rule('T-ROT', 'aws_kms_key', 'object.get(r.config, "enable_key_rotation", false) != true', '["enable_key_rotation"]', '[{"op": "set", "path": ["enable_key_rotation"], "value": true}]');

async function setup(pack: RulePack, files: Record<string, string>) {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/ws/mod/${p}`, t])));
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const { scanTerraformUnit } = await import('../../server/src/policy');
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  return { host, context, findings: scan.findings };
}

test('a rule fix is rendered, verified and preferred, with a title that says what it does', async () => {
  const text = 'resource "aws_kms_key" "k" {\n  description = "keys" # mine\n}\n';
  const { context, findings } = await setup(packOf(ROTATION), { 'main.tf': text });
  assert.equal(findings.length, 1);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  const fix = fixes[0];
  assert.equal(fix.title, 'Set enable_key_rotation = true');
  assert.equal(fix.source, 'rule');
  assert.equal(fix.preferred, true);
  assert.equal(fix.fingerprint, findings[0].fingerprint);
  assert.equal(fix.ruleId, 'T-ROT');
  // The inserted line and the `=` padding of the run it joins (a whitespace-only layout edit).
  assert.deepEqual(fix.edits.map((e) => [e.file, e.layout === true]), [['mod/main.tf', false], ['mod/main.tf', true]]);
  assert.equal(applyEdits(text, fix.edits), 'resource "aws_kms_key" "k" {\n  description         = "keys" # mine\n  enable_key_rotation = true\n}\n');
});

test('a fix whose edited text does not parse is rejected', async () => {
  const broken = rule('T-BRK', 'aws_kms_key', 'object.get(r.config, "enable_key_rotation", false) != true', '["enable_key_rotation"]', '[{"op": "set", "path": ["enable_key_rotation"], "value": {"$expr": "true ("}}]');
  const { context, findings } = await setup(packOf(broken), { 'main.tf': 'resource "aws_kms_key" "k" {\n}\n' });
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /does not parse/);
});

test('a fix that introduces a new finding is rejected; one that leaves the finding is rejected', async () => {
  const makesPublic = rule('T-ACL', 'aws_s3_bucket', 'object.get(r.config, "acl", "") == "private"', '["acl"]', '[{"op": "set", "path": ["acl"], "value": "public-read"}]');
  const flagsPublic = rule('T-PUB', 'aws_s3_bucket', 'object.get(r.config, "acl", "") == "public-read"', '["acl"]', '[]');
  const useless = rule('T-NOP', 'aws_s3_bucket', 'object.get(r.config, "versioning", []) == []', '[]', '[{"op": "set", "path": ["tags"], "value": {"a": "b"}}]');
  const { context, findings } = await setup(packOf(makesPublic, flagsPublic, useless), { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "private"\n}\n' });
  const acl = findings.find((f) => f.ruleId === 'T-ACL')!;
  const report = await explainFixes(acl, context);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /introduces T-PUB/);
  const nop = await explainFixes(findings.find((f) => f.ruleId === 'T-NOP')!, context);
  assert.deepEqual(nop.fixes, []);
  assert.match(nop.rejected[0].reason, /finding remains/);
});

test('a value that comes from elsewhere is not replaced where it is used, and the rejection says why', async () => {
  const files = { 'main.tf': 'locals {\n  rotate = false\n}\n\nresource "aws_kms_key" "k" {\n  enable_key_rotation = local.rotate\n}\n' };
  const { context, findings } = await setup(packOf(ROTATION), files);
  assert.equal(findings.length, 1);
  const report = await explainFixes(findings[0], context);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /comes from local\.rotate/);
  // A module input is changed where it is defined instead (test/fix/module-inputs.test.ts).
  const input = await setup(packOf(ROTATION), { 'main.tf': 'variable "rotate" {\n  default = false\n}\n\nresource "aws_kms_key" "k" {\n  enable_key_rotation = var.rotate\n}\n' });
  const viaInput = await explainFixes(input.findings[0], input.context);
  assert.match(viaInput.rejected[0].reason, /comes from var\.rotate/);
  assert.deepEqual(viaInput.fixes.map((f) => f.title), ['Default var.rotate to true']);
});

test('a resource with an instance key: the one block is edited', async () => {
  const text = 'resource "aws_kms_key" "k" {\n  count = 2\n  enable_key_rotation = false\n}\n';
  const { context, findings } = await setup(packOf(ROTATION), { 'main.tf': text });
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_kms_key.k[0]', 'aws_kms_key.k[1]']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.equal(applyEdits(text, fixes[0].edits), text.replace('false', 'true'));
  const all = await fixAllInFile('mod/main.tf', findings, context);
  assert.equal(all.fixed.length, 2, 'one edit fixes both instances');
  assert.equal(applyEdits(text, all.edits), text.replace('false', 'true'));
});

test('fix-all: overlapping fixes are not combined; the one applied may fix the other too', async () => {
  const notPrivate = rule('T-PRIV', 'aws_s3_bucket', 'object.get(r.config, "acl", "private") != "private"', '["acl"]', '[{"op": "set", "path": ["acl"], "value": "private"}]');
  const writable = rule('T-RW', 'aws_s3_bucket', 'object.get(r.config, "acl", "") == "public-read-write"', '["acl"]', '[{"op": "remove", "path": ["acl"]}]');
  const text = 'resource "aws_s3_bucket" "b" {\n  acl = "public-read-write"\n}\n\nresource "aws_kms_key" "k" {\n}\n';
  const { context, findings } = await setup(packOf(notPrivate, writable, ROTATION), { 'main.tf': text });
  assert.equal(findings.length, 3);
  const all = await fixAllInFile('mod/main.tf', findings, context);
  assert.deepEqual(all.fixed.map((f) => f.ruleId).sort(), ['T-PRIV', 'T-ROT', 'T-RW']);
  assert.deepEqual(all.skipped, []);
  assert.equal(applyEdits(text, all.edits), 'resource "aws_s3_bucket" "b" {\n  acl = "private"\n}\n\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n');
});

test('fix-all: when the combination introduces a finding, fixes are added one at a time', async () => {
  const x = rule('T-X', 'aws_kms_key', 'object.get(r.config, "x", false) != true', '["x"]', '[{"op": "set", "path": ["x"], "value": true}]');
  const y = rule('T-Y', 'aws_kms_key', 'object.get(r.config, "y", false) != true', '["y"]', '[{"op": "set", "path": ["y"], "value": true}]');
  const both = rule('T-XY', 'aws_kms_key', 'r.config.x == true\n\tr.config.y == true', '[]', '[]');
  const text = 'resource "aws_kms_key" "k" {\n}\n';
  const { context, findings } = await setup(packOf(x, y, both), { 'main.tf': text });
  const all = await fixAllInFile('mod/main.tf', findings, context);
  assert.deepEqual(all.fixed.map((f) => f.ruleId), ['T-X']);
  assert.deepEqual(all.skipped.map((f) => f.ruleId), ['T-Y']);
  assert.equal(applyEdits(text, all.edits), 'resource "aws_kms_key" "k" {\n  x = true\n}\n');
});

test('providers: their candidates are verified too; a preferred one goes first, a failing one costs nothing', async () => {
  const text = 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n';
  const { context, findings } = await setup(packOf(ROTATION), { 'main.tf': text });
  const start = text.indexOf('false');
  const good: FixProvider = (f) => [{ title: 'Rotate (provider)', source: 'test-provider', preferred: true, edits: [{ file: f.range.file, start, end: start + 5, newText: 'true' }] }];
  const bad: FixProvider = (f) => [{ title: 'Break it', source: 'bad', edits: [{ file: f.range.file, start, end: start + 5, newText: '"' }] }];
  const throwing: FixProvider = () => {
    throw new Error('boom');
  };
  const report = await explainFixes(findings[0], context, [bad, throwing, good]);
  assert.deepEqual(report.fixes.map((f) => [f.source, f.preferred]), [['test-provider', true], ['rule', false]]);
  assert.deepEqual(report.rejected.map((r) => r.source), ['bad']);
});

test('a cancelled context yields no fixes; fix-all leaves suppressed findings alone', async () => {
  const text = 'resource "aws_kms_key" "a" {\n}\n\n# palisade:ignore T-ROT keys rotated by an external job\nresource "aws_kms_key" "b" {\n}\n';
  const { context, findings } = await setup(packOf(ROTATION), { 'main.tf': text });
  assert.deepEqual(findings.map((f) => [f.resource, Boolean(f.suppressed)]), [['aws_kms_key.a', false], ['aws_kms_key.b', true]]);
  assert.deepEqual(await fixesForFinding(findings[0], { ...context, isCancelled: () => true }), []);
  const all = await fixAllInFile('mod/main.tf', findings, context);
  assert.deepEqual(all.fixed.map((f) => f.resource), ['aws_kms_key.a']);
  assert.deepEqual(all.skipped.map((f) => f.resource), ['aws_kms_key.b']);
  assert.equal(applyEdits(text, all.edits), text.replace('"a" {\n}', '"a" {\n  enable_key_rotation = true\n}'));
});

test('follow-ups: a finding the fix reveals on the same resource is fixed too when its rule offers a fix', async () => {
  const https = rule('T-HTTPS', 'aws_opensearch_domain', 'object.get(object.get(r.config, "opts", [{}])[0], "https", false) != true', '["opts"]', '[{"op": "add_block", "path": [], "type": "opts", "config": {"https": true}}]');
  const tls = rule('T-TLS', 'aws_opensearch_domain', 'some o in r.config.opts\n\tnot o.tls', '["opts", 0, "tls"]', '[{"op": "set", "path": ["opts", 0, "tls"], "value": "1.2"}]');
  const text = 'resource "aws_opensearch_domain" "d" {\n  domain_name = "x"\n}\n';
  const { context, findings } = await setup(packOf(https, tls), { 'main.tf': text });
  assert.deepEqual(findings.map((f) => f.ruleId), ['T-HTTPS']);
  const fixes = await fixesForFinding(findings[0], context);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Add opts { https = true } block; Set opts.tls = "1.2"');
  assert.equal(applyEdits(text, fixes[0].edits), 'resource "aws_opensearch_domain" "d" {\n  domain_name = "x"\n\n  opts {\n    https = true\n    tls   = "1.2"\n  }\n}\n');
  const all = await fixAllInFile('mod/main.tf', findings, context);
  assert.deepEqual(all.fixed.map((f) => f.ruleId), ['T-HTTPS']);
  assert.equal(applyEdits(text, all.edits), applyEdits(text, fixes[0].edits));
});
