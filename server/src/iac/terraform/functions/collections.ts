// List and general collection functions. Maps and sets are in maps.ts and sets.ts.
// Unknown-aware functions (length, concat, coalesce, coalescelist, element, one, reverse, slice,
// alltrue, anytrue, contains) keep working when only some elements are unknown, as Terraform
// does; the rest rely on the registry's rule (any unknown inside → unknown result).
import { Unknown, Value, collectRefs, containsUnknown as containsUnknownValue, isObject } from '../values';
import {
  FunctionContext,
  FunctionError,
  FunctionTable,
  argError,
  asBool,
  asInteger,
  asList,
  asNumber,
  asString,
  checkSize,
  characters,
  comparePrimitive,
  fn,
  typeName,
  valuesEqual,
} from './support';

/** The Unknown to return when any of `values` is itself (not merely containing) an Unknown. */
export function wholeUnknown(values: Value[], ctx: FunctionContext): Unknown | undefined {
  if (!values.some((v) => v instanceof Unknown)) return undefined;
  return new Unknown(ctx.callText, [...collectRefs(values)]);
}

function length(args: Value[], ctx: FunctionContext): Value {
  const v = args[0];
  if (v instanceof Unknown) return wholeUnknown(args, ctx)!;
  if (v === null) throw argError(0, 'argument must not be null.');
  if (typeof v === 'string') return characters(v).length;
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  throw argError(0, `argument must be a string, a collection type, or a structural type, not ${typeName(v)}.`);
}

function truthy(v: Value, k: number): boolean {
  if (v === null) return false;
  return asBool(v, k);
}

/** alltrue/anytrue: a known deciding element settles the answer even if others are unknown. */
function allOrAny(args: Value[], ctx: FunctionContext, want: boolean): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const list = asList(args[0], 0);
  for (const v of list) if (!(v instanceof Unknown) && truthy(v, 0) === want) return want;
  if (list.some((v) => v instanceof Unknown)) return new Unknown(ctx.callText, [...collectRefs(list)]);
  return !want;
}

/** contains(): a known match is enough; otherwise an unknown element leaves the answer open. */
function contains(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  if (containsUnknownValue(args[1])) return new Unknown(ctx.callText, [...collectRefs(args)]);
  const list = asList(args[0], 0);
  if (list.some((v) => looseEqual(v, args[1]))) return true;
  return list.some(containsUnknownValue) ? new Unknown(ctx.callText, [...collectRefs(list)]) : false;
}

function chunklist(args: Value[]): Value[] {
  const list = asList(args[0], 0);
  const size = asInteger(args[1], 1);
  if (size < 0) throw argError(1, 'the size argument must be positive.');
  if (size === 0) return [list];
  const out: Value[] = [];
  for (let k = 0; k < list.length; k += size) out.push(list.slice(k, k + size));
  return out;
}

/** First argument that is neither null nor "", converted to the arguments' common type. */
function coalesce(args: Value[], ctx: FunctionContext): Value {
  const anyString = args.some((a) => typeof a === 'string');
  for (const a of args) {
    if (a instanceof Unknown) return new Unknown(ctx.callText, [...collectRefs(args)]);
    if (a === null || a === '') continue;
    return anyString && (typeof a === 'number' || typeof a === 'boolean') ? asString(a, 0) : a;
  }
  throw new FunctionError('Invalid function argument: no non-null, non-empty-string arguments.');
}

function coalescelist(args: Value[], ctx: FunctionContext): Value {
  if (args.length === 0) throw new FunctionError('Invalid function argument: at least one argument is required.');
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a instanceof Unknown) return new Unknown(ctx.callText, [...collectRefs(args)]);
    if (a === null) continue;
    if (asList(a, k).length > 0) return a;
  }
  throw new FunctionError('Invalid function argument: no non-null arguments.');
}

function compact(args: Value[]): Value[] {
  return asList(args[0], 0).filter((v) => v !== null && v !== '').map((v) => asString(v, 0));
}

function concat(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const out: Value[] = [];
  args.forEach((a, k) => out.push(...asList(a, k)));
  return out;
}

function element(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const list = asList(args[0], 0);
  const index = asInteger(args[1], 1);
  if (index < 0) throw argError(1, 'cannot use element function with a negative index.');
  if (list.length === 0) throw argError(0, 'cannot use element function with an empty list.');
  return list[index % list.length];
}

function flattenInto(list: Value[], out: Value[]): void {
  for (const v of list) {
    if (Array.isArray(v)) flattenInto(v, out);
    else out.push(v);
  }
}

function index(args: Value[]): number {
  const list = asList(args[0], 0);
  const k = list.findIndex((v) => looseEqual(v, args[1]));
  if (k < 0) throw argError(1, 'item not found.');
  return k;
}

function matchkeys(args: Value[]): Value[] {
  const values = asList(args[0], 0);
  const keys = asList(args[1], 1);
  const search = asList(args[2], 2);
  if (values.length !== keys.length) throw argError(1, 'length of keys and values should be equal.');
  return values.filter((_, k) => search.some((s) => looseEqual(s, keys[k])));
}

