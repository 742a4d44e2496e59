// `.palisade.yaml`: workspace configuration (DESIGN.md Contract 3). Parsed with `yaml`; a
// malformed file is reported with a range and rejected as a whole, and the caller keeps the last
// good configuration in force (ConfigCache). Nothing here reads files: text comes from the surface.
import { parseDocument, isMap, visit, type Document } from 'yaml';
import type { FileHost } from '../iac/model';
import { yamlTooDeep } from '../rego';
import { isSeverity, type PolicyDiagnostic, type RuleSeverity } from './types';
import { parsePackSettings } from './packs/settings';
import { DEFAULT_PACK_SETTINGS, type PackSettings } from './packs/types';

export const CONFIG_NAMES = ['.palisade.yaml', '.palisade.yml'];

export interface RuleOverride {
  enabled?: boolean;
  severity?: RuleSeverity;
}

export interface PalisadeConfig {
  /** Absolute path of the file this came from; undefined for the defaults. */
  file?: string;
  rules: Record<string, RuleOverride>;
  /** Findings below this severity are not shown. */
  severityThreshold?: RuleSeverity;
  /** Globs relative to the config file's directory. */
  exclude: string[];
  /** Absolute paths (resolved against the config file's directory). */
  varFiles: string[];
  /** The pack sources as written (see `packSettings` for what they resolve to). */
  packs: string[];
  /** `packs:` resolved: sources with absolute paths, `builtin`, `require_signature`, `keys`. */
  packSettings: PackSettings;
  fix: { trustedCidrs: string[] };
}

export const DEFAULT_CONFIG: PalisadeConfig = Object.freeze({ rules: {}, exclude: [], varFiles: [], packs: [], packSettings: DEFAULT_PACK_SETTINGS, fix: { trustedCidrs: [] } }) as PalisadeConfig;

const KNOWN_KEYS = new Set(['rules', 'severity_threshold', 'exclude', 'var_files', 'packs', 'fix']);

/** The nearest config file at or above `dir`, not going above `root` when `dir` is inside it. */
export function findConfigFile(host: FileHost, dir: string, root?: string): string | undefined {
  const stopAt = root !== undefined && (dir === root || dir.startsWith(root.endsWith('/') ? root : root + '/')) ? root : undefined;
  let current = dir;
  for (;;) {
    const names = host.listDir(current);
    for (const name of CONFIG_NAMES) {
      if (names?.includes(name)) return joinDir(current, name);
    }
    if (current === stopAt) return undefined;
    const parent = current.slice(0, Math.max(current.lastIndexOf('/'), 0)) || '/';
    if (parent === current || current === '/' || /^[A-Za-z]:$/.test(parent)) return undefined;
    current = parent;
  }
}

