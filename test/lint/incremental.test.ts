// Incremental lint (LinterOptions.incremental): after each edit only the changed Rego rules are
// re-checked by local rules, and the violations must equal a fresh full lint of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, Linter, providedConfig, type LintConfig, type Violation } from '../../server/src/lint';
import type { FileRule } from '../../server/src/lint/types';
import { REPO_ROOT } from '../helpers/corpora';
import { seededRandom } from '../helpers/seeded';

/** The provided config with every rule switched on (custom rules included). */
function everyRuleOn(): LintConfig {
  const config = providedConfig();
  for (const settings of config.rules.values()) settings.level = 'error';
  return config;
}

/** A total order, so equal multisets of violations compare equal whatever order ties came in. */
function canonical(vs: Violation[]): string[] {
  return vs.map((v) => JSON.stringify([v.location.row, v.location.col, v.title, v.location.end, v.description, v.fix ?? null])).sort();
}

const INSERTS = [' ', 'x', '_', '1', '"', '\n', '#', '{', '}', 'not ', ':= 2', '\n\tinput.y == 1', 'Camel', '\nq := 1\n', '[_]'];

/** One edit: insert a snippet, delete a few characters, duplicate or drop a line. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.5) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  if (kind < 0.75) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  const lines = text.split('\n');
  const row = Math.floor(next() * lines.length);
  if (kind < 0.9) lines.splice(row, 0, lines[row]);
  else lines.splice(row, 1);
  return lines.join('\n');
}

function sources(): { name: string; text: string }[] {
  const fromPack = ['policies/lib/result.rego', 'policies/lib/iam.rego', 'policies/lib/net_test.rego', 'policies/aws/s3/bucket_acls_enabled.rego'];
  const out = fromPack.map((p) => ({ name: p, text: readFileSync(join(REPO_ROOT, p), 'utf8') }));
  // Every rule's violating example, in one module per rule: each rule fires at least once.
  for (const rule of allRules) if (rule.meta.docs.bad.startsWith('package')) out.push({ name: `docs of ${rule.meta.name}`, text: rule.meta.docs.bad + '\n' });
  return out;
}

test('incremental lint equals a full lint after every edit (pack files and every rule\'s bad example)', () => {
  let compared = 0;
  let parsed = 0;
  for (const [n, source] of sources().entries()) {
    const incremental = new Linter(everyRuleOn(), undefined, { incremental: true });
    const next = seededRandom(n + 1);
    let base = source.text;
    for (let step = 0; step < 15; step++) {
      // Each edit starts from the last text that parsed, so broken texts do not pile up.
      const text = edit(base, next);
      const got = incremental.lint([{ path: 'p/p.rego', text }]);
      const want = new Linter(everyRuleOn()).lint([{ path: 'p/p.rego', text }]);
      assert.deepEqual(canonical(got.violations), canonical(want.violations), `${source.name}, edit ${step}:\n${text}`);
      assert.deepEqual(got.errors, want.errors);
      compared++;
      if (want.errors.length === 0) {
        parsed++;
        base = text;
      }
    }
  }
  // The edits must leave many texts parseable, or the comparison would prove little.
  assert.ok(parsed > compared / 3, `only ${parsed} of ${compared} edited texts parsed`);
});

test('a keystroke inside one rule re-checks only that rule with the local rules', () => {
  const seen: number[] = [];
  const probe: FileRule = {
    kind: 'file',
    local: true,
    meta: { name: 'probe', category: 'bugs', docs: { summary: 'probe', rationale: '', bad: '', good: '' } },
    check: (ctx) => {
      seen.push(ctx.rules.length);
      return ctx.rules.map((r) => ({ loc: r.head.loc }));
    },
  };
  const config = providedConfig();
  config.rules.set('bugs/probe', { level: 'error', options: {}, ignoreFiles: [] });
  const linter = new Linter(config, [probe], { incremental: true });
  const text = 'package p\n\na := 1\n\nb if {\n\tinput.x == "abc"\n}\n\nc := 3\n';
  const rows = (t: string) => linter.lint([{ path: 'p.rego', text: t }]).violations.map((v) => v.location.row);
  assert.deepEqual(rows(text), [3, 5, 9]);
  assert.deepEqual(seen, [3]);
  // Typing in b's body: only b is checked again; a and c keep their findings, c moved one line down.
  assert.deepEqual(rows(text.replace('"abc"', '"abcd"\n')), [3, 5, 10]);
  assert.deepEqual(seen, [3, 1]);
  // Renaming a rule changes the module's signatures: every rule is checked again.
  assert.deepEqual(rows(text.replace('c := 3', 'd := 3')), [3, 5, 9]);
  assert.deepEqual(seen, [3, 1, 3]);
});
