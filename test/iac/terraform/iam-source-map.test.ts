// Source maps inside IAM policy documents: jsonencode objects, JSON strings (heredoc and quoted)
// and aws_iam_policy_document statement blocks map Statement[i].Action/Resource/… to their text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceMapNode } from '../../../server/src/iac/model';
import { analyze } from './eval/memory-host';
import { literalOffsets, readJsonSpans } from '../../../server/src/iac/terraform/json-spans';

function nodeAt(root: SourceMapNode | undefined, path: (string | number)[]): SourceMapNode | undefined {
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.items?.[step] : node?.fields?.[step];
  return node;
}

/** The source text of the node's value (or whole range) at `path` inside `address`. */
function textAt(files: Record<string, string>, address: string, path: (string | number)[]): string | undefined {
  const r = analyze(files);
  const node = nodeAt(r.sourceMaps.get(address), path);
  if (!node) return undefined;
  const range = node.valueRange ?? node.range;
  return files[range.file].slice(range.start, range.end);
}

const JSONENCODE = `resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = "*"
      },
      {
        "Effect" = "Deny"
        Action   = "iam:*"
        Resource = ["arn:aws:s3:::x"]
      },
    ]
  })
}
`;

test('jsonencode: statement parts and list elements map to their HCL text', () => {
  const files = { 'main.tf': JSONENCODE };
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy', 'Statement', 0, 'Resource']), '"*"');
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy', 'Statement', 0, 'Action', 1]), '"s3:ListBucket"');
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy', 'Statement', 1, 'Effect']), '"Deny"');
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy', 'Statement', 1, 'Resource', 0]), '"arn:aws:s3:::x"');
  // The attribute itself still spans the whole call.
  assert.match(textAt(files, 'aws_iam_policy.p', ['policy'])!, /^jsonencode\(\{[\s\S]*\}\)$/);
});

const HEREDOC = `resource "aws_iam_role_policy" "p" {
  role   = "r"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:PutObject"],
          "Resource": "*"
        }
      ]
    }
  EOF
}
`;

test('heredoc JSON (indented): JSON offsets map back into the file', () => {
  const files = { 'main.tf': HEREDOC };
  assert.equal(textAt(files, 'aws_iam_role_policy.p', ['policy', 'Statement', 0, 'Resource']), '"*"');
  assert.equal(textAt(files, 'aws_iam_role_policy.p', ['policy', 'Statement', 0, 'Action', 1]), '"s3:PutObject"');
  const r = analyze(files);
  const effect = nodeAt(r.sourceMaps.get('aws_iam_role_policy.p'), ['policy', 'Statement', 0, 'Effect'])!;
  assert.equal(HEREDOC.slice(effect.nameRange!.start, effect.nameRange!.end), '"Effect"');
  assert.equal(HEREDOC.slice(effect.range.start, effect.range.end), '"Effect": "Allow"');
});

test('quoted JSON string with escapes maps each element', () => {
  const text = `resource "aws_iam_policy" "q" {
  policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}]}"
}
`;
  const files = { 'main.tf': text };
  assert.equal(textAt(files, 'aws_iam_policy.q', ['policy', 'Statement', 0, 'Action']), '\\"s3:*\\"');
  assert.equal(textAt(files, 'aws_iam_policy.q', ['policy', 'Statement', 0, 'Resource']), '\\"*\\"');
});

test('a JSON string with interpolation maps each element, the interpolation included', () => {
  const text = `variable "b" { default = "x" }
variable "unset" {}
resource "aws_iam_policy" "q" {
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::\${var.b}"}]}
EOF
}
resource "aws_iam_policy" "u" {
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": \${var.unset}}]}
EOF
}
`;
  const files = { 'main.tf': text };
  assert.equal(textAt(files, 'aws_iam_policy.q', ['policy', 'Statement', 0, 'Action']), '"s3:*"');
  assert.equal(textAt(files, 'aws_iam_policy.q', ['policy', 'Statement', 0, 'Resource']), '"arn:aws:s3:::${var.b}"');
  // An unquoted interpolation is one JSON value: its node is the interpolation.
  assert.equal(textAt(files, 'aws_iam_policy.u', ['policy', 'Statement', 0, 'Resource']), '${var.unset}');
  // The model still sees the parsed document.
  const r = analyze(files);
  const config = r.model.resources[0].config.policy as { Statement: { Action: string }[] };
  assert.equal(config.Statement[0].Action, 's3:*');
});

