import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, offsetOf } from './memory-host';

const MAIN = `locals {
  prefix = "corp-\${var.env}"
}

resource "aws_s3_bucket" "b" {
  bucket = "\${local.prefix}-logs"
  acl    = var.acl
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  name   = aws_s3_bucket.b.bucket
  region = var.region
}
`;
const VARS = `variable "env" {
  default = "dev"
}

variable "acl" {
  default = "private"
}

variable "region" {}
`;

function setup() {
  return analyze(
    { 'main.tf': MAIN, 'variables.tf': VARS, 'terraform.tfvars': '# values\nenv = "prod"\n', 'prod.tfvars': 'x = 1\nacl = "public-read"\n' },
    { varFiles: ['/ws/prod.tfvars'] },
  );
}

test('hover on var.x says which file and line the value came from', () => {
  const r = setup();
  const env = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'var.env') + 5)!;
  assert.equal(env.expr, 'var.env');
  assert.equal(env.value, 'prod');
  assert.deepEqual(env.range, { file: 'main.tf', start: offsetOf(MAIN, 'var.env'), end: offsetOf(MAIN, 'var.env') + 7 });
  assert.ok(env.origin.some((l) => l.includes('terraform.tfvars:2')), env.origin.join('\n'));
  const acl = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'var.acl'))!;
  assert.ok(acl.origin.some((l) => l.includes('prod.tfvars:2')), acl.origin.join('\n'));
  const region = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'var.region'))!;
  assert.deepEqual(region.origin, ['unknown: variable `region` has no value']);
});

test('hover on a default value names the variables.tf line', () => {
  const r = analyze({ 'main.tf': MAIN, 'variables.tf': VARS });
  const acl = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'var.acl'))!;
  assert.equal(acl.value, 'private');
  assert.ok(acl.origin.some((l) => l.includes('default in variables.tf:6')), acl.origin.join('\n'));
});

test('hover on local.y gives its definition and value; on the whole value it explains parts', () => {
  const r = setup();
  const local = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'local.prefix') + 2)!;
  assert.equal(local.expr, 'local.prefix');
  assert.equal(local.value, 'corp-prod');
  assert.ok(local.origin.some((l) => l.includes('main.tf:2')), local.origin.join('\n'));
  const whole = r.describeAt('/ws/main.tf', offsetOf(MAIN, '-logs'))!;
  assert.equal(whole.expr, '"${local.prefix}-logs"');
  assert.equal(whole.value, 'corp-prod-logs');
});

test('hover on resource references: computed vs configured', () => {
  const r = setup();
  const id = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'aws_s3_bucket.b.id'))!;
  assert.deepEqual(id.value, { $unknown: 'aws_s3_bucket.b.id' });
  assert.ok(id.origin.includes('unknown: computed attribute `id` of aws_s3_bucket.b'), id.origin.join('\n'));
  const name = r.describeAt('/ws/main.tf', offsetOf(MAIN, 'aws_s3_bucket.b.bucket'))!;
  assert.equal(name.value, 'corp-prod-logs');
  assert.ok(name.origin.some((l) => l.includes('aws_s3_bucket.b declared in main.tf:5')), name.origin.join('\n'));
});

test('hover outside any expression answers nothing', () => {
  const r = setup();
  assert.equal(r.describeAt('/ws/main.tf', offsetOf(MAIN, 'resource "aws_s3_bucket_policy"')), undefined);
  assert.equal(r.describeAt('/ws/other.tf', 0), undefined);
});

test('hover on a module output names the output declaration', () => {
  const main = 'module "m" {\n  source = "./mod"\n}\nresource "a_b" "c" {\n  x = module.m.name\n}\n';
  const r = analyze({ 'main.tf': main, 'mod/main.tf': 'output "name" {\n  value = "n1"\n}\n' });
  const h = r.describeAt('/ws/main.tf', offsetOf(main, 'module.m.name'))!;
  assert.equal(h.value, 'n1');
  assert.deepEqual(h.origin, ['output `name` of module.m defined in mod/main.tf:1']);
});
