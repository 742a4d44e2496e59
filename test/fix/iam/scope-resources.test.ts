// Scoping `Resource = "*"` to the module's resources, rendered in each of the three forms a policy
// can be written in, verified by the fix layer (finding gone, nothing new), exact text checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, explainFixes, fixesForFinding } from '../../../server/src/fix';
import { scanUnit } from './helpers';

const BUCKET = `resource "aws_s3_bucket" "data" {
  bucket = "corp-data"
}
`;

/** A role trust policy, in jsonencode form, that lets one AWS service assume the role. */
function trust(service: string): string {
  return `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "${service}" } }] })`;
}

/** An aws_iam_role named `name` that `service` may assume. */
function serviceRole(name: string, service: string): string {
  return `resource "aws_iam_role" "${name}" {
  name               = "${name}"
  assume_role_policy = ${trust(service)}
}
`;
}

async function scopeFixes(text: string, ruleId = 'PAL-AWS-IAM-050') {
  const unit = await scanUnit({ 'main.tf': text });
  const finding = unit.findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} fires; got ${unit.findings.map((f) => f.ruleId).join(', ')}`);
  const fixes = (await fixesForFinding(finding, unit.context)).filter((f) => f.source === 'iam-scope');
  return { fixes, apply: (i: number) => applyEdits(text, fixes[i].edits), finding, unit };
}

test('jsonencode: object and bucket ARNs for the actions that use them; ListAllMyBuckets keeps "*" apart', async () => {
  const text = `${BUCKET}
resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:ListAllMyBuckets"]
        Resource = "*"
      },
    ]
  })
}
`;
  const { fixes, apply } = await scopeFixes(text);
  assert.deepEqual(fixes.map((f) => f.title), ['Scope Resource to aws_s3_bucket.data']);
  assert.equal(fixes[0].preferred, false);
  assert.match(fixes[0].detail!, /s3:ListAllMyBuckets kept on "\*"/);
  assert.equal(apply(0), `${BUCKET}
resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
        Resource = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      },
      {
        Effect   = "Allow"
        Action   = "s3:ListAllMyBuckets"
        Resource = "*"
      },
    ]
  })
}
`);
});

test('object-only actions get only the object ARN, no split when every action is resource-level', async () => {
  const text = `${BUCKET}
resource "aws_iam_role_policy" "app" {
  role   = "app"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "*" }]
  })
}
`;
  const { fixes, apply } = await scopeFixes(text);
  assert.equal(fixes.length, 1);
  assert.match(apply(0), /Statement = \[\{ Effect = "Allow", Action = "s3:PutObject", Resource = "\$\{aws_s3_bucket\.data\.arn\}\/\*" \}\]/);
});

test('heredoc JSON: the document keeps its JSON layout and indentation', async () => {
  const text = `${BUCKET}
resource "aws_dynamodb_table" "orders" {
  name = "orders"
}

resource "aws_iam_role_policy" "app" {
  role   = "app"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["dynamodb:PutItem", "dynamodb:ListTables"],
          "Resource": "*"
        }
      ]
    }
  EOF
}
`;
  const { fixes, apply } = await scopeFixes(text);
  // The bucket serves none of the actions: only the table is a plausible target.
  assert.deepEqual(fixes.map((f) => f.title), ['Scope Resource to aws_dynamodb_table.orders']);
  assert.equal(apply(0), text.replace(`          "Action": ["dynamodb:PutItem", "dynamodb:ListTables"],
          "Resource": "*"
        }`, `          "Action": "dynamodb:PutItem",
          "Resource": "\${aws_dynamodb_table.orders.arn}"
        },
        {
          "Effect": "Allow",
          "Action": "dynamodb:ListTables",
          "Resource": "*"
        }`));
});

test('quoted JSON string: escaped quotes, one line', async () => {
  const text = `resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_iam_policy" "q" {
  policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":[\\"sqs:SendMessage\\",\\"sqs:ListQueues\\"],\\"Resource\\":\\"*\\"}]}"
}
`;
  const { fixes, apply } = await scopeFixes(text);
  assert.equal(fixes.length, 1);
  assert.ok(apply(0).includes(`policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"sqs:SendMessage\\",\\"Resource\\":\\"\${aws_sqs_queue.jobs.arn}\\"},{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"sqs:ListQueues\\",\\"Resource\\":\\"*\\"}]}"`), apply(0));
});

test('aws_iam_policy_document: resources and a sibling statement block, conditions copied', async () => {
  const text = `${BUCKET}
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:PutObject", "s3:ListAllMyBuckets"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}
`;
  const { fixes, apply } = await scopeFixes(text);
  assert.deepEqual(fixes.map((f) => f.title), ['Scope Resource to aws_s3_bucket.data']);
  assert.equal(apply(0), text.replace(`    actions   = ["s3:PutObject", "s3:ListAllMyBuckets"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }`, `    actions   = ["s3:PutObject"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  statement {
    actions   = ["s3:ListAllMyBuckets"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }`));
});

