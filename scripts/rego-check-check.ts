// Usage: npx tsx scripts/rego-check-check.ts [opa-check dir] [--strict] [--verbose]
// Measures `checkModules` against OPA v1.5.0's `opa check` goldens (corpus `opa-check`): per error,
// how many of OPA's errors we report on (code, row) and on (code, row, message); per module, whether
// the whole list matches on (code, row) in order (as a sorted multiset where OPA's order is flagged
// nondeterministic); and false positives on the modules OPA accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCheckErrors } from '../server/src/cli/rego/output';
import { checkModules } from '../server/src/rego/check';
import type { RegoError } from '../server/src/rego/syntax/ast';
import { corpus } from '../test/helpers/corpora';

interface Entry {
  id: string;
  file: string;
  expected: string;
  kind: string;
  mutation: string | null;
  order_nondeterministic: boolean;
}

interface Expected {
  code: string;
  message: string;
  row: number;
  col: number;
}

export interface ModuleResult {
  id: string;
  kind: string;
  mutation: string | null;
  expected: Expected[];
  actual: RegoError[];
  passed: boolean;
}

export interface CheckFigures {
  modules: number;
  passed: number;
  failed: number;
  skipped: number;
  expectedErrors: number;
  rowMatched: number;
  messageMatched: number;
  /** Modules whose `--format json` / pretty output equals OPA's byte for byte. */
  jsonExact: number;
  prettyExact: number;
  /** Errors matching on (code, row, col, message). */
  exactMatched: number;
  /** Errors we report that OPA does not (on (code, row)). */
  extraErrors: number;
  cleanModules: number;
  cleanWithErrors: number;
  results: ModuleResult[];
}

const rowKey = (e: { code: string; row: number }) => `${e.code}@${e.row}`;
const msgKey = (e: { code: string; row: number; message: string }) => `${e.code}@${e.row}@${e.message}`;

function multisetMatches(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const k of a) counts.set(k, (counts.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of b) {
    const c = counts.get(k) ?? 0;
    if (c > 0) {
      n++;
      counts.set(k, c - 1);
    }
  }
  return n;
}

export function runCheckCorpus(dir: string, strict: boolean): CheckFigures {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Entry[] };
  const f: CheckFigures = { modules: 0, passed: 0, failed: 0, skipped: 0, expectedErrors: 0, rowMatched: 0, messageMatched: 0, extraErrors: 0, cleanModules: 0, cleanWithErrors: 0, jsonExact: 0, prettyExact: 0, exactMatched: 0, results: [] };
  for (const entry of index.entries) {
    let text: string;
    type Mode = { errors: Expected[]; opa_output: string; pretty: { stderr: string } };
    let golden: { check: Mode; check_strict: Mode };
    try {
      text = readFileSync(join(dir, entry.file), 'utf8');
      golden = JSON.parse(readFileSync(join(dir, entry.expected), 'utf8'));
    } catch {
      f.skipped++;
      continue;
    }
    f.modules++;
    const mode = strict ? golden.check_strict : golden.check;
    const expected = mode.errors;
    const actual = checkModules([{ file: entry.file, text }], { strict });
    const want = expected.map(rowKey);
    const got = actual.map(rowKey);
    const matched = multisetMatches(want, got);
    f.expectedErrors += expected.length;
    f.rowMatched += matched;
    f.messageMatched += multisetMatches(expected.map(msgKey), actual.map(msgKey));
    f.extraErrors += actual.length - matched;
    f.exactMatched += multisetMatches(expected.map((e) => `${msgKey(e)}@${e.col}`), actual.map((e) => `${msgKey(e)}@${e.col}`));
    if (renderCheckErrors(actual, 'json', () => text) === mode.opa_output) f.jsonExact++;
    if (renderCheckErrors(actual, 'pretty', () => text) === mode.pretty.stderr) f.prettyExact++;
    const ordered = (xs: string[]) => (entry.order_nondeterministic ? [...xs].sort() : xs);
    const passed = JSON.stringify(ordered(want)) === JSON.stringify(ordered(got));
    if (passed) f.passed++;
    else f.failed++;
    if (entry.kind === 'valid' || entry.kind === 'valid_near_miss') {
      f.cleanModules++;
      if (actual.length > 0) f.cleanWithErrors++;
    }
    f.results.push({ id: entry.id, kind: entry.kind, mutation: entry.mutation, expected, actual, passed });
  }
  return f;
}

const pct = (n: number, d: number) => (d === 0 ? '100.0' : ((100 * n) / d).toFixed(1));

function main(): void {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const verbose = args.includes('--verbose');
  const dir = args.find((a) => !a.startsWith('--')) ?? corpus('opa-check');
  if (!dir) {
    console.log('opa-check corpus not available');
    console.log('0 passed, 0 failed, 1 skipped');
    return;
  }
  const t0 = performance.now();
  const f = runCheckCorpus(dir, strict);
  const ms = performance.now() - t0;
  console.log(`mode: opa check${strict ? ' --strict' : ''}; ${f.modules} modules, ${f.expectedErrors} expected errors`);
  console.log(`errors matched on (code, row):          ${f.rowMatched} (${pct(f.rowMatched, f.expectedErrors)} %)`);
  console.log(`errors matched on (code, row, message): ${f.messageMatched} (${pct(f.messageMatched, f.expectedErrors)} %)`);
  console.log(`errors matched incl. column:            ${f.exactMatched} (${pct(f.exactMatched, f.expectedErrors)} %)`);
  console.log(`extra errors (not in OPA's list):       ${f.extraErrors}`);
  console.log(`modules with OPA's exact JSON output:   ${f.jsonExact} (${pct(f.jsonExact, f.modules)} %)`);
  console.log(`modules with OPA's exact pretty output: ${f.prettyExact} (${pct(f.prettyExact, f.modules)} %)`);
  console.log(`clean modules with false positives:     ${f.cleanWithErrors} of ${f.cleanModules}`);
  console.log(`time: ${ms.toFixed(0)} ms`);
  const categories = new Map<string, number>();
  for (const r of f.results) {
    if (r.passed) continue;
    const cat = `${r.kind}${r.mutation ? '/' + r.mutation : ''}`;
    categories.set(cat, (categories.get(cat) ?? 0) + 1);
  }
  console.log('\nfailing modules by category:');
  for (const [cat, n] of [...categories].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(4)}  ${cat}`);
  if (verbose) {
    for (const r of f.results) {
      if (r.passed) continue;
      console.log(`\n${r.id} ${r.kind}/${r.mutation ?? ''}`);
      for (const e of r.expected) console.log(`  want ${e.row}:${e.col} ${e.code} ${e.message}`);
      for (const e of r.actual) console.log(`  got  ${e.row}:${e.col} ${e.code} ${e.message}`);
    }
  }
  console.log(`\n${f.passed} passed, ${f.failed} failed, ${f.skipped} skipped`);
}

if (require.main === module) main();
