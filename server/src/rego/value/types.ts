// Rego runtime values (OPA's ast.Value at evaluation time).
// Representation (fixed, shared by evaluator and builtins):
//   null, boolean, string  → JS null / boolean / string
//   number                 → RegoNumber (arbitrary precision, see number.ts)
//   array                  → JS array (readonly RegoValue[])
//   object                 → RegoObject (any value as key, insertion-ordered, canonical-key lookup)
//   set                    → RegoSet (canonical-key lookup)
// Canonical keys (`keyOf`) give structural equality for set membership and object lookup; the total
// order used for output and comparisons is OPA's (`compare` in compare.ts).

export type RegoValue = null | boolean | string | RegoNumber | RegoArray | RegoObject | RegoSet;
export type RegoArray = readonly RegoValue[];

/**
 * Arbitrary-precision number. Integers are exact (`bigint`); non-integers keep their decimal text so
 * they print as OPA prints them; `toNumber()` gives a double for float builtins.
 */
export interface RegoNumber {
  readonly kind: 'number';
  /** Exact integer value when the number is an integer. */
  readonly int?: bigint;
  /** Double approximation (always set). */
  readonly float: number;
  /** Canonical text as OPA would print it (json.Number). */
  readonly text: string;
}

export interface RegoObject {
  readonly kind: 'object';
  readonly size: number;
  get(key: RegoValue): RegoValue | undefined;
  has(key: RegoValue): boolean;
  /** Entries in insertion order (sort with `compare` when output order matters). */
  entries(): Iterable<readonly [RegoValue, RegoValue]>;
  keys(): Iterable<RegoValue>;
}

export interface RegoSet {
  readonly kind: 'set';
  readonly size: number;
  has(v: RegoValue): boolean;
  values(): Iterable<RegoValue>;
}
