// A policy written as a JSON string that is not valid JSON gets a warning on its value
// (eval/policy-json-check.ts): the service refuses it at apply, and the model keeps it as a string
// that no rule can judge. Valid documents, non-policy JSON and unknown strings stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTerraformModule } from '../../../../server/src/iac/terraform';
import { MemoryHost } from './memory-host';

function policyWarnings(text: string) {
  const r = analyzeTerraformModule(new MemoryHost({ '/ws/main.tf': text }), { dir: '/ws', root: '/ws' });
  return { r, warnings: r.diagnostics.filter((d) => d.code === 'tf-policy-json') };
}

test('a heredoc policy with a trailing comma is reported on its value, once for all instances', () => {
  const text = [
    'resource "aws_iam_role_policy" "p" {',
    '  count  = 2',
    '  role   = "r"',
    '  policy = <<EOF',
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},]',
    '}',
    'EOF',
    '}',
    '',
  ].join('\n');
  const { r, warnings } = policyWarnings(text);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].severity, 'warning');
  assert.match(warnings[0].message, /^aws_iam_role_policy\.p: policy is not valid JSON \(/);
  assert.equal(text.slice(warnings[0].start, warnings[0].end).split('\n')[0], '<<EOF');
  // The model keeps the text: rules see a string, not a document.
  assert.equal(typeof r.model.resources[0].config.policy, 'string');
});

test('valid documents, JSON that is not a policy, and unknown text are not reported', () => {
  const text = [
    'variable "extra" { type = string }',
    'resource "aws_iam_policy" "ok" {',
    '  policy = jsonencode({ Version = "2012-10-17", Statement = [] })',
    '}',
    'resource "aws_sqs_queue_policy" "heredoc" {',
    '  queue_url = "q"',
    '  policy    = <<EOF',
    '{"Version": "2012-10-17", "Statement": []}',
    'EOF',
    '}',
    'resource "aws_ecs_task_definition" "t" {',
    '  family                = "f"',
    '  container_definitions = "[{\\"name\\": \\"app\\",}]"',
    '}',
    'resource "aws_iam_policy" "unknown" {',
    '  policy = "{\\"Statement\\": [${var.extra}],}"',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(policyWarnings(text).warnings, []);
});
