// `palisade scan` on Terraform plan and state files (docs/plan.md): findings on the JSON or, with
// the configuration beside the plan, on the .tf source; the command line's filters apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

const BIN = resolve(REPO_ROOT, 'bin', 'palisade.js');
const STATE = 'test/fixtures/tfplan/state/terraform.tfstate';
const WITH_SOURCE = 'test/fixtures/tfplan/with-source';

interface Finding { ruleId: string; resource?: string; location: { file: string; startLine: number; startColumn: number } }

function scan(args: string[]): { code: number | null; findings: Finding[]; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'scan', ...args, '--format', 'json', '--no-progress'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  const findings = r.status === 0 || r.status === 1 ? (JSON.parse(r.stdout) as { findings: Finding[] }).findings : [];
  return { code: r.status, findings, stderr: r.stderr };
}

test('a state file is scanned: findings on its JSON lines, exit code from --fail-on, --rule filters', () => {
  const all = scan([STATE, '--fail-on', 'high']);
  assert.equal(all.code, 1, all.stderr);
  const text = readFileSync(resolve(REPO_ROOT, STATE), 'utf8').split('\n');
  const monitoring = all.findings.find((f) => f.ruleId === 'PAL-AWS-EC2-005')!;
  assert.equal(monitoring.resource, 'aws_instance.worker[0]');
  assert.equal(monitoring.location.file, STATE);
  assert.match(text[monitoring.location.startLine - 1], /"monitoring": false/);
  assert.ok(all.findings.some((f) => f.ruleId === 'PAL-AWS-S3-011'));
  const one = scan([STATE, '--rule', 'PAL-AWS-EC2-005', '--fail-on', 'high']);
  assert.equal(one.code, 0, one.stderr);
  assert.deepEqual(one.findings.map((f) => f.ruleId), ['PAL-AWS-EC2-005']);
});

test('a plan beside its configuration: findings on the .tf source, none twice', () => {
  const plan = scan([`${WITH_SOURCE}/plan.json`, '--fail-on', 'none']);
  assert.equal(plan.code, 0, plan.stderr);
  assert.ok(plan.findings.length >= 5);
  assert.ok(plan.findings.every((f) => f.location.file.endsWith('.tf')), JSON.stringify(plan.findings.map((f) => f.location)));
  const tree = scan([WITH_SOURCE, '--fail-on', 'none']);
  const key = (f: Finding) => `${f.ruleId} ${f.location.file}:${f.location.startLine}:${f.location.startColumn}`;
  assert.equal(new Set(tree.findings.map(key)).size, tree.findings.length, 'no finding reported twice');
  for (const f of plan.findings) assert.ok(tree.findings.some((t) => key(t) === key(f)), key(f));
});
