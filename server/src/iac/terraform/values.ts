// Values produced by evaluating Terraform expressions.
// Terraform's lists, tuples and sets are JS arrays (sets: distinct, sorted as Terraform sorts them);
// maps and objects are plain objects. What cannot be known statically is an `Unknown`.

export class Unknown {
  constructor(
    /** Source text of the expression that could not be known (shown to users, written to the model). */
    readonly expr: string,
    /** Addresses of resources/data sources/modules this value depends on (`aws_s3_bucket.logs`). */
    readonly refs: readonly string[] = [],
    /** Why it is unknown, for hovers: "variable `env` has no value", "computed attribute `id`". */
    readonly reason?: string,
  ) {}
}

export type Value = null | boolean | number | string | Value[] | ValueObject | Unknown;
export interface ValueObject {
  [key: string]: Value;
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isObject(v: Value): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

// containsUnknown and collectRefs run over every value that meets an operator, a template or an
// unknown, so they loop by index and for…in: Object.values copies, and a for…of allocates an
// iterator result per step in V8's baseline tier, where most of the evaluator runs.

/** True when the value is, or contains at any depth, an Unknown. */
export function containsUnknown(v: Value): boolean {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (containsUnknown(v[i])) return true;
  } else if (isObject(v)) {
    for (const k in v) if (containsUnknown(v[k])) return true;
  }
  return false;
}

/** Every dependency address reachable in the value (deduplicated, in first-seen order). */
export function collectRefs(v: Value, acc: Set<string> = new Set()): Set<string> {
  if (v instanceof Unknown) {
    const refs = v.refs;
    for (let i = 0; i < refs.length; i++) acc.add(refs[i]);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) collectRefs(v[i], acc);
  } else if (isObject(v)) {
    for (const k in v) collectRefs(v[k], acc);
  }
  return acc;
}

/** The model/JSON encoding: an unknown becomes `{"$unknown": "<expr>"}`. */
export function toModelValue(v: Value): import('../model').ModelValue {
  if (v instanceof Unknown) return { $unknown: v.expr };
  if (Array.isArray(v)) return v.map(toModelValue);
  if (isObject(v)) {
    const out: { [k: string]: import('../model').ModelValue } = {};
    for (const [k, x] of Object.entries(v)) out[k] = toModelValue(x);
    return out;
  }
  return v;
}
