// The commit a git checkout is at, read from `.git` files directly (HEAD, loose refs,
// packed-refs, worktree `gitdir:` links). Palisade never runs git, clones or fetches.
import type { PackReader } from './types';

export interface GitHead {
  /** Full sha of HEAD, when it could be resolved. */
  commit?: string;
  /** `refs/heads/main` when HEAD is a symbolic ref. */
  ref?: string;
  error?: string;
}

export function readGitHead(reader: PackReader, checkout: string): GitHead {
  const text = (path: string) => {
    const bytes = reader.readFile(path);
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  };
  let gitDir = `${checkout.replace(/\/$/, '')}/.git`;
  const dotGit = text(gitDir);
  if (dotGit !== undefined) {
    // A worktree or submodule: `.git` is a file pointing at the real directory.
    const m = /^gitdir:\s*(.+)$/m.exec(dotGit);
    if (!m) return { error: `${gitDir} is neither a directory nor a gitdir link` };
    const target = m[1].trim().replace(/\\/g, '/');
    gitDir = target.startsWith('/') || /^[A-Za-z]:\//.test(target) ? target : `${checkout.replace(/\/$/, '')}/${target}`;
  }
  const head = text(`${gitDir}/HEAD`)?.trim();
  if (head === undefined) return { error: `${checkout} is not a git checkout (no .git/HEAD)` };
  if (/^[0-9a-f]{40,64}$/i.test(head)) return { commit: head.toLowerCase() };
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref) return { error: `cannot read .git/HEAD: ${head.slice(0, 80)}` };
  // Worktrees keep shared refs in the common directory.
  const common = text(`${gitDir}/commondir`)?.trim();
  const dirs = [gitDir, ...(common ? [common.startsWith('/') ? common : `${gitDir}/${common}`] : [])];
  for (const dir of dirs) {
    const loose = text(`${dir}/${ref}`)?.trim();
    if (loose && /^[0-9a-f]{40,64}$/i.test(loose)) return { commit: loose.toLowerCase(), ref };
  }
  for (const dir of dirs) {
    const packed = text(`${dir}/packed-refs`);
    if (!packed) continue;
    for (const line of packed.split(/\r?\n/)) {
      const m = /^([0-9a-f]{40,64}) (\S+)$/i.exec(line);
      if (m && m[2] === ref) return { commit: m[1].toLowerCase(), ref };
    }
  }
  return { ref, error: `HEAD points at ${ref}, which has no commit yet` };
}

/** True when `pin` (full or abbreviated) names `commit`. */
export function commitMatches(pin: string, commit: string): boolean {
  return pin.length >= 7 && commit.toLowerCase().startsWith(pin.toLowerCase());
}
