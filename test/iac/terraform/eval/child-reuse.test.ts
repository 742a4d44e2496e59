// Fix verification analyses a unit again after each candidate edit, reusing the walks of child
// modules whose files and inputs did not change (child-reuse.ts). Every analysis here is compared
// with a plain one of the same files: model, source maps and the set of diagnostics must be the
// same, whether the child was replayed or evaluated again — a stale replay fails the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTerraformModule, analyzeTerraformModuleReusing, ChildEvaluations } from '../../../../server/src/iac/terraform';
import type { TerraformUnitResult } from '../../../../server/src/iac/terraform/api';
import { comparable, wsHost } from './memory-host';

const ROOT = `variable "env" {}
variable "other" {}
locals {
  prefix = "app"
}
resource "aws_s3_bucket" "root" {
  bucket = "\${local.prefix}-root"
}
module "child" {
  source = "./modules/child"
  name   = "\${local.prefix}-data"
  size   = 2
  env    = var.env
  tags   = { team = "core" }
}
resource "aws_sqs_queue" "q" {
  name = module.child.queue_name
}
`;

const CHILD = `variable "name" {
  type = string
}
variable "size" {
  type    = number
  default = 1
}
variable "env" {
  default = null
}
variable "tags" {
  type    = map(string)
  default = {}
}
locals {
  full = "\${var.name}-\${var.size}"
}
resource "aws_s3_bucket" "b" {
  count  = var.size
  bucket = "\${local.full}-\${count.index}"
  tags   = var.tags
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b[0].id
  versioning_configuration {
    status = var.env == "prod" ? "Enabled" : "Suspended"
  }
}
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.b[0].arn}/*"]
  }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b[0].id
  policy = data.aws_iam_policy_document.p.json
}
module "grand" {
  source = "./grand"
  label  = local.full
}
output "queue_name" {
  value = "\${local.full}-q"
}
`;

const GRAND = `variable "label" {}
resource "aws_sns_topic" "t" {
  name = var.label
}
`;

const BASE: Record<string, string> = { 'main.tf': ROOT, 'modules/child/main.tf': CHILD, 'modules/child/grand/main.tf': GRAND };
const options = { dir: '/ws', root: '/ws' };


/** Analyses `files` with `store` and plainly; asserts they agree; returns the instances whose walks were replayed. */
function analyseBoth(store: ChildEvaluations, files: Record<string, string>): { replayed: string[]; result: TerraformUnitResult } {
  const result = analyzeTerraformModuleReusing(wsHost(files), options, store);
  assert.deepStrictEqual(comparable(result), comparable(analyzeTerraformModule(wsHost(files), options)));
  return { replayed: store.lastReplayed, result };
}

const GRAND_ONLY = ['module.child.module.grand'];

const edit = (files: Record<string, string>, file: string, from: string, to: string): Record<string, string> => {
  assert.ok(files[file].includes(from), `${from} is in ${file}`);
  return { ...files, [file]: files[file].replace(from, to) };
};

function config(r: TerraformUnitResult, address: string): unknown {
  return [...r.model.resources, ...(r.model.data ?? [])].find((x) => x.address === address)?.config;
}

test('a root edit elsewhere replays the child and its grandchild, with the plain analysis\'s model, source maps and diagnostics', () => {
  const store = new ChildEvaluations();
  assert.deepEqual(analyseBoth(store, BASE).replayed, []);
  // Lines added above the call move every offset after it in main.tf.
  const edited = edit(BASE, 'main.tf', 'module "child" {', 'resource "aws_sns_topic" "extra" {\n  name = "x"\n}\n\nmodule "child" {');
  const { replayed, result } = analyseBoth(store, edited);
  assert.deepEqual(replayed, ['module.child']);
  assert.ok(result.model.resources.some((r) => r.address === 'module.child.module.grand.aws_sns_topic.t'));
  // Equal texts of the same edit, again: replayed again.
  assert.deepEqual(analyseBoth(store, edited).replayed, ['module.child']);
});

