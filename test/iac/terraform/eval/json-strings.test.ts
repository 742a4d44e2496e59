// JSON written inside Terraform strings: JSON text whose interpolations are unknown (an IAM policy,
// container definitions) keeps its structure in the model (only those leaves unknown), for
// heredoc JSON, jsonencode and templatefile alike, and any JSON string attribute (heredoc,
// quoted, jsonencode) gets a source map down to each key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceMapNode } from '../../../../server/src/iac/model';
import { analyze } from './memory-host';

function nodeAt(root: SourceMapNode | undefined, path: (string | number)[]): SourceMapNode | undefined {
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.items?.[step] : node?.fields?.[step];
  return node;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const HEREDOC_POLICY = `variable "env" {}
resource "aws_iam_user" "u" { name = "u" }
resource "aws_iam_user_policy" "p" {
  user   = aws_iam_user.u.name
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Resource": "\${aws_iam_user.u.arn}",
      "Action": "sts:AssumeRole",
      "NotResource": \${aws_iam_user.u.arn},
      "Condition": { "StringLike": { "aws:username": "\${aws_iam_user.u.name}-\${var.env}-*" } }
    }
  ]
}
EOF
}
`;

test('a heredoc IAM policy with unknown interpolations keeps its known structure', () => {
  const r = analyze({ 'main.tf': HEREDOC_POLICY });
  const policy = r.model.resources.find((x) => x.address === 'aws_iam_user_policy.p')!.config.policy;
  assert.deepEqual(policy, {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Resource: { $unknown: 'aws_iam_user.u.arn' },
        Action: 'sts:AssumeRole',
        // Outside a JSON string the interpolation is a whole JSON value, unknown.
        NotResource: { $unknown: 'aws_iam_user.u.arn' },
        // Known interpolations are spliced in; the string with an unknown part is unknown.
        Condition: { StringLike: { 'aws:username': { $unknown: 'u-${var.env}-*' } } },
      },
    ],
  });
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  // Each element is placed, the interpolated ones included.
  const node = nodeAt(r.sourceMaps.get('aws_iam_user_policy.p'), ['policy', 'Statement', 0, 'Action'])!;
  assert.equal(HEREDOC_POLICY.slice(node.valueRange!.start, node.valueRange!.end), '"sts:AssumeRole"');
  const resource = nodeAt(r.sourceMaps.get('aws_iam_user_policy.p'), ['policy', 'Statement', 0, 'Resource'])!;
  assert.equal(HEREDOC_POLICY.slice(resource.valueRange!.start, resource.valueRange!.end), '"${aws_iam_user.u.arn}"');
});

test('jsonencode of a policy with unknown leaves keeps its structure', () => {
  const text = `resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_sqs_queue_policy" "p" {
  queue_url = aws_sqs_queue.q.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:*", Resource = aws_sqs_queue.q.arn }]
  })
}
`;
  const r = analyze({ 'main.tf': text });
  const policy = r.model.resources.find((x) => x.address === 'aws_sqs_queue_policy.p')!.config.policy;
  assert.deepEqual(policy, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: { $unknown: 'aws_sqs_queue.q.arn' } }],
  });
});

test('any JSON text with unknown leaves is decoded; JSON that cannot be read stays unknown', () => {
  const text = `variable "image" {}
resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = <<EOF
[{"name": "app", "image": "\${var.image}", "privileged": true}]
EOF
}
resource "aws_ecs_task_definition" "j" {
  family = "j"
  container_definitions = jsonencode([{ name = "app", image = var.image, privileged = true }])
}
resource "aws_ecs_task_definition" "known" {
  family = "known"
  container_definitions = jsonencode([{ name = "app", privileged = true }])
}
resource "aws_iam_policy" "directive" {
  policy = <<EOF
{"Statement": [ %{ if var.image != "" }{"Effect": "Allow"}%{ endif } ]}
EOF
}
resource "aws_iam_policy" "not_json" {
  policy = "{\${var.image}: 1}"
}
`;
  const r = analyze({ 'main.tf': text });
  const config = (address: string) => r.model.resources.find((x) => x.address === address)!.config;
  // Its string form cannot be known, so the model shows what it decodes to.
  assert.deepEqual(config('aws_ecs_task_definition.t').container_definitions, [{ name: 'app', image: { $unknown: 'var.image' }, privileged: true }]);
  assert.deepEqual(config('aws_ecs_task_definition.j').container_definitions, [{ name: 'app', image: { $unknown: 'var.image' }, privileged: true }]);
  // Known JSON text that is not a policy stays the string it is.
  assert.equal(config('aws_ecs_task_definition.known').container_definitions, '[{"name":"app","privileged":true}]');
  assert.ok('$unknown' in (config('aws_iam_policy.directive').policy as object));
  assert.ok('$unknown' in (config('aws_iam_policy.not_json').policy as object));
});

