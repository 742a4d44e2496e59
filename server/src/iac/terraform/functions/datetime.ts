// Date functions over RFC 3339 timestamps: formatdate, timeadd, timecmp. (timestamp and
// plantimestamp are impure and registered as always-unknown in index.ts.)
import { Value } from '../values';
import { FunctionTable, argError, asString, fn } from './support';

interface Instant {
  /** Whole seconds since the epoch, UTC. */
  seconds: bigint;
  nanos: bigint;
  /** The timestamp's own UTC offset, kept for formatting. */
  offsetMinutes: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function parseTimestamp(text: string, argIndex: number): Instant {
  const m = RFC3339.exec(text);
  if (!m) throw argError(argIndex, `not a valid RFC3339 timestamp: ${JSON.stringify(text)}.`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw argError(argIndex, `not a valid RFC3339 timestamp: ${JSON.stringify(text)} is out of range.`);
  }
  let offsetMinutes = 0;
  if (!/^[Zz]$/.test(m[8])) {
    const sign = m[8][0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6)));
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (check.getUTCDate() !== day) throw argError(argIndex, `not a valid RFC3339 timestamp: day out of range in ${JSON.stringify(text)}.`);
  const seconds = BigInt(local / 1000 - offsetMinutes * 60);
  const nanos = m[7] ? BigInt(m[7].slice(1, 10).padEnd(9, '0')) : 0n;
  return { seconds, nanos, offsetMinutes };
}

