// Built-in rules over instances of expanded blocks whose attributes are unknown templates: the
// front end writes each instance's iteration values into the unknown's text, so the IAM rules that
// recognise managed-policy ARNs written for any partition see which policy each instance attaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinPack, scanFiles } from './helpers';

async function findingsOf(ruleId: string, text: string): Promise<string[]> {
  const scan = await scanFiles(builtinPack(), { 'main.tf': text });
  return scan.findings.filter((f) => f.ruleId === ruleId).map((f) => f.resource ?? '').sort();
}

const ROLE = `data "aws_partition" "current" {}
resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
}
`;

test('PAL-AWS-IAM-007 reports the for_each instance that attaches AdministratorAccess, not its sibling', async () => {
  const text = `${ROLE}resource "aws_iam_role_policy_attachment" "ci" {
  for_each   = toset(["AdministratorAccess", "ReadOnlyAccess"])
  role       = aws_iam_role.ci.name
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${each.value}"
}
`;
  assert.deepEqual(await findingsOf('PAL-AWS-IAM-007', text), ['aws_iam_role_policy_attachment.ci["AdministratorAccess"]']);
});

test('PAL-AWS-IAM-007 reports a counted attachment whose name comes from a list by count.index', async () => {
  const text = `${ROLE}variable "policies" { default = ["ReadOnlyAccess", "AdministratorAccess"] }
resource "aws_iam_role_policy_attachment" "ci" {
  count      = length(var.policies)
  role       = aws_iam_role.ci.name
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${var.policies[count.index]}"
}
`;
  assert.deepEqual(await findingsOf('PAL-AWS-IAM-007', text), ['aws_iam_role_policy_attachment.ci[1]']);
});
