import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

const CHILD = `
variable "name" {}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
output "arn" {
  value = aws_s3_bucket.this.arn
}
output "name" {
  value = aws_s3_bucket.this.bucket
}
`;

test('module resources get module-prefixed addresses, their own files and ranges', () => {
  const r = analyze({
    'main.tf': 'module "m" {\n  source = "./mod"\n  count  = 2\n  name   = "b${count.index}"\n}\n',
    'mod/main.tf': CHILD,
  });
  assert.deepEqual(r.model.resources.map((x) => [x.address, x.module, x.file, x.config.bucket]), [
    ['module.m[0].aws_s3_bucket.this', 'module.m[0]', 'mod/main.tf', 'b0'],
    ['module.m[1].aws_s3_bucket.this', 'module.m[1]', 'mod/main.tf', 'b1'],
  ]);
  const node = r.sourceMaps.get('module.m[1].aws_s3_bucket.this')!;
  assert.equal(node.range.file, 'mod/main.tf');
  assert.equal(CHILD.slice(node.nameRange!.start, node.nameRange!.end), 'resource "aws_s3_bucket" "this"');
  assert.equal(CHILD.slice(node.fields!.bucket.valueRange!.start, node.fields!.bucket.valueRange!.end), 'var.name');
  assert.ok(r.sourceMaps.has('module.m[0]'), 'module calls have source maps too');
});

test('module outputs: configured values are known, computed ones unknown; unknown args stay unknown', () => {
  const r = analyze({
    'main.tf': `variable "unset" {}
module "m" {
  source = "./mod"
  name   = "logs"
}
module "u" {
  source = "./mod"
  name   = var.unset
}
resource "a_b" "c" {
  n   = module.m.name
  arn = module.m.arn
  un  = module.u.name
}
`,
    'mod/main.tf': CHILD,
  });
  const c = r.model.resources.find((x) => x.address === 'a_b.c')!;
  assert.deepEqual(c.config, { n: 'logs', arn: { $unknown: 'module.m.arn' }, un: { $unknown: 'module.u.name' } });
  assert.deepEqual(r.model.resources.find((x) => x.address === 'module.u.aws_s3_bucket.this')!.config, { bucket: { $unknown: 'var.name' } });
});

test('module recursion is diagnosed, not followed forever', () => {
  const r = analyze({ 'main.tf': 'module "self" {\n  source = "./"\n}\nresource "a_b" "c" {}\n' });
  assert.ok(r.diagnostics.some((d) => d.code === 'tf-module-recursion'));
  assert.deepEqual(r.model.resources.map((x) => x.address), ['a_b.c'], 'the module calling itself is not evaluated at all');
  const r2 = analyze({ 'main.tf': 'module "a" {\n  source = "./a"\n}\n', 'a/main.tf': 'module "b" {\n  source = "../"\n}\nresource "a_b" "in_a" {}\n' });
  assert.deepEqual(r2.model.resources.map((x) => x.address), ['module.a.a_b.in_a']);
  assert.ok(r2.diagnostics.some((d) => d.code === 'tf-module-recursion' && d.file === 'a/main.tf'));
});

test('registry modules resolve through .terraform/modules/modules.json, else stay opaque', () => {
  const files = {
    'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  name = "v"\n}\nmodule "gone" {\n  source = "x/y/aws"\n}\nlocals {\n  a = module.gone.id\n}\n',
    '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' }] }),
    '.terraform/modules/vpc/main.tf': CHILD,
  };
  const r = analyze(files);
  assert.deepEqual(r.model.resources.map((x) => x.address), ['module.vpc.aws_s3_bucket.this']);
  assert.equal(r.model.resources[0].file, '.terraform/modules/vpc/main.tf');
  assert.deepEqual(r.model.locals!.a, { $unknown: 'module.gone.id' });
  assert.deepEqual(r.model.modules!.map((m) => [m.address, m.dir]), [['module.vpc', '.terraform/modules/vpc'], ['module.gone', undefined]]);
});

test('undeclared module arguments and missing required ones are diagnosed', () => {
  const r = analyze({ 'main.tf': 'module "m" {\n  source = "./mod"\n  bogus = 1\n}\n', 'mod/main.tf': CHILD });
  assert.deepEqual(r.diagnostics.map((d) => d.code).sort(), ['tf-module-argument', 'tf-module-argument']);
});