test('an input whose expression changes but whose value does not is replayed', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  assert.deepEqual(analyseBoth(store, edit(BASE, 'main.tf', 'name   = "${local.prefix}-data"', 'name   = "app-data"')).replayed, ['module.child']);
});

test('a changed input value (a count the child expands by) is evaluated again', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  const { replayed, result } = analyseBoth(store, edit(BASE, 'main.tf', 'size   = 2', 'size   = 3'));
  assert.deepEqual(replayed, []);
  assert.deepEqual((config(result, 'module.child.aws_s3_bucket.b[2]') as { bucket: string }).bucket, 'app-data-3-2');
});

test('a caller\'s local that feeds an input is followed: changing it evaluates the child again', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  const { replayed, result } = analyseBoth(store, edit(BASE, 'main.tf', 'prefix = "app"', 'prefix = "svc"'));
  assert.deepEqual(replayed, []);
  assert.equal((config(result, 'module.child.module.grand.aws_sns_topic.t') as { name: string }).name, 'svc-data-2');
});

test('an input given as a map: a changed key or value is evaluated again', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  const { replayed, result } = analyseBoth(store, edit(BASE, 'main.tf', '{ team = "core" }', '{ team = "edge" }'));
  // The grandchild's input (`local.full` of the child) does not read the tags.
  assert.deepEqual(replayed, GRAND_ONLY);
  assert.deepEqual((config(result, 'module.child.aws_s3_bucket.b[0]') as { tags: unknown }).tags, { team: 'edge' });
});

test('unknown inputs: the same unknown replays, an unknown from another expression does not', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  assert.deepEqual(analyseBoth(store, edit(BASE, 'main.tf', 'bucket = "${local.prefix}-root"', 'bucket = "other"')).replayed, ['module.child']);
  const { replayed } = analyseBoth(store, edit(BASE, 'main.tf', 'env    = var.env', 'env    = var.other'));
  assert.deepEqual(replayed, GRAND_ONLY);
  // An unknown replaced by a known value changes what the child's conditional gives.
  const known = analyseBoth(store, edit(BASE, 'main.tf', 'env    = var.env', 'env    = "prod"'));
  assert.deepEqual(known.replayed, GRAND_ONLY);
  assert.deepEqual((config(known.result, 'module.child.aws_s3_bucket_versioning.v') as { versioning_configuration: unknown }).versioning_configuration, [{ status: 'Enabled' }]);
});

test('an edit inside the child or the grandchild is evaluated again', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  const inChild = analyseBoth(store, edit(BASE, 'modules/child/main.tf', '"s3:GetObject"', '"s3:PutObject"'));
  assert.deepEqual(inChild.replayed, GRAND_ONLY);
  const inGrand = analyseBoth(store, edit(BASE, 'modules/child/grand/main.tf', 'name = var.label', 'name = "fixed"'));
  assert.deepEqual(inGrand.replayed, []);
  assert.equal((config(inGrand.result, 'module.child.module.grand.aws_sns_topic.t') as { name: string }).name, 'fixed');
});

test('a diagnostic about an input is placed in the caller\'s text as it is after the edit', () => {
  // `tags` is read by the child's resources only (not by the output the caller reads).
  const bad = edit(BASE, 'main.tf', '{ team = "core" }', '"not a map"');
  const store = new ChildEvaluations();
  const first = analyseBoth(store, bad).result;
  assert.ok(first.diagnostics.some((d) => d.code === 'tf-variable-type' && d.file === 'main.tf'));
  const moved = analyseBoth(store, edit(bad, 'main.tf', 'locals {', '# a comment that moves the call\nlocals {'));
  // (Equal to the plain analysis, so the diagnostic moved with the text; the replay held: the value is the same.)
  assert.deepEqual(moved.replayed, ['module.child']);
});

