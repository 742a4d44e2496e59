// Shared by test/cli/scan-*.test.ts: spawn the real `palisade scan` (bin/palisade.js → dist/) and
// build throwaway fixture trees. Not a test file itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

export const BIN = resolve(REPO_ROOT, 'bin', 'palisade.js');
export const TREE = resolve(REPO_ROOT, 'test', 'fixtures', 'scan', 'tree');

export interface ScanRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `palisade scan ...args` in `cwd`; colour variables are cleared unless given in `env`. */
export function scan(args: string[], cwd = REPO_ROOT, env: Record<string, string> = {}): ScanRun {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, 'scan', ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonLocation {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  location: JsonLocation;
  resource?: string;
  fixable: boolean;
  fingerprint: string;
  suppressed?: { by: string; reason?: string };
  fixes?: { title: string; edits: (JsonLocation & { newText: string })[] }[];
}

export interface JsonReport {
  findings: JsonFinding[];
  diagnostics: { source: string; severity: string; code: string; file?: string }[];
  summary: { units: number; files: number; findings: number; suppressed: number; baseline?: { known: number }; timing: Record<string, number> };
}

export function json(run: ScanRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** A copy of the fixture tree (or an empty folder) in a temporary directory; call `done()` after. */
export function scratch(copyTree = true): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-scan-'));
  if (copyTree) cpSync(TREE, dir, { recursive: true });
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
