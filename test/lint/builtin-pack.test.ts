// The built-in pack is linted with the repository's .regal/config.yaml and must stay clean, so the
// rules users copy as examples follow the same lint they get in the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

test('palisade rego lint policies/ reports no violations', () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'palisade.js'), 'rego', 'lint', '--format', 'json', 'policies/'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { violations: { title: string; location: { file: string; row: number } }[]; summary: { files_scanned: number } };
  assert.ok(report.summary.files_scanned > 100, `linted only ${report.summary.files_scanned} files`);
  assert.deepEqual(report.violations.map((v) => `${v.location.file}:${v.location.row} ${v.title}`), []);
  assert.equal(r.status, 0);
});
