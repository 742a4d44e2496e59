// Rego authoring latency and lint throughput.
// 1. Keystroke → diagnostics: starts the bundled server (dist/server.js lsp --stdio) with the repo
//    as workspace folder, opens a generated 1,000-line policy as a buffer inside policies/ (nothing
//    is written to disk), then types into a string literal and deletes again (300 scripted edits),
//    then types into a variable of a rule body and deletes again (300 edits that change the code,
//    so the compile check re-runs); each edit timed from didChange to the publishDiagnostics
//    carrying that version (parse + compile check against the policies it imports + lint).
//    Target p95 ≤ 25 ms.
// 2. Where a keystroke's time goes, in-process: the same analyzer the server runs, timed per phase
//    (parse, workspace bookkeeping, compile check, lint, publish = serialising the notification),
//    for the same string-literal edits and for edits inside a rule body (which re-run the check).
// 3. `palisade rego lint policies/` and of every module of corpus('opa-cases') (written to a
//    temporary folder, one file per module), each in its own CLI process: wall time, CPU time and
//    files/s. Target ≤ 1 s for policies/. Prints the machine's load average, since everything
//    shares the CPU with everything else. policies/ is timed twice: as shipped (a worker thread
//    takes part of the files when the machine has 2 cores) and with PALISADE_LINT_THREADS=1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_EXEC_ARGV } from '../server/src/shared/server-launch';
import { RegoAnalyzer, type PhaseTimer } from '../server/src/lsp/rego-analysis';
import { caseModules } from '../scripts/conformance-parse/corpora-clean';
import { corpus } from '../test/helpers/corpora';

const EDITS = 300;
const WARMUP_EDITS = 20;
const TYPED = 'abcdefghij';
const TIMEOUT_MS = 30_000;
const TARGET_LINES = 1000;

function repoRoot(): string {
  // Compiled to out/bench/ (two levels below the root); run with tsx from bench/ (one level).
  for (const up of ['..', join('..', '..')]) {
    const root = resolve(__dirname, up);
    if (existsSync(join(root, 'package.json')) && existsSync(join(root, 'server'))) return root;
  }
  return process.cwd();
}

/** A realistic policy of ~1,000 lines, formatted: rules over Terraform resources using the shipped library. */
export function generatedPolicy(lines = TARGET_LINES): string {
  const out = [
    '# METADATA',
    '# title: Generated keystroke benchmark policy',
    '# custom:',
    '#   id: PAL-BENCH-001',
    '#   severity: low',
    'package palisade.aws.bench.keystroke',
    '',
    'import data.palisade.lib.result',
    'import data.palisade.lib.tf',
    'import data.palisade.lib.unknown',
    '',
    'message := "bench"',
    '',
  ];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `# Rule ${i}: flags buckets whose setting ${i} is off.`,
      `deny contains result.fail(r, ["setting_${i}"], msg_${i}(r)) if {`,
      `\tsome r in tf.resources("aws_s3_bucket")`,
      `\tvalue := object.get(r.config, "setting_${i}", null)`,
      `\tnot unknown.is_unknown(value)`,
      `\tvalue == false`,
      `}`,
      '',
      `msg_${i}(r) := sprintf("%s: setting ${i} is off (%s)", [r.address, message])`,
      '',
    );
  }
  // Formatted as `opa fmt` leaves it (one newline at the end), as a file kept with format-on-save is.
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;

