// net.cidr_* builtins on IPv4/IPv6 addresses held as bigints. External lookups are refused.

import { isArray, isObject, isSet, SetValue } from '../value/collections';
import { intNumber } from '../value/number';
import type { RegoValue } from '../value/types';
import { builtinError, def, operandError, str, T } from './support';
import type { Builtin } from './types';

interface IP {
  bits: 32 | 128;
  value: bigint;
}

interface CIDR {
  ip: IP;
  prefix: number;
}

export function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0') || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

export function parseIP(s: string): IP | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  if (!s.includes(':')) return undefined;
  let text = s;
  let tail: bigint[] = [];
  // An embedded IPv4 address in the last 32 bits.
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const embedded = parseIPv4(text.slice(lastColon + 1));
    if (embedded === undefined) return undefined;
    tail = [embedded >> 16n, embedded & 0xffffn];
    // Keep a trailing '::' intact; otherwise drop the separator before the IPv4 part.
    text = s.slice(0, lastColon + 1).endsWith('::') ? s.slice(0, lastColon + 1) : s.slice(0, lastColon);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (g: string): bigint | undefined => (/^[0-9a-fA-F]{1,4}$/.test(g) ? BigInt(parseInt(g, 16)) : undefined);
  const parseList = (t: string): bigint[] | undefined => {
    if (t === '') return [];
    const out: bigint[] = [];
    for (const g of t.split(':')) {
      const x = group(g);
      if (x === undefined) return undefined;
      out.push(x);
    }
    return out;
  };
  const head = parseList(halves[0]);
  const rest = halves.length === 2 ? parseList(halves[1]) : [];
  if (!head || !rest) return undefined;
  const given = head.length + rest.length + tail.length;
  let groups: bigint[];
  if (halves.length === 2) {
    if (given > 7) return undefined;
    groups = [...head, ...Array<bigint>(8 - given).fill(0n), ...rest, ...tail];
  } else {
    if (given !== 8) return undefined;
    groups = [...head, ...tail];
  }
  return { bits: 128, value: groups.reduce((acc, g) => (acc << 16n) | g, 0n) };
}

export function parseCIDR(s: string): CIDR | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(p) || Number(p) > ip.bits) return undefined;
  return { ip, prefix: Number(p) };
}

function mask(bits: number, prefix: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function network(c: CIDR): { first: bigint; last: bigint } {
  const m = mask(c.ip.bits, c.prefix);
  const first = c.ip.value & m;
  return { first, last: first | (((1n << BigInt(c.ip.bits)) - 1n) ^ m) };
}

export function formatIP(ip: IP): string {
  if (ip.bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt((7 - i) * 16)) & 0xffffn));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return formatIP({ bits: 32, value: ip.value & 0xffffffffn });
  }
  // RFC 5952: compress the longest run (≥2) of zero groups, the first on ties.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

function cidrOrThrow(s: string): CIDR {
  const c = parseCIDR(s);
  if (!c) throw builtinError(`invalid CIDR address: ${s}`);
  return c;
}

function contains(cidr: string, target: string): boolean {
  const net = cidrOrThrow(cidr);
  const range = network(net);
  const ip = parseIP(target);
  if (ip) return ip.bits === net.ip.bits && ip.value >= range.first && ip.value <= range.last;
  const inner = parseCIDR(target);
  if (!inner) throw builtinError(`invalid CIDR address: ${target}`);
  if (inner.ip.bits !== net.ip.bits) return false;
  const r = network(inner);
  return r.first >= range.first && r.last <= range.last;
}

function intersects(a: string, b: string): boolean {
  const x = cidrOrThrow(a);
  const y = cidrOrThrow(b);
  if (x.ip.bits !== y.ip.bits) return false;
  const rx = network(x);
  const ry = network(y);
  return rx.first <= ry.last && ry.first <= rx.last;
}

const MAX_EXPAND = 1 << 20;

function expand(s: string): SetValue {
  const c = cidrOrThrow(s);
  const { first, last } = network(c);
  if (last - first >= BigInt(MAX_EXPAND)) throw builtinError(`CIDR ${s} is too large to expand`);
  const out = new SetValue();
  for (let v = first; v <= last; v++) out.add(formatIP({ bits: c.ip.bits, value: v }));
  return out;
}

