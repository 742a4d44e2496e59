// Incremental re-parse (rego/syntax/reparse.ts) must be indistinguishable from a full parse: after
// every random edit of real files (the pack in policies/ and the modules of corpus('opa-cases')),
// the tree, comments and errors equal parseModule's. Plus unit tests for where it reuses the
// previous tree and where it falls back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModule, reparseModule, singleEdit, type ParseModuleResult } from '../../../server/src/rego/syntax';
import { caseModules } from '../../../scripts/conformance-parse/corpora-clean';
import { corpus, REPO_ROOT } from '../../helpers/corpora';
import { seededRandom, regoFilesUnder } from '../../helpers/seeded';

const OPTIONS = { regoVersion: 'v1' as const, file: 'p.rego' };

// What typing produces: characters, keywords, brackets, quotes, comments, line breaks, whole rules.
const INSERTS = [' ', 'x', '_', '1', '"', '`', '\n', '\t', '#', '# METADATA', '{', '}', '[', ']', '(', ')', ',', '.', ':=', '=', '==', 'not ', 'else', ' else := 1', 'if', 'contains', 'some ', 'every ', 'in', 'input.y', '\nq := 1\n', 'import data.z\n', 'package', '$"{x}"', '\\', 'é'];

/** Typing-sized edits: insert a snippet, delete a few characters; mostly inside rules. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.6) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
}

/** The edit between two texts, with some context, for failure messages. */
function describeEdit(before: string, after: string): { at: number; removed: string; inserted: string; context: string } {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { at: start, removed: before.slice(start, before.length - tail), inserted: after.slice(start, after.length - tail), context: after.slice(Math.max(0, start - 60), start + 60) };
}

/** The path of the first difference between two plain-data trees, or undefined when equal. */
function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * Runs `steps` chained random edits over `text`, comparing each incremental result with a full
 * parse. Returns how many edits were served incrementally.
 */
function differential(label: string, text: string, steps: number, next: () => number): { incremental: number; total: number } {
  let prev = { text, result: parseModule(text, OPTIONS) };
  let incremental = 0;
  for (let i = 0; i < steps; i++) {
    const after = edit(prev.text, next);
    const got = reparseModule(prev, after, OPTIONS);
    const full = parseModule(after, OPTIONS);
    if (got.incremental) incremental++;
    const diff = firstDifference(got.result, full, 'result');
    if (diff) assert.fail(`${label}, edit ${i} (${JSON.stringify(describeEdit(prev.text, after))}): the incremental parse differs from a full parse at ${diff}`);
    // Same keys in the same order too (JSON output, and the hidden classes consumers see).
    if (got.incremental && JSON.stringify(got.result) !== JSON.stringify(full)) assert.fail(`${label}, edit ${i}: the incremental parse lists its keys in another order than a full parse`);
    prev = { text: after, result: got.result };
    // Keep editing a file that still parses most of the time, as a person typing does.
    if (full.errors.length > 0 && next() < 0.7) prev = { text, result: parseModule(text, OPTIONS) };
  }
  return { incremental, total: steps };
}

test('incremental parse equals a full parse after random edits of every policy in policies/', () => {
  const next = seededRandom(20261129);
  let incremental = 0;
  let total = 0;
  for (const path of regoFilesUnder(join(REPO_ROOT, 'policies'))) {
    const r = differential(path, readFileSync(path, 'utf8'), 12, next);
    incremental += r.incremental;
    total += r.total;
  }
  // Most edits land inside a rule of a file that parses: the incremental path must carry them.
  assert.ok(incremental > total * 0.25, `only ${incremental} of ${total} edits were incremental`);
});

test('incremental parse equals a full parse after random edits of the opa-cases modules', (t) => {
  const dir = corpus('opa-cases');
  if (!dir) return t.skip('PALISADE_SKIP_CORPORA=1');
  const next = seededRandom(7);
  let incremental = 0;
  let total = 0;
  const modules = caseModules(dir, new Set(), new Set()).filter((m) => m.regoVersion === 'v1');
  for (const [i, m] of modules.entries()) {
    // Every module, a few edits each (the corpus has ~1,900 modules).
    const r = differential(`opa-cases module ${i} (${m.source})`, m.text, 4, next);
    incremental += r.incremental;
    total += r.total;
  }
  assert.ok(incremental > total * 0.2, `only ${incremental} of ${total} edits were incremental`);
});