test('one candidate per target, plus one for all; none when the module has no matching resource', async () => {
  const two = `${BUCKET}
resource "aws_s3_bucket" "logs" {
  bucket = "corp-logs"
}

resource "aws_iam_policy" "app" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:DeleteObject", Resource = "*" }] })
}
`;
  const { fixes } = await scopeFixes(two);
  assert.deepEqual(fixes.map((f) => f.title), [
    'Scope Resource to aws_s3_bucket.data',
    'Scope Resource to aws_s3_bucket.logs',
    'Scope Resource to 2 resources (aws_s3_bucket.data, aws_s3_bucket.logs)',
  ]);
  const none = `resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_iam_policy" "app" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:DeleteObject", Resource = "*" }] })
}
`;
  const unit = await scanUnit({ 'main.tf': none });
  const finding = unit.findings.find((f) => f.ruleId === 'PAL-AWS-IAM-050')!;
  const report = await explainFixes(finding, unit.context);
  assert.deepEqual(report.fixes.filter((f) => f.source === 'iam-scope'), []);
});

test('a target set must serve every resource-level action', async () => {
  const text = `${BUCKET}
resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_iam_policy" "app" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:PutObject", "sqs:SendMessage"], Resource = "*" }] })
}
`;
  const { fixes, apply } = await scopeFixes(text);
  assert.deepEqual(fixes.map((f) => f.title), ['Scope Resource to 2 resources (aws_s3_bucket.data, aws_sqs_queue.q)']);
  assert.match(apply(0), /Resource = \[aws_sqs_queue\.q\.arn, "\$\{aws_s3_bucket\.data\.arn\}\/\*"\]/);
});

test('iam:PassRole is not scoped to a role the scan found privileged', async () => {
  // iam-vulnerable: PassRole on "*" beside a full-admin service role; scoping it to that role keeps the escalation.
  const text = `resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role" "admin" {
  name               = "admin"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_policy" "everything" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.admin.name
  policy_arn = aws_iam_policy.everything.arn
}

resource "aws_iam_policy" "pass" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })
}
`;
  const unit = await scanUnit({ 'main.tf': text });
  const finding = unit.findings.find((f) => f.ruleId === 'PAL-AWS-IAM-050' && f.resource === 'aws_iam_policy.pass');
  assert.ok(finding);
  const escalation = { ...finding, ruleId: 'PAL-AWS-IAM-015', resource: 'aws_iam_role.admin' };
  const titles = async (findings: typeof unit.findings) =>
    (await fixesForFinding(finding, { ...unit.context, unitFindings: findings })).filter((f) => f.source === 'iam-scope').map((f) => f.title);
  assert.deepEqual(await titles([...unit.findings, escalation]), ['Scope Resource to aws_iam_role.app']);
  // Named through an AdministratorAccess attachment (IAM-007 on the attachment) instead.
  const attached = { ...finding, ruleId: 'PAL-AWS-IAM-007', resource: 'aws_iam_role_policy_attachment.admin' };
  assert.deepEqual(await titles([...unit.findings, attached]), ['Scope Resource to aws_iam_role.app']);
  // Without the escalation finding both roles are candidates.
  assert.deepEqual(await titles(unit.findings), [
    'Scope Resource to aws_iam_role.app',
    'Scope Resource to aws_iam_role.admin',
    'Scope Resource to 2 resources (aws_iam_role.app, aws_iam_role.admin)',
  ]);
});

test('not offered when the actions come from a variable: the callers choose them', async () => {
  // clouddrove/terraform-aws-lambda: `actions = var.iam_actions` on "*"; the default is the logs
  // actions, but the module's own example passes s3 and ec2 actions, which a Resource scoped to the
  // function's log group would take away.
  const text = `resource "aws_cloudwatch_log_group" "lambda" {
  name = "/aws/lambda/app"
}

variable "iam_actions" {
  type    = list(string)
  default = ["logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents"]
}

data "aws_iam_policy_document" "default" {
  statement {
    actions   = var.iam_actions
    effect    = "Allow"
    resources = ["*"]
  }
}

resource "aws_iam_policy" "default" {
  name   = "app"
  policy = data.aws_iam_policy_document.default.json
}
`;
  const unit = await scanUnit({ 'main.tf': text });
  const finding = unit.findings.find((f) => f.ruleId === 'PAL-AWS-IAM-050');
  assert.ok(finding, 'IAM-050 fires on the default actions');
  const fixes = (await fixesForFinding(finding, unit.context)).filter((f) => f.source === 'iam-scope');
  assert.deepEqual(fixes, []);
  // The same statement with the actions written in it is scoped.
  const literal = text.replace('actions   = var.iam_actions', 'actions   = ["logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents"]');
  const { fixes: offered } = await scopeFixes(literal);
  assert.deepEqual(offered.map((f) => f.title), ['Scope Resource to aws_cloudwatch_log_group.lambda']);
});

