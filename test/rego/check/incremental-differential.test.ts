// The per-rule check memo (CheckCache) against a full check: after every random single-character
// edit — in rule bodies, heads, imports, anywhere — a check answered from a warm cache must report
// exactly what a cold `checkModules` reports (codes, messages, positions, order, details, limit).
// Inputs: every module of the opa-check goldens, the multi-module cases of opa-cases, and the
// built-in pack under policies/ checked as one set.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { CheckCache, checkModules, type CheckOptions, type CheckSource } from '../../../server/src/rego/check';
import { opaErrors, parseModule } from '../../../server/src/rego/syntax';
import { corpus, REPO_ROOT } from '../../helpers/corpora';
import { regoFilesUnder } from '../../helpers/seeded';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters typing inserts: identifier letters (make and unmake unsafe / undefined names), digits,
// operators and brackets (arity, calls, refs), quotes and layout.
const TYPED = 'xab_q1 (),.[]{}:=\n"';

/**
 * One edit near a likely spot. Mostly typing at the end of a name (extending it, shortening it:
 * this makes and unmakes unsafe vars, undefined functions, arity and kind changes while the text
 * still parses), else a character typed or deleted anywhere, or inside an import line.
 */
function edit(text: string, rnd: () => number): string {
  if (text.length === 0) return 'x';
  let at = Math.floor(rnd() * text.length);
  const pick = rnd();
  if (pick < 0.7) {
    const m = /[A-Za-z_][A-Za-z0-9_]*/g;
    m.lastIndex = at;
    const w = m.exec(text);
    if (w) {
      const end = w.index + w[0].length;
      if (rnd() < 0.4) return text.slice(0, end - 1) + text.slice(end);
      return text.slice(0, end) + NAME_CHARS[Math.floor(rnd() * NAME_CHARS.length)] + text.slice(end);
    }
  } else if (pick < 0.8) {
    const imp = text.indexOf('import ', at);
    if (imp >= 0) at = imp + 7 + Math.floor(rnd() * 12);
  }
  at = Math.min(at, text.length);
  if (rnd() < 0.45 && at < text.length) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + TYPED[Math.floor(rnd() * TYPED.length)] + text.slice(at);
}

const NAME_CHARS = 'xa_1';

interface Figures {
  checks: number;
  withErrors: number;
}

/**
 * Random edits of one file of `sources` (undoing some, as typing does), each checked warm and cold.
 * Returns how many checks ran and how many reported compile errors.
 */
function differential(sources: CheckSource[], options: CheckOptions, edits: number, seed: number, label: string, figures: Figures): void {
  const rnd = random(seed);
  const cache = new CheckCache();
  // Each file is parsed once per version (as the editor does); both checks get the same parse.
  const current = sources.map(parsed);
  const history: string[][] = [];
  let edited = 0;
  const compare = (step: string) => {
    const warm = checkModules(current, { ...options, cache });
    const cold = checkModules(current, options);
    // The message (with the edited text) is built only for a failure.
    if (!isDeepStrictEqual(warm, cold)) assert.deepEqual(warm, cold, `${label} (seed ${seed}) ${step}: ${current[edited].file}\n${current[edited].text}`);
    figures.checks++;
    if (cold.length > 0 && cold[0].code !== 'rego_parse_error') figures.withErrors++;
  };
  compare('first check');
  for (let i = 0; i < edits; i++) {
    if (history.length > 0 && rnd() < 0.4) {
      (history.pop() as string[]).forEach((t, k) => t !== current[k].text && (current[k] = parsed({ ...current[k], text: t })));
    } else {
      history.push(current.map((s) => s.text));
      edited = Math.floor(rnd() * current.length);
      current[edited] = parsed({ ...current[edited], text: edit(current[edited].text, rnd) });
    }
    compare(`edit ${i}`);
  }
}