const POLICY = [
  'package p',
  '',
  'import data.lib',
  '',
  '# first',
  'a := "one"',
  '',
  'b if {',
  '\tinput.x == 1 # why',
  '}',
  '',
  '# METADATA',
  '# title: C',
  'c contains x if {',
  '\tsome x in input.xs',
  '}',
  '',
  'f(x) := y if {',
  '\ty := x + 1',
  '} else := 0',
  '',
].join('\n');

function reparse(before: string, after: string): { result: ParseModuleResult; incremental: boolean } {
  const got = reparseModule({ text: before, result: parseModule(before, OPTIONS) }, after, OPTIONS);
  const diff = firstDifference(got.result, parseModule(after, OPTIONS), 'result');
  assert.equal(diff, undefined, JSON.stringify(describeEdit(before, after)));
  return got;
}

test('an edit inside a rule body re-parses only around it and moves the rules after it', () => {
  const text = POLICY + '\n# METADATA\n# title: G\ng := 1\n';
  const after = text.replace('some x in input.xs', 'some x in input.xsy');
  const before = parseModule(text, OPTIONS);
  const got = reparseModule({ text, result: before }, after, OPTIONS);
  assert.equal(got.incremental, true);
  assert.deepStrictEqual(got.result, parseModule(after, OPTIONS));
  // Rules before the slice (the edited rule and one on each side) are the very same objects; those
  // after it, and their METADATA, moved by one character.
  const [was, is] = [before.module!, got.result.module!];
  assert.equal(is.package, was.package);
  assert.equal(is.rules[0], was.rules[0]);
  assert.notEqual(is.rules[1], was.rules[1]);
  assert.equal(is.rules[4].loc.start, was.rules[4].loc.start + 1);
  assert.equal(is.annotations[0], was.annotations[0]);
  assert.equal(is.annotations[1].loc.start, was.annotations[1].loc.start + 1);
});

test('edits in strings, comments, else branches and between rules are incremental', () => {
  assert.equal(reparse(POLICY, POLICY.replace('"one"', '"one two"')).incremental, true);
  assert.equal(reparse(POLICY, POLICY.replace('# why', '# why not')).incremental, true);
  assert.equal(reparse(POLICY, POLICY.replace('else := 0', 'else := 10')).incremental, true);
  assert.equal(reparse(POLICY, POLICY.replace('}\n\nf(x)', '}\n\n\nf(x)')).incremental, true);
  assert.equal(reparse(POLICY, POLICY + '\n# trailing\n').incremental, true);
});

test('falls back to a full parse where reuse is not provably the same', () => {
  // The package and import lines.
  assert.equal(reparse(POLICY, POLICY.replace('package p', 'package q')).incremental, false);
  assert.equal(reparse(POLICY, POLICY.replace('import data.lib', 'import data.lib2')).incremental, false);
  // A new rule splits a statement in two: the slice no longer has as many rules.
  assert.equal(reparse(POLICY, POLICY.replace('a := "one"', 'a := "one"\nz := 2')).incremental, false);
  // A syntax error, and the edit after it (the previous parse had errors).
  const broken = POLICY.replace('input.x == 1', 'input.x == ');
  assert.equal(reparse(POLICY, broken).incremental, false);
  assert.equal(reparse(broken, broken.replace('# why', '# why?')).incremental, false);
  // METADATA in the slice (annotations attach by rows and decode YAML).
  assert.equal(reparse(POLICY, POLICY.replace('# title: C', '# title: Cee')).incremental, false);
  assert.equal(reparse(POLICY, POLICY.replace('# why', '# METADATA')).incremental, false);
  assert.equal(reparse(POLICY, POLICY.replace('# METADATA\n# title: C\n', '# METADATA\n# title: C\n# x\n')).incremental, false);
  // The first rule's first token (the import before it was parsed looking at it).
  assert.equal(reparse(POLICY, POLICY.replace('a := "one"', 'ab := "one"')).incremental, false);
  // An import written after a rule: imports are reused where they were, so an edit before it that
  // moves the text must not be served from the old tree (the random edits of the pack found this).
  const late = `${POLICY}\nimport data.z\n`;
  const moved = late.replace('"one"', '"one more"');
  const r = reparse(late, moved);
  assert.equal(r.incremental, false);
  assert.deepEqual(r.result, parseModule(moved, OPTIONS));
  // Rego v0 is always parsed in full.
  const v0 = reparseModule({ text: POLICY, result: parseModule(POLICY, { regoVersion: 'v0' }) }, POLICY.replace('"one"', '"two"'), { regoVersion: 'v0' });
  assert.equal(v0.incremental, false);
});

