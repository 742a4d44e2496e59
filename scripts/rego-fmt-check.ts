// Checks the Rego formatter against the `opa fmt` goldens (corpus `opa-fmt`): every NNNN.input.rego
// and NNNN.messy.rego must format to NNNN.expected.rego byte for byte.
//
//   npx tsx scripts/rego-fmt-check.ts [corpus-dir] [--show N] [--only ID,ID]
//
// Prints pass/fail counts for inputs and messy variants, then `N passed, M failed, K skipped`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatModule } from '../server/src/rego/format';

export interface FmtCase {
  id: string;
  kind: 'input' | 'messy';
  ok: boolean;
  skipped?: boolean;
  expected?: string;
  actual?: string;
  error?: string;
}

export interface FmtReport {
  cases: FmtCase[];
  passed: number;
  failed: number;
  skipped: number;
}

interface IndexEntry {
  id: string;
  input: string;
  expected: string;
  messy: string | null;
  v0?: boolean;
  flags?: string[];
}

export function defaultCorpusDir(): string {
  const root = process.env.PALISADE_CORPORA ?? resolve(__dirname, '..', '..', 'shared', 'corpora');
  const direct = resolve(root, 'opa-fmt');
  if (existsSync(direct)) return direct;
  // Compiled copies live one level deeper (out/scripts).
  return resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'opa-fmt');
}

export function runFmtCorpus(dir: string, only?: Set<string>): FmtReport {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: IndexEntry[] };
  const cases: FmtCase[] = [];
  for (const entry of index.entries) {
    if (only && !only.has(entry.id)) continue;
    const v0 = entry.v0 === true || (entry.flags ?? []).includes('--v0-compatible');
    const expectedPath = join(dir, entry.expected);
    const variants: [FmtCase['kind'], string | null][] = [['input', entry.input], ['messy', entry.messy]];
    for (const [kind, file] of variants) {
      if (!file || !existsSync(join(dir, file)) || !existsSync(expectedPath)) {
        cases.push({ id: entry.id, kind, ok: false, skipped: true });
        continue;
      }
      const text = readFileSync(join(dir, file), 'utf8');
      const expected = readFileSync(expectedPath, 'utf8');
      let result;
      try {
        result = formatModule(text, v0 ? { regoVersion: 'v0', outputVersion: 'v0' } : {});
      } catch (e) {
        cases.push({ id: entry.id, kind, ok: false, expected, error: `threw: ${String(e)}` });
        continue;
      }
      const error = result.errors.length ? result.errors.map((e) => `${e.row}:${e.col} ${e.message}`).join('; ') : undefined;
      cases.push({ id: entry.id, kind, ok: result.formatted === expected, expected, actual: result.formatted, error });
    }
  }
  const passed = cases.filter((c) => c.ok).length;
  const skipped = cases.filter((c) => c.skipped).length;
  return { cases, passed, failed: cases.length - passed - skipped, skipped };
}

/** Formats each expected file OPA marks idempotent: the output must be the file itself. */
export function runIdempotence(dir: string): { passed: number; failed: string[] } {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: (IndexEntry & { idempotent?: boolean })[] };
  let passed = 0;
  const failed: string[] = [];
  for (const entry of index.entries) {
    if (entry.idempotent === false) continue;
    const v0 = entry.v0 === true || (entry.flags ?? []).includes('--v0-compatible');
    const expected = readFileSync(join(dir, entry.expected), 'utf8');
    const result = formatModule(expected, v0 ? { regoVersion: 'v0', outputVersion: 'v0' } : {});
    if (result.formatted === expected) passed++;
    else failed.push(entry.id);
  }
  return { passed, failed };
}

/** The first differing line with a little context, for eyeballing a failure. */
export function firstDiff(expected: string, actual: string | undefined, context = 2): string {
  if (actual === undefined) return '(no output)';
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const from = Math.max(0, i - context);
  const out: string[] = [];
  for (let k = from; k < i; k++) out.push('  ' + JSON.stringify(e[k]));
  for (let k = i; k < Math.min(e.length, i + context + 1); k++) out.push('- ' + JSON.stringify(e[k]));
  for (let k = i; k < Math.min(a.length, i + context + 1); k++) out.push('+ ' + JSON.stringify(a[k]));
  return `line ${i + 1}:\n` + out.join('\n');
}

function main(argv: string[]): void {
  let dir: string | undefined;
  let show = 0;
  let only: Set<string> | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--show') show = Number(argv[++i] ?? '10');
    else if (argv[i] === '--only') only = new Set((argv[++i] ?? '').split(','));
    else dir = argv[i];
  }
  const report = runFmtCorpus(dir ?? defaultCorpusDir(), only);
  for (const kind of ['input', 'messy'] as const) {
    const cs = report.cases.filter((c) => c.kind === kind && !c.skipped);
    const ok = cs.filter((c) => c.ok).length;
    console.log(`${kind === 'input' ? 'inputs' : 'messy'}: ${ok} passed, ${cs.length - ok} failed`);
  }
  let shown = 0;
  for (const c of report.cases) {
    if (c.ok || c.skipped || shown >= show) continue;
    shown++;
    console.log(`\n=== ${c.id} ${c.kind}${c.error ? ` (error: ${c.error})` : ''}`);
    if (!c.error) console.log(firstDiff(c.expected ?? '', c.actual));
  }
  if (shown > 0) console.log('');
  console.log(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
}

if (require.main === module) main(process.argv.slice(2));