async function keystrokes(root: string): Promise<string[]> {
  // PALISADE_BENCH_SERVER: another build of the server (e.g. the code before a change) to compare.
  const bundle = process.env.PALISADE_BENCH_SERVER ?? join(root, 'dist', 'server.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, bundle, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map<string, (count: number) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    const key = `${p.uri}#${p.version}`;
    waiters.get(key)?.(p.diagnostics.length);
    waiters.delete(key);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  const published = (uri: string, version: number) =>
    new Promise<number>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no diagnostics for version ${version} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      waiters.set(`${uri}#${version}`, (count) => {
        clearTimeout(timer);
        res(count);
      });
    });
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { clientWatchesFiles: true },
  });
  await connection.sendNotification('initialized', {});

  const text = generatedPolicy();
  const uri = pathToFileURL(join(root, 'policies', 'aws', 'bench', 'keystroke.rego')).href;
  const openStart = performance.now();
  const opened = published(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rego', version: 1, text } });
  const openDiagnostics = await opened;
  const openMs = performance.now() - openStart;

  const lines = text.split('\n');
  let version = 1;
  /**
   * EDITS edits after WARMUP_EDITS, each timed from didChange to the publishDiagnostics carrying
   * its version; `edit(i)` gives the i-th change. Also the server's CPU time per edit.
   */
  const timeEdits = async (edit: (i: number) => { range: unknown; text: string }) => {
    const latencies: number[] = [];
    let lastCount = 0;
    let cpuStart = 0;
    for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
      version++;
      const done = published(uri, version);
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit(i)] });
      lastCount = await done;
      if (i >= WARMUP_EDITS) latencies.push(performance.now() - start);
      if (i === WARMUP_EDITS - 1) cpuStart = cpuMsOf(child.pid!);
    }
    return { sorted: [...latencies].sort((a, b) => a - b), lastCount, cpuPerEdit: (cpuMsOf(child.pid!) - cpuStart) / EDITS };
  };
  const point = (line: number, character: number) => ({ line, character });

  // 1. Typing into the string literal of `message := "bench"` and deleting again.
  const messageLine = lines.indexOf('message := "bench"');
  const inString = 'message := "'.length;
  let typed = 0;
  const stringEdits = await timeEdits((i) => {
    const typing = i % (2 * TYPED.length) < TYPED.length;
    const at = inString + typed;
    typed += typing ? 1 : -1;
    return typing
      ? { range: { start: point(messageLine, at), end: point(messageLine, at) }, text: TYPED[typed - 1] }
      : { range: { start: point(messageLine, at - 1), end: point(messageLine, at) }, text: '' };
  });
  // 2. Code: typing into a variable in the middle of the file (`value` → `valuex`, an unsafe
  // variable, and back), so every edit re-runs the compile check and the lint of that rule.
  const codeLine = lines.indexOf('\tvalue == false', lines.length >> 1);
  const inCode = '\tvalue'.length;
  const codeEdits = await timeEdits((i) =>
    i % 2 === 0
      ? { range: { start: point(codeLine, inCode), end: point(codeLine, inCode) }, text: 'x' }
      : { range: { start: point(codeLine, inCode), end: point(codeLine, inCode + 1) }, text: '' },
  );
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  const figures = (r: typeof stringEdits) =>
    `p50 ${fmt(percentile(r.sorted, 0.5))}, p95 ${fmt(percentile(r.sorted, 0.95))}, p99 ${fmt(percentile(r.sorted, 0.99))}, max ${fmt(r.sorted[r.sorted.length - 1])}; server CPU per edit ${fmt(r.cpuPerEdit)}  (target p95 ≤ 25 ms)`;
  return [
    `rego-lsp keystroke: ${lines.length - 1}-line policy opened as policies/aws/bench/keystroke.rego (workspace: the repo, ${countRego(join(root, 'policies'))} .rego files in policies/)`,
    `  open → first diagnostics ${fmt(openMs)} (${openDiagnostics} diagnostics); keystroke → publishDiagnostics, ${EDITS} edits each after ${WARMUP_EDITS} warm-up (server CPU per edit is independent of how busy the machine is):`,
    `  string-literal edits (${stringEdits.lastCount} diagnostics after the last): ${figures(stringEdits)}`,
    `  code edits in a rule body, compile check re-runs (${codeEdits.lastCount} diagnostics after the last): ${figures(codeEdits)}`,
  ];
}

