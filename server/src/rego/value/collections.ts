// Object and set values keyed by canonical keys (`keyOf`), so structurally equal values collide as in
// OPA (1 and 1.0 are the same key). Both keep insertion order; output order comes from `compare`.

import { forgetKeyOrder } from './compare';
import { forgetKey, keyOf } from './key';
import type { RegoObject, RegoSet, RegoValue } from './types';

/**
 * The internal map key of a member. A string is its own key: no prefix is concatenated per lookup,
 * and the engine keeps a string's hash, so `o.get("name")` costs no allocation. Other values use
 * their canonical key behind U+0000, as do strings that start with U+0000 (behind "\u0000s", which
 * no canonical key starts with), so no two distinct members share a slot.
 */
function slotKey(v: RegoValue): string {
  if (typeof v === 'string') return v.charCodeAt(0) === 0 ? '\u0000s' + v : v;
  return '\u0000' + keyOf(v);
}

export class ObjectValue implements RegoObject {
  readonly kind = 'object' as const;
  private readonly map: Map<string, [RegoValue, RegoValue]>;

  /**
   * `sharedWith`: hold that object's members instead of copying them (a view of it, such as a
   * tracked input object made for every resource of every unit); both must stay unmodified.
   */
  constructor(entries?: Iterable<readonly [RegoValue, RegoValue]>, sharedWith?: ObjectValue) {
    this.map = sharedWith ? sharedWith.map : new Map();
    if (entries) for (const [k, v] of entries) this.initEntry(k, v);
  }

  /** Builds an object from string keys (the common case when converting JSON). */
  static fromRecord(record: Record<string, RegoValue>): ObjectValue {
    const o = new ObjectValue();
    for (const k of Object.keys(record)) o.initEntry(k, record[k]);
    return o;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: RegoValue): RegoValue | undefined {
    return this.map.get(slotKey(key))?.[1];
  }

  has(key: RegoValue): boolean {
    return this.map.has(slotKey(key));
  }

  /** Inserts or replaces; only while the object is being built (values are immutable once shared). */
  set(key: RegoValue, value: RegoValue): this {
    this.initEntry(key, value);
    forgetKey(this);
    forgetKeyOrder(this);
    return this;
  }

  /**
   * `set` for an object under construction whose canonical key cannot have been computed yet
   * (nothing else holds it): skips dropping the cached key, which `set` pays on every entry.
   */
  initEntry(key: RegoValue, value: RegoValue): void {
    const k = slotKey(key);
    const existing = this.map.get(k);
    if (existing) existing[1] = value;
    else this.map.set(k, [key, value]);
  }

  delete(key: RegoValue): boolean {
    forgetKey(this);
    forgetKeyOrder(this);
    return this.map.delete(slotKey(key));
  }

  /** The stored pairs themselves (no copy: an object is immutable once shared, and so are they). */
  entries(): IterableIterator<readonly [RegoValue, RegoValue]> {
    return this.map.values();
  }

  *keys(): IterableIterator<RegoValue> {
    for (const [k] of this.map.values()) yield k;
  }

  *values(): IterableIterator<RegoValue> {
    for (const [, v] of this.map.values()) yield v;
  }
}

export class SetValue implements RegoSet {
  readonly kind = 'set' as const;
  private readonly map = new Map<string, RegoValue>();

  constructor(values?: Iterable<RegoValue>) {
    // First wins among equal members (1 and 1.0), as `add` does; no key can be cached yet.
    if (values) {
      for (const v of values) {
        const k = slotKey(v);
        if (!this.map.has(k)) this.map.set(k, v);
      }
    }
  }

  get size(): number {
    return this.map.size;
  }

  has(v: RegoValue): boolean {
    return this.map.has(slotKey(v));
  }

  /** Adds a member; only while the set is being built. */
  add(v: RegoValue): this {
    const k = slotKey(v);
    if (!this.map.has(k)) {
      this.map.set(k, v);
      forgetKey(this);
    }
    return this;
  }

  delete(v: RegoValue): boolean {
    forgetKey(this);
    return this.map.delete(slotKey(v));
  }

  values(): IterableIterator<RegoValue> {
    return this.map.values();
  }
}

export function isObject(v: RegoValue | undefined): v is RegoObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as RegoObject).kind === 'object';
}

export function isSet(v: RegoValue | undefined): v is RegoSet {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as RegoSet).kind === 'set';
}

export function isArray(v: RegoValue | undefined): v is readonly RegoValue[] {
  return Array.isArray(v);
}
