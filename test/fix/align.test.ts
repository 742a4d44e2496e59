// Inserted attribute lines are aligned as `terraform fmt` aligns them, so a fixed file passes
// `terraform fmt -check` where that needs no edit of existing lines; a run in the user's own style
// is left as it is (fix/align.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignInsertedAttributes } from '../../server/src/fix/align';
import { applyEdits } from '../../server/src/fix';
import { parseTerraform } from '../../server/src/iac/terraform';

function insertAfter(text: string, anchor: string, ...lines: string[]) {
  const at = text.indexOf(anchor) + anchor.length;
  return lines.map((l) => ({ start: at, end: at, newText: `\n${l}` }));
}

function aligned(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const file = parseTerraform(text, '/m/main.tf');
  const out = alignInsertedAttributes(file, edits);
  return applyEdits(text, out.map((e) => ({ ...e, file: 'main.tf' })));
}

test('an inserted attribute takes the column of the aligned run it joins', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket        = "b"\n  force_destroy = true\n}\n';
  const out = aligned(text, insertAfter(text, 'force_destroy = true', '  acl = "private"'));
  assert.equal(out, 'resource "aws_s3_bucket" "b" {\n  bucket        = "b"\n  force_destroy = true\n  acl           = "private"\n}\n');
});

test('a key longer than the run\'s is inserted as it is: existing lines are never edited', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n\n  tags = {}\n}\n';
  const out = aligned(text, insertAfter(text, 'acl    = "private"', '  object_lock_enabled = true'));
  assert.equal(out, 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n  object_lock_enabled = true\n\n  tags = {}\n}\n');
});

test('several keys longer than the run\'s that end it go after a blank line, aligned among themselves', () => {
  // terraform-aws-modules' vpc call with VPC-009's module inputs after its last attribute.
  const call = 'module "vpc" {\n  source = "x"\n\n  tags = local.tags\n}\n';
  const many = aligned(call, insertAfter(call, 'tags = local.tags', '  enable_flow_log = true', '  create_flow_log_cloudwatch_iam_role = true'));
  assert.equal(many, 'module "vpc" {\n  source = "x"\n\n  tags = local.tags\n\n  enable_flow_log                     = true\n  create_flow_log_cloudwatch_iam_role = true\n}\n');
});

test('longer keys inserted inside a run are left as they are: existing lines are never edited', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n';
  const out = aligned(text, insertAfter(text, 'bucket = "b"', '  object_lock_enabled = true', '  force_destroy = true'));
  assert.equal(out, 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  object_lock_enabled = true\n  force_destroy = true\n  acl    = "private"\n}\n');
});

test('attributes added together to an empty block are aligned with each other', () => {
  const text = 'resource "aws_mq_broker" "b" {\n  encryption_options {\n  }\n}\n';
  const out = aligned(text, insertAfter(text, 'encryption_options {', '    use_aws_owned_key = false', '    kms_key_id = aws_kms_key.b.arn'));
  assert.equal(out, 'resource "aws_mq_broker" "b" {\n  encryption_options {\n    use_aws_owned_key = false\n    kms_key_id        = aws_kms_key.b.arn\n  }\n}\n');
});

test('a run in the user\'s own style, multi-line values and other indents are left alone', () => {
  const mine = 'resource "x" "y" {\n  a = 1\n  bbbb = 2\n}\n';
  assert.equal(aligned(mine, insertAfter(mine, 'bbbb = 2', '  cc = 3')), 'resource "x" "y" {\n  a = 1\n  bbbb = 2\n  cc = 3\n}\n');
  const multi = 'resource "x" "y" {\n  a = 1\n}\n';
  const block = insertAfter(multi, 'a = 1', '  tags = {\n    k = "v"\n  }');
  assert.equal(aligned(multi, block), 'resource "x" "y" {\n  a = 1\n  tags = {\n    k = "v"\n  }\n}\n');
});
