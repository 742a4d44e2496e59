// Rendering of fix operations into Terraform text: exact output, with the user's comments and
// odd formatting kept and every byte outside the edit untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/fix';
import { renderOperations } from '../../server/src/fix/terraform-render';
import { blockAt } from '../../server/src/fix/terraform-locate';
import { parseTerraform } from '../../server/src/iac/terraform';
import type { FixOperation } from '../../server/src/policy';

/** Renders `ops` against the first block of `text` (or the block starting with `header`). */
function render(text: string, ops: FixOperation[], header?: string): { text?: string; reason?: string } {
  const file = parseTerraform(text, '/ws/main.tf');
  const start = header ? text.indexOf(header) : file.body.items[0].start;
  const block = blockAt(file, start);
  assert.ok(block, 'test block found');
  const r = renderOperations({ file, block, address: 'aws_x.y' }, ops);
  if (!r.ok) return { reason: r.reason };
  const out = applyEdits(text, r.edits.map((e) => ({ file: 'main.tf', ...e })));
  assert.deepEqual(parseTerraform(out, '/ws/main.tf').diagnostics.filter((d) => d.severity === 'error'), [], `rendered text parses:\n${out}`);
  return { text: out };
}

const set = (path: (string | number)[], value: unknown): FixOperation => ({ op: 'set', path, value });

test('set replaces an existing value and keeps alignment and comments', () => {
  const text = 'resource "aws_kms_key" "k" {\n  description =    "x" # keep me\n  enable_key_rotation    =   false   # rotation\n}\n';
  assert.equal(render(text, [set(['enable_key_rotation'], true)]).text, text.replace('=   false', '=   true'));
});

test('set inserts a missing attribute after the last attribute, indented like its siblings', () => {
  const text = 'resource "aws_db_instance" "db" {\n    engine = "postgres" # pg\n    # a comment about the block\n    timeouts {\n      create = "1h"\n    }\n}\n';
  assert.equal(
    render(text, [set(['storage_encrypted'], true)]).text,
    'resource "aws_db_instance" "db" {\n    engine = "postgres" # pg\n    storage_encrypted = true\n    # a comment about the block\n    timeouts {\n      create = "1h"\n    }\n}\n',
  );
});

test('set into an empty body: on its own line, parent indent plus two', () => {
  assert.equal(render('resource "a" "b" {\n}\n', [set(['enabled'], true)]).text, 'resource "a" "b" {\n  enabled = true\n}\n');
  assert.equal(render('resource "a" "b" {}\n', [set(['enabled'], true)]).text, 'resource "a" "b" {\n  enabled = true\n}\n');
});

test('set creates missing nested blocks along the path, after the last item with a blank line', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
  assert.equal(
    render(text, [set(['versioning', 0, 'enabled'], true)]).text,
    'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n\n  versioning {\n    enabled = true\n  }\n}\n',
  );
  assert.equal(
    render(text, [set(['server_side_encryption_configuration', 0, 'rule', 0, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm'], 'aws:kms')]).text,
    'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "aws:kms"\n      }\n    }\n  }\n}\n',
  );
});

test('set walks through existing nested blocks by index', () => {
  const text = 'resource "aws_security_group" "sg" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
  assert.equal(render(text, [set(['ingress', 1, 'cidr_blocks', 0], '10.0.0.0/8')]).text, text.replace('["0.0.0.0/0"]', '["10.0.0.0/8"]'));
  assert.equal(render(text, [set(['ingress', 0, 'description'], 'ssh')]).text, text.replace('from_port = 22\n', 'from_port   = 22\n    description = "ssh"\n'));
  assert.match(render(text, [set(['ingress', 3, 'description'], 'x')]).reason ?? '', /has 2 block\(s\), not 4/);
});

test('set in a one-line block body rewrites the body as lines', () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  versioning { enabled = false }\n}\n';
  assert.equal(render(text, [set(['versioning', 0, 'mfa_delete'], true)]).text, 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled    = false\n    mfa_delete = true\n  }\n}\n');
});

