// Built-in rules over the front end's JSON and provisioner support, through scanTerraformUnit:
// findings land on the line that holds the problem (a key inside a JSON string, a provisioner
// block), and JSON with unknown interpolated leaves (policies, container definitions) is still read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinPack, scanFiles } from './helpers';

async function linesOf(ruleId: string, text: string): Promise<number[]> {
  const scan = await scanFiles(builtinPack(), { 'main.tf': text });
  return scan.findings.filter((f) => f.ruleId === ruleId).map((f) => text.slice(0, f.range.start).split('\n').length);
}

test('PAL-AWS-BATCH-001 lands on "privileged": true inside heredoc container_properties', async () => {
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
`;
  assert.deepEqual(await linesOf('PAL-AWS-BATCH-001', text), [7]);
  // Also when the JSON interpolates something unknown (the usual image variable).
  const withImage = `variable "image" {}\n${text.replace('"busybox"', '"\${var.image}"')}`;
  assert.deepEqual(await linesOf('PAL-AWS-BATCH-001', withImage), [8]);
});

test('PAL-AWS-ECS-001 reads jsonencode container definitions whose image is unknown', async () => {
  const text = (privileged: boolean) => `variable "image" {}
resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([{ name = "app", image = var.image, privileged = ${privileged} }])
}
`;
  assert.deepEqual(await linesOf('PAL-AWS-ECS-001', text(true)), [4]);
  assert.deepEqual(await linesOf('PAL-AWS-ECS-001', text(false)), []);
});

// (A key of fewer than six characters is a placeholder, not a key: EC2-008's own tests.)
test('PAL-AWS-EC2-008 lands on a remote-exec provisioner that writes AWS keys', async () => {
  const text = `resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"

  provisioner "remote-exec" {
    inline = ["echo export AWS_ACCESS_KEY_ID=mykeyid123 >> ~/.bashrc"]
  }

  provisioner "local-exec" {
    command = "echo aws_access_key_id is not on the instance"
  }
}
`;
  assert.deepEqual(await linesOf('PAL-AWS-EC2-008', text), [5]);
});

test('PAL-AWS-IAM-018 reads a heredoc user policy whose Resource interpolates an unknown ARN', async () => {
  const policy = (condition: string) => `resource "aws_iam_user" "u" { name = "u" }
resource "aws_iam_user_policy" "p" {
  name = "p"
  user = aws_iam_user.u.name
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "\${aws_iam_user.u.arn}"${condition} }
  ]
}
EOF
}
`;
  assert.deepEqual(await linesOf('PAL-AWS-IAM-018', policy('')), [5]);
  const withMfa = ', "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } }';
  assert.deepEqual(await linesOf('PAL-AWS-IAM-018', policy(withMfa)), []);
});

test('PAL-AWS-SQS-002 reads a jsonencode queue policy whose Resource is an unknown ARN', async () => {
  const policy = (principal: string) => `resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_sqs_queue_policy" "p" {
  queue_url = aws_sqs_queue.q.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = ${principal}
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.q.arn
    }]
  })
}
`;
  assert.ok((await linesOf('PAL-AWS-SQS-002', policy('"*"'))).length > 0, 'a public queue policy is found');
  assert.deepEqual(await linesOf('PAL-AWS-SQS-002', policy('{ AWS = "arn:aws:iam::111122223333:root" }')), []);
});
