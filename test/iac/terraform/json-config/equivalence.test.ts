// The same module in native syntax and in JSON syntax gives the same model: the pair under
// test/fixtures/terraform-json-config/module-pair (variables, locals, for_each, count, dynamic and
// repeated blocks, provisioners, a policy document, jsonencode, a local module call, outputs) and
// smaller pairs below. Only locations differ — and the text of unknowns, which quotes the source as
// written (a `\"` inside a JSON string stays escaped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileHost, SourceMapNode } from '../../../../server/src/iac/model';
import { analyzeTerraformModule } from '../../../../server/src/iac/terraform';
import { REPO_ROOT } from '../../../helpers/corpora';
import { analyze } from '../eval/memory-host';

const PAIR = join(REPO_ROOT, 'test', 'fixtures', 'terraform-json-config', 'module-pair');

const disk: FileHost = {
  readFile: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir: (p) => {
    try {
      return statSync(p).isDirectory() ? readdirSync(p) : undefined;
    } catch {
      return undefined;
    }
  },
};

/** The model with the unit's own file name replaced, and unknowns' source text unescaped. */
function normalised(model: unknown, ownFile: string): unknown {
  const visit = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (v === ownFile) return '<own file>';
      return key === '$unknown' ? v.replace(/\\"/g, '"') : v;
    }
    if (Array.isArray(v)) return v.map((x) => visit(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, k)]));
    return v;
  };
  return visit(model);
}

/** Every path a source map reaches (fields and list elements), so both trees can be compared. */
function mapPaths(node: SourceMapNode, prefix = ''): string[] {
  const out = [prefix || '.'];
  for (const [k, child] of Object.entries(node.fields ?? {})) out.push(...mapPaths(child, `${prefix}.${k}`));
  (node.items ?? []).forEach((child, i) => out.push(...mapPaths(child, `${prefix}[${i}]`)));
  return out;
}

test('the module pair: identical models, diagnostics and source-map shapes', () => {
  const hcl = analyzeTerraformModule(disk, { dir: `${PAIR}/hcl`, root: PAIR });
  const json = analyzeTerraformModule(disk, { dir: `${PAIR}/json`, root: PAIR });
  assert.deepEqual(hcl.diagnostics, []);
  assert.deepEqual(json.diagnostics, []);
  assert.deepEqual(json.model.files, ['json/main.tf.json']);
  assert.ok(json.model.resources.length >= 10, `only ${json.model.resources.length} resources`);
  assert.deepEqual(normalised(json.model, 'json/main.tf.json'), normalised(hcl.model, 'hcl/main.tf'));
  assert.deepEqual([...json.sourceMaps.keys()], [...hcl.sourceMaps.keys()]);
  for (const [address, node] of hcl.sourceMaps) {
    assert.deepEqual(mapPaths(json.sourceMaps.get(address)!), mapPaths(node), address);
  }
});

test('the module pair: JSON source ranges sit on the JSON keys and values', () => {
  const json = analyzeTerraformModule(disk, { dir: `${PAIR}/json`, root: PAIR });
  const text = readFileSync(`${PAIR}/json/main.tf.json`, 'utf8');
  const at = (r: { start: number; end: number } | undefined) => (r ? text.slice(r.start, r.end) : undefined);
  const web = json.sourceMaps.get('aws_instance.web[1]')!;
  assert.equal(web.range.file, 'json/main.tf.json');
  assert.equal(at(web.nameRange), '"web"');
  assert.equal(at(web.fields!.monitoring.nameRange), '"monitoring"');
  assert.equal(at(web.fields!.monitoring.valueRange), 'false');
  assert.equal(at(web.fields!.root_block_device.items![0].fields!.encrypted.valueRange), 'false');
  const sg = json.sourceMaps.get('aws_security_group.web')!;
  // Repeated blocks from an array: each element is its own block.
  assert.deepEqual(sg.fields!.egress.items!.map((i) => at(i.fields!.protocol.valueRange)), ['"-1"', '"-1"']);
  assert.notEqual(sg.fields!.egress.items![0].range.start, sg.fields!.egress.items![1].range.start);
  assert.equal(at(sg.fields!.ingress.items![0].fields!.cidr_blocks.items![0].range), '"0.0.0.0/0"');
  const bucket = json.sourceMaps.get('aws_s3_bucket.b["logs"]')!;
  assert.equal(at(bucket.fields!.tags.valueRange), 'local.common_tags');
});

test('.tfvars.json and .auto.tfvars.json set variables like their native forms, in the same order', () => {
  const module = 'variable "env" {\n  default = "dev"\n}\nvariable "size" {\n  default = 1\n}\nvariable "tags" {\n  type = map(string)\n  default = {}\n}\n';
  const native = analyze({ 'main.tf': module, 'terraform.tfvars': 'env = "prod"\nsize = 2\n', 'b.auto.tfvars': 'size = 4\ntags = { Team = "core" }\n' });
  const json = analyze({
    'main.tf': module,
    'terraform.tfvars.json': '{ "env": "prod", "size": 2 }',
    'b.auto.tfvars.json': '{ "size": 4, "tags": { "Team": "core" } }',
  });
  assert.deepEqual(native.model.variables, { env: 'prod', size: 4, tags: { Team: 'core' } });
  assert.deepEqual(json.model.variables, native.model.variables);
  assert.deepEqual(json.diagnostics, []);
  // A JSON var file with an undeclared name is reported on its key.
  const undeclared = analyze({ 'main.tf': module, 'terraform.tfvars.json': '{ "nope": 1 }' });
  const d = undeclared.diagnostics.find((x) => x.code === 'tf-undeclared-variable');
  assert.ok(d);
  assert.equal('{ "nope": 1 }'.slice(d.start, d.end), '"nope"');
});

