// Fix forms beyond each rule's fixtures/<rule>/invalid.tf: every file in test/fixtures/fix/forms/
// is one way a rule's finding shows up. Header comments say what must happen:
//   # rule: ID…      every finding of these rules is gone after the preferred verified fixes
//   # expect: text   the fixed file contains this text more often than the original (the fix wrote it)
//   # keep: text     the fixed file still contains this text (what the fix must not lose)
//   # no-fix: ID…    these rules fire and their findings carry no fix operations
// The fixes are applied in rounds, like `palisade fix`, and the result must parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyEdits, explainFixes, fixAllInFile } from '../../server/src/fix';
import { parseTerraform } from '../../server/src/iac/terraform';
import { DEFAULT_CONFIG, loadPack, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { readPackFiles } from '../../server/src/workspace/policy-files';
import { REPO_ROOT } from '../helpers/corpora';
import { MemoryHost } from '../policy/helpers';

const FORMS = resolve(REPO_ROOT, 'test/fixtures/fix/forms');
const FILE = 'unit/main.tf';
const ABS = `/fixture/${FILE}`;

let packCache: RulePack | undefined;
function builtinPack(): RulePack {
  packCache ??= loadPack(readPackFiles(resolve(REPO_ROOT, 'policies')), { name: 'builtin', check: false });
  return packCache;
}

async function scan(text: string) {
  const host = new MemoryHost({ [ABS]: text });
  const result = await scanTerraformUnit(host, { dir: '/fixture/unit', root: '/fixture', pack: builtinPack() });
  return { host, result };
}

function directive(text: string, name: string): string[] {
  const prefix = `# ${name}: `;
  return text.split(/\r?\n/).filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
}

const forms = readdirSync(FORMS).filter((f) => f.endsWith('.tf')).sort();

test('there are fix forms to check', () => {
  assert.ok(forms.length > 0);
});

for (const form of forms) {
  test(`fix form ${form}`, async () => {
    const original = readFileSync(resolve(FORMS, form), 'utf8');
    const rules = new Set(directive(original, 'rule').flatMap((l) => l.split(/\s+/)).filter(Boolean));
    const unfixable = new Set(directive(original, 'no-fix').flatMap((l) => l.split(/\s+/)).filter(Boolean));
    assert.ok(rules.size + unfixable.size > 0, `${form} names no rule`);
    const before = await scan(original);
    for (const id of unfixable) {
      const found = before.result.findings.filter((f) => f.ruleId === id);
      assert.ok(found.length > 0, `${id} does not fire on ${form}`);
      for (const f of found) assert.equal(f.fix, undefined, `${id} claims a fix: ${JSON.stringify(f.fix)}`);
    }
    for (const id of rules) assert.ok(before.result.findings.some((f) => f.ruleId === id), `${id} does not fire on ${form}`);
    if (rules.size === 0) return;
    let text = original;
    for (let round = 0; round < 3; round++) {
      const { host, result } = await scan(text);
      const mine = result.findings.filter((f) => rules.has(f.ruleId) && !f.suppressed);
      if (mine.length === 0) break;
      const context = { host, root: '/fixture', dir: '/fixture/unit', pack: builtinPack(), config: DEFAULT_CONFIG, unitFindings: result.findings };
      const all = await fixAllInFile(FILE, mine, context);
      if (all.edits.length === 0) {
        const reasons = await Promise.all(mine.map(async (f) => `${f.ruleId} ${f.resource}: ${(await explainFixes(f, context)).rejected.map((r) => r.reason).join('; ')}`));
        assert.fail(`no verified fix in round ${round}:\n  ${reasons.join('\n  ')}`);
      }
      text = applyEdits(text, all.edits);
    }
    const errors = parseTerraform(text, ABS).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((e) => e.message), [], 'the fixed file parses');
    const after = await scan(text);
    const left = after.result.findings.filter((f) => rules.has(f.ruleId) && !f.suppressed);
    assert.deepEqual(left.map((f) => `${f.ruleId} ${f.resource}`), [], `findings left after fixing:\n${text}`);
    // The directive lines themselves contain each expected text: look for it in the rest of the
    // file (until session 23 every expectation matched its own directive line). Runs of blanks
    // compare equal, as `terraform fmt` aligns the equals signs of neighbouring arguments.
    // An expected text must be one the fix wrote: it occurs more often after the fix than before
    // (six CIS forms expected an alarm_actions line the original's own alarm already had).
    const blanks = (s: string) => s.replace(/[ \t]+/g, ' ');
    const body = (t: string) =>
      blanks(
        t
          .split(/\r?\n/)
          .filter((l) => !l.startsWith('# expect: ') && !l.startsWith('# keep: '))
          .join('\n'),
      );
    const occurrences = (t: string, s: string) => t.split(s).length - 1;
    const [was, now] = [body(original), body(text)];
    for (const expected of directive(original, 'expect')) {
      const e = blanks(expected);
      assert.ok(occurrences(now, e) > occurrences(was, e), `the fix did not write ${JSON.stringify(expected)} (${occurrences(was, e)} before, ${occurrences(now, e)} after):\n${text}`);
    }
    for (const kept of directive(original, 'keep')) {
      const k = blanks(kept);
      assert.ok(occurrences(was, k) > 0, `# keep: ${JSON.stringify(kept)} is not in the original`);
      assert.ok(occurrences(now, k) >= occurrences(was, k), `the fix lost ${JSON.stringify(kept)}:\n${text}`);
    }
  });
}
