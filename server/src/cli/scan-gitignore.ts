// `.gitignore` rules for the CLI's file discovery, so `palisade scan` in CI sees the files git
// would commit. Implements the parts of gitignore(5) that matter for IaC trees: comments, `!`
// negation, anchored (`/x`, `a/b`) and floating (`x`) patterns, directory-only patterns (`x/`),
// `*`, `?`, `[...]` and `**`. Each `.gitignore` applies below its own directory; a deeper file
// and a later line win. `.git/info/exclude` and the global excludes file are not read.
import type { FileHost } from '../iac/model';

interface IgnoreRule {
  negated: boolean;
  directoryOnly: boolean;
  /** Matched against the path relative to the rule file's directory (anchored) or the base name. */
  anchored: boolean;
  regex: RegExp;
}

interface IgnoreFile {
  /** Directory the `.gitignore` sits in, absolute, `/`-separated, no trailing slash. */
  dir: string;
  rules: IgnoreRule[];
}

/** Parses `.gitignore` text into rules; malformed lines are ignored rather than reported. */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    // A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const regex = patternToRegExp(line);
    if (regex) rules.push({ negated, directoryOnly, anchored, regex });
  }
  return rules;
}

function patternToRegExp(pattern: string): RegExp | undefined {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        if (i + 2 === pattern.length) re += '.*';
        else {
          re += '(?:.*/)?';
          i += 1; // the slash after `**`
        }
        i += 1;
        continue;
      }
      re += '[^/]*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[i + 1]);
      i += 1;
    } else re += escapeRegExp(c);
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return undefined;
  }
}

function escapeRegExp(c: string): string {
  return c.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Answers "would git ignore this path?" for paths under one repository, reading `.gitignore`
 * files through the host on demand (cached per directory).
 */
export class GitignoreMatcher {
  private readonly files = new Map<string, IgnoreFile | undefined>();
  private readonly ignoredDirs = new Map<string, boolean>();
  /** Answers for files too: a scan lists the same module directories once per unit that reads them. */
  private readonly ignoredFiles = new Map<string, boolean>();

  /** `top`: the outermost directory whose `.gitignore` counts (the repository root). */
  constructor(private readonly host: FileHost, private readonly top: string) {}

  /** The repository root at or above `dir` (the nearest directory holding `.git`), if any. */
  static repositoryRoot(host: FileHost, dir: string): string | undefined {
    let current = dir.replace(/\/+$/, '') || '/';
    for (;;) {
      if (host.listDir(current)?.includes('.git')) return current;
      const parent = current.slice(0, current.lastIndexOf('/')) || '/';
      if (parent === current || current === '/') return undefined;
      current = parent;
    }
  }

  isIgnored(path: string, isDirectory: boolean): boolean {
    const clean = path.replace(/\/+$/, '');
    const answers = isDirectory ? this.ignoredDirs : this.ignoredFiles;
    let known = answers.get(clean);
    if (known === undefined) answers.set(clean, (known = this.compute(clean, isDirectory)));
    return known;
  }

  /**
   * False when no entry of `dir` can be ignored: no `.gitignore` from the top down to `dir` (then
   * none above its ancestors either, so they are not ignored). Most trees have few such files, and
   * a listing then needs no question per entry.
   */
  mayIgnoreIn(dir: string): boolean {
    const clean = dir.replace(/\/+$/, '') || '/';
    return isInside(clean, this.top) && this.rulesAbove(clean).length > 0;
  }

  private compute(clean: string, isDirectory: boolean): boolean {
    if (!isInside(clean, this.top) || clean === this.top) return false;
    // A path inside an ignored directory is ignored whatever its own rules say (git's rule).
    const parent = clean.slice(0, clean.lastIndexOf('/')) || '/';
    if (parent !== this.top && isInside(parent, this.top) && this.isIgnored(parent, true)) return true;
    let ignored = false;
    for (const file of this.rulesAbove(parent)) {
      const rel = clean.slice(file.dir === '/' ? 1 : file.dir.length + 1);
      const base = rel.slice(rel.lastIndexOf('/') + 1);
      for (const rule of file.rules) {
        if (rule.directoryOnly && !isDirectory) continue;
        if (rule.regex.test(rule.anchored ? rel : base)) ignored = !rule.negated;
      }
    }
    return ignored;
  }

  /** `rulesAbove` per directory: every entry of a directory asks for the same list. */
  private readonly above = new Map<string, IgnoreFile[]>();

  /** The `.gitignore` files from the top down to `dir`, outermost first. */
  private rulesAbove(dir: string): IgnoreFile[] {
    let files = this.above.get(dir);
    if (!files) this.above.set(dir, (files = this.findRulesAbove(dir)));
    return files;
  }

  private findRulesAbove(dir: string): IgnoreFile[] {
    const dirs: string[] = [];
    let current = dir;
    for (;;) {
      dirs.push(current);
      if (current === this.top) break;
      const parent = current.slice(0, current.lastIndexOf('/')) || '/';
      if (parent === current) break;
      current = parent;
    }
    const out: IgnoreFile[] = [];
    for (const d of dirs.reverse()) {
      const file = this.fileIn(d);
      if (file) out.push(file);
    }
    return out;
  }

  private fileIn(dir: string): IgnoreFile | undefined {
    if (this.files.has(dir)) return this.files.get(dir);
    const text = this.host.listDir(dir)?.includes('.gitignore') ? this.host.readFile(`${dir === '/' ? '' : dir}/.gitignore`) : undefined;
    const file = text === undefined ? undefined : { dir, rules: parseGitignore(text) };
    this.files.set(dir, file);
    return file;
  }
}

function isInside(path: string, dir: string): boolean {
  return dir === '/' ? path.startsWith('/') : path === dir || path.startsWith(`${dir}/`);
}
