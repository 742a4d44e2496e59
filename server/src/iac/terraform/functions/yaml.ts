// yamldecode/yamlencode with Terraform's (go-cty-yaml's) rules: YAML 1.1 scalar resolution
// (yes/no/on/off are booleans, 0x/0b/underscored numbers, timestamps become RFC 3339 strings),
// one document only; encoding writes double-quoted strings, sorted keys, unindented sequences.
import { Alias, Document, LineCounter, Node, Pair, Scalar, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { YAML_DOCUMENT_NESTING, yamlTooDeep } from '../../yaml-depth';
import { Value, ValueObject, isObject } from '../values';
import { FunctionError, argError, asString, formatNumber } from './support';

const BOOLS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const KNOWN_TAGS = new Set(['!!str', '!!binary', '!!null', '!!bool', '!!int', '!!float', '!!timestamp']);
const DECIMAL = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function resolveNumber(src: string): number | undefined {
  const plain = src.replace(/_/g, '');
  if (DECIMAL.test(plain)) return Number(plain);
  const m = /^([-+]?)0(x[0-9a-fA-F]+|o?[0-7]+|b[01]+)$/.exec(plain);
  if (!m) return undefined;
  const body = m[2];
  const n = body[0] === 'x' || body[0] === 'b' || body[0] === 'o' ? Number('0' + body) : parseInt(body, 8);
  return m[1] === '-' ? -n : n;
}

function resolveTimestamp(src: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(src);
  if (!m) return undefined;
  const p2 = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  const zone = m[8] && m[8] !== 'Z' ? m[8] : 'Z';
  return `${m[1]}-${p2(m[2])}-${p2(m[3])}T${p2(m[4])}:${p2(m[5])}:${p2(m[6])}${zone}`;
}

function resolveScalar(node: Scalar): Value {
  const src = typeof node.source === 'string' ? node.source : String(node.value ?? '');
  const tag = node.tag?.replace(/^tag:yaml\.org,2002:/, '!!');
  if (tag && !KNOWN_TAGS.has(tag)) throw new Error(`unsupported tag "${tag}"`);
  if (tag === '!!str' || tag === '!!binary') return src;
  if (node.type !== 'PLAIN' && !tag) return src;
  if (tag === '!!null') return null;
  if (tag === '!!bool') {
    if (src in BOOLS) return BOOLS[src];
    throw new Error(`cannot parse "${src}" as !!bool`);
  }
  if (tag === '!!int' || tag === '!!float') {
    const n = resolveNumber(src);
    if (n === undefined) throw new Error(`cannot parse "${src}" as ${tag}`);
    return n;
  }
  if (src in BOOLS) return BOOLS[src];
  if (NULLS.has(src)) return null;
  if (/^\.(nan|NaN|NAN)$/.test(src)) throw new Error('floating point NaN is not supported');
  if (/^[-+]?\.(inf|Inf|INF)$/.test(src)) throw new Error('infinite numbers are not supported');
  const ts = resolveTimestamp(src);
  if (ts !== undefined && (!tag || tag === '!!timestamp')) return ts;
  const n = resolveNumber(src);
  if (n !== undefined) return n;
  return src;
}

/** Aliases can multiply a small document exponentially ("billion laughs"); cap the result. */
const MAX_NODES = 1_000_000;

/** How many values the node expands to, with aliases expanded (memoised, so linear in the text). */
function expandedSize(node: unknown, doc: Document, memo: Map<unknown, number>, active: Set<unknown>): number {
  if (node === null || typeof node !== 'object') return 1;
  const known = memo.get(node);
  if (known !== undefined) return known;
  if (active.has(node)) throw new Error('an alias refers to its own anchor');
  active.add(node);
  let size = 1;
  if (isAlias(node)) size = expandedSize((node as Alias).resolve(doc), doc, memo, active);
  else if (isSeq(node)) for (const item of node.items) size += expandedSize(item, doc, memo, active);
  else if (isMap(node)) for (const pair of node.items as Pair[]) size += expandedSize(pair.key, doc, memo, active) + expandedSize(pair.value, doc, memo, active);
  active.delete(node);
  memo.set(node, Math.min(size, MAX_NODES + 1));
  return Math.min(size, MAX_NODES + 1);
}

function convert(node: unknown, doc: Document, depth: number): Value {
  if (depth > 200) throw new Error('document is nested too deeply');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    if (target === undefined) throw new Error(`unknown anchor '${(node as Alias).source}' referenced`);
    return convert(target, doc, depth + 1);
  }
  if (isScalar(node)) return resolveScalar(node);
  if (isSeq(node)) return node.items.map((item) => convert(item, doc, depth + 1));
  if (isMap(node)) {
    const out: ValueObject = {};
    const merged: ValueObject = {};
    for (const pair of node.items as Pair[]) {
      if (isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.source === '<<') {
        const source = convert(pair.value, doc, depth + 1);
        for (const m of Array.isArray(source) ? source : [source]) {
          if (!isObject(m)) throw new Error('map merge requires map or sequence of maps as the value');
          for (const [k, v] of Object.entries(m)) if (!(k in merged)) merged[k] = v;
        }
        continue;
      }
      const key = convert(pair.key, doc, depth + 1);
      if (key !== null && typeof key === 'object') throw new Error('only string keys are supported');
      out[key === null ? 'null' : asString(key, 0)] = convert(pair.value, doc, depth + 1);
    }
    return { ...merged, ...out };
  }
  return null;
}

