// object.* builtins and walk.

import { isArray, isObject, isSet, ObjectValue, SetValue } from '../value/collections';
import { equal } from '../value/key';
import { sortedKeys, sortedValues } from '../value/compare';
import { intNumber } from '../value/number';
import type { RegoObject, RegoValue } from '../value/types';
import { arr, builtinError, def, elementError, isNumber, obj, operandError, T } from './support';
import type { Builtin } from './types';

/** Keys named by an array, set or object (object.remove / object.filter's second operand). */
function keysOf(v: RegoValue, pos: number): RegoValue[] {
  if (isArray(v)) return [...v];
  if (isSet(v)) return [...v.values()];
  if (isObject(v)) return [...v.keys()];
  throw operandError(pos, v, 'object', 'set', 'array');
}

export function objectGet(o: RegoObject, key: RegoValue, fallback: RegoValue): RegoValue {
  const direct = o.get(key);
  if (direct !== undefined) return direct;
  if (!isArray(key)) return fallback;
  let cur: RegoValue = o;
  for (const seg of key) {
    if (isObject(cur)) {
      const next = cur.get(seg);
      if (next === undefined) return fallback;
      cur = next;
    } else if (isArray(cur)) {
      if (!isNumber(seg) || seg.int === undefined || seg.int < 0n || seg.int >= BigInt(cur.length)) return fallback;
      cur = cur[Number(seg.int)];
    } else if (isSet(cur)) {
      if (!cur.has(seg)) return fallback;
      cur = seg;
    } else return fallback;
  }
  return cur;
}

/** Recursive merge; values of `b` win, nested objects merge. */
export function objectUnion(a: RegoObject, b: RegoObject): ObjectValue {
  const out = new ObjectValue(a.entries());
  for (const [k, v] of b.entries()) {
    const existing = a.get(k);
    out.set(k, existing !== undefined && isObject(existing) && isObject(v) ? objectUnion(existing, v) : v);
  }
  return out;
}

/** object.subset: objects by key recursively, sets by membership, arrays as contiguous runs. */
function isSubset(sup: RegoValue, sub: RegoValue): boolean {
  if (isObject(sup) && isObject(sub)) {
    for (const [k, v] of sub.entries()) {
      const s = sup.get(k);
      if (s === undefined || !isSubset(s, v)) return false;
    }
    return true;
  }
  if (isSet(sup) && isSet(sub)) {
    for (const x of sub.values()) if (!sup.has(x)) return false;
    return true;
  }
  if (isArray(sup) && isSet(sub)) {
    for (const x of sub.values()) if (!sup.some((y) => equal(x, y))) return false;
    return true;
  }
  if (isArray(sup) && isArray(sub)) {
    if (sub.length === 0) return true;
    for (let i = 0; i + sub.length <= sup.length; i++) {
      if (sub.every((x, j) => equal(sup[i + j], x))) return true;
    }
    return false;
  }
  return equal(sup, sub);
}

function subsetOperands(sup: RegoValue, sub: RegoValue): boolean {
  const collection = (v: RegoValue) => isObject(v) || isSet(v) || isArray(v);
  if (!collection(sup)) throw operandError(1, sup, 'object', 'set', 'array');
  if (!collection(sub)) throw operandError(2, sub, 'object', 'set', 'array');
  const compatible =
    (isObject(sup) && isObject(sub)) || (isSet(sup) && isSet(sub)) || (isArray(sup) && (isArray(sub) || isSet(sub)));
  if (!compatible) throw builtinError('both arguments must be of the same type or the first an array and the second a set');
  return isSubset(sup, sub);
}

/** walk: every [path, value] pair under v, parents before children. */
export function walkPairs(v: RegoValue, withPaths: boolean): RegoValue[] {
  const out: RegoValue[] = [];
  const visit = (x: RegoValue, path: RegoValue[]) => {
    out.push(withPaths ? [path, x] : [null, x]);
    if (isArray(x)) x.forEach((c, i) => visit(c, withPaths ? [...path, intNumber(i)] : path));
    else if (isObject(x)) for (const k of sortedKeys(x)) visit(x.get(k)!, withPaths ? [...path, k] : path);
    else if (isSet(x)) for (const c of sortedValues(x)) visit(c, withPaths ? [...path, c] : path);
  };
  visit(v, []);
  return out;
}


export const objectBuiltins: Builtin[] = [
  def('object.get', 'objects', [['object', T.object()], ['key', T.any], ['default', T.any]], ['value', T.any],
    'The value at `key` (or at the path `key` when it is an array), or `default` when absent.',
    (args) => objectGet(obj(args[0], 1), args[1], args[2])), // indexed: hot, and `([o, k, d])` allocates in baseline code
  def('object.keys', 'objects', [['object', T.object()]], ['value', T.set()], 'The set of keys of an object.',
    ([o]) => new SetValue(obj(o, 1).keys())),
  def('object.union', 'objects', [['a', T.object()], ['b', T.object()]], ['output', T.object()],
    'Merges two objects recursively; on conflicts the value from `b` wins.',
    ([a, b]) => objectUnion(obj(a, 1), obj(b, 2))),
  def('object.union_n', 'objects', [['objects', T.array(T.object())]], ['output', T.object()],
    'Merges an array of objects recursively, later objects winning.',
    ([a]) => {
      const items = arr(a, 1);
      let acc = new ObjectValue();
      for (const x of items) {
        if (!isObject(x)) throw elementError(1, a, x, 'object');
        acc = objectUnion(acc, x);
      }
      return acc;
    }),
  def('object.remove', 'objects', [['object', T.object()], ['keys', T.union(T.array(), T.set(), T.object())]], ['output', T.object()],
    'The object without the given keys.',
    ([o, ks]) => {
      const source = obj(o, 1);
      const drop = new SetValue(keysOf(ks, 2));
      return new ObjectValue([...source.entries()].filter(([k]) => !drop.has(k)));
    }),
  def('object.filter', 'objects', [['object', T.object()], ['keys', T.union(T.array(), T.set(), T.object())]], ['filtered', T.object()],
    'The object with only the given keys.',
    ([o, ks]) => {
      const source = obj(o, 1);
      const keep = new SetValue(keysOf(ks, 2));
      // No spread copy of every entry: rules filter whole resource configurations down to a few names.
      const out = new ObjectValue();
      for (const e of source.entries()) if (keep.has(e[0])) out.initEntry(e[0], e[1]);
      return out;
    }),
  def('object.subset', 'objects', [['super', T.union(T.object(), T.set(), T.array())], ['sub', T.union(T.object(), T.set(), T.array())]], ['result', T.boolean],
    'True if `sub` is contained in `super`: objects key by key (recursively), sets by membership, arrays as a contiguous run.',
    ([a, b]) => subsetOperands(a, b)),
  def('walk', 'graph', [['x', T.any]], ['output', T.array()],
    'Relation: generates [path, value] for every value nested in x (x itself has the path []).',
    ([x]) => walkPairs(x, true), { relation: true }),
];
