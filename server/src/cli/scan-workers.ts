// `--jobs N`: units scanned by N threads, this one and N-1 workers, each with its own copy of the
// pack and its own file reads (a thread costs a program load, a pack load and its own JIT warm-up,
// so this thread, idle otherwise, scans too). Workers get the biggest units first (so no thread is
// left with a large unit at the end while the others idle), a couple at a time as they finish;
// this thread takes the smallest. Results are put back in unit order, so the report is identical
// to `--jobs 1`.
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FileHost } from '../iac/model';
import type { PolicyDiagnostic, RuleMetadata } from '../policy';
import { DiskHost } from '../workspace/disk-host';
import { loadBuiltinPack, UnitScanner, type ScanSettings, type UnitOutcome } from './scan-engine';

/**
 * V8 flags for a batch scan, set when `palisade scan` starts (V8 flags are process-wide, so the
 * workers get them too). A scan is a few seconds of fresh code: about half of its CPU went to
 * V8's background threads, mostly optimising compiles, and each worker thread compiles the same
 * code again. Without TurboFan inlining those compiles are much cheaper; measured on the
 * real-terraform corpus (docs/ci.md) the scan's total CPU fell by 10-15 %. A higher interrupt
 * budget (~4x V8's default) makes V8 wait longer before optimising a function, so fewer functions
 * that run only briefly are compiled at all (as for `rego lint`, cli/commands/rego-lint.ts). Not
 * for the language server, which runs long enough for both to pay off.
 */
export const BATCH_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=250000'];

export function tuneForBatchScan(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}

/** argv of `palisade scan` that turns a worker thread into a scanner (never typed by users). */
export const WORKER_ARG = '--internal-scan-worker';

interface WorkerInit {
  palisadeScanWorker: true;
  settings: ScanSettings;
}

type ToWorker = { type: 'unit'; index: number; dir: string };
type FromWorker =
  | { type: 'ready'; rules: RuleMetadata[]; packDiagnostics: PolicyDiagnostic[]; packDir: string }
  | { type: 'failed'; message: string }
  | { type: 'done'; index: number; outcome: UnitOutcome };

/** Units handed to a worker before it asks, so it never waits for the main thread between units. */
const PREFETCH = 2;

export interface PoolResult {
  outcomes: UnitOutcome[];
  rules: RuleMetadata[];
  packDiagnostics: PolicyDiagnostic[];
  packDir: string;
}

/** True inside a worker started by `scanInWorkers`. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as WorkerInit | undefined)?.palisadeScanWorker === true;
}

/** The worker side: load the pack, then scan units as they arrive until the parent ends the thread. */
export async function runScanWorker(): Promise<number> {
  const port = parentPort;
  if (!port) return 2;
  const { settings } = workerData as WorkerInit;
  const { pack, packDir, packDiagnostics } = loadBuiltinPack(settings);
  if (!pack || !packDir) {
    port.postMessage({ type: 'failed', message: 'the built-in rule pack (policies/) was not found next to the program' } satisfies FromWorker);
    return 2;
  }
  const scanner = new UnitScanner(pack, settings);
  // Units arrive ahead of time (see PREFETCH); scan them one after the other.
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      const outcome = await scanner.scan(message.dir);
      port.postMessage({ type: 'done', index: message.index, outcome } satisfies FromWorker);
    });
  });
  port.postMessage({ type: 'ready', rules: pack.rules, packDiagnostics: packDiagnostics ?? pack.diagnostics, packDir } satisfies FromWorker);
  return 0;
}

/**
 * Scans `dirs` with `jobs` threads (this one and `jobs - 1` workers). `onProgress` is called after
 * each unit. Rejects when a worker cannot start or dies, or when the pack cannot be loaded; a unit
 * that fails inside a healthy thread comes back with `error` set.
 */
