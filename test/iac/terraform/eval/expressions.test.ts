import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';
import { analyzeTerraformModule } from '../../../../server/src/iac/terraform';
import { MemoryHost } from './memory-host';

test('local cycles: tf-local-cycle on each member, members unknown, others fine', () => {
  const r = analyze({ 'a.tf': 'locals {\n  x = local.y\n  ok = 1\n}\n', 'b.tf': 'locals {\n  y = [local.x]\n}\n' });
  const cycle = r.diagnostics.filter((d) => d.code === 'tf-local-cycle');
  assert.deepEqual(cycle.map((d) => d.file).sort(), ['a.tf', 'b.tf']);
  assert.deepEqual(r.model.locals, { x: { $unknown: 'local.x' }, ok: 1, y: { $unknown: 'local.y' } });
});

test('a template that is one interpolation is that expression: its unknown reads as the inner text', () => {
  // Terraform 0.11 wrote every reference as "${…}"; rules and fixes match the reference's text
  // (`aws_sns_topic.t.arn`, `var.x`), so the quotes must not end up in the label.
  const r = analyze({
    'main.tf': 'variable "x" {}\nresource "x_y" "t" {\n  a = "${var.x}"\n  b = ["${aws_sns_topic.t.arn}"]\n  c = "${var.x}-suffix"\n}\n',
  });
  const t = r.model.resources.find((x) => x.address === 'x_y.t')!;
  assert.deepEqual(t.config.a, { $unknown: 'var.x' });
  assert.deepEqual(t.config.b, [{ $unknown: 'aws_sns_topic.t.arn' }]);
  assert.deepEqual(t.config.c, { $unknown: '"${var.x}-suffix"' }, 'a template with more than one part keeps its own text');
});

test('locals are order independent across files', () => {
  const r = analyze({ 'a.tf': 'locals {\n  full = "${local.prefix}-app"\n}\n', 'b.tf': 'locals {\n  prefix = "corp"\n}\n' });
  assert.equal(r.model.locals!.full, 'corp-app');
});

test('unknowns propagate with the outermost expression text and collect refs', () => {
  const r = analyze({
    'main.tf': `
variable "unset" {}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "x_y" "t" {
  a = "\${var.unset}-x"
  b = upper(aws_s3_bucket.b.arn)
  c = length([var.unset])
  d = [var.unset, 1]
  e = aws_s3_bucket.b.bucket
  f = var.unset == null ? 1 : 1
}
`,
  });
  const t = r.model.resources.find((x) => x.address === 'x_y.t')!;
  assert.deepEqual(t.config.a, { $unknown: '"${var.unset}-x"' });
  assert.deepEqual(t.config.b, { $unknown: 'upper(aws_s3_bucket.b.arn)' });
  assert.equal(t.config.c, 1, 'a list holding an unknown is itself known');
  assert.deepEqual(t.config.d, [{ $unknown: 'var.unset' }, 1]);
  assert.equal(t.config.e, 'b', 'a configured attribute of another resource is known');
  assert.equal(t.config.f, 1, 'an unknown condition with equal branches is known');
  const hover = r.describeAt('/ws/main.tf', r.parsed.get('/ws/main.tf')!.text.indexOf('upper('));
  assert.ok(hover);
  assert.equal(hover.expr, 'upper(aws_s3_bucket.b.arn)');
  assert.ok(hover.origin.some((l) => l.includes('computed attribute `arn` of aws_s3_bucket.b')), hover.origin.join('\n'));
});

test('index and attribute errors are diagnostics plus unknown, never a crash', () => {
  const r = analyze({ 'main.tf': 'locals {\n  l = [1]\n  a = local.l[3]\n  b = {x = 1}.y\n  c = null.z\n}\n' });
  assert.deepEqual(r.model.locals!.a, { $unknown: 'local.l[3]' });
  assert.deepEqual(r.model.locals!.b, { $unknown: '{x = 1}.y' });
  const codes = r.diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ['tf-invalid-index', 'tf-null-attribute', 'tf-unsupported-attribute']);
});

test('templatefile renders through the evaluator, with %{for} directives', () => {
  const r = analyze({
    'main.tf': 'locals {\n  t = templatefile("${path.module}/t.tpl", { names = ["a", "b"] })\n}\n',
    't.tpl': '%{ for n in names ~}\n- ${n}\n%{ endfor ~}\n',
  });
  assert.equal(r.model.locals!.t, '- a\n- b\n');
  assert.ok(r.dependencies.includes('/ws/t.tpl'), 'the template is a dependency');
});

test('templatestring, try and can need unevaluated arguments', () => {
  const r = analyze({
    'main.tf': 'locals {\n  tpl = "Hi $${name}"\n  s = templatestring(local.tpl, { name = "Bo" })\n  t = try(tonumber("x"), "fallback")\n  u = can(tonumber("x"))\n  o = { a = 1 }\n  m = try(local.o.b, "none")\n}\n',
  });
  assert.equal(r.model.locals!.s, 'Hi Bo');
  assert.equal(r.model.locals!.t, 'fallback');
  assert.equal(r.model.locals!.u, false);
  assert.equal(r.model.locals!.m, 'none');
  assert.deepEqual(r.diagnostics, [], 'dynamic errors inside try/can are not reported');
});

