// Canonical keys: equal Rego values (OPA's ast.Compare == 0) have equal keys. Used for set membership,
// object lookup and equality. Composite keys are cached per value (values are immutable once built).

import { numberKey } from './number';
import type { RegoNumber, RegoObject, RegoSet, RegoValue } from './types';
import { hasUncachedViews, reportViewReads } from './uncached';

const cache = new WeakMap<object, string>();
/** Keys of tracked values, apart: a hit in `cache` then needs no check for tracking. */
const trackedCache = new WeakMap<object, string>();

export function keyOf(v: RegoValue): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'string':
      return 's' + v;
    default:
      break;
  }
  const cached = cache.get(v);
  if (cached !== undefined) return cached;
  const tracked = hasUncachedViews(v);
  if (tracked) {
    // A tracked value's key stands for reading all of it, on every use.
    const known = trackedCache.get(v);
    if (known !== undefined) {
      reportViewReads(v, true);
      return known;
    }
  }
  let key: string;
  if (Array.isArray(v)) key = arrayKey(v as RegoValue[]);
  else {
    const c = v as RegoNumber | RegoObject | RegoSet;
    if (c.kind === 'number') key = '#' + numberKey(c);
    else if (c.kind === 'object') key = objectKey(c);
    else {
      const parts: string[] = [];
      for (const x of c.values()) parts.push(escapedKeyOf(x));
      parts.sort();
      key = '<' + parts.join(',') + '>';
    }
  }
  (tracked ? trackedCache : cache).set(v as object, key);
  return key;
}

// Keys are written in one pass with `+=` (one copy when the engine flattens the result), not as
// parts then joined: the value keys inside are often kilobytes (a resource's configuration), and
// every intermediate string copied them again.

function arrayKey(items: readonly RegoValue[]): string {
  let key = '[';
  for (let i = 0; i < items.length; i++) key += (i > 0 ? ',' : '') + escapedKeyOf(items[i]);
  return key + ']';
}

/**
 * Members ordered by their key's text alone: keys are distinct, so this order is canonical, and
 * sorting never compares (so never flattens) the value keys. String keys (JSON) sort as themselves.
 */
function objectKey(o: RegoObject): string {
  const members = Array.from(o.entries());
  let allStrings = true;
  for (let i = 0; i < members.length; i++) if (typeof members[i][0] !== 'string') allStrings = false;
  let key = '{';
  if (allStrings) {
    members.sort(byStringKey);
    for (let i = 0; i < members.length; i++) key += (i > 0 ? ',' : '') + escapedKeyOf(members[i][0]) + ':' + escapedKeyOf(members[i][1]);
  } else {
    const named = members.map(withKeyText);
    named.sort(byKeyText);
    for (let i = 0; i < named.length; i++) key += (i > 0 ? ',' : '') + named[i][0] + ':' + escapedKeyOf(named[i][1]);
  }
  return key + '}';
}

function byStringKey(a: readonly [RegoValue, RegoValue], b: readonly [RegoValue, RegoValue]): number {
  return (a[0] as string) < (b[0] as string) ? -1 : 1;
}

function withKeyText(e: readonly [RegoValue, RegoValue]): readonly [string, RegoValue] {
  return [escapedKeyOf(e[0]), e[1]];
}

function byKeyText(a: readonly [string, RegoValue], b: readonly [string, RegoValue]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** escapeKey(keyOf(x)), without building a string's key only to re-quote it (the common member). */
function escapedKeyOf(x: RegoValue): string {
  if (typeof x === 'string') return x === '' ? 's' : 's' + JSON.stringify(x);
  return escapeKey(keyOf(x));
}

/** Escapes separators so nested keys cannot be confused with siblings. */
function escapeKey(k: string): string {
  return k.length < 2 || k[0] !== 's' ? k : 's' + JSON.stringify(k.slice(1));
}

/** Drops a cached key; collections call this when mutated during construction. */
export function forgetKey(v: object): void {
  cache.delete(v);
  trackedCache.delete(v);
}

export function equal(a: RegoValue, b: RegoValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return keyOf(a) === keyOf(b);
}
