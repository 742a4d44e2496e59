// Map and object functions: keys, values, lookup, merge, transpose, zipmap.
// keys/values order by key, as Terraform's maps and objects iterate in lexical key order.
import { Unknown, Value, ValueObject, collectRefs } from '../values';
import { FunctionContext, FunctionTable, argError, asList, asObject, asString, compareCodePoints, fn, typeName } from './support';
import { wholeUnknown } from './collections';

function sortedKeys(o: ValueObject): string[] {
  return Object.keys(o).sort(compareCodePoints);
}

function keys(args: Value[], ctx: FunctionContext): Value {
  return wholeUnknown(args, ctx) ?? sortedKeys(asObject(args[0], 0));
}

function values(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const o = asObject(args[0], 0);
  return sortedKeys(o).map((k) => o[k]);
}

function lookup(args: Value[], ctx: FunctionContext): Value {
  const [map, key] = args;
  if (map instanceof Unknown || key instanceof Unknown) return new Unknown(ctx.callText, [...collectRefs(args)]);
  const o = asObject(map, 0);
  const k = asString(key, 1);
  if (Object.prototype.hasOwnProperty.call(o, k)) return o[k];
  if (args.length === 3) return args[2];
  throw argError(1, `lookup failed to find key ${JSON.stringify(k)}.`);
}

function merge(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const out: ValueObject = {};
  args.forEach((a, k) => {
    if (a === null) return;
    if (typeof a !== 'object' || Array.isArray(a)) {
      throw argError(k, `arguments must be maps or objects, got ${JSON.stringify(typeName(a))}.`);
    }
    for (const [key, v] of Object.entries(a)) {
      delete out[key]; // a later key moves to its new position, like a fresh assignment
      out[key] = v;
    }
  });
  return out;
}

function transpose(args: Value[]): ValueObject {
  const input = asObject(args[0], 0);
  const out: Record<string, string[]> = {};
  for (const key of sortedKeys(input)) {
    const list = input[key];
    if (list === null) throw argError(0, `the value for key ${JSON.stringify(key)} must not be null.`);
    for (const v of asList(list, 0)) {
      const s = asString(v, 0);
      (out[s] ??= []).push(key);
    }
  }
  const sorted: ValueObject = {};
  for (const k of Object.keys(out).sort(compareCodePoints)) sorted[k] = out[k];
  return sorted;
}

function zipmap(args: Value[]): ValueObject {
  const ks = asList(args[0], 0);
  const vs = asList(args[1], 1);
  if (ks.length !== vs.length) {
    throw argError(1, `number of keys (${ks.length}) does not match number of values (${vs.length}).`);
  }
  const out: ValueObject = {};
  ks.forEach((k, i) => {
    if (k === null) throw argError(0, 'keys list must not contain null values.');
    out[asString(k, 0)] = vs[i];
  });
  return out;
}

export const mapFunctions: FunctionTable = {
  keys: fn(1, 1, keys, true),
  lookup: fn(2, 3, lookup, true),
  merge: fn(0, Infinity, merge, true),
  transpose: fn(1, 1, transpose),
  values: fn(1, 1, values, true),
  zipmap: fn(2, 2, zipmap),
};
