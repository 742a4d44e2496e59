// Civil calendar arithmetic on nanosecond instants (proleptic Gregorian, as Go's time package), and
// time zone offsets from the runtime's IANA database (Intl).

export const NS_PER_SECOND = 1_000_000_000n;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

export interface Civil {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  /** Seconds east of UTC. */
  offset: number;
  /** Zone abbreviation for formatting (e.g. UTC, PST); may be empty. */
  zone: string;
}

/** Days since 1970-01-01 for a civil date (month may be outside 1..12, day outside the month). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Normalise the month first, as Go's time.Date does.
  const m0 = month - 1;
  year += Math.floor(m0 / 12);
  month = (((m0 % 12) + 12) % 12) + 1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** The civil time of an instant in a zone. */
export function toCivil(ns: bigint, zone: Zone): Civil {
  const seconds = floorDiv(ns, NS_PER_SECOND);
  const nanosecond = Number(ns - seconds * NS_PER_SECOND);
  const { offset, abbreviation } = zone.at(Number(seconds));
  const local = Number(seconds) + offset;
  const days = Math.floor(local / 86400);
  const secOfDay = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    nanosecond,
    offset,
    zone: abbreviation,
  };
}

/** Instant of a civil time given its UTC offset (fields may overflow; they normalise as in Go). */
export function fromCivil(c: Omit<Civil, 'zone'>): bigint {
  const days = daysFromCivil(c.year, c.month, c.day);
  const seconds = BigInt(days) * 86400n + BigInt(c.hour * 3600 + c.minute * 60 + c.second) - BigInt(c.offset);
  return seconds * NS_PER_SECOND + BigInt(c.nanosecond);
}

export function weekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((days + 4) % 7) + 7) % 7;
}

export interface Zone {
  name: string;
  at(epochSeconds: number): { offset: number; abbreviation: string };
}

export const UTC: Zone = { name: 'UTC', at: () => ({ offset: 0, abbreviation: 'UTC' }) };

export function fixedZone(name: string, offset: number): Zone {
  return { name, at: () => ({ offset, abbreviation: name }) };
}

const zoneCache = new Map<string, Zone | undefined>();

/** A zone by IANA name ('' and 'UTC' are UTC, 'Local' is the host's zone); undefined when unknown. */
export function loadZone(name: string): Zone | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (zoneCache.has(name)) return zoneCache.get(name);
  let zone: Zone | undefined;
  try {
    const tz = name === 'Local' ? undefined : name;
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    zone = {
      name,
      at(epochSeconds: number) {
        const ms = Math.max(-8.64e15, Math.min(8.64e15, epochSeconds * 1000));
        const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
        const localDays = daysFromCivil(Number(parts.year) * (parts.era === 'BC' ? -1 : 1), Number(parts.month), Number(parts.day));
        const local = localDays * 86400 + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
        const offset = local - Math.floor(ms / 1000);
        return { offset, abbreviation: abbreviationOf(parts.timeZoneName ?? '', offset) };
      },
    };
  } catch {
    zone = undefined;
  }
  zoneCache.set(name, zone);
  return zone;
}

/** Intl gives "GMT+5:30" where tzdata has no letters; Go prints "+0530" style names there. */
function abbreviationOf(name: string, offset: number): string {
  if (/^[A-Z]{2,5}$/.test(name)) return name;
  if (offset === 0) return 'UTC';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = Math.floor((abs % 3600) / 60);
  return sign + hh + (mm ? String(mm).padStart(2, '0') : '');
}
