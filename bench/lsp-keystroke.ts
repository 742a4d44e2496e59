// Keystroke latency of the language server on the largest real module.
// Starts the bundled server (dist/server.js lsp --stdio), opens every .tf file of the largest module
// of $PALISADE_CORPORA/real-terraform (by bytes; default /work/shared/corpora), then types characters
// into a string attribute value of the module's biggest file and deletes them again: 500 scripted
// edits, each timed from didChange to the publishDiagnostics carrying that document version.
// Reports p50/p95/p99 latency and the server's resident memory. Targets: p95 ≤ 20 ms, RSS ≤ 200 MB.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBenchServer } from './lsp-bench-server';

const EDITS = 500;
const WARMUP_EDITS = 20;
const TYPED = 'abcdefghij';
const TIMEOUT_MS = 30_000;

function repoRoot(): string {
  // Compiled to out/bench/ (two levels below the root); run with tsx from bench/ (one level).
  for (const up of ['..', join('..', '..')]) {
    const root = resolve(__dirname, up);
    if (existsSync(join(root, 'package.json')) && existsSync(join(root, 'server'))) return root;
  }
  return process.cwd();
}

/** The module directory with the most .tf bytes, and its files (largest first). */
export function largestModule(corpusDir: string): { dir: string; files: string[]; bytes: number } {
  const index = JSON.parse(readFileSync(join(corpusDir, 'index.json'), 'utf8')) as {
    repos: Array<{ dir: string; fileList: Array<{ path: string; bytes: number }> }>;
  };
  const modules = new Map<string, { files: Array<{ path: string; bytes: number }>; bytes: number }>();
  for (const repo of index.repos) {
    for (const file of repo.fileList) {
      if (!file.path.endsWith('.tf')) continue;
      const full = join(corpusDir, repo.dir, file.path);
      const entry = modules.get(dirname(full)) ?? { files: [], bytes: 0 };
      entry.files.push({ path: full, bytes: file.bytes });
      entry.bytes += file.bytes;
      modules.set(dirname(full), entry);
    }
  }
  const [dir, best] = [...modules.entries()].sort((a, b) => b[1].bytes - a[1].bytes || a[0].localeCompare(b[0]))[0];
  return { dir, bytes: best.bytes, files: best.files.sort((a, b) => b.bytes - a.bytes).map((f) => f.path) };
}

/** Line/character just after the opening quote of the first `name = "..."` attribute. */
function editPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const m = /^(\s*[A-Za-z_][\w-]*\s*=\s*")/.exec(lines[line]);
    if (m) return { line, character: m[1].length };
  }
  throw new Error('no string attribute to type into');
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export async function run(): Promise<void> {
  const root = repoRoot();
  const corpusDir = join(process.env.PALISADE_CORPORA ?? '/work/shared/corpora', 'real-terraform');
  const module = largestModule(corpusDir);
  const target = module.files[0];

  const server = await startBenchServer(root, module.dir, TIMEOUT_MS);
  const { connection, published } = server;

  const uri = pathToFileURL(target).href;
  const text = readFileSync(target, 'utf8');
  const opened = published(uri, 1);
  for (const file of module.files) {
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pathToFileURL(file).href, languageId: 'terraform', version: 1, text: readFileSync(file, 'utf8') },
    });
  }
  await opened;

  const at = editPoint(text);
  let version = 1;
  let typed = 0;
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
    // Type TYPED one character at a time, then delete it one character at a time, and repeat.
    const cycle = i % (2 * TYPED.length);
    const typing = cycle < TYPED.length;
    const change = typing
      ? { range: { start: { line: at.line, character: at.character + typed }, end: { line: at.line, character: at.character + typed } }, text: TYPED[typed] }
      : { range: { start: { line: at.line, character: at.character + typed - 1 }, end: { line: at.line, character: at.character + typed } }, text: '' };
    typed += typing ? 1 : -1;
    version++;
    const done = published(uri, version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    if (i >= WARMUP_EDITS) latencies.push(performance.now() - start);
  }

  const { rss, peak, heapUsed } = await server.stop();
  const analysisMs = server.analyses.map((d) => d.durationMs);
  const serverSideMs = server.analyses.map((d) => d.sinceChangeMs);

  const sorted = [...latencies].sort((a, b) => a - b);
  const analyses = analysisMs.slice(-EDITS).sort((a, b) => a - b);
  const serverSide = serverSideMs.slice(-EDITS).sort((a, b) => a - b);
  const fmt = (n: number) => `${n.toFixed(1)} ms`;
  const lines = [
    `lsp-keystroke: module ${module.dir.slice(corpusDir.length + 1) || '.'} (${module.files.length} files, ${(module.bytes / 1024).toFixed(0)} KB), editing ${target.slice(module.dir.length + 1)}`,
    `  ${EDITS} edits (after ${WARMUP_EDITS} warm-up): keystroke → publishDiagnostics p50 ${fmt(percentile(sorted, 0.5))}, p95 ${fmt(percentile(sorted, 0.95))}, p99 ${fmt(percentile(sorted, 0.99))}, max ${fmt(sorted[sorted.length - 1])}  (target p95 ≤ 20 ms)`,
    `  server-side, change received → diagnostics sent: p50 ${fmt(percentile(serverSide, 0.5))}, p95 ${fmt(percentile(serverSide, 0.95))}`,
    `  of which front-end analysis: p50 ${fmt(percentile(analyses, 0.5))}, p95 ${fmt(percentile(analyses, 0.95))}`,
    `  server RSS ${mb(rss)} (peak ${mb(peak)}, heap used ${mb(heapUsed)})  (target ≤ 200 MB)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  run().catch((err) => {
    process.stderr.write(`lsp-keystroke: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
