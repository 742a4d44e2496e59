// End-to-end: the packaged extension (.vsix) installed into a real VS Code (code-server 4.100.3 =
// VS Code 1.100.3) in Debian's chromium. The Mocha suite in ./suite runs inside VS Code's extension
// host; each of its tests is reported here as a node:test subtest. Missing prerequisites fail the
// test with the install step to run — never a silent skip.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/corpora';
import { runExtensionTests, startScreenshotServer } from './harness/browser';
import { copyWorkspace } from './harness/workspace';
import { E2E_DIR, freshProfile, installExtension, missingPrerequisite, startCodeServer } from './harness/code-server';

const SUITE_TIMEOUT_MS = 8 * 60_000;

test('VS Code end to end (code-server + chromium)', { timeout: SUITE_TIMEOUT_MS + 120_000 }, async (t) => {
  const missing = missingPrerequisite();
  assert.equal(missing, undefined, `e2e environment: ${missing}`);

  const profile = freshProfile({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    '[rego]': { 'editor.defaultFormatter': 'palisade.palisade', 'editor.formatOnSave': true },
  });
  const vsix = join(profile.root, 'palisade.vsix');
  const packaged = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  assert.equal(packaged.status, 0, `vsce package failed:\n${packaged.stdout}\n${packaged.stderr}`);
  installExtension(profile, vsix);

  const workspace = join(profile.root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  copyWorkspace(workspace);
  const report = join(profile.root, 'report.jsonl');
  writeFileSync(report, '');

  const screenshots = await startScreenshotServer();
  const server = await startCodeServer(profile, workspace, {
    PALISADE_E2E_REPORT: report,
    PALISADE_E2E_CONTROL_PORT: String(screenshots.port),
    ...(process.env.PALISADE_E2E_GREP ? { PALISADE_E2E_GREP: process.env.PALISADE_E2E_GREP } : {}),
  });
  let run;
  try {
    run = await runExtensionTests({
      serverUrl: server.url,
      folder: workspace,
      extensionDevelopmentPath: join(E2E_DIR, 'host-extension'),
      extensionTestsPath: join(REPO_ROOT, 'out', 'test', 'e2e', 'suite'),
      timeoutMs: SUITE_TIMEOUT_MS,
      screenshots,
    });
  } finally {
    screenshots.close();
    await server.stop();
  }

  const results = existsSync(report)
    ? readFileSync(report, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { title: string; state: string; error?: string; ms?: number })
    : [];
  for (const result of results) {
    await t.test(result.title, () => {
      if (result.state === 'failed') assert.fail(result.error ?? 'failed');
      if (result.state === 'pending') assert.fail('the e2e test is marked pending; e2e tests may not be skipped');
    });
  }
  const context = `\n--- browser console (last 60 lines) ---\n${run.console.slice(-60).join('\n')}\n--- code-server ---\n${server.log().slice(-4000)}`;
  assert.ok(results.length > 0, `the suite reported no test${context}`);
  assert.equal(run.exitCode, 0, `VS Code reported exit code ${run.exitCode}${context}`);
  t.diagnostic(`screenshots: ${run.screenshots.length} in test/e2e/screenshots/`);
});
