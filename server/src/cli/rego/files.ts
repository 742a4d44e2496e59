// Loading policy files for the Rego commands, as `opa` does: files or directory trees of `.rego`
// modules, plus data documents (`.json`, `.yaml`, `.yml`) placed under `data` by their directory
// relative to the path given on the command line (`a/b/data.json` under root → `data.a.b`). Parsing,
// placement and merging are the rego layer's (`data-documents.ts`), shared with the editor.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { dataDocumentPrefix, mergeDataDocuments, parseDataDocument, type DataDocument, type RegoValue } from '../../rego';

export interface RegoFile {
  /** The path as OPA would print it (joined from the argument). */
  path: string;
  text: string;
}

/** A data document; `error` also holds why it could not be merged (a conflict, a bad document type). */
export type DataFile = DataDocument;

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
  if (st.isDirectory()) walkDirectory(path, out);
  else out.push(path);
}

/** A directory's files in name order, hidden ones skipped. */
function walkDirectory(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // The entry's type spares a stat per file; a symlink (or an unknown type) is followed by walk's stat.
    if (entry.isFile()) out.push(path);
    else if (entry.isDirectory()) walkDirectory(path, out);
    else walk(path, out);
  }
}

/**
 * OPA's `prefix:path` form for data paths (`config.team:team/data.json` loads under `data.config.team`).
 * As in OPA, no prefix for a URL (`file://…`) or a one-letter one (a Windows drive, `C:\…`).
 */
export function splitDataPrefix(arg: string): { prefix: string[]; path: string } {
  const colon = arg.indexOf(':');
  if (colon < 2 || arg.indexOf('://') === colon) return { prefix: [], path: arg };
  return { prefix: arg.slice(0, colon).split('.'), path: arg.slice(colon + 1) };
}

export function loadPaths(paths: string[], options: { data?: boolean } = {}): Loaded {
  const loaded: Loaded = { modules: [], data: [], missing: [] };
  for (const arg of paths) {
    // Only data loads (`test`, `rego eval -d`) take a prefix, as only they place documents.
    const { prefix: argPrefix, path: root } = options.data ? splitDataPrefix(arg) : { prefix: [], path: arg };
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
        const prefix = [...argPrefix, ...(isDir ? dataDocumentPrefix(file, root) : [])];
        loaded.data.push(parseDataDocument(file, readFileSync(file, 'utf8'), prefix));
      }
    }
  }
  // A document that conflicts with an earlier one (or is not an object at the root) is an error, as in OPA.
  const { problems } = mergeDataDocuments(loaded.data);
  for (const { index, message } of problems) {
    const file = loaded.data[index];
    if (file.error === undefined) {
      file.error = message;
      delete file.value;
    }
  }
  return loaded;
}

/** Merges the data documents that loaded into one `data` object. */
export function mergeData(files: DataFile[]): RegoValue {
  return mergeDataDocuments(files.filter((f) => f.error === undefined)).data;
}
