#!/usr/bin/env node
// CLI entry. Runs the bundled server/CLI from dist/ (built by `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { setFlagsFromString } = require('node:v8');
const { loadBundle, SCAN_V8_FLAGS } = codeCacheLoader();
const args = process.argv.slice(2);
const dist = path.join(__dirname, '..', 'dist');
// `rego …` and `test` run from the lean bundle of the Rego tools (server/src/cli/rego-main.ts):
// a third of the full bundle's code to read and compile. `scan` runs from the scan bundle
// (server/src/cli/scan-main.ts), which each of its worker threads loads too. Everything else runs
// from the full one.
const LEAN_BUNDLES = { rego: 'rego-cli.js', test: 'rego-cli.js', scan: 'scan-cli.js' };
const lean = Object.prototype.hasOwnProperty.call(LEAN_BUNDLES, args[0]) ? path.join(dist, LEAN_BUNDLES[args[0]]) : undefined;
const bundle = lean && fs.existsSync(lean) ? lean : path.join(dist, 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('palisade: dist/server.js is missing; run `npm run build` first\n');
  process.exit(2);
}
// `scan` runs under batch V8 flags (server/src/cli/scan-workers.ts), set here before the bundle is
// compiled so that the scan bundle's code cache, made under them, fits every thread (bin/code-cache.js).
if (args[0] === 'scan') for (const flag of SCAN_V8_FLAGS) setFlagsFromString(flag);
if (args[0] === 'scan' && bundle === lean) startScanWorkers(bundle, args);
const cli = loadBundle(bundle);

// The language server runs with the V8 flags the VS Code client also uses (SERVER_EXEC_ARGV,
// server/src/shared/server-launch.ts); they must be set when the process starts, so re-exec once.
// The child inherits stdio, so an LSP client talks to it directly.
if (args[0] === 'lsp' && !process.env.PALISADE_LSP_CHILD) {
  const { spawn } = require('node:child_process'); // here: other commands need not load it (~6 ms)
  const child = spawn(process.execPath, [...cli.SERVER_EXEC_ARGV, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, PALISADE_LSP_CHILD: '1' },
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return;
}

// A reader that stops early (`palisade rules | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

cli.main(args).then(
  (code) => {
    process.exitCode = code;
    // A scan has written everything by now and holds a few hundred MB: once stdout has drained,
    // end at once instead of waiting for its worker threads and heaps to be torn down (~20–60 ms).
    if (args[0] === 'scan') process.stdout.write('', () => process.exit(code));
  },
  (err) => {
    process.stderr.write(`palisade: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);

/**
 * `scan` with more than one job: its worker threads start before this thread loads the program
 * (~70 ms of a second core otherwise idle), so their own start-up overlaps it. The program adopts
 * them (EARLY_SCAN_WORKERS in server/src/cli/scan-workers.ts), ends those the scan does not need
 * and starts any missing, so the count here is only a guess from the command line: `--jobs`/`-j`,
 * else the number of cores, at most 3 workers, as the program starts before the units are known.
 * Until adopted a worker neither keeps the process alive nor loses what it says.
 */
function startScanWorkers(scanBundle, argv) {
  const { Worker } = require('node:worker_threads');
  let jobs = require('node:os').availableParallelism();
  for (let i = 1; i < argv.length && argv[i] !== '--'; i++) {
    const given = /^--jobs=(.*)$/.exec(argv[i])?.[1] ?? (argv[i] === '--jobs' || argv[i] === '-j' ? argv[i + 1] : undefined);
    if (given !== undefined) jobs = /^[1-9]\d*$/.test(given) ? Number(given) : 1;
    if (argv[i] === '--help' || argv[i] === '-h') return;
  }
  // As workerSource() in server/src/cli/scan-workers.ts: through the code cache when its loader is here.
  const loader = path.join(__dirname, 'code-cache.js');
  const load = fs.existsSync(loader) ? `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(scanBundle)})` : `require(${JSON.stringify(scanBundle)})`;
  const source = `${load}.main(["scan", "--internal-scan-worker"]);`;
  const started = [];
  for (let i = 0; i < Math.min(jobs - 1, 3); i++) {
    const worker = new Worker(source, { eval: true, workerData: { palisadeScanWorker: true } });
    const events = [];
    const listeners = { message: (message) => events.push({ message }), error: (error) => events.push({ error }), exit: (exit) => events.push({ exit }) };
    for (const [event, listener] of Object.entries(listeners)) worker.on(event, listener);
    worker.unref();
    // Only these listeners: a Worker has listeners of its own (removeAllListeners stalls its messages).
    const detach = () => {
      for (const [event, listener] of Object.entries(listeners)) worker.off(event, listener);
    };
    started.push({ worker, events, detach });
  }
  globalThis[Symbol.for('palisade.scan.earlyWorkers')] = started;
}

/** bin/code-cache.js, or plain `require` where only this file was copied: the code cache is an optimisation only. */
function codeCacheLoader() {
  try {
    return require('./code-cache');
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND' && !fs.existsSync(path.join(__dirname, 'code-cache.js'))) return { loadBundle: require, SCAN_V8_FLAGS: [] };
    throw err;
  }
}