test('a module call records its literal version constraint, and only a string one', () => {
  const r = analyze({
    'main.tf': 'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 6.0"\n}\nmodule "any" {\n  source  = "terraform-aws-modules/alb/aws"\n}\nmodule "odd" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = 6\n}\n',
  });
  assert.deepEqual(r.model.modules!.map((m) => [m.address, m.version]), [['module.alb', '~> 6.0'], ['module.any', undefined], ['module.odd', undefined]]);
  assert.equal(r.model.modules![0].config.version, undefined, 'version is a meta-argument, not configuration');
});

// A local source is read from disk, never fetched: a directory without .tf files (a typo, a
// partial checkout) would otherwise drop the module's resources from the scan without a word.
test('a local module directory without .tf files is opaque and reported where the source is written', () => {
  const main = 'module "typo" {\n  source = "./modules/sgg"\n  name   = "x"\n}\nmodule "ok" {\n  source = "./mod"\n  name   = "y"\n}\n';
  const r = analyze({ 'main.tf': main, 'mod/main.tf': CHILD });
  assert.deepEqual(r.model.resources.map((x) => x.address), ['module.ok.aws_s3_bucket.this']);
  const reports = r.diagnostics.filter((d) => d.code === 'tf-module-source');
  assert.equal(reports.length, 1);
  assert.equal(reports[0].severity, 'warning');
  assert.equal(main.slice(reports[0].start, reports[0].end), '"./modules/sgg"');
  assert.match(reports[0].message, /module "typo": no \.tf files at modules\/sgg, so it is not evaluated/);
  assert.ok(!r.diagnostics.some((d) => d.code === 'tf-module-argument'), 'arguments of a module that is not evaluated are not checked');
});

test('required_providers version constraints of the unit and of every module it calls, each module once', () => {
  const pin = (v: string) => `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${v}"\n    }\n  }\n}\n`;
  const r = analyze({
    'main.tf': `${pin('>= 3.72, < 4.0.0')}module "a" {\n  source = "./mod"\n  count  = 2\n  name   = "x\${count.index}"\n}\n`,
    // Terraform 0.12's string form, and a constraint that is an expression (not allowed; ignored).
    'mod/main.tf': `terraform {\n  required_providers {\n    aws    = ">= 2.7.0"\n    random = { source = "hashicorp/random" }\n  }\n}\n${CHILD}`,
  });
  assert.deepEqual(r.model.required_providers, { aws: ['>= 3.72, < 4.0.0', '>= 2.7.0'] });
  assert.equal(analyze({ 'main.tf': CHILD }).model.required_providers, undefined, 'absent when none is written');
});

test('a whole resource passed to an object-typed variable: its computed attributes are unknown, not missing', () => {
  // The GitHub-runners module passes `aws_sqs_queue.queued_builds` into `object({ id = string, arn = string })`
  // and a module's `bucket` output (a whole aws_s3_bucket) into `object({ arn = string })`.
  const r = analyze({
    'main.tf': `resource "aws_sqs_queue" "q" {
  name = "builds"
}
module "store" {
  source = "./store"
}
module "use" {
  source = "./use"
  queue  = aws_sqs_queue.q
  bucket = module.store.bucket
}
module "literal" {
  source = "./use"
  queue  = { id = "x" }
  bucket = { arn = "arn:aws:s3:::b" }
}
`,
    'store/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\noutput "bucket" {\n  value = aws_s3_bucket.b\n}\n',
    'use/main.tf': `variable "queue" {
  type = object({ id = string, arn = string })
}
variable "bucket" {
  type = object({ arn = string })
}
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = var.queue.arn
  function_name    = var.bucket.arn
}
`,
  });
  const config = (address: string) => r.model.resources.find((x) => x.address === address)?.config;
  const m = config('module.use.aws_lambda_event_source_mapping.m')!;
  assert.ok(m.event_source_arn !== null && typeof m.event_source_arn === 'object' && '$unknown' in m.event_source_arn, JSON.stringify(m));
  assert.ok(m.function_name !== null && typeof m.function_name === 'object' && '$unknown' in m.function_name, JSON.stringify(m));
  // A literal object still has to carry every required attribute.
  assert.deepEqual(
    r.diagnostics.filter((d) => d.code === 'tf-variable-type').map((d) => d.message),
    ['invalid value for variable "queue": attribute "arn" is required'],
  );
});
