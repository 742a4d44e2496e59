// Go time layouts ("Mon Jan 2 15:04:05 MST 2006"): tokenising, formatting and parsing, following
// the rules of Go's time/format.go (including fractional seconds accepted after seconds).

import { type Civil, civilFromDays, daysFromCivil, weekday } from './civil';

export const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
  Kitchen: '3:04PM',
  Stamp: 'Jan _2 15:04:05',
  StampMilli: 'Jan _2 15:04:05.000',
  StampMicro: 'Jan _2 15:04:05.000000',
  StampNano: 'Jan _2 15:04:05.000000000',
  DateTime: '2006-01-02 15:04:05',
  DateOnly: '2006-01-02',
  TimeOnly: '15:04:05',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export { DAYS as WEEKDAY_NAMES };

type Std =
  | 'LongMonth' | 'Month' | 'NumMonth' | 'ZeroMonth' | 'LongWeekDay' | 'WeekDay' | 'Day' | 'UnderDay' | 'ZeroDay'
  | 'UnderYearDay' | 'ZeroYearDay' | 'Hour' | 'Hour12' | 'ZeroHour12' | 'Minute' | 'ZeroMinute' | 'Second'
  | 'ZeroSecond' | 'LongYear' | 'Year' | 'PM' | 'pm' | 'TZ' | 'ISO8601TZ' | 'ISO8601SecondsTZ' | 'ISO8601ShortTZ'
  | 'ISO8601ColonTZ' | 'ISO8601ColonSecondsTZ' | 'NumTZ' | 'NumSecondsTz' | 'NumShortTZ' | 'NumColonTZ'
  | 'NumColonSecondsTZ' | 'Frac0' | 'Frac9';

type Token = { literal: string } | { std: Std; digits?: number; sep?: string };

