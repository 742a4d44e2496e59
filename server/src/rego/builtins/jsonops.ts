// json.filter, json.remove and json.patch (RFC 6902) over Rego values.

import { isArray, isObject, isSet, ObjectValue, SetValue } from '../value/collections';
import { equal } from '../value/key';
import type { RegoValue } from '../value/types';
import { arr, def, isNumber, obj, operandError, T, typeError } from './support';
import type { Builtin } from './types';

interface PathTrie {
  terminal: boolean;
  children: Map<string, PathTrie>;
}

function segmentText(v: RegoValue): string {
  if (typeof v === 'string') return v;
  if (isNumber(v)) return v.text;
  return JSON.stringify(v);
}

/** Paths as strings ("a/b/c") or arrays of segments, from a set or array (operand 2). */
function parsePaths(v: RegoValue): string[][] {
  if (!isArray(v) && !isSet(v)) throw operandError(2, v, 'set', 'array');
  const items = isArray(v) ? v : [...v.values()];
  return items.map((p) => {
    if (typeof p === 'string') return p.replace(/^\/+|\/+$/g, '').split('/');
    if (isArray(p)) return p.map(segmentText);
    throw typeError(`operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeNameOf(p)}`);
  });
}

function typeNameOf(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'string') return typeof v;
  if (isArray(v)) return 'array';
  return (v as { kind: string }).kind;
}

function buildTrie(paths: string[][]): PathTrie {
  const root: PathTrie = { terminal: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      let next = node.children.get(seg);
      if (!next) {
        next = { terminal: false, children: new Map() };
        node.children.set(seg, next);
      }
      node = next;
    }
    node.terminal = true;
  }
  return root;
}

function keyText(k: RegoValue): string {
  return typeof k === 'string' ? k : segmentText(k);
}

function filterValue(v: RegoValue, node: PathTrie): RegoValue | undefined {
  if (node.terminal) return v;
  if (isObject(v)) {
    const out = new ObjectValue();
    for (const [k, val] of v.entries()) {
      const child = node.children.get(keyText(k));
      if (!child) continue;
      const filtered = filterValue(val, child);
      if (filtered !== undefined) out.set(k, filtered);
    }
    return out;
  }
  if (isArray(v)) {
    const out: RegoValue[] = [];
    v.forEach((val, i) => {
      const child = node.children.get(String(i));
      if (!child) return;
      const filtered = filterValue(val, child);
      if (filtered !== undefined) out.push(filtered);
    });
    return out;
  }
  if (isSet(v)) {
    const out = new SetValue();
    for (const val of v.values()) {
      const child = node.children.get(keyText(val));
      if (child) {
        const filtered = filterValue(val, child);
        if (filtered !== undefined) out.add(filtered);
      }
    }
    return out;
  }
  return undefined;
}

