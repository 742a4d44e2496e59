// `--jobs N`: units scanned by N threads, this one and N-1 workers, each with its own copy of the
// pack and its own file reads (a thread costs a program load, a pack load and its own JIT warm-up,
// so this thread, idle otherwise, scans too). The threads share one queue of units
// (scan-order.ts, in a SharedArrayBuffer): workers take the biggest units first (so no thread is
// left with a large unit at the end while the others idle), this thread the smallest, each as soon
// as it is free, without waiting for another thread to hand it work. Results are put back in unit
// order, so the report is identical to `--jobs 1`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PolicyDiagnostic, RuleMetadata, RulePack } from '../policy';
import { DiskHost } from '../workspace/disk-host';
import { loadBuiltinPack, reportKeyOf, UnitScanner, type ScanSettings, type UnitOutcome } from './scan-engine';
import { UnitQueue, unitQueue } from './scan-order';
import { markTimeline } from './scan-timeline';

/**
 * V8 flags for a batch scan, set when `palisade scan` starts (V8 flags are process-wide, so the
 * workers get them too). A scan is a few seconds of fresh code: about half of its CPU went to
 * V8's background threads, mostly optimising compiles, and each worker thread compiles the same
 * code again. Without TurboFan inlining those compiles are much cheaper; measured on the
 * real-terraform corpus (docs/ci.md) the scan's total CPU fell by 10-15 %. A higher interrupt
 * budget (~7x V8's default of 67,584) makes V8 wait longer before optimising a function, so fewer
 * functions that run only briefly are compiled at all (as for `rego lint`, cli/commands/rego-lint.ts);
 * with two threads each warming up on half the units, 500,000 beat 250,000 (docs/accuracy.md,
 * "ninth round"). Not for the language server, which runs long enough for both to pay off.
 */
export const BATCH_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=500000'];

export function tuneForBatchScan(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}

/** argv of `palisade scan` that turns a worker thread into a scanner (never typed by users). */
export const WORKER_ARG = '--internal-scan-worker';

/** What a worker needs to load the packs: known once the command line is parsed (see ScanWorkers). */
export type PackSource = Pick<ScanSettings, 'cwd' | 'configFile'>;

interface WorkerInit {
  palisadeScanWorker: true;
}

/**
 * `queue`: the shared unit queue (UnitQueue.shared) and the units' directories by index; `reported`:
 * report keys of units finished by other threads (UnitScanner.noteReported).
 */
type ToWorker =
  | { type: 'init'; pack: PackSource }
  | { type: 'settings'; settings: ScanSettings; queue: SharedArrayBuffer; dirs: string[] }
  | { type: 'reported'; reported: [string, number][] };
type FromWorker =
  | { type: 'ready'; rules: RuleMetadata[]; packDiagnostics: PolicyDiagnostic[]; packDir: string }
  | { type: 'failed'; message: string }
  | ({ type: 'done'; index: number } & PackedOutcome);

/**
 * An outcome as a worker sends it. Units under one configuration share their list of active rules
 * (~200 ids: half of what an outcome costs to copy between threads), so a list equal to the one of
 * the thread's previous outcome is sent as "as before" instead.
 */
export interface PackedOutcome {
  outcome: UnitOutcome;
  activeRulesAsBefore?: true;
}

/** `outcome` to send after one whose active rules were `previous` (same thread). */
export function packOutcome(outcome: UnitOutcome, previous: string[] | undefined): PackedOutcome {
  return outcome.activeRules === previous ? { outcome: { ...outcome, activeRules: [] }, activeRulesAsBefore: true } : { outcome };
}

/** The outcome `packed` stands for, after one (from the same thread) whose active rules were `previous`. */
export function unpackOutcome(packed: PackedOutcome, previous: string[] | undefined): UnitOutcome {
  return packed.activeRulesAsBefore ? { ...packed.outcome, activeRules: previous ?? [] } : packed.outcome;
}

export interface PoolResult {
  outcomes: UnitOutcome[];
  rules: RuleMetadata[];
  packDiagnostics: PolicyDiagnostic[];
  packDir: string;
}

/** True inside a worker started by `ScanWorkers`. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as WorkerInit | undefined)?.palisadeScanWorker === true;
}

/**
 * The worker side: load the pack as soon as the main thread says where its configuration is (the
 * main thread is still finding the units), then take the scan settings and the shared queue, and
 * scan units from its front until none is left. Between units the thread returns to its event loop,
 * to hear which findings other threads already report.
 */
