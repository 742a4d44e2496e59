import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';

test('references record path, target and attribute, including through locals and in nested blocks', () => {
  const r = analyze({
    'main.tf': `resource "aws_s3_bucket" "logs" {
  count  = 2
  bucket = "l\${count.index}"
}
data "aws_caller_identity" "me" {}
locals {
  first = aws_s3_bucket.logs[0].id
}
resource "aws_s3_bucket_public_access_block" "pab" {
  bucket = local.first
  tags = {
    Owner = data.aws_caller_identity.me.account_id
  }
  rule {
    ids = aws_s3_bucket.logs[*].arn
  }
}
`,
  });
  const pab = r.model.resources.find((x) => x.type === 'aws_s3_bucket_public_access_block')!;
  assert.deepEqual(pab.references, [
    { path: ['bucket'], target: 'aws_s3_bucket.logs[0]', attribute: 'id' },
    { path: ['tags', 'Owner'], target: 'data.aws_caller_identity.me', attribute: 'account_id' },
    { path: ['rule', 0, 'ids'], target: 'aws_s3_bucket.logs', attribute: 'arn' },
  ]);
  assert.deepEqual(pab.config.rule, [{ ids: [{ $unknown: 'aws_s3_bucket.logs[*].arn' }, { $unknown: 'aws_s3_bucket.logs[*].arn' }] }]);
});