/** Parses a config file. `config` is undefined when the file is malformed (see `diagnostics`). */
export function parseConfig(text: string, file: string): { config?: PalisadeConfig; diagnostics: PolicyDiagnostic[] } {
  const diagnostics: PolicyDiagnostic[] = [];
  const error = (start: number, end: number, message: string) => diagnostics.push({ code: 'config-error', severity: 'error', message: `${message} (the last valid configuration stays in force)`, file, start, end });
  const unreadable = unreadableShape(text);
  if (unreadable) {
    error(unreadable.start, unreadable.end, unreadable.message);
    return { diagnostics };
  }
  const doc = parseDocument(text, { prettyErrors: false });
  for (const e of doc.errors) error(e.pos[0], e.pos[1], e.message.split('\n')[0]);
  // An unquoted value starting with `*` (`- */examples/**`) is a YAML alias, not a glob; yaml's
  // toJS throws on an alias without its anchor, so it is reported here, where the node is.
  visit(doc, {
    Alias: (_, alias) => {
      if (!alias.resolve(doc)) error(alias.range?.[0] ?? 0, alias.range?.[1] ?? 0, `*${alias.source} is a YAML alias with no &${alias.source} anchor; quote a value that starts with * ("*${alias.source}")`);
    },
  });
  if (diagnostics.length > 0) return { diagnostics };
  if (doc.contents === null) return { config: { ...DEFAULT_CONFIG, file }, diagnostics };
  const problem = (path: (string | number)[], message: string) => {
    // The nearest node that exists (a missing `commit:` is reported on its pack entry).
    let node: { range?: [number, number, number] } | undefined;
    for (let n = path.length; n > 0 && !node?.range; n--) node = doc.getIn(path.slice(0, n), true) as typeof node;
    const range = node?.range ?? (doc.contents as { range?: [number, number, number] }).range ?? [0, 0, 0];
    diagnostics.push({ code: 'config-error', severity: 'error', message: `${message} (the last valid configuration stays in force)`, file, start: range[0], end: range[1] });
  };
  if (!isMap(doc.contents)) {
    problem([], '.palisade.yaml must be a mapping of settings');
    return { diagnostics };
  }
  let raw: Record<string, unknown>;
  try {
    raw = doc.toJS() as Record<string, unknown>;
  } catch (err) {
    // yaml reports alias expansion past its limit (a billion-laughs file) by throwing.
    problem([], err instanceof Error ? err.message : String(err));
    return { diagnostics };
  }
  const dir = file.slice(0, file.lastIndexOf('/')) || '/';
  const config: PalisadeConfig = { file, rules: {}, exclude: [], varFiles: [], packs: [], packSettings: DEFAULT_PACK_SETTINGS, fix: { trustedCidrs: [] } };
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) warnUnknown(doc, diagnostics, file, [key], `unknown setting '${key}' is ignored`);
  }
  readRules(raw.rules, config, problem);
  if (raw.severity_threshold !== undefined) {
    if (isSeverity(raw.severity_threshold)) config.severityThreshold = raw.severity_threshold;
    else problem(['severity_threshold'], 'severity_threshold must be one of critical, high, medium, low, info');
  }
  config.exclude = stringList(raw.exclude, ['exclude'], problem);
  // A glob is compiled on every isExcluded call: one that cannot be compiled (too long for the
  // regexp engine) would fail every scan under this file, so it is an error of the file instead.
  config.exclude.forEach((glob, i) => {
    try {
      globToRegExp(glob).test(''); // V8 compiles a RegExp at its first use
    } catch (err) {
      problem(['exclude', i], `exclude pattern ${i + 1} cannot be used: ${err instanceof Error ? err.message.slice(err.message.lastIndexOf(': ') + 2) : String(err)}`);
    }
  });
  config.varFiles = stringList(raw.var_files, ['var_files'], problem).map((f) => joinDir(dir, f));
  const packs = parsePackSettings(raw.packs, dir, (path, message) => problem(['packs', ...path], message));
  config.packs = packs.labels;
  config.packSettings = packs.settings;
  if (raw.fix !== undefined) {
    if (!isRecord(raw.fix)) problem(['fix'], 'fix must be a mapping');
    else config.fix.trustedCidrs = stringList(raw.fix.trusted_cidrs, ['fix', 'trusted_cidrs'], problem);
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { config, diagnostics };
}

/** A settings file is a few hundred characters; yaml's time and memory grow with the text. */
const MAX_CONFIG_CHARS = 1_000_000;
/** Deepest nesting handed to yaml (rego's yamlTooDeep bound; no setting nests more than four levels). */
const MAX_CONFIG_NESTING = 100;

/** Text yaml is not given: too long, or nested too deep for it (yamlTooDeep). */
function unreadableShape(text: string): { start: number; end: number; message: string } | undefined {
  if (text.length > MAX_CONFIG_CHARS) return { start: 0, end: 0, message: `.palisade.yaml is ${text.length} characters long; a configuration file holds at most ${MAX_CONFIG_CHARS}` };
  const deep = yamlTooDeep(text, MAX_CONFIG_NESTING);
  return deep === undefined ? undefined : { start: deep, end: deep + 1, message: `nested more than ${MAX_CONFIG_NESTING} levels deep (brackets, indentation and \`- \` items)` };
}

type Problem = (path: (string | number)[], message: string) => void;

