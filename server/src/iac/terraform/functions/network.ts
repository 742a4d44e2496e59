// IP network functions (IPv4 and IPv6, with BigInt arithmetic): cidrhost, cidrnetmask,
// cidrsubnet, cidrsubnets. Addresses print as Go's net package prints them (RFC 5952 for IPv6).
import { Value } from '../values';
import { FunctionTable, argError, asInteger, asString, fn } from './support';

interface Network {
  /** Network address (host bits cleared). */
  addr: bigint;
  prefix: number;
  /** 32 or 128. */
  bits: number;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIPv6(text: string): bigint | undefined {
  let groups: string[];
  let tail: bigint | undefined;
  let s = text;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tail = parseIPv4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  if (halves.length === 2) {
    const rest = halves[1] === '' ? [] : halves[1].split(':');
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  } else groups = head;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tail !== undefined) value = (value & ~0xffffffffn) | tail;
  return value;
}

function parseCidr(text: string, argIndex: number): Network {
  const slash = text.indexOf('/');
  const fail = () => argError(argIndex, `invalid CIDR expression: invalid CIDR address: ${text}.`);
  if (slash < 0) throw fail();
  const ip = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const isV6 = ip.includes(':');
  const addr = isV6 ? parseIPv6(ip) : parseIPv4(ip);
  const bits = isV6 ? 128 : 32;
  if (addr === undefined || !/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) throw fail();
  const prefix = Number(prefixText);
  return { addr: maskAddr(addr, prefix, bits), prefix, bits };
}

function hostMask(prefix: number, bits: number): bigint {
  return (1n << BigInt(bits - prefix)) - 1n;
}

function maskAddr(addr: bigint, prefix: number, bits: number): bigint {
  return addr & ~hostMask(prefix, bits) & ((1n << BigInt(bits)) - 1n);
}

export function formatIp(addr: bigint, bits: number): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 0xffn)).join('.');
  if (addr >> 32n === 0xffffn) return formatIp(addr & 0xffffffffn, 32); // IPv4-mapped prints dotted, as Go does
  const groups = Array.from({ length: 8 }, (_, k) => Number((addr >> BigInt(112 - 16 * k)) & 0xffffn));
  // Compress the longest run (first on ties) of two or more zero groups.
  let bestStart = -1;
  let bestLen = 0;
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > bestLen && end - k >= 2) {
      bestStart = k;
      bestLen = end - k;
    }
    k = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

function cidrText(addr: bigint, prefix: number, bits: number): string {
  return `${formatIp(addr, bits)}/${prefix}`;
}

function cidrhost(args: Value[]): string {
  const net = parseCidr(asString(args[0], 0), 0);
  const hostnum = BigInt(asInteger(args[1], 1));
  const hostBits = BigInt(net.bits - net.prefix);
  const size = 1n << hostBits;
  if (hostnum >= size || hostnum < -size) {
    throw argError(1, `prefix of ${net.prefix} bits cannot accommodate a host numbered ${hostnum}.`);
  }
  const offset = hostnum < 0n ? size + hostnum : hostnum;
  return formatIp(net.addr | offset, net.bits);
}

function cidrnetmask(args: Value[]): string {
  const net = parseCidr(asString(args[0], 0), 0);
  if (net.bits !== 32) throw argError(0, 'IPv6 addresses cannot have a netmask.');
  return formatIp(maskAddr(0xffffffffn, net.prefix, 32), 32);
}

function cidrsubnet(args: Value[]): string {
  const net = parseCidr(asString(args[0], 0), 0);
  const newbits = asInteger(args[1], 1);
  const netnum = BigInt(asInteger(args[2], 2));
  const prefix = net.prefix + newbits;
  if (newbits < 0) throw argError(1, 'newbits must be a non-negative number.');
  if (prefix > net.bits) {
    throw argError(1, `insufficient address space to extend prefix of ${net.prefix} by ${newbits}.`);
  }
  if (netnum < 0n || netnum >= 1n << BigInt(newbits)) {
    throw argError(2, `prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}.`);
  }
  return cidrText(net.addr | (netnum << BigInt(net.bits - prefix)), prefix, net.bits);
}

/** Consecutive subnets, each aligned to its own size, as Terraform allocates them. */
function cidrsubnets(args: Value[]): Value[] {
  const net = parseCidr(asString(args[0], 0), 0);
  const all = (1n << BigInt(net.bits)) - 1n;
  const newbits = args.slice(1).map((a, k) => asInteger(a, k + 1));
  if (newbits.length === 0) return [];
  const lastOf = (addr: bigint, prefix: number) => maskAddr(addr, prefix, net.bits) | hostMask(prefix, net.bits);
  // Start from the subnet just before the first one, so the first "next" is the network's start.
  let current = { addr: maskAddr((net.addr - 1n) & all, net.prefix + newbits[0], net.bits), prefix: net.prefix + newbits[0] };
  const out: Value[] = [];
  newbits.forEach((bits, k) => {
    if (bits < 1) throw argError(k + 1, 'must extend prefix by at least one bit.');
    const prefix = net.prefix + bits;
    if (prefix > net.bits) {
      throw argError(k + 1, `would extend prefix to ${prefix} bits, which is too long for an IPv${net.bits === 32 ? 4 : 6} address.`);
    }
    const aligned = maskAddr(lastOf(current.addr, current.prefix), prefix, net.bits);
    const after = (lastOf(aligned, prefix) + 1n) & all;
    const next = maskAddr(after, prefix, net.bits);
    if (after === 0n || maskAddr(next, net.prefix, net.bits) !== net.addr) {
      throw argError(
        k + 1,
        `not enough remaining address space for a subnet with a prefix of ${prefix} bits after ${cidrText(current.addr, current.prefix, net.bits)}.`,
      );
    }
    current = { addr: next, prefix };
    out.push(cidrText(next, prefix, net.bits));
  });
  return out;
}

export const networkFunctions: FunctionTable = {
  cidrhost: fn(2, 2, cidrhost),
  cidrnetmask: fn(1, 1, cidrnetmask),
  cidrsubnet: fn(3, 3, cidrsubnet),
  cidrsubnets: fn(1, Infinity, cidrsubnets),
};
