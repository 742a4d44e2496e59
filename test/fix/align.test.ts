// A fix leaves the runs it touches as `terraform fmt` would write them (fix/align.ts): the `=` of
// consecutive one-line arguments one space after the longest key, trailing comments of
// consecutive lines one space after the longest line, a run in the author's own style left alone.
// The expected texts are written by hand from Terraform's style conventions (no terraform binary).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignEdits, realignEdits } from '../../server/src/fix/align';
import { applyEdits, type FixTextEdit } from '../../server/src/fix';
import { parseTerraform } from '../../server/src/iac/terraform';

type Edit = { start: number; end: number; newText: string; layout?: boolean };

function insertAfter(text: string, anchor: string, ...lines: string[]): Edit[] {
  const at = text.indexOf(anchor) + anchor.length;
  return lines.map((l) => ({ start: at, end: at, newText: `\n${l}` }));
}

/** Deletes the whole line(s) holding `what`. */
function removeLines(text: string, what: string): Edit {
  const at = text.indexOf(what);
  const start = text.lastIndexOf('\n', at) + 1;
  return { start, end: text.indexOf('\n', at + what.length) + 1, newText: '' };
}

function replace(text: string, what: string, by: string): Edit {
  const start = text.indexOf(what);
  return { start, end: start + what.length, newText: by };
}

function aligned(text: string, edits: Edit[]): string {
  const file = parseTerraform(text, '/m/main.tf');
  return applyEdits(text, alignEdits(file, edits).map((e) => ({ ...e, file: 'main.tf' })));
}

test('an inserted attribute takes the column of the aligned run it joins', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket        = "b"\n  force_destroy = true\n}\n';
  const out = aligned(text, insertAfter(text, 'force_destroy = true', '  acl = "private"'));
  assert.equal(out, 'resource "aws_s3_bucket" "b" {\n  bucket        = "b"\n  force_destroy = true\n  acl           = "private"\n}\n');
});

test('a key longer than the run\'s re-pads the run, with whitespace-only layout edits', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n\n  tags = {}\n}\n';
  const file = parseTerraform(text, '/m/main.tf');
  const edits = alignEdits(file, insertAfter(text, 'acl    = "private"', '  object_lock_enabled = true'));
  const layout = edits.filter((e) => e.layout);
  assert.equal(layout.length, 2);
  for (const e of layout) assert.match(text.slice(e.start, e.end) + e.newText, /^ +$/);
  const out = applyEdits(text, edits.map((e) => ({ ...e, file: 'main.tf' })));
  assert.equal(out, 'resource "aws_s3_bucket" "b" {\n  bucket              = "b"\n  acl                 = "private"\n  object_lock_enabled = true\n\n  tags = {}\n}\n');
});

test('several keys longer than the run\'s that end it go after a blank line, aligned among themselves', () => {
  // terraform-aws-modules' vpc call with VPC-009's module inputs after its last attribute.
  const call = 'module "vpc" {\n  source = "x"\n\n  tags = local.tags\n}\n';
  const many = aligned(call, insertAfter(call, 'tags = local.tags', '  enable_flow_log = true', '  create_flow_log_cloudwatch_iam_role = true'));
  assert.equal(many, 'module "vpc" {\n  source = "x"\n\n  tags = local.tags\n\n  enable_flow_log                     = true\n  create_flow_log_cloudwatch_iam_role = true\n}\n');
});

test('longer keys inserted inside a run re-pad the whole run', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n';
  const out = aligned(text, insertAfter(text, 'bucket = "b"', '  object_lock_enabled = true', '  force_destroy = true'));
  assert.equal(out, 'resource "aws_s3_bucket" "b" {\n  bucket              = "b"\n  object_lock_enabled = true\n  force_destroy       = true\n  acl                 = "private"\n}\n');
});

