// A variable's default that is literal data is evaluated and converted once per declaration (a
// parse tree is shared by every run that reads the same text) and taken as it is by later runs
// (variables.ts). These runs read the same texts again, so they share the trees; each must give
// what resolving the default afresh gives: a new value after an edit, the diagnostics every time,
// and a value of its own for a default that is not literal data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTerraformModule } from '../../../../server/src/iac/terraform';
import type { TerraformUnitResult } from '../../../../server/src/iac/terraform/api';
import { MemoryHost } from './memory-host';

function analyse(files: Record<string, string>, dir = '/ws'): TerraformUnitResult {
  const abs: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) abs[`/ws/${k}`] = v;
  // A new host each time: results are cached per host, and every run here must evaluate.
  return analyzeTerraformModule(new MemoryHost(abs), { dir, root: dir });
}

const CALLER = 'module "m" {\n  source = "./mod"\n}\n';

function bucketOf(r: TerraformUnitResult): unknown {
  return (r.model.resources.find((x) => x.address === 'module.m.aws_s3_bucket.b')?.config as { bucket?: unknown } | undefined)?.bucket;
}

test('a literal default converted once is what every later run sees, until its text changes', () => {
  const mod = (n: string) => `variable "n" {\n  type    = number\n  default = "${n}"\n}\nvariable "tags" {\n  type    = map(string)\n  default = { team = "core", tier = 1 }\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b-\${var.n}"\n  tags   = var.tags\n}\n`;
  for (let i = 0; i < 2; i++) {
    const r = analyse({ 'main.tf': CALLER, 'mod/main.tf': mod('3') });
    assert.equal(bucketOf(r), 'b-3');
    assert.deepEqual((r.model.resources[0].config as { tags: unknown }).tags, { team: 'core', tier: '1' });
    assert.deepEqual(r.diagnostics, []);
  }
  assert.equal(bucketOf(analyse({ 'main.tf': CALLER, 'mod/main.tf': mod('4') })), 'b-4');
  // Back to the first text (its tree is still cached): the first value again.
  assert.equal(bucketOf(analyse({ 'main.tf': CALLER, 'mod/main.tf': mod('3') })), 'b-3');
});

test('a default whose resolution reports is resolved, and reported, in every run', () => {
  const mod = 'variable "n" {\n  type    = number\n  default = "x"\n}\nvariable "k" {\n  nullable = false\n  default  = null\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${var.n}"\n  acl    = var.k\n}\n';
  for (let i = 0; i < 3; i++) {
    const codes = analyse({ 'main.tf': CALLER, 'mod/main.tf': mod }).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['tf-variable-null', 'tf-variable-type'], `run ${i}`);
  }
});

test('a default that calls a function is evaluated by each unit: abspath() resolves against that unit\'s root', () => {
  // Two units call the same module file (one shared tree); a default that is not literal data
  // depends on more than its text.
  const mod = 'variable "p" {\n  default = abspath("data")\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.p\n}\n';
  const files = { 'a/main.tf': 'module "m" {\n  source = "../mod"\n}\n', 'b/main.tf': 'module "m" {\n  source = "../mod"\n}\n', 'mod/main.tf': mod };
  assert.equal(bucketOf(analyse(files, '/ws/a')), '/ws/a/data');
  assert.equal(bucketOf(analyse(files, '/ws/b')), '/ws/b/data');
});

test('a given argument is converted on its own; the literal default is not used for it', () => {
  const mod = 'variable "n" {\n  type    = number\n  default = 1\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${var.n}"\n}\n';
  assert.equal(bucketOf(analyse({ 'main.tf': CALLER, 'mod/main.tf': mod })), 'b-1');
  assert.equal(bucketOf(analyse({ 'main.tf': 'module "m" {\n  source = "./mod"\n  n      = "7"\n}\n', 'mod/main.tf': mod })), 'b-7');
  assert.equal(bucketOf(analyse({ 'main.tf': CALLER, 'mod/main.tf': mod })), 'b-1');
});

test('a default with objects in a list is resolved in every run: a resource marks those objects as its own blocks', () => {
  // Run 1's security group marks the rule object as one of its nested blocks (computed.ts); a
  // value shared with run 2 would make the bucket's read of a missing key an unknown, not an error.
  const mod = 'variable "rules" {\n  default = [{ port = 80 }]\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.rules[0].name\n}\nresource "aws_security_group" "sg" {\n  ingress = var.rules\n}\n';
  for (let i = 0; i < 2; i++) {
    const r = analyse({ 'main.tf': CALLER, 'mod/main.tf': mod });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['tf-unsupported-attribute'], `run ${i}`);
  }
});