test('set inside object attributes: replace a key, add a key (multi-line and one-line objects)', () => {
  const multi = 'resource "a" "b" {\n  tags = {\n    Name = "x" # name\n  }\n}\n';
  assert.equal(render(multi, [set(['tags', 'Name'], 'y')]).text, multi.replace('"x"', '"y"'));
  assert.equal(render(multi, [set(['tags', 'Owner'], 'sec')]).text, 'resource "a" "b" {\n  tags = {\n    Name  = "x" # name\n    Owner = "sec"\n  }\n}\n');
  const one = 'resource "a" "b" {\n  tags = { Name = "x" }\n}\n';
  assert.equal(render(one, [set(['tags', 'Owner'], 'sec')]).text, 'resource "a" "b" {\n  tags = { Name = "x", Owner = "sec" }\n}\n');
  assert.equal(render('resource "a" "b" {\n  tags = {}\n}\n', [set(['tags', 'k-1'], 'v')]).text, 'resource "a" "b" {\n  tags = { "k-1" = "v" }\n}\n');
});

test('values: escaping (incl. ${ and %{), numbers, lists, objects and raw expressions', () => {
  const text = 'resource "a" "b" {\n  v = 1\n}\n';
  assert.equal(render(text, [set(['v'], 'a${b}%{c}"d\\e\nf')]).text, 'resource "a" "b" {\n  v = "a$${b}%%{c}\\"d\\\\e\\nf"\n}\n');
  assert.equal(render(text, [set(['v'], 7.5)]).text, 'resource "a" "b" {\n  v = 7.5\n}\n');
  assert.equal(render(text, [set(['v'], ['a', 1, null])]).text, 'resource "a" "b" {\n  v = ["a", 1, null]\n}\n');
  assert.equal(render(text, [set(['v'], { $expr: 'aws_s3_bucket.logs.id' })]).text, 'resource "a" "b" {\n  v = aws_s3_bucket.logs.id\n}\n');
  assert.equal(render(text, [set(['v'], { Name: 'x', 'a b': true })]).text, 'resource "a" "b" {\n  v = {\n    Name = "x"\n    "a b" = true\n  }\n}\n');
});

test('remove deletes whole lines (comments above stay), blocks, list elements and object keys', () => {
  const text = 'resource "a" "b" {\n  # why acl\n  acl    = "public-read" # trailing\n  bucket = "x"\n}\n';
  assert.equal(render(text, [{ op: 'remove', path: ['acl'] }]).text, 'resource "a" "b" {\n  # why acl\n  bucket = "x"\n}\n');
  const sg = 'resource "aws_security_group" "sg" {\n  name = "x"\n\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n  }\n}\n';
  assert.equal(render(sg, [{ op: 'remove', path: ['ingress', 0] }]).text, 'resource "aws_security_group" "sg" {\n  name = "x"\n\n  ingress {\n    from_port = 443\n  }\n}\n');
  const list = 'resource "a" "b" {\n  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0", "192.168.0.0/16"]\n}\n';
  assert.equal(render(list, [{ op: 'remove', path: ['cidr_blocks', 1] }]).text, 'resource "a" "b" {\n  cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]\n}\n');
  assert.equal(render(list, [{ op: 'remove', path: ['cidr_blocks', 2] }]).text, 'resource "a" "b" {\n  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]\n}\n');
  const lines = 'resource "a" "b" {\n  cidr_blocks = [\n    "10.0.0.0/8",\n    "0.0.0.0/0", # open\n  ]\n}\n';
  assert.equal(render(lines, [{ op: 'remove', path: ['cidr_blocks', 1] }]).text, 'resource "a" "b" {\n  cidr_blocks = [\n    "10.0.0.0/8",\n  ]\n}\n');
  const obj = 'resource "a" "b" {\n  tags = { A = 1, B = 2 }\n}\n';
  assert.equal(render(obj, [{ op: 'remove', path: ['tags', 'A'] }]).text, 'resource "a" "b" {\n  tags = { B = 2 }\n}\n');
  assert.match(render(text, [{ op: 'remove', path: ['nope'] }]).reason ?? '', /does not exist/);
});

