// `palisade rego lint` on two threads: the per-file phase (parse + per-file rules) of a large file
// set is shared between this thread and one worker; the cross-file (aggregate) rules stay here and
// run once every file's result is back. Both threads take chunks of files from the same queue, so a
// busy core does not hold the run back. The output is identical to a one-thread run: results are
// keyed by path and the linter assembles them in file order.
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FileLintResult, LintFile, Linter } from '../../lint';
import { Linter as LinterClass } from '../../lint';
import { configFor } from './rego-lint';

/** argv of `palisade rego lint` that turns a worker thread into a linter (never typed by users). */
export const LINT_WORKER_ARG = '--internal-lint-worker';

/** Below this many files a worker's start-up (loading the program, ~0.3 s CPU) costs more than it saves. */
const MIN_FILES_FOR_THREADS = 120;
/** Files per message: small enough to balance the threads, large enough to keep messages few. */
const CHUNK = 12;
/** Chunks handed to the worker ahead of its answers, so it never waits on this thread. */
const PREFETCH = 2;

interface WorkerInit {
  palisadeLintWorker: true;
  configText: string | undefined;
  configFile: string | undefined;
}

type ToWorker = { type: 'chunk'; id: number; files: LintFile[] };
/** A worker's result without the file's text: this thread has the text already, so it is not copied back. */
type WorkerResult = Omit<FileLintResult, 'text'>;
type FromWorker = { type: 'done'; id: number; results: { path: string; result: WorkerResult }[] } | { type: 'failed'; message: string };

/**
 * Threads to use: PALISADE_LINT_THREADS when set (1 off, 2 on), else 2 only when two cores are free
 * besides this thread's. A one-thread run already keeps a second core busy with V8's own background
 * threads (the optimising compiler, concurrent GC: on an idle 2-core machine, 3.1 s CPU in 1.5 s
 * wall), and a worker costs ~0.8 s CPU of its own (program load, JIT warm-up, copying results); on
 * two cores it made the run slower (1.58 s against 1.52 s). The load average decides, as `make -l`.
 */
function threadCount(): number {
  const env = Number(process.env.PALISADE_LINT_THREADS);
  if (Number.isInteger(env) && env >= 1) return Math.min(env, 2);
  const cores = availableParallelism();
  return cores >= 3 && loadavg()[0] <= cores - 2 ? 2 : 1;
}

export interface ThreadedResults {
  /** Per-file results by path (empty when one thread was better: the linter then does every file). */
  results: Map<string, FileLintResult>;
  /** How many of them the worker computed. */
  byWorker: number;
}

/** Per-file results of `files`, computed on this thread and a worker when there are enough files. */
export async function analyseInThreads(linter: Linter, files: LintFile[], init: { configText: string | undefined; configFile: string | undefined }): Promise<ThreadedResults> {
  const results = new Map<string, FileLintResult>();
  let byWorker = 0;
  if (files.length < MIN_FILES_FOR_THREADS || threadCount() < 2) return { results, byWorker };
  const chunks: LintFile[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  let next = 0;
  const inWorker = new Map<number, LintFile[]>();

  let worker: Worker | undefined;
  let workerGone = false;
  let settle: () => void = () => {};
  const workerIdle = new Promise<void>((r) => (settle = r));
  const send = (): void => {
    if (!worker || workerGone || next >= chunks.length) {
      if (inWorker.size === 0) settle();
      return;
    }
    const id = next++;
    inWorker.set(id, chunks[id]);
    worker.postMessage({ type: 'chunk', id, files: chunks[id] } satisfies ToWorker);
  };
  const abandon = (): void => {
    // Whatever the worker still held is analysed here; the run's result does not depend on it.
    workerGone = true;
    for (const chunk of inWorker.values()) for (const f of chunk) results.set(f.path, linter.analyseFile(f));
    inWorker.clear();
    settle();
  };
  try {
    worker = new Worker(workerSource(), { eval: true, workerData: { palisadeLintWorker: true, ...init } satisfies WorkerInit });
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'failed') return abandon();
      const sent = inWorker.get(m.id) ?? [];
      m.results.forEach((r, i) => results.set(r.path, { ...r.result, text: sent[i]?.path === r.path ? sent[i].text : '' }));
      byWorker += m.results.length;
      inWorker.delete(m.id);
      send();
    });
    worker.on('error', abandon);
    worker.on('exit', () => {
      if (inWorker.size > 0 || !workerGone) abandon();
    });
    for (let i = 0; i < PREFETCH; i++) send();
  } catch {
    abandon();
  }

  // This thread takes chunks from the same queue, yielding between chunks so the worker's answers
  // are received (and it is fed) while this thread works.
  while (next < chunks.length) {
    const id = next++;
    for (const f of chunks[id]) results.set(f.path, linter.analyseFile(f));
    await new Promise<void>((r) => setImmediate(r));
  }
  if (inWorker.size === 0) settle();
  await workerIdle;
  workerGone = true;
  await worker?.terminate();
  return { results, byWorker };
}

/** The worker side: build the same linter, then analyse chunks as they arrive. */
export async function runLintWorker(): Promise<number> {
  const port = parentPort;
  if (isMainThread || !port) return 2;
  const init = workerData as WorkerInit;
  const { config, errors } = configFor(init.configText, init.configFile);
  if (errors.length > 0) {
    port.postMessage({ type: 'failed', message: errors.join('; ') } satisfies FromWorker);
    return 2;
  }
  const linter = new LinterClass(config);
  port.on('message', (m: ToWorker) => {
    const results = m.files.map((f) => {
      const { text: _text, ...result } = linter.analyseFile(f);
      return { path: f.path, result };
    });
    port.postMessage({ type: 'done', id: m.id, results } satisfies FromWorker);
  });
  return 0;
}

/**
 * The worker's script: it loads the file this code runs from. Bundled (dist/rego-cli.js, or
 * dist/server.js) it re-enters the bundle's `main` as `rego lint LINT_WORKER_ARG`, so a worker loads
 * no more code than the main thread did; compiled unbundled (out/), this module exports
 * runLintWorker itself.
 */
function workerSource(): string {
  return [
    `const entry = require(${JSON.stringify(__filename)});`,
    'if (typeof entry.runLintWorker === "function") entry.runLintWorker();',
    `else entry.main(["rego", "lint", ${JSON.stringify(LINT_WORKER_ARG)}]);`,
  ].join('\n');
}