export async function runScanWorker(): Promise<number> {
  const port = parentPort;
  if (!port) return 2;
  markTimeline('start');
  let pack: RulePack | undefined;
  let scanner: UnitScanner | undefined;
  const fail = (message: string) => port.postMessage({ type: 'failed', message } satisfies FromWorker);
  const scanQueue = async (queue: UnitQueue, dirs: string[], here: UnitScanner) => {
    let previous: string[] | undefined;
    for (let index = queue.takeFront(); index !== undefined; index = queue.takeFront()) {
      const outcome = await here.scan(dirs[index], index);
      markTimeline('first-unit-done');
      port.postMessage({ type: 'done', index, ...packOutcome(outcome, previous) } satisfies FromWorker);
      previous = outcome.activeRules;
      await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
    }
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'init') {
      const loaded = loadBuiltinPack(message.pack);
      markTimeline('pack-loaded');
      if (!loaded.pack || !loaded.packDir) return fail('the built-in rule pack (policies/) was not found next to the program');
      pack = loaded.pack;
      port.postMessage({ type: 'ready', rules: pack.rules, packDiagnostics: loaded.packDiagnostics ?? pack.diagnostics, packDir: loaded.packDir } satisfies FromWorker);
    } else if (message.type === 'reported') {
      scanner?.noteReported(message.reported);
    } else if (pack) {
      scanner = new UnitScanner(pack, message.settings);
      scanQueue(UnitQueue.attach(message.queue), message.dirs, scanner).catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
    }
  });
  return 0;
}

type WorkerEvent = { message: FromWorker } | { error: Error };

/**
 * Where bin/palisade.js leaves the scan workers it started before this program was loaded: each
 * with what it said or did before anyone listened (bin/palisade.js, `startScanWorkers`).
 */
export const EARLY_SCAN_WORKERS = Symbol.for('palisade.scan.earlyWorkers');

type BinWorkerEvent = { message: FromWorker } | { error: unknown } | { exit: number };

/**
 * Worker threads started as soon as possible, so that each one's start-up (its own Node
 * environment, the program, the pack) overlaps the main thread's work instead of following it:
 * bin/palisade.js starts them before it loads the program (see EARLY_SCAN_WORKERS), and the rest
 * start here once the command line is parsed. A thread costs that start-up whether or not it
 * scans, so at most EARLY_WORKERS start before the units are known; `resize` then ends the ones the
 * scan does not need or adds the rest, `stop` ends all. What a worker says before a scan listens
 * (its `ready`, or a failure) is kept for that scan.
 */
export class ScanWorkers {
  private readonly threads: Worker[] = [];
  private readonly ended = new Set<Worker>();
  private readonly early: [Worker, WorkerEvent][] = [];
  private listener?: (worker: Worker, event: WorkerEvent) => void;

  constructor(count: number, private readonly pack: PackSource) {
    this.adoptEarlyWorkers();
    this.resize(count);
  }

  /** Ends workers beyond `count` (the last started first) or starts new ones up to it. */
  resize(count: number): void {
    const running = this.running;
    for (const worker of running.slice(Math.max(0, count))) {
      this.ended.add(worker);
      void worker.terminate();
    }
    for (let i = running.length; i < count; i++) this.track(new Worker(workerSource(), { eval: true, workerData: { palisadeScanWorker: true } satisfies WorkerInit }));
  }

  /** Takes over the workers bin/palisade.js started: they now keep the process alive, and hear where the pack is. */
  private adoptEarlyWorkers(): void {
    const started = (globalThis as Record<symbol, unknown>)[EARLY_SCAN_WORKERS] as { worker: Worker; events: BinWorkerEvent[]; detach: () => void }[] | undefined;
    delete (globalThis as Record<symbol, unknown>)[EARLY_SCAN_WORKERS];
    if (started && started.length > 0) markTimeline('workers-adopted');
    for (const { worker, events, detach } of started ?? []) {
      detach();
      worker.ref();
      const emit = this.track(worker);
      for (const event of events) {
        if ('message' in event) emit({ message: event.message });
        else if ('error' in event) emit({ error: asError(event.error) });
        else if (event.exit !== 0) emit({ error: exitError(event.exit) });
      }
    }
  }

  /** Listens to `worker` and tells it where the pack is; returns how its events are passed on. */
  private track(worker: Worker): (event: WorkerEvent) => void {
    this.threads.push(worker);
    const emit = (event: WorkerEvent) => {
      if (this.ended.has(worker)) return;
      if (this.listener) this.listener(worker, event);
      else this.early.push([worker, event]);
    };
    worker.on('message', (message: FromWorker) => emit({ message }));
    worker.on('error', (err) => emit({ error: asError(err) }));
    worker.on('exit', (code) => {
      if (code !== 0) emit({ error: exitError(code) });
    });
    worker.postMessage({ type: 'init', pack: this.pack } satisfies ToWorker);
    return emit;
  }

  /** The workers still running. */
  get running(): Worker[] {
    return this.threads.filter((w) => !this.ended.has(w));
  }

  stop(): void {
    this.resize(0);
  }

