// Every module of corpus('opa-fmt') (inputs, messy variants, expected outputs; the 8
// `--v0-compatible` entries as v0) and every module of every case in corpus('opa-cases') parses
// without error, except the texts OPA 1.5.0 rejects (opa-fmt index.json `rejected`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../../helpers/corpora';
import { caseModules, fmtModules, rejectedHashes, v0OnlyHashes } from '../../../scripts/conformance-parse/corpora-clean';
import { parseModule } from '../../../server/src/rego/syntax';

const fmtDir = corpus('opa-fmt');
const casesDir = corpus('opa-cases');

function failures(mods: ReturnType<typeof fmtModules>): string[] {
  const out: string[] = [];
  for (const m of mods) {
    if (m.rejectedByOpa) continue;
    const r = parseModule(m.text, { regoVersion: m.regoVersion });
    if (r.errors.length > 0) out.push(`${m.source}: ${r.errors[0].row}:${r.errors[0].col} ${r.errors[0].message}`);
    else if (!r.module) out.push(`${m.source}: no module`);
  }
  return out;
}

test('opa-fmt modules parse without errors', { skip: fmtDir ? false : 'corpus opa-fmt not available' }, () => {
  const mods = fmtModules(fmtDir!);
  assert.ok(mods.length >= 4500, `expected the whole corpus, got ${mods.length} files`);
  assert.deepEqual(failures(mods), []);
});

test('opa-cases modules parse without errors (except those OPA 1.5.0 rejects)', { skip: fmtDir && casesDir ? false : 'corpora not available' }, () => {
  const mods = caseModules(casesDir!, rejectedHashes(fmtDir!), v0OnlyHashes(fmtDir!));
  assert.ok(mods.length >= 1800, `expected every case module, got ${mods.length}`);
  assert.deepEqual(failures(mods), []);
  // OPA 1.5.0 rejects keyword refs (`package foo.if.bar`); so do we with keywordsInRefs: false.
  // String interpolation is newer than 1.5.0 and we accept it, as the cases expect.
  const rejected = mods.filter((m) => m.rejectedByOpa);
  const keywordRefsAccepted = rejected.filter((m) => m.source.includes('keywordrefs') && parseModule(m.text, { keywordsInRefs: false }).errors.length === 0);
  assert.deepEqual(keywordRefsAccepted.map((m) => m.source), []);
});

test('by default (newer OPA, keywordsInRefs), every opa-cases module parses, keyword refs included', { skip: fmtDir && casesDir ? false : 'corpora not available' }, () => {
  const mods = caseModules(casesDir!, rejectedHashes(fmtDir!), v0OnlyHashes(fmtDir!));
  const keywordRefs = mods.filter((m) => m.source.includes('keywordrefs'));
  assert.ok(keywordRefs.length >= 100, `expected the keywordrefs category, got ${keywordRefs.length}`);
  const failing = mods
    .map((m) => ({ m, r: parseModule(m.text, { regoVersion: 'v1' }) }))
    .filter(({ r }) => r.errors.length > 0)
    .map(({ m, r }) => `${m.source}: ${r.errors[0].row}:${r.errors[0].col} ${r.errors[0].message}`);
  assert.deepEqual(failing, []);
});