test('iam:PassRole is scoped only to roles a service the policy acts on can assume', async () => {
  // Pennsieve app-deploy-service: the deploy Lambda's policy grants ecs:RunTask and iam:PassRole on
  // "*" ("ECSPassRole"); the module's other roles are Lambda roles, which ECS cannot assume, so
  // scoping PassRole to them would break every RunTask while the finding went away.
  const lambdaTrust = trust('lambda.amazonaws.com');
  const text = `resource "aws_iam_role" "service" {
  name               = "service"
  assume_role_policy = ${lambdaTrust}
}

resource "aws_iam_role" "status" {
  name               = "status"
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{ "Action": "sts:AssumeRole", "Principal": { "Service": "lambda.amazonaws.com" }, "Effect": "Allow" }]
}
EOF
}

data "aws_iam_policy_document" "service" {
  statement {
    sid       = "ECSTaskPermissions"
    actions   = ["ecs:DescribeTasks", "ecs:RunTask"]
    resources = ["*"]
  }

  statement {
    sid       = "ECSPassRole"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "service" {
  name   = "service"
  policy = data.aws_iam_policy_document.service.json
}
`;
  const unit = await scanUnit({ 'main.tf': text });
  const titles = async (ruleId: string) => {
    const finding = unit.findings.find((f) => f.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires; got ${unit.findings.map((f) => f.ruleId).join(', ')}`);
    return (await fixesForFinding(finding, unit.context)).filter((f) => f.source === 'iam-scope').map((f) => f.title);
  };
  assert.deepEqual(await titles('PAL-AWS-IAM-003'), []);
  assert.deepEqual(await titles('PAL-AWS-IAM-050'), []);
  // A role ECS tasks assume is what the statement is for: it is offered.
  const task = `${text}
resource "aws_iam_role" "task" {
  name               = "task"
  assume_role_policy = ${lambdaTrust.replace('lambda.amazonaws.com', 'ecs-tasks.amazonaws.com')}
}
`;
  const { fixes } = await scopeFixes(task, 'PAL-AWS-IAM-003');
  assert.deepEqual(fixes.map((f) => f.title), ['Scope Resource to aws_iam_role.task']);
});

test('iam:PassRole narrowing: CloudFormation, wildcard actions and roles of unlisted services keep their candidates', async () => {
  // Review R2 (session 21): a role is excluded only when the services it trusts are ones whose
  // passing actions are known and the document grants none of them.
  const roles = `${serviceRole('fn', 'lambda.amazonaws.com')}
${serviceRole('replication', 's3.amazonaws.com')}`;
  const policy = (actions: string) => `${roles}
resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = [${actions}], Resource = "arn:aws:s3:::corp-*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
    ]
  })
}
`;
  const titles = async (actions: string) => (await scopeFixes(policy(actions), 'PAL-AWS-IAM-003')).fixes.map((f) => f.title);
  // CloudFormation creates the template's functions and tasks with the caller's credentials: the
  // caller passes every role the template names, whatever service assumes it.
  assert.ok((await titles('"cloudformation:CreateStack", "ecs:RunTask"')).includes('Scope Resource to aws_iam_role.fn'));
  // A whole-service or any-action grant acts on every service.
  assert.ok((await titles('"*", "ecs:RunTask"')).includes('Scope Resource to aws_iam_role.fn'));
  // S3 replication's role trusts s3.amazonaws.com, a service the table does not list: it stays.
  assert.ok((await titles('"s3:PutReplicationConfiguration", "ecs:RunTask"')).includes('Scope Resource to aws_iam_role.replication'));
  // The H5 case still narrows: ECS receives roles, a Lambda's own role is left out.
  assert.ok(!(await titles('"ecs:RunTask"')).includes('Scope Resource to aws_iam_role.fn'));
});

test('iam:PassRole conditioned on iam:PassedToService is scoped only to roles that trust that service', async () => {
  // Review of session 21's open item: the condition says where the roles go, so a role that
  // trusts another service (an ECS task role under a Lambda-only condition) could never be passed
  // by the statement; offering it would keep the finding's fix while breaking the call it is for.
  const roles = `${serviceRole('fn', 'lambda.amazonaws.com')}
${serviceRole('task', 'ecs-tasks.amazonaws.com')}
${serviceRole('replication', 's3.amazonaws.com')}
variable "service" {
  type = string
}
`;
  const policy = (condition: string) => `${roles}
resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*", Condition = ${condition} },
    ]
  })
}
`;
  const titles = async (condition: string) => (await scopeFixes(policy(condition))).fixes.map((f) => f.title);
  assert.deepEqual(await titles('{ StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }'), ['Scope Resource to aws_iam_role.fn']);
  assert.deepEqual(await titles('{ StringLike = { "iam:PassedToService" = ["ecs-tasks.*", "s3.amazonaws.com"] } }'),
    ['Scope Resource to aws_iam_role.task', 'Scope Resource to aws_iam_role.replication', 'Scope Resource to 2 resources (aws_iam_role.task, aws_iam_role.replication)']);
  // A negated operator or a value not known here says nothing about where the roles go.
  assert.equal((await titles('{ StringNotEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }')).length, 4);
  assert.equal((await titles('{ StringEquals = { "iam:PassedToService" = var.service } }')).length, 4);
  // The policy-document form: the condition block reads the same.
  const document = `${roles}
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}
`;
  const { fixes } = await scopeFixes(document);
  assert.deepEqual(fixes.map((f) => f.title), ['Scope Resource to aws_iam_role.task']);
});
