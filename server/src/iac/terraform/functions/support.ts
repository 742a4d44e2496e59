// Shared machinery for the built-in function library: the calling contract, argument coercion
// with Terraform's automatic conversions, value equality, set ordering and number printing.
import type { FileHost } from '../../model';
import { Unknown, Value, ValueObject, isObject } from '../values';

export interface FunctionContext {
  /** Absolute dir of the module being evaluated (for file(), templatefile(), fileset()). */
  moduleDir: string;
  /** Read-only file access (never node:fs). */
  host: FileHost;
  /** Source text of the call expression, used as Unknown.expr for unknown results. */
  callText: string;
  /** Provided by the evaluator for templatefile(): renders template text with the given variables. */
  renderTemplate(templateText: string, templatePath: string, vars: ValueObject): Value;
}

/** An arity or type problem; the evaluator turns it into a diagnostic and an Unknown. */
export class FunctionError extends Error {
  readonly argIndex?: number;

  constructor(message: string, argIndex?: number) {
    // Thrown routinely inside try()/can(), and never shown with a stack: skip capturing one,
    // which costs more than the rest of the call.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.argIndex = argIndex;
    this.name = 'FunctionError';
  }
}

export interface FunctionSpec {
  /** Fewest arguments accepted. */
  min: number;
  /** Most arguments accepted (Infinity for variadic functions). */
  max: number;
  /** When true the implementation sees Unknown arguments itself instead of the generic rule. */
  unknownAware?: boolean;
  /** Result is always unknown (impure or plan-time functions); arguments are still arity-checked. */
  alwaysUnknown?: string;
  call(args: Value[], ctx: FunctionContext): Value;
}

export type FunctionTable = Record<string, FunctionSpec>;

export function fn(min: number, max: number, call: FunctionSpec['call'], unknownAware = false): FunctionSpec {
  return { min, max, call, unknownAware };
}

/** A bad argument, worded as Terraform summarises it ("Invalid function argument: …"). */
export function argError(index: number, message: string): FunctionError {
  return new FunctionError(`Invalid function argument: ${message}`, index);
}

/** Results larger than this (characters or elements) are refused rather than built. */
export const MAX_RESULT_SIZE = 1_000_000;

export function checkSize(size: number, what: string): void {
  if (size > MAX_RESULT_SIZE) throw new FunctionError(`Invalid function argument: the ${what} would be too large (${size} elements).`);
}

// ---------------------------------------------------------------------------------------------
// Type names and coercion (Terraform converts primitives freely: 1 → "1", "true" → true).

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'unknown';
  if (Array.isArray(v)) return 'tuple';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function notNull(v: Value, i: number): void {
  if (v === null) throw argError(i, `argument ${i + 1} must not be null.`);
}

export function asString(v: Value, i: number): string {
  notNull(v, i);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw argError(i, `string required, but have ${typeName(v)}.`);
}

export function asNumber(v: Value, i: number): number {
  notNull(v, i);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumberString(v);
    if (n !== undefined) return n;
    throw argError(i, `a number is required.`);
  }
  throw argError(i, `number required, but have ${typeName(v)}.`);
}

/** Terraform's string → number conversion: decimal, optional sign, fraction and exponent. */
export function parseNumberString(s: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function asInteger(v: Value, i: number): number {
  const n = asNumber(v, i);
  if (!Number.isInteger(n)) throw argError(i, `value must be a whole number, got ${formatNumber(n)}.`);
  return n;
}

export function asBool(v: Value, i: number): boolean {
  notNull(v, i);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw argError(i, `bool required, but have ${typeName(v)}.`);
}

export function asList(v: Value, i: number): Value[] {
  notNull(v, i);
  if (Array.isArray(v)) return v;
  throw argError(i, `list, set or tuple required, but have ${typeName(v)}.`);
}

export function asObject(v: Value, i: number): ValueObject {
  notNull(v, i);
  if (isObject(v)) return v;
  throw argError(i, `map or object required, but have ${typeName(v)}.`);
}

export function asStringList(v: Value, i: number): string[] {
  return asList(v, i).map((x) => {
    if (x === null) throw argError(i, `element of argument ${i + 1} must not be null.`);
    return asString(x, i);
  });
}

// ---------------------------------------------------------------------------------------------
// Numbers as Terraform prints them: cty renders big.Float with Text('f', -1), i.e. the shortest
// decimal that round-trips, never in exponent notation.

/** Shortest round-trip decimal digits of a finite number: value = 0.DIGITS × 10^point. */
export interface DecimalDigits {
  negative: boolean;
  digits: string; // no leading or trailing zeros; "" for zero
  point: number;
}

export function decimalDigits(n: number): DecimalDigits {
  const negative = n < 0 || Object.is(n, -0);
  const text = Math.abs(n).toExponential(); // shortest round-trip digits, e.g. "1.2345e+3"
  const [mantissa, exponent] = text.split('e');
  let digits = mantissa.replace('.', '');
  let point = Number(exponent) + 1;
  digits = digits.replace(/0+$/, '');
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  point -= lead;
  if (digits === '') point = 0;
  return { negative: negative && digits !== '', digits, point };
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Number.isSafeInteger(n)) return String(n);
  const d = decimalDigits(n);
  if (d.digits === '') return '0';
  let body: string;
  if (d.point <= 0) body = '0.' + '0'.repeat(-d.point) + d.digits;
  else if (d.point >= d.digits.length) body = d.digits + '0'.repeat(d.point - d.digits.length);
  else body = d.digits.slice(0, d.point) + '.' + d.digits.slice(d.point);
  return (d.negative ? '-' : '') + body;
}

// ---------------------------------------------------------------------------------------------
// Equality and sets.

export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, k) => valuesEqual(x, b[k]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && valuesEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Terraform set semantics: distinct elements in cty's set order — strings lexically (by UTF-8
 * bytes, which equals code point order), numbers numerically, false before true. Mixed primitive
 * elements unify to strings first (toset(["a", 1]) is a set of strings). Other element types keep
 * first-seen order, since cty orders them by hash, which nothing may rely on.
 */
export function makeSet(values: Value[]): Value[] {
  let elements = values;
  const kinds = new Set(elements.filter((v) => v !== null).map((v) => typeof v));
  const primitive = [...kinds].every((k) => k === 'string' || k === 'number' || k === 'boolean');
  if (primitive && kinds.size > 1) {
    elements = elements.map((v) => (v === null ? null : asString(v, 0)));
  }
  const out: Value[] = [];
  for (const v of elements) if (!out.some((x) => valuesEqual(x, v))) out.push(v);
  if (primitive) out.sort(comparePrimitive);
  return out;
}

export function comparePrimitive(a: Value, b: Value): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareCodePoints(String(a), String(b));
}

/** Orders strings by Unicode code point (UTF-16 comparison misorders astral characters). */
export function compareCodePoints(a: string, b: string): number {
  // By index: the string iterator allocated a result and a one-character string per step, and
  // sorts call this O(n log n) times. A lone surrogate counts as one code point, as it iterates.
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Characters: Terraform measures strings in grapheme clusters (Unicode text segmentation).

// Made on first use: creating it costs ~20 ms of CPU (ICU data) in every thread that loads this
// module, and a whole scan of the real-terraform corpus never needs it.
let graphemeSegmenter: Intl.Segmenter | null | undefined;

export function characters(s: string): string[] {
  graphemeSegmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (graphemeSegmenter) return Array.from(graphemeSegmenter.segment(s), (seg) => seg.segment);
  return Array.from(s);
}
