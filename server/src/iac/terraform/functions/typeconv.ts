// Type conversion functions: tobool tolist tomap tonumber toset tostring, plus the sensitivity
// functions. Palisade does not track sensitivity marks, so sensitive()/nonsensitive() pass the
// value through and issensitive() is unknown (registered in index.ts).
import { Unknown, Value, ValueObject, collectRefs, isObject } from '../values';
import {
  FunctionContext,
  FunctionError,
  FunctionTable,
  fn,
  formatNumber,
  makeSet,
  parseNumberString,
  typeName,
} from './support';

function conversionError(v: Value, target: string): FunctionError {
  return new FunctionError(`Invalid function argument: cannot convert ${typeName(v)} to ${target}.`, 0);
}

function tobool(args: Value[]): Value {
  const v = args[0];
  if (v === null || typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw conversionError(v, 'bool');
}

function tonumber(args: Value[]): Value {
  const v = args[0];
  if (v === null || typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumberString(v);
    if (n !== undefined) return n;
    throw new FunctionError(`Invalid function argument: cannot convert ${JSON.stringify(v)} to number; given string must be a decimal representation of a number.`, 0);
  }
  throw conversionError(v, 'number');
}

function tostring(args: Value[]): Value {
  const v = args[0];
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw conversionError(v, 'string');
}

type Kind = 'primitive' | 'list' | 'object';

function kindOf(v: Value): Kind | undefined {
  if (v === null || v instanceof Unknown) return undefined;
  if (Array.isArray(v)) return 'list';
  if (isObject(v)) return 'object';
  return 'primitive';
}

/**
 * Brings collection elements to one type, as Terraform does when converting a tuple or object to
 * a list, set or map: mixed primitives all become strings; mixing primitives with collections
 * (or lists with objects) is an error. Unknown and null elements are kept as they are.
 */
export function unifyElements(values: Value[], target: string): Value[] {
  const kinds = new Set(values.map(kindOf).filter((k) => k !== undefined));
  if (kinds.size > 1) {
    throw new FunctionError(`Invalid function argument: cannot convert to ${target}: all elements must have the same type.`, 0);
  }
  const primitiveTypes = new Set(values.filter((v) => kindOf(v) === 'primitive').map((v) => typeof v));
  if (primitiveTypes.size <= 1) return values;
  return values.map((v) => (kindOf(v) === 'primitive' ? tostring([v]) : v));
}

function tolist(args: Value[], ctx: FunctionContext): Value {
  const v = args[0];
  if (v instanceof Unknown) return new Unknown(ctx.callText, [...v.refs]);
  if (v === null) return null;
  if (!Array.isArray(v)) throw conversionError(v, 'list');
  return unifyElements(v, 'list');
}

function toset(args: Value[]): Value {
  const v = args[0];
  if (v === null) return null;
  if (!Array.isArray(v)) throw conversionError(v, 'set');
  return makeSet(unifyElements(v, 'set'));
}

function tomap(args: Value[], ctx: FunctionContext): Value {
  const v = args[0];
  if (v instanceof Unknown) return new Unknown(ctx.callText, [...collectRefs(v)]);
  if (v === null) return null;
  if (!isObject(v)) throw conversionError(v, 'map');
  const keys = Object.keys(v);
  const unified = unifyElements(
    keys.map((k) => v[k]),
    'map',
  );
  const out: ValueObject = {};
  keys.forEach((k, i) => (out[k] = unified[i]));
  return out;
}

const passThrough = (args: Value[]) => args[0];

export const typeconvFunctions: FunctionTable = {
  tobool: fn(1, 1, tobool),
  tolist: fn(1, 1, tolist, true),
  tomap: fn(1, 1, tomap, true),
  tonumber: fn(1, 1, tonumber),
  toset: fn(1, 1, toset),
  tostring: fn(1, 1, tostring),
  sensitive: fn(1, 1, passThrough, true),
  nonsensitive: fn(1, 1, passThrough, true),
  ephemeralasnull: fn(1, 1, passThrough, true),
};

