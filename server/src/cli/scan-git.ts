// `--changed-since REF`: the files git reports as changed since REF (committed, staged or not,
// deleted included) plus untracked files that are not ignored. Git runs only here, in the CLI
// surface, without a shell.
import { realpathSync } from 'node:fs';
import { toHostPath } from '../workspace/disk-host';
import { parentOf } from './units';

/** Absolute host paths of the files changed since `ref`, or why they cannot be listed. */
export function changedFilesSince(ref: string, cwd: string): { files?: string[]; error?: string } {
  if (ref.startsWith('-') || ref.trim() === '') return { error: `'${ref}' is not a git revision` };
  try {
    const top = toHostPath(git(['rev-parse', '--show-toplevel'], cwd).trim());
    const changed = git(['diff', '--name-only', '--no-renames', '-z', ref, '--'], top);
    const untracked = git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], top);
    const names = [...changed.split('\0'), ...untracked.split('\0')].filter((n) => n !== '');
    return { files: [...new Set(names.map((n) => `${top}/${n}`))].sort() };
  } catch (err) {
    const stderr = (err as { stderr?: Buffer | string }).stderr?.toString().trim();
    return { error: stderr || (err instanceof Error ? err.message : String(err)) };
  }
}

/** The units (module directories) that directly hold one of `files` (symlinked paths compared resolved). */
export function unitsWithChanges(dirs: string[], files: string[]): string[] {
  const touched = new Set(files.map((f) => real(parentOf(f))));
  return dirs.filter((d) => touched.has(real(d)));
}

function real(dir: string): string {
  try {
    return toHostPath(realpathSync.native(dir));
  } catch {
    return dir; // a directory whose files were all deleted
  }
}

function git(args: string[], cwd: string): string {
  // Loaded here, not at the top: only --changed-since runs git, and node:child_process (with net
  // and dgram) costs every scan thread ~6 ms to load.
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}
