// Turns a pack's files (a folder, a checkout or an OPA bundle, all as path → bytes) into what the
// policy layer loads: Rego modules with their Rego version, and data documents mounted at their
// directory path. Reads the OPA `.manifest` (revision, roots, rego_version, file_rego_versions,
// metadata) and notes what is not supported yet (wasm).
import { parse as parseYaml } from 'yaml';
import { detectRegoVersion, parseModule } from '../../rego';
import { globToRegExp } from '../config';
import type { PackFile } from '../pack';
import type { PolicyDiagnostic } from '../types';
import { regoVersionOf } from './settings';

export interface BundleManifest {
  revision?: string;
  roots?: string[];
  regoVersion?: 'v0' | 'v1';
  fileRegoVersions: { pattern: string; version: 'v0' | 'v1' }[];
  metadata?: Record<string, unknown>;
  wasm: unknown[];
}

export interface AssembledPack {
  /** Policies and generated data modules (pack-relative paths). */
  files: PackFile[];
  /** `*_test.rego` modules, for `palisade packs test`. */
  tests: PackFile[];
  /** Data documents by mount path (`a/b` for `a/b/data.json`; `` for the root). */
  data: { path: string; file: string; value: unknown }[];
  manifest?: BundleManifest;
  /** `.wasm` members (`policy.wasm` from `opa build -t wasm`), run through packs/wasm.ts. */
  wasmModules: Map<string, Uint8Array>;
  diagnostics: PolicyDiagnostic[];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['as', 'default', 'else', 'false', 'import', 'package', 'not', 'null', 'true', 'with', 'some', 'in', 'every', 'if', 'contains']);

export function assemblePack(files: Map<string, Uint8Array>, options: { name: string; regoVersion?: 'v0' | 'v1' }): AssembledPack {
  const out: AssembledPack = { files: [], tests: [], data: [], wasmModules: new Map(), diagnostics: [] };
  const error = (message: string, file?: string, code = 'pack-load-error') => out.diagnostics.push({ code, severity: 'error', message: `${options.name}: ${message}`, file });
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  const manifestBytes = files.get('.manifest');
  if (manifestBytes) out.manifest = readManifest(decode(manifestBytes), (m) => error(m, '.manifest'));
  const manifest = out.manifest;
  const roots = manifest?.roots?.filter((r) => r !== '') ?? [];
  const underRoots = (path: string) => roots.length === 0 || roots.some((r) => path === r || path.startsWith(`${r}/`));

  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const base = name.split('/').pop()!;
    const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
    if (name.endsWith('.wasm')) {
      out.wasmModules.set(name, bytes);
    } else if (name.endsWith('.rego')) {
      const text = decode(bytes);
      const regoVersion = versionFor(name, manifest) ?? options.regoVersion ?? detectRegoVersion(text);
      const file: PackFile = { path: name, text, regoVersion };
      if (name.endsWith('_test.rego')) {
        out.tests.push(file);
        continue;
      }
      const pkg = roots.length > 0 ? packagePath(text, name, regoVersion) : undefined;
      if (pkg !== undefined && !underRoots(pkg)) {
        error(`${name}: package ${pkg.split('/').join('.')} is outside the manifest roots (${roots.join(', ')}); the file is not loaded`, name, 'pack-roots');
        continue;
      }
      out.files.push(file);
    } else if (base === 'data.json' || base === 'data.yaml' || base === 'data.yml') {
      let value: unknown;
      try {
        value = base === 'data.json' ? JSON.parse(decode(bytes)) : parseYaml(decode(bytes));
      } catch (err) {
        error(`${name} is not valid ${base === 'data.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`, name, 'pack-data');
        continue;
      }
      if (!underRoots(dir) && !roots.some((r) => r.startsWith(`${dir}/`) || dir === '')) {
        error(`${name} is outside the manifest roots (${roots.join(', ')}); it is not loaded`, name, 'pack-roots');
        continue;
      }
      out.data.push({ path: dir, file: name, value });
      out.files.push(...dataModules(dir, value, name, error));
    }
  }
  return out;
}

