// `palisade rules --json`: optional metadata fields appear only where a rule declares them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

test('a rule that follows another lists it under "follows"; other rules have no such field', () => {
  const r = spawnSync(process.execPath, [resolve(REPO_ROOT, 'bin', 'palisade.js'), 'rules', '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const rules = (JSON.parse(r.stdout) as { rules: { id: string; follows?: string[] }[] }).rules;
  assert.deepEqual(rules.find((x) => x.id === 'PAL-AWS-S3-008')?.follows, ['PAL-AWS-S3-005']);
  assert.equal(rules.find((x) => x.id === 'PAL-AWS-S3-005')?.follows, undefined);
  assert.ok(rules.filter((x) => x.follows).every((x) => x.follows!.every((id) => rules.some((y) => y.id === id))), 'every followed rule is in the pack');
});