function merge(v: RegoValue): SetValue {
  const items = isArray(v) ? [...v] : isSet(v) ? [...v.values()] : undefined;
  if (!items) throw operandError(1, v, 'array', 'set');
  const nets: CIDR[] = [];
  for (const x of items) {
    if (typeof x !== 'string') throw operandError(1, x, 'string');
    const c = parseCIDR(x);
    if (c) {
      nets.push(c);
      continue;
    }
    const ip = parseIP(x);
    if (!ip) throw builtinError(`invalid CIDR address: ${x}`);
    if (ip.bits === 128) throw builtinError('IPv6 invalid: needs prefix length');
    nets.push({ ip, prefix: defaultPrefix(ip.value) });
  }
  const out = new SetValue();
  for (const bits of [32, 128] as const) {
    let ranges = nets
      .filter((n) => n.ip.bits === bits)
      .map((n) => ({ ...network(n), prefix: n.prefix }))
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.prefix - b.prefix));
    // Drop contained networks, then repeatedly merge aligned siblings.
    let changed = true;
    while (changed) {
      changed = false;
      const next: typeof ranges = [];
      for (const r of ranges) {
        const prev = next[next.length - 1];
        if (prev && r.first >= prev.first && r.last <= prev.last) {
          changed = true;
          continue;
        }
        if (prev && prev.prefix === r.prefix && prev.prefix > 0 && prev.last + 1n === r.first) {
          const size = prev.last - prev.first + 1n;
          if (prev.first % (size * 2n) === 0n) {
            next[next.length - 1] = { first: prev.first, last: r.last, prefix: prev.prefix - 1 };
            changed = true;
            continue;
          }
        }
        next.push(r);
      }
      ranges = next;
    }
    for (const r of ranges) out.add(`${formatIP({ bits, value: r.first })}/${r.prefix}`);
  }
  return out;
}

/** Go's IP.DefaultMask: the classful prefix of a bare IPv4 address (A /8, B /16, C /24). */
function defaultPrefix(v4: bigint): number {
  const first = Number(v4 >> 24n);
  if (first < 0x80) return 8;
  if (first < 0xc0) return 16;
  if (first < 0xe0) return 24;
  return 32;
}

/** (key, cidr-or-ip) pairs of a cidr_contains_matches operand. */
function matchOperand(v: RegoValue, pos: number): [RegoValue, string][] {
  const element = (key: RegoValue, x: RegoValue): [RegoValue, string] => {
    if (typeof x === 'string') return [key, x];
    if (isArray(x) && x.length > 0 && typeof x[0] === 'string') return [key, x[0]];
    throw builtinError(`operand ${pos}: element must be string or non-empty array`);
  };
  if (typeof v === 'string') return [[v, v]];
  if (isArray(v)) return v.map((x, i) => element(intNumber(i), x));
  if (isSet(v)) return [...v.values()].map((x) => element(x, x));
  if (isObject(v)) return [...v.entries()].map(([k, x]) => element(k, x));
  throw operandError(pos, v, 'string', 'array', 'set', 'object');
}

function containsMatches(a: RegoValue, b: RegoValue): SetValue {
  const cidrs = matchOperand(a, 1);
  const targets = matchOperand(b, 2);
  const out = new SetValue();
  for (const [k1, cidr] of cidrs) {
    for (const [k2, target] of targets) {
      if (contains(cidr, target)) out.add([k1, k2]);
    }
  }
  return out;
}

const S = T.string;

export const netBuiltins: Builtin[] = [
  def('net.cidr_contains', 'net', [['cidr', S], ['cidr_or_ip', S]], ['result', T.boolean],
    'True if the CIDR contains the IP address or the whole other CIDR.', ([a, b]) => contains(str(a, 1), str(b, 2))),
  def('net.cidr_intersects', 'net', [['cidr1', S], ['cidr2', S]], ['result', T.boolean], 'True if two CIDRs overlap.',
    ([a, b]) => intersects(str(a, 1), str(b, 2))),
  def('net.cidr_overlap', 'net', [['cidr', S], ['ip', S]], ['result', T.boolean], 'Deprecated: use net.cidr_contains.',
    ([a, b]) => contains(str(a, 1), str(b, 2)), { deprecated: true }),
  def('net.cidr_expand', 'net', [['cidr', S]], ['hosts', T.set(S)], 'The set of every address in a CIDR.', ([a]) => expand(str(a, 1))),
  def('net.cidr_is_valid', 'net', [['cidr', S]], ['result', T.boolean], 'True if the string is a valid CIDR.',
    ([a]) => typeof a === 'string' && parseCIDR(a) !== undefined),
  def('net.cidr_merge', 'net', [['addrs', T.union(T.array(S), T.set(S))]], ['output', T.set(S)],
    'Merges addresses and CIDRs into the smallest set of covering CIDRs.', ([a]) => merge(a)),
  def('net.cidr_contains_matches', 'net', [['cidrs', T.any], ['cidrs_or_ips', T.any]], ['output', T.set(T.array())],
    'Pairs of keys [cidr key, ip key] where the CIDR contains the address; operands may be strings, arrays, sets or objects.',
    ([a, b]) => containsMatches(a, b)),
  def('net.lookup_ip_addr', 'net', [['name', S]], ['addrs', T.set(S)],
    'DNS lookup of a host name. Disabled in Palisade (no network at run time).',
    () => {
      throw builtinError('net.lookup_ip_addr is disabled: Palisade evaluates policies without network access');
    }, { external: true, nondeterministic: true }),
];
