// The trust-policy action fix (fix/iam/trust-actions.ts) for PAL-AWS-IAM-017: the assume action
// each statement's principal needs replaces Action "*", in all three document forms, preferred;
// no candidate when a principal's kind cannot be told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyEdits, explainFixes, type FixContext } from '../../../server/src/fix';
import { trustActionFixes } from '../../../server/src/fix/iam';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type RulePack } from '../../../server/src/policy';
import { REPO_ROOT } from '../../helpers/corpora';
import { MemoryHost } from '../../policy/helpers';

let pack: RulePack | undefined;
function trustPack(): RulePack {
  if (!pack) {
    const root = resolve(REPO_ROOT, 'policies');
    const lib = readdirSync(join(root, 'lib')).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego')).map((f) => `lib/${f}`);
    pack = loadPack([...lib, 'aws/iam/role_trust_wildcard_action.rego'].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })), { name: 'trust-test' });
  }
  return pack;
}

async function fixed(text: string): Promise<{ text: string; titles: string[]; rejected: string[] }> {
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack: trustPack(), config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: trustPack() });
  assert.equal(scan.findings.length, 1, 'one PAL-AWS-IAM-017 finding');
  const report = await explainFixes(scan.findings[0], context);
  const fix = report.fixes[0];
  assert.ok(!fix || (fix.preferred && fix.source === 'iam-trust-action'));
  return { text: fix ? applyEdits(text, fix.edits) : text, titles: report.fixes.map((f) => f.title), rejected: report.rejected.map((r) => r.reason) };
}

test('jsonencode: OIDC → AssumeRoleWithWebIdentity; EKS Pod Identity keeps its TagSession', async () => {
  const text = [
    'resource "aws_iam_openid_connect_provider" "gh" {',
    '  url             = "https://token.actions.githubusercontent.com"',
    '  client_id_list  = ["sts.amazonaws.com"]',
    '  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]',
    '}',
    '',
    'resource "aws_iam_role" "r" {',
    '  assume_role_policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [',
    '      { Effect = "Allow", Action = "*", Principal = { Federated = aws_iam_openid_connect_provider.gh.arn } },',
    '      { Effect = "Allow", Action = ["*"], Principal = { Service = "pods.eks.amazonaws.com" } },',
    '    ]',
    '  })',
    '}',
    '',
  ].join('\n');
  const r = await fixed(text);
  assert.deepEqual(r.titles, ['Allow only sts:AssumeRoleWithWebIdentity, sts:AssumeRole, sts:TagSession in the trust policy of aws_iam_role.r']);
  assert.match(r.text, /Action = "sts:AssumeRoleWithWebIdentity", Principal = \{ Federated/);
  assert.match(r.text, /Action = \["sts:AssumeRole", "sts:TagSession"\], Principal = \{ Service = "pods/);
});

test('heredoc and quoted JSON: a service and a SAML provider', async () => {
  const heredoc = 'resource "aws_iam_role" "r" {\n  assume_role_policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": ["*"], "Principal": {"Service": "ec2.amazonaws.com"}}]\n}\nEOF\n}\n';
  assert.match((await fixed(heredoc)).text, /"Action": "sts:AssumeRole",/);
  const quoted = 'resource "aws_iam_role" "r" {\n  assume_role_policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Principal\\":{\\"Federated\\":\\"arn:aws:iam::123456789012:saml-provider/corp\\"}}]}"\n}\n';
  assert.match((await fixed(quoted)).text, /\\"Action\\":\\"sts:AssumeRoleWithSAML\\"/);
});

test('a policy document data source: its statement block', async () => {
  const text = [
    'data "aws_iam_policy_document" "trust" {',
    '  statement {',
    '    actions = ["*"]',
    '    principals {',
    '      type        = "AWS"',
    '      identifiers = ["arn:aws:iam::123456789012:root"]',
    '    }',
    '  }',
    '}',
    '',
    'resource "aws_iam_role" "r" {',
    '  assume_role_policy = data.aws_iam_policy_document.trust.json',
    '}',
    '',
  ].join('\n');
  assert.match((await fixed(text)).text, /actions = \["sts:AssumeRole"\]/);
});

test('a principal whose kind cannot be told: no candidate', async () => {
  for (const principal of ['"*"', '{ Service = var.service }', '{ Federated = "arn:aws:iam::123456789012:role/x" }']) {
    const text = `variable "service" {\n  type = string\n}\n\nresource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Principal = ${principal} }] })\n}\n`;
    const host = new MemoryHost({ '/ws/mod/main.tf': text });
    const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack: trustPack(), config: DEFAULT_CONFIG };
    const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: trustPack() });
    assert.equal(scan.findings.length, 1, principal);
    assert.deepEqual(trustActionFixes(scan.findings[0], context), [], principal);
  }
});

// "sts:*" is every action a trust policy evaluates: the same fix, and other STS actions named stay.
test('"sts:*" in any case: replaced by the assume action, other actions kept', async () => {
  const text = 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["STS:*", "sts:TagSession"], Principal = { Service = "ec2.amazonaws.com" } }] })\n}\n';
  const r = await fixed(text);
  assert.deepEqual(r.titles, ['Allow only sts:AssumeRole, sts:TagSession in the trust policy of aws_iam_role.r']);
  assert.match(r.text, /Action = \["sts:AssumeRole", "sts:TagSession"\]/);
});