test('one module of .tf and .tf.json files: names resolve across syntaxes, duplicates are reported', () => {
  const r = analyze({
    'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = local.name\n}\n',
    'locals.tf.json': '{ "locals": { "name": "from-json" }, "resource": { "aws_s3_bucket_versioning": { "v": { "bucket": "${aws_s3_bucket.b.bucket}", "versioning_configuration": { "status": "Enabled" } } } } }',
  });
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.model.files, ['locals.tf.json', 'main.tf']);
  assert.equal(r.model.resources.find((x) => x.address === 'aws_s3_bucket.b')?.config.bucket, 'from-json');
  assert.equal(r.model.resources.find((x) => x.address === 'aws_s3_bucket_versioning.v')?.config.bucket, 'from-json');
  const dup = analyze({
    'a.tf': 'resource "aws_s3_bucket" "b" {}\n',
    'b.tf.json': '{ "resource": { "aws_s3_bucket": { "b": {} } } }',
  });
  const d = dup.diagnostics.find((x) => x.code === 'tf-duplicate');
  assert.ok(d, JSON.stringify(dup.diagnostics));
  assert.equal(d.file, 'b.tf.json');
  assert.equal('{ "resource": { "aws_s3_bucket": { "b": {} } } }'.slice(d.start, d.end), '"b"');
});

test('a .json file is read as configuration when its content is; other JSON beside it is not', () => {
  const r = analyze({
    'cdk.json': '{ "//": { "metadata": { "stackName": "s" } }, "resource": { "aws_instance": { "i": { "ami": "ami-1", "monitoring": false } } } }',
    'package.json': '{ "name": "x", "version": "1.0.0" }',
    'plan.json': '{ "format_version": "1.2", "planned_values": {}, "resource": {} }',
  });
  assert.deepEqual(r.model.files, ['cdk.json']);
  assert.deepEqual(r.model.resources.map((x) => [x.address, x.config.monitoring]), [['aws_instance.i', false]]);
});

test('a half-typed .tf.json keeps what precedes the error; the error is on the JSON where typing stopped', () => {
  const json = `{
  "locals": { "name": "from-json" },
  "resource": {
    "aws_instance": {
      "a": { "ami": "ami-1", "monitoring": false },
      "b": { "ami": "ami-2", "monitoring": fa
    }
  },
  "output": { "o": { "value": "x" } }
}`;
  const r = analyze({ 'main.tf': 'resource "aws_s3_bucket" "ok" {\n  bucket = local.name\n}\n', 'web.tf.json': json });
  // Everything above the cursor is declared: main.tf's reference to the local still resolves.
  assert.deepEqual(r.model.resources.map((x) => [x.address, x.config.ami ?? x.config.bucket, x.config.monitoring]), [
    ['aws_s3_bucket.ok', 'from-json', undefined],
    ['aws_instance.a', 'ami-1', false],
    ['aws_instance.b', 'ami-2', undefined],
  ]);
  assert.deepEqual(r.diagnostics.map((d) => [d.file, d.code, d.severity, json.slice(d.start, d.end)]), [['web.tf.json', 'json-syntax', 'error', 'f']]);
  // Once it parses again, all of it counts.
  const done = analyze({ 'main.tf': 'resource "aws_s3_bucket" "ok" {}\n', 'web.tf.json': json.replace('fa\n', 'false }\n') });
  assert.deepEqual(done.diagnostics, []);
  assert.deepEqual(done.model.resources.map((x) => x.address), ['aws_s3_bucket.ok', 'aws_instance.a', 'aws_instance.b']);
});

test('hover inside a JSON string describes the interpolated expression', () => {
  const json = '{ "variable": { "env": { "default": "prod" } }, "locals": { "name": "corp-${var.env}" } }';
  const r = analyze({ 'main.tf.json': json });
  const offset = json.indexOf('var.env') + 4;
  const d = r.describeAt('/ws/main.tf.json', offset);
  assert.ok(d);
  assert.equal(d.value, 'prod');
  assert.equal(json.slice(d.range.start, d.range.end), 'var.env');
  assert.match(d.origin.join('\n'), /default in main\.tf\.json:1/);
});

test('a called module written in JSON, and a --var-file in JSON, are read like their native forms', () => {
  const r = analyze(
    {
      'main.tf': 'variable "name" {}\nmodule "logs" {\n  source = "./mod"\n  name   = var.name\n}\n',
      'mod/main.tf.json': '{ "variable": { "name": { "type": "string" } }, "resource": { "aws_s3_bucket": { "this": { "bucket": "${var.name}-logs" } } }, "output": { "id": { "value": "${aws_s3_bucket.this.id}" } } }',
      'env/prod.tfvars.json': '{ "name": "prod" }',
    },
    { varFiles: ['/ws/env/prod.tfvars.json'] },
  );
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.model.resources.map((x) => [x.address, x.file, x.config.bucket]), [['module.logs.aws_s3_bucket.this', 'mod/main.tf.json', 'prod-logs']]);
});
