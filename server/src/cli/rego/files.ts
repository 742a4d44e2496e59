// Loading policy files for the Rego commands, as `opa` does: files or directory trees of `.rego`
// modules, plus data documents (`.json`, `.yaml`, `.yml`) placed under `data` by their directory
// relative to the path given on the command line (`a/b/data.json` under root → `data.a.b`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fromJS, parseJSON, parseYAML, toJS, type RegoValue } from '../../rego';

export interface RegoFile {
  /** The path as OPA would print it (joined from the argument). */
  path: string;
  text: string;
}

export interface DataFile {
  path: string;
  /** Where the document goes under `data` (directory parts). */
  prefix: string[];
  value?: RegoValue;
  error?: string;
}

export interface Loaded {
  modules: RegoFile[];
  data: DataFile[];
  /** Paths that could not be read. */
  missing: string[];
}

const DATA_EXT = new Set(['.json', '.yaml', '.yml']);

function walk(path: string, out: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.')) continue;
      walk(join(path, name), out);
    }
  } else out.push(path);
}

export function loadPaths(paths: string[], options: { data?: boolean } = {}): Loaded {
  const loaded: Loaded = { modules: [], data: [], missing: [] };
  for (const root of paths) {
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      loaded.missing.push(root);
      continue;
    }
    const files: string[] = [];
    walk(root, files);
    for (const file of files) {
      const ext = extname(file).toLowerCase();
      if (ext === '.rego') loaded.modules.push({ path: file, text: readFileSync(file, 'utf8') });
      else if (options.data && DATA_EXT.has(ext)) {
        const rel = isDir ? relative(root, dirname(file)) : '';
        const prefix = rel === '' ? [] : rel.split(sep);
        const text = readFileSync(file, 'utf8');
        const r = ext === '.json' ? parseJSON(text) : parseYAML(text);
        loaded.data.push(r.error !== undefined ? { path: file, prefix, error: r.error } : { path: file, prefix, value: r.value });
      }
    }
  }
  return loaded;
}

/** Merges data documents into one `data` object (later files win on conflicts). */
export function mergeData(files: DataFile[]): RegoValue {
  const root: Record<string, unknown> = {};
  for (const f of files) {
    if (f.value === undefined) continue;
    let node = root;
    for (const p of f.prefix) {
      if (typeof node[p] !== 'object' || node[p] === null || Array.isArray(node[p])) node[p] = {};
      node = node[p] as Record<string, unknown>;
    }
    const v = toJS(f.value);
    if (v && typeof v === 'object' && !Array.isArray(v)) deepMerge(node, v as Record<string, unknown>);
  }
  return fromJS(root);
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v)) deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>);
    else into[k] = v;
  }
}
