// The order of a report's violations: an editor's linter (incremental mode) merges per-file lists
// sorted once per file instead of sorting the whole workspace's violations on every keystroke. Its
// list must equal, element by element and in order, what a fresh one-shot lint returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, Linter, providedConfig, type LintConfig, type LintFile } from '../../server/src/lint';
import { REPO_ROOT } from '../helpers/corpora';
import { seededRandom } from '../helpers/seeded';

function everyRuleOn(): LintConfig {
  const config = providedConfig();
  for (const settings of config.rules.values()) settings.level = 'error';
  return config;
}

const INSERTS = [' ', 'x', '\n', '#', '# TODO\n', 'import data.nowhere\n', '\nq := 1\n', 'not ', '"'];

/**
 * Many files whose violations tie on row and column (every rule's bad example starts alike), whose
 * paths sort differently from their input order, with aggregate findings (unresolved imports,
 * cycles) landing on files other than the edited one.
 */
function workspace(): LintFile[] {
  const files: LintFile[] = allRules
    .filter((r) => r.meta.docs.bad.startsWith('package'))
    .map((r, i) => ({ path: `z${(i * 7919) % 101}/${r.meta.name}.rego`, text: r.meta.docs.bad + '\n' }));
  for (const p of ['policies/lib/result.rego', 'policies/lib/iam.rego', 'policies/aws/s3/bucket_acls_enabled.rego']) files.push({ path: p, text: readFileSync(join(REPO_ROOT, p), 'utf8') });
  files.push({ path: 'cycle/a.rego', text: 'package cycle.a\n\nimport data.cycle.b\n\nx := b.y\n' });
  files.push({ path: 'cycle/b.rego', text: 'package cycle.b\n\nimport data.cycle.a\nimport data.cycle.missing\n\ny := a.x\n' });
  return files;
}

test('an editor linter lists violations in exactly the order a one-shot lint does, edit after edit', () => {
  const files = workspace();
  const editor = new Linter(everyRuleOn(), undefined, { incremental: true });
  const next = seededRandom(5);
  let aggregateSeen = 0;
  for (let step = 0; step < 60; step++) {
    const target = Math.floor(next() * files.length);
    const text = files[target].text;
    const at = Math.floor(next() * (text.length + 1));
    files[target] = { path: files[target].path, text: text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at) };
    const got = editor.lint(files);
    const want = new Linter(everyRuleOn()).lint(files);
    assert.deepStrictEqual(got.violations, want.violations, `step ${step}: ${files[target].path}`);
    if (got.violations.some((v) => v.category === 'imports')) aggregateSeen++;
  }
  assert.ok(aggregateSeen > 0, 'the workspace must produce aggregate findings');
});

test('files listed twice under one path still give the one-shot order', () => {
  const text = 'package p\n\n# TODO: a\nx := 1\n';
  const files = [{ path: 'b.rego', text }, { path: 'a.rego', text }, { path: 'b.rego', text: text + '# TODO: b\n' }];
  const got = new Linter(everyRuleOn(), undefined, { incremental: true }).lint(files);
  const want = new Linter(everyRuleOn()).lint(files);
  assert.deepStrictEqual(got.violations, want.violations);
  assert.deepEqual(got.violations.map((v) => v.location.file).filter((f, i, all) => all.indexOf(f) === i), ['a.rego', 'b.rego']);
});