function readManifest(text: string, error: (m: string) => void): BundleManifest | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    error(`.manifest is not JSON: ${(err as Error).message}`);
    return undefined;
  }
  if (!isRecord(raw)) {
    error('.manifest must be a JSON object');
    return undefined;
  }
  const manifest: BundleManifest = { fileRegoVersions: [], wasm: Array.isArray(raw.wasm) ? raw.wasm : [] };
  if (raw.revision !== undefined) manifest.revision = String(raw.revision);
  if (Array.isArray(raw.roots)) manifest.roots = raw.roots.filter((r): r is string => typeof r === 'string').map((r) => r.replace(/^\/+|\/+$/g, ''));
  if (raw.rego_version !== undefined) {
    manifest.regoVersion = regoVersionOf(raw.rego_version);
    if (!manifest.regoVersion) error(`.manifest rego_version must be 0 or 1 (got ${JSON.stringify(raw.rego_version)})`);
  }
  if (isRecord(raw.file_rego_versions)) {
    for (const [pattern, v] of Object.entries(raw.file_rego_versions)) {
      const version = regoVersionOf(v);
      if (version) manifest.fileRegoVersions.push({ pattern: pattern.replace(/^\/+/, ''), version });
      else error(`.manifest file_rego_versions["${pattern}"] must be 0 or 1`);
    }
  }
  if (isRecord(raw.metadata)) manifest.metadata = raw.metadata;
  return manifest;
}

/** file_rego_versions (exact path or glob) wins over rego_version. */
function versionFor(name: string, manifest: BundleManifest | undefined): 'v0' | 'v1' | undefined {
  if (!manifest) return undefined;
  for (const { pattern, version } of manifest.fileRegoVersions) {
    if (pattern === name || (/[*?]/.test(pattern) && globToRegExp(pattern).test(name))) return version;
  }
  return manifest.regoVersion;
}

function packagePath(text: string, file: string, regoVersion: 'v0' | 'v1'): string | undefined {
  const { module } = parseModule(text, { file, regoVersion });
  if (!module) return undefined;
  return module.package.path
    .slice(1)
    .map((t) => (t.value.type === 'string' ? t.value.value : t.value.type === 'var' ? t.value.name : '?'))
    .join('/');
}

/**
 * Data documents become Rego modules (`package a.b` + `key := <json>`): JSON is Rego term syntax,
 * so `data.a.b.key` reads the same as from a mounted document and no engine change is needed.
 */
function dataModules(dir: string, value: unknown, file: string, error: (m: string, file?: string, code?: string) => void): PackFile[] {
  const segments = dir === '' ? [] : dir.split('/');
  if (!isRecord(value)) {
    error(`${file} must hold a JSON object (it is mounted at data${segments.map((s) => `.${s}`).join('')})`, file, 'pack-data');
    return [];
  }
  if (segments.length === 0) {
    // Root data: each top-level object becomes its own package.
    const out: PackFile[] = [];
    for (const [key, inner] of Object.entries(value)) {
      if (!IDENT.test(key) || KEYWORDS.has(key) || !isRecord(inner)) {
        error(`${file}: top-level key '${key}' is not mounted (root data keys must be identifiers holding objects)`, file, 'pack-data');
        continue;
      }
      out.push(...dataModules(key, inner, file, error));
    }
    return out;
  }
  const bad = segments.find((s) => !IDENT.test(s) || KEYWORDS.has(s));
  if (bad !== undefined) {
    error(`${file}: directory '${bad}' is not a Rego identifier, so the data cannot be mounted`, file, 'pack-data');
    return [];
  }
  const lines = [`package ${segments.join('.')}`, ''];
  for (const [key, inner] of Object.entries(value)) {
    if (!IDENT.test(key) || KEYWORDS.has(key)) {
      error(`${file}: key '${key}' is not a Rego identifier and is not mounted`, file, 'pack-data');
      continue;
    }
    lines.push(`${key} := ${JSON.stringify(inner)}`);
  }
  return [{ path: `${file}.rego`, text: `${lines.join('\n')}\n`, regoVersion: 'v1' }];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