test('try and can do not catch a reference no input can make valid (Terraform rejects it before evaluating)', () => {
  // The eks-pod-identity module of the fourth held-out corpus reads var.association_defaults, which
  // its older variables.tf lacks, only inside try(coalesce(...)): the front end said "try(): no
  // expression succeeded" where Terraform names the undeclared variable.
  const text = [
    'locals {',
    '  t = try(local.nope, "fallback")',
    '  c = can(var.missing)',
    '  n = try(try(local.gone, "inner"), "outer")',
    '  a = try(var.absent.x)',
    '  ok = try(local.t, "x")',
    '}',
    '',
  ].join('\n');
  const r = analyze({ 'main.tf': text });
  assert.equal(r.model.locals!.t, 'fallback', 'the value stays the best effort');
  assert.equal(r.model.locals!.c, false);
  assert.equal(r.model.locals!.n, 'inner', 'an enclosing try still sees the inner one succeed');
  assert.equal(r.model.locals!.ok, 'fallback');
  const found = r.diagnostics.map((d) => [d.code, text.slice(0, d.start).split('\n').length - 1]);
  assert.deepEqual(found.sort(), [
    ['tf-undeclared-local', 1], ['tf-undeclared-local', 3],
    ['tf-undeclared-variable', 2], ['tf-undeclared-variable', 4],
  ].sort(), 'each undeclared name once, and no "no expression succeeded" beside it');
});

test('cancellation stops the analysis and says so', () => {
  const host = new MemoryHost({ '/ws/main.tf': 'resource "a_b" "c" {\n  x = 1\n}\n' });
  const r = analyzeTerraformModule(host, { dir: '/ws', root: '/ws', isCancelled: () => true });
  assert.equal(r.cancelled, true);
  assert.deepEqual(r.model.resources, []);
});

test('a half-typed file yields diagnostics, not an exception', () => {
  const r = analyze({ 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n  acl = var.\n' });
  assert.ok(r.diagnostics.some((d) => d.code === 'hcl-syntax'));
  assert.equal(r.model.resources.length, 1);
});

test('Unknown.refs collects the resource, data and module addresses a value depends on', async () => {
  const { ModuleInstance } = await import('../../../../server/src/iac/terraform/eval/module-instance');
  const { UnitContext } = await import('../../../../server/src/iac/terraform/eval/unit');
  const { Unknown } = await import('../../../../server/src/iac/terraform/values');
  const host = new MemoryHost({
    '/ws/main.tf': `resource "aws_s3_bucket" "b" {}
data "aws_region" "r" {}
module "m" {
  source = "./nowhere"
}
locals {
  x = "\${aws_s3_bucket.b.arn}:\${data.aws_region.r.name}:\${module.m.out}"
}
`,
  });
  const ctx = new UnitContext(host, { dir: '/ws', root: '/ws' });
  const root = new ModuleInstance(ctx, '/ws', '', '/ws', [], 0, []);
  const x = root.local('x');
  assert.ok(x instanceof Unknown);
  assert.deepEqual([...x.refs].sort(), ['aws_s3_bucket.b', 'data.aws_region.r', 'module.m']);
  assert.equal(x.expr, '"${aws_s3_bucket.b.arn}:${data.aws_region.r.name}:${module.m.out}"');
});

test('duplicate declarations are diagnosed; the first one is used', () => {
  const r = analyze({
    'a.tf': 'variable "v" {\n  default = 1\n}\nlocals {\n  l = 1\n}\nresource "a_b" "c" {\n  x = 1\n  x = 2\n}\n',
    'b.tf': 'variable "v" {\n  default = 2\n}\nlocals {\n  l = 2\n}\nresource "a_b" "c" {}\n',
  });
  assert.equal(r.model.variables!.v, 1);
  assert.equal(r.model.locals!.l, 1);
  assert.deepEqual(r.model.resources.map((x) => x.config), [{ x: 1 }]);
  assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${d.code}`).sort(), [
    'a.tf tf-duplicate-attribute', 'b.tf tf-duplicate', 'b.tf tf-duplicate', 'b.tf tf-duplicate',
  ]);
});

test('list() and map(), removed in Terraform 0.15, are errors of the configuration; other unknown functions warn', () => {
  // Seen upstream as a swapped variable: `type = []` with `default = list(string)`.
  const r = analyze({
    'main.tf': `locals {
  a = list("x")
  b = map("k", "v")
  c = no_such_function(1)
}
`,
  });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.severity, d.code, d.message]),
    [
      ['error', 'tf-unknown-function', 'function "list" was removed in Terraform 0.15; write a list as [ ... ] or convert with tolist()'],
      ['error', 'tf-unknown-function', 'function "map" was removed in Terraform 0.15; write a map as { ... } or convert with tomap()'],
      ['warning', 'tf-unknown-function', 'function "no_such_function" is not supported by Palisade; its result is treated as unknown'],
    ],
  );
});

test('a declaration label that is not a name is an error; the block is still declared', () => {
  const r = analyze({
    'main.tf': 'module " aws_s3_object" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\nresource "aws_s3_bucket" "2logs" {\n  bucket = "logs"\n}\nvariable "ok-name_1" {\n  default = 1\n}\nvariable "größe" {\n  default = 2\n}\nvariable "_private" {\n  default = 3\n}\n',
  });
  const bad = r.diagnostics.filter((d) => d.code === 'tf-invalid-name');
  assert.deepEqual(bad.map((d) => [d.severity, d.message.split(':')[0]]), [
    ['error', 'invalid module name " aws_s3_object"'],
    ['error', 'invalid resource name "2logs"'],
  ]);
  assert.ok(r.model.resources.some((x) => x.address === 'aws_s3_bucket.2logs'));
  assert.ok((r.model.modules ?? []).some((m) => m.address === 'module. aws_s3_object'));
});