export function yamldecode(text: string): Value {
  const deep = yamlTooDeep(text, YAML_DOCUMENT_NESTING);
  if (deep !== undefined) throw argError(0, `the document is nested more than ${YAML_DOCUMENT_NESTING} levels deep.`);
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false });
  if (!Array.isArray(docs)) return null; // an empty stream
  if (docs.length === 0) return null;
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const at = lines.linePos(err.pos[0]);
      throw argError(0, `on line ${at.line}, column ${at.col}: ${err.message.split('\n')[0]}`);
    }
  }
  if (docs.length > 1) throw argError(0, 'unexpected extra content after value.');
  try {
    const root = docs[0].contents as Node | null;
    if (expandedSize(root, docs[0], new Map(), new Set()) > MAX_NODES) {
      throw new Error('document expands to too many values through aliases');
    }
    return convert(root, docs[0], 0);
  } catch (e) {
    throw argError(0, e instanceof Error ? e.message : String(e));
  }
}

// ---------------------------------------------------------------------------------------------

function quoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f || c === 0xfeff) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function scalarText(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  return quoted(String(v));
}

/** A multi-line string as a literal block (`|`), when it can round-trip that way. */
function literalBlock(s: string, indent: string): string | undefined {
  if (!s.includes('\n') || /^[ \t]|[ \t]\n|[\r\u0000-\u0008]/.test(s)) return undefined;
  const trailing = /\n*$/.exec(s)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = s.slice(0, s.length - trailing).split('\n');
  const lines = [...body, ...Array<string>(Math.max(trailing - 1, 0)).fill('')];
  return '|' + chomp + '\n' + lines.map((l) => (l === '' ? '' : indent + l)).join('\n');
}

function isEmptyOrScalar(v: Value): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  return true;
}

function inline(v: Value, indent: string): string {
  if (Array.isArray(v)) return '[]';
  if (isObject(v)) return '{}';
  if (typeof v === 'string') return literalBlock(v, indent + '  ') ?? scalarText(v);
  return scalarText(v);
}

function emit(v: Value, indent: string): string[] {
  if (Array.isArray(v) && v.length > 0) {
    return v.flatMap((item) => {
      if (isEmptyOrScalar(item)) return [`${indent}- ${inline(item, indent)}`];
      const inner = emit(item, indent + '  ');
      return [`${indent}- ${inner[0].slice(indent.length + 2)}`, ...inner.slice(1)];
    });
  }
  if (isObject(v) && Object.keys(v).length > 0) {
    return Object.keys(v)
      .sort()
      .flatMap((k) => {
        const item = v[k];
        if (isEmptyOrScalar(item)) return [`${indent}${quoted(k)}: ${inline(item, indent)}`];
        return [`${indent}${quoted(k)}:`, ...emit(item, Array.isArray(item) ? indent : indent + '  ')];
      });
  }
  return [indent + inline(v, indent)];
}

export function yamlencode(v: Value): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isObject(v)) throw new FunctionError('cannot encode an unknown value');
  return emit(v, '').join('\n') + '\n';
}
