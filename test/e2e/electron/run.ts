// `npm run test:e2e:electron`: the same suites as test/e2e/vscode.test.ts, run by
// @vscode/test-electron in a desktop VS Code it downloads from Microsoft (the standard runner on
// machines that can, e.g. GitHub Actions: .github/workflows/e2e.yml). The packaged .vsix is
// installed into a fresh profile; the trusted run goes through test-electron's runTests, the
// Restricted Mode run launches the same executable without --disable-workspace-trust (runTests
// always adds it). Screenshots, keys and clicks reach the window over CDP (harness/cdp.ts).
// Where the download is unreachable (this sandbox), the run fails and names the download.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { workbenchOverCdp } from '../harness/cdp';
import { E2E_DIR, freePort, freshProfile, type Profile } from '../harness/code-server';
import { startControlServer } from '../harness/control-server';
import { HOST_EXTENSION, RUNS, packageVsix, readReport, reportResults, suiteFiles, type RunKind } from '../harness/suite-run';
import { copyWorkspace } from '../harness/workspace';

/** The VS Code the code-server runs use (code-server 4.100.3), unless PALISADE_E2E_VSCODE_VERSION says otherwise. */
const VSCODE_VERSION = process.env.PALISADE_E2E_VSCODE_VERSION ?? '1.100.3';
const RUN_TIMEOUT_MS = 10 * 60_000;

interface TestElectron {
  downloadAndUnzipVSCode(options: { version: string; cachePath: string; timeout: number }): Promise<string>;
  resolveCliPathFromVSCodeExecutablePath(executable: string): string;
  runTests(options: { vscodeExecutablePath: string; extensionDevelopmentPath: string; extensionTestsPath: string; launchArgs: string[]; extensionTestsEnv: Record<string, string> }): Promise<number>;
}

/** Flags test-electron's runTests passes, minus --disable-workspace-trust (for the Restricted Mode run). */
const RUN_TESTS_FLAGS = ['--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome', '--skip-release-notes'];

test(`VS Code ${VSCODE_VERSION} end to end (@vscode/test-electron)`, { timeout: 2 * RUN_TIMEOUT_MS + 600_000 }, async (t) => {
  const moduleDir = join(E2E_DIR, 'node_modules', '@vscode', 'test-electron');
  assert.ok(existsSync(moduleDir), `@vscode/test-electron is not installed: run test/e2e/install.sh (missing ${moduleDir})`);
  const electron = createRequire(join(E2E_DIR, 'package.json'))('@vscode/test-electron') as TestElectron;

  const cachePath = join(E2E_DIR, '.vscode-test');
  let executable: string;
  try {
    executable = await electron.downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath, timeout: 30_000 });
  } catch (error) {
    assert.fail(
      `could not download VS Code ${VSCODE_VERSION} from https://update.code.visualstudio.com into ${cachePath} ` +
        `(@vscode/test-electron's download step; where Microsoft's servers are unreachable, as in this project's sandbox, run the code-server suite instead: npm run test:e2e): ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const vsix = packageVsix();
  for (const run of RUNS) {
    if (suiteFiles(run).length === 0) {
      await t.test(run.name, { skip: `PALISADE_E2E_GREP=${process.env.PALISADE_E2E_GREP ?? ''} selects no suite file of this run` }, () => undefined);
      continue;
    }
    await t.test(run.name, (st) => runInElectron(st, electron, executable, vsix, run));
  }
});

async function runInElectron(t: TestContext, electron: TestElectron, executable: string, vsix: string, run: RunKind): Promise<void> {
  const profile = freshProfile(run.settings);
  install(electron, executable, profile, vsix);
  const workspace = join(profile.root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  copyWorkspace(workspace);
  const report = join(profile.root, 'report.jsonl');
  writeFileSync(report, '');

  const debugPort = await freePort();
  const control = await startControlServer(`electron-${run.screenshotPrefix}`);
  control.attachLazily(() => workbenchOverCdp(debugPort));
  const env: Record<string, string> = {
    ...(profile.env as Record<string, string>),
    PALISADE_E2E_REPORT: report,
    PALISADE_E2E_CONTROL_PORT: String(control.port),
    PALISADE_E2E_RUNNER: 'electron',
    ...(process.env.PALISADE_E2E_GREP ? { PALISADE_E2E_GREP: process.env.PALISADE_E2E_GREP } : {}),
  };
  const launchArgs = [workspace, `--extensions-dir=${profile.extensionsDir}`, `--user-data-dir=${profile.userDataDir}`, `--remote-debugging-port=${debugPort}`];
  let exitCode: number;
  try {
    exitCode = run.trusted
      ? await electron.runTests({ vscodeExecutablePath: executable, extensionDevelopmentPath: HOST_EXTENSION, extensionTestsPath: run.suiteDir, launchArgs, extensionTestsEnv: env }).then(
          () => 0,
          (error: unknown) => exitCodeOf(error),
        )
      : await launch(executable, [...launchArgs, ...RUN_TESTS_FLAGS, `--extensionTestsPath=${run.suiteDir}`, `--extensionDevelopmentPath=${HOST_EXTENSION}`], env);
  } finally {
    control.close();
  }
  const count = await reportResults(t, readReport(report));
  assert.ok(count > 0, 'the suite reported no test (see VS Code\'s output above)');
  assert.equal(exitCode, 0, `VS Code exited with ${exitCode}`);
  t.diagnostic(`${run.name}: ${count} tests; screenshots: ${control.taken.length} in test/e2e/screenshots/`);
}

/** Installs the .vsix with the downloaded VS Code's own CLI into the run's fresh profile. */
function install(electron: TestElectron, executable: string, profile: Profile, vsix: string): void {
  const cli = electron.resolveCliPathFromVSCodeExecutablePath(executable);
  const result = spawnSync(cli, [`--extensions-dir=${profile.extensionsDir}`, `--user-data-dir=${profile.userDataDir}`, '--install-extension', vsix], {
    env: profile.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `${cli} --install-extension failed:\n${result.stdout}\n${result.stderr}`);
}

/** Starts VS Code with the extension-test flags and resolves with its exit code (the suite's result). */
function launch(executable: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(executable, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function exitCodeOf(error: unknown): number {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : 1;
}
