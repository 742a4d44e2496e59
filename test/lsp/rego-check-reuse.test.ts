// Compile-check reuse (rego-check-reuse): when an edit cannot change the check's result — typing
// inside a plain string, or changing only layout and comments — the previous errors are moved
// instead of checking again. Whenever reuse answers, its errors must equal a fresh full check of
// the new text (codes, messages, offsets, rows, columns, details).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModules, opaErrors, parseModule, type Module, type RegoError } from '../../server/src/rego/index';
import { relocatedErrorsForLayoutEdit, shiftedErrorsForStringEdit } from '../../server/src/lsp/rego-check-reuse';
import { seededRandom } from '../helpers/seeded';

const FILE = '/ws/main.rego';
const NEIGHBOUR = { file: '/ws/other.rego', text: 'package p\n\nhelper(x) := x + 1\n\ndefault d := 1\n' };

/** A policy body without errors; each variant adds the rules that make one stage report. */
const BASE = [
  'package p',
  '',
  'import rego.v1',
  '',
  '# A comment the edits may change.',
  'msg := "hello world"',
  '',
  'deny contains m if {',
  '\tsome r in input.resources',
  '\tm := sprintf("%s bad", [r.name])',
  '}',
  '',
  'g := z if { z := "a b c"; w := 1 }',
  '',
].join('\n');

// OPA stops at the first stage that reports, so each variant exercises one stage's errors.
const VARIANTS = [
  'allow if {\n\tx := input.a\n\ty == x\n}\n\nq if {\n\tv == 1\n}\n',
  'n := count("abc") + "s"\n\nk if {\n\tupper(1) == "A"\n}\n',
  't if {\n\tundefined_fn(input.x)\n}\n\nf(a) := helper(a, 2)\n',
  'a if b\n\nb if a\n',
];
// Layout and comment edits (reuse should answer) mixed with code edits (it must not, or be right).
const INSERTS = [' ', '  ', '\n', '\t', '\n\n', ' # note', 'x', '1', '"', 'q', '+', '\n\tinput.y == 1', 'a b'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.7) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 2));
}

function parsed(text: string): Module | undefined {
  const r = parseModule(text, { regoVersion: 'v1', file: FILE });
  return opaErrors(r.errors).length === 0 ? r.module : undefined;
}

function fullCheck(text: string, module: Module): RegoError[] {
  return checkModules([{ file: FILE, text, module }, NEIGHBOUR], { strict: false, maxErrors: 0 });
}

test('reused compile errors equal a full check after random edits', () => {
  let reusedString = 0;
  let reusedLayout = 0;
  let rechecked = 0;
  for (let seed = 1; seed <= 12; seed++) {
    const next = seededRandom(seed);
    const policy = BASE + '\n' + VARIANTS[seed % VARIANTS.length];
    let before = { text: policy, module: parsed(policy)! };
    let errors = fullCheck(before.text, before.module);
    for (let step = 0; step < 40; step++) {
      const text = edit(before.text, next);
      const module = parsed(text);
      // A text that does not parse is never checked (its syntax errors are all the editor shows).
      if (!module) continue;
      const after = { text, module };
      const full = fullCheck(text, module);
      const byString = shiftedErrorsForStringEdit(FILE, before, after, errors);
      const byLayout = byString ? undefined : relocatedErrorsForLayoutEdit(FILE, before, after, errors);
      const reused = byString ?? byLayout;
      if (byString) reusedString++;
      else if (byLayout) reusedLayout++;
      else rechecked++;
      if (reused) assert.deepEqual(reused, full, `seed ${seed} step ${step}:\n${JSON.stringify(before.text)}\n→ ${JSON.stringify(text)}`);
      before = after;
      errors = full;
    }
  }
  // Both kinds of reuse were exercised, and code edits still re-check.
  assert.ok(reusedLayout >= 50, `layout reuse answered ${reusedLayout} times`);
  assert.ok(reusedString >= 3, `string reuse answered ${reusedString} times`);
  assert.ok(rechecked >= 20, `re-checked ${rechecked} times`);
});

test('every starting policy has errors to move, so equality is not trivial', () => {
  for (const variant of VARIANTS) {
    const policy = BASE + '\n' + variant;
    const errors = fullCheck(policy, parsed(policy)!);
    assert.ok(errors.some((e) => e.file === FILE && e.loc.start > 0), JSON.stringify(errors));
  }
});

test('an error message quoting a row of the file is never moved', () => {
  const text = 'package p\n\ndefault d := 2\n';
  const before = { text, module: parsed(text)! };
  const errors = fullCheck(text, before.module);
  assert.match(errors[0].message, /multiple default rules data\.p\.d found at \/ws\/main\.rego:3/);
  const moved = text.replace('\ndefault', '\n\ndefault');
  assert.equal(relocatedErrorsForLayoutEdit(FILE, before, { text: moved, module: parsed(moved)! }, errors), undefined);
});

test('a layout edit moves errors after it, with rows and columns', () => {
  const text = 'package p\n\nr if {\n\ty == 1\n}\n';
  const before = { text, module: parsed(text)! };
  const errors = fullCheck(text, before.module);
  assert.deepEqual(errors.map((e) => [e.message, e.row, e.col]), [['var y is unsafe', 4, 2]]);
  const moved = 'package p\n\n# why\nr if {\n\t  y == 1\n}\n';
  const after = { text: moved.replace('# why\n', ''), module: parsed(moved.replace('# why\n', ''))! };
  const reused = relocatedErrorsForLayoutEdit(FILE, before, after, errors)!;
  assert.deepEqual(reused.map((e) => [e.message, e.row, e.col, after.text.slice(e.loc.start, e.loc.end)]), [['var y is unsafe', 4, 4, 'y == 1']]);
});

test('a code edit or a comment on the first character is not reused', () => {
  const text = 'package p\n\nr if {\n\ty == 1\n}\n';
  const before = { text, module: parsed(text)! };
  const errors = fullCheck(text, before.module);
  const changed = text.replace('y == 1', 'y == 2');
  assert.equal(relocatedErrorsForLayoutEdit(FILE, before, { text: changed, module: parsed(changed)! }, errors), undefined);
  const leading = '# c\n' + text;
  assert.equal(relocatedErrorsForLayoutEdit(FILE, before, { text: leading, module: parsed(leading)! }, errors), undefined);
});
