// Runs every compiled test file under out/test with node's built-in runner.
// The e2e suite (out/test/e2e: VS Code in chromium, Neovim) runs here too; `npm run test:e2e` runs it alone.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir, acc) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'fixtures' && name !== 'node_modules') collect(p, acc); }
    else if (name.endsWith('.test.js')) acc.push(p);
  }
  return acc;
}
const only = process.argv.slice(2);
const files = collect('out/test', []).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
if (files.length === 0) { console.error('no test files found under out/test'); process.exit(1); }
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
