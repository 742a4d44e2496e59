// What both runners (code-server + chromium, and @vscode/test-electron) share: the packaged
// extension, the two runs (trusted workspace, Restricted Mode) with their suite folders and user
// settings, and the report the suite writes from inside VS Code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { REPO_ROOT } from '../../helpers/corpora';
import { tempDirRemovedAtExit } from '../../helpers/temp-dir';
import { E2E_DIR } from './code-server';

/** The empty development extension VS Code needs beside extensionTestsPath. */
export const HOST_EXTENSION = join(E2E_DIR, 'host-extension');

export interface RunKind {
  name: string;
  /** false: workspace trust stays on and the folder is not trusted (VS Code's Restricted Mode). */
  trusted: boolean;
  /** Compiled suite folder (its index.js runs the *.e2e.js files beside it). */
  suiteDir: string;
  /** Prefix of this run's screenshot names. */
  screenshotPrefix: string;
  settings: Record<string, unknown>;
}

const COMMON_SETTINGS = {
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  // The web workbench (code-server) defaults to `afterDelay` (1 s): an auto save skips format on
  // save and can beat the suite's explicit save. Desktop VS Code's default, for both runners.
  'files.autoSave': 'off',
  '[rego]': { 'editor.defaultFormatter': 'palisade.palisade', 'editor.formatOnSave': true },
};

export const TRUSTED_RUN: RunKind = {
  name: 'trusted workspace',
  trusted: true,
  suiteDir: join(REPO_ROOT, 'out', 'test', 'e2e', 'suite'),
  screenshotPrefix: '',
  settings: { ...COMMON_SETTINGS, 'security.workspace.trust.enabled': false },
};

/** Trust on, no start-up prompt: the folder stays untrusted, as when a user picks "Don't Trust". */
export const RESTRICTED_RUN: RunKind = {
  name: 'Restricted Mode (untrusted workspace)',
  trusted: false,
  suiteDir: join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'restricted'),
  screenshotPrefix: 'restricted-',
  settings: { ...COMMON_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' },
};

export const RUNS = [TRUSTED_RUN, RESTRICTED_RUN];

/**
 * Packs the extension the way `npm run package` does (the README shipped is dist/README.md, its
 * images inlined by scripts/vsix-readme.mjs, which the build runs; run again here so the README is
 * current even after a build older than the last README edit; see docs/testing.md) and returns
 * the .vsix path.
 */
export function packageVsix(): string {
  // Its folder is removed when the test process exits (the .vsix is installed within the run).
  const target = join(tempDirRemovedAtExit('palisade-vsix-'), 'palisade.vsix');
  const readme = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'vsix-readme.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(readme.status, 0, `scripts/vsix-readme.mjs failed:\n${readme.stdout}\n${readme.stderr}`);
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const pack = () =>
    spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--readme-path', 'dist/README.md', '-o', target], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
  let packaged = pack();
  // A file rewritten while vsce zips it (a build running beside the test) fails this way; once more.
  if (packaged.status !== 0 && /unexpected number of bytes/.test(packaged.stderr)) packaged = pack();
  assert.equal(packaged.status, 0, `vsce package failed:\n${packaged.stdout}\n${packaged.stderr}`);
  return target;
}

/** The suite files a run will load, after PALISADE_E2E_GREP (the same filter suite/index.ts applies). */
export function suiteFiles(run: RunKind, grep = process.env.PALISADE_E2E_GREP): string[] {
  if (!existsSync(run.suiteDir)) return [];
  return readdirSync(run.suiteDir).filter((name) => name.endsWith('.e2e.js') && (!grep || name.includes(grep)));
}

export interface ReportEntry {
  title?: string;
  state?: 'passed' | 'failed' | 'pending';
  error?: string;
  ms?: number;
  /** A note the suite wants in the test output (e.g. "no screenshot under electron"). */
  note?: string;
}

export function readReport(file: string): ReportEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ReportEntry);
}

/** Each suite test becomes a node:test subtest; notes become test diagnostics. Returns the test count. */
export async function reportResults(t: TestContext, entries: ReportEntry[]): Promise<number> {
  let tests = 0;
  for (const entry of entries) {
    if (entry.note) {
      t.diagnostic(entry.note);
      continue;
    }
    if (!entry.title) continue;
    tests++;
    await t.test(entry.title, () => {
      if (entry.state === 'failed') assert.fail(entry.error ?? 'failed');
      if (entry.state === 'pending') assert.fail('the e2e test is marked pending; e2e tests may not be skipped');
    });
  }
  return tests;
}
