// `--jobs N`: units scanned by N worker threads, each with its own copy of the pack and its own
// file reads. Units are handed out a couple at a time as workers finish (a slow unit does not
// hold up a long queue) and results are put back in unit order, so the report is identical to
// `--jobs 1`.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PolicyDiagnostic, RuleMetadata } from '../policy';
import { loadBuiltinPack, UnitScanner, type ScanSettings, type UnitOutcome } from './scan-engine';

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
 * Scans `dirs` with `jobs` workers. `onProgress` is called after each unit. Rejects when a worker
 * cannot start or dies; a unit that fails inside a healthy worker comes back with `error` set.
 */
export function scanInWorkers(dirs: string[], settings: ScanSettings, jobs: number, onProgress?: (done: number) => void): Promise<PoolResult> {
  return new Promise((resolvePool, rejectPool) => {
    const outcomes: UnitOutcome[] = new Array(dirs.length);
    const workers: Worker[] = [];
    let next = 0;
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
    const feed = (worker: Worker) => {
      if (next < dirs.length) {
        worker.postMessage({ type: 'unit', index: next, dir: dirs[next] } satisfies ToWorker);
        next++;
      }
    };
    const count = Math.max(1, Math.min(jobs, dirs.length));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerSource(), { eval: true, workerData: { palisadeScanWorker: true, settings } satisfies WorkerInit });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') return finish(new Error(message.message));
        if (message.type === 'ready') {
          first ??= { rules: message.rules, packDiagnostics: message.packDiagnostics, packDir: message.packDir };
          for (let i = 0; i < PREFETCH; i++) feed(worker);
          return;
        }
        outcomes[message.index] = message.outcome;
        done++;
        onProgress?.(done);
        if (done === dirs.length) return finish();
        feed(worker);
      });
      worker.on('error', (err) => finish(err instanceof Error ? err : new Error(String(err))));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a scan worker stopped with exit code ${code}`));
      });
    }
    if (dirs.length === 0) finish();
  });
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
