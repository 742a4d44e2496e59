import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

const VARS = `
variable "env" {
  default = "default-env"
}
variable "region" {}
variable "n" {
  type    = number
  default = "3"
}
`;

test('tfvars precedence: terraform.tfvars < *.auto.tfvars (lexical) < var files in order', () => {
  const r = analyze(
    {
      'variables.tf': VARS,
      'terraform.tfvars': 'env = "tfvars"\nregion = "r-tfvars"\n',
      'b.auto.tfvars': 'env = "auto-b"\n',
      'a.auto.tfvars': 'env = "auto-a"\nregion = "r-auto-a"\n',
      'one.tfvars': 'env = "file-one"\n',
      'two.tfvars': 'env = "file-two"\n',
    },
    { varFiles: ['/ws/two.tfvars', '/ws/one.tfvars'] },
  );
  assert.equal(r.model.variables!.env, 'file-one', 'the last -var-file wins');
  assert.equal(r.model.variables!.region, 'r-auto-a', 'auto.tfvars beats terraform.tfvars');
  assert.equal(r.model.variables!.n, 3, 'type conversion string → number');
  assert.deepEqual(r.diagnostics, []);
});

test('auto.tfvars files apply in lexical order (b after a)', () => {
  const r = analyze({
    'variables.tf': VARS,
    'b.auto.tfvars': 'env = "auto-b"\n',
    'a.auto.tfvars': 'env = "auto-a"\n',
  });
  assert.equal(r.model.variables!.env, 'auto-b');
});

test('a variable with no default and no value is unknown, with the reason', () => {
  const r = analyze({ 'variables.tf': VARS, 'main.tf': 'resource "x_y" "z" {\n  region = var.region\n}\n' });
  assert.deepEqual(r.model.variables!.region, { $unknown: 'var.region' });
  const hover = r.describeAt('/ws/main.tf', 'resource "x_y" "z" {\n  region = var.r'.length);
  assert.ok(hover);
  assert.deepEqual(hover.value, { $unknown: 'var.region' });
  assert.ok(hover.origin.includes('unknown: variable `region` has no value'), hover.origin.join('\n'));
});

test('undeclared variables in tfvars are warnings; a bad value type is an error', () => {
  const r = analyze({ 'variables.tf': VARS, 'terraform.tfvars': 'nope = 1\nn = "x"\n' });
  const codes = r.diagnostics.map((d) => `${d.file} ${d.severity} ${d.code}`);
  assert.deepEqual(codes.sort(), ['terraform.tfvars error tf-variable-type', 'terraform.tfvars warning tf-undeclared-variable']);
});

test('optional() attribute defaults and nullable = false', () => {
  const r = analyze({
    'variables.tf': `
variable "cfg" {
  type = object({
    name = string
    size = optional(number, 10)
    tags = optional(list(string), [])
  })
}
variable "keep" {
  default  = "kept"
  nullable = false
}
`,
    'terraform.tfvars': 'cfg = { name = "a", extra = true }\nkeep = null\n',
  });
  assert.deepEqual(r.model.variables!.cfg, { name: 'a', size: 10, tags: [] });
  assert.equal(r.model.variables!.keep, 'kept');
});

test('a resource passed whole into an object-typed module variable: unset attributes are computed, not missing', () => {
  // trussworks/terraform-aws-ecs-service's example passes `ecs_cluster = aws_ecs_cluster.main` into
  // `object({ arn = string, name = string })`; the cluster's configuration sets only `name`.
  const r = analyze({
    'main.tf': `
resource "aws_ecs_cluster" "main" {
  name = "c"
}
module "svc" {
  source      = "./svc"
  ecs_cluster = aws_ecs_cluster.main
}
`,
    'svc/main.tf': `
variable "ecs_cluster" {
  type = object({
    arn  = string
    name = string
  })
}
resource "aws_ecs_service" "s" {
  cluster = var.ecs_cluster.arn
  name    = var.ecs_cluster.name
}
`,
  });
  assert.deepEqual(r.diagnostics, []);
  const svc = r.model.resources.find((x) => x.address === 'module.svc.aws_ecs_service.s');
  assert.ok(svc);
  assert.equal(svc.config.name, 'c');
  assert.deepEqual(svc.config.cluster, { $unknown: 'var.ecs_cluster.arn' });
  // A plain object value still needs its attributes.
  const plain = analyze({
    'main.tf': 'module "svc" {\n  source      = "./svc"\n  ecs_cluster = { name = "c" }\n}\n',
    'svc/main.tf':
      'variable "ecs_cluster" {\n  type = object({ arn = string, name = string })\n}\n' +
      'resource "aws_ecs_service" "s" {\n  cluster = var.ecs_cluster.arn\n}\n',
  });
  assert.deepEqual(plain.diagnostics.map((d) => d.code), ['tf-variable-type']);
});
