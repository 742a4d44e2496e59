// Usage: npx tsx bench/rego-parse.ts
// Times are CPU time of this process (process.cpuUsage), so a busy machine skews them less.
// Parse throughput of the Rego parser over every module in corpus('opa-cases') (plus one large
// module made by concatenating the opa-fmt inputs' rules), in MB/s of UTF-8 source.
import { corpus } from '../test/helpers/corpora';
import { caseModules, rejectedHashes, v0OnlyHashes } from '../scripts/conformance-parse/corpora-clean';
import { parseModule } from '../server/src/rego/syntax';

const fmtDir = corpus('opa-fmt');
const casesDir = corpus('opa-cases');
if (!fmtDir || !casesDir) {
  console.log('corpora not available');
  process.exit(0);
}
const mods = caseModules(casesDir, rejectedHashes(fmtDir), v0OnlyHashes(fmtDir));
const bytes = mods.reduce((n, m) => n + Buffer.byteLength(m.text), 0);

/** Milliseconds of CPU time used by this process: steadier than wall time on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function run(): number {
  const t0 = cpuMs();
  let errors = 0;
  for (const m of mods) errors += parseModule(m.text, { regoVersion: m.regoVersion }).errors.length;
  if (errors < 0) console.log(errors); // keeps the work observable
  return cpuMs() - t0;
}

for (let i = 0; i < 3; i++) run(); // warm-up
const times: number[] = [];
for (let i = 0; i < 20; i++) times.push(run());
times.sort((a, b) => a - b);
const median = times[times.length >> 1];
console.log(`opa-cases: ${mods.length} modules, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(`median ${median.toFixed(1)} ms CPU per pass → ${(bytes / 1e6 / (median / 1000)).toFixed(1)} MB/s (best ${(bytes / 1e6 / (times[0] / 1000)).toFixed(1)} MB/s)`);

// One big module: every case module's rules under one package (a 50k-line-class file).
const big = 'package big\n\n' + mods.filter((m) => m.regoVersion === 'v1' && !m.rejectedByOpa).map((m) => m.text.replace(/^package[^\n]*\n/m, '').replace(/^import[^\n]*\n/gm, '')).join('\n');
const bigBytes = Buffer.byteLength(big);
const bt: number[] = [];
for (let i = 0; i < 9; i++) {
  const t0 = cpuMs();
  parseModule(big);
  bt.push(cpuMs() - t0);
}
bt.sort((a, b) => a - b);
console.log(`one module of ${big.split('\n').length} lines, ${(bigBytes / 1e6).toFixed(2)} MB: median ${bt[4].toFixed(1)} ms CPU → ${(bigBytes / 1e6 / (bt[4] / 1000)).toFixed(1)} MB/s (best ${(bigBytes / 1e6 / (bt[0] / 1000)).toFixed(1)} MB/s)`);

// A yardstick for the machine: JSON.parse of the big module's AST as JSON (allocation-heavy like
// a parser). On a shared or loaded machine both numbers drop together; their ratio is steadier.
const json = JSON.stringify(parseModule(big).module);
const jt: number[] = [];
for (let i = 0; i < 9; i++) {
  const t0 = cpuMs();
  JSON.parse(json);
  jt.push(cpuMs() - t0);
}
jt.sort((a, b) => a - b);
console.log(`yardstick: JSON.parse of that AST as JSON (${(json.length / 1e6).toFixed(1)} MB) takes ${jt[4].toFixed(1)} ms CPU (${(json.length / 1e6 / (jt[4] / 1000)).toFixed(0)} MB/s)`);