test('attributes added together to an empty block are aligned with each other', () => {
  const text = 'resource "aws_mq_broker" "b" {\n  encryption_options {\n  }\n}\n';
  const out = aligned(text, insertAfter(text, 'encryption_options {', '    use_aws_owned_key = false', '    kms_key_id = aws_kms_key.b.arn'));
  assert.equal(out, 'resource "aws_mq_broker" "b" {\n  encryption_options {\n    use_aws_owned_key = false\n    kms_key_id        = aws_kms_key.b.arn\n  }\n}\n');
});

test('a run in the author\'s own style keeps its style; a multi-line value ends a run', () => {
  const mine = 'resource "x" "y" {\n  a = 1\n  bbbb = 2\n}\n';
  assert.equal(aligned(mine, insertAfter(mine, 'bbbb = 2', '  cc = 3')), 'resource "x" "y" {\n  a = 1\n  bbbb = 2\n  cc = 3\n}\n');
  const padded = 'resource "x" "y" {\n  a      = 1\n  bbbb   = 2\n}\n';
  assert.equal(aligned(padded, insertAfter(padded, 'bbbb   = 2', '  cc = 3')), 'resource "x" "y" {\n  a      = 1\n  bbbb   = 2\n  cc = 3\n}\n');
  // Indented by four spaces: the formatter would rewrite these lines anyway, so they keep their style.
  const four = 'resource "x" "y" {\n    a = 1\n}\n';
  assert.equal(aligned(four, insertAfter(four, 'a = 1', '    bbb = 2')), 'resource "x" "y" {\n    a = 1\n    bbb = 2\n}\n');
  const multi = 'resource "x" "y" {\n  a = 1\n}\n';
  const block = insertAfter(multi, 'a = 1', '  tags = {\n    k = "v"\n  }');
  assert.equal(aligned(multi, block), 'resource "x" "y" {\n  a = 1\n  tags = {\n    k = "v"\n  }\n}\n');
});

test('removing the longest key of a run re-pads the rest', () => {
  const text = 'resource "aws_instance" "i" {\n  ami                         = "ami-1"\n  associate_public_ip_address = true\n  monitoring                  = true\n}\n';
  const out = aligned(text, [removeLines(text, 'associate_public_ip_address')]);
  assert.equal(out, 'resource "aws_instance" "i" {\n  ami        = "ami-1"\n  monitoring = true\n}\n');
});

test('removing a nested block between two runs aligns them as one', () => {
  const text = 'resource "x" "y" {\n  a = 1\n  block {\n    z = 1\n  }\n  cccc = 2\n}\n';
  const at = text.indexOf('  block {');
  const out = aligned(text, [{ start: at, end: text.indexOf('  cccc'), newText: '' }]);
  assert.equal(out, 'resource "x" "y" {\n  a    = 1\n  cccc = 2\n}\n');
});

test('a value that becomes several lines splits the run; the rest is re-padded', () => {
  const text = 'resource "x" "y" {\n  a        = 1\n  long_key = {}\n  b        = 2\n}\n';
  const out = aligned(text, [replace(text, '{}', '{\n    k = "v"\n  }')]);
  assert.equal(out, 'resource "x" "y" {\n  a = 1\n  long_key = {\n    k = "v"\n  }\n  b = 2\n}\n');
  // A shorter key whose value now spans lines gets one space before its `=`, as the formatter writes it.
  const list = 'resource "x" "y" {\n  actions   = ["s3:*"]\n  resources = ["*"]\n}\n';
  assert.equal(aligned(list, [replace(list, '["s3:*"]', '[\n    "s3:GetObject",\n  ]')]), 'resource "x" "y" {\n  actions = [\n    "s3:GetObject",\n  ]\n  resources = ["*"]\n}\n');
});

test('trailing comments stay aligned when a value changes length', () => {
  const text = 'resource "x" "y" {\n  a = false # one\n  b = 1     # two\n}\n';
  const out = aligned(text, [replace(text, 'false', 'true')]);
  assert.equal(out, 'resource "x" "y" {\n  a = true # one\n  b = 1    # two\n}\n');
  // The `=` moves for a longer key; the comments move with their lines and stay aligned.
  const run = 'resource "x" "y" {\n  a  = 1 # one\n  bb = 2 # two\n}\n';
  assert.equal(aligned(run, insertAfter(run, '2 # two', '  cccc = 3')), 'resource "x" "y" {\n  a    = 1 # one\n  bb   = 2 # two\n  cccc = 3\n}\n');
});

