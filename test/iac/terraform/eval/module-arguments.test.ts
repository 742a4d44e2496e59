// A module call's arguments are evaluated once per run: the model's configuration of the call
// (moduleCallConfig) keeps the values, and the child's variables take them instead of evaluating
// the same expressions again (module-calls.ts). Each analysis here is compared with a plain one
// of the same files, and the values that must come out are spelled out: an argument taken from the
// wrong instance, a diagnostic lost or repeated, or a replay that missed what a nested call's
// argument read would fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTerraformModule, analyzeTerraformModuleReusing, ChildEvaluations } from '../../../../server/src/iac/terraform';
import type { TerraformUnitResult } from '../../../../server/src/iac/terraform/api';
import { comparable, wsHost } from './memory-host';

const options = { dir: '/ws', root: '/ws' };


function analyseBoth(store: ChildEvaluations, files: Record<string, string>): { replayed: string[]; result: TerraformUnitResult } {
  const result = analyzeTerraformModuleReusing(wsHost(files), options, store);
  assert.deepStrictEqual(comparable(result), comparable(analyzeTerraformModule(wsHost(files), options)));
  return { replayed: store.lastReplayed, result };
}

function bucketOf(r: TerraformUnitResult, address: string): unknown {
  return (r.model.resources.find((x) => x.address === address)?.config as { bucket?: unknown } | undefined)?.bucket;
}

const edit = (files: Record<string, string>, file: string, from: string, to: string): Record<string, string> => {
  assert.ok(files[file].includes(from), `${from} is in ${file}`);
  return { ...files, [file]: files[file].replace(from, to) };
};

const LEAF = `variable "name" {
  type = string
}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
output "name" {
  value = var.name
}
`;

test('each instance of a call gives its child the argument evaluated with its own count.index / each', () => {
  const files = {
    'main.tf': `module "e" {
  for_each = toset(["a", "b"])
  source   = "./leaf"
  name     = "e-\${each.key}"
}
module "c" {
  count  = 2
  source = "./leaf"
  name   = "c-\${count.index}"
}
`,
    'leaf/main.tf': LEAF,
  };
  const { result } = analyseBoth(new ChildEvaluations(), files);
  assert.equal(bucketOf(result, 'module.e["a"].aws_s3_bucket.b'), 'e-a');
  assert.equal(bucketOf(result, 'module.e["b"].aws_s3_bucket.b'), 'e-b');
  assert.equal(bucketOf(result, 'module.c[0].aws_s3_bucket.b'), 'c-0');
  assert.equal(bucketOf(result, 'module.c[1].aws_s3_bucket.b'), 'c-1');
  assert.deepEqual(result.model.modules!.map((m) => m.config.name), ['e-a', 'e-b', 'c-0', 'c-1']);
});

test('an argument\'s diagnostic is reported once, where the argument is, and moves with an edit above it', () => {
  const files = { 'main.tf': 'module "m" {\n  source = "./leaf"\n  name   = local.nope\n}\n', 'leaf/main.tf': LEAF };
  const store = new ChildEvaluations();
  const first = analyseBoth(store, files).result;
  const at = files['main.tf'].indexOf('local.nope');
  assert.deepEqual(first.diagnostics.filter((d) => d.code === 'tf-undeclared-local').map((d) => [d.file, d.start]), [['main.tf', at]]);
  const moved = analyseBoth(store, edit(files, 'main.tf', 'module "m" {', '# moved\nmodule "m" {'));
  assert.deepEqual(moved.replayed, ['module.m']);
  assert.deepEqual(moved.result.diagnostics.filter((d) => d.code === 'tf-undeclared-local').map((d) => d.start), [at + 8]);
});

test('a variable resolved before its call\'s configuration (the caller reads an output first) has the same value', () => {
  const files = {
    'main.tf': `locals {
  from_output = module.m.name
}
module "m" {
  source = "./leaf"
  name   = "\${upper("x")}-y"
}
resource "aws_sqs_queue" "q" {
  name = local.from_output
}
`,
    'leaf/main.tf': LEAF,
  };
  const { result } = analyseBoth(new ChildEvaluations(), files);
  assert.equal(result.model.locals!.from_output, 'X-y');
  assert.equal(bucketOf(result, 'module.m.aws_s3_bucket.b'), 'X-y');
});

test('a nested call\'s argument that reads its caller\'s variable: a change of that variable is not replayed', () => {
  // The grandchild's argument is evaluated in the child's model walk and taken by the grandchild's
  // variable; the child's recorded walk must still list `var.prefix` among what it used.
  const files = {
    'main.tf': 'module "mid" {\n  source = "./mid"\n  prefix = "one"\n  other  = "o"\n}\n',
    'mid/main.tf': `variable "prefix" {}
variable "other" {}
locals {
  label = "\${var.prefix}-leaf"
}
module "leaf" {
  source = "../leaf"
  name   = local.label
}
`,
    'leaf/main.tf': LEAF,
  };
  const store = new ChildEvaluations();
  analyseBoth(store, files);
  // An input the walk never reads: replayed.
  assert.deepEqual(analyseBoth(store, edit(files, 'main.tf', 'other  = "o"', 'other  = "p"')).replayed, ['module.mid']);
  const changed = analyseBoth(store, edit(files, 'main.tf', 'prefix = "one"', 'prefix = "two"'));
  assert.deepEqual(changed.replayed, []);
  assert.equal(bucketOf(changed.result, 'module.mid.module.leaf.aws_s3_bucket.b'), 'two-leaf');
});
