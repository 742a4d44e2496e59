// Object and set values keyed by canonical keys (`keyOf`), so structurally equal values collide as in
// OPA (1 and 1.0 are the same key). Both keep insertion order; output order comes from `compare`.

import { forgetKey, keyOf } from './key';
import type { RegoObject, RegoSet, RegoValue } from './types';

export class ObjectValue implements RegoObject {
  readonly kind = 'object' as const;
  private readonly map = new Map<string, [RegoValue, RegoValue]>();

  constructor(entries?: Iterable<readonly [RegoValue, RegoValue]>) {
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  /** Builds an object from string keys (the common case when converting JSON). */
  static fromRecord(record: Record<string, RegoValue>): ObjectValue {
    const o = new ObjectValue();
    for (const k of Object.keys(record)) o.set(k, record[k]);
    return o;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: RegoValue): RegoValue | undefined {
    return this.map.get(keyOf(key))?.[1];
  }

  has(key: RegoValue): boolean {
    return this.map.has(keyOf(key));
  }

  /** Inserts or replaces; only while the object is being built (values are immutable once shared). */
  set(key: RegoValue, value: RegoValue): this {
    const k = keyOf(key);
    const existing = this.map.get(k);
    if (existing) existing[1] = value;
    else this.map.set(k, [key, value]);
    forgetKey(this);
    return this;
  }

  delete(key: RegoValue): boolean {
    forgetKey(this);
    return this.map.delete(keyOf(key));
  }

  *entries(): IterableIterator<[RegoValue, RegoValue]> {
    for (const [k, v] of this.map.values()) yield [k, v];
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
    if (values) for (const v of values) this.add(v);
  }

  get size(): number {
    return this.map.size;
  }

  has(v: RegoValue): boolean {
    return this.map.has(keyOf(v));
  }

  /** Adds a member; only while the set is being built. */
  add(v: RegoValue): this {
    const k = keyOf(v);
    if (!this.map.has(k)) {
      this.map.set(k, v);
      forgetKey(this);
    }
    return this;
  }

  delete(v: RegoValue): boolean {
    forgetKey(this);
    return this.map.delete(keyOf(v));
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
