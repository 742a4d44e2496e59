// Keystroke → diagnostics latency with the full built-in rule pack, on the largest real module.
// Starts the bundled server (dist/server.js lsp --stdio), opens every .tf file of the largest module
// of $PALISADE_CORPORA/real-terraform, then flips a security-relevant boolean default (a variable
// such as `enable_flow_log`, false ↔ true, as a completion would) so the rules really change their
// findings: each edit is timed from didChange to the publishDiagnostics carrying that version.
// Then replays the same edits in process through scanTerraformUnit to split the time into front
// end and rules. Reports p50/p95/p99, how often the findings changed, and the server's RSS.
// Target: p95 ≤ 30 ms.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPack, scanTerraformUnit } from '../server/src/policy';
import { startBenchServer } from './lsp-bench-server';
import { DiskHost } from '../server/src/workspace/disk-host';
import { builtinPackDir, readPackFiles } from '../server/src/workspace/policy-files';
import { largestModule } from './lsp-keystroke';

const EDITS = 200;
const WARMUP_EDITS = 10;
const REPLAYS = 40;
const TIMEOUT_MS = 60_000;
const TARGET_P95_MS = 30;
/** Boolean variables whose value decides whether a security rule fires, most telling first. */
const TOGGLE_NAMES = [/^enable_flow_log$/, /flow_log/, /encrypt/, /logging/, /versioning/];

interface Toggle {
  file: string;
  variable: string;
  line: number;
  character: number;
  value: 'true' | 'false';
}

function repoRoot(): string {
  for (const up of ['..', join('..', '..')]) {
    const root = resolve(__dirname, up);
    if (existsSync(join(root, 'package.json')) && existsSync(join(root, 'server'))) return root;
  }
  return process.cwd();
}

/** A `variable "<security-relevant name>" { … default = true|false }` of the module. */
export function findToggle(files: string[], read: (file: string) => string): Toggle {
  const candidates: Toggle[] = [];
  for (const file of files) {
    const lines = read(file).split('\n');
    let variable: string | undefined;
    for (let line = 0; line < lines.length; line++) {
      const header = /^variable\s+"([^"]+)"/.exec(lines[line]);
      if (header) variable = header[1];
      else if (/^}/.test(lines[line])) variable = undefined;
      const m = /^(\s*default\s*=\s*)(true|false)\s*$/.exec(lines[line]);
      if (variable && m) candidates.push({ file, variable, line, character: m[1].length, value: m[2] as 'true' | 'false' });
    }
  }
  for (const name of TOGGLE_NAMES) {
    const found = candidates.find((c) => name.test(c.variable));
    if (found) return found;
  }
  throw new Error('no security-relevant boolean variable default to flip in the largest module');
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${fmt(percentile(s, 0.5))}, p95 ${fmt(percentile(s, 0.95))}, p99 ${fmt(percentile(s, 0.99))}, max ${fmt(s[s.length - 1])}`;
};
const flipped = (v: 'true' | 'false') => (v === 'true' ? 'false' : 'true');

/** didChange → publishDiagnostics through the real server; returns latencies and server figures. */
async function measureServer(moduleDir: string, files: string[], toggle: Toggle) {
  const server = await startBenchServer(repoRoot(), moduleDir, TIMEOUT_MS);
  const { connection, published } = server;
  const done = server.analyses;
  const uri = pathToFileURL(toggle.file).href;
  const opened = published(uri, 1);
  for (const file of files) {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId: 'terraform', version: 1, text: readFileSync(file, 'utf8') } });
  }
  await opened;
  const initialRuns = done.length;

  let value = toggle.value;
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
    const next = flipped(value);
    const change = { range: { start: { line: toggle.line, character: toggle.character }, end: { line: toggle.line, character: toggle.character + value.length } }, text: next };
    value = next;
    const version = i + 2;
    const arrived = published(uri, version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await arrived;
    if (i >= WARMUP_EDITS) latencies.push(performance.now() - start);
  }
  // The last analysisDone may trail its publishDiagnostics by a message.
  const { rss, peak, heapUsed } = await server.stop();
  const runs = done.slice(initialRuns + WARMUP_EDITS);
  return { latencies, runs, rss, peak, heapUsed };
}

/** The same flips through scanTerraformUnit in this process: front end vs rules, and findings per state. */
async function measureInProcess(moduleDir: string, files: string[], toggle: Toggle) {
  const packDir = builtinPackDir();
  if (!packDir) throw new Error('the built-in rule pack (policies/) was not found');
  const pack = loadPack(readPackFiles(packDir), { name: 'builtin', check: false });
  // Disk with the edited file laid over it, as the server's host does for an open buffer.
  const host = new DiskHost();
  const lines = readFileSync(toggle.file, 'utf8').split('\n');
  const withValue = (v: string) => {
    const copy = [...lines];
    copy[toggle.line] = copy[toggle.line].slice(0, toggle.character) + v + copy[toggle.line].slice(toggle.character + toggle.value.length);
    return copy.join('\n');
  };
  const frontEnd: number[] = [];
  const policy: number[] = [];
  const findings = new Map<string, number>();
  let value: string = toggle.value;
  for (let i = 0; i < 4 + REPLAYS; i++) {
    value = flipped(value as 'true' | 'false');
    host.overlay(toggle.file, withValue(value));
    const scan = await scanTerraformUnit(host, { dir: moduleDir, root: moduleDir, pack });
    findings.set(value, scan.findings.length);
    if (i < 4) continue;
    frontEnd.push(scan.timing.frontEndMs);
    policy.push(scan.timing.policyMs);
  }
  return { frontEnd, policy, findings, rules: pack.rules.length };
}

export async function run(): Promise<void> {
  const corpusDir = join(process.env.PALISADE_CORPORA ?? '/work/shared/corpora', 'real-terraform');
  const module = largestModule(corpusDir);
  const toggle = findToggle(module.files, (f) => readFileSync(f, 'utf8'));
  const server = await measureServer(module.dir, module.files, toggle);
  const local = await measureInProcess(module.dir, module.files, toggle);

  const changed = server.runs.filter((r, i) => i > 0 && r.diagnostics !== server.runs[i - 1].diagnostics).length;
  const p95 = percentile([...server.latencies].sort((a, b) => a - b), 0.95);
  const lines = [
    `policy-keystroke: module ${module.dir.slice(corpusDir.length + 1) || '.'} (${module.files.length} files, ${(module.bytes / 1024).toFixed(0)} KB), ${local.rules} rules; ` +
      `flipping variable "${toggle.variable}" default (${toggle.file.slice(module.dir.length + 1)}:${toggle.line + 1}) false ↔ true`,
    `  findings in process: ${[...local.findings].map(([v, n]) => `${n} with ${v}`).join(', ')}; published diagnostics changed on ${changed} of ${server.runs.length - 1} server runs`,
    `  ${EDITS} edits (after ${WARMUP_EDITS} warm-up): keystroke → publishDiagnostics ${stats(server.latencies)}  (target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'NOT met'})`,
    `  server-side analysis (front end + rules): ${stats(server.runs.map((r) => r.durationMs))}`,
    `  in-process replay (${REPLAYS} runs): front end ${stats(local.frontEnd)}`,
    `                               rules     ${stats(local.policy)}`,
    `  server RSS ${mb(server.rss)} (peak ${mb(server.peak)}, heap used ${mb(server.heapUsed)})`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  run().catch((err) => {
    process.stderr.write(`policy-keystroke: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
