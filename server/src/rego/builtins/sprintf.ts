// sprintf with Go's fmt semantics. OPA passes integers as int (or *big.Int beyond 64 bits), other
// numbers as float64, strings as string and every other value as its Rego term text (a string).

import { toRegoText, goQuote } from '../value/format';
import { arr, def, isNumber, str, T } from './support';
import type { Builtin } from './types';
import type { RegoValue } from '../value/types';
import { exactDecimal } from '../value/number';

type GoArg = { type: 'int' | 'big'; value: bigint } | { type: 'float64'; value: number } | { type: 'string'; value: string };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function toGoArg(v: RegoValue): GoArg {
  if (typeof v === 'string') return { type: 'string', value: v };
  if (isNumber(v)) {
    if (/^-?[0-9]+$/.test(v.text)) {
      const i = BigInt(v.text);
      return { type: i >= INT64_MIN && i <= INT64_MAX ? 'int' : 'big', value: i };
    }
    return { type: 'float64', value: v.float };
  }
  return { type: 'string', value: toRegoText(v) };
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

export function goSprintf(format: string, values: readonly RegoValue[]): string {
  const args = values.map(toGoArg);
  let argIndex = 0;
  let out = '';
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '-') spec.minus = true;
      else if (c === '+') spec.plus = true;
      else if (c === '#') spec.sharp = true;
      else if (c === ' ') spec.space = true;
      else if (c === '0') spec.zero = !spec.minus;
      else break;
    }
    const readNum = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argIndex++];
        return a && a.type === 'int' ? Number(a.value) : undefined;
      }
      const m = /^[0-9]+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = readNum();
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[i] === '.') {
      i++;
      spec.prec = readNum() ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argIndex++], verb, spec);
  }
  if (argIndex < args.length) {
    out += '%!(EXTRA ' + args.slice(argIndex).map((a) => `${goTypeName(a)}=${plain(a)}`).join(', ') + ')';
  }
  return out;
}

function goTypeName(a: GoArg): string {
  return a.type === 'big' ? '*big.Int' : a.type;
}

function plain(a: GoArg): string {
  if (a.type === 'string') return a.value;
  if (a.type === 'float64') return formatFloat(a.value, 'g', undefined, false);
  return a.value.toString();
}

