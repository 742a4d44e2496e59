// Runs inside VS Code's extension host (extensionTestsPath): loads Mocha from test/e2e/node_modules,
// runs every *.e2e.js beside this file (not in sub-folders: suite/restricted is a run of its own),
// and writes one JSON line per test to PALISADE_E2E_REPORT so the harness outside (node:test or the
// test-electron runner) can report each test by name.
import { appendFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface MochaTest { fullTitle(): string; duration?: number; state?: string }
interface MochaRunner { on(event: string, listener: (test: MochaTest, error?: Error) => void): void }
interface MochaInstance { addFile(file: string): void; run(done: (failures: number) => void): MochaRunner }

// out/test/e2e/suite → repository root.
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

export function run(): Promise<void> {
  return runSuiteFolder(__dirname);
}

/** Runs the *.e2e.js files of `dir` (filtered by PALISADE_E2E_GREP) with Mocha. */
export function runSuiteFolder(dir: string): Promise<void> {
  const Mocha = require(join(REPO_ROOT, 'test', 'e2e', 'node_modules', 'mocha')) as new (options: object) => MochaInstance;
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  const only = process.env.PALISADE_E2E_GREP;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.e2e.js') && (!only || name.includes(only))) mocha.addFile(join(dir, name));
  }
  const report = process.env.PALISADE_E2E_REPORT;
  const record = (entry: object) => { if (report) appendFileSync(report, JSON.stringify(entry) + '\n'); };
  return new Promise((resolvePromise, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolvePromise()));
    runner.on('pass', (test) => record({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('fail', (test, error) => record({ title: test.fullTitle(), state: 'failed', error: String(error?.stack ?? error) }));
    runner.on('pending', (test) => record({ title: test.fullTitle(), state: 'pending' }));
  });
}
