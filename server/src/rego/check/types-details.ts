// OPA's `details` for type errors, in the JSON shape `opa check --format json` prints: the argument
// types seen (`have`) and the builtin's declared arguments (`want`) for argument errors, `a`/`b` for
// a "match error". Types are OPA's type JSON (keys sorted, as Go marshals maps).
import type { Term } from '../syntax/ast';
import type { BuiltinType, Signature } from './signatures';
import type { TypeEnv } from './typing';

export type OpaTypeJSON = { type: string; [k: string]: unknown } | null;

/** OPA sorts the members of an `any<…>` union in this order. */
const TYPE_ORDER = ['any', 'null', 'boolean', 'number', 'string', 'array', 'object', 'set', 'union'];

/** A declared (builtin) type as OPA's JSON. */
export function declaredTypeJSON(t: BuiltinType): OpaTypeJSON {
  switch (t.kind) {
    case 'array':
      return { dynamic: t.of ? declaredTypeJSON(t.of) : { type: 'any' }, type: 'array' };
    case 'set':
      return { of: t.of ? declaredTypeJSON(t.of) : { type: 'any' }, type: 'set' };
    case 'object':
      return { dynamic: { key: t.key ? declaredTypeJSON(t.key) : { type: 'any' }, value: t.value ? declaredTypeJSON(t.value) : { type: 'any' } }, type: 'object' };
    case 'union':
      return { of: [...t.of].sort((a, b) => TYPE_ORDER.indexOf(a.kind) - TYPE_ORDER.indexOf(b.kind)).map(declaredTypeJSON), type: 'any' };
    default:
      return { type: t.kind };
  }
}

/** The static type OPA's checker gives a term, as JSON (composites keep per-element types). */
export function termTypeJSON(t: Term, env?: TypeEnv): OpaTypeJSON {
  const v = t.value;
  switch (v.type) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return { type: v.type };
    case 'templatestring':
      return { type: 'string' };
    case 'array':
      return v.items.length === 0 ? { type: 'array' } : { static: v.items.map((x) => termTypeJSON(x, env)), type: 'array' };
    case 'set': {
      const of = v.items.map((x) => termTypeJSON(x, env));
      const uniq = of.filter((x, i) => of.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) === i);
      return { of: uniq.length === 0 ? { type: 'any' } : uniq.length === 1 ? uniq[0] : { of: uniq, type: 'any' }, type: 'set' };
    }
    case 'object':
      return v.items.length === 0 ? { type: 'object' } : { static: v.items.map(([k, x]) => ({ key: k.value.type === 'string' ? k.value.value : null, value: termTypeJSON(x, env) })), type: 'object' };
    case 'var': {
      // A var the checker has not bound yet has no type (OPA prints `???`).
      const known = env?.get(v.name);
      return known ? declaredTypeJSON(known) : null;
    }
    default:
      return { type: 'any' };
  }
}

/** Go marshals OPA's type maps with sorted keys. */
function sortedKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function namedArg(a: { name: string; type: BuiltinType; description?: string }): unknown {
  return sortedKeys({ ...(a.description ? { description: a.description } : {}), name: a.name, ...(declaredTypeJSON(a.type) as object) });
}

/** Details of "<builtin>: invalid argument(s)" / "arity mismatch" (the latter lists no result). */
export function argTypesDetails(b: Signature, args: Term[], generated: boolean, env?: TypeEnv, withResult = true): unknown {
  const have: OpaTypeJSON[] = args.map((a) => termTypeJSON(a, env));
  if (generated) have.push(null);
  const want = [...b.args, ...(withResult ? [b.result] : [])].map(namedArg);
  return { have, want: { args: want } };
}

export function matchDetails(a: Term, b: Term, env?: TypeEnv): unknown {
  return { a: termTypeJSON(a, env), b: termTypeJSON(b, env) };
}
