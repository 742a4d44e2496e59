// Terraform's `format` and `formatlist` (cty's printf dialect, itself a subset of Go's fmt):
// verbs %v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q, flags "0#-+ ", width, precision, %% and
// explicit argument indexes %[n]v (after which numbering continues from n+1).
import { Unknown, Value, collectRefs, containsUnknown } from '../values';
import { goJson, goJsonString } from './json';
import {
  DecimalDigits,
  FunctionError,
  FunctionTable,
  asString,
  characters,
  checkSize,
  decimalDigits,
  fn,
  parseNumberString,
} from './support';

interface Verb {
  raw: string;
  offset: number;
  argNum: number;
  mode: string;
  zero: boolean;
  sharp: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  width?: number;
  prec?: number;
}

export function formatString(format: string, args: Value[]): string {
  let out = '';
  let nextArg = 1;
  let highestArg = 0;
  let p = 0;
  while (p < format.length) {
    const ch = format[p];
    if (ch !== '%') {
      out += ch;
      p++;
      continue;
    }
    if (format[p + 1] === '%') {
      out += '%';
      p += 2;
      continue;
    }
    const start = p;
    const verb: Verb = { raw: '', offset: start, argNum: nextArg, mode: '', zero: false, sharp: false, plus: false, minus: false, space: false };
    p++;
    for (; p < format.length && '0#-+ '.includes(format[p]); p++) {
      const f = format[p];
      if (f === '0') verb.zero = true;
      else if (f === '#') verb.sharp = true;
      else if (f === '-') verb.minus = true;
      else if (f === '+') verb.plus = true;
      else verb.space = true;
    }
    if (format[p] === '[') {
      const m = /^\[([1-9][0-9]*)\]/.exec(format.slice(p));
      if (!m) throw formatError(format, p);
      verb.argNum = Number(m[1]);
      p += m[0].length;
    }
    const width = /^[1-9][0-9]*/.exec(format.slice(p));
    if (width) {
      verb.width = Number(width[0]);
      checkSize(verb.width, 'formatted field');
      p += width[0].length;
    }
    if (format[p] === '.') {
      const prec = /^\.([0-9]*)/.exec(format.slice(p))!;
      verb.prec = prec[1] === '' ? 0 : Number(prec[1]);
      checkSize(verb.prec, 'formatted field');
      p += prec[0].length;
    }
    if (p >= format.length) throw new FunctionError(`Error in function call: invalid format string starting at offset ${start}`, 0);
    if (!/[a-zA-Z]/.test(format[p])) throw formatError(format, p);
    verb.mode = format[p];
    p++;
    verb.raw = format.slice(start, p);
    out += formatOne(verb, args);
    nextArg = verb.argNum + 1;
    highestArg = Math.max(highestArg, verb.argNum);
  }
  if (highestArg < args.length) {
    // Extra arguments are an error in Terraform, to catch mistakes.
    const detail = highestArg === 0 ? 'no verbs in format string' : `only ${highestArg} used by format string`;
    throw new FunctionError(`Invalid function argument: too many arguments; ${detail}`, highestArg + 1);
  }
  return out;
}

function formatError(format: string, p: number): FunctionError {
  const ch = String.fromCodePoint(format.codePointAt(p) ?? 0xfffd);
  return new FunctionError(`Error in function call: unrecognized format character '${ch}' at offset ${p}`, 0);
}

function verbError(verb: Verb, message: string): FunctionError {
  return new FunctionError(`Error in function call: unsupported value for "${verb.raw}" at ${verb.offset}: ${message}`, 0);
}

