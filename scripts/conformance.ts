// Runs OPA's Rego conformance cases (YAML, OPA's test schema) through Palisade's evaluator.
//   npm run conformance -- --cases <dir> [--verbose] [--filter <substring of note>]
//   npm run conformance -- --fmt <opa-fmt dir>      (opa fmt goldens, byte for byte)
//   npm run conformance -- --check <opa-check dir> [--strict]   (opa check goldens)
// Comparison follows OPA's harness: results compared as JSON (sets as sorted arrays), in order
// unless `sort_bindings`; error cases match the error code and contain the expected message.
// The last line is always `N passed, M failed, K skipped`.
import { runFmtCorpus } from './rego-fmt-check';
import { runCheckCorpus } from './rego-check-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYAML } from 'yaml';
import { evalQuery, prepare } from '../server/src/rego/eval';
import { compare, fromJS, isObject, isSet, toJSONText, type RegoValue } from '../server/src/rego/value';

interface Case {
  note?: string;
  query?: string;
  modules?: string[];
  data?: unknown;
  input?: unknown;
  input_term?: string;
  want_result?: Record<string, unknown>[];
  want_error_code?: string;
  want_error?: string;
  strict_error?: boolean;
  sort_bindings?: boolean;
  ignore_generated_vars?: boolean;
}

export interface CaseOutcome {
  file: string;
  note: string;
  status: 'pass' | 'fail' | 'skip';
  detail?: string;
}

export function listCaseFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function canonNumber(text: string): string {
  if (/^-?\d+$/.test(text)) return BigInt(text).toString();
  const f = Number(text);
  if (Number.isInteger(f) && Math.abs(f) < 1e21) return BigInt(f).toString();
  return String(f);
}

/** Canonical JSON text of an actual value, as OPA's harness sees it (sets → sorted arrays). */
function canonActual(v: RegoValue): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canonActual).join(',') + ']';
  if (isSet(v)) return '[' + [...v.values()].sort(compare).map(canonActual).join(',') + ']';
  if (isObject(v)) {
    const entries = [...v.entries()].map(([k, x]) => [typeof k === 'string' ? k : toJSONText(k), canonActual(x)] as const);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return '{' + entries.map(([k, x]) => JSON.stringify(k) + ':' + x).join(',') + '}';
  }
  const n = v as { text: string; int?: bigint };
  return n.int !== undefined ? n.int.toString() : canonNumber(n.text);
}

function inputFromTerm(text: string): RegoValue | undefined {
  const p = prepare([]);
  if (!p.policy) return undefined;
  const r = evalQuery(p.policy, `__input__ = ${text}`);
  return r.results[0]?.__input__ ?? evalQuery(p.policy, `x = ${text}`).results[0]?.x;
}

export function runCase(c: Case): { ok: boolean; detail?: string } {
  const modules = (c.modules ?? []).map((text, i) => ({ file: `test-${i}.rego`, text }));
  const prepared = prepare(modules);
  const wantsError = c.want_error_code !== undefined || c.want_error !== undefined;
  if (!prepared.policy) {
    const e = prepared.errors[0];
    if (wantsError && e && (c.want_error_code === undefined || e.code === c.want_error_code)) return { ok: true };
    return { ok: false, detail: `prepare failed: ${prepared.errors.map((x) => `${x.code}: ${x.message} (${x.file}:${x.row})`).join('; ')}` };
  }
  const input = c.input_term !== undefined ? inputFromTerm(c.input_term) : c.input !== undefined ? fromJS(c.input) : undefined;
  const data = c.data !== undefined ? fromJS(c.data) : undefined;
  const r = evalQuery(prepared.policy, c.query ?? '', {
    input,
    data,
    strictBuiltinErrors: !!c.strict_error,
    budget: { maxMillis: 10_000 },
    nowNs: BigInt(Date.now()) * 1_000_000n,
  });
  if (wantsError) {
    const e = r.errors[0];
    if (!e) return { ok: false, detail: `expected error ${c.want_error_code ?? ''} ${c.want_error ?? ''}, got results ${r.results.map(resultText).join(' | ')}` };
    if (c.want_error_code !== undefined && e.code !== c.want_error_code) return { ok: false, detail: `expected ${c.want_error_code}, got ${e.code}: ${e.message}` };
    // OPA's error text is `file:row: code: message`; the expectation may quote any suffix of it
    const full = `${e.file ?? ''}:${e.row}: ${e.code}: ${e.message}`;
    if (c.want_error !== undefined && !full.includes(c.want_error)) return { ok: false, detail: `expected message containing ${JSON.stringify(c.want_error)}, got ${JSON.stringify(e.message)}` };
    return { ok: true };
  }
  if (r.errors.length > 0) return { ok: false, detail: `unexpected error ${r.errors[0].code}: ${r.errors[0].message}` };
  // sort_bindings (as OPA's harness): array values of each binding compare as unordered
  const arrange = (res: Record<string, RegoValue>): Record<string, RegoValue> =>
    c.sort_bindings ? Object.fromEntries(Object.entries(res).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort(compare) : v])) : res;
  const want = (c.want_result ?? []).map((b) => resultText(arrange(Object.fromEntries(Object.entries(b).map(([k, v]) => [k, fromJS(v)])))));
  const got = r.results.map((x) => resultText(arrange(x)));
  const same = want.length === got.length && want.every((w, i) => w === got[i]);
  return same ? { ok: true } : { ok: false, detail: `want ${want.join(' | ')}\n      got  ${got.join(' | ')}` };
}

