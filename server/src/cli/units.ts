// Unit discovery for the CLI commands (`scan`, `fix`): the Terraform module directories that
// command-line paths name. A `.tf`, `.tf.json` (or `.tfvars`) file, or a `.json` file holding
// Terraform JSON configuration, names its directory; a directory is walked recursively.
// The walk skips hidden directories (`.terraform`, `.git`, …) and `node_modules`, respects
// `.gitignore` files up to the repository root and the `exclude` globs of `.palisade.yaml`.
// A path given explicitly is always taken, even if ignored; only what is found below it is filtered.
// A unit named only through configuration files reports only those files (`namedFiles`), as a
// file argument does for the peers (checkov -f, trivy config, kics -p): the rest of the directory
// is context, and when it cannot be one module with them, the files are scanned on their own.
import type { FileHost } from '../iac/model';
import { isDocumentFile } from '../iac/documents';
import { detectTerraformJson } from '../iac/tfplan';
import { isJsonConfigurationCandidate, isTerraformConfigName, isTerraformJsonConfiguration } from '../iac/terraform';
import { ConfigCache, configForUnit, isExcluded, type PalisadeConfig } from '../policy';
import { GitignoreMatcher } from './scan-gitignore';

export interface UnitDiscoveryOptions {
  /** Respect `.gitignore` files (default true). */
  gitignore?: boolean;
  /** Shared with the scan so each `.palisade.yaml` is parsed once per run. */
  configs?: ConfigCache;
  /** Use this configuration's excludes for every directory (`--config`) instead of the nearest file's. */
  config?: PalisadeConfig;
}

export interface DiscoveredUnits {
  /** Module directories: absolute, `/`-separated, unique, in a stable order (per argument, sorted walk). */
  dirs: string[];
  /** Arguments that named neither a `.tf` file nor a directory. */
  missing: string[];
  /** Terraform plan JSON / state files (detected by content), absolute, in walk order. */
  plans: string[];
  /**
   * Other `.yaml`/`.yml`/`.json` files, absolute, in walk order: scanned only when a Conftest or raw
   * pack is configured (policy/adapters.ts); `namedDocuments` are the arguments that named one (also in `missing`).
   */
  documents: string[];
  namedDocuments: string[];
  /**
   * The host to analyse units through: the same files, but listings hide gitignored entries, so a
   * gitignored `.tf` file next to committed ones is not part of its unit.
   */
  host: FileHost;
  /** Where `.gitignore` files count, for building the same view elsewhere (`visibleFilesHost`). */
  gitignoreScope: GitignoreScope;
  /**
   * Units named only through configuration files (never as a directory, a walk's find or by a
   * `.tfvars` file, which concerns the whole module): unit → the named files, absolute.
   */
  namedFiles: Record<string, string[]>;
}

const SKIPPED_NAMES = new Set(['node_modules']);

/** `paths` are absolute host paths (`/`-separated). */
export function discoverUnits(host: FileHost, paths: string[], options: UnitDiscoveryOptions = {}): DiscoveredUnits {
  const configs = options.configs ?? new ConfigCache();
  const gitignore = options.gitignore !== false;
  const named = paths.map((p) => p.replace(/(.)\/+$/, '$1')).map((p) => (host.listDir(p) ? p : parentOf(p)));
  const gitignoreScope: GitignoreScope = { roots: named, exempt: gitignore ? named.filter((p) => isNamedPathIgnored(host, p)) : [] };
  const visible = visibleFilesHost(host, gitignore, gitignoreScope);
  const dirs: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const plans: string[] = [];
  const documents: string[] = [];
  const namedDocuments: string[] = [];
  const addPlan = (file: string) => {
    if (!plans.includes(file)) plans.push(file);
  };
  const add = (dir: string) => {
    if (!seen.has(dir)) {
      seen.add(dir);
      dirs.push(dir);
    }
  };
  const wholeUnits = new Set<string>();
  const fileArguments = new Map<string, string[]>();
  const addWhole = (dir: string) => {
    wholeUnits.add(dir);
    add(dir);
  };
  const addFile = (file: string) => {
    const dir = parentOf(file);
    const files = fileArguments.get(dir) ?? [];
    if (!files.includes(file)) files.push(file);
    fileArguments.set(dir, files);
    add(dir);
  };

  for (const raw of paths) {
    const path = raw.replace(/(.)\/+$/, '$1');
    const entries = host.listDir(path);
    if (!entries) {
      if (isTerraformConfigName(path) && host.readFile(path) !== undefined) addFile(path);
      else if (isJsonConfiguration(host, path)) addFile(path);
      else if (isPlanOrState(host, path)) addPlan(path);
      else if (isDocumentFile(path) && host.readFile(path) !== undefined) {
        // Still `missing` for callers without document packs (`fix`, plain scans), which refuse it as before.
        if (!documents.includes(path)) documents.push(path);
        namedDocuments.push(raw);
        missing.push(raw);
      }
      // A variable file names the module beside it, when there is one (pre-commit passes changed files).
      else if ((path.endsWith('.tfvars') || path.endsWith('.tfvars.json')) && host.readFile(path) !== undefined) {
        if (host.listDir(parentOf(path))?.some((n) => isTerraformConfigName(n))) addWhole(parentOf(path));
      } else missing.push(raw);
      continue;
    }
    walk(path, 0);
  }
  const namedFiles: Record<string, string[]> = {};
  for (const [dir, files] of fileArguments) if (!wholeUnits.has(dir)) namedFiles[dir] = files;
  return { dirs, missing, plans, documents, namedDocuments, host: visible, gitignoreScope, namedFiles };

  function walk(dir: string, depth: number): void {
    const names = visible.listDir(dir);
    if (!names || depth > 64) return;
    const config = options.config ?? configForUnit(host, dir, undefined, configs).config;
    if (depth > 0 && isExcluded(config, dir)) return;
    const sorted = names.slice().sort();
    const isConfiguration = (n: string) => isTerraformConfigName(n) || isJsonConfiguration(host, joinPath(dir, n));
    if (sorted.some((n) => isConfiguration(n) && !isExcluded(config, joinPath(dir, n)))) addWhole(dir);
    for (const name of sorted) {
      if (!name.startsWith('.') && isPlanOrState(host, joinPath(dir, name)) && !isExcluded(config, joinPath(dir, name))) addPlan(joinPath(dir, name));
      else if (!name.startsWith('.') && isDocumentFile(name) && !isExcluded(config, joinPath(dir, name)) && !documents.includes(joinPath(dir, name))) documents.push(joinPath(dir, name));
      if (name.startsWith('.') || SKIPPED_NAMES.has(name) || isTerraformConfigName(name) || name.endsWith('.tfvars')) continue;
      const child = joinPath(dir, name);
      // listDir answers undefined for files, so only directories are entered.
      if (host.listDir(child)) walk(child, depth + 1);
    }
  }
}