function readRules(value: unknown, config: PalisadeConfig, problem: Problem): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) return problem(['rules'], 'rules must map rule ids to {enabled, severity}');
  for (const [id, override] of Object.entries(value)) {
    if (override === false || override === true) {
      config.rules[id] = { enabled: override };
      continue;
    }
    if (!isRecord(override)) {
      problem(['rules', id], `rules.${id} must be a mapping with enabled and/or severity`);
      continue;
    }
    const entry: RuleOverride = {};
    if (override.enabled !== undefined) {
      if (typeof override.enabled === 'boolean') entry.enabled = override.enabled;
      else problem(['rules', id, 'enabled'], `rules.${id}.enabled must be true or false`);
    }
    if (override.severity !== undefined) {
      if (isSeverity(override.severity)) entry.severity = override.severity;
      else problem(['rules', id, 'severity'], `rules.${id}.severity must be one of critical, high, medium, low, info`);
    }
    config.rules[id] = entry;
  }
}

function stringList(value: unknown, path: string[], problem: Problem): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problem(path, `${path.join('.')} must be a list of strings`);
  return [];
}

function warnUnknown(doc: Document, diagnostics: PolicyDiagnostic[], file: string, path: string[], message: string): void {
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => (p.key as { value?: unknown })?.value === path[0]) : undefined;
  const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range ?? [0, 0, 0];
  diagnostics.push({ code: 'config-warning', severity: 'warning', message, file, start: range[0], end: range[1] });
}

/**
 * Keeps the last good configuration per config file, so a half-typed `.palisade.yaml` does not
 * switch every rule back on. Owned by a surface (one per server or CLI run).
 */
const overridesByConfig = new WeakMap<PalisadeConfig, Map<string, RuleOverride>>();

/**
 * The config's override for a rule, if any. A Map per config: a scan asks for every rule on every
 * unit, and looking rule ids up as keys of `config.rules` (usually empty) costs a string-table
 * lookup and a prototype walk per miss.
 */
export function ruleOverride(config: PalisadeConfig, ruleId: string): RuleOverride | undefined {
  let overrides = overridesByConfig.get(config);
  if (!overrides) overridesByConfig.set(config, (overrides = new Map(Object.entries(config.rules))));
  return overrides.get(ruleId);
}

export class ConfigCache {
  private readonly lastGood = new Map<string, PalisadeConfig>();
  /** The last text resolved per file and its answer: a scan asks once per unit under the file. */
  private readonly lastResolved = new Map<string, { text: string; resolved: { config: PalisadeConfig; diagnostics: PolicyDiagnostic[] } }>();

  /** The configuration in force for a file with this text, plus the problems found in it (callers must not modify either). */
  resolve(file: string, text: string): { config: PalisadeConfig; diagnostics: PolicyDiagnostic[] } {
    const last = this.lastResolved.get(file);
    if (last?.text === text) return last.resolved;
    const resolved = this.resolveText(file, text);
    this.lastResolved.set(file, { text, resolved });
    return resolved;
  }

  private resolveText(file: string, text: string): { config: PalisadeConfig; diagnostics: PolicyDiagnostic[] } {
    const parsed = parseConfig(text, file);
    if (parsed.config) {
      this.lastGood.set(file, parsed.config);
      return { config: parsed.config, diagnostics: parsed.diagnostics };
    }
    return { config: this.lastGood.get(file) ?? { ...DEFAULT_CONFIG, file }, diagnostics: parsed.diagnostics };
  }

  forget(file: string): void {
    this.lastGood.delete(file);
    this.lastResolved.delete(file);
  }
}

/** Whether `path` (absolute) matches one of the config's exclude globs. */
export function isExcluded(config: PalisadeConfig, path: string): boolean {
  if (!config.file || config.exclude.length === 0) return false;
  const base = config.file.slice(0, config.file.lastIndexOf('/'));
  if (!path.startsWith(base + '/')) return false;
  const rel = path.slice(base.length + 1);
  return config.exclude.some((glob) => globToRegExp(glob).test(rel));
}

/** gitignore-like globs: `*`, `?`, `**`; a pattern without `/` matches at any depth; a directory matches what it holds. */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim().replace(/^\.\//, '');
  const anchored = g.includes('/') && !g.startsWith('**/');
  g = g.replace(/\/$/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      if (g[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}(?:/.*)?$`);
}

function joinDir(dir: string, rel: string): string {
  if (rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel)) return rel.replace(/\\/g, '/');
  const parts = dir.replace(/\/$/, '').split('/');
  for (const seg of rel.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/') || '/';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
