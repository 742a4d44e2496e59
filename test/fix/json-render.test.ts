// Fixes in Terraform JSON files (`.tf.json`): operations are written as JSON edits (replace a value,
// add or remove a property), everything else is refused with a reason, and no edit that is offered
// leaves a file that is not JSON or not Terraform JSON configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, explainFixes, type FixContext } from '../../server/src/fix';
import { parseTerraform } from '../../server/src/iac/terraform';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

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

async function fixed(pack: RulePack, text: string, ruleId: string) {
  const host = new MemoryHost({ '/ws/mod/main.tf.json': text });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  const finding = scan.findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} did not fire: ${JSON.stringify(scan.findings.map((f) => f.ruleId))}`);
  const report = await explainFixes(finding, context);
  const fix = report.fixes[0];
  return { report, text: fix ? applyEdits(text, fix.edits) : undefined, files: fix?.edits.map((e) => e.file) };
}

test('set replaces a JSON value in place', async () => {
  const text = '{\n  "resource": {\n    "aws_kms_key": {\n      "k": { "description": "keys", "enable_key_rotation": false }\n    }\n  }\n}\n';
  const r = await fixed(packOf(ROTATION), text, 'T-ROT');
  assert.deepEqual(r.files, ['mod/main.tf.json']);
  assert.equal(r.text, text.replace('"enable_key_rotation": false', '"enable_key_rotation": true'));
});

test('set adds a missing property after the last one, in the body\'s layout', async () => {
  const text = '{\n  "resource": {\n    "aws_kms_key": {\n      "k": {\n        "description": "keys"\n      }\n    }\n  }\n}\n';
  const r = await fixed(packOf(ROTATION), text, 'T-ROT');
  assert.equal(r.text, text.replace('"description": "keys"', '"description": "keys",\n        "enable_key_rotation": true'));
  const inline = '{ "resource": { "aws_kms_key": { "k": { "description": "keys" } } } }';
  assert.equal((await fixed(packOf(ROTATION), inline, 'T-ROT')).text, inline.replace('"keys"', '"keys", "enable_key_rotation": true'));
  const empty = '{ "resource": { "aws_kms_key": { "k": {} } } }';
  assert.equal((await fixed(packOf(ROTATION), empty, 'T-ROT')).text, '{ "resource": { "aws_kms_key": { "k": { "enable_key_rotation": true } } } }');
});

test('references become "${…}" strings; literal text keeps "${" literal', async () => {
  const ref = rule('T-REF', 'aws_s3_bucket_policy', 'not r.config.bucket', '["bucket"]', '[{"op": "set", "path": ["bucket"], "value": {"$expr": "aws_s3_bucket.b.id"}}]');
  const text = '{ "resource": { "aws_s3_bucket": { "b": {} }, "aws_s3_bucket_policy": { "p": { "policy": "x" } } } }';
  const r = await fixed(packOf(ref), text, 'T-REF');
  assert.equal(r.text, text.replace('"policy": "x"', '"policy": "x", "bucket": "${aws_s3_bucket.b.id}"'));
  const lit = rule('T-LIT', 'aws_s3_bucket', 'not r.config.bucket', '["bucket"]', '[{"op": "set", "path": ["bucket"], "value": "a-${b}"}]');
  const r2 = await fixed(packOf(lit), '{ "resource": { "aws_s3_bucket": { "b": { "acl": "private" } } } }', 'T-LIT');
  assert.match(r2.text ?? '', /"bucket": "a-\$\$\{b\}"/);
});

test('add_block writes a nested block as an array of one object, and the model reads it as one', async () => {
  const add = rule('T-VER', 'aws_s3_bucket', 'count(object.get(r.config, "versioning", [])) == 0', '[]', '[{"op": "add_block", "type": "versioning", "config": {"enabled": true}}]');
  const text = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {\n        "bucket": "b"\n      }\n    }\n  }\n}\n';
  const r = await fixed(packOf(add), text, 'T-VER');
  assert.ok(r.text, JSON.stringify(r.report.rejected));
  assert.deepEqual(JSON.parse(r.text).resource.aws_s3_bucket.b.versioning, [{ enabled: true }]);
  assert.deepEqual(parseTerraform(r.text, '/ws/mod/main.tf.json').diagnostics, []);
});

// One fix that adds several blocks of one type (ECR-002's exclusion filters, one per moving tag)
// writes them as one property holding every block: HCL would read two properties of one name as
// two blocks, but JSON names should be unique (RFC 8259) and a tool that reads or rewrites the file
// as JSON (json.load, jq, the generator that wrote it) keeps only the last, silently dropping a block.
test('several add_block operations of one type in one fix become one property with every block', async () => {
  const two = rule('T-TWO', 'aws_ecr_repository', 'count(object.get(r.config, "image_tag_mutability_exclusion_filter", [])) == 0', '[]', '[{"op": "add_block", "type": "image_tag_mutability_exclusion_filter", "repeatable": true, "config": {"filter": "dev", "filter_type": "WILDCARD"}}, {"op": "add_block", "type": "image_tag_mutability_exclusion_filter", "repeatable": true, "config": {"filter": "latest", "filter_type": "WILDCARD"}}]');
  const text = '{\n  "resource": {\n    "aws_ecr_repository": {\n      "app": {\n        "name": "app"\n      }\n    }\n  }\n}\n';
  const r = await fixed(packOf(two), text, 'T-TWO');
  assert.ok(r.text, JSON.stringify(r.report.rejected));
  assert.equal((r.text.match(/"image_tag_mutability_exclusion_filter"/g) ?? []).length, 1);
  assert.deepEqual(JSON.parse(r.text).resource.aws_ecr_repository.app.image_tag_mutability_exclusion_filter, [
    { filter: 'dev', filter_type: 'WILDCARD' },
    { filter: 'latest', filter_type: 'WILDCARD' },
  ]);
  assert.deepEqual(parseTerraform(r.text, '/ws/mod/main.tf.json').diagnostics, []);
});

test('remove deletes the property and its comma', async () => {
  const acl = rule('T-ACL', 'aws_s3_bucket', 'r.config.acl == "public-read"', '["acl"]', '[{"op": "remove", "path": ["acl"]}]');
  const text = '{ "resource": { "aws_s3_bucket": { "b": { "acl": "public-read", "bucket": "b" } } } }';
  assert.equal((await fixed(packOf(acl), text, 'T-ACL')).text, '{ "resource": { "aws_s3_bucket": { "b": { "bucket": "b" } } } }');
  const last = '{ "resource": { "aws_s3_bucket": { "b": { "bucket": "b", "acl": "public-read" } } } }';
  assert.equal((await fixed(packOf(acl), last, 'T-ACL')).text, '{ "resource": { "aws_s3_bucket": { "b": { "bucket": "b" } } } }');
});

test('refused: an expression inside a JSON string, a value from a variable, a new resource, a broken value', async () => {
  const inString = await fixed(packOf(ROTATION), '{ "resource": { "aws_kms_key": { "k": { "enable_key_rotation": "${false}" } } } }', 'T-ROT');
  assert.equal(inString.text, undefined);
  assert.match(inString.report.rejected[0].reason, /inside a JSON string/);

  const fromVar = await fixed(packOf(ROTATION), '{ "variable": { "rot": { "default": false } }, "resource": { "aws_kms_key": { "k": { "enable_key_rotation": "${var.rot}" } } } }', 'T-ROT');
  assert.equal(fromVar.text, undefined);
  assert.match(fromVar.report.rejected[0].reason, /comes from var/);

  const companion = rule('T-PAB', 'aws_s3_bucket', 'true', '[]', '[{"op": "add_resource", "type": "aws_s3_bucket_public_access_block", "name": "b", "config": {"bucket": {"$expr": "aws_s3_bucket.b.id"}}}]');
  const added = await fixed(packOf(companion), '{ "resource": { "aws_s3_bucket": { "b": {} } } }', 'T-PAB');
  assert.equal(added.text, undefined);
  assert.match(added.report.rejected[0].reason, /add_resource is not rendered in Terraform JSON files/);

  const broken = rule('T-BRK', 'aws_kms_key', 'object.get(r.config, "enable_key_rotation", false) != true', '["enable_key_rotation"]', '[{"op": "set", "path": ["enable_key_rotation"], "value": {"$expr": "true ("}}]');
  const bad = await fixed(packOf(broken), '{ "resource": { "aws_kms_key": { "k": { "enable_key_rotation": false } } } }', 'T-BRK');
  assert.equal(bad.text, undefined);
  assert.match(bad.report.rejected[0].reason, /does not parse|new Terraform error/);
});

test('built-in pack on a JSON module: every offered fix leaves valid Terraform JSON; native-syntax fixes are refused', async () => {
  const pack = loadPack(readPackFiles(join(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  const pairDir = join(REPO_ROOT, 'test', 'fixtures', 'terraform-json-config', 'module-pair');
  const text = readFileSync(join(pairDir, 'json', 'main.tf.json'), 'utf8');
  const host = new MemoryHost({ '/ws/mod/main.tf.json': text });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  let offered = 0;
  const refusals: string[] = [];
  for (const finding of scan.findings) {
    const report = await explainFixes(finding, context);
    refusals.push(...report.rejected.map((r) => r.reason));
    for (const fix of report.fixes) {
      offered++;
      assert.ok(fix.edits.every((e) => e.file === 'mod/main.tf.json'), fix.title);
      const after = applyEdits(text, fix.edits);
      assert.doesNotThrow(() => JSON.parse(after), fix.title);
      assert.deepEqual(parseTerraform(after, '/ws/mod/main.tf.json').diagnostics, [], fix.title);
    }
  }
  assert.ok(offered >= 5, `only ${offered} fixes offered`);
  // The trusted-CIDR provider writes native syntax: refused here rather than written into JSON.
  assert.ok(refusals.some((r) => /Terraform JSON; this fix is written in native syntax only/.test(r)), JSON.stringify(refusals));
});
