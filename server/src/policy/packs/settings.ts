// Reads the `packs:` section of `.palisade.yaml` and the `palisade.packs` setting. Either a list
// of sources, or a mapping {sources, builtin, require_signature, keys}. Paths resolve against the
// config file's directory (or the workspace folder for the setting).
import { isSeverity } from '../types';
import { SIGNATURE_ALGORITHMS, type PackKey, type PackSettings, type PackSource, type SignatureAlgorithm } from './types';

/** Reports a problem at a path inside the `packs` value (the config parser turns it into a range). */
export type PackProblem = (path: (string | number)[], message: string) => void;

const SETTING_KEYS = new Set(['sources', 'builtin', 'require_signature', 'keys']);
const SOURCE_KEYS = new Set(['name', 'path', 'git', 'commit', 'bundle', 'key_id', 'rego_version', 'input', 'conftest', 'namespaces', 'all_namespaces', 'severity', 'warn_severity']);

/** `labels` are the sources as written (what `PalisadeConfig.packs` has always held). */
export function parsePackSettings(raw: unknown, baseDir: string, problem: PackProblem): { settings: PackSettings; labels: string[] } {
  const settings: PackSettings = { sources: [], builtin: true, requireSignature: false, keys: {} };
  const labels: string[] = [];
  if (raw === undefined || raw === null) return { settings, labels };
  let list: unknown = raw;
  let listPath: (string | number)[] = [];
  if (isRecord(raw)) {
    for (const key of Object.keys(raw)) if (!SETTING_KEYS.has(key)) problem([key], `packs.${key} is not a pack setting (sources, builtin, require_signature, keys)`);
    if (raw.builtin !== undefined) {
      if (typeof raw.builtin === 'boolean') settings.builtin = raw.builtin;
      else problem(['builtin'], 'packs.builtin must be true or false');
    }
    if (raw.require_signature !== undefined) {
      if (typeof raw.require_signature === 'boolean') settings.requireSignature = raw.require_signature;
      else problem(['require_signature'], 'packs.require_signature must be true or false');
    }
    settings.keys = readKeys(raw.keys, baseDir, problem);
    list = raw.sources ?? [];
    listPath = ['sources'];
  }
  if (!Array.isArray(list)) {
    problem(listPath, 'packs must be a list of sources ({path}, {git, commit} or {bundle})');
    return { settings, labels };
  }
  list.forEach((entry, i) => {
    const source = readSource(entry, [...listPath, i], baseDir, problem);
    if (!source) return;
    settings.sources.push(source.source);
    labels.push(source.label);
  });
  const names = new Set<string>();
  for (const s of settings.sources) {
    let name = s.name;
    for (let n = 2; names.has(name) || name === 'builtin'; n++) name = `${s.name}-${n}`;
    s.name = name;
    names.add(name);
  }
  return { settings, labels };
}

function readSource(entry: unknown, at: (string | number)[], baseDir: string, problem: PackProblem): { source: PackSource; label: string } | undefined {
  if (typeof entry === 'string' && entry.trim() !== '') {
    const location = resolvePath(baseDir, entry.trim());
    return { source: { kind: entry.trim().endsWith('.tar.gz') ? 'bundle' : 'folder', name: baseName(location), location }, label: entry.trim() };
  }
  if (!isRecord(entry)) {
    problem(at, 'a pack source is a path or a mapping with path, git or bundle');
    return undefined;
  }
  for (const key of Object.keys(entry)) if (!SOURCE_KEYS.has(key)) problem([...at, key], `'${key}' is not a pack source field (${[...SOURCE_KEYS].join(', ')})`);
  const kinds = (['path', 'git', 'bundle'] as const).filter((k) => entry[k] !== undefined);
  if (kinds.length !== 1) {
    problem(at, 'a pack source needs exactly one of path, git or bundle');
    return undefined;
  }
  const field = kinds[0];
  const value = entry[field];
  if (typeof value !== 'string' || value.trim() === '') {
    problem([...at, field], `${field} must be a path`);
    return undefined;
  }
  const location = resolvePath(baseDir, value.trim());
  const source: PackSource = { kind: field === 'path' ? 'folder' : field, name: baseName(location), location };
  if (entry.name !== undefined) {
    if (typeof entry.name === 'string' && /^[A-Za-z0-9._-]+$/.test(entry.name)) source.name = entry.name;
    else problem([...at, 'name'], 'name must be letters, digits, `.`, `_` or `-`');
  }
  if (field === 'git') {
    // An all-digit sha reads as a YAML number; take it back as written.
    const commit = typeof entry.commit === 'number' && Number.isSafeInteger(entry.commit) ? String(entry.commit) : entry.commit;
    if (typeof commit === 'string' && /^[0-9a-fA-F]{7,64}$/.test(commit)) source.commit = commit.toLowerCase();
    else problem([...at, 'commit'], 'a git pack must pin a commit: `commit: <sha>` (7 to 64 hex digits)');
  } else if (entry.commit !== undefined) problem([...at, 'commit'], 'commit only applies to git packs');
  if (entry.key_id !== undefined) {
    if (typeof entry.key_id === 'string') source.keyId = entry.key_id;
    else problem([...at, 'key_id'], 'key_id must name a key under packs.keys');
  }
  if (entry.rego_version !== undefined) {
    const v = regoVersionOf(entry.rego_version);
    if (v) source.regoVersion = v;
    else problem([...at, 'rego_version'], 'rego_version must be v0 or v1 (or 0 or 1)');
  }
  readAdapterOptions(entry, at, source, problem);
  return { source, label: value.trim() };
}