test('a file the child reads through a function is part of what must be unchanged', () => {
  const files = {
    ...edit(BASE, 'modules/child/main.tf', 'output "queue_name" {', 'resource "aws_iam_policy" "f" {\n  policy = file("${path.module}/policy.json")\n}\noutput "queue_name" {'),
    'modules/child/policy.json': '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
  };
  const store = new ChildEvaluations();
  analyseBoth(store, files);
  assert.deepEqual(analyseBoth(store, edit(files, 'main.tf', 'bucket = "${local.prefix}-root"', 'bucket = "b"')).replayed, ['module.child']);
  const changed = analyseBoth(store, edit(files, 'modules/child/policy.json', 's3:GetObject', 's3:*'));
  assert.deepEqual(changed.replayed, GRAND_ONLY);
  assert.deepEqual((config(changed.result, 'module.child.aws_iam_policy.f') as { policy: { Statement: { Action: string }[] } }).policy.Statement[0].Action, 's3:*');
});

test('instances of a call with for_each: an added key is evaluated, the others replay', () => {
  const multi = edit(BASE, 'main.tf', '  size   = 2\n', '  for_each = toset(["a", "b"])\n  size   = 1\n');
  const files = edit(multi, 'main.tf', 'module.child.queue_name', 'module.child["a"].queue_name');
  const store = new ChildEvaluations();
  analyseBoth(store, files);
  const { replayed, result } = analyseBoth(store, edit(files, 'main.tf', '["a", "b"]', '["a", "b", "c"]'));
  assert.deepEqual(replayed, ['module.child["a"]', 'module.child["b"]']);
  assert.ok(result.model.resources.some((r) => r.address === 'module.child["c"].aws_s3_bucket.b[0]'));
});

test('a cycle anywhere means nothing is recorded or replayed (values would depend on evaluation order)', () => {
  const withLocals = edit(BASE, 'modules/child/main.tf', 'locals {', 'locals {\n  a = local.b\n  b = local.a\n');
  const used = edit(withLocals, 'modules/child/main.tf', 'tags   = var.tags', 'tags   = { x = local.a }');
  const store = new ChildEvaluations();
  const first = analyseBoth(store, used).result;
  assert.ok(first.diagnostics.some((d) => d.code === 'tf-local-cycle'));
  assert.equal(store.size, 0);
  assert.deepEqual(analyseBoth(store, edit(used, 'main.tf', 'bucket = "${local.prefix}-root"', 'bucket = "b"')).replayed, []);
});

test('a child output the caller stops reading after the edit leaves no diagnostic behind', () => {
  // The output's error is the caller's business only while the caller reads it.
  const files = edit(BASE, 'modules/child/main.tf', 'output "queue_name" {', 'output "broken" {\n  value = local.missing\n}\noutput "queue_name" {');
  const reading = edit(files, 'main.tf', 'name = module.child.queue_name', 'name = module.child.broken');
  const store = new ChildEvaluations();
  const first = analyseBoth(store, reading).result;
  assert.ok(first.diagnostics.some((d) => d.file === 'modules/child/main.tf' && d.message.includes('missing')));
  const second = analyseBoth(store, files);
  assert.deepEqual(second.replayed, ['module.child']);
  assert.ok(!second.result.diagnostics.some((d) => d.message.includes('missing')));
});

test('a run that replayed and then meets a cycle is done again without replaying', () => {
  const store = new ChildEvaluations();
  analyseBoth(store, BASE);
  const redone = store.stats.redone;
  const cyclic = edit(BASE, 'main.tf', 'prefix = "app"', 'prefix = "app"\n  x      = local.y\n  y      = local.x');
  const withUse = edit(cyclic, 'main.tf', 'bucket = "${local.prefix}-root"', 'bucket = local.x');
  const { replayed, result } = analyseBoth(store, withUse);
  assert.ok(result.diagnostics.some((d) => d.code === 'tf-local-cycle'));
  assert.equal(store.stats.redone, redone + 1);
  assert.deepEqual(replayed, []);
});