export function scanInWorkers(dirs: string[], settings: ScanSettings, jobs: number, onProgress?: (done: number) => void): Promise<PoolResult> {
  return new Promise((resolvePool, rejectPool) => {
    const outcomes: UnitOutcome[] = new Array(dirs.length);
    const workers: Worker[] = [];
    // Computed once the workers are starting, while they load the program and the pack. Workers
    // take units from the front (largest first), this thread from the back: its units are the
    // small ones, so it returns to the event loop often and the workers are fed without delay.
    let order: number[] = [];
    let next = 0;
    let last = -1;
    let done = 0;
    let first: Omit<PoolResult, 'outcomes'> | undefined;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool({ outcomes, ...(first as Omit<PoolResult, 'outcomes'>) });
    };
    const complete = (index: number, outcome: UnitOutcome) => {
      outcomes[index] = outcome;
      done++;
      onProgress?.(done);
      if (done === dirs.length) finish();
    };
    const feed = (worker: Worker) => {
      if (next <= last) {
        const index = order[next];
        worker.postMessage({ type: 'unit', index, dir: dirs[index] } satisfies ToWorker);
        next++;
      }
    };
    const threads = Math.max(1, Math.min(jobs, dirs.length));
    for (let i = 0; i < threads - 1; i++) {
      const worker = new Worker(workerSource(), { eval: true, workerData: { palisadeScanWorker: true, settings } satisfies WorkerInit });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') return finish(new Error(message.message));
        if (message.type === 'ready') {
          first ??= { rules: message.rules, packDiagnostics: message.packDiagnostics, packDir: message.packDir };
          for (let i = 0; i < PREFETCH; i++) feed(worker);
          return;
        }
        complete(message.index, message.outcome);
        if (!settled) feed(worker);
      });
      worker.on('error', (err) => finish(err instanceof Error ? err : new Error(String(err))));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a scan worker stopped with exit code ${code}`));
      });
    }
    // One snapshot of the files for this thread: the size estimate reads every unit's .tf files,
    // and the units this thread scans are then served from memory instead of read again.
    const disk = new DiskHost({ snapshot: true });
    order = largestFirst(dirs, disk);
    last = order.length - 1;
    if (dirs.length === 0) return finish();
    const scanHere = async () => {
      const { pack, packDir, packDiagnostics } = loadBuiltinPack(settings);
      if (!pack || !packDir) return finish(new Error('the built-in rule pack (policies/) was not found next to the program'));
      first ??= { rules: pack.rules, packDiagnostics: packDiagnostics ?? pack.diagnostics, packDir };
      const scanner = new UnitScanner(pack, settings, disk);
      while (!settled && next <= last) {
        const index = order[last--];
        const outcome = await scanner.scan(dirs[index]);
        if (settled) return;
        complete(index, outcome);
        // A macrotask boundary, so workers' results are taken (and the workers fed) between units.
        await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
      }
    };
    scanHere().catch((err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
  });
}

/** A local module call's source (`source = "../modules/x"`), as written in a .tf file. */
const LOCAL_SOURCE = /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;

/**
 * Unit indices by estimated cost, largest first: the bytes of .tf the unit evaluates, its own and
 * those of the local modules it calls (transitively). Only an order: a wrong guess costs balance.
 */
export function largestFirst(dirs: string[], host: FileHost = new DiskHost()): number[] {
  const own = new Map<string, { bytes: number; calls: string[] }>();
  const read = (dir: string) => {
    let hit = own.get(dir);
    if (hit) return hit;
    hit = { bytes: 0, calls: [] };
    own.set(dir, hit);
    const names = (host.listDir(dir) ?? []).filter((n) => n.endsWith('.tf'));
    for (const name of names) {
      const text = host.readFile(`${dir}/${name}`);
      if (text === undefined) continue;
      hit.bytes += text.length;
      for (const m of text.matchAll(LOCAL_SOURCE)) hit.calls.push(normalise(`${dir}/${m[1]}`));
    }
    return hit;
  };
  const cost = (dir: string): number => {
    let total = 0;
    const seen = new Set<string>();
    const visit = (d: string) => {
      if (seen.has(d) || seen.size > 64) return;
      seen.add(d);
      const info = read(d);
      total += info.bytes;
      for (const c of info.calls) visit(c);
    };
    visit(dir);
    return total;
  };
  const costs = dirs.map(cost);
  return dirs.map((_, i) => i).sort((a, b) => costs[b] - costs[a] || a - b);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/**
 * The worker's script. Bundled (dist/server.js) the CLI's `main` re-enters `palisade scan` with
 * WORKER_ARG; compiled unbundled (out/), this module exports `runScanWorker` itself.
 */
function workerSource(): string {
  return [
    `const entry = require(${JSON.stringify(__filename)});`,
    'if (typeof entry.runScanWorker === "function") entry.runScanWorker();',
    `else entry.main(["scan", ${JSON.stringify(WORKER_ARG)}]);`,
  ].join('\n');
}