  /** Events from now on go to `listener`, after those that came before. */
  listen(listener: (worker: Worker, event: WorkerEvent) => void): void {
    this.listener = listener;
    for (const [worker, event] of this.early.splice(0)) if (!this.ended.has(worker)) listener(worker, event);
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

function exitError(code: number): Error {
  return new Error(`a scan worker stopped with exit code ${code}`);
}

/** Workers started before the units are known (see ScanWorkers). */
export const EARLY_WORKERS = 3;

/**
 * Scans `dirs` with `jobs` threads: this one and `jobs - 1` of `workers` (started earlier, see
 * ScanWorkers; all are ended when the scan settles). `onProgress` is called after each unit. Rejects when a worker
 * cannot start or dies, or when the pack cannot be loaded; a unit that fails inside a healthy
 * thread comes back with `error` set.
 */
export function scanInWorkers(dirs: string[], settings: ScanSettings, jobs: number, workers: ScanWorkers, onProgress?: (done: number) => void): Promise<PoolResult> {
  return new Promise((resolvePool, rejectPool) => {
    const outcomes: UnitOutcome[] = new Array(dirs.length);
    let done = 0;
    let first: Omit<PoolResult, 'outcomes'> | undefined;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      workers.stop();
      if (error) rejectPool(error);
      else resolvePool({ outcomes, ...(first as Omit<PoolResult, 'outcomes'>) });
    };
    let scanner: UnitScanner | undefined;
    // Each finished unit's report keys go to the threads that did not scan it: a thread that knows
    // an earlier unit reports a finding does not verify its fixes (UnitScanner.noteReported).
    const complete = (index: number, outcome: UnitOutcome, from?: Worker) => {
      outcomes[index] = outcome;
      const keys = outcome.findings.map((f): [string, number] => [reportKeyOf(f), index]);
      if (keys.length > 0) {
        if (from) scanner?.noteReported(keys);
        for (const worker of workers.running) if (worker !== from) worker.postMessage({ type: 'reported', reported: keys } satisfies ToWorker);
      }
      done++;
      onProgress?.(done);
      if (done === dirs.length) finish();
    };
    if (dirs.length === 0) return finish();
    workers.resize(Math.min(jobs, dirs.length) - 1);
    // One snapshot of the files for this thread: the size estimate reads every unit's .tf files,
    // and the units this thread scans are then served from memory instead of read again.
    const disk = new DiskHost({ snapshot: true });
    // Workers take units from the front (largest families first), this thread from the back: its
    // units are the small ones, so it returns to the event loop often to take the workers' results.
    // Each family of units sharing a module goes in unit order (scan-order.ts).
    const queue = unitQueue(dirs, disk);
    markTimeline('units-ordered');
    for (const worker of workers.running) worker.postMessage({ type: 'settings', settings, queue: queue.shared, dirs } satisfies ToWorker);
    const lastActiveRules = new Map<Worker, string[]>();
    workers.listen((worker, event) => {
      if ('error' in event) return finish(event.error);
      const message = event.message;
      if (message.type === 'failed') return finish(new Error(message.message));
      if (message.type === 'ready') {
        first ??= { rules: message.rules, packDiagnostics: message.packDiagnostics, packDir: message.packDir };
        return;
      }
      // Each worker's messages arrive in order: "as before" names the list of its previous outcome.
      const outcome = unpackOutcome(message, lastActiveRules.get(worker));
      lastActiveRules.set(worker, outcome.activeRules);
      complete(message.index, outcome, worker);
    });
    const scanHere = async () => {
      const { pack, packDir, packDiagnostics } = loadBuiltinPack(settings);
      if (!pack || !packDir) return finish(new Error('the built-in rule pack (policies/) was not found next to the program'));
      markTimeline('pack-loaded');
      first ??= { rules: pack.rules, packDiagnostics: packDiagnostics ?? pack.diagnostics, packDir };
      const here = (scanner = new UnitScanner(pack, settings, disk));
      for (const [index, outcome] of outcomes.entries()) if (outcome) here.noteReported(outcome.findings.map((f) => [reportKeyOf(f), index]));
      for (let index = queue.takeBack(); !settled && index !== undefined; index = queue.takeBack()) {
        const outcome = await here.scan(dirs[index], index);
        if (settled) return;
        markTimeline('first-unit-done');
        complete(index, outcome);
        // A macrotask boundary, so workers' results are taken between units.
        await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
      }
    };
    scanHere().catch((err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
  });
}

/**
 * The worker's script. Bundled (dist/scan-cli.js, dist/server.js) the CLI's `main` re-enters
 * `palisade scan` with WORKER_ARG; compiled unbundled (out/), this module exports `runScanWorker`
 * itself. In the package (dist/ beside bin/) the bundle is loaded as bin/palisade.js loads it, with
 * its V8 code cache when one fits (bin/code-cache.js); elsewhere by `require`.
 */
function workerSource(): string {
  const loader = join(__dirname, '..', 'bin', 'code-cache.js');
  const load = existsSync(loader) ? `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(__filename)})` : `require(${JSON.stringify(__filename)})`;
  return [
    `const entry = ${load};`,
    'if (typeof entry.runScanWorker === "function") entry.runScanWorker();',
    `else entry.main(["scan", ${JSON.stringify(WORKER_ARG)}]);`,
  ].join('\n');
}
