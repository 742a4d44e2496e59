// The builtin registry's contract with the evaluator (re-exported by index.ts).

import type { RegoValue } from '../value/types';

/** A small type language mirroring OPA's types package (for arity/type checks, hover and docs). */
export type BuiltinType =
  | { kind: 'any' }
  | { kind: 'null' }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'string' }
  | { kind: 'array'; of?: BuiltinType }
  | { kind: 'set'; of?: BuiltinType }
  | { kind: 'object'; key?: BuiltinType; value?: BuiltinType }
  | { kind: 'union'; of: BuiltinType[] };

export interface BuiltinContext {
  /** Evaluation time in ns since the epoch (time.now_ns is the same within one query, as in OPA). */
  nowNs: bigint;
  /** `strict_error` mode: builtin errors are raised instead of making the expression undefined. */
  strictBuiltinErrors: boolean;
  print(message: string): void;
  /** Random source (rand.intn, uuid.rfc4122) — seeded/deterministic per query like OPA's cache. */
  cache: Map<string, RegoValue>;
  /**
   * What `opa.runtime()` returns. Only a host that explicitly opts in sets it; otherwise
   * `opa.runtime` is refused like the other builtins that reach outside.
   */
  runtime?: RegoValue;
}

export interface Builtin {
  name: string;
  args: { name: string; type: BuiltinType; description?: string }[];
  result: { name: string; type: BuiltinType; description?: string };
  description: string;
  category: string;
  variadic?: BuiltinType;
  nondeterministic?: boolean;
  /** Builtins that reach outside (http.send, net.lookup_ip_addr, opa.runtime env) are refused unless enabled. */
  external?: boolean;
  /** Returns the result, or undefined when the builtin is undefined for these inputs.
   *  Relations (`walk`) set `relation: true` and return an array of outputs. */
  impl(args: RegoValue[], ctx: BuiltinContext): RegoValue | undefined;
  relation?: boolean;
  /** Deprecated in OPA (still available in Rego v0). */
  deprecated?: boolean;
}

/**
 * A builtin's runtime error. `message` is OPA's full text, prefixed with the builtin's name
 * (`count: operand 1 must be …`); the evaluator adds the location. Builtins always throw these; the
 * evaluator turns them into undefined unless `strictBuiltinErrors` is set, as OPA does.
 */
export class BuiltinError extends Error {
  constructor(
    readonly code: 'eval_type_error' | 'eval_builtin_error',
    message: string,
  ) {
    super(message);
    this.name = 'BuiltinError';
  }
}