/** The source with its parse attached when it parses (else `checkModules` parses and reports). */
function parsed(s: CheckSource): CheckSource {
  const r = parseModule(s.text, { regoVersion: s.regoVersion ?? 'v1', file: s.file });
  return { file: s.file, text: s.text, regoVersion: s.regoVersion, module: opaErrors(r.errors).length === 0 ? r.module : undefined };
}

const checkDir = corpus('opa-check');
const casesDir = corpus('opa-cases');

test('warm cache = cold check after random edits: every opa-check golden module', { skip: checkDir ? false : 'corpora not available (PALISADE_SKIP_CORPORA=1)' }, (t) => {
  const index = JSON.parse(readFileSync(join(checkDir as string, 'index.json'), 'utf8')) as { entries: { id: string; file: string }[] };
  const figures: Figures = { checks: 0, withErrors: 0 };
  for (const [n, entry] of index.entries.entries()) {
    const text = readFileSync(join(checkDir as string, entry.file), 'utf8');
    // Alternate strict mode and the error limit (default 10, none) across modules.
    const options: CheckOptions = { strict: n % 2 === 1, maxErrors: n % 3 === 0 ? 0 : undefined };
    differential([{ file: entry.file, text }], options, 8, 1000 + n, `opa-check ${entry.id}`, figures);
  }
  t.diagnostic(`${index.entries.length} modules, ${figures.checks} warm/cold check pairs, ${figures.withErrors} with compile errors`);
  assert.equal(index.entries.length, 1343, 'corpus size changed');
  // The edits must reach the stages, not only the parser.
  assert.ok(figures.withErrors > 3000, `only ${figures.withErrors} of ${figures.checks} checks reported compile errors`);
});

test('warm cache = cold check after random edits: opa-cases modules compiled together', { skip: casesDir ? false : 'corpora not available (PALISADE_SKIP_CORPORA=1)' }, (t) => {
  const index = JSON.parse(readFileSync(join(casesDir as string, 'index.json'), 'utf8')) as { files: { file: string }[] };
  const figures: Figures = { checks: 0, withErrors: 0 };
  let cases = 0;
  for (const f of index.files) {
    const doc = parse(readFileSync(join(casesDir as string, f.file), 'utf8')) as { cases?: { note: string; modules?: string[]; v0_compatible?: boolean }[] };
    for (const c of doc.cases ?? []) {
      // Single modules are the opa-check test's ground; here the cross-module cases.
      if (!c.modules || c.modules.length < 2) continue;
      const sources = c.modules.map((text, i) => ({ file: `m${i}.rego`, text, regoVersion: c.v0_compatible ? ('v0' as const) : ('v1' as const) }));
      differential(sources, { maxErrors: 0 }, 6, 7000 + cases, `opa-cases ${c.note}`, figures);
      cases++;
    }
  }
  t.diagnostic(`${cases} cases, ${figures.checks} warm/cold check pairs, ${figures.withErrors} with compile errors`);
  assert.ok(cases > 90, `only ${cases} multi-module cases`);
  assert.ok(figures.withErrors > 100, `only ${figures.withErrors} of ${figures.checks} checks reported compile errors`);
});

test('warm cache = cold check after random edits: the built-in pack, each folder with the library', (t) => {
  const lib = regoFilesUnder(join(REPO_ROOT, 'policies', 'lib'));
  const folders = readdirSync(join(REPO_ROOT, 'policies', 'aws')).sort().map((name) => join(REPO_ROOT, 'policies', 'aws', name));
  assert.ok(lib.length > 10 && folders.length > 20, `only ${lib.length} library files and ${folders.length} folders`);
  const figures: Figures = { checks: 0, withErrors: 0 };
  folders.forEach((folder, n) => {
    const sources = [...lib, ...regoFilesUnder(folder)].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    differential(sources, { maxErrors: 0 }, 4, 500 + n, `policies ${folder}`, figures);
  });
  t.diagnostic(`${folders.length} folders, ${figures.checks} warm/cold check pairs, ${figures.withErrors} with compile errors`);
  assert.ok(figures.withErrors > 30, `only ${figures.withErrors} of ${figures.checks} checks reported compile errors`);
});
