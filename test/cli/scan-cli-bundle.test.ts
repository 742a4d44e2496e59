// The scan bundle (dist/scan-cli.js, server/src/cli/scan-main.ts): bin/palisade.js runs `scan` from
// it (and its worker threads load it too), it carries no language-server, Rego lint or other commands' code,
// its reports are byte-identical to the full bundle's (dist/server.js) on one thread and on two, and
// the server-side bundles and the pack artefact are ASCII-only (Node's fast read path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { scratch, TREE } from './scan-run';

const SCAN_BUNDLE = join(REPO_ROOT, 'dist', 'scan-cli.js');
const FULL = join(REPO_ROOT, 'dist', 'server.js');
const BIN = join(REPO_ROOT, 'bin', 'palisade.js');

function built(): void {
  assert.ok(existsSync(SCAN_BUNDLE) && existsSync(FULL), 'dist/ is missing: run `npm run build` (npm test does)');
}

test('the scan bundle leaves out the language server, the Rego linter and the other commands', () => {
  built();
  const map = JSON.parse(readFileSync(`${SCAN_BUNDLE}.map`, 'utf8')) as { sources: string[] };
  const sources = map.sources.map((s) => s.replace(/\\/g, '/'));
  for (const present of ['server/src/cli/commands/scan.ts', 'server/src/iac/terraform/', 'server/src/policy/pack.ts', 'server/src/fix/', 'server/src/policy/packs/']) {
    assert.ok(sources.some((s) => s.includes(present)), `${present} is in dist/scan-cli.js`);
  }
  for (const absent of ['server/src/lsp/session.ts', 'server/src/lsp/code-actions.ts', 'server/src/server.ts', 'server/src/lint/', 'vscode-languageserver', 'server/src/cli/commands/rego.ts', 'server/src/cli/commands/report.ts']) {
    assert.ok(!sources.some((s) => s.includes(absent)), `${absent} is not in dist/scan-cli.js`);
  }
  assert.ok(readFileSync(SCAN_BUNDLE).length < readFileSync(FULL).length * 0.85, 'the scan bundle is well under the full one');
});

test('the server-side bundles and the pack artefact are ASCII-only', () => {
  built();
  for (const file of ['server.js', 'scan-cli.js', 'rego-cli.js', 'builtin-pack.json']) {
    const bytes = readFileSync(join(REPO_ROOT, 'dist', file));
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `dist/${file} has a non-ASCII byte at ${at}`);
  }
});

test('bin/palisade.js runs `scan` from the scan bundle', () => {
  built();
  // bin/palisade.js's process, reporting the dist files it loaded. Its workers require the file the
  // pool runs from (scan-workers.ts), so they load the same bundle.
  const probe = `process.argv.splice(1, 0, ${JSON.stringify(BIN)}); process.on('exit', () => process.stderr.write('\\nLOADED ' + Object.keys(require.cache).filter((f) => f.includes('dist')).map((f) => require('path').basename(f)).join(',') + '\\n')); require(${JSON.stringify(BIN)});`;
  const r = spawnSync(process.execPath, ['-e', probe, 'scan', TREE, '--format', 'json', '--jobs', '2'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  assert.ok(line, r.stderr);
  assert.deepEqual(line.slice('LOADED '.length).split(',').filter(Boolean), ['scan-cli.js']);
});

function withoutTiming(text: string): string {
  const report = JSON.parse(text) as { summary: { timing?: unknown } };
  delete report.summary.timing;
  return JSON.stringify(report);
}

test('scan: the same reports, exit status and stderr from the scan bundle as from the full bundle, --jobs 1 and 2', () => {
  built();
  const out = scratch(false);
  try {
    const paths = [TREE, join(REPO_ROOT, 'examples')];
    const run = (file: string, name: string, jobs: string) => {
      const dir = join(out.dir, name);
      const r = spawnSync(process.execPath, [file, 'scan', ...paths, '--format', 'json,sarif,junit', '--output-dir', dir, '--jobs', jobs], { cwd: REPO_ROOT, encoding: 'utf8' });
      return { code: r.status, stderr: r.stderr, json: withoutTiming(readFileSync(join(dir, 'palisade.json'), 'utf8')), sarif: readFileSync(join(dir, 'palisade.sarif'), 'utf8'), junit: readFileSync(join(dir, 'palisade.junit.xml'), 'utf8').replace(/time="[^"]*"/g, '') };
    };
    const full = run(FULL, 'full', '1');
    assert.equal(full.code, 1, full.stderr);
    assert.ok((JSON.parse(full.json) as { summary: { fixable: number } }).summary.fixable > 0, 'fixes verified');
    for (const jobs of ['1', '2']) assert.deepEqual(run(BIN, `lean${jobs}`, jobs), full, `--jobs ${jobs}`);
  } finally {
    out.done();
  }
});