test('add_block: config rendered as HCL, lists of objects become nested blocks', () => {
  const text = 'resource "aws_instance" "web" {\n  ami           = "ami-1"\n  instance_type = "t3.micro"\n}\n';
  assert.equal(
    render(text, [{ op: 'add_block', path: [], type: 'metadata_options', config: { http_tokens: 'required', tags: { a: 'b' }, rule: [{ x: 1 }, { x: 2 }] } }]).text,
    'resource "aws_instance" "web" {\n  ami           = "ami-1"\n  instance_type = "t3.micro"\n\n  metadata_options {\n    http_tokens = "required"\n    tags = {\n      a = "b"\n    }\n    rule {\n      x = 1\n    }\n    rule {\n      x = 2\n    }\n  }\n}\n',
  );
});

test('add_block into an existing block of that type sets its attributes instead of duplicating it', () => {
  const text = 'resource "aws_instance" "web" {\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "optional" # old\n  }\n}\n';
  assert.equal(
    render(text, [{ op: 'add_block', path: [], type: 'metadata_options', config: { http_tokens: 'required' } }]).text,
    text.replace('"optional"', '"required"'),
  );
});

// Blocks that are entries of a list (an Elastic Beanstalk environment's `setting` options) are
// never merged: merging would overwrite another option (session 21: EB-002's fix replaced the
// only setting, the service role, with SystemType).
test('add_block with repeatable: true adds one more block beside the existing ones of its type', () => {
  const one = 'resource "aws_elastic_beanstalk_environment" "e" {\n  setting {\n    namespace = "ns"\n    name      = "ServiceRole"\n    value     = "r"\n  }\n}\n';
  const op: FixOperation = { op: 'add_block', path: [], type: 'setting', repeatable: true, config: { namespace: 'h', name: 'SystemType', value: 'enhanced' } };
  const added = '\n  setting {\n    namespace = "h"\n    name      = "SystemType"\n    value     = "enhanced"\n  }\n}\n';
  assert.equal(render(one, [op]).text, one.replace(/\n}\n$/, '\n' + added));
  const two = one.replace(/\n}\n$/, '\n\n  setting {\n    namespace = "ns"\n    name      = "X"\n    value     = "1"\n  }\n}\n');
  assert.equal(render(two, [op]).text, two.replace(/\n}\n$/, '\n' + added));
  const none = 'resource "aws_elastic_beanstalk_environment" "e" {\n  name = "e"\n}\n';
  assert.equal(render(none, [op]).text, 'resource "aws_elastic_beanstalk_environment" "e" {\n  name = "e"\n' + added);
});

test('add_resource: after the finding\'s block with one blank line, `=` aligned in new text; CRLF files keep CRLF', () => {
  const text = 'resource "aws_s3_bucket" "logs" {\n  bucket = "l"\n} # end\n\nresource "aws_s3_bucket" "other" {\n}\n';
  const op: FixOperation = { op: 'add_resource', type: 'aws_s3_bucket_public_access_block', name: 'logs', config: { bucket: { $expr: 'aws_s3_bucket.logs.id' }, block_public_acls: true } };
  assert.equal(
    render(text, [op]).text,
    'resource "aws_s3_bucket" "logs" {\n  bucket = "l"\n} # end\n\nresource "aws_s3_bucket_public_access_block" "logs" {\n  bucket            = aws_s3_bucket.logs.id\n  block_public_acls = true\n}\n\nresource "aws_s3_bucket" "other" {\n}\n',
  );
  const crlf = 'resource "a" "b" {\r\n  x = 1\r\n}\r\n';
  assert.equal(render(crlf, [set(['y'], true)]).text, 'resource "a" "b" {\r\n  x = 1\r\n  y = true\r\n}\r\n');
});