/** Calendar fields of the instant in its own offset. */
function fields(t: Instant) {
  const d = new Date(Number(t.seconds + BigInt(t.offsetMinutes * 60)) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return sign + pad2(Math.floor(abs / 60)) + (colon ? ':' : '') + pad2(abs % 60);
}

function rfc3339(t: Instant): string {
  const f = fields(t);
  const zone = t.offsetMinutes === 0 ? 'Z' : offsetText(t.offsetMinutes, true);
  return `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}T${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}${zone}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits a formatdate spec into quoted literals, runs of one letter, and other literal text. */
function tokenize(spec: string): string[] {
  const tokens: string[] = [];
  let k = 0;
  while (k < spec.length) {
    const ch = spec[k];
    let end = k + 1;
    if (ch === "'") {
      if (spec[k + 1] === "'") end = k + 2;
      else {
        end = k + 1;
        while (end < spec.length) {
          if (spec[end] === "'" && spec[end + 1] === "'") end += 2;
          else if (spec[end] === "'") {
            end++;
            break;
          } else end++;
        }
      }
    } else if (/[A-Za-z]/.test(ch)) {
      while (end < spec.length && spec[end] === ch) end++;
    } else {
      while (end < spec.length && spec[end] !== "'" && !/[A-Za-z]/.test(spec[end])) end++;
    }
    tokens.push(spec.slice(k, end));
    k = end;
  }
  return tokens;
}

function formatdate(args: Value[]): string {
  const spec = asString(args[0], 0);
  const t = parseTimestamp(asString(args[1], 1), 1);
  const f = fields(t);
  const bad = (tok: string, why = '') => argError(0, `invalid date format verb ${JSON.stringify(tok)}${why}.`);
  let out = '';
  for (const tok of tokenize(spec)) {
    const n = tok.length;
    switch (tok[0]) {
      case "'":
        out += tok === "''" ? "'" : tok.slice(1, tok.endsWith("'") && n > 1 ? -1 : undefined).replace(/''/g, "'");
        break;
      case 'Y':
        if (n === 2) out += pad2(f.year % 100);
        else if (n === 4) out += String(f.year).padStart(4, '0');
        else throw bad(tok, ': year must either be "YY" or "YYYY"');
        break;
      case 'M':
        if (n === 1) out += f.month;
        else if (n === 2) out += pad2(f.month);
        else if (n === 3) out += MONTHS[f.month - 1].slice(0, 3);
        else if (n === 4) out += MONTHS[f.month - 1];
        else throw bad(tok, ': month must be "M", "MM", "MMM", or "MMMM"');
        break;
      case 'D':
        if (n === 1) out += f.day;
        else if (n === 2) out += pad2(f.day);
        else throw bad(tok, ': day of month must either be "D" or "DD"');
        break;
      case 'E':
        if (n === 3) out += DAYS[f.weekday].slice(0, 3);
        else if (n === 4) out += DAYS[f.weekday];
        else throw bad(tok, ': day of week must either be "EEE" or "EEEE"');
        break;
      case 'h':
        if (n > 2) throw bad(tok, ': 24-hour must either be "h" or "hh"');
        out += n === 1 ? f.hour : pad2(f.hour);
        break;
      case 'H': {
        if (n > 2) throw bad(tok, ': 12-hour must either be "H" or "HH"');
        const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
        out += n === 1 ? h12 : pad2(h12);
        break;
      }
      case 'A':
      case 'a': {
        if (n !== 2) throw bad(tok, ': must be "AA" or "aa"');
        const marker = f.hour < 12 ? 'AM' : 'PM';
        out += tok[0] === 'A' ? marker : marker.toLowerCase();
        break;
      }
      case 'm':
        if (n > 2) throw bad(tok, ': minute must either be "m" or "mm"');
        out += n === 1 ? f.minute : pad2(f.minute);
        break;
      case 's':
        if (n > 2) throw bad(tok, ': second must either be "s" or "ss"');
        out += n === 1 ? f.second : pad2(f.second);
        break;
      case 'Z':
        if (n === 1) out += t.offsetMinutes === 0 ? 'Z' : offsetText(t.offsetMinutes, true);
        else if (n === 3) out += t.offsetMinutes === 0 ? 'UTC' : offsetText(t.offsetMinutes, false);
        else if (n === 4) out += offsetText(t.offsetMinutes, false);
        else if (n === 5) out += offsetText(t.offsetMinutes, true);
        else throw bad(tok, ': timezone must be Z, ZZZZ, or ZZZZZ');
        break;
      default:
        if (/[A-Za-z]/.test(tok[0])) throw bad(tok);
        out += tok;
    }
  }
  return out;
}

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

/** Go's time.ParseDuration, in nanoseconds. */
export function parseDuration(text: string, argIndex: number): bigint {
  const fail = () => argError(argIndex, `time: invalid duration ${JSON.stringify(text)}.`);
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw fail();
  let total = 0n;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw fail();
    const unit = UNIT_NANOS[m[3]];
    const whole = BigInt(m[1] || '0') * unit;
    const fraction = m[2] ? (BigInt(m[2]) * unit) / 10n ** BigInt(m[2].length) : 0n;
    total += whole + fraction;
    rest = rest.slice(m[0].length);
  }
  return negative ? -total : total;
}

function timeadd(args: Value[]): string {
  const t = parseTimestamp(asString(args[0], 0), 0);
  const duration = parseDuration(asString(args[1], 1), 1);
  const totalNanos = t.seconds * 1000000000n + t.nanos + duration;
  let seconds = totalNanos / 1000000000n;
  let nanos = totalNanos % 1000000000n;
  if (nanos < 0n) {
    nanos += 1000000000n;
    seconds -= 1n;
  }
  return rfc3339({ seconds, nanos, offsetMinutes: t.offsetMinutes });
}

function timecmp(args: Value[]): number {
  const a = parseTimestamp(asString(args[0], 0), 0);
  const b = parseTimestamp(asString(args[1], 1), 1);
  const x = a.seconds * 1000000000n + a.nanos;
  const y = b.seconds * 1000000000n + b.nanos;
  return x < y ? -1 : x > y ? 1 : 0;
}

export const datetimeFunctions: FunctionTable = {
  formatdate: fn(2, 2, formatdate),
  timeadd: fn(2, 2, timeadd),
  timecmp: fn(2, 2, timecmp),
};