const DOCUMENT = `data "aws_iam_policy_document" "d" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:ListBucket", "s3:GetObject"]
    resources = ["*"]
  }
  statement {
    effect  = "Deny"
    actions = ["iam:*"]
    resources = ["arn:aws:iam::1:role/x"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.d.json
}
`;

test('aws_iam_policy_document: rendered json maps onto statement blocks (sorted set elements by value)', () => {
  const files = { 'main.tf': DOCUMENT };
  const r = analyze(files);
  const doc = r.model.data![0].config.json as { Statement: { Action: string[] | string }[] };
  // The provider renders sets sorted descending: ListBucket first.
  assert.deepEqual(doc.Statement[0].Action, ['s3:ListBucket', 's3:GetObject']);
  assert.equal(textAt(files, 'data.aws_iam_policy_document.d', ['json', 'Statement', 0, 'Action', 0]), '"s3:ListBucket"');
  assert.equal(textAt(files, 'data.aws_iam_policy_document.d', ['json', 'Statement', 0, 'Action', 1]), '"s3:GetObject"');
  assert.equal(textAt(files, 'data.aws_iam_policy_document.d', ['json', 'Statement', 0, 'Resource']), '"*"');
  assert.equal(textAt(files, 'data.aws_iam_policy_document.d', ['json', 'Statement', 1, 'Action']), '"iam:*"');
  assert.equal(textAt(files, 'data.aws_iam_policy_document.d', ['json', 'Statement', 1, 'Effect']), '"Deny"');
  const principal = nodeAt(r.sourceMaps.get('data.aws_iam_policy_document.d'), ['json', 'Statement', 1, 'Principal'])!;
  assert.equal(DOCUMENT.slice(principal.nameRange!.start, principal.nameRange!.end), 'principals');
});

test('a resource using the document json borrows its map; the attribute keeps its own range', () => {
  const files = { 'main.tf': DOCUMENT };
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy', 'Statement', 0, 'Resource']), '"*"');
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy', 'Statement', 1, 'Action']), '"iam:*"');
  assert.equal(textAt(files, 'aws_iam_policy.p', ['policy']), 'data.aws_iam_policy_document.d.json');
});

test('documents merged from other documents map only to the data source; an empty list merges nothing', () => {
  const empty = analyze({ 'main.tf': DOCUMENT.replace('  statement {\n    sid', '  source_policy_documents = []\n  statement {\n    sid') });
  assert.ok(nodeAt(empty.sourceMaps.get('aws_iam_policy.p'), ['policy', 'Statement', 0, 'Resource']));
  const text = DOCUMENT.replace('  statement {\n    sid', '  source_policy_documents = ["{}"]\n  statement {\n    sid');
  const r = analyze({ 'main.tf': text });
  const json = nodeAt(r.sourceMaps.get('data.aws_iam_policy_document.d'), ['json'])!;
  assert.equal(json.fields, undefined);
  assert.equal(nodeAt(r.sourceMaps.get('aws_iam_policy.p'), ['policy', 'Statement']), undefined);
});

test('readJsonSpans: spans of members and items; malformed JSON gives undefined', () => {
  const text = '{"a": [1, "x"], "b": {"c": null}}';
  const spans = readJsonSpans(text)!;
  const a = spans.members!.get('a')!;
  assert.equal(text.slice(a.value.start, a.value.end), '[1, "x"]');
  assert.equal(text.slice(a.value.items![1].start, a.value.items![1].end), '"x"');
  assert.equal(text.slice(a.keyStart, a.keyEnd), '"a"');
  for (const bad of ['{"a": }', '{"a": 1,}', '[1 2]', '{"a": 1} x', '', '{"a": "\n"}']) assert.equal(readJsonSpans(bad), undefined, bad);
});

test('literalOffsets skips escapes and stripped indentation', () => {
  assert.deepEqual([...literalOffsets('a\\"b', 'a"b')!], [0, 2, 3, 4]);
  assert.equal(literalOffsets('abc', 'abd'), undefined);
});