test('no fix for text that does not spell the value: variables, calls, dynamic blocks', () => {
  const text = [
    'resource "a" "b" {',
    '  enabled = var.enabled',
    '  policy  = jsonencode({ Statement = [] })',
    '  tags    = local.tags',
    '  dynamic "ingress" {',
    '    for_each = var.rules',
    '    content {',
    '      from_port = ingress.value',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  assert.match(render(text, [set(['enabled'], true)]).reason ?? '', /comes from var\.enabled/);
  assert.match(render(text, [set(['policy', 'Statement', 0], {})]).reason ?? '', /a call to jsonencode\(\)/);
  assert.match(render(text, [set(['tags', 'Owner'], 'x')]).reason ?? '', /reference \(local\.tags\)/);
  assert.match(render(text, [set(['ingress', 0, 'from_port'], 22)]).reason ?? '', /dynamic block/);
  assert.match(render(text, [{ op: 'frobnicate' }]).reason ?? '', /unknown fix operation/);
});

test('no removal of an attribute that reads an iteration value: other instances hold other values', () => {
  const text = [
    'resource "aws_ecs_task_definition" "t" {',
    '  for_each = var.tasks',
    '  pid_mode = each.value.pid',
    '  ipc_mode = var.ipc',
    '  network_mode = "host-${count.index}"',
    '}',
    '',
  ].join('\n');
  assert.match(render(text, [{ op: 'remove', path: ['pid_mode'] }]).reason ?? '', /comes from each\.value\.pid, which differs per instance/);
  assert.match(render(text, [{ op: 'remove', path: ['network_mode'] }]).reason ?? '', /comes from count\.index/);
  // A module-wide input is one value for every instance: its removal stays a plain edit.
  assert.equal(render(text, [{ op: 'remove', path: ['ipc_mode'] }]).text, text.replace('  ipc_mode = var.ipc\n', ''));
});

test('two operations that edit the same text are refused', () => {
  const text = 'resource "a" "b" {\n  x = 1\n}\n';
  assert.match(render(text, [set(['x'], 2), { op: 'remove', path: ['x'] }]).reason ?? '', /same text/);
  // Two insertions at the same place are fine and keep their order.
  assert.equal(render(text, [set(['y'], 1), set(['z'], 2)]).text, 'resource "a" "b" {\n  x = 1\n  y = 1\n  z = 2\n}\n');
});

test('add_resource / add_data beside a block with an aliased provider use that provider (same provider family only)', () => {
  const text = 'resource "aws_cloudwatch_log_metric_filter" "f" {\n  provider       = aws.root\n  log_group_name = "g"\n}\n';
  const add = (type: string, op: 'add_resource' | 'add_data' = 'add_resource'): FixOperation => ({ op, type, name: 'n', config: { name: 'x' } });
  assert.equal(
    render(text, [add('aws_cloudwatch_metric_alarm')]).text,
    `${text}\nresource "aws_cloudwatch_metric_alarm" "n" {\n  provider = aws.root\n  name     = "x"\n}\n`,
  );
  assert.equal(render(text, [add('aws_region', 'add_data')]).text, `${text}\ndata "aws_region" "n" {\n  provider = aws.root\n  name     = "x"\n}\n`);
  // Another provider's type, or a block on the default provider: nothing added.
  assert.equal(render(text, [add('random_id')]).text, `${text}\nresource "random_id" "n" {\n  name = "x"\n}\n`);
  const plain = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n';
  assert.equal(render(plain, [add('aws_s3_bucket_policy')]).text, `${plain}\nresource "aws_s3_bucket_policy" "n" {\n  name = "x"\n}\n`);
});
