// OPA's total order over values: null < boolean < number < string < array < object < set.
// Strings compare by UTF-8 bytes (code points), as Go does; arrays element-wise then by length;
// objects by their sorted keys, pairing key then value; sets by their sorted members.

import { compareNumbers } from './number';
import type { RegoNumber, RegoObject, RegoSet, RegoValue } from './types';
import { hasUncachedViews } from './uncached';

export function kindRank(v: RegoValue): number {
  if (v === null) return 0;
  switch (typeof v) {
    case 'boolean':
      return 1;
    case 'string':
      return 3;
    default:
      break;
  }
  if (Array.isArray(v)) return 4;
  const k = (v as RegoNumber | RegoObject | RegoSet).kind;
  return k === 'number' ? 2 : k === 'object' ? 5 : 6;
}

export function compare(a: RegoValue, b: RegoValue): number {
  if (a === b) return 0;
  const ra = kindRank(a);
  const rb = kindRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return a === b ? 0 : a ? 1 : -1;
    case 2:
      return compareNumbers(a as RegoNumber, b as RegoNumber);
    case 3:
      return compareStrings(a as string, b as string);
    case 4:
      return compareArrays(a as RegoValue[], b as RegoValue[]);
    case 5:
      return compareObjects(a as RegoObject, b as RegoObject);
    default:
      return compareArrays(sortedValues(a as RegoSet), sortedValues(b as RegoSet));
  }
}

export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+10000 and up) sort after every BMP character in UTF-8 byte order.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareArrays(a: readonly RegoValue[], b: readonly RegoValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareObjects(a: RegoObject, b: RegoObject): number {
  const ka = keysInOrder(a);
  const kb = keysInOrder(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const c = compare(ka[i], kb[i]);
    if (c !== 0) return c;
    const v = compare(a.get(ka[i])!, b.get(kb[i])!);
    if (v !== 0) return v;
  }
  return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
}

/** Sorted keys kept per object for comparisons (sorting several objects compares each many times). */
const keyOrder = new WeakMap<RegoObject, RegoValue[]>();

/** Drops an object's cached key order; collections call this when mutated during construction. */
export function forgetKeyOrder(o: RegoObject): void {
  keyOrder.delete(o);
}

/** sortedKeys, cached; a tracked input object's are not (its `keys` reports a read each time). */
function keysInOrder(o: RegoObject): RegoValue[] {
  let keys = keyOrder.get(o);
  if (keys === undefined) {
    keys = sortedKeys(o);
    if (!hasUncachedViews(o)) keyOrder.set(o, keys);
  }
  return keys;
}

export function sortValues(values: RegoValue[]): RegoValue[] {
  return values.sort(compare);
}

export function sortedValues(s: RegoSet): RegoValue[] {
  return sortValues([...s.values()]);
}

export function sortedKeys(o: RegoObject): RegoValue[] {
  return sortValues([...o.keys()]);
}
