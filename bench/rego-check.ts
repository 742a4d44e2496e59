// Parse + compile-check throughput of the Rego engine over the corpus modules.
// Usage: node out/bench/rego-check.js
// Every module of corpus('opa-check') and every distinct module of corpus('opa-fmt') (inputs)
// goes through checkModules (which parses, then runs OPA's compiler stages); MB/s of UTF-8 source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../test/helpers/corpora';
import { checkModules } from '../server/src/rego';

const sources: { file: string; text: string }[] = [];
for (const name of ['opa-check', 'opa-fmt']) {
  const dir = corpus(name);
  if (!dir) continue;
  for (const f of readdirSync(dir)) {
    if ((name === 'opa-check' && /^\d+\.rego$/.test(f)) || (name === 'opa-fmt' && f.endsWith('.input.rego'))) {
      sources.push({ file: f, text: readFileSync(join(dir, f), 'utf8') });
    }
  }
}
if (sources.length === 0) {
  console.log('corpora not available');
  process.exit(0);
}
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);

function pass(): number {
  const t0 = performance.now();
  let errors = 0;
  for (const s of sources) errors += checkModules([s], { strict: false }).length;
  if (errors < 0) console.log(errors);
  return performance.now() - t0;
}

for (let i = 0; i < 2; i++) pass();
const times: number[] = [];
for (let i = 0; i < 8; i++) times.push(pass());
times.sort((a, b) => a - b);
const median = times[times.length >> 1];
console.log(`${sources.length} modules, ${(bytes / 1e6).toFixed(2)} MB: parse+check median ${median.toFixed(0)} ms per pass → ${(bytes / 1e6 / (median / 1000)).toFixed(2)} MB/s (best ${(bytes / 1e6 / (times[0] / 1000)).toFixed(2)} MB/s)`);
