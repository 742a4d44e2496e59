// Reads a rule pack folder from disk as (path, text) pairs for the policy layer, and finds the
// built-in pack: `policies/` at the package root, next to dist/ (bundle) or above out/ (tests).
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PackFile } from '../policy';

/** The directory holding the built-in pack, searched upward from this module. */
export function builtinPackDir(from: string = __dirname): string | undefined {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies'))) return join(dir, 'policies');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * Every `.rego` file under `dir` (tests included; the pack loader skips them), paths relative to `dir`;
 * with `accept`, only the files whose relative path it accepts are read.
 */
export function readPackFiles(dir: string, accept?: (path: string) => boolean): PackFile[] {
  const out: PackFile[] = [];
  const walk = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const p = join(d, name);
      // The entry's own type, except for a link (followed, as before): one stat per link, not per file.
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(p).isDirectory();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (name !== 'fixtures' && !name.startsWith('.')) walk(p);
      } else if (name.endsWith('.rego')) {
        const path = relative(dir, p).split('\\').join('/');
        if (accept && !accept(path)) continue;
        try {
          out.push({ path, text: readFileSync(p, 'utf8') });
        } catch {
          // unreadable file: skipped, like a missing one
        }
      }
    }
  };
  walk(dir);
  return out;
}
