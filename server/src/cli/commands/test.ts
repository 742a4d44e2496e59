// `palisade test <path>... [--run REGEX] [-v]`: runs Rego unit tests like `opa test`. Every rule named
// `test_*` is a test (it passes when defined and not false); `todo_test_*` rules are skipped. Data
// files (.json/.yaml) in the given directories are loaded under `data` by their directory.
import { checkModules, evalRuleWithErrors, prepare } from '../../rego';
import type { Module } from '../../rego';
import { parseCommandArgs, usageError, type CommandUsage } from '../args';
import { loadPaths, mergeData } from '../rego/files';
import { renderCheckErrors } from '../rego/output';

export const summary = 'run Rego unit tests (test_* rules) like opa test';

const USAGE = `usage: palisade test <path>... [--run REGEX] [-v] [--v0-compatible] [--timeout MS]

  <path>         .rego files or directories (with data .json/.yaml files)
  --run, -r      only run tests whose full name (data.pkg.test_x) matches REGEX
  --verbose, -v  list every test with its result
  --timeout      per-test evaluation budget in milliseconds (default 5000)

exit status: 0 all tests pass, 1 a test fails or errors (or the policies do not compile), 2 usage`;

const TEST: CommandUsage = { name: 'palisade test', usage: USAGE };

const SEPARATOR = '-'.repeat(80);

interface TestCase {
  file: string;
  name: string;
  skip: boolean;
}

type Outcome = { test: TestCase; status: 'PASS' | 'FAIL' | 'ERROR' | 'SKIPPED'; ms: number; error?: string };

function packageName(m: Module): string {
  return m.package.path.map((t, i) => (i === 0 ? 'data' : t.value.type === 'string' ? t.value.value : '?')).join('.');
}

/** The tests of one module, in source order, one per rule name. */
export function discoverTests(file: string, m: Module): TestCase[] {
  const seen = new Set<string>();
  const out: TestCase[] = [];
  for (const r of m.rules) {
    const head = r.head.ref[0];
    if (r.head.ref.length !== 1 || head?.value.type !== 'var' || (r.head.args?.length ?? 0) > 0) continue;
    const local = head.value.name;
    const skip = local.startsWith('todo_test_');
    if (!skip && !local.startsWith('test_')) continue;
    const name = `${packageName(m)}.${local}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ file, name, skip });
  }
  return out;
}

function duration(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)}µs` : ms < 1000 ? `${ms.toFixed(3)}ms` : `${(ms / 1000).toFixed(3)}s`;
}

function line(o: Outcome): string {
  if (o.status === 'SKIPPED') return `${o.test.name}: SKIPPED`;
  const head = `${o.test.name}: ${o.status} (${duration(o.ms)})`;
  return o.error ? `${head}\n  ${o.error}` : head;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(TEST, argv, {
    allowPositionals: true,
    options: {
      run: { type: 'string', short: 'r' },
      verbose: { type: 'boolean', short: 'v' },
      'v0-compatible': { type: 'boolean' },
      timeout: { type: 'string', default: '5000' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.values;
  if (parsed.positionals.length === 0) return usageError(TEST, 'expected at least one path');
  let filter: RegExp | undefined;
  try {
    filter = o.run ? new RegExp(o.run) : undefined;
  } catch (err) {
    process.stderr.write(`palisade test: invalid --run: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const timeout = Number(o.timeout);
  const loaded = loadPaths(parsed.positionals, { data: true });
  if (loaded.missing.length > 0) {
    process.stderr.write(`${loaded.missing.map((p) => `stat ${p}: no such file or directory`).join('\n')}\n`);
    return 1;
  }
  const badData = loaded.data.find((d) => d.error !== undefined);
  if (badData) {
    process.stderr.write(`${badData.path}: ${badData.error}\n`);
    return 1;
  }
  const texts = new Map(loaded.modules.map((m) => [m.path, m.text]));
  const regoVersion = o['v0-compatible'] ? 'v0' : 'v1';
  const sources = loaded.modules.map((m) => ({ file: m.path, text: m.text, regoVersion }) as const);
  // OPA compiles (and checks) the policies before running any test.
  const checked = checkModules(sources);
  const prepared = checked.length > 0 ? { errors: checked, policy: undefined } : prepare(sources);
  if (!prepared.policy) {
    process.stderr.write(renderCheckErrors(prepared.errors, 'pretty', (f) => texts.get(f)));
    return 1;
  }
  const policy = prepared.policy;
  const data = mergeData(loaded.data);
  const tests = policy.modules.flatMap((m) => discoverTests(m.file, m.module)).filter((t) => !filter || filter.test(t.name));

  const outcomes: Outcome[] = tests.map((test) => {
    if (test.skip) return { test, status: 'SKIPPED', ms: 0 };
    const t0 = performance.now();
    const r = evalRuleWithErrors(policy, test.name, { data, budget: Number.isFinite(timeout) && timeout > 0 ? { maxMillis: timeout } : undefined });
    const ms = performance.now() - t0;
    if (r.errors.length > 0) {
      const e = r.errors[0];
      return { test, status: 'ERROR', ms, error: `${e.file ? `${e.file}:${e.row}: ` : ''}${e.code}: ${e.message}` };
    }
    return { test, status: r.value === undefined || r.value === false ? 'FAIL' : 'PASS', ms };
  });
  process.stdout.write(report(outcomes, o.verbose ?? false));
  return outcomes.some((x) => x.status === 'FAIL' || x.status === 'ERROR') ? 1 : 0;
}

/** opa test's report: failures first (non-verbose), a per-file summary, then the counts. */
export function report(outcomes: Outcome[], verbose: boolean): string {
  const bad = outcomes.filter((x) => x.status === 'FAIL' || x.status === 'ERROR');
  const out: string[] = [];
  if (!verbose && bad.length > 0) {
    out.push('FAILURES', SEPARATOR);
    for (const o of bad) out.push(line(o), '');
    out.push('SUMMARY', SEPARATOR);
  }
  const listed = verbose ? outcomes : bad;
  let lastFile: string | undefined;
  for (const o of listed) {
    if (o.test.file !== lastFile) {
      if (lastFile !== undefined) out.push('');
      out.push(`${o.test.file}:`);
      lastFile = o.test.file;
    }
    out.push(line(o));
  }
  if (listed.length > 0) out.push(SEPARATOR);
  const total = outcomes.length;
  const count = (s: Outcome['status']) => outcomes.filter((x) => x.status === s).length;
  const pass = count('PASS');
  if (total === 0) out.push('no tests found');
  else {
    if (pass > 0 || bad.length === 0) out.push(`PASS: ${pass}/${total}`);
    for (const s of ['FAIL', 'SKIPPED', 'ERROR'] as const) if (count(s) > 0) out.push(`${s}: ${count(s)}/${total}`);
  }
  return out.join('\n') + '\n';
}