function formatOne(verb: Verb, args: Value[]): string {
  if (verb.argNum > args.length) {
    throw new FunctionError(
      `Error in function call: not enough arguments for "${verb.raw}" at ${verb.offset}: need index ${verb.argNum} but have ${args.length} total`,
      0,
    );
  }
  const arg = args[verb.argNum - 1];
  if (verb.mode !== 'v' && arg === null) throw verbError(verb, 'null value cannot be formatted');
  switch (verb.mode) {
    case 'v':
      return formatAsIs(verb, arg);
    case 't': {
      const b = arg === true || arg === 'true' ? true : arg === false || arg === 'false' ? false : undefined;
      if (b === undefined) throw verbError(verb, 'bool required');
      return b ? 'true' : 'false';
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
      return formatInteger(verb, toNumber(verb, arg));
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      return formatFloat(verb, toNumber(verb, arg));
    case 's':
    case 'q':
      return formatStringVerb(verb, arg);
    default:
      throw new FunctionError(`Error in function call: unsupported format verb '${verb.mode}' in "${verb.raw}" at offset ${verb.offset}`, 0);
  }
}

function toNumber(verb: Verb, arg: Value): number {
  if (typeof arg === 'number') return arg;
  if (typeof arg === 'string') {
    const n = parseNumberString(arg);
    if (n !== undefined) return n;
    throw verbError(verb, 'a number is required');
  }
  throw verbError(verb, 'number required');
}

function padWidth(verb: Verb, text: string): string {
  if (verb.width === undefined) return text;
  const have = characters(text).length;
  if (have >= verb.width) return text;
  const pad = (verb.zero ? '0' : ' ').repeat(verb.width - have);
  return verb.minus ? text + pad : pad + text;
}

function formatAsIs(verb: Verb, arg: Value): string {
  if (!verb.sharp && arg !== null) {
    if (typeof arg === 'string') return padWidth(verb, arg);
    if (typeof arg === 'number') return padWidth(verb, floatText(decimalDigits(arg), 'g', undefined));
  }
  return padWidth(verb, goJson(arg, { sortKeys: true }));
}

function formatStringVerb(verb: Verb, arg: Value): string {
  let s: string;
  try {
    s = asString(arg, 0);
  } catch {
    throw verbError(verb, 'string required');
  }
  if (verb.prec !== undefined && verb.prec > 0) s = characters(s).slice(0, verb.prec).join('');
  return padWidth(verb, verb.mode === 'q' ? goJsonString(s) : s);
}

// ---------------------------------------------------------------------------------------------
// Integers: Go's big.Int formatting — sign, '#' prefix, precision as minimum digits, then width
// padding ('-' wins over '0'; '0' is ignored when a precision is given).

function formatInteger(verb: Verb, n: number): string {
  if (!Number.isInteger(n)) throw verbError(verb, 'an integer is required');
  const big = BigInt(n);
  const negative = big < 0n;
  const magnitude = negative ? -big : big;
  const base = { b: 2, d: 10, o: 8, x: 16, X: 16 }[verb.mode as 'b' | 'd' | 'o' | 'x' | 'X'];
  let digits = magnitude.toString(base);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  const sign = negative ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  let prefix = '';
  if (verb.sharp) prefix = { b: '0b', d: '', o: '0', x: '0x', X: '0X' }[verb.mode as 'b' | 'd' | 'o' | 'x' | 'X'];
  let zeros = 0;
  if (verb.prec !== undefined) {
    if (digits.length < verb.prec) zeros = verb.prec - digits.length;
    else if (digits === '0' && verb.prec === 0) return verb.width ? ' '.repeat(verb.width) : '';
  }
  const length = sign.length + prefix.length + zeros + digits.length;
  let left = 0;
  let right = 0;
  if (verb.width !== undefined && length < verb.width) {
    const d = verb.width - length;
    if (verb.minus) right = d;
    else if (verb.zero && verb.prec === undefined) zeros = d;
    else left = d;
  }
  return ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
}

// ---------------------------------------------------------------------------------------------
// Floats: Go's big.Float formatting of %e %f %g. Default precision 6 for %e/%f; %g without a
// precision uses the shortest digits and switches to %e when the exponent is < -4 or >= 6.

function formatFloat(verb: Verb, n: number): string {
  const lower = verb.mode.toLowerCase() as 'e' | 'f' | 'g';
  let body = floatText(decimalDigits(n), lower, verb.prec === undefined ? (lower === 'g' ? undefined : 6) : verb.prec);
  if (verb.mode === 'E' || verb.mode === 'G') body = body.toUpperCase();
  let sign = '';
  if (body.startsWith('-')) {
    sign = '-';
    body = body.slice(1);
  } else if (verb.plus) sign = '+';
  else if (verb.space) sign = ' ';
  const padding = verb.width !== undefined && verb.width > sign.length + body.length ? verb.width - sign.length - body.length : 0;
  if (verb.zero) return sign + '0'.repeat(padding) + body;
  if (verb.minus) return sign + body + ' '.repeat(padding);
  return ' '.repeat(padding) + sign + body;
}

/** Rounds digits to `keep` significant digits, half to even (as Go's decimal rounding does). */
function roundDigits(d: DecimalDigits, keep: number): DecimalDigits {
  if (keep < 0) return { negative: d.negative, digits: '', point: 0 };
  if (d.digits.length <= keep) return d;
  const next = d.digits.charCodeAt(keep) - 48;
  const rest = d.digits.slice(keep + 1);
  const prevOdd = keep > 0 && (d.digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (/[1-9]/.test(rest) || prevOdd));
  let digits = d.digits.slice(0, keep);
  let point = d.point;
  if (up) {
    let k = digits.length - 1;
    const chars = digits.split('');
    while (k >= 0 && chars[k] === '9') chars[k--] = '0';
    if (k < 0) {
      chars.unshift('1');
      point++;
    } else chars[k] = String.fromCharCode(chars[k].charCodeAt(0) + 1);
    digits = chars.join('');
  }
  digits = digits.replace(/0+$/, '');
  if (digits === '') point = 0;
  return { negative: d.negative, digits, point };
}

function digitAt(d: DecimalDigits, k: number): string {
  return k >= 0 && k < d.digits.length ? d.digits[k] : '0';
}

function fixedText(d: DecimalDigits, prec: number): string {
  const r = roundDigits(d, d.point + prec);
  let s = '';
  if (r.point > 0) for (let k = 0; k < r.point; k++) s += digitAt(r, k);
  else s = '0';
  if (prec > 0) {
    s += '.';
    for (let k = 0; k < prec; k++) s += digitAt(r, r.point + k);
  }
  return (r.negative ? '-' : '') + s;
}

function exponentText(d: DecimalDigits, prec: number): string {
  const r = d.digits === '' ? d : roundDigits(d, prec + 1);
  let s = digitAt(r, 0);
  if (prec > 0) {
    s += '.';
    for (let k = 1; k <= prec; k++) s += digitAt(r, k);
  }
  const exp = r.digits === '' ? 0 : r.point - 1;
  const expAbs = Math.abs(exp);
  return (r.negative ? '-' : '') + s + 'e' + (exp < 0 ? '-' : '+') + (expAbs < 10 ? '0' : '') + expAbs;
}

function floatText(d: DecimalDigits, mode: 'e' | 'f' | 'g', prec: number | undefined): string {
  if (mode === 'f') return fixedText(d, prec ?? 6);
  if (mode === 'e') return exponentText(d, prec ?? 6);
  // %g
  const shortest = prec === undefined;
  let digits = d;
  let p: number;
  if (shortest) p = Math.max(d.digits.length, 1);
  else {
    p = prec === 0 ? 1 : prec;
    digits = roundDigits(d, p);
  }
  const nd = Math.max(digits.digits.length, 1);
  const dp = digits.digits === '' ? 1 : digits.point;
  let eprec = p;
  if (eprec > nd && nd >= dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = dp - 1;
  if (exp < -4 || exp >= eprec) return exponentText(digits, Math.min(p, nd) - 1);
  return fixedText(digits, Math.max((p > dp ? nd : p) - dp, 0));
}

// ---------------------------------------------------------------------------------------------

function formatlist(args: Value[], callText: string): Value {
  const format = args[0];
  if (format instanceof Unknown) return new Unknown(callText, [...collectRefs(format)]);
  const fmt = asString(format, 0);
  const rest = args.slice(1);
  let length = -1;
  let lengthFrom = -1;
  rest.forEach((a, k) => {
    if (!Array.isArray(a)) return;
    if (length === -1) {
      length = a.length;
      lengthFrom = k;
    } else if (a.length !== length) {
      throw new FunctionError(
        `Invalid function argument: argument ${k + 2} has length ${a.length}, which is inconsistent with argument ${lengthFrom + 2} of length ${length}`,
        k + 1,
      );
    }
  });
  if (rest.some((a) => a instanceof Unknown)) return new Unknown(callText, [...collectRefs(rest)]);
  if (length === -1) length = 1;
  const out: Value[] = [];
  for (let k = 0; k < length; k++) {
    const row = rest.map((a) => (Array.isArray(a) ? a[k] : a));
    if (row.some(containsUnknown)) out.push(new Unknown(callText, [...collectRefs(row)]));
    else out.push(formatString(fmt, row));
  }
  return out;
}

export const formatFunctions: FunctionTable = {
  format: fn(1, Infinity, (args) => formatString(asString(args[0], 0), args.slice(1))),
  formatlist: fn(1, Infinity, (args, ctx) => formatlist(args, ctx.callText), true),
};
