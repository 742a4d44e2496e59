// Parse + evaluate throughput of the Terraform front end over the real-terraform corpus.
// Usage: node out/bench/terraform-throughput.js [corpusDir] [passes]
// Every module directory is analysed as a unit, exactly as `palisade inspect` does. Each pass
// appends a distinct comment to every file so no parse tree is reused from the previous pass
// (the front end caches trees by text). Figures: corpus bytes (each .tf file once) per second,
// and analysed bytes (every file a unit read, including the local modules it calls) per second.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyzeTerraformModule, findModuleDirs } from '../server/src/iac/terraform/index';
import { DiskHost, toHostPath } from '../server/src/workspace/disk-host';
import type { FileHost } from '../server/src/iac/model';

/** The repository root, whether run compiled (out/bench) or through tsx (bench/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const corpusDir = process.argv[2] ?? resolve(process.env.PALISADE_CORPORA ?? resolve(repoRoot(), '../shared/corpora'), 'real-terraform');
const passes = Number(process.argv[3] ?? 6);
const root = toHostPath(corpusDir);
const disk = new DiskHost({ snapshot: true });
const dirs = findModuleDirs(disk, root);
if (dirs.length === 0) {
  console.error(`no Terraform modules found under ${root}`);
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

let corpusBytes = 0;
let corpusFiles = 0;
for (const dir of dirs) {
  for (const name of disk.listDir(dir) ?? []) {
    if (!name.endsWith('.tf')) continue;
    corpusFiles++;
    corpusBytes += Buffer.byteLength(disk.readFile(`${dir}/${name}`) ?? '', 'utf8');
  }
}

console.log(`corpus: ${root}`);
const warmRates: number[] = [];
let coldRate = 0;
console.log(`units: ${dirs.length}, .tf files: ${corpusFiles}, ${(corpusBytes / 1e6).toFixed(2)} MB`);
for (let pass = 1; pass <= passes; pass++) {
  const suffix = `\n# bench pass ${pass}\n`;
  const host: FileHost = {
    readFile: (p) => {
      const t = disk.readFile(p);
      return t !== undefined && p.endsWith('.tf') ? t + suffix : t;
    },
    listDir: (p) => disk.listDir(p),
  };
  const perUnit: number[] = [];
  let analysedBytes = 0;
  let resources = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const dir of dirs) {
    const u0 = performance.now();
    const result = analyzeTerraformModule(host, { dir, root });
    perUnit.push(performance.now() - u0);
    resources += result.model.resources.length;
    for (const dep of result.dependencies) if (dep.endsWith('.tf')) analysedBytes += statSync(dep).size;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  perUnit.sort((a, b) => a - b);
  const rate = corpusBytes / 1e6 / wall;
  if (pass === 1) coldRate = rate;
  else warmRates.push(rate);
  console.log(
    `pass ${pass}${pass === 1 ? ' (cold)' : ''}: wall ${wall.toFixed(2)} s, cpu ${cpuSec.toFixed(2)} s | ` +
      `corpus ${(corpusBytes / 1e6 / wall).toFixed(2)} MB/s, ${(corpusFiles / wall).toFixed(0)} files/s | ` +
      `analysed ${(analysedBytes / 1e6).toFixed(1)} MB at ${(analysedBytes / 1e6 / wall).toFixed(2)} MB/s | ` +
      `per unit p50 ${percentile(perUnit, 0.5).toFixed(1)} p95 ${percentile(perUnit, 0.95).toFixed(1)} p99 ${percentile(perUnit, 0.99).toFixed(1)} ms | ` +
      `${resources} resources`,
  );
}
warmRates.sort((a, b) => a - b);
if (warmRates.length > 0) {
  console.log(`summary: parse+evaluate ${percentile(warmRates, 0.5).toFixed(2)} MB/s of corpus (median of warm passes 2–${passes}), cold first pass ${coldRate.toFixed(2)} MB/s (includes JIT warm-up)`);
}
console.log(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
