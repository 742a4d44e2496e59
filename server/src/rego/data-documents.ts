// Data documents as `opa test` and `opa eval -d` load them: every `.json` / `.yaml` / `.yml` file under
// a loaded directory is parsed and placed under `data` by its directory relative to that directory
// (`a/b/x.json` → `data.a.b`; a file given directly goes to the root), and all are merged into one
// object. Pure: the CLI hands in what it read from disk, the editor its buffers over disk.
// Merging follows OPA's loader: objects merge key by key; any other value meeting an existing key is
// a conflict ("merge error") and that file's document is left out whole; a non-object at the root is
// a "bad document type".
import { ObjectValue, isObject, parseJSON, parseYAML, toJSONText, type RegoObject, type RegoValue } from './value';

const DATA_EXTENSIONS = ['.json', '.yaml', '.yml'];

export function isDataDocumentPath(path: string): boolean {
  const lower = path.toLowerCase();
  return DATA_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Path segments with `.` dropped and `..` applied (either separator), so `./a//b` and `a/b` agree. */
function segments(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out;
}

/**
 * Where a data document loaded from directory `root` goes under `data`: its directory's parts
 * relative to `root`. Empty when the file is `root` itself (given directly) or not inside it.
 */
export function dataDocumentPrefix(file: string, root: string): string[] {
  const rootParts = segments(root);
  const fileParts = segments(file);
  if (fileParts.length <= rootParts.length) return [];
  for (let i = 0; i < rootParts.length; i++) if (rootParts[i] !== fileParts[i]) return [];
  return fileParts.slice(rootParts.length, -1);
}

export interface DataDocument {
  /** The file as it is shown in messages. */
  path: string;
  /** Where the document goes under `data` (directory parts). */
  prefix: string[];
  value?: RegoValue;
  /** Why the file does not parse. */
  error?: string;
}

/** Parses one data document: YAML for `.yaml`/`.yml`, JSON otherwise. Never throws. */
export function parseDataDocument(path: string, text: string, prefix: string[]): DataDocument {
  const r = /\.ya?ml$/i.test(path) ? parseYAML(text) : parseJSON(text);
  return r.error !== undefined ? { path, prefix, error: r.error } : { path, prefix, value: r.value };
}

export interface DataDocumentProblem {
  path: string;
  message: string;
  /** The document's position in the list given to `mergeDataDocuments`. */
  index: number;
}

export interface MergedData {
  /** Every document that parsed and merged, as one object (the `data` option of an evaluation). */
  data: RegoObject;
  /** Parse errors, bad document types and merge conflicts, in file order. */
  problems: DataDocumentProblem[];
}

/** A key of the merged tree: a value as one file gave it, or (once merged into) an open node. */
interface Slot {
  /** The file that first defined this key. */
  owner: string;
  value?: RegoValue;
  node?: MergeNode;
}
interface MergeNode {
  children: Map<string, Slot>;
  keys: Map<string, RegoValue>;
}

function newNode(): MergeNode {
  return { children: new Map(), keys: new Map() };
}

function keyName(key: RegoValue): string {
  return typeof key === 'string' ? key : toJSONText(key);
}

/** The slot as a node, opening an object value in place (same meaning; its keys keep its owner). */
function asNode(slot: Slot): MergeNode | undefined {
  if (slot.node) return slot.node;
  if (!isObject(slot.value)) return undefined;
  const node = newNode();
  for (const [k, v] of slot.value.entries()) {
    node.children.set(keyName(k), { value: v, owner: slot.owner });
    node.keys.set(keyName(k), k);
  }
  slot.value = undefined;
  slot.node = node;
  return node;
}

/** The first key where `obj` cannot merge into `node`, with the file that holds it there. */
function conflictIn(node: MergeNode, obj: RegoObject, path: string[]): { path: string[]; owner: string } | undefined {
  for (const [k, v] of obj.entries()) {
    const name = keyName(k);
    const slot = node.children.get(name);
    if (!slot) continue;
    const inner = isObject(v) ? asNode(slot) : undefined;
    if (!inner) return { path: [...path, name], owner: slot.owner };
    const deeper = conflictIn(inner, v as RegoObject, [...path, name]);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Adds `obj` into `node` (checked first: nothing here conflicts). */
function addInto(node: MergeNode, obj: RegoObject, owner: string): void {
  for (const [k, v] of obj.entries()) {
    const name = keyName(k);
    const slot = node.children.get(name);
    if (!slot) {
      node.children.set(name, { value: v, owner });
      node.keys.set(name, k);
    } else addInto(asNode(slot)!, v as RegoObject, owner);
  }
}

function build(node: MergeNode): ObjectValue {
  const out = new ObjectValue();
  for (const [name, slot] of node.children) out.initEntry(node.keys.get(name)!, slot.node ? build(slot.node) : slot.value!);
  return out;
}

/** The document wrapped in objects for its directory parts (`["a","b"]`, v → `{"a": {"b": v}}`). */
function placed(prefix: readonly string[], value: RegoValue): RegoValue {
  let out = value;
  for (let i = prefix.length - 1; i >= 0; i--) out = ObjectValue.fromRecord({ [prefix[i]]: out });
  return out;
}

function describe(path: string[]): string {
  return ['data', ...path].join('.');
}

/** Merges data documents into one `data` object, reporting what cannot be loaded as OPA does. */
export function mergeDataDocuments(docs: readonly DataDocument[]): MergedData {
  const root = newNode();
  const problems: DataDocumentProblem[] = [];
  for (const [index, doc] of docs.entries()) {
    if (doc.error !== undefined) {
      problems.push({ path: doc.path, message: doc.error, index });
      continue;
    }
    if (doc.value === undefined) continue;
    const value = placed(doc.prefix, doc.value);
    if (!isObject(value)) {
      problems.push({ path: doc.path, message: 'bad document type: a data document at the root of data must be an object', index });
      continue;
    }
    const conflict = conflictIn(root, value, []);
    if (conflict) {
      problems.push({ path: doc.path, message: `merge error: ${describe(conflict.path)} is also defined by ${conflict.owner}`, index });
      continue;
    }
    addInto(root, value, doc.path);
  }
  return { data: build(root), problems };
}