/** `input`, `conftest`, `namespaces` / `all_namespaces`, `severity`, `warn_severity` (docs/rule-packs.md "Input shapes"). */
function readAdapterOptions(entry: Record<string, unknown>, at: (string | number)[], source: PackSource, problem: PackProblem): void {
  if (entry.input !== undefined) {
    if (entry.input === 'palisade' || entry.input === 'conftest' || entry.input === 'raw') source.input = entry.input;
    else problem([...at, 'input'], 'input must be palisade, conftest or raw');
  }
  if (entry.conftest !== undefined) {
    if (typeof entry.conftest === 'boolean') source.conftest = entry.conftest;
    else problem([...at, 'conftest'], 'conftest must be true or false');
  }
  if (entry.namespaces !== undefined) {
    const list = typeof entry.namespaces === 'string' ? [entry.namespaces] : entry.namespaces;
    if (Array.isArray(list) && list.length > 0 && list.every((n) => typeof n === 'string' && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(n))) source.namespaces = list as string[];
    else problem([...at, 'namespaces'], 'namespaces must be a list of Rego package names (e.g. [main, kubernetes.admission])');
  }
  if (entry.all_namespaces !== undefined) {
    if (entry.all_namespaces === true) source.namespaces = 'all';
    else if (entry.all_namespaces !== false) problem([...at, 'all_namespaces'], 'all_namespaces must be true or false');
  }
  for (const [key, field] of [['severity', 'severity'], ['warn_severity', 'warnSeverity']] as const) {
    if (entry[key] === undefined) continue;
    if (isSeverity(entry[key])) source[field] = entry[key];
    else problem([...at, key], `${key} must be one of critical, high, medium, low, info`);
  }
}

function readKeys(raw: unknown, baseDir: string, problem: PackProblem): Record<string, PackKey> {
  const keys: Record<string, PackKey> = {};
  if (raw === undefined || raw === null) return keys;
  if (!isRecord(raw)) {
    problem(['keys'], 'packs.keys maps key ids to {algorithm, key | key_file}');
    return keys;
  }
  for (const [id, k] of Object.entries(raw)) {
    if (!isRecord(k)) {
      problem(['keys', id], `packs.keys.${id} must be a mapping with algorithm and key or key_file`);
      continue;
    }
    const algorithm = typeof k.algorithm === 'string' ? k.algorithm.toUpperCase() : 'RS256';
    if (!(SIGNATURE_ALGORITHMS as readonly string[]).includes(algorithm)) {
      problem(['keys', id, 'algorithm'], `packs.keys.${id}.algorithm must be one of ${SIGNATURE_ALGORITHMS.join(', ')}`);
      continue;
    }
    const hasKey = typeof k.key === 'string' && k.key !== '';
    const hasFile = typeof k.key_file === 'string' && k.key_file !== '';
    if (hasKey === hasFile) {
      problem(['keys', id], `packs.keys.${id} needs exactly one of key or key_file`);
      continue;
    }
    keys[id] = hasKey ? { algorithm: algorithm as SignatureAlgorithm, key: k.key as string } : { algorithm: algorithm as SignatureAlgorithm, keyFile: resolvePath(baseDir, k.key_file as string) };
  }
  return keys;
}

export function regoVersionOf(v: unknown): 'v0' | 'v1' | undefined {
  if (v === 0 || v === 'v0' || v === '0') return 'v0';
  if (v === 1 || v === 'v1' || v === '1') return 'v1';
  return undefined;
}

/** Absolute `/`-separated path: `rel` against `dir` unless already absolute. */
export function resolvePath(dir: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:\//.test(r)) return normalise(r);
  return normalise(`${dir.replace(/\/$/, '')}/${r}`);
}

function normalise(path: string): string {
  const drive = /^[A-Za-z]:/.exec(path)?.[0] ?? '';
  const parts: string[] = [];
  for (const seg of path.slice(drive.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `${drive}/${parts.join('/')}`;
}

function baseName(location: string): string {
  const last = location.replace(/\/$/, '').split('/').pop() ?? 'pack';
  return last.replace(/\.tar\.gz$|\.tgz$/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'pack';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