function resultText(r: Record<string, RegoValue>): string {
  const keys = Object.keys(r).filter((k) => !k.startsWith('__')).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonActual(r[k])).join(',') + '}';
}

export function runCorpus(dir: string, filter?: string): CaseOutcome[] {
  const outcomes: CaseOutcome[] = [];
  for (const file of listCaseFiles(dir)) {
    let doc: { cases?: Case[] };
    try {
      doc = parseYAML(readFileSync(file, 'utf8'), { intAsBigInt: true }) as { cases?: Case[] };
    } catch (e) {
      outcomes.push({ file, note: relative(dir, file), status: 'fail', detail: `unreadable YAML: ${(e as Error).message}` });
      continue;
    }
    for (const c of doc.cases ?? []) {
      const note = c.note ?? relative(dir, file);
      if (filter && !note.includes(filter)) continue;
      if (c.want_result === undefined && c.want_error_code === undefined && c.want_error === undefined) {
        outcomes.push({ file, note, status: 'skip', detail: 'no expectation' });
        continue;
      }
      let res: { ok: boolean; detail?: string };
      try {
        res = runCase(c);
      } catch (e) {
        res = { ok: false, detail: `crashed: ${(e as Error).stack ?? e}` };
      }
      outcomes.push({ file, note, status: res.ok ? 'pass' : 'fail', detail: res.detail });
    }
  }
  return outcomes;
}

/** `--fmt <dir>`: the opa-fmt goldens, byte for byte (inputs and messy variants). */
function runFmtMode(dir: string, verbose: boolean): number {
  const report = runFmtCorpus(dir);
  if (verbose) for (const c of report.cases) if (!c.ok && !c.skipped) console.log(`FAIL ${c.id} (${c.kind})${c.error ? `: ${c.error}` : ''}`);
  console.log(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  return 0;
}

/** `--check <dir> [--strict]`: the opa-check goldens; a module passes when its (code, row) list matches OPA's. */
function runCheckMode(dir: string, strict: boolean, verbose: boolean): number {
  const f = runCheckCorpus(dir, strict);
  if (verbose) {
    for (const r of f.results) {
      if (r.passed) continue;
      console.log(`FAIL ${r.id} (${r.mutation ?? r.kind})`);
      console.log(`  want ${r.expected.map((e) => `${e.code}@${e.row}`).join(', ') || '(none)'}`);
      console.log(`  got  ${r.actual.map((e) => `${e.code}@${e.row}`).join(', ') || '(none)'}`);
    }
  }
  const pct = (n: number, d: number) => (d === 0 ? '100.0' : ((100 * n) / d).toFixed(1));
  console.log(`errors matched on (code, row): ${f.rowMatched}/${f.expectedErrors} (${pct(f.rowMatched, f.expectedErrors)} %), on (code, row, message): ${f.messageMatched}; extra errors: ${f.extraErrors}; clean modules with errors: ${f.cleanWithErrors}/${f.cleanModules}`);
  console.log(`${f.passed} passed, ${f.failed} failed, ${f.skipped} skipped`);
  return 0;
}

const USAGE = 'usage: npm run conformance -- (--cases <dir> | --fmt <dir> | --check <dir> [--strict]) [--verbose] [--filter <text>]';

function main(argv: string[]): number {
  let dir: string | undefined;
  let fmtDir: string | undefined;
  let checkDir: string | undefined;
  let strict = false;
  let verbose = false;
  let filter: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cases') dir = argv[++i];
    else if (argv[i] === '--fmt') fmtDir = argv[++i];
    else if (argv[i] === '--check') checkDir = argv[++i];
    else if (argv[i] === '--strict') strict = true;
    else if (argv[i] === '--verbose' || argv[i] === '-v') verbose = true;
    else if (argv[i] === '--filter') filter = argv[++i];
    else {
      console.error(`unknown argument ${argv[i]}\n${USAGE}`);
      return 2;
    }
  }
  if (fmtDir) return runFmtMode(fmtDir, verbose);
  if (checkDir) return runCheckMode(checkDir, strict, verbose);
  if (!dir) {
    console.error(USAGE);
    return 2;
  }
  const outcomes = runCorpus(dir, filter);
  if (verbose) {
    for (const o of outcomes) if (o.status === 'fail') console.log(`FAIL ${o.note}\n      ${o.detail}`);
  }
  const count = (s: CaseOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
