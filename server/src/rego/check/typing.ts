// A small static type inference, enough for OPA's clear-cut type errors: literal and composite
// types, builtin result types, locals bound to those, and complete rules with a constant value.
// Anything not known statically is `undefined` (OPA's `any`), which never produces an error.
import { lookupBuiltin as getBuiltin, type BuiltinType } from './signatures';
import type { Term } from '../syntax/ast';
import { operatorName } from './model';

export type TypeEnv = Map<string, BuiltinType>;
/** Types of `data` documents known statically (a rule path's text → type). */
export type DataTypes = (ref: Term[]) => BuiltinType | undefined;

const ANY_ELEMENT = undefined;

function joinTypes(ts: (BuiltinType | undefined)[]): BuiltinType | undefined {
  if (ts.length === 0 || ts.some((t) => t === undefined)) return ANY_ELEMENT;
  const uniq: BuiltinType[] = [];
  for (const t of ts as BuiltinType[]) if (!uniq.some((u) => JSON.stringify(u) === JSON.stringify(t))) uniq.push(t);
  return uniq.length === 1 ? uniq[0] : { kind: 'union', of: uniq };
}

export function staticType(t: Term, env?: TypeEnv, data?: DataTypes): BuiltinType | undefined {
  const v = t.value;
  switch (v.type) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return { kind: v.type };
    case 'templatestring':
      return { kind: 'string' };
    case 'array':
      return { kind: 'array', of: joinTypes(v.items.map((x) => staticType(x, env, data))) };
    case 'set':
      return { kind: 'set', of: joinTypes(v.items.map((x) => staticType(x, env, data))) };
    case 'object':
      return { kind: 'object', key: joinTypes(v.items.map(([k]) => staticType(k, env, data))), value: joinTypes(v.items.map(([, x]) => staticType(x, env, data))) };
    case 'arraycomprehension':
      return { kind: 'array' };
    case 'setcomprehension':
      return { kind: 'set' };
    case 'objectcomprehension':
      return { kind: 'object' };
    case 'var':
      return env?.get(v.name);
    case 'ref': {
      const head = v.terms[0];
      if (head.value.type === 'var' && head.value.name === 'data') return data?.(v.terms);
      return undefined;
    }
    case 'call': {
      const name = operatorName(v.operator);
      const b = name ? getBuiltin(name) : undefined;
      return b && b.result.type.kind !== 'any' ? b.result.type : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether a value of type `have` may be passed where `want` is expected (OPA's unify1). */
export function fits(have: BuiltinType | undefined, want: BuiltinType | undefined): boolean {
  if (!have || !want || have.kind === 'any' || want.kind === 'any') return true;
  if (want.kind === 'union') return want.of.some((w) => fits(have, w));
  if (have.kind === 'union') return have.of.some((h) => fits(h, want));
  if (have.kind !== want.kind) return false;
  if (have.kind === 'array' && want.kind === 'array') return fitsElements(have.of, want.of);
  if (have.kind === 'set' && want.kind === 'set') return fitsElements(have.of, want.of);
  if (have.kind === 'object' && want.kind === 'object') return fitsElements(have.key, want.key) && fitsElements(have.value, want.value);
  return true;
}

/** Element types: every member of a static union must fit (`[1, "a"]` is not an array of strings). */
function fitsElements(have: BuiltinType | undefined, want: BuiltinType | undefined): boolean {
  if (!have || !want) return true;
  if (have.kind === 'union' && want.kind !== 'union' && want.kind !== 'any') return have.of.every((h) => fits(h, want));
  return fits(have, want);
}

/** Whether two statically known types can ever hold the same value (for `=` / `==`). */
export function overlaps(a: BuiltinType | undefined, b: BuiltinType | undefined): boolean {
  return fits(a, b) || fits(b, a);
}