test('an unchanged text hands back the previous result', () => {
  const before = parseModule(POLICY, OPTIONS);
  assert.equal(reparseModule({ text: POLICY, result: before }, POLICY, OPTIONS).result, before);
});

test('the previous tree is left as it was', () => {
  const before = parseModule(POLICY, OPTIONS);
  const snapshot = JSON.stringify(before);
  reparseModule({ text: POLICY, result: before }, POLICY.replace('input.x == 1', 'input.x == 100'), OPTIONS);
  assert.equal(JSON.stringify(before), snapshot);
});

test('singleEdit finds the one replaced span, as a character-by-character comparison does', () => {
  const next = seededRandom(42);
  const piece = () => 'ab\nxé'.slice(0, Math.floor(next() * 6)).repeat(Math.floor(next() * 40));
  for (let i = 0; i < 5000; i++) {
    const before = piece() + piece();
    const at = Math.floor(next() * (before.length + 1));
    const after = before.slice(0, at) + piece().slice(0, Math.floor(next() * 4)) + before.slice(Math.min(before.length, at + Math.floor(next() * 4)));
    const d = describeEdit(before, after);
    const want = { start: d.at, oldEnd: d.at + d.removed.length, delta: after.length - before.length };
    assert.deepStrictEqual(singleEdit(before, after), want, JSON.stringify({ before, after }));
    // Asked again about the same pair (the remembered answer), and the answer is the caller's to keep.
    const again = singleEdit(before, after);
    again.start = -1;
    assert.deepStrictEqual(singleEdit(before, after), want);
  }
});

test('while a file does not parse, edits are re-parsed against its last error-free parse', () => {
  const good = parseModule(POLICY, OPTIONS);
  // Typing `input.x == 1` → `input.x == ` → `input.x == 2`, one keystroke at a time.
  const steps = [POLICY.replace('input.x == 1', 'input.x == '), POLICY.replace('input.x == 1', 'input.x == 2'), POLICY.replace('input.x == 1', 'input.x == 23')];
  let prev = { text: POLICY, result: good };
  const incremental: boolean[] = [];
  for (const text of steps) {
    const got = reparseModule(prev, text, OPTIONS);
    const full = parseModule(text, OPTIONS);
    assert.equal(firstDifference(got.result, full, 'result'), undefined);
    assert.equal(JSON.stringify(got.result), JSON.stringify(full));
    incremental.push(got.incremental);
    prev = { text, result: got.result };
  }
  // The broken text itself parses in full (the slice has an error); the fix is incremental again.
  assert.deepEqual(incremental, [false, true, true]);
  // Back to the very text of the last good parse: its result, as it was.
  const broken = reparseModule({ text: POLICY, result: good }, steps[0], OPTIONS).result;
  assert.equal(reparseModule({ text: steps[0], result: broken }, POLICY, OPTIONS).result, good);
  // Two broken texts in a row, then fixed: still incremental against the good parse.
  const worse = reparseModule({ text: steps[0], result: broken }, steps[0].replace('# why', '# why?'), OPTIONS);
  assert.ok(worse.result.errors.length > 0);
  const fixed = reparseModule({ text: steps[0].replace('# why', '# why?'), result: worse.result }, POLICY.replace('# why', '# why?'), OPTIONS);
  assert.equal(fixed.incremental, true);
  assert.equal(firstDifference(fixed.result, parseModule(POLICY.replace('# why', '# why?'), OPTIONS), 'result'), undefined);
});