/** User+system CPU time of a process so far (Linux /proc; 0 elsewhere). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function countRego(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countRego(join(dir, e.name));
    else if (e.name.endsWith('.rego')) n++;
  }
  return n;
}

/** `palisade rego lint <dir>` in its own process, best of `runs` by wall time. */
function timedLint(root: string, dir: string, runs: number, threads?: number): { wall: number; cpu: number } {
  const times: { wall: number; cpu: number }[] = [];
  const env = threads === undefined ? process.env : { ...process.env, PALISADE_LINT_THREADS: String(threads) };
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time node bin/palisade.js rego lint '${dir}' --format json >/dev/null`], { cwd: root, encoding: 'utf8', env });
    const wall = performance.now() - start;
    const [user, sys] = (r.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
    times.push({ wall, cpu: (user + sys) * 1000 });
  }
  return times.sort((a, b) => a.wall - b.wall)[0];
}

function cliLint(root: string): string[] {
  const files = countRego(join(root, 'policies'));
  const best = timedLint(root, 'policies/', 3);
  // The default uses one thread unless two cores are free besides the main thread's (see
  // rego-lint-workers.ts); the forced two-thread run shows what a worker would add.
  const two = timedLint(root, 'policies/', 3, 2);
  const lines = [
    `rego-lsp lint: palisade rego lint policies/ (${files} files), best of 3: wall ${fmt(best.wall)}, CPU ${fmt(best.cpu)}, ${(files / (best.wall / 1000)).toFixed(0)} files/s  (target ≤ 1 s)`,
    `rego-lsp lint: the same on two threads (PALISADE_LINT_THREADS=2), best of 3: wall ${fmt(two.wall)}, CPU ${fmt(two.cpu)}`,
  ];
  const casesDir = corpus('opa-cases');
  if (!casesDir) return [...lines, 'rego-lsp lint: opa-cases corpus skipped (PALISADE_SKIP_CORPORA=1)'];
  // Every module of every case, one file each, outside the repository (the corpus stays read-only).
  const dir = mkdtempSync(join(tmpdir(), 'palisade-bench-opa-cases-'));
  try {
    const modules = caseModules(casesDir, new Set(), new Set());
    modules.forEach((m, i) => writeFileSync(join(dir, `m${String(i).padStart(4, '0')}.rego`), m.text));
    const cases = timedLint(root, dir, 2);
    lines.push(`rego-lsp lint: every module of opa-cases (${modules.length} files), best of 2: wall ${fmt(cases.wall)}, CPU ${fmt(cases.cpu)}, ${(modules.length / (cases.wall / 1000)).toFixed(0)} files/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

type Phase = Parameters<PhaseTimer>[0] | 'publish';
const PHASES: Phase[] = ['parse', 'workspace', 'check', 'lint', 'publish'];

/**
 * The keystroke path in this process, per phase: the server's analyzer over the repo's files
 * (read from disk once, as the server's overlay host caches them), the same generated document,
 * string-literal edits as above and then edits inside a rule body.
 */
export function phases(root: string): string[] {
  const docPath = join(root, 'policies', 'aws', 'bench', 'keystroke.rego');
  let text = generatedPolicy();
  const disk = new Map<string, string | undefined>();
  const host = {
    readFile: (path: string): string | undefined => {
      if (path === docPath) return text;
      if (!disk.has(path)) disk.set(path, existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined);
      return disk.get(path);
    },
    listDir: (path: string): string[] | undefined => {
      try {
        return readdirSync(path);
      } catch {
        return undefined;
      }
    },
  };
  const analyzer = new RegoAnalyzer(host);
  // Phases are timed in CPU time (process.cpuUsage at each phase end), which a busy machine skews
  // far less than wall time.
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const run = (times?: Map<Phase, number[]>, cpu?: number[]): void => {
    const cpuStart = cpuMs();
    let last = cpuStart;
    const lap = (phase: Phase): void => {
      const now = cpuMs();
      times?.get(phase)!.push(now - last);
      last = now;
    };
    const diagnostics = analyzer.analyze({ path: docPath, text, root, openRegoPaths: [docPath] }, (phase) => lap(phase));
    JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: pathToFileURL(docPath).href, diagnostics } });
    lap('publish');
    cpu?.push(last - cpuStart);
  };
  run();
  const series = (label: string, at: number, typed: string): string => {
    const times = new Map<Phase, number[]>(PHASES.map((p) => [p, []]));
    const cpu: number[] = [];
    for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
      text = i % 2 === 0 ? text.slice(0, at) + typed + text.slice(at) : text.slice(0, at) + text.slice(at + typed.length);
      run(i >= WARMUP_EDITS ? times : undefined, i >= WARMUP_EDITS ? cpu : undefined);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const parts = PHASES.map((p) => `${p} ${median(times.get(p)!).toFixed(1)}`).join(', ');
    const sortedCpu = [...cpu].sort((a, b) => a - b);
    return `  ${label}: CPU per phase (median ms) ${parts}; CPU per edit p50 ${fmt(percentile(sortedCpu, 0.5))}, p95 ${fmt(percentile(sortedCpu, 0.95))}`;
  };
  return [
    `rego-lsp phases (in-process, ${EDITS} edits each after ${WARMUP_EDITS} warm-up):`,
    series('string-literal edits', text.indexOf('"bench"') + 1, 'x'),
    series('layout edits in a rule body (a space: the check result is reused)', text.indexOf('value == false') + 'value == false'.length, ' '),
    // Typing into an identifier changes the code (`valuex` is unsafe): the compile check re-runs.
    series('code edits in a rule body (compile check re-runs)', text.indexOf('value == false') + 'value'.length, 'x'),
  ];
}

export async function run(): Promise<void> {
  const root = repoRoot();
  const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`;
  const lines = [`machine: ${load()}`];
  // PALISADE_BENCH_ONLY=keystroke,phases,lint runs some parts only.
  const only = process.env.PALISADE_BENCH_ONLY?.split(',');
  const part = (name: string) => !only || only.includes(name);
  if (part('keystroke')) lines.push(...(await keystrokes(root)));
  if (part('phases')) lines.push(...phases(root));
  if (part('lint')) lines.push(...cliLint(root));
  lines.push(`machine after: ${load()}`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  run().catch((err) => {
    process.stderr.write(`rego-lsp: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
