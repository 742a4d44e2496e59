// opa-fmt across edits inside one Rego rule (FileRule.cleanAfterRuleEdit): in a formatted file,
// the editor formats only the edited rule. After every edit the incremental linter's opa-fmt
// findings must equal a fresh lint's, over every file of the built-in pack and every `opa fmt`
// golden output of the opa-fmt corpus (formatted files, v0 and v1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, providedConfig, ruleByName, type LintConfig, type Violation } from '../../server/src/lint';
import type { FileRule } from '../../server/src/lint/types';
import { parseModule, detectRegoVersion } from '../../server/src/rego';
import { corpus, REPO_ROOT } from '../helpers/corpora';
import { seededRandom, regoFilesUnder } from '../helpers/seeded';

/** Only opa-fmt on, so the comparison is about it (and fast). */
function opaFmtOnly(): LintConfig {
  const config = providedConfig();
  for (const [key, settings] of config.rules) settings.level = key === 'style/opa-fmt' ? 'error' : 'ignore';
  return config;
}

// Snippets that keep a rule formatted (a letter in a name), unformat it (two spaces, a tab, a blank
// line too many, a missing space), or change its layout (a line break inside a call or collection).
const INSERTS = ['x', '1', ' ', '  ', '\t', '\n', '\n\n', ',', ' ,', '{', '}', '(', ')', '[', ']', ':= 1', '# c', ' # c', 'not ', '\n\tx := 1', '"s"', 'if ', '_'];

/** An edit at a random place inside a random rule of `text` (or anywhere, now and then). */
function editInsideRule(text: string, next: () => number): string {
  const module = parseModule(text, { regoVersion: detectRegoVersion(text) }).module;
  const rules = module?.rules ?? [];
  const rule = rules.length > 0 && next() < 0.9 ? rules[Math.floor(next() * rules.length)] : undefined;
  const from = rule ? rule.loc.start : 0;
  const to = rule ? rule.loc.end : text.length;
  const at = from + Math.floor(next() * (to - from + 1));
  if (next() < 0.7) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 2));
}

function sources(): { name: string; text: string }[] {
  const out = regoFilesUnder(join(REPO_ROOT, 'policies')).map((p) => ({ name: p.slice(REPO_ROOT.length + 1), text: readFileSync(p, 'utf8') }));
  const fmt = corpus('opa-fmt');
  if (fmt) {
    for (const name of readdirSync(fmt).filter((n) => n.endsWith('.expected.rego')).sort()) out.push({ name: `opa-fmt/${name}`, text: readFileSync(join(fmt, name), 'utf8') });
  }
  return out;
}

const fingerprint = (vs: Violation[]) => vs.map((v) => JSON.stringify([v.title, v.location, v.fix ?? null]));

test('incremental opa-fmt equals a full opa-fmt after edits inside rules (built-in pack and the opa-fmt goldens)', () => {
  const opaFmt = ruleByName('opa-fmt') as FileRule;
  let fullRuns = 0;
  // The same rule, counting its whole-file runs: a skipped run is the shortcut at work.
  const counted: FileRule = { ...opaFmt, check: (ctx, options) => (fullRuns++, opaFmt.check(ctx, options)) };
  const all = sources();
  assert.ok(all.length > 400, `only ${all.length} source files`);
  let compared = 0;
  let parsedEdits = 0;
  let incrementalRuns = 0;
  let flagged = 0;
  for (const [n, source] of all.entries()) {
    const fresh = (text: string) => new Linter(opaFmtOnly()).lint([{ path: 'p/p.rego', text }]);
    if (fresh(source.text).violations.length > 0) continue;
    const incremental = new Linter(opaFmtOnly(), [counted], { incremental: true });
    incremental.lint([{ path: 'p/p.rego', text: source.text }]);
    const next = seededRandom(n + 7);
    let base = source.text;
    for (let step = 0; step < 4; step++) {
      const text = editInsideRule(base, next);
      const before = fullRuns;
      const got = incremental.lint([{ path: 'p/p.rego', text }]);
      const want = fresh(text);
      assert.deepEqual(fingerprint(got.violations), fingerprint(want.violations), `${source.name}, edit ${step}:\n${text}`);
      assert.deepEqual(got.errors, want.errors);
      compared++;
      if (want.errors.length === 0) {
        parsedEdits++;
        if (fullRuns === before) incrementalRuns++;
        if (want.violations.length > 0) flagged++;
        // Keep typing from a formatted text, as in a file kept with format-on-save.
        if (want.violations.length === 0) base = text;
      }
    }
  }
  // The edits must exercise both verdicts and the shortcut, or the comparison proves little.
  assert.ok(parsedEdits > compared / 3, `only ${parsedEdits} of ${compared} edited texts parsed`);
  assert.ok(flagged > parsedEdits / 10, `only ${flagged} of ${parsedEdits} parsed edits unformatted the file`);
  assert.ok(incrementalRuns > parsedEdits / 4, `the shortcut was taken on only ${incrementalRuns} of ${parsedEdits} parsed edits`);
});
