// Parser throughput over a Terraform corpus (parse only; no evaluation).
// Usage: npx tsx bench/terraform-parse.ts [corpusDir]
// Default corpus: $PALISADE_CORPORA/real-terraform, else /work/shared/corpora/real-terraform.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTerraform } from '../server/src/iac/terraform/parser';

function collectTf(dir: string, acc: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collectTf(p, acc);
    else if (name.endsWith('.tf')) acc.push(p);
  }
  return acc;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const dir = resolve(
  process.argv[2] ?? join(process.env.PALISADE_CORPORA ?? '/work/shared/corpora', 'real-terraform'),
);
const files = collectTf(dir, []).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const totalBytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

// Warm up the JIT, then time several rounds and keep the best (least noise on a shared machine).
for (const f of files) parseTerraform(f.text, f.path);
const rounds = 5;
let best = Infinity;
let bestCpu = Infinity;
let perFile: number[] = [];
let diagnostics = 0;
for (let r = 0; r < rounds; r++) {
  const times: number[] = [];
  diagnostics = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) {
    const s = performance.now();
    diagnostics += parseTerraform(f.text, f.path).diagnostics.length;
    times.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  if (total < best) {
    best = total;
    perFile = times;
  }
}
perFile.sort((a, b) => a - b);
const seconds = best / 1000;
console.log(`corpus       ${dir}`);
console.log(`files        ${files.length}, ${(totalBytes / 1e6).toFixed(2)} MB, ${diagnostics} diagnostics`);
console.log(`throughput   ${(totalBytes / 1e6 / seconds).toFixed(1)} MB/s, ${Math.round(files.length / seconds)} files/s (best of ${rounds} rounds, ${best.toFixed(0)} ms)`);
// CPU time is what the parser costs; wall time also counts waiting for a core on a busy machine.
console.log(`cpu time     ${(totalBytes / 1e6 / (bestCpu / 1000)).toFixed(1)} MB/s (best round ${bestCpu.toFixed(0)} ms of CPU)`);
console.log(
  `per file ms  p50 ${percentile(perFile, 0.5).toFixed(3)}  p95 ${percentile(perFile, 0.95).toFixed(3)}  p99 ${percentile(perFile, 0.99).toFixed(3)}  max ${perFile[perFile.length - 1].toFixed(3)}`,
);
