// End-to-end: the packaged extension (.vsix) installed into a real VS Code (code-server 4.100.3 =
// VS Code 1.100.3) in Debian's chromium. Two runs of the same harness: a trusted workspace (the
// Mocha suite in ./suite) and Restricted Mode (./suite/restricted: built-in rules only). Each suite
// test is reported here as a node:test subtest. Missing prerequisites fail the test with the
// install step to run — never a silent skip.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { runExtensionTests } from './harness/browser';
import { startControlServer } from './harness/control-server';
import { copyWorkspace } from './harness/workspace';
import { freshProfile, installExtension, missingPrerequisite, startCodeServer } from './harness/code-server';
import { HOST_EXTENSION, RUNS, packageVsix, readReport, reportResults, suiteFiles, type RunKind } from './harness/suite-run';

const SUITE_TIMEOUT_MS = 8 * 60_000;

test('VS Code end to end (code-server + chromium)', { timeout: 2 * SUITE_TIMEOUT_MS + 300_000 }, async (t) => {
  const missing = missingPrerequisite();
  assert.equal(missing, undefined, `e2e environment: ${missing}`);
  const vsix = packageVsix();
  for (const run of RUNS) {
    const files = suiteFiles(run);
    if (files.length === 0) {
      // Only when PALISADE_E2E_GREP leaves this run nothing to run; the reason is in the output.
      await t.test(run.name, { skip: `PALISADE_E2E_GREP=${process.env.PALISADE_E2E_GREP ?? ''} selects no suite file of this run` }, () => undefined);
      continue;
    }
    await t.test(run.name, (st) => runInCodeServer(st, run, vsix));
  }
});

async function runInCodeServer(t: TestContext, run: RunKind, vsix: string): Promise<void> {
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const profile = freshProfile(run.settings);
  installExtension(profile, vsix);
  const workspace = join(profile.root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  copyWorkspace(workspace);
  const report = join(profile.root, 'report.jsonl');
  writeFileSync(report, '');

  const control = await startControlServer(run.screenshotPrefix);
  const server = await startCodeServer(
    profile,
    workspace,
    {
      PALISADE_E2E_REPORT: report,
      PALISADE_E2E_CONTROL_PORT: String(control.port),
      PALISADE_E2E_RUNNER: 'code-server',
      ...(process.env.PALISADE_E2E_GREP ? { PALISADE_E2E_GREP: process.env.PALISADE_E2E_GREP } : {}),
    },
    run.trusted,
  );
  let result;
  try {
    result = await runExtensionTests({
      serverUrl: server.url,
      folder: workspace,
      extensionDevelopmentPath: HOST_EXTENSION,
      extensionTestsPath: run.suiteDir,
      timeoutMs: SUITE_TIMEOUT_MS,
      control,
    });
  } finally {
    control.close();
    await server.stop();
  }

  const count = await reportResults(t, readReport(report));
  const context = `\n--- browser console (last 60 lines) ---\n${result.console.slice(-60).join('\n')}\n--- code-server ---\n${server.log().slice(-4000)}`;
  assert.ok(count > 0, `the suite reported no test${context}`);
  assert.equal(result.exitCode, 0, `VS Code reported exit code ${result.exitCode}${context}`);
  // Harness-side CPU only (code-server, the extension host and chromium are other processes).
  const cpu = process.cpuUsage(cpuBefore);
  t.diagnostic(`${run.name}: ${count} tests in ${Math.round((Date.now() - started) / 1000)} s wall (harness CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms); screenshots: ${result.screenshots.length} in test/e2e/screenshots/`);
}
