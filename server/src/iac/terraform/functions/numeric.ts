// Numeric functions: abs ceil floor log max min parseint pow signum.
import { Value } from '../values';
import { FunctionError, FunctionTable, argError, asInteger, asNumber, asString, fn } from './support';

function extreme(args: Value[], pick: (a: number, b: number) => number): number {
  if (args.length === 0) throw new FunctionError('Invalid function argument: must pass at least one number.');
  return args.map((a, k) => asNumber(a, k)).reduce((x, y) => pick(x, y));
}

/** Digit value in big.Int's alphabet: 0-9, then a-z, then (bases above 36) A-Z. */
function digitValue(ch: string, base: number): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return base <= 36 ? c - 65 + 10 : c - 65 + 36;
  return Infinity;
}

function parseint(args: Value[]): number {
  const text = asString(args[0], 0);
  const base = asInteger(args[1], 1);
  if (base < 2 || base > 62) throw argError(1, `base must be a whole number between 2 and 62 inclusive.`);
  const m = /^([-+]?)(.+)$/s.exec(text);
  const fail = () => argError(0, `cannot parse ${JSON.stringify(text)} as a base ${base} integer.`);
  if (!m) throw fail();
  let result = 0n;
  for (const ch of m[2]) {
    const d = digitValue(ch, base);
    if (!(d < base)) throw fail();
    result = result * BigInt(base) + BigInt(d);
  }
  return Number(m[1] === '-' ? -result : result);
}

function log(args: Value[]): number {
  const n = asNumber(args[0], 0);
  const base = asNumber(args[1], 1);
  return Math.log(n) / Math.log(base);
}

export const numericFunctions: FunctionTable = {
  abs: fn(1, 1, (a) => Math.abs(asNumber(a[0], 0))),
  ceil: fn(1, 1, (a) => Math.ceil(asNumber(a[0], 0))),
  floor: fn(1, 1, (a) => Math.floor(asNumber(a[0], 0))),
  log: fn(2, 2, log),
  max: fn(0, Infinity, (a) => extreme(a, Math.max)),
  min: fn(0, Infinity, (a) => extreme(a, Math.min)),
  parseint: fn(2, 2, parseint),
  pow: fn(2, 2, (a) => Math.pow(asNumber(a[0], 0), asNumber(a[1], 1))),
  signum: fn(1, 1, (a) => Math.sign(asNumber(a[0], 0)) || 0),
};
