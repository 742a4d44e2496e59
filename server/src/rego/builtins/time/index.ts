// time.* builtins on int64 nanosecond instants, with Go's layouts, durations and calendar rules.

import { isArray } from '../../value/collections';
import { intNumber } from '../../value/number';
import type { RegoValue } from '../../value/types';
import { bigInt, builtinError, def, isNumber, operandError, str, T } from '../support';
import type { Builtin } from '../types';
import {
  type Civil, daysFromCivil, fromCivil, INT64_MAX, INT64_MIN, loadZone, NS_PER_SECOND, toCivil, UTC, weekday, type Zone,
} from './civil';
import { formatTime, NAMED_LAYOUTS, parseTime, WEEKDAY_NAMES } from './layout';

function checkRange(ns: bigint): bigint {
  if (ns < INT64_MIN || ns > INT64_MAX) throw builtinError('time outside of valid range');
  return ns;
}

function zoneNamed(name: string): Zone {
  const z = loadZone(name);
  if (!z) throw builtinError(`unknown time zone ${name}`);
  return z;
}

/** A `ns` or `[ns, tz]` (or `[ns, tz, layout]` when `allowLayout`) operand. */
function instantOperand(v: RegoValue, allowLayout = false): { ns: bigint; zone: Zone; layout?: string } {
  if (isNumber(v)) return { ns: nsOf(v), zone: UTC };
  if (isArray(v) && (v.length === 2 || (allowLayout && v.length === 3))) {
    const [ns, tz, layout] = v;
    if (!isNumber(ns)) throw operandError(1, ns, 'number');
    if (typeof tz !== 'string') throw operandError(1, tz, 'string');
    if (layout !== undefined && typeof layout !== 'string') throw operandError(1, layout, 'string');
    return { ns: nsOf(ns), zone: zoneNamed(tz), layout };
  }
  throw operandError(1, v, 'number', 'array');
}

function nsOf(v: RegoValue): bigint {
  if (!isNumber(v)) throw operandError(1, v, 'number');
  // Fractional nanoseconds truncate, as OPA converts through big.Float to int64.
  const ns = v.int ?? (Number.isFinite(v.float) ? BigInt(Math.trunc(v.float)) : INT64_MAX + 1n);
  if (ns < INT64_MIN || ns > INT64_MAX) throw builtinError('timestamp too big');
  return ns;
}

function layoutOf(name: string): string {
  return NAMED_LAYOUTS[name] ?? name;
}

function parseNs(layout: string, value: string): bigint {
  const r = parseTime(layoutOf(layout), value);
  if (typeof r === 'string') throw builtinError(r);
  return checkRange(fromCivil({ ...r, offset: r.offset ?? 0 }));
}

/** Go's time.ParseDuration. */
export function parseDuration(s: string): bigint {
  const invalid = () => builtinError(`time: invalid duration ${JSON.stringify(s)}`);
  let rest = s;
  let neg = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    neg = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') throw invalid();
  const units: Record<string, bigint> = {
    ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: NS_PER_SECOND, m: 60n * NS_PER_SECOND, h: 3600n * NS_PER_SECOND,
  };
  let total = 0n;
  while (rest.length > 0) {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest)!;
    if (m[0] === '' || m[0] === '.') throw invalid();
    rest = rest.slice(m[0].length);
    const u = /^[^0-9.]+/.exec(rest);
    if (!u) throw builtinError(`time: missing unit in duration ${JSON.stringify(s)}`);
    const unit = units[u[0]];
    if (unit === undefined) throw builtinError(`time: unknown unit ${JSON.stringify(u[0])} in duration ${JSON.stringify(s)}`);
    rest = rest.slice(u[0].length);
    const whole = BigInt(m[1] || '0') * unit;
    const fracDigits = m[2] ?? '';
    const frac = fracDigits ? (BigInt(fracDigits) * unit) / 10n ** BigInt(fracDigits.length) : 0n;
    total += whole + frac;
    if (total > INT64_MAX) throw invalid();
  }
  return neg ? -total : total;
}