/** Equality after Terraform's primitive unification (matchkeys(["a"], [1], ["1"]) matches). */
function looseEqual(a: Value, b: Value): boolean {
  const prim = (v: Value) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (prim(a) && prim(b) && typeof a !== typeof b) return asString(a, 0) === asString(b, 0);
  return valuesEqual(a, b);
}

function one(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const list = asList(args[0], 0);
  if (list.length > 1) throw argError(0, 'must be a list, set, or tuple value with either zero or one elements.');
  return list.length === 0 ? null : list[0];
}

function range(args: Value[]): number[] {
  const nums = args.map((a, k) => asNumber(a, k));
  let start = 0;
  let limit: number;
  let step: number;
  if (nums.length === 1) limit = nums[0];
  else [start, limit] = nums;
  if (nums.length === 3) step = nums[2];
  else step = start <= limit ? 1 : -1;
  if (step === 0) throw argError(2, 'step must not be zero.');
  if (start < limit && step < 0) throw argError(2, 'step must be positive when start is less than limit.');
  if (start > limit && step > 0) throw argError(2, 'step must be negative when start is greater than limit.');
  const out: number[] = [];
  for (let v = start; step > 0 ? v < limit : v > limit; v += step) {
    if (out.length >= 1024) throw new FunctionError('Invalid function argument: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step.');
    out.push(v);
  }
  return out;
}

function slice(args: Value[], ctx: FunctionContext): Value {
  const known = knownLengthSlice(args, ctx);
  if (known) return known;
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  const list = asList(args[0], 0);
  const [start, end] = sliceBounds(args, list.length);
  return list.slice(start, end);
}

/**
 * slice()'s start and end, checked in Terraform's order; the end against the list's length only
 * when the length is known.
 */
function sliceBounds(args: Value[], length?: number): [number, number] {
  const start = asInteger(args[1], 1);
  const end = asInteger(args[2], 2);
  if (start < 0) throw argError(1, 'the starting index must not be negative.');
  if (length !== undefined && end > length) throw argError(2, 'the ending index must not be greater than the length of the list.');
  if (start > end) throw argError(1, 'the starting index must not be greater than the ending index.');
  return [start, end];
}

/**
 * slice() of an unknown list with known bounds has end - start elements or is an error, so the
 * result is that many unknown elements: `slice(data.aws_availability_zones.available.names, 0, 3)`,
 * the AZ list of most examples, keeps its length and what is counted over it (subnets per AZ,
 * `for` expressions, `length()`) stays known.
 */
function knownLengthSlice(args: Value[], ctx: FunctionContext): Value[] | undefined {
  if (!(args[0] instanceof Unknown) || args[1] instanceof Unknown || args[2] instanceof Unknown) return undefined;
  const [start, end] = sliceBounds(args);
  checkSize(end - start, 'list');
  const refs = args[0].refs;
  return Array.from({ length: end - start }, (_, k) => new Unknown(`${ctx.callText}[${k}]`, refs));
}

/** sort() converts elements to strings and orders them lexically. */
function sort(args: Value[]): string[] {
  const strings = asList(args[0], 0).map((v, k) => {
    if (v === null) throw argError(0, `given list element ${k} is null; a null collection cannot be sorted.`);
    return asString(v, 0);
  });
  return strings.sort(comparePrimitive);
}

function sum(args: Value[]): number {
  const list = asList(args[0], 0);
  if (list.length === 0) throw argError(0, 'cannot sum an empty list.');
  return list.reduce<number>((acc, v) => {
    if (v === null) throw argError(0, 'argument must be list, set, or tuple of number values without nulls.');
    return acc + asNumber(v, 0);
  }, 0);
}

function reverse(args: Value[], ctx: FunctionContext): Value {
  const unknown = wholeUnknown(args, ctx);
  if (unknown) return unknown;
  return [...asList(args[0], 0)].reverse();
}

export const collectionFunctions: FunctionTable = {
  alltrue: fn(1, 1, (a, ctx) => allOrAny(a, ctx, false), true),
  anytrue: fn(1, 1, (a, ctx) => allOrAny(a, ctx, true), true),
  chunklist: fn(2, 2, chunklist),
  coalesce: fn(0, Infinity, coalesce, true),
  coalescelist: fn(0, Infinity, coalescelist, true),
  compact: fn(1, 1, compact),
  concat: fn(0, Infinity, concat, true),
  contains: fn(2, 2, contains, true),
  distinct: fn(1, 1, (a) => asList(a[0], 0).filter((v, k, all) => all.findIndex((x) => valuesEqual(x, v)) === k)),
  element: fn(2, 2, element, true),
  flatten: fn(1, 1, (a) => {
    const out: Value[] = [];
    flattenInto(asList(a[0], 0), out);
    return out;
  }),
  index: fn(2, 2, index),
  length: fn(1, 1, length, true),
  matchkeys: fn(3, 3, matchkeys),
  one: fn(1, 1, one, true),
  range: fn(1, 3, range),
  reverse: fn(1, 1, reverse, true),
  slice: fn(3, 3, slice, true),
  sort: fn(1, 1, sort),
  sum: fn(1, 1, sum),
};

