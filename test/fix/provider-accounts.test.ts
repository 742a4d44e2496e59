// Fixes that name the account or region (key policies, trust conditions) read them through the
// provider configuration of the resource they fix (policies/lib/fixes.rego, data_name): in a
// cross-account module the first `aws_caller_identity` may be another account's, and a key policy
// naming that account would lock the key's own account out (KMS refuses such a policy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixesForFinding, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, scanTerraformUnit } from '../../server/src/policy';
import { builtinPack, MemoryHost } from '../policy/helpers';

const PROVIDERS = ['provider "aws" {}', '', 'provider "aws" {', '  alias = "peer"', '}', ''].join('\n');

/** Each finding of `ruleId` by resource: how many verified fixes it has, and the text the first gives. */
async function fixedTexts(text: string, ruleId: string): Promise<Map<string, { fixes: number; text?: string }>> {
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const pack = builtinPack();
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  const out = new Map<string, { fixes: number; text?: string }>();
  for (const finding of scan.findings.filter((f) => f.ruleId === ruleId)) {
    const fixes = await fixesForFinding(finding, context);
    out.set(finding.resource!, { fixes: fixes.length, text: fixes[0] && applyEdits(text, fixes[0].edits) });
  }
  return out;
}

/** The fixed text of the `audit` log group's finding of `ruleId`. */
async function fixedText(text: string, ruleId: string): Promise<string | undefined> {
  const texts = await fixedTexts(text, ruleId);
  assert.ok(texts.has('aws_cloudwatch_log_group.audit'), `${ruleId} reports the log group`);
  return texts.get('aws_cloudwatch_log_group.audit')!.text;
}

test("a key policy for a resource on an aliased provider names that provider's account, not the first caller identity's", async () => {
  const text = [
    PROVIDERS,
    'data "aws_caller_identity" "current" {}',
    '',
    'resource "aws_cloudwatch_log_group" "audit" {',
    '  provider          = aws.peer',
    '  name              = "audit"',
    '  retention_in_days = 365',
    '}',
    '',
  ].join('\n');
  const fixed = await fixedText(text, 'PAL-AWS-CLOUDWATCH-001');
  assert.ok(fixed, 'the fix is offered');
  // A caller identity of the peer provider is added (named apart from the default one) and read.
  assert.match(fixed, /data "aws_caller_identity" "current_aws_peer" \{\n {2}provider = aws\.peer\n\}/);
  assert.match(fixed, /data "aws_region" "current" \{\n {2}provider = aws\.peer\n\}/);
  assert.match(fixed, /arn:aws:iam::\$\{data\.aws_caller_identity\.current_aws_peer\.account_id\}:root/);
  assert.doesNotMatch(fixed, /data\.aws_caller_identity\.current\.account_id/);
  assert.match(fixed, /resource "aws_kms_key" "audit_logs" \{\n {2}provider {16}= aws\.peer/);
});

test("the module's own data sources are read when their provider is the resource's, in either spelling", async () => {
  const text = [
    PROVIDERS,
    'data "aws_caller_identity" "peer" {',
    '  provider = aws.peer',
    '}',
    '',
    'data "aws_region" "here" {}',
    '',
    'data "aws_caller_identity" "here" {}',
    '',
    'data "aws_region" "peer" {',
    '  provider = "aws.peer"',
    '}',
    '',
    'resource "aws_cloudwatch_log_group" "audit" {',
    '  name              = "audit"',
    '  retention_in_days = 365',
    '}',
    '',
    'resource "aws_cloudwatch_log_group" "remote" {',
    '  provider          = "aws.peer"',
    '  name              = "remote"',
    '  retention_in_days = 365',
    '}',
    '',
  ].join('\n');
  const texts = await fixedTexts(text, 'PAL-AWS-CLOUDWATCH-001');
  assert.deepEqual([...texts.keys()].sort(), ['aws_cloudwatch_log_group.audit', 'aws_cloudwatch_log_group.remote']);
  for (const [resource, fixed] of texts) assert.equal(fixed.fixes, 1, `${resource} is fixable`);
  const local = texts.get('aws_cloudwatch_log_group.audit')!.text!;
  const remote = texts.get('aws_cloudwatch_log_group.remote')!.text!;
  // No data source is added: each fix reads the module's own, of its own provider.
  assert.doesNotMatch(local, /data "aws_(caller_identity|region)" "current"/);
  assert.match(local, /data\.aws_caller_identity\.here\.account_id/);
  assert.match(local, /data\.aws_region\.here\.name/);
  assert.doesNotMatch(remote, /data "aws_(caller_identity|region)" "current/);
  assert.match(remote, /data\.aws_caller_identity\.peer\.account_id/);
  assert.match(remote, /data\.aws_region\.peer\.name/);
  // The legacy quoted provider reference is written as a reference on the blocks the fix adds.
  assert.match(remote, /resource "aws_kms_key" "remote_logs" \{\n {2}provider {16}= aws\.peer\n/);
});

test("a name the module already gives another provider's data source is not reused", async () => {
  const text = [
    PROVIDERS,
    'provider "aws" {',
    '  alias = "other"',
    '}',
    '',
    'data "aws_caller_identity" "current" {}',
    '',
    'data "aws_caller_identity" "current_aws_peer" {',
    '  provider = aws.other',
    '}',
    '',
    'resource "aws_cloudwatch_log_group" "audit" {',
    '  provider          = aws.peer',
    '  name              = "audit"',
    '  retention_in_days = 365',
    '}',
    '',
  ].join('\n');
  const fixed = await fixedText(text, 'PAL-AWS-CLOUDWATCH-001');
  assert.ok(fixed, 'the fix is offered');
  assert.match(fixed, /data "aws_caller_identity" "current_aws_peer_2" \{\n {2}provider = aws\.peer\n\}/);
  assert.match(fixed, /data\.aws_caller_identity\.current_aws_peer_2\.account_id/);
  assert.doesNotMatch(fixed, /data\.aws_caller_identity\.current_aws_peer\.account_id/);
});
