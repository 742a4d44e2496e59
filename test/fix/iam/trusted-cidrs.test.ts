// Trusted-CIDR fixes for rules open to the internet: with `fix.trusted_cidrs` configured, and
// without (var.trusted_cidrs, declared in variables.tf or the same file); never widening access.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixesForFinding, type FixTextEdit } from '../../../server/src/fix';
import { trustedCidrFixes } from '../../../server/src/fix/cidr';
import { configWith, scanUnit, type Unit } from './helpers';

const SG = `resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0", "10.1.0.0/16"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`;

function applyTo(unit: Unit, file: string, edits: FixTextEdit[]): string {
  const text = unit.host.readFile(`/ws/${file}`) ?? '';
  return applyEdits(text, edits.filter((e) => e.file === file));
}

test('configured trusted CIDRs replace 0.0.0.0/0 in place; the public IPv6 entry is removed', async () => {
  const unit = await scanUnit({ 'main.tf': SG }, configWith(['203.0.113.0/24', '198.51.100.7/32']));
  const v4 = unit.findings.find((f) => f.path?.includes('cidr_blocks'))!;
  const fixes = (await fixesForFinding(v4, unit.context)).filter((f) => f.source === 'trusted-cidrs');
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].title, 'Restrict to trusted CIDRs (203.0.113.0/24, 198.51.100.7/32)');
  assert.equal(applyTo(unit, 'mod/main.tf', fixes[0].edits), SG
    .replace('["0.0.0.0/0", "10.1.0.0/16"]', '["203.0.113.0/24", "198.51.100.7/32", "10.1.0.0/16"]')
    .replace('["::/0"]', '[]'));
});

test('without configuration: var.trusted_cidrs, declared in variables.tf when the module has one', async () => {
  const variables = 'variable "env" {\n  default = "prod"\n}\n';
  const unit = await scanUnit({ 'main.tf': SG, 'variables.tf': variables });
  const v4 = unit.findings.find((f) => f.path?.includes('cidr_blocks'))!;
  const fixes = (await fixesForFinding(v4, unit.context)).filter((f) => f.source === 'trusted-cidrs');
  assert.equal(fixes[0].title, 'Restrict to var.trusted_cidrs instead of the internet');
  assert.equal(applyTo(unit, 'mod/main.tf', fixes[0].edits), SG
    .replace('["0.0.0.0/0", "10.1.0.0/16"]', 'concat(var.trusted_cidrs, ["10.1.0.0/16"])')
    .replace('["::/0"]', '[]'));
  assert.equal(applyTo(unit, 'mod/variables.tf', fixes[0].edits), `${variables}
variable "trusted_cidrs" {
  description = "CIDR blocks trusted to reach rules that were open to the internet."
  type        = list(string)
}
`);
});

test('without variables.tf the declaration goes into the same file; an existing one is reused', async () => {
  const single = SG.replace('["0.0.0.0/0", "10.1.0.0/16"]', '["0.0.0.0/0"]');
  const unit = await scanUnit({ 'main.tf': single });
  const v4 = unit.findings.find((f) => f.path?.includes('cidr_blocks'))!;
  const [fix] = (await fixesForFinding(v4, unit.context)).filter((f) => f.source === 'trusted-cidrs');
  const after = applyTo(unit, 'mod/main.tf', fix.edits);
  assert.ok(after.includes('cidr_blocks      = var.trusted_cidrs\n'));
  assert.ok(after.endsWith('}\n\nvariable "trusted_cidrs" {\n  description = "CIDR blocks trusted to reach rules that were open to the internet."\n  type        = list(string)\n}\n'));

  const declared = await scanUnit({ 'main.tf': single, 'vars.tf': 'variable "trusted_cidrs" {\n  type = list(string)\n}\n' });
  const finding = declared.findings.find((f) => f.path?.includes('cidr_blocks'))!;
  const candidates = trustedCidrFixes(finding, declared.context);
  assert.deepEqual(candidates[0].edits!.map((e) => e.file), ['mod/main.tf', 'mod/main.tf']);
});

test('a configured list that contains a public CIDR is never used', async () => {
  const unit = await scanUnit({ 'main.tf': SG }, configWith(['0.0.0.0/0']));
  const v4 = unit.findings.find((f) => f.path?.includes('cidr_blocks'))!;
  assert.deepEqual(trustedCidrFixes(v4, unit.context), []);
});

test('an IPv6 finding removes ::/0 (or uses configured IPv6 CIDRs)', async () => {
  const unit = await scanUnit({ 'main.tf': SG }, configWith(['2001:db8::/32']));
  const v6 = unit.findings.find((f) => f.path?.includes('ipv6_cidr_blocks'))!;
  const [fix] = (await fixesForFinding(v6, unit.context)).filter((f) => f.source === 'trusted-cidrs');
  assert.equal(applyTo(unit, 'mod/main.tf', fix.edits), SG.replace('["::/0"]', '["2001:db8::/32"]'));
});

test('aws_vpc_security_group_ingress_rule: one trusted CIDR replaces cidr_ipv4', async () => {
  const rule = `resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = "sg-1"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0"
}
`;
  const unit = await scanUnit({ 'main.tf': rule }, configWith(['203.0.113.0/24']));
  const [fix] = (await fixesForFinding(unit.findings[0], unit.context)).filter((f) => f.source === 'trusted-cidrs');
  assert.equal(applyTo(unit, 'mod/main.tf', fix.edits), rule.replace('"0.0.0.0/0"', '"203.0.113.0/24"'));
});
