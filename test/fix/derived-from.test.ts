// `derived_from` on a `set` (docs/fixes.md): a value computed from other attributes of the block
// (PAL-AWS-VPC-006's description "tcp 443 from 10.0.0.0/8") is offered only while each of them is
// literal text, so the value holds for every caller and instance. Checked with the built-in rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { applyEdits, explainFixes, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost } from '../policy/helpers';

let packCache: RulePack | undefined;
function builtinPack(): RulePack {
  packCache ??= loadPack(readPackFiles(resolve(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  return packCache;
}

const RULE = (name: string, cidrs: string, extra = '') =>
  [
    `resource "aws_security_group_rule" "${name}" {`,
    extra,
    '  type              = "ingress"',
    '  protocol          = "tcp"',
    '  from_port         = 443',
    '  to_port           = 443',
    `  cidr_blocks       = ${cidrs}`,
    '  security_group_id = "sg-0123456789abcdef0"',
    '}',
    '',
  ].filter((l) => l !== '').join('\n');

async function report(files: Record<string, string>, address: string) {
  const host = new MemoryHost(files);
  const pack = builtinPack();
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  const finding = scan.findings.find((f) => f.ruleId === 'PAL-AWS-VPC-006' && f.resource === address);
  assert.ok(finding?.fix, `${address}: a finding with fix operations`);
  return explainFixes(finding, context);
}

test('literal attributes: the description is written', async () => {
  const text = RULE('https', '["10.0.0.0/8"]') + '\n';
  const r = await report({ '/ws/mod/main.tf': text }, 'aws_security_group_rule.https');
  assert.equal(r.fixes.length, 1);
  assert.match(applyEdits(text, r.fixes[0].edits), /description {7}= "tcp 443 from 10\.0\.0\.0\/8"\n\}/);
});

test('a CIDR known through a variable default: refused, naming the variable', async () => {
  const text = 'variable "cidrs" {\n  default = ["10.0.0.0/8"]\n}\n\n' + RULE('https', 'var.cidrs') + '\n';
  const r = await report({ '/ws/mod/main.tf': text }, 'aws_security_group_rule.https');
  assert.deepEqual(r.fixes, []);
  assert.match(r.rejected.map((x) => x.reason).join('\n'), /derived from cidr_blocks, which is a reference \(var\.cidrs\)/);
});

test('count with literal attributes: one description serves every instance', async () => {
  const text = RULE('https', '["10.0.0.0/8"]', '  count = 2') + '\n';
  const r = await report({ '/ws/mod/main.tf': text }, 'aws_security_group_rule.https[0]');
  assert.equal(r.fixes.length, 1);
});

test('an iteration value (for_each): refused', async () => {
  const text = RULE('https', '[each.value]', '  for_each = toset(["10.0.0.0/8"])') + '\n';
  const r = await report({ '/ws/mod/main.tf': text }, 'aws_security_group_rule.https["10.0.0.0/8"]');
  assert.deepEqual(r.fixes, []);
  assert.match(r.rejected.map((x) => x.reason).join('\n'), /derived from cidr_blocks/);
});

test('a source named by reference: offered while the block reads exactly that reference', async () => {
  const vpc = 'resource "aws_vpc" "main" {\n  cidr_block = "10.20.0.0/16"\n}\n\n';
  const text = vpc + RULE('https', '[aws_vpc.main.cidr_block]') + '\n';
  const r = await report({ '/ws/mod/main.tf': text }, 'aws_security_group_rule.https');
  assert.equal(r.fixes.length, 1);
  assert.match(applyEdits(text, r.fixes[0].edits), /description {7}= "tcp 443 from aws_vpc\.main\.cidr_block"/);
  // A function of the reference is not the reference: the block does not read what the text names.
  const derived = vpc + RULE('https', '[cidrsubnet(aws_vpc.main.cidr_block, 8, 1)]') + '\n';
  const host = new MemoryHost({ '/ws/mod/main.tf': derived });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: builtinPack() });
  const finding = scan.findings.find((f) => f.ruleId === 'PAL-AWS-VPC-006');
  assert.ok(finding);
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack: builtinPack(), config: DEFAULT_CONFIG };
  assert.deepEqual((await explainFixes(finding, context)).fixes, []);
});

// A value copied from another resource (`"resource"` in the entry): PAL-AWS-LB-005 copies the log
// bucket the module's other load balancer writes to, only while that one spells it as copied.
async function lbReport(text: string) {
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const pack = builtinPack();
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack });
  const finding = scan.findings.find((f) => f.ruleId === 'PAL-AWS-LB-005' && f.resource === 'aws_lb.internal');
  assert.ok(finding?.fix, 'a finding with fix operations');
  return explainFixes(finding, context);
}

const LBS = (bucket: string) =>
  `resource "aws_lb" "public" {\n  name = "public"\n\n  access_logs {\n    bucket  = ${bucket}\n    enabled = true\n  }\n}\n\nresource "aws_lb" "internal" {\n  name = "internal"\n}\n`;

test('a sibling value spelled literally: copied', async () => {
  const text = LBS('"corp-lb-logs"');
  const r = await lbReport(text);
  assert.equal(r.fixes.length, 1);
  assert.match(applyEdits(text, r.fixes[0].edits), /internal"\n\n {2}access_logs \{\n {4}bucket {2}= "corp-lb-logs"\n {4}enabled = true\n {2}\}\n\}/);
});

test('a sibling value known through a variable default: refused, naming the sibling', async () => {
  const text = 'variable "log_bucket" {\n  default = "corp-lb-logs"\n}\n\n' + LBS('var.log_bucket');
  const r = await lbReport(text);
  assert.deepEqual(r.fixes, []);
  assert.match(r.rejected.map((x) => x.reason).join('\n'), /aws_lb\.public: the value is derived from access_logs\.0\.bucket, which is a reference \(var\.log_bucket\)/);
});
