// String-blind whole-file rules (FileRule.stringContentBlind, e.g. opa-fmt) keep their findings
// across an edit inside a plain string literal in the editor's incremental linter; the result must
// equal a full lint, and the rule must really be skipped only where that is sound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, providedConfig, type Violation } from '../../server/src/lint';
import { opaFmt } from '../../server/src/lint/rules/style/text';
import { REPO_ROOT } from '../helpers/corpora';

function canonical(vs: Violation[]): string[] {
  return vs.map((v) => JSON.stringify([v.location.row, v.location.col, v.title, v.location.end, v.description, v.fix ?? null])).sort();
}

/** Counts opa-fmt's runs while `body` runs. */
function countingFormatRuns<T>(body: (runs: () => number) => T): T {
  const check = opaFmt.check;
  let runs = 0;
  opaFmt.check = (ctx, options) => {
    runs++;
    return check(ctx, options);
  };
  try {
    return body(() => runs);
  } finally {
    opaFmt.check = check;
  }
}

const FORMATTED = 'package p\n\nmessage := "hello"\n\nr contains msg if {\n\tinput.x == 1\n\tmsg := sprintf("%s: %v", [message, input.x])\n}\n';

test('typing inside a message string reuses opa-fmt\'s verdict; the result equals a full lint', () => {
  assert.equal(opaFmt.stringContentBlind, true);
  countingFormatRuns((runs) => {
    const linter = new Linter(providedConfig(), undefined, { incremental: true });
    let text = FORMATTED;
    linter.lint([{ path: 'p.rego', text }]);
    assert.equal(runs(), 1);
    for (const typed of ['h', 'he', 'hel', 'he', 'h', '']) {
      text = FORMATTED.replace('"hello"', `"hello${typed}"`);
      const got = linter.lint([{ path: 'p.rego', text }]);
      const want = new Linter(providedConfig()).lint([{ path: 'p.rego', text }]);
      assert.deepEqual(canonical(got.violations), canonical(want.violations));
    }
    // One run per full lint above, none for the incremental linter's string edits.
    assert.equal(runs(), 1 + 6);
  });
});

test('outside a plain string opa-fmt is decided again: by the edited rule alone while the file stays formatted, else by a whole-file run', () => {
  countingFormatRuns((runs) => {
    // [text before, text after, whole-file run expected]: code, a ref segment, an object key, a raw
    // string (in a formatted file: the rule-edit shortcut, FileRule.cleanAfterRuleEdit), then layout
    // that unformats the rule (the whole file is formatted again, for the fix).
    const withRef = FORMATTED.replace('input.x == 1', 'input["x"] == 1');
    const withKey = FORMATTED.replace('[message, input.x]', '[{"k": 1}, input.x]');
    const withRaw = FORMATTED.replace('"hello"', '`hello`');
    const cases: [string, string, boolean][] = [
      [FORMATTED, FORMATTED.replace('input.x == 1', 'input.x == 12'), false],
      // Not formatted before (opa fmt writes input.x): the finding's fix needs the whole file.
      [withRef, withRef.replace('input["x"]', 'input["xy"]'), true],
      [withKey, withKey.replace('"k"', '"kx"'), false],
      [withRaw, withRaw.replace('`hello`', '`hellox`'), false],
      [FORMATTED, FORMATTED.replace('\tinput.x == 1', '\tinput.x  == 1'), true],
      // A line break after the rule's closing brace: outside the rule's lines, so a whole-file run.
      [FORMATTED, FORMATTED.replace('\n}\n', '\n}\n\n'), true],
    ];
    for (const [base, text, wholeFile] of cases) {
      const linter = new Linter(providedConfig(), undefined, { incremental: true });
      linter.lint([{ path: 'p.rego', text: base }]);
      const before = runs();
      const got = linter.lint([{ path: 'p.rego', text }]);
      assert.equal(runs(), before + (wholeFile ? 1 : 0), text);
      assert.deepEqual(canonical(got.violations), canonical(new Linter(providedConfig()).lint([{ path: 'p.rego', text }]).violations));
    }
    // An unformatted file: the finding carries the formatted text as its fix, so it is recomputed.
    const linter = new Linter(providedConfig(), undefined, { incremental: true });
    const messy = FORMATTED + '\n\n';
    linter.lint([{ path: 'p.rego', text: messy }]);
    const before = runs();
    const text = messy.replace('"hello"', '"hellox"');
    const got = linter.lint([{ path: 'p.rego', text }]);
    assert.equal(runs(), before + 1);
    const fmt = got.violations.find((v) => v.title === 'opa-fmt');
    assert.ok(fmt?.fix?.[0].newText.includes('"hellox"'));
  });
});

test('string edits across a real pack file: the incremental result equals a full lint each time', () => {
  const source = readFileSync(join(REPO_ROOT, 'policies/lib/iam_identity.rego'), 'utf8');
  const linter = new Linter(providedConfig(), undefined, { incremental: true });
  linter.lint([{ path: 'p.rego', text: source }]);
  // Type into every plain string literal of the file in turn (a character after its opening quote).
  let text = source;
  let typed = 0;
  for (const m of source.matchAll(/"([A-Za-z][^"\\\n]*)"/g)) {
    const at = text.indexOf(m[0]) + 1;
    if (at < 1) continue;
    text = text.slice(0, at) + 'z' + text.slice(at);
    const got = linter.lint([{ path: 'p.rego', text }]);
    assert.deepEqual(canonical(got.violations), canonical(new Linter(providedConfig()).lint([{ path: 'p.rego', text }]).violations), `after typing into ${m[0]}`);
    typed++;
  }
  assert.ok(typed > 5, `only ${typed} strings typed into`);
});
