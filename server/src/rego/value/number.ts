// Arbitrary-precision Rego numbers with OPA's semantics.
//
// OPA keeps a number as its JSON text (json.Number). Arithmetic on small integers is exact; every other
// arithmetic result goes through Go's big.Float with a 64-bit mantissa (the precision SetString gives a
// decimal string) and is printed with Text('f', -1) when the result is integral and Text('g', -1)
// otherwise. `BigFloat` below reproduces that rounding and printing so results match OPA digit for digit.

import type { RegoNumber } from './types';

/** Mantissa bits of the big.Float values OPA computes with. */
const PRECISION = 64;
/** Decimal exponents beyond this are not expanded to exact integers (keeps `1e999999` cheap). */
const MAX_EXACT_EXPONENT = 4000;

const SMALL_INT_RE = /^-?(?:0|[1-9][0-9]{0,14})$/;
const NUMBER_RE = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** Go's strconv/big accept a few more forms (leading +, leading zeros, `.5`, `5.`); to_number uses them. */
const LOOSE_NUMBER_RE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

class NumberValue implements RegoNumber {
  readonly kind = 'number' as const;
  private floatCache: number | undefined;
  constructor(
    readonly text: string,
    readonly int: bigint | undefined,
  ) {}
  get float(): number {
    if (this.floatCache === undefined) this.floatCache = this.int !== undefined ? Number(this.int) : Number(this.text);
    return this.floatCache;
  }
}

const SMALL_INTS = 1024;
const smallInts: (RegoNumber | undefined)[] = [];

/** A number with an exact integer value. */
export function intNumber(i: bigint | number): RegoNumber {
  // Array indices come through here once per element iterated: small ones are shared (numbers are immutable).
  if (typeof i === 'number' && i >= 0 && i < SMALL_INTS && Number.isInteger(i)) return (smallInts[i] ??= new NumberValue(String(i), BigInt(i)));
  const big = typeof i === 'bigint' ? i : BigInt(i);
  return new NumberValue(big.toString(), big);
}

/** Parses JSON/Rego number text (strict JSON grammar). The text is kept as OPA keeps it. */
export function parseNumber(text: string): RegoNumber | undefined {
  // Fast path for the common case: plain integers that fit a double exactly.
  if (SMALL_INT_RE.test(text)) return new NumberValue(text, BigInt(text));
  if (!NUMBER_RE.test(text)) return undefined;
  return new NumberValue(text, integralValue(text));
}

/** Parses number text the way Go's strconv.ParseFloat does (to_number, units.parse), keeping OPA's text. */
export function parseLooseNumber(text: string): RegoNumber | undefined {
  if (!LOOSE_NUMBER_RE.test(text)) return undefined;
  return new NumberValue(text, integralValue(text));
}

/** A number from a double, printed as Go's strconv.FormatFloat(f, 'g', -1, 64) (OPA's FloatNumberTerm). */
export function floatNumber(f: number): RegoNumber | undefined {
  if (!Number.isFinite(f)) return undefined;
  const text = goFormatFloat64(f);
  return new NumberValue(text, integralValue(text));
}

function goFormatFloat64(f: number): string {
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  return formatG({ neg: f < 0, digits: digits.replace(/0+$/, '') || '0', dp: exp + 1 });
}

// ---------------------------------------------------------------------------------------------
// Exact decimal view of number text: value = coef * 10^exp10.

export interface Decimal {
  coef: bigint;
  exp10: number;
}

export function decimalOf(text: string): Decimal {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return { coef: 0n, exp10: 0 };
  const frac = m[3] ?? '';
  const digits = (m[2] + frac).replace(/^0+(?=.)/, '') || '0';
  let coef = BigInt(digits);
  if (m[1] === '-') coef = -coef;
  const e = m[4] ? Number(m[4]) : 0;
  return { coef, exp10: (Number.isFinite(e) ? e : Math.sign(e) * 1e9) - frac.length };
}

/** Decimal with trailing zeros moved into the exponent (a canonical form for equality). */
export function normalizeDecimal(d: Decimal): Decimal {
  if (d.coef === 0n) return { coef: 0n, exp10: 0 };
  let { coef, exp10 } = d;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp10++;
  }
  return { coef, exp10 };
}

function integralValue(text: string): bigint | undefined {
  const d = normalizeDecimal(decimalOf(text));
  if (d.exp10 < 0) return undefined;
  if (d.exp10 > MAX_EXACT_EXPONENT) return undefined;
  return d.coef * 10n ** BigInt(d.exp10);
}