export function tokenize(layout: string): Token[] {
  const out: Token[] = [];
  let lit = '';
  const push = (t: Token, len: number) => {
    if (lit) out.push({ literal: lit });
    lit = '';
    out.push(t);
    i += len;
  };
  let i = 0;
  while (i < layout.length) {
    const rest = layout.slice(i);
    const c = layout[i];
    if (c === 'J' && rest.startsWith('Jan')) {
      if (rest.startsWith('January')) push({ std: 'LongMonth' }, 7);
      else push({ std: 'Month' }, 3);
      continue;
    }
    if (c === 'M' && rest.startsWith('Mon')) {
      if (rest.startsWith('Monday')) push({ std: 'LongWeekDay' }, 6);
      else push({ std: 'WeekDay' }, 3);
      continue;
    }
    if (c === 'M' && rest.startsWith('MST')) {
      push({ std: 'TZ' }, 3);
      continue;
    }
    if (c === '0' && /^0[1-6]/.test(rest)) {
      const map: Record<string, Std> = { '1': 'ZeroMonth', '2': 'ZeroDay', '3': 'ZeroHour12', '4': 'ZeroMinute', '5': 'ZeroSecond', '6': 'Year' };
      push({ std: map[rest[1]] }, 2);
      continue;
    }
    if (c === '0' && rest.startsWith('002')) {
      push({ std: 'ZeroYearDay' }, 3);
      continue;
    }
    if (c === '1') {
      if (rest.startsWith('15')) push({ std: 'Hour' }, 2);
      else push({ std: 'NumMonth' }, 1);
      continue;
    }
    if (c === '2') {
      if (rest.startsWith('2006')) push({ std: 'LongYear' }, 4);
      else push({ std: 'Day' }, 1);
      continue;
    }
    if (c === '_' && rest.startsWith('_2')) {
      if (rest.startsWith('_2006')) {
        lit += '_';
        i++;
        push({ std: 'LongYear' }, 4);
      } else push({ std: 'UnderDay' }, 2);
      continue;
    }
    if (c === '_' && rest.startsWith('__2')) {
      push({ std: 'UnderYearDay' }, 3);
      continue;
    }
    if (c === '3') { push({ std: 'Hour12' }, 1); continue; }
    if (c === '4') { push({ std: 'Minute' }, 1); continue; }
    if (c === '5') { push({ std: 'Second' }, 1); continue; }
    if (c === 'P' && rest.startsWith('PM')) { push({ std: 'PM' }, 2); continue; }
    if (c === 'p' && rest.startsWith('pm')) { push({ std: 'pm' }, 2); continue; }
    if (c === '-') {
      const zones: [string, Std][] = [['-07:00:00', 'NumColonSecondsTZ'], ['-070000', 'NumSecondsTz'], ['-07:00', 'NumColonTZ'], ['-0700', 'NumTZ'], ['-07', 'NumShortTZ']];
      const z = zones.find(([p]) => rest.startsWith(p));
      if (z) { push({ std: z[1] }, z[0].length); continue; }
    }
    if (c === 'Z') {
      const zones: [string, Std][] = [['Z07:00:00', 'ISO8601ColonSecondsTZ'], ['Z070000', 'ISO8601SecondsTZ'], ['Z07:00', 'ISO8601ColonTZ'], ['Z0700', 'ISO8601TZ'], ['Z07', 'ISO8601ShortTZ']];
      const z = zones.find(([p]) => rest.startsWith(p));
      if (z) { push({ std: z[1] }, z[0].length); continue; }
    }
    if ((c === '.' || c === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const d = layout[i + 1];
      let j = i + 1;
      while (j < layout.length && layout[j] === d) j++;
      if (!/[0-9]/.test(layout[j] ?? '')) {
        push({ std: d === '0' ? 'Frac0' : 'Frac9', digits: j - i - 1, sep: c }, j - i);
        continue;
      }
    }
    lit += c;
    i++;
  }
  if (lit) out.push({ literal: lit });
  return out;
}

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

function formatZone(std: Std, offset: number, zone: string): string {
  if (std === 'TZ') {
    if (zone) return zone;
    const m = Math.abs(offset) / 60;
    return (offset < 0 ? '-' : '+') + pad(Math.floor(m / 60), 2) + pad(m % 60, 2);
  }
  if (std.startsWith('ISO8601') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor((abs % 3600) / 60), 2);
  const ss = pad(abs % 60, 2);
  switch (std) {
    case 'ISO8601ShortTZ': case 'NumShortTZ': return sign + hh;
    case 'ISO8601TZ': case 'NumTZ': return sign + hh + mm;
    case 'ISO8601ColonTZ': case 'NumColonTZ': return `${sign}${hh}:${mm}`;
    case 'ISO8601SecondsTZ': case 'NumSecondsTz': return sign + hh + mm + ss;
    default: return `${sign}${hh}:${mm}:${ss}`;
  }
}

export function formatTime(c: Civil, layout: string): string {
  const days = daysFromCivil(c.year, c.month, c.day);
  const yday = days - daysFromCivil(c.year, 1, 1) + 1;
  let out = '';
  for (const t of tokenize(layout)) {
    if ('literal' in t) {
      out += t.literal;
      continue;
    }
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (t.std) {
      case 'LongMonth': out += MONTHS[c.month - 1]; break;
      case 'Month': out += MONTHS[c.month - 1].slice(0, 3); break;
      case 'NumMonth': out += c.month; break;
      case 'ZeroMonth': out += pad(c.month, 2); break;
      case 'LongWeekDay': out += DAYS[weekday(days)]; break;
      case 'WeekDay': out += DAYS[weekday(days)].slice(0, 3); break;
      case 'Day': out += c.day; break;
      case 'UnderDay': out += (c.day < 10 ? ' ' : '') + c.day; break;
      case 'ZeroDay': out += pad(c.day, 2); break;
      case 'UnderYearDay': out += String(yday).padStart(3, ' '); break;
      case 'ZeroYearDay': out += pad(yday, 3); break;
      case 'Hour': out += pad(c.hour, 2); break;
      case 'Hour12': out += h12; break;
      case 'ZeroHour12': out += pad(h12, 2); break;
      case 'Minute': out += c.minute; break;
      case 'ZeroMinute': out += pad(c.minute, 2); break;
      case 'Second': out += c.second; break;
      case 'ZeroSecond': out += pad(c.second, 2); break;
      case 'LongYear': out += (c.year < 0 ? '-' : '') + pad(c.year, 4); break;
      case 'Year': out += pad(((c.year % 100) + 100) % 100, 2); break;
      case 'PM': out += c.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.hour >= 12 ? 'pm' : 'am'; break;
      case 'Frac0': out += t.sep + pad(c.nanosecond, 9).slice(0, t.digits); break;
      case 'Frac9': {
        const frac = pad(c.nanosecond, 9).slice(0, t.digits).replace(/0+$/, '');
        if (frac) out += t.sep + frac;
        break;
      }
      default: out += formatZone(t.std, c.offset, c.zone);
    }
  }
  return out;
}

export interface ParsedTime {
  year: number; month: number; day: number; hour: number; minute: number; second: number; nanosecond: number;
  /** Seconds east of UTC when the value carried a zone, else undefined (UTC). */
  offset?: number;
}

/** Parses a value with a Go layout; returns an error message (Go's wording where practical) on failure. */
export function parseTime(layout: string, value: string): ParsedTime | string {
  const tokens = tokenize(layout);
  const r: ParsedTime = { year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanosecond: 0 };
  let pm: boolean | undefined;
  let yday = -1;
  let v = value;
  const fail = (elem: string) => `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(v)} as ${JSON.stringify(elem)}`;
  const num = (min: number, max: number): number | undefined => {
    const m = new RegExp(`^[0-9]{${min},${max}}`).exec(v);
    if (!m) return undefined;
    v = v.slice(m[0].length);
    return Number(m[0]);
  };
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti];
    if ('literal' in t) {
      // Go skips leading spaces in the value where the layout has spaces.
      if (!v.startsWith(t.literal)) return fail(t.literal);
      v = v.slice(t.literal.length);
      continue;
    }
    let x: number | undefined;
    switch (t.std) {
      case 'LongYear': {
        x = num(4, 4);
        if (x === undefined) return fail('2006');
        r.year = x;
        break;
      }
      case 'Year':
        x = num(2, 2);
        if (x === undefined) return fail('06');
        r.year = x >= 69 ? 1900 + x : 2000 + x;
        break;
      case 'LongMonth':
      case 'Month': {
        const names = MONTHS.map((m) => (t.std === 'Month' ? m.slice(0, 3) : m));
        const idx = names.findIndex((m) => v.toLowerCase().startsWith(m.toLowerCase()));
        if (idx < 0) return fail(t.std === 'Month' ? 'Jan' : 'January');
        v = v.slice(names[idx].length);
        r.month = idx + 1;
        break;
      }
      case 'NumMonth':
      case 'ZeroMonth':
        x = t.std === 'ZeroMonth' ? num(2, 2) : num(1, 2);
        if (x === undefined || x < 1 || x > 12) return `parsing time ${JSON.stringify(value)}: month out of range`;
        r.month = x;
        break;
      case 'LongWeekDay':
      case 'WeekDay': {
        const names = DAYS.map((d) => (t.std === 'WeekDay' ? d.slice(0, 3) : d));
        const idx = names.findIndex((d) => v.toLowerCase().startsWith(d.toLowerCase()));
        if (idx < 0) return fail(t.std === 'WeekDay' ? 'Mon' : 'Monday');
        v = v.slice(names[idx].length);
        break;
      }
      case 'Day':
      case 'UnderDay':
      case 'ZeroDay':
        if (t.std === 'UnderDay' && v.startsWith(' ')) v = v.slice(1);
        x = t.std === 'ZeroDay' ? num(2, 2) : num(1, 2);
        if (x === undefined) return fail('02');
        r.day = x;
        break;
      case 'UnderYearDay':
      case 'ZeroYearDay':
        v = v.replace(/^ {0,2}/, '');
        x = num(3, 3);
        if (x === undefined) return fail('002');
        yday = x;
        break;
      case 'Hour':
        x = num(1, 2);
        if (x === undefined || x > 23) return `parsing time ${JSON.stringify(value)}: hour out of range`;
        r.hour = x;
        break;
      case 'Hour12':
      case 'ZeroHour12':
        x = t.std === 'ZeroHour12' ? num(2, 2) : num(1, 2);
        if (x === undefined || x > 12) return `parsing time ${JSON.stringify(value)}: hour out of range`;
        r.hour = x;
        break;
      case 'Minute':
      case 'ZeroMinute':
        x = t.std === 'ZeroMinute' ? num(2, 2) : num(1, 2);
        if (x === undefined || x > 59) return `parsing time ${JSON.stringify(value)}: minute out of range`;
        r.minute = x;
        break;
      case 'Second':
      case 'ZeroSecond': {
        x = t.std === 'ZeroSecond' ? num(2, 2) : num(1, 2);
        if (x === undefined || x > 59) return `parsing time ${JSON.stringify(value)}: second out of range`;
        r.second = x;
        // A fractional second in the value is accepted even when the layout has none.
        const next = tokens[ti + 1];
        const nextIsFrac = next && 'std' in next && (next.std === 'Frac0' || next.std === 'Frac9');
        const m = /^[.,][0-9]+/.exec(v);
        if (m && !nextIsFrac) {
          r.nanosecond = Number(m[0].slice(1, 10).padEnd(9, '0'));
          v = v.slice(m[0].length);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const s = v.slice(0, 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') return fail(t.std);
        pm = s === 'PM';
        v = v.slice(2);
        break;
      }
      case 'Frac0':
      case 'Frac9': {
        const m = /^[.,]([0-9]+)/.exec(v);
        if (!m) {
          if (t.std === 'Frac9') break;
          return fail(t.sep + '0'.repeat(t.digits ?? 0));
        }
        if (t.std === 'Frac0' && m[1].length !== t.digits) return fail(t.sep + '0'.repeat(t.digits ?? 0));
        r.nanosecond = Number(m[1].slice(0, 9).padEnd(9, '0'));
        v = v.slice(m[0].length);
        break;
      }
      case 'TZ': {
        if (v.startsWith('UTC')) {
          v = v.slice(3);
          r.offset = 0;
          break;
        }
        const m = /^[A-Z]{3,5}|^[A-Z]{3}[+-][0-9]{1,2}/.exec(v);
        if (!m) return fail('MST');
        v = v.slice(m[0].length);
        r.offset = 0;
        break;
      }
      default: {
        if (t.std.startsWith('ISO8601') && v.startsWith('Z')) {
          v = v.slice(1);
          r.offset = 0;
          break;
        }
        const patterns: Partial<Record<Std, RegExp>> = {
          ISO8601ShortTZ: /^([+-])(\d\d)/, NumShortTZ: /^([+-])(\d\d)/,
          ISO8601TZ: /^([+-])(\d\d)(\d\d)/, NumTZ: /^([+-])(\d\d)(\d\d)/,
          ISO8601ColonTZ: /^([+-])(\d\d):(\d\d)/, NumColonTZ: /^([+-])(\d\d):(\d\d)/,
          ISO8601SecondsTZ: /^([+-])(\d\d)(\d\d)(\d\d)/, NumSecondsTz: /^([+-])(\d\d)(\d\d)(\d\d)/,
          ISO8601ColonSecondsTZ: /^([+-])(\d\d):(\d\d):(\d\d)/, NumColonSecondsTZ: /^([+-])(\d\d):(\d\d):(\d\d)/,
        };
        const m = patterns[t.std]!.exec(v);
        if (!m) return fail(layoutTextOf(t.std));
        const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
        r.offset = m[1] === '-' ? -secs : secs;
        v = v.slice(m[0].length);
      }
    }
  }
  if (v.length > 0) return `parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(v)}`;
  if (pm !== undefined) {
    if (pm && r.hour < 12) r.hour += 12;
    else if (!pm && r.hour === 12) r.hour = 0;
  }
  if (yday >= 0) {
    const { month, day } = civilFromDays(daysFromCivil(r.year, 1, 1) + yday - 1);
    r.month = month;
    r.day = day;
  }
  const daysIn = daysFromCivil(r.year, r.month + 1, 1) - daysFromCivil(r.year, r.month, 1);
  if (r.day < 1 || r.day > daysIn) return `parsing time ${JSON.stringify(value)}: day out of range`;
  return r;
}

function layoutTextOf(std: Std): string {
  const texts: Partial<Record<Std, string>> = {
    ISO8601ShortTZ: 'Z07', ISO8601TZ: 'Z0700', ISO8601ColonTZ: 'Z07:00', ISO8601SecondsTZ: 'Z070000',
    ISO8601ColonSecondsTZ: 'Z07:00:00', NumShortTZ: '-07', NumTZ: '-0700', NumColonTZ: '-07:00',
    NumSecondsTz: '-070000', NumColonSecondsTZ: '-07:00:00',
  };
  return texts[std] ?? std;
}
