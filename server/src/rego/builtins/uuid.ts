// uuid.rfc4122 (random v4, stable per key within a query) and uuid.parse.

import { randomUUID } from 'node:crypto';
import { ObjectValue } from '../value/collections';
import { intNumber } from '../value/number';
import type { RegoValue } from '../value/types';
import { def, str, T } from './support';
import type { Builtin } from './types';

/** The 16 bytes of a UUID in any of the forms Google's uuid.Parse accepts. */
function uuidBytes(s: string): Buffer | undefined {
  let text = s;
  if (text.length === 45 && text.toLowerCase().startsWith('urn:uuid:')) text = text.slice(9);
  else if (text.length === 38 && text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  if (text.length === 36) {
    if (![8, 13, 18, 23].every((i) => text[i] === '-')) return undefined;
    text = text.replace(/-/g, '');
  }
  if (!/^[0-9a-fA-F]{32}$/.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}

const GREGORIAN_TO_UNIX_100NS = 0x01b21dd213814000n;
const DOMAINS = ['Person', 'Group', 'Org'];

function parseUUID(s: string): RegoValue | undefined {
  const b = uuidBytes(s);
  if (!b) return undefined;
  const version = b[6] >> 4;
  const v = b[8];
  const variant = (v & 0xc0) === 0x80 ? 'RFC4122' : (v & 0xe0) === 0xc0 ? 'Microsoft' : (v & 0xe0) === 0xe0 ? 'Future' : 'Reserved';
  const out = new ObjectValue([
    ['version', intNumber(version)],
    ['variant', variant],
  ]);
  if (version === 1 || version === 2) {
    const timeLow = BigInt(b.readUInt32BE(0));
    const timeMid = BigInt(b.readUInt16BE(4));
    const timeHi = BigInt(b.readUInt16BE(6) & 0x0fff);
    const t = timeLow | (timeMid << 32n) | (timeHi << 48n);
    out.set('time', intNumber((t - GREGORIAN_TO_UNIX_100NS) * 100n));
    out.set('clocksequence', intNumber(((b[8] & 0x3f) << 8) | b[9]));
    const node = [...b.subarray(10)];
    out.set('nodeid', node.map((x) => x.toString(16).padStart(2, '0')).join('-'));
    out.set('macvariables', `${node[0] & 2 ? 'local' : 'global'}:${node[0] & 1 ? 'multicast' : 'unicast'}`);
    if (version === 2) {
      out.set('id', intNumber(b.readUInt32BE(0)));
      out.set('domain', DOMAINS[b[9]] ?? `Domain${b[9]}`);
    }
  }
  return out;
}

export const uuidBuiltins: Builtin[] = [
  def('uuid.rfc4122', 'uuid', [['k', T.string]], ['output', T.string],
    'A random version 4 UUID; the same key gives the same UUID within one query.',
    ([k], ctx) => {
      const key = `uuid.rfc4122:${str(k, 1)}`;
      const hit = ctx.cache.get(key);
      if (hit !== undefined) return hit;
      const id = randomUUID();
      ctx.cache.set(key, id);
      return id;
    }, { nondeterministic: true }),
  def('uuid.parse', 'uuid', [['uuid', T.string]], ['result', T.object(T.string, T.any)],
    'Parses a UUID into its version, variant and (for versions 1 and 2) time, clock sequence and node fields; undefined if invalid.',
    ([u]) => parseUUID(str(u, 1))),
];
