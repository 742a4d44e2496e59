// Wildcard actions: expand to the explicit list, or narrow to read-only / read-write, in each
// document form; titles say how many actions the wildcard becomes (counted against the data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, explainFixes, fixesForFinding } from '../../../server/src/fix';
import { wildcardActionFixes } from '../../../server/src/fix/iam';
import { expandActionPattern } from '../../../server/src/fix/iam/data/iam-data';
import { scanUnit } from './helpers';

async function actionFixes(text: string) {
  const unit = await scanUnit({ 'main.tf': text });
  const finding = unit.findings.find((f) => f.ruleId === 'PAL-AWS-IAM-002');
  assert.ok(finding, 'PAL-AWS-IAM-002 fires');
  const fixes = (await fixesForFinding(finding, unit.context)).filter((f) => f.source === 'iam-actions');
  return { fixes, apply: (i: number) => applyEdits(text, fixes[i].edits) };
}

const sqs = expandActionPattern('sqs:*')!;
const sqsReadOnly = sqs.filter((a) => a.accessLevel === 'List' || a.accessLevel === 'Read');
const sqsReadWrite = sqs.filter((a) => a.accessLevel !== 'Permissions management');

test('sqs:* in jsonencode: expand, read-only and read-write, each counted', async () => {
  const text = `resource "aws_iam_role_policy" "worker" {
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "sqs:*"
        Resource = "arn:aws:sqs:us-east-1:111122223333:jobs"
      },
    ]
  })
}
`;
  const { fixes, apply } = await actionFixes(text);
  assert.deepEqual(fixes.map((f) => f.title), [
    `Expand sqs:* to the explicit list (${sqs.length} actions)`,
    `Narrow sqs:* to read-only (${sqsReadOnly.length} actions)`,
    `Narrow sqs:* to read-write (${sqsReadWrite.length} actions)`,
  ]);
  assert.ok(sqsReadOnly.length < sqsReadWrite.length && sqsReadWrite.length < sqs.length);
  const lines = sqsReadOnly.map((a) => `          "sqs:${a.name}",`).join('\n');
  // The list spans lines, so it leaves the aligned run: Effect and Resource stand alone (terraform fmt).
  assert.equal(apply(1), text.replace('Effect   = "Allow"\n        Action   = "sqs:*"', `Effect = "Allow"\n        Action = [\n${lines}\n        ]`));
  assert.ok(fixes.every((f) => f.preferred === false));
});

test('s3:* in a data source keeps other actions and renders an HCL list', async () => {
  const text = `data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:*", "sqs:SendMessage"]
    resources = ["arn:aws:s3:::corp-data/*"]
  }
}

resource "aws_iam_policy" "reader" {
  policy = data.aws_iam_policy_document.reader.json
}
`;
  const { fixes, apply } = await actionFixes(text);
  const readOnly = fixes.find((f) => f.title.startsWith('Narrow s3:* to read-only'))!;
  const count = expandActionPattern('s3:*')!.filter((a) => a.accessLevel === 'List' || a.accessLevel === 'Read').length;
  assert.equal(readOnly.title, `Narrow s3:* to read-only (${count} actions)`);
  const after = apply(fixes.indexOf(readOnly));
  assert.match(after, /actions = \[\n      "sqs:SendMessage",\n      "s3:[A-Za-z]+",\n/);
  assert.match(after, /\n    \]\n    resources = \["arn:aws:s3:::corp-data\/\*"\]/);
  assert.ok(!after.includes('"s3:*"') && !after.includes('s3:PutObject"'));
});

test('heredoc JSON: the list follows the document indentation without a trailing comma', async () => {
  const text = `resource "aws_iam_user_policy" "u" {
  user   = "u"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sqs:*",
      "Resource": "arn:aws:sqs:us-east-1:111122223333:jobs"
    }
  ]
}
EOT
}
`;
  const { apply } = await actionFixes(text);
  const lines = sqsReadOnly.map((a) => `        "sqs:${a.name}"`).join(',\n');
  assert.equal(apply(1), text.replace('"Action": "sqs:*"', `"Action": [\n${lines}\n      ]`));
});

test('patterns of unknown services are kept as written (so the finding stays and nothing is offered)', async () => {
  const text = `resource "aws_iam_role_policy" "x" {
  role   = "x"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["nosuchservice:*", "sqs:*"], Resource = "arn:aws:sqs:us-east-1:1:q" }] })
}
`;
  const unit = await scanUnit({ 'main.tf': text });
  const finding = unit.findings.find((f) => f.ruleId === 'PAL-AWS-IAM-002')!;
  const candidates = wildcardActionFixes(finding, unit.context);
  assert.equal(candidates[0].title, `Expand sqs:* to the explicit list (${sqs.length} actions)`);
  assert.ok(candidates[0].edits![0].newText.includes('"nosuchservice:*"'));
  const report = await explainFixes(finding, unit.context);
  assert.deepEqual(report.fixes.filter((f) => f.source === 'iam-actions'), []);
  assert.match(report.rejected.find((r) => r.source === 'iam-actions')!.reason, /finding remains/);
});
