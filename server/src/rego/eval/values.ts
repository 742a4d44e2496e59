// The value operations the evaluator needs, over the shared value library, plus the iteration
// order OPA uses (objects and sets iterate sorted; the sorted views are cached per value because
// values are immutable once shared).
import {
  compare,
  equal,
  fromJS,
  hasUncachedViews,
  intNumber,
  isArray,
  isObject,
  isSet,
  keyOf,
  ObjectValue,
  reportViewReads,
  parseNumber,
  SetValue,
  toJS,
  toRegoText,
  type ReadSink,
  type RegoNumber,
  type RegoObject,
  type RegoSet,
  type RegoValue,
} from '../value';

export type { ReadSink, RegoNumber, RegoObject, RegoSet, RegoValue };
export { TrackedObject, trackedInput } from '../value';
export { compare, equal, fromJS, hasUncachedViews, intNumber, isArray, isObject, isSet, keyOf, ObjectValue, reportViewReads, SetValue, toJS };

export function isNumber(v: RegoValue | undefined): v is RegoNumber {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as RegoNumber).kind === 'number';
}

/** A number from Rego source text; the parser only produces valid number text. */
export function numberFromText(raw: string): RegoNumber {
  return parseNumber(raw) ?? intNumber(0);
}

export function makeObject(entries: Iterable<readonly [RegoValue, RegoValue]>): RegoObject {
  return new ObjectValue(entries);
}
export function makeSet(values: Iterable<RegoValue>): RegoSet {
  return new SetValue(values);
}

const sortedEntryCache = new WeakMap<object, (readonly [RegoValue, RegoValue])[]>();
const trackedSortedEntries = new WeakMap<object, (readonly [RegoValue, RegoValue])[]>();
const sortedValueCache = new WeakMap<object, RegoValue[]>();

/** Entries in OPA's iteration order (sorted by key). */
export function sortedEntries(o: RegoObject): (readonly [RegoValue, RegoValue])[] {
  let s = sortedEntryCache.get(o);
  if (s) return s;
  // A tracked input object's view is kept apart, and reports a whole read on each reuse (as `entries` did the first time).
  const tracked = hasUncachedViews(o);
  s = tracked ? trackedSortedEntries.get(o) : undefined;
  if (s) {
    reportViewReads(o, false);
    return s;
  }
  s = [...o.entries()].sort((p, q) => compare(p[0], q[0]));
  (tracked ? trackedSortedEntries : sortedEntryCache).set(o, s);
  return s;
}
export function sortedMembers(o: RegoSet): RegoValue[] {
  let s = sortedValueCache.get(o);
  if (!s) {
    s = [...o.values()].sort(compare);
    sortedValueCache.set(o, s);
  }
  return s;
}

/** Rego text of a value, as OPA's `String()` prints it (print, messages). */
export function formatValue(v: RegoValue): string {
  return toRegoText(v);
}

export function typeName(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return (v as RegoNumber | RegoObject | RegoSet).kind;
}

/** `v[key]` for arrays (integer index), objects and sets (membership gives the member). */
export function lookup(v: RegoValue, key: RegoValue): RegoValue | undefined {
  if (isArray(v)) {
    if (!isNumber(key) || key.int === undefined) {
      if (isNumber(key) && Number.isInteger(key.float)) return v[key.float];
      return undefined;
    }
    const i = Number(key.int);
    return i >= 0 && i < v.length ? v[i] : undefined;
  }
  if (isObject(v)) return v.get(key);
  if (isSet(v)) return v.has(key) ? key : undefined;
  return undefined;
}
