// Neovim as a second, independent LSP client: `nvim --headless` with test/e2e/neovim/init.lua
// attaches `node bin/palisade.js lsp`, waits for a known finding, applies the preferred quick fix
// through Neovim's own LSP client and reports the buffer and the diagnostics it received.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/corpora';
import { tempDirRemovedAtExit } from '../helpers/temp-dir';

interface NeovimReport {
  message: string;
  rule?: string;
  diagnostics: { code?: string; line: number; col: number; end_line: number; end_col: number; message: string }[];
  actions: { title: string; kind?: string; preferred: boolean }[];
  buffer?: string[];
  fixed?: boolean;
}

test('Neovim receives Palisade diagnostics and applies its quick fix', { timeout: 180_000 }, () => {
  assert.ok(existsSync('/usr/bin/nvim'), 'Neovim is not installed: apt-get install -y neovim');
  assert.ok(existsSync(join(REPO_ROOT, 'dist', 'server.js')), 'dist/server.js is missing: run npm run build');
  // Removed when the test process exits, Neovim's XDG folders (inside it) included.
  const workspace = tempDirRemovedAtExit('palisade-nvim-');
  cpSync(join(REPO_ROOT, 'examples', 'terraform-basic'), workspace, { recursive: true });
  const out = join(workspace, 'nvim-report.json');
  const original = readFileSync(join(workspace, 'main.tf'), 'utf8').split('\n');
  const targetLine = original.findIndex((line) => /block_public_policy\s*=\s*false/.test(line));
  assert.ok(targetLine >= 0, 'the workspace example has block_public_policy = false');
  const run = spawnSync('/usr/bin/nvim', ['--headless', '--clean', '-u', join(REPO_ROOT, 'test', 'e2e', 'neovim', 'init.lua'), '+qall!'], {
    env: {
      ...process.env,
      PALISADE_NVIM_OUT: out,
      PALISADE_BIN: join(REPO_ROOT, 'bin', 'palisade.js'),
      PALISADE_NVIM_ROOT: workspace,
      PALISADE_NVIM_FILE: join(workspace, 'main.tf'),
      PALISADE_NVIM_LINE: String(targetLine),
      XDG_CONFIG_HOME: join(workspace, '.xdg-config'),
      XDG_DATA_HOME: join(workspace, '.xdg-data'),
      XDG_STATE_HOME: join(workspace, '.xdg-state'),
    },
    encoding: 'utf8',
    timeout: 150_000,
  });
  assert.ok(existsSync(out), `Neovim wrote no report (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as NeovimReport;
  const context = JSON.stringify(report, null, 2);

  const target = report.diagnostics.find((d) => d.line === targetLine && d.end_line === targetLine && /^PAL-AWS-S3-/.test(d.code ?? ''));
  assert.ok(target, `Neovim did not receive the S3 public-access-block finding on line ${targetLine + 1}:\n${context}`);
  assert.equal(original[target.line].slice(target.col, target.end_col), 'false', 'and covers exactly the value');

  assert.equal(report.message, 'ok', `Neovim run: ${report.message}\n${context}`);
  assert.ok(report.actions.some((a) => a.preferred && a.kind === 'quickfix'), `a preferred quickfix was offered:\n${context}`);
  assert.ok(report.buffer, 'the buffer after the fix was reported');
  const fixedLine = report.buffer[target.line];
  assert.match(fixedLine, /block_public_policy\s*=\s*true/, `the fix set the value: ${fixedLine}`);
  assert.equal(report.buffer.length, original.length - (original[original.length - 1] === '' ? 1 : 0), 'no other line was added or removed');
  assert.equal(report.fixed, true);
});
