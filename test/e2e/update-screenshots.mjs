// `npm run screenshots`: re-takes the README's screenshot (media/screenshot-finding.png) from a
// real e2e run — the quick-fix menu on a finding, step 04 of suite/02-fixes.e2e.ts — and copies it
// into media/. Fails if the run fails or does not produce a fresh screenshot.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'test', 'e2e', 'screenshots', '04-quick-fix-menu.png');
const target = join(root, 'media', 'screenshot-finding.png');
const started = Date.now();

const run = spawnSync(process.execPath, ['--test', join(root, 'out', 'test', 'e2e', 'vscode.test.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PALISADE_E2E_GREP: '02-fixes' },
});
if (run.status !== 0) {
  console.error('screenshots: the e2e run failed; media/ is unchanged');
  process.exit(1);
}
if (!existsSync(source) || statSync(source).mtimeMs < started) {
  console.error(`screenshots: the run did not write ${source}; media/ is unchanged`);
  process.exit(1);
}
copyFileSync(source, target);
console.log(`screenshots: ${source} → ${target}`);
