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
  if (Array.isArray(v)) {
    key = '[' + (v as RegoValue[]).map(escapedKeyOf).join(',') + ']';
  } else {
    const c = v as RegoNumber | RegoObject | RegoSet;
    if (c.kind === 'number') key = '#' + numberKey(c);
    else if (c.kind === 'object') {
      const parts: string[] = [];
      for (const [k, val] of c.entries()) parts.push(escapedKeyOf(k) + ':' + escapedKeyOf(val));
      parts.sort();
      key = '{' + parts.join(',') + '}';
    } else {
      const parts: string[] = [];
      for (const x of c.values()) parts.push(escapedKeyOf(x));
      parts.sort();
      key = '<' + parts.join(',') + '>';
    }
  }
  (tracked ? trackedCache : cache).set(v as object, key);
  return key;
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