test('a heredoc argument belongs to the run it starts in, its text is never touched', () => {
  const text = 'resource "x" "y" {\n  a      = 1\n  policy = <<EOF\nk = 1\nEOF\n  b      = 2\n}\n';
  const out = aligned(text, insertAfter(text, 'b      = 2', '  longer_key = 3'));
  assert.equal(out, 'resource "x" "y" {\n  a          = 1\n  policy     = <<EOF\nk = 1\nEOF\n  b          = 2\n  longer_key = 3\n}\n');
});

test('a comment line or a blank line ends a run; tab-indented runs are left alone', () => {
  const text = 'resource "x" "y" {\n  a = 1\n  # note\n  b = 2\n\n  c = 3\n}\n';
  const out = aligned(text, insertAfter(text, 'b = 2', '  dddd = 4'));
  assert.equal(out, 'resource "x" "y" {\n  a = 1\n  # note\n  b    = 2\n  dddd = 4\n\n  c = 3\n}\n');
  const tabs = 'resource "x" "y" {\n\ta = 1\n}\n';
  assert.equal(aligned(tabs, insertAfter(tabs, 'a = 1', '\tbbb = 2')), 'resource "x" "y" {\n\ta = 1\n\tbbb = 2\n}\n');
});

test('fix-all: two fixes re-padding one run combine by their content edits, padded for both', () => {
  const text = 'resource "aws_db_instance" "d" {\n  engine = "mysql"\n  name   = "d"\n}\n';
  const file = parseTerraform(text, '/m/main.tf');
  const at = (e: Edit): FixTextEdit => ({ ...e, file: 'main.tf' });
  const one = alignEdits(file, insertAfter(text, 'name   = "d"', '  storage_encrypted = true')).map(at);
  const two = alignEdits(file, insertAfter(text, 'name   = "d"', '  backup_retention_period = 7')).map(at);
  // Alone, each re-pads the run to its own key, so their layout edits overlap.
  assert.ok(one.some((e) => e.layout) && two.some((e) => e.layout));
  const both = realignEdits([...one, ...two].filter((e) => !e.layout), () => file);
  assert.equal(
    applyEdits(text, both),
    'resource "aws_db_instance" "d" {\n  engine                  = "mysql"\n  name                    = "d"\n  storage_encrypted       = true\n  backup_retention_period = 7\n}\n',
  );
});

test('CRLF files: runs are re-padded the same way', () => {
  const text = 'resource "x" "y" {\r\n  a = 1\r\n}\r\n';
  const out = aligned(text, insertAfter(text, 'a = 1', '  bbb = 2').map((e) => ({ ...e, newText: e.newText.replace(/\n/g, '\r\n') })));
  assert.equal(out, 'resource "x" "y" {\r\n  a   = 1\r\n  bbb = 2\r\n}\r\n');
});

test('fix-all: an argument and a block inserted at one place by two fixes go arguments first', () => {
  // EC2-001 adds metadata_options, EC2-005 sets monitoring: both after the last argument.
  const text = 'resource "aws_instance" "i" {\n  ami           = "ami-1"\n  instance_type = "t3.nano"\n}\n';
  const file = parseTerraform(text, '/m/main.tf');
  const at = text.indexOf('"t3.nano"') + '"t3.nano"'.length;
  const block: FixTextEdit = { file: 'main.tf', start: at, end: at, newText: '\n\n  metadata_options {\n    http_tokens = "required"\n  }' };
  const monitoring: FixTextEdit = { file: 'main.tf', start: at, end: at, newText: '\n  monitoring = true' };
  assert.equal(
    applyEdits(text, realignEdits([block, monitoring], () => file)),
    'resource "aws_instance" "i" {\n  ami           = "ami-1"\n  instance_type = "t3.nano"\n  monitoring    = true\n\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
  );
});