function removeValue(v: RegoValue, node: PathTrie): RegoValue | undefined {
  if (node.terminal) return undefined;
  if (isObject(v)) {
    const out = new ObjectValue();
    for (const [k, val] of v.entries()) {
      const child = node.children.get(keyText(k));
      if (!child) out.set(k, val);
      else {
        const kept = removeValue(val, child);
        if (kept !== undefined) out.set(k, kept);
      }
    }
    return out;
  }
  if (isArray(v)) {
    const out: RegoValue[] = [];
    v.forEach((val, i) => {
      const child = node.children.get(String(i));
      if (!child) out.push(val);
      else {
        const kept = removeValue(val, child);
        if (kept !== undefined) out.push(kept);
      }
    });
    return out;
  }
  if (isSet(v)) {
    const out = new SetValue();
    for (const val of v.values()) {
      const child = node.children.get(keyText(val));
      if (!child) out.add(val);
      else {
        const kept = removeValue(val, child);
        if (kept !== undefined) out.add(kept);
      }
    }
    return out;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// json.patch: paths are JSON pointers ("/a/b", the leading slash optional as in OPA) or arrays of
// segments of any type (a set member can be addressed by the member itself).

type Segment = RegoValue;

function pointer(path: RegoValue): Segment[] | undefined {
  if (isArray(path)) return [...path];
  if (typeof path !== 'string') return undefined;
  if (path === '' || path === '/') return [];
  const text = path.startsWith('/') ? path.slice(1) : path;
  return text.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(seg: Segment, length: number, allowEnd: boolean): number | undefined {
  if (allowEnd && seg === '-') return length;
  let i: number | undefined;
  if (typeof seg === 'string' && /^(0|[1-9][0-9]*)$/.test(seg)) i = Number(seg);
  else if (isNumber(seg) && seg.int !== undefined) i = Number(seg.int);
  if (i === undefined || i < 0 || i > length || (!allowEnd && i === length)) return undefined;
  return i;
}

function setMember(set: import('../value/types').RegoSet, seg: Segment): RegoValue | undefined {
  if (set.has(seg)) return seg;
  return [...set.values()].find((x) => typeof seg === 'string' && keyText(x) === seg);
}

function child(doc: RegoValue, seg: Segment): RegoValue | undefined {
  if (isObject(doc)) return doc.get(seg);
  if (isArray(doc)) {
    const i = arrayIndex(seg, doc.length, false);
    return i === undefined ? undefined : doc[i];
  }
  if (isSet(doc)) return setMember(doc, seg);
  return undefined;
}

function getAt(doc: RegoValue, path: Segment[]): RegoValue | undefined {
  let cur: RegoValue | undefined = doc;
  for (const seg of path) {
    if (cur === undefined) return undefined;
    cur = child(cur, seg);
  }
  return cur;
}

/** The document with `fn` applied to the container holding the last segment; undefined on failure. */
function updateAt(doc: RegoValue, path: Segment[], fn: (parent: RegoValue, last: Segment) => RegoValue | undefined): RegoValue | undefined {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (rest.length === 0) return fn(doc, head);
  const current = child(doc, head);
  if (current === undefined) return undefined;
  const updated = updateAt(current, rest, fn);
  if (updated === undefined) return undefined;
  if (isObject(doc)) return new ObjectValue(doc.entries()).set(head, updated);
  if (isArray(doc)) {
    const out = [...doc];
    out[arrayIndex(head, doc.length, false)!] = updated;
    return out;
  }
  if (isSet(doc)) {
    const out = new SetValue(doc.values());
    out.delete(current);
    return out.add(updated);
  }
  return undefined;
}

function addAt(doc: RegoValue, path: Segment[], value: RegoValue): RegoValue | undefined {
  if (path.length === 0) return value;
  return updateAt(doc, path, (parent, last) => {
    if (isObject(parent)) return new ObjectValue(parent.entries()).set(last, value);
    if (isArray(parent)) {
      const i = arrayIndex(last, parent.length, true);
      if (i === undefined) return undefined;
      return [...parent.slice(0, i), value, ...parent.slice(i)];
    }
    if (isSet(parent)) {
      // A set member is addressed by itself: the path's last segment must be the value.
      const matches = equal(last, value) || (typeof last === 'string' && keyText(value) === last);
      return matches ? new SetValue(parent.values()).add(value) : undefined;
    }
    return undefined;
  });
}

function removeAt(doc: RegoValue, path: Segment[]): RegoValue | undefined {
  return updateAt(doc, path, (parent, last) => {
    if (isObject(parent)) {
      if (!parent.has(last)) return undefined;
      const out = new ObjectValue(parent.entries());
      out.delete(last);
      return out;
    }
    if (isArray(parent)) {
      const i = arrayIndex(last, parent.length, false);
      if (i === undefined) return undefined;
      return parent.filter((_, j) => j !== i);
    }
    if (isSet(parent)) {
      const member = setMember(parent, last);
      if (member === undefined) return undefined;
      const out = new SetValue(parent.values());
      out.delete(member);
      return out;
    }
    return undefined;
  });
}

function applyPatch(doc: RegoValue, patch: readonly RegoValue[]): RegoValue | undefined {
  let cur: RegoValue | undefined = doc;
  for (const op of patch) {
    if (cur === undefined || !isObject(op)) return undefined;
    const kind = op.get('op');
    const path = pointer(op.get('path') ?? null);
    if (path === undefined) return undefined;
    switch (kind) {
      case 'add': {
        const value = op.get('value');
        if (value === undefined) return undefined;
        cur = addAt(cur, path, value);
        break;
      }
      case 'remove':
        cur = removeAt(cur, path);
        break;
      case 'replace': {
        const value = op.get('value');
        if (value === undefined || getAt(cur, path) === undefined) return undefined;
        cur = path.length === 0 ? value : addAt(removeAt(cur, path) ?? cur, path, value);
        break;
      }
      case 'move':
      case 'copy': {
        const from = pointer(op.get('from') ?? null);
        if (from === undefined) return undefined;
        const value = getAt(cur, from);
        if (value === undefined) return undefined;
        if (kind === 'move') {
          cur = removeAt(cur, from);
          if (cur === undefined) return undefined;
        }
        cur = addAt(cur, path, value);
        break;
      }
      case 'test': {
        const actual = getAt(cur, path);
        const value = op.get('value');
        if (actual === undefined || value === undefined || !equal(actual, value)) return undefined;
        break;
      }
      default:
        return undefined;
    }
  }
  return cur;
}

export const jsonOpsBuiltins: Builtin[] = [
  def('json.filter', 'objects', [['object', T.object()], ['paths', T.union(T.array(), T.set())]], ['filtered', T.any],
    'Keeps only the given JSON paths ("a/b/c" strings or arrays of segments) of an object.',
    ([o, p]) => filterValue(obj(o, 1), buildTrie(parsePaths(p)))),
  def('json.remove', 'objects', [['object', T.object()], ['paths', T.union(T.array(), T.set())]], ['output', T.any],
    'Removes the given JSON paths ("a/b/c" strings or arrays of segments) from an object.',
    ([o, p]) => removeValue(obj(o, 1), buildTrie(parsePaths(p)))),
  def('json.patch', 'objects', [['object', T.any], ['patches', T.array(T.object())]], ['output', T.any],
    'Applies RFC 6902 JSON Patch operations; undefined when an operation fails.',
    ([o, p]) => applyPatch(o, arr(p, 2))),
];

