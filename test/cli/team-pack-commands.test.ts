// `palisade rules` and `palisade fix` run the same rule set as `palisade scan`: the built-in pack
// plus the team packs of the nearest `.palisade.yaml` (or --config).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tempDir, writeTree } from '../policy/packs-helpers';
import { BIN } from './scan-run';

const TEAM_RULE = `# METADATA
# title: Buckets are not force-destroyed
# custom:
#   id: TEAM-S3-900
#   severity: medium
#   formats: [terraform]
#   remediation: Set force_destroy = false.
#   fixable: true
package team.s3.force_destroy

deny contains {"msg": "force_destroy deletes every object with the bucket", "resource": r.address, "path": ["force_destroy"], "fix": [{"op": "set", "path": ["force_destroy"], "value": false}]} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	r.config.force_destroy == true
}
`;

function palisade(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  return writeTree(tempDir(), {
    'team/s3/force_destroy.rego': TEAM_RULE,
    'infra/main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket        = "data"\n  force_destroy = true\n}\n',
    'infra/.palisade.yaml': 'packs:\n  sources:\n    - path: ../team\n',
  });
}

test('rules lists the team pack rules beside the built-in ones, naming their pack', () => {
  const dir = workspace();
  const listed = palisade(['rules', '--json'], `${dir}/infra`);
  assert.equal(listed.code, 0, listed.stderr);
  const rules = (JSON.parse(listed.stdout) as { rules: { id: string; pack: string; fixable: boolean }[] }).rules;
  const team = rules.find((r) => r.id === 'TEAM-S3-900');
  assert.deepEqual(team && { pack: team.pack, fixable: team.fixable }, { pack: 'team', fixable: true });
  assert.ok(rules.filter((r) => r.pack === 'builtin').length >= 120);
  // Outside the config's reach only the built-in pack is listed; --config names it explicitly.
  assert.ok(!palisade(['rules'], dir).stdout.includes('TEAM-S3-900'));
  assert.match(palisade(['rules', '--config', `${dir}/infra/.palisade.yaml`], dir).stdout, /^TEAM-S3-900 .*\[team\]$/m);
});

test('fix applies a team rule\'s verified fix and accepts --rule with a team rule id', () => {
  const dir = workspace();
  const fixed = palisade(['fix', '.', '--rule', 'TEAM-S3-900'], `${dir}/infra`);
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.match(readFileSync(`${dir}/infra/main.tf`, 'utf8'), /force_destroy = false/);
});

test('report counts team rules like scan does', () => {
  const dir = workspace();
  const report = palisade(['report', '.', '--format', 'json', '--no-fixes'], `${dir}/infra`);
  assert.equal(report.code, 0, report.stderr);
  const parsed = JSON.parse(report.stdout) as { findings: { ruleId: string }[] };
  assert.ok(parsed.findings.some((f) => f.ruleId === 'TEAM-S3-900'), JSON.stringify(parsed.findings.map((f) => f.ruleId)));
});