/** OPA's time.diff: calendar difference [years, months, days, hours, minutes, seconds]. */
function diff(a: { ns: bigint; zone: Zone }, b: { ns: bigint; zone: Zone }): RegoValue[] {
  let t1 = a.ns;
  let t2 = b.ns;
  if (t1 > t2) [t1, t2] = [t2, t1];
  const c1 = toCivil(t1, a.zone);
  const c2 = toCivil(t2, a.zone);
  let year = c2.year - c1.year;
  let month = c2.month - c1.month;
  let day = c2.day - c1.day;
  let hour = c2.hour - c1.hour;
  let min = c2.minute - c1.minute;
  let sec = c2.second - c1.second;
  if (sec < 0) { sec += 60; min--; }
  if (min < 0) { min += 60; hour--; }
  if (hour < 0) { hour += 24; day--; }
  if (day < 0) {
    // Days in c1's month: day 32 of that month normalises into the next month.
    const daysIn = daysFromCivil(c1.year, c1.month + 1, 1) - daysFromCivil(c1.year, c1.month, 1);
    day += daysIn;
    month--;
  }
  if (month < 0) { month += 12; year--; }
  return [year, month, day, hour, min, sec].map((x) => intNumber(x));
}

function addDate(ns: bigint, years: bigint, months: bigint, days: bigint): bigint {
  const c = toCivil(ns, UTC);
  const result = fromCivil({ ...c, year: c.year + Number(years), month: c.month + Number(months), day: c.day + Number(days) });
  return checkRange(result);
}

const N = T.number;
const instant = T.union(N, T.array(T.any));

export const timeBuiltins: Builtin[] = [
  def('time.now_ns', 'time', [], ['now', N], 'The current time in nanoseconds since the epoch (fixed for the whole query).',
    (_, ctx) => intNumber(ctx.nowNs), { nondeterministic: true }),
  def('time.parse_ns', 'time', [['layout', T.string], ['value', T.string]], ['ns', N],
    'Parses a time with a Go layout (e.g. "2006-01-02"), or a layout name such as RFC3339, into nanoseconds.',
    ([l, v]) => intNumber(parseNs(str(l, 1), str(v, 2)))),
  def('time.parse_rfc3339_ns', 'time', [['value', T.string]], ['ns', N], 'Parses an RFC 3339 timestamp into nanoseconds.',
    ([v]) => intNumber(parseNs(NAMED_LAYOUTS.RFC3339, str(v, 1)))),
  def('time.parse_duration_ns', 'time', [['duration', T.string]], ['ns', N], 'Parses a Go duration ("1h30m", "100ms") into nanoseconds.',
    ([d]) => intNumber(parseDuration(str(d, 1)))),
  def('time.format', 'time', [['x', instant]], ['formatted', T.string],
    'Formats ns, [ns, tz] or [ns, tz, layout] (default RFC3339Nano).',
    ([x]) => {
      const { ns, zone, layout } = instantOperand(x, true);
      return formatTime(toCivil(ns, zone), layoutOf(layout ?? 'RFC3339Nano'));
    }),
  def('time.date', 'time', [['x', instant]], ['date', T.array(N)], 'The [year, month, day] of ns or [ns, tz].',
    ([x]) => {
      const { ns, zone } = instantOperand(x);
      const c = toCivil(ns, zone);
      return [intNumber(c.year), intNumber(c.month), intNumber(c.day)];
    }),
  def('time.clock', 'time', [['x', instant]], ['output', T.array(N)], 'The [hour, minute, second] of ns or [ns, tz].',
    ([x]) => {
      const { ns, zone } = instantOperand(x);
      const c = toCivil(ns, zone);
      return [intNumber(c.hour), intNumber(c.minute), intNumber(c.second)];
    }),
  def('time.weekday', 'time', [['x', instant]], ['day', T.string], 'The day of the week ("Monday") of ns or [ns, tz].',
    ([x]) => {
      const { ns, zone } = instantOperand(x);
      const c: Civil = toCivil(ns, zone);
      return WEEKDAY_NAMES[weekday(daysFromCivil(c.year, c.month, c.day))];
    }),
  def('time.add_date', 'time', [['ns', N], ['years', N], ['months', N], ['days', N]], ['output', N],
    'Adds years, months and days to a time (UTC), normalising overflow as Go does (Oct 31 + 1 month = Dec 1).',
    ([t, y, m, d]) => intNumber(addDate(nsOf(t), bigInt(y, 2), bigInt(m, 3), bigInt(d, 4)))),
  def('time.diff', 'time', [['ns1', instant], ['ns2', instant]], ['output', T.array(N)],
    'The difference between two times as [years, months, days, hours, minutes, seconds].',
    ([a, b]) => diff(instantOperand(a), instantOperand(b))),
];