function badVerb(a: GoArg, verb: string): string {
  return `%!${verb}(${a.type === 'big' ? 'big.Int' : a.type}=${plain(a)})`;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  const fill = w - len;
  if (spec.minus) return s + ' '.repeat(fill);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function signed(neg: boolean, body: string, spec: Spec): string {
  return (neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '') + body;
}

function formatArg(a: GoArg, verb: string, spec: Spec): string {
  if (a.type === 'string') {
    switch (verb) {
      case 'v':
      case 's':
        return pad(spec.prec !== undefined ? [...a.value].slice(0, spec.prec).join('') : a.value, spec, false);
      case 'q':
        return pad(spec.sharp && !a.value.includes('`') ? '`' + a.value + '`' : goQuote(a.value, spec.plus), spec, false);
      case 'x':
      case 'X': {
        const hex = Buffer.from(a.value, 'utf8').toString('hex');
        const h = verb === 'X' ? hex.toUpperCase() : hex;
        const bytes = h.match(/../g) ?? [];
        const pre = spec.sharp ? (verb === 'X' ? '0X' : '0x') : '';
        return pad(spec.space ? bytes.map((b) => pre + b).join(' ') : pre + h, spec, false);
      }
      default:
        return badVerb(a, verb);
    }
  }
  if (a.type === 'float64') {
    if ('eEfFgGv'.includes(verb)) {
      const v = verb === 'v' ? 'g' : verb;
      const neg = a.value < 0 || Object.is(a.value, -0);
      const body = formatFloat(Math.abs(a.value), v, spec.prec, spec.sharp);
      return pad(signed(neg, body, spec), spec, Number.isFinite(a.value));
    }
    return badVerb(a, verb);
  }
  const v = a.value;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const digitsWithPrec = (d: string): string => (spec.prec !== undefined && d.length < spec.prec ? '0'.repeat(spec.prec - d.length) + d : spec.prec === 0 && abs === 0n ? '' : d);
  const zeroSpec = spec.prec !== undefined ? { ...spec, zero: false } : spec;
  switch (verb) {
    case 'v':
    case 'd':
      return pad(signed(neg, digitsWithPrec(abs.toString()), spec), zeroSpec, true);
    case 'b':
      return pad(signed(neg, (spec.sharp ? '0b' : '') + digitsWithPrec(abs.toString(2)), spec), zeroSpec, true);
    case 'o':
      return pad(signed(neg, (spec.sharp ? '0' : '') + digitsWithPrec(abs.toString(8)), spec), zeroSpec, true);
    case 'O':
      return pad(signed(neg, '0o' + digitsWithPrec(abs.toString(8)), spec), zeroSpec, true);
    case 'x':
    case 'X': {
      const h = digitsWithPrec(abs.toString(16));
      const body = (spec.sharp ? '0x' : '') + h;
      return pad(signed(neg, verb === 'X' ? body.toUpperCase() : body, spec), zeroSpec, true);
    }
    case 'c':
      return a.type === 'int' ? pad(String.fromCodePoint(Number(v) >= 0 && Number(v) <= 0x10ffff ? Number(v) : 0xfffd), spec, false) : badVerb(a, verb);
    case 'q':
      return a.type === 'int' ? pad("'" + goQuote(String.fromCodePoint(Number(v) >= 0 && Number(v) <= 0x10ffff ? Number(v) : 0xfffd)).slice(1, -1).replace(/\\"/g, '"') + "'", spec, false) : badVerb(a, verb);
    case 'U':
      return a.type === 'int' ? pad('U+' + abs.toString(16).toUpperCase().padStart(4, '0'), spec, false) : badVerb(a, verb);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      if (a.type === 'int') return badVerb(a, verb);
      return badVerb(a, verb);
    default:
      return badVerb(a, verb);
  }
}

// ---------------------------------------------------------------------------------------------
// Float formatting with exact decimal expansion and round-half-even (Go's strconv).

interface Digits {
  d: string;
  dp: number;
}

/** Exact decimal digits of a finite non-negative double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '0', dp: 1 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (e === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = e - 1075;
  }
  const { digits, dp } = exactDecimal(mant, exp);
  return { d: digits || '0', dp };
}

/** Shortest round-trip digits (same digits Go's shortest mode produces). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '0', dp: 1 };
  const [m, e] = x.toExponential().split('e');
  return { d: m.replace('.', '').replace(/0+$/, '') || '0', dp: Number(e) + 1 };
}

/** Rounds to n significant digits, half to even on exact ties. */
function roundTo(x: Digits, n: number): Digits {
  if (n < 0) return { d: '0', dp: x.dp };
  if (x.d.length <= n) return x;
  const next = x.d.charCodeAt(n) - 48;
  let up: boolean;
  if (next === 5 && n + 1 === x.d.length) up = n > 0 && (x.d.charCodeAt(n - 1) - 48) % 2 === 1;
  else up = next >= 5;
  let head = x.d.slice(0, n);
  let dp = x.dp;
  if (up) {
    let i = head.length - 1;
    while (i >= 0 && head[i] === '9') i--;
    if (i < 0) {
      head = '1' + '0'.repeat(head.length);
      dp++;
    } else head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1) + '0'.repeat(head.length - i - 1);
  }
  return { d: head || '0', dp };
}

function fmtE(x: Digits, prec: number, upper: boolean): string {
  const digits = x.d.padEnd(prec + 1, '0');
  let s = digits[0];
  if (prec > 0) s += '.' + digits.slice(1, prec + 1);
  const exp = x.d === '0' ? 0 : x.dp - 1;
  const ae = Math.abs(exp);
  return s + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
}

function fmtF(x: Digits, prec: number): string {
  let intPart: string;
  let frac = '';
  if (x.dp <= 0) intPart = '0';
  else intPart = x.d.slice(0, x.dp).padEnd(x.dp, '0');
  for (let i = 0; i < prec; i++) {
    const idx = x.dp + i;
    frac += idx >= 0 && idx < x.d.length ? x.d[idx] : '0';
  }
  return prec > 0 ? `${intPart}.${frac}` : intPart;
}

/** Go's strconv.FormatFloat for a non-negative finite value (sign handled by the caller). */
export function formatFloat(x: number, verb: string, prec: number | undefined, sharp: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return '+Inf';
  const upper = verb === 'E' || verb === 'G';
  switch (verb) {
    case 'e':
    case 'E': {
      const p = prec ?? 6;
      return fmtE(roundTo(exactDigits(x), p + 1), p, upper);
    }
    case 'f':
    case 'F': {
      const p = prec ?? 6;
      const ex = exactDigits(x);
      return fmtF(roundTo(ex, ex.dp + p), p);
    }
    default: {
      // %g
      let digits: Digits;
      let eprec: number;
      if (prec === undefined) {
        digits = shortestDigits(x);
        eprec = 6;
      } else {
        const p = prec === 0 ? 1 : prec;
        digits = roundTo(exactDigits(x), p);
        digits = { d: digits.d.replace(/0+$/, '') || '0', dp: digits.dp };
        eprec = p;
        if (sharp) digits = { d: digits.d.padEnd(p, '0'), dp: digits.dp };
        if (eprec > digits.d.length && digits.d.length >= digits.dp) eprec = digits.d.length;
      }
      const exp = digits.dp - 1;
      if (exp < -4 || exp >= eprec) return fmtE(digits, digits.d.length - 1, upper);
      return fmtF(digits, Math.max(digits.d.length - digits.dp, 0));
    }
  }
}

export const sprintfBuiltins: Builtin[] = [
  def('sprintf', 'strings', [['format', T.string], ['values', T.array()]], ['output', T.string],
    "Formats values with Go's fmt verbs (%v %s %d %f %x %q %t …); non-string, non-number values print as Rego terms.",
    ([f, vs]) => goSprintf(str(f, 1), arr(vs, 2))),
];