/** Exact comparison of two numbers (-1, 0, 1). */
export function compareNumbers(a: RegoNumber, b: RegoNumber): number {
  if (a.int !== undefined && b.int !== undefined) return a.int < b.int ? -1 : a.int > b.int ? 1 : 0;
  const da = decimalOf(a.text);
  const db = decimalOf(b.text);
  const sa = sign(da.coef);
  const sb = sign(db.coef);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  // Compare magnitudes cheaply by decimal order of magnitude before scaling.
  const magA = da.coef.toString().replace('-', '').length + da.exp10;
  const magB = db.coef.toString().replace('-', '').length + db.exp10;
  if (magA !== magB) return (magA < magB ? -1 : 1) * sa;
  const e = Math.min(da.exp10, db.exp10);
  const x = da.coef * 10n ** BigInt(da.exp10 - e);
  const y = db.coef * 10n ** BigInt(db.exp10 - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function numbersEqual(a: RegoNumber, b: RegoNumber): boolean {
  return compareNumbers(a, b) === 0;
}

/** Canonical key text for set/object lookup: numerically equal numbers share a key. */
export function numberKey(n: RegoNumber): string {
  if (n.int !== undefined) return n.int.toString();
  const d = normalizeDecimal(decimalOf(n.text));
  return `${d.coef}e${d.exp10}`;
}

function sign(x: bigint): number {
  return x < 0n ? -1 : x > 0n ? 1 : 0;
}

export function isInteger(n: RegoNumber): boolean {
  return n.int !== undefined;
}

// ---------------------------------------------------------------------------------------------
// BigFloat: sign * mant * 2^exp, mant < 2^PRECISION, rounded to nearest even like big.Float.

export class BigFloat {
  private constructor(
    readonly neg: boolean,
    readonly mant: bigint,
    readonly exp: number,
  ) {}

  static zero = new BigFloat(false, 0n, 0);

  static fromBigInt(i: bigint): BigFloat {
    return BigFloat.round(i < 0n, i < 0n ? -i : i, 0, false);
  }

  static fromNumber(n: RegoNumber): BigFloat {
    if (n.int !== undefined) return BigFloat.fromBigInt(n.int);
    return BigFloat.fromDecimal(decimalOf(n.text));
  }

  static fromDecimal(d: Decimal): BigFloat {
    const neg = d.coef < 0n;
    const coef = neg ? -d.coef : d.coef;
    if (coef === 0n) return BigFloat.zero;
    if (d.exp10 >= 0) return BigFloat.round(neg, coef * 10n ** BigInt(d.exp10), 0, false);
    return BigFloat.fromRational(neg, coef, 10n ** BigInt(-d.exp10), 0);
  }

  /** Rounds p/q * 2^exp to PRECISION bits. */
  private static fromRational(neg: boolean, p: bigint, q: bigint, exp: number): BigFloat {
    if (p === 0n) return BigFloat.zero;
    const shift = PRECISION + 2 - (bitLength(p) - bitLength(q));
    if (shift > 0) p <<= BigInt(shift);
    else q <<= BigInt(-shift);
    const quot = p / q;
    const sticky = p % q !== 0n;
    return BigFloat.round(neg, quot, exp - shift, sticky);
  }

  private static round(neg: boolean, mant: bigint, exp: number, sticky: boolean): BigFloat {
    if (mant === 0n) return BigFloat.zero;
    const excess = bitLength(mant) - PRECISION;
    if (excess > 0) {
      const dropped = mant & ((1n << BigInt(excess)) - 1n);
      mant >>= BigInt(excess);
      exp += excess;
      const half = 1n << BigInt(excess - 1);
      if (dropped > half || (dropped === half && (sticky || (mant & 1n) === 1n))) {
        mant += 1n;
      }
      if (bitLength(mant) > PRECISION) {
        mant >>= 1n;
        exp += 1;
      }
    }
    // Keep a canonical form: strip trailing zero bits.
    while (mant !== 0n && (mant & 1n) === 0n) {
      mant >>= 1n;
      exp += 1;
    }
    return new BigFloat(neg, mant, exp);
  }

  isZero(): boolean {
    return this.mant === 0n;
  }

  private signed(): bigint {
    return this.neg ? -this.mant : this.mant;
  }

  add(o: BigFloat): BigFloat {
    if (this.isZero()) return o;
    if (o.isZero()) return this;
    const e = Math.min(this.exp, o.exp);
    const sum = (this.signed() << BigInt(this.exp - e)) + (o.signed() << BigInt(o.exp - e));
    return BigFloat.round(sum < 0n, sum < 0n ? -sum : sum, e, false);
  }

  neg_(): BigFloat {
    return this.isZero() ? this : new BigFloat(!this.neg, this.mant, this.exp);
  }

  sub(o: BigFloat): BigFloat {
    return this.add(o.neg_());
  }

  mul(o: BigFloat): BigFloat {
    return BigFloat.round(this.neg !== o.neg, this.mant * o.mant, this.exp + o.exp, false);
  }

  /** Caller checks for a zero divisor. */
  quo(o: BigFloat): BigFloat {
    return BigFloat.fromRational(this.neg !== o.neg, this.mant, o.mant, this.exp - o.exp);
  }

  abs(): BigFloat {
    return this.neg ? this.neg_() : this;
  }

  cmp(o: BigFloat): number {
    const d = this.sub(o);
    return d.isZero() ? 0 : d.neg ? -1 : 1;
  }

  isInt(): boolean {
    return this.exp >= 0 || this.mant === 0n;
  }

  /** Truncates toward zero (big.Float.Int). */
  trunc(): bigint {
    const v = this.exp >= 0 ? this.mant << BigInt(this.exp) : this.mant >> BigInt(-this.exp);
    return this.neg ? -v : v;
  }

  toDouble(): number {
    return Number(this.toText());
  }

  /** OPA's FloatToNumber: Text('f', -1) for integral values, Text('g', -1) otherwise. */
  toRegoNumber(): RegoNumber {
    const text = this.toText();
    return new NumberValue(text, this.isInt() ? BigInt(text) : undefined);
  }

  toText(): string {
    if (this.isZero()) return '0';
    const digits = this.shortestDigits();
    return this.isInt() ? formatF(digits) : formatG(digits);
  }

  /** Shortest decimal digits that round back to this value at PRECISION bits (Go's roundShortest). */
  private shortestDigits(): DecimalDigits {
    const exact = exactDecimal(this.mant, this.exp, this.neg);
    // Mantissa with PRECISION+1 bits so its lsb is half an ulp.
    let mant = this.mant;
    let exp = this.exp;
    const s = bitLength(mant) - (PRECISION + 1);
    if (s < 0) {
      mant <<= BigInt(-s);
      exp += s;
    }
    const lower = exactDecimal(mant - 1n, exp);
    const upper = exactDecimal(mant + 1n, exp);
    const inclusive = (mant & 2n) === 0n;
    const d = exact.digits;
    // Align digit positions: lower/upper may have a different decimal point.
    const at = (x: DecimalDigits, i: number): number => {
      const j = i - (exact.dp - x.dp);
      return j >= 0 && j < x.digits.length ? x.digits.charCodeAt(j) - 48 : 0;
    };
    const lowerEnd = lower.digits.length + (exact.dp - lower.dp);
    const upperEnd = upper.digits.length + (exact.dp - upper.dp);
    for (let i = 0; i < d.length; i++) {
      const m = d.charCodeAt(i) - 48;
      const l = at(lower, i);
      const u = at(upper, i);
      const okDown = l !== m || (inclusive && i + 1 === lowerEnd);
      const okUp = m !== u && (inclusive || m + 1 < u || i + 1 < upperEnd);
      if (okDown && okUp) return roundDigits(exact, i + 1, 'nearest');
      if (okDown) return roundDigits(exact, i + 1, 'down');
      if (okUp) return roundDigits(exact, i + 1, 'up');
    }
    return exact;
  }
}

interface DecimalDigits {
  neg: boolean;
  /** Significant digits, no leading/trailing zeros. */
  digits: string;
  /** Position of the decimal point relative to the first digit. */
  dp: number;
}

/** Exact decimal digits of mant × 2^exp (shared with sprintf's float formatting). */
export function exactDecimal(mant: bigint, exp: number, neg = false): DecimalDigits {
  let text: string;
  let dp: number;
  if (exp >= 0) {
    text = (mant << BigInt(exp)).toString();
    dp = text.length;
  } else {
    text = (mant * 5n ** BigInt(-exp)).toString();
    dp = text.length + exp;
  }
  const trimmed = text.replace(/0+$/, '');
  return { neg, digits: trimmed, dp };
}

function roundDigits(x: DecimalDigits, n: number, mode: 'nearest' | 'down' | 'up'): DecimalDigits {
  if (n >= x.digits.length) return x;
  let up = mode === 'up';
  if (mode === 'nearest') {
    const c = x.digits.charCodeAt(n) - 48;
    if (c === 5 && n + 1 === x.digits.length) up = n > 0 && (x.digits.charCodeAt(n - 1) - 48) % 2 === 1;
    else up = c >= 5;
  }
  let head = x.digits.slice(0, n);
  let dp = x.dp;
  if (up) {
    let i = head.length - 1;
    while (i >= 0 && head[i] === '9') i--;
    if (i < 0) {
      head = '1';
      dp += 1;
    } else {
      head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1);
    }
  }
  head = head.replace(/0+$/, '');
  return { neg: x.neg, digits: head || '0', dp };
}

function formatF(d: DecimalDigits): string {
  let out: string;
  if (d.dp <= 0) out = '0.' + '0'.repeat(-d.dp) + d.digits;
  else if (d.dp >= d.digits.length) out = d.digits + '0'.repeat(d.dp - d.digits.length);
  else out = d.digits.slice(0, d.dp) + '.' + d.digits.slice(d.dp);
  return (d.neg ? '-' : '') + out;
}

/** Go's %g with shortest precision (big.Float.Text and strconv alike): exponent form when exp < -4 || exp >= 6. */
function formatG(d: DecimalDigits): string {
  const exp = d.dp - 1;
  if (exp < -4 || exp >= 6) {
    const mant = d.digits.length > 1 ? d.digits[0] + '.' + d.digits.slice(1) : d.digits;
    const e = Math.abs(exp);
    return `${d.neg ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return formatF(d);
}

export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic with OPA's rules.

function smallInt(n: RegoNumber): bigint | undefined {
  return n.int !== undefined && n.int > -1000n && n.int < 1000n ? n.int : undefined;
}

export function add(a: RegoNumber, b: RegoNumber): RegoNumber {
  const x = smallInt(a);
  const y = smallInt(b);
  if (x !== undefined && y !== undefined) return intNumber(x + y);
  return BigFloat.fromNumber(a).add(BigFloat.fromNumber(b)).toRegoNumber();
}

export function subtract(a: RegoNumber, b: RegoNumber): RegoNumber {
  const x = smallInt(a);
  const y = smallInt(b);
  if (x !== undefined && y !== undefined) return intNumber(x - y);
  return BigFloat.fromNumber(a).sub(BigFloat.fromNumber(b)).toRegoNumber();
}

export function multiply(a: RegoNumber, b: RegoNumber): RegoNumber {
  const x = smallInt(a);
  const y = smallInt(b);
  if (x !== undefined && y !== undefined) return intNumber(x * y);
  return BigFloat.fromNumber(a).mul(BigFloat.fromNumber(b)).toRegoNumber();
}

/** Returns an error message (OPA's) instead of a number for a zero divisor. */
export function divide(a: RegoNumber, b: RegoNumber): RegoNumber | string {
  const divisor = BigFloat.fromNumber(b);
  if (divisor.isZero()) return 'divide by zero';
  return BigFloat.fromNumber(a).quo(divisor).toRegoNumber();
}

/** Integer remainder (Go's big.Int.Rem: sign follows the dividend). */
export function remainder(a: RegoNumber, b: RegoNumber): RegoNumber | string {
  if (a.int === undefined || b.int === undefined) return 'modulo on floating-point number';
  if (b.int === 0n) return 'modulo by zero';
  return intNumber(a.int % b.int);
}

export function abs(a: RegoNumber): RegoNumber {
  if (a.int !== undefined) return intNumber(a.int < 0n ? -a.int : a.int);
  return BigFloat.fromNumber(a).abs().toRegoNumber();
}

/** round(): half away from zero. */
export function round(a: RegoNumber): RegoNumber {
  if (a.int !== undefined) return a;
  const f = BigFloat.fromNumber(a);
  const half = BigFloat.fromDecimal({ coef: 5n, exp10: -1 });
  return intNumber((f.neg ? f.sub(half) : f.add(half)).trunc());
}

export function ceil(a: RegoNumber): RegoNumber {
  if (a.int !== undefined) return a;
  const f = BigFloat.fromNumber(a);
  const t = f.trunc();
  return intNumber(f.neg || f.isInt() ? t : t + 1n);
}

export function floor(a: RegoNumber): RegoNumber {
  if (a.int !== undefined) return a;
  const f = BigFloat.fromNumber(a);
  const t = f.trunc();
  return intNumber(!f.neg || f.isInt() ? t : t - 1n);
}

export const ZERO = intNumber(0n);
export const ONE = intNumber(1n);
