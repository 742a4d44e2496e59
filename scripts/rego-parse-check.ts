// Usage: npx tsx scripts/rego-parse-check.ts [opa-check dir] [--verbose]
// Measures the Rego parser against OPA v1.5.0's `opa check` goldens: for modules where OPA reports
// rego_parse_error, compares our errors on (code, row), (code, row, message) and exact position;
// for all other modules, expects no parse error at all (no false positives).
import { corpus } from '../test/helpers/corpora';
import { runOpaCheck } from './conformance-parse/opa-check';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--')) ?? corpus('opa-check');
if (!dir) {
  console.log('opa-check corpus not available');
  process.exit(0);
}
const t0 = performance.now();
const s = runOpaCheck(dir);
const ms = performance.now() - t0;

const passed = s.messagePassed + s.cleanPassed;
const failed = s.parseCases + s.cleanCases - passed;
console.log(`${passed} passed, ${failed} failed  (pass = same (code, row, message) list, or no error where OPA has none)`);
console.log(`parse-error modules: ${s.parseCases}; (code,row) ${s.rowPassed}, (code,row,message) ${s.messagePassed}, exact incl. col ${s.exactPassed}`);
console.log(`modules without parse errors: ${s.cleanCases}; we report none for ${s.cleanPassed}`);
console.log(`time: ${ms.toFixed(0)} ms`);

const categories = new Map<string, number>();
for (const r of s.results) {
  const ok = r.expectsParseError ? r.messageMatch : r.actual.length === 0;
  if (ok) continue;
  const what = r.expectsParseError ? (r.rowMatch ? 'message differs' : 'row/count differs') : 'false positive';
  const cat = `${r.kind}${r.mutation ? '/' + r.mutation : ''}: ${what}`;
  categories.set(cat, (categories.get(cat) ?? 0) + 1);
}
console.log('\ntop mismatch categories:');
for (const [cat, n] of [...categories].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(4)}  ${cat}`);

if (verbose) {
  for (const r of s.results) {
    const ok = r.expectsParseError ? r.messageMatch : r.actual.length === 0;
    if (ok) continue;
    console.log(`\n${r.id} ${r.kind}/${r.mutation ?? ''}`);
    for (const e of r.expected) console.log(`  want ${e.row}:${e.col} ${e.message}`);
    for (const e of r.actual) console.log(`  got  ${e.row}:${e.col} ${e.message}`);
  }
}