/** A `.json` file (not `.tf.json`) holding Terraform JSON configuration, judged by content: its module reads it. */
function isJsonConfiguration(host: FileHost, path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isJsonConfigurationCandidate(name) && isTerraformJsonConfiguration(host.readFile(path) ?? '');
}

/** A `.json` plan (`terraform show -json`) or a `.tfstate` file, judged by content. */
function isPlanOrState(host: FileHost, path: string): boolean {
  if (!path.endsWith('.json') && !path.endsWith('.tfstate')) return false;
  const text = host.readFile(path);
  return text !== undefined && detectTerraformJson(text) !== undefined;
}

export interface GitignoreScope {
  /** The named directories: outside a git repository, `.gitignore` files count from these down. */
  roots: string[];
  /** Named paths that are themselves gitignored: nothing at or below them is hidden. */
  exempt: string[];
}

/**
 * `host` with gitignored entries hidden from directory listings (reads pass through), or `host`
 * itself when `gitignore` is false. Worker threads build the same view from the same disk.
 * Inside a git repository `.gitignore` files count from its root; outside one, from the
 * outermost named directory.
 */
export function visibleFilesHost(host: FileHost, gitignore: boolean, scope: GitignoreScope = { roots: [], exempt: [] }): FileHost {
  if (!gitignore) return host;
  const matchersByTop = new Map<string, GitignoreMatcher>();
  const matchersByDir = new Map<string, GitignoreMatcher>();
  return new VisibleFilesHost(host, scope.exempt, (dir) => {
    let m = matchersByDir.get(dir);
    if (m) return m;
    const top = GitignoreMatcher.repositoryRoot(host, dir) ?? scope.roots.filter((r) => dir === r || dir.startsWith(`${r}/`)).sort((a, b) => a.length - b.length)[0] ?? dir;
    m = matchersByTop.get(top);
    if (!m) matchersByTop.set(top, (m = new GitignoreMatcher(host, top)));
    matchersByDir.set(dir, m);
    return m;
  });
}

/**
 * Hides gitignored entries from directory listings; reads pass through unchanged. A CLI run sees
 * the tree as it was when the run began, so each directory's visible entries are worked out once:
 * every unit's configuration lookup lists the same ancestors again.
 */
class VisibleFilesHost implements FileHost {
  private readonly listings = new Map<string, string[] | undefined>();

  constructor(
    private readonly inner: FileHost,
    private readonly exempt: readonly string[],
    private readonly matcherFor: (dir: string) => GitignoreMatcher,
  ) {}

  readFile(path: string): string | undefined {
    return this.inner.readFile(path);
  }

  listDir(path: string): string[] | undefined {
    let names = this.listings.get(path);
    if (names === undefined && !this.listings.has(path)) this.listings.set(path, (names = this.visibleEntries(path)));
    return names?.slice();
  }

  private visibleEntries(path: string): string[] | undefined {
    const names = this.inner.listDir(path);
    if (!names || this.exempt.some((e) => path === e || path.startsWith(`${e}/`))) return names;
    const matcher = this.matcherFor(path);
    if (!matcher.mayIgnoreIn(path)) return names;
    return names.filter((name) => {
      const child = joinPath(path, name);
      if (!matcher.isIgnored(child, false)) {
        // Directory-only rules (`build/`) need to know whether the entry is a directory.
        return !matcher.isIgnored(child, true) || this.inner.listDir(child) === undefined;
      }
      return false;
    });
  }
}

function isNamedPathIgnored(host: FileHost, dir: string): boolean {
  const top = GitignoreMatcher.repositoryRoot(host, dir);
  if (top === undefined) return false;
  const matcher = new GitignoreMatcher(host, top);
  return matcher.isIgnored(dir, true);
}

/**
 * `host` with `dir` holding only `files` of its configuration files (`.tf`, `.tf.json`, Terraform
 * JSON): the named files scanned on their own. Variable files, certificates and other files read
 * with `file()` stay, and so does everything outside `dir`.
 */
export function onlyFilesHost(host: FileHost, dir: string, files: readonly string[]): FileHost {
  const keep = new Set(files.map((f) => f.slice(f.lastIndexOf('/') + 1)));
  return {
    readFile: (path) => host.readFile(path),
    listDir: (path) => {
      const names = host.listDir(path);
      return path === dir && names ? names.filter((n) => keep.has(n) || !isConfigurationFile(host, joinPath(dir, n))) : names;
    },
  };
}

function isConfigurationFile(host: FileHost, path: string): boolean {
  return isTerraformConfigName(path) || isJsonConfiguration(host, path);
}

export function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