test('IAM JSON from jsonencode, heredoc and the policy document data source reaches the model parsed', () => {
  const r = analyze({
    'main.tf': `data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.d.json
}
resource "aws_iam_policy" "b" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
resource "aws_iam_policy" "c" {
  policy = <<-JSON
    {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}
  JSON
  description = "{\\"not\\": \\"a policy\\"}"
}
`,
  });
  const byName = Object.fromEntries(r.model.resources.map((x) => [x.name, x.config]));
  const a = byName.a.policy as { Statement: { Action: string[]; Effect: string }[] };
  // The provider renders set-typed `actions` in its own (hash) order, so compare as a set.
  assert.deepEqual([...a.Statement[0].Action].sort(), ['s3:GetObject', 's3:PutObject']);
  assert.equal(a.Statement[0].Effect, 'Allow');
  assert.deepEqual(byName.b.policy, { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  assert.deepEqual(byName.c.policy, { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
  assert.equal(byName.c.description, '{"not": "a policy"}', 'JSON without Statement stays a string');
});

test('a policy document with unknown inputs still shows its known parts in the model, where it is read too', () => {
  const r = analyze({
    'main.tf': `resource "aws_s3_bucket" "b" {}
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:*"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
module "m" {
  source = "./m"
  policy = data.aws_iam_policy_document.d.minified_json
}
locals {
  statements = jsondecode(data.aws_iam_policy_document.d.json).Statement
}
`,
    'm/main.tf': `variable "policy" {}
resource "aws_s3_bucket_policy" "p" {
  bucket = "x"
  policy = var.policy
}
`,
  });
  const json = r.model.data![0].config.json as { Statement: { Action: unknown; Resource: unknown; Effect: unknown }[] };
  assert.equal(json.Statement[0].Action, 's3:*');
  assert.equal(json.Statement[0].Effect, 'Allow');
  assert.deepEqual(json.Statement[0].Resource, { $unknown: '"${aws_s3_bucket.b.arn}/*"' });
  // Whatever reads `.json` (directly, or through a module input) sees the same partial document.
  const byAddress = new Map(r.model.resources.map((x) => [x.address, x.config]));
  assert.deepEqual(byAddress.get('aws_iam_policy.p')!.policy, json);
  assert.deepEqual(byAddress.get('module.m.aws_s3_bucket_policy.p')!.policy, json);
  // Evaluation itself stays unknown: decoding it gives no values.
  assert.ok('$unknown' in (r.model.locals!.statements as object), JSON.stringify(r.model.locals));
});

test('a document merged from partially known documents (source_policy_documents, jsonencode) is partially known too', () => {
  const r = analyze({
    'main.tf': `resource "aws_s3_bucket" "b" {}
data "aws_iam_policy_document" "tls" {
  statement {
    sid       = "TLS"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.b.arn]
  }
}
data "aws_iam_policy_document" "all" {
  source_policy_documents = [
    data.aws_iam_policy_document.tls.json,
    jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.b.arn}/*" }] }),
  ]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "TLS", Effect = "Deny", Action = "s3:*", Resource = aws_s3_bucket.b.arn }] })]
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.all.json
}
`,
  });
  const all = r.model.data!.find((d) => d.address === 'data.aws_iam_policy_document.all')!;
  const json = all.config.json as { Statement: Record<string, unknown>[] };
  assert.equal(json.Statement.length, 2, JSON.stringify(json));
  // The override replaced the statement with the same Sid, in place; unknown leaves stay unknown.
  assert.deepEqual(json.Statement[0], { Sid: 'TLS', Effect: 'Deny', Action: 's3:*', Resource: { $unknown: 'aws_s3_bucket.b.arn' } });
  assert.equal(json.Statement[1].Principal, '*');
  assert.equal(json.Statement[1].Action, 's3:GetObject');
  assert.ok('$unknown' in (json.Statement[1].Resource as object));
  const policy = r.model.resources.find((x) => x.address === 'aws_s3_bucket_policy.p')!.config.policy;
  assert.deepEqual(policy, json);
});

test('references keep names with capitals and point at resources the module does not declare', () => {
  const r = analyze({
    'main.tf': `resource "aws_cloudwatch_log_metric_filter" "CIS_Filter" {
  name           = "f"
  log_group_name = aws_cloudwatch_log_group.CIS_CloudWatch_LogsGroup.name
}
resource "aws_cloudwatch_metric_alarm" "CIS_Alarm-1" {
  metric_name   = aws_cloudwatch_log_metric_filter.CIS_Filter.id
  alarm_actions = [aws_sns_topic.CIS_Alerts_SNS_Topic.arn, data.aws_sns_topic.Shared.arn]
}
`,
  });
  const filter = r.model.resources.find((x) => x.type === 'aws_cloudwatch_log_metric_filter')!;
  const alarm = r.model.resources.find((x) => x.type === 'aws_cloudwatch_metric_alarm')!;
  assert.equal(alarm.address, 'aws_cloudwatch_metric_alarm.CIS_Alarm-1');
  assert.deepEqual(filter.references, [
    { path: ['log_group_name'], target: 'aws_cloudwatch_log_group.CIS_CloudWatch_LogsGroup', attribute: 'name' },
  ]);
  assert.deepEqual(alarm.references, [
    { path: ['metric_name'], target: 'aws_cloudwatch_log_metric_filter.CIS_Filter', attribute: 'id' },
    { path: ['alarm_actions', 0], target: 'aws_sns_topic.CIS_Alerts_SNS_Topic', attribute: 'arn' },
    { path: ['alarm_actions', 1], target: 'data.aws_sns_topic.Shared', attribute: 'arn' },
  ]);
  // The undeclared targets (two resources, one data source) are still reported as errors.
  assert.equal(r.diagnostics.filter((e) => e.code === 'tf-undeclared-resource').length, 3);
});

test('ephemeral.TYPE.NAME (Terraform 1.10+) reads a declared ephemeral resource as unknown', () => {
  // The ephemeral block is declared, not evaluated: its value exists only while Terraform runs.
  const r = analyze({
    'main.tf': `variable "names" {
  type    = set(string)
  default = ["a"]
}
ephemeral "random_password" "pw" {
  for_each = var.names
  length   = 32
}
resource "aws_secretsmanager_secret_version" "v" {
  for_each         = var.names
  secret_id        = each.key
  secret_string_wo = ephemeral.random_password.pw[each.key].result
}
resource "a_b" "bad" {
  x = ephemeral.random_password.missing.result
  y = ephemeral.random_password
}
`,
  });
  const v = r.model.resources.find((x) => x.type === 'aws_secretsmanager_secret_version')!;
  assert.deepEqual(v.config.secret_string_wo, { $unknown: 'ephemeral.random_password.pw[each.key].result' });
  assert.ok(!r.model.resources.some((x) => x.type === 'random_password'));
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.message]),
    [
      ['tf-undeclared-resource', 'ephemeral "random_password" "missing" is not declared in this module'],
      ['tf-invalid-reference', 'an ephemeral resource reference needs type and name: ephemeral.TYPE.NAME'],
    ],
  );
});

// for_each over another resource's instances: each.value is that instance, so `each.value.id`
// refers to it (a VPC's flow log, a bucket's companion); with unknown keys each.key depends on the
// resources the for_each names; a for_each over plain settings refers to nothing.
test('each.value of a for_each over resource instances (or their ids), and each.key over unknown ids, are references', () => {
  const r = analyze({
    'main.tf': `resource "aws_vpc" "v" {
  for_each   = { a = "10.0.0.0/16", b = "10.1.0.0/16" }
  cidr_block = each.value
}
resource "aws_vpc" "w" {
  cidr_block = "10.2.0.0/16"
}
resource "aws_flow_log" "v" {
  for_each     = aws_vpc.v
  vpc_id       = each.value.id
  traffic_type = "ALL"
}
resource "aws_flow_log" "w" {
  for_each     = toset([aws_vpc.w.id])
  vpc_id       = each.key
  traffic_type = "ALL"
}
resource "aws_flow_log" "ids" {
  for_each     = { for k, v in aws_vpc.v : k => v.id if k == "a" }
  vpc_id       = each.value
  traffic_type = "ALL"
}
resource "aws_flow_log" "settings" {
  for_each     = { x = { vpc = "vpc-1" } }
  vpc_id       = each.value.vpc
  traffic_type = each.key
}
`,
  });
  const refs = (address: string) => r.model.resources.find((x) => x.address === address)!.references;
  assert.deepEqual(refs('aws_flow_log.v["a"]'), [{ path: ['vpc_id'], target: 'aws_vpc.v["a"]', attribute: 'id' }]);
  assert.deepEqual(refs('aws_flow_log.v["b"]'), [{ path: ['vpc_id'], target: 'aws_vpc.v["b"]', attribute: 'id' }]);
  assert.deepEqual(refs('aws_flow_log.w'), [{ path: ['vpc_id'], target: 'aws_vpc.w' }]);
  // A for expression over the instances keeps what each value depends on.
  assert.deepEqual(refs('aws_flow_log.ids["a"]'), [{ path: ['vpc_id'], target: 'aws_vpc.v["a"]' }]);
  assert.deepEqual(refs('aws_flow_log.settings["x"]'), []);
});