test('any JSON string attribute is mapped key by key: heredoc, quoted and jsonencode', () => {
  const text = `resource "aws_batch_job_definition" "b" {
  name = "b"
  type = "container"
  container_properties = <<EOF
{
  "image": "busybox",
  "privileged": true
}
EOF
}
resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    {
      name       = "app"
      privileged = true
    }
  ])
}
resource "aws_ecs_task_definition" "q" {
  family = "q"
  container_definitions = "[{\\"name\\": \\"app\\", \\"privileged\\": true}]"
}
`;
  const r = analyze({ 'main.tf': text });
  const at = (address: string, path: (string | number)[]) => {
    const node = nodeAt(r.sourceMaps.get(address), path);
    assert.ok(node, `${address} ${path.join('.')} is mapped`);
    return { line: lineOf(text, node.valueRange!.start), text: text.slice(node.valueRange!.start, node.valueRange!.end) };
  };
  assert.deepEqual(at('aws_batch_job_definition.b', ['container_properties', 'privileged']), { line: 7, text: 'true' });
  assert.deepEqual(at('aws_ecs_task_definition.t', ['container_definitions', 0, 'privileged']), { line: 16, text: 'true' });
  assert.deepEqual(at('aws_ecs_task_definition.q', ['container_definitions', 0, 'privileged']), { line: 22, text: 'true' });
  // The model keeps non-policy JSON strings as strings (rules decode them).
  assert.equal(typeof r.model.resources.find((x) => x.address === 'aws_batch_job_definition.b')!.config.container_properties, 'string');
});

test('the partly known policy survives a local and templatefile()', () => {
  const r = analyze({
    'main.tf': `resource "aws_sqs_queue" "q" { name = "q" }
locals {
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "\${aws_sqs_queue.q.arn}"}]}
EOF
}
resource "aws_sqs_queue_policy" "local" {
  queue_url = aws_sqs_queue.q.id
  policy    = local.policy
}
resource "aws_sqs_queue_policy" "file" {
  queue_url = aws_sqs_queue.q.id
  policy    = templatefile("\${path.module}/policy.json", { arn = aws_sqs_queue.q.arn })
}
`,
    'policy.json': `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "\${arn}"}]}`,
  });
  const policy = (address: string) => r.model.resources.find((x) => x.address === address)!.config.policy as { Statement: Record<string, unknown>[] };
  for (const address of ['aws_sqs_queue_policy.local', 'aws_sqs_queue_policy.file']) {
    const statement = policy(address).Statement[0];
    assert.equal(statement.Principal, '*', address);
    assert.ok(typeof statement.Resource === 'object' && statement.Resource !== null && '$unknown' in statement.Resource, address);
  }
  assert.deepEqual(r.diagnostics, []);
});

test('a JSON template with a known %{if} keeps its structure; an unknown %{if} or a %{for} does not', () => {
  // The GitHub-runners scale-up policy adds its KMS statement under `%{ if kms_key_arn != "" ~}`
  // while its queue ARN is unknown: the `ssm:PutParameter` on "*" next to it must stay visible.
  const TEMPLATE = `{"Statement": [
  {"Effect": "Allow", "Action": "ssm:PutParameter", "Resource": "*"},
  {"Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "\${sqs_arn}"
%{ if kms_key_arn != "" ~}
  },
  {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "\${kms_key_arn}"
%{ endif ~}
  }
]}`;
  const r = analyze({
    'main.tf': `resource "aws_sqs_queue" "q" { name = "q" }
variable "kms" {}
resource "aws_iam_policy" "no_kms" {
  policy = templatefile("\${path.module}/p.json", { sqs_arn = aws_sqs_queue.q.arn, kms_key_arn = "" })
}
resource "aws_iam_policy" "kms" {
  policy = templatefile("\${path.module}/p.json", { sqs_arn = aws_sqs_queue.q.arn, kms_key_arn = "arn:aws:kms:eu-west-1:1:key/k" })
}
resource "aws_iam_policy" "unknown_if" {
  policy = templatefile("\${path.module}/p.json", { sqs_arn = aws_sqs_queue.q.arn, kms_key_arn = var.kms })
}
resource "aws_iam_policy" "for" {
  policy = <<EOF
{"Statement": [%{ for a in ["s3:GetObject"] }{"Action": "\${a}", "Resource": "\${aws_sqs_queue.q.arn}"}%{ endfor }]}
EOF
}
`,
    'p.json': TEMPLATE,
  });
  const policy = (address: string) => r.model.resources.find((x) => x.address === address)!.config.policy as { Statement: Record<string, unknown>[] };
  const isUnknown = (v: unknown) => typeof v === 'object' && v !== null && '$unknown' in v;
  const noKms = policy('aws_iam_policy.no_kms').Statement;
  assert.equal(noKms.length, 2);
  assert.deepEqual(noKms[0], { Effect: 'Allow', Action: 'ssm:PutParameter', Resource: '*' });
  assert.ok(isUnknown(noKms[1].Resource));
  const kms = policy('aws_iam_policy.kms').Statement;
  assert.equal(kms.length, 3);
  assert.deepEqual(kms[2], { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:1:key/k' });
  assert.ok(isUnknown(policy('aws_iam_policy.unknown_if')) && !('Statement' in policy('aws_iam_policy.unknown_if')));
  assert.ok(isUnknown(policy('aws_iam_policy.for')) && !('Statement' in policy('aws_iam_policy.for')));
  assert.deepEqual(r.diagnostics, []);
});
