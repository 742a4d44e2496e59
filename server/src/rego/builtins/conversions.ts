// Types and conversions: is_*, type_name, to_number, the deprecated cast_* builtins, numbers.range,
// rand.intn.

import { isArray, isObject, isSet, ObjectValue, SetValue } from '../value/collections';
import { BigFloat, intNumber, parseLooseNumber, parseNumber } from '../value/number';
import { goQuote } from '../value/format';
import type { RegoValue } from '../value/types';
import { bigInt, builtinError, def, int, isNumber, n, operandError, str, T, typeError, typeName } from './support';
import type { Builtin } from './types';

const is = (name: string, kind: string, test: (v: RegoValue) => boolean): Builtin =>
  def(name, 'types', [['x', T.any]], ['result', T.boolean], `True if x is ${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}, false otherwise.`,
    (args) => test(args[0])); // indexed: `([v])` allocates an iterator in baseline code

function toNumber(v: RegoValue): RegoValue {
  if (v === null) return n(0);
  if (typeof v === 'boolean') return n(v ? 1 : 0);
  if (isNumber(v)) return v;
  if (typeof v !== 'string') throw operandError(1, v, 'null', 'boolean', 'number', 'string');
  const exact = parseNumber(v);
  if (exact) return exact;
  // Go's ParseFloat accepts NaN and infinities; OPA rejects them as not representable.
  if (/^[+-]?(?:nan|inf|infinity)$/i.test(v)) throw typeError(`operand 1 must be a finite number but got ${goQuote(v)}`);
  const loose = parseLooseNumber(v);
  if (!loose) throw builtinError(`strconv.ParseFloat: parsing ${goQuote(v)}: invalid syntax`);
  // Print loose forms (`+1`, `.5`, `007`) canonically so the result is valid JSON.
  return BigFloat.fromNumber(loose).toRegoNumber();
}

const MAX_RANGE = 10_000_000n;

/** numbers.range / range_step: integers from a to b inclusive, ascending or descending. */
function range(a: bigint, b: bigint, step: bigint): RegoValue[] {
  const count = (a <= b ? b - a : a - b) / step + 1n;
  // A guard against exhausting memory; OPA has no limit (a deliberate difference).
  if (count > MAX_RANGE) throw builtinError(`range too large: ${count} elements (limit ${MAX_RANGE})`);
  const out: RegoValue[] = [];
  if (a <= b) for (let i = a; i <= b; i += step) out.push(intNumber(i));
  else for (let i = a; i >= b; i -= step) out.push(intNumber(i));
  return out;
}

/** A deterministic per-query random integer: OPA caches rand.intn per (str, n) within a query. */
function randIntn(key: string, max: number, cache: Map<string, RegoValue>): RegoValue {
  const cacheKey = `rand.intn:${key}:${max}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const value = max === 0 ? n(0) : n(Math.floor(Math.random() * Math.abs(max)));
  cache.set(cacheKey, value);
  return value;
}

export const conversionBuiltins: Builtin[] = [
  is('is_number', 'number', isNumber),
  is('is_string', 'string', (v) => typeof v === 'string'),
  is('is_boolean', 'boolean', (v) => typeof v === 'boolean'),
  is('is_array', 'array', isArray),
  is('is_set', 'set', isSet),
  is('is_object', 'object', isObject),
  is('is_null', 'null', (v) => v === null),
  def('type_name', 'types', [['x', T.any]], ['type', T.string], 'The type of x: null, boolean, number, string, array, object or set.',
    ([v]) => typeName(v)),
  def('to_number', 'conversions', [['x', T.union(T.null, T.boolean, T.number, T.string)]], ['num', T.number],
    'Converts null (0), booleans (0/1), numbers and numeric strings to a number.', ([v]) => toNumber(v)),
  def('cast_array', 'conversions', [['x', T.any]], ['y', T.array()], 'Deprecated: converts a set or array to an array.',
    ([v]) => {
      if (isArray(v)) return v;
      if (isSet(v)) return [...v.values()];
      throw operandError(1, v, 'array', 'set');
    }, { deprecated: true }),
  def('cast_set', 'conversions', [['x', T.any]], ['y', T.set()], 'Deprecated: converts an array or set to a set.',
    ([v]) => {
      if (isSet(v)) return v;
      if (isArray(v)) return new SetValue(v);
      throw operandError(1, v, 'array', 'set');
    }, { deprecated: true }),
  def('cast_string', 'conversions', [['x', T.any]], ['y', T.string], 'Deprecated: asserts x is a string.',
    ([v]) => str(v, 1), { deprecated: true }),
  def('cast_boolean', 'conversions', [['x', T.any]], ['y', T.boolean], 'Deprecated: asserts x is a boolean.',
    ([v]) => {
      if (typeof v !== 'boolean') throw operandError(1, v, 'boolean');
      return v;
    }, { deprecated: true }),
  def('cast_null', 'conversions', [['x', T.any]], ['y', T.null], 'Deprecated: asserts x is null.',
    ([v]) => {
      if (v !== null) throw operandError(1, v, 'null');
      return null;
    }, { deprecated: true }),
  def('cast_object', 'conversions', [['x', T.any]], ['y', T.object()], 'Deprecated: asserts x is an object.',
    ([v]) => {
      if (!isObject(v)) throw operandError(1, v, 'object');
      return v instanceof ObjectValue ? v : new ObjectValue(v.entries());
    }, { deprecated: true }),
  def('numbers.range', 'numbers', [['a', T.number], ['b', T.number]], ['range', T.array(T.number)],
    'The integers from a to b inclusive (descending when b < a).',
    ([a, b]) => range(bigInt(a, 1), bigInt(b, 2), 1n)),
  def('numbers.range_step', 'numbers', [['a', T.number], ['b', T.number], ['step', T.number]], ['range', T.array(T.number)],
    'The integers from a towards b (inclusive when reached) in increments of step.',
    ([a, b, s]) => {
      const x = bigInt(a, 1);
      const y = bigInt(b, 2);
      const step = bigInt(s, 3);
      if (step <= 0n) throw builtinError('step must be a positive integer');
      return range(x, y, step);
    }),
  def('rand.intn', 'numbers', [['str', T.string], ['n', T.number]], ['y', T.number],
    'A random integer in [0, n); the same (str, n) gives the same number within one query.',
    ([s, m], ctx) => randIntn(str(s, 1), int(m, 2), ctx.cache), { nondeterministic: true }),
];
