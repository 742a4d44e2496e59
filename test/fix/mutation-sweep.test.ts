// A bounded, seeded version of the session-13 mutation sweep (the full one lives outside the
// repository): broken versions of KICS samples go through the whole pipeline the way
// `palisade scan` runs it (UnitScanner: front end, evaluation, rules, verified fixes), and on some
// of them through fix-all. Nothing may escape as an exception or an internal-error diagnostic, and
// every offered edit must stay inside the text and leave it with no more parse errors than before.
// A failure names its seed and mutant, so it reproduces by running that one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnitScanner, loadBuiltinPack } from '../../server/src/cli/scan-engine';
import { applyEdits, fixAllInFile, type FixTextEdit } from '../../server/src/fix';
import { parseTerraform } from '../../server/src/iac/terraform';
import { DEFAULT_CONFIG, scanTerraformUnit } from '../../server/src/policy';
import { corpus } from '../helpers/corpora';
import { seededRandom } from '../helpers/seeded';
import { MemoryHost } from '../policy/helpers';

const SEED = 13;
const MUTANTS = 60;
const DIR = '/ws/unit';

type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];
const insert = (t: string, at: number, s: string) => t.slice(0, at) + s + t.slice(at);

/** What half-typed, corrupted or hostile files look like; each one found or guards a real failure. */
const MUTATORS: Record<string, (t: string, r: Rng) => string> = {
  truncate: (t, r) => t.slice(0, int(r, t.length + 1)),
  deleteLine: (t, r) => {
    const lines = t.split('\n');
    lines.splice(int(r, lines.length), 1);
    return lines.join('\n');
  },
  duplicateLine: (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  junk: (t, r) => {
    let s = '';
    for (let n = 1 + int(r, 16); n > 0; n--) s += String.fromCharCode(int(r, 256));
    return insert(t, int(r, t.length + 1), s);
  },
  badUnicode: (t, r) => insert(t, int(r, t.length + 1), pick(r, ['\uFFFD', '\uD800', '\uDC00', '\uFEFF', '\u0000', '\u2028', '\r'])),
  dropBracket: (t, r) => {
    const at = [...t.matchAll(/[{}[\]()"]/g)].map((m) => m.index!);
    const i = at.length > 0 ? pick(r, at) : 0;
    return t.slice(0, i) + t.slice(i + 1);
  },
  addBracket: (t, r) => insert(t, int(r, t.length + 1), pick(r, ['{', '}', '[', ']', '"', '${', '%{ if', '<<EOF\n', '#', '/*'])),
  numberToString: (t) => t.replace(/(=\s*)(\d+)\b/, '$1"$2"'),
  stringToOther: (t, r) => t.replace(/(=\s*)"[^"\n$%]*"/, `$1${pick(r, ['5', 'null', '[]', '{}', 'true'])}`),
  // 50,000 `+` in a row overflowed the evaluator before chains counted against the nesting limit.
  longChain: (t, r) => t.replace(/\n}/, `\n  x = ${'1+'.repeat(pick(r, [300, 50000]))}1\n}`),
  deepNesting: (t, r) => t.replace(/\n}/, `\n  x = ${'['.repeat(pick(r, [100, 5000]))}1\n}`),
  nastyValue: (t, r) => t.replace(/(=\s*)[^\n]+/, `$1${pick(r, ['range(1e9)', 'local.self', 'file("/dev/zero")', 'regex("(a*)*$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaab")', 'jsondecode("{")', 'cidrsubnet("10.0.0.0/8", 100, 1)', '1/0'])}`),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
};
const NAMES = Object.keys(MUTATORS);

function mutate(text: string, r: Rng): { text: string; what: string } {
  const what: string[] = [];
  for (let steps = r() < 0.8 ? 1 : 2; steps > 0; steps--) {
    const name = pick(r, NAMES);
    text = MUTATORS[name](text, r);
    what.push(name);
  }
  return { text, what: what.join(' + ') };
}

const errorCount = (text: string) => parseTerraform(text, `${DIR}/main.tf`).diagnostics.filter((d) => d.severity === 'error').length;

/** Problems with `edits` applied to the mutant: edits outside the text, overlapping, or adding parse errors. */
function editProblems(text: string, edits: FixTextEdit[]): string[] {
  const problems: string[] = [];
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  sorted.forEach((e, i) => {
    if (e.file !== 'unit/main.tf') problems.push(`edit to ${e.file}`);
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) problems.push(`edit ${e.start}-${e.end} outside ${text.length} chars`);
    if (i > 0 && sorted[i - 1].end > e.start) problems.push(`overlapping edits at ${e.start}`);
  });
  const before = errorCount(text);
  const after = errorCount(applyEdits(text, edits));
  if (after > before) problems.push(`${after} parse errors after the edit (${before} before)`);
  return problems;
}

const kics = corpus('kics-terraform-aws');

test(`mutants of KICS samples never crash the scan, its fixes or fix-all (seed ${SEED}, ${MUTANTS} mutants)`, { skip: kics ? false : 'corpora not available' }, async () => {
  const samples: string[] = [];
  for (const query of readdirSync(kics!).sort()) {
    let names: string[];
    try {
      names = readdirSync(join(kics!, query, 'test')).sort();
    } catch {
      continue;
    }
    for (const name of names) if (/^positive\d*\.tf$/.test(name)) samples.push(join(kics!, query, 'test', name));
  }
  assert.ok(samples.length > 100, 'KICS samples found');
  const { pack } = loadBuiltinPack();
  assert.ok(pack, 'the built-in pack loads');
  const settings = { cwd: '/ws', varFiles: [], rules: [], skipRules: [], verifyFixes: true, gitignore: false, gitignoreScope: { roots: ['/ws'], exempt: [] } };
  const failures: string[] = [];
  let fixes = 0;
  for (let i = 0; i < MUTANTS; i++) {
    const r = seededRandom(SEED * 100003 + i);
    const sample = pick(r, samples);
    const m = mutate(readFileSync(sample, 'utf8'), r);
    const label = `mutant ${i} (${sample.slice(kics!.length + 1)}: ${m.what})`;
    const host = new MemoryHost({ [`${DIR}/main.tf`]: m.text });
    const outcome = await new UnitScanner(pack!, settings, host).scan(DIR, 0);
    if (outcome.error) failures.push(`${label}: ${outcome.error.split('\n')[0]}`);
    for (const d of outcome.frontEnd) if (d.code === 'tf-internal-error' || d.message.startsWith('Internal parser error')) failures.push(`${label}: ${d.message}`);
    for (const d of outcome.policy) failures.push(`${label}: ${d.code} ${d.message}`);
    for (const list of Object.values(outcome.fixes)) {
      for (const fix of list) {
        fixes++;
        for (const p of editProblems(m.text, fix.edits)) failures.push(`${label}: fix "${fix.title}": ${p}`);
      }
    }
    if (i % 4 === 0 && !outcome.error) {
      const given = { dir: DIR, root: '/ws', pack: pack!, config: DEFAULT_CONFIG };
      const scan = await scanTerraformUnit(host, given);
      const all = await fixAllInFile('unit/main.tf', scan.findings, { host, ...given, unitFindings: scan.findings, unitAnalysis: scan.analysis });
      for (const p of editProblems(m.text, all.edits)) failures.push(`${label}: fix-all: ${p}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(fixes > 10, `verified fixes were offered and checked (${fixes})`);
});
