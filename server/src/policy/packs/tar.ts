// A small, strict reader (and writer) for gzipped ustar/pax archives such as OPA bundles. Nothing is
// extracted to disk: members come back as bytes by bundle-relative path. Links, `..`, drive or
// backslash paths, oversize members and archives that inflate past a limit are refused with a
// clear error; a refused archive loads nothing.
import { gunzipSync, gzipSync } from 'node:zlib';

export interface TarLimits {
  /** Largest member, bytes (default 8 MiB). */
  maxMemberBytes: number;
  /** Largest inflated archive, bytes (default 64 MiB): the zip-bomb guard. */
  maxTotalBytes: number;
  maxMembers: number;
}

export const DEFAULT_TAR_LIMITS: TarLimits = { maxMemberBytes: 8 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxMembers: 10_000 };

export interface TarReadResult {
  /** Regular files by normalised path (no leading `/`); empty when `errors` is not. */
  files: Map<string, Uint8Array>;
  errors: string[];
}

const BLOCK = 512;

export function readTarGz(bytes: Uint8Array, limits: Partial<TarLimits> = {}): TarReadResult {
  const lim = { ...DEFAULT_TAR_LIMITS, ...limits };
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: lim.maxTotalBytes });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = code === 'ERR_BUFFER_TOO_LARGE' || /buffer|too large|maxOutputLength/i.test(String((err as Error).message))
      ? `archive inflates past ${lim.maxTotalBytes} bytes (limit)`
      : `not a gzip archive (${(err as Error).message})`;
    return { files: new Map(), errors: [message] };
  }
  return readTar(tar, lim);
}

export function readTar(tar: Uint8Array, lim: TarLimits = DEFAULT_TAR_LIMITS): TarReadResult {
  const files = new Map<string, Uint8Array>();
  const errors: string[] = [];
  const fail = (message: string): TarReadResult => ({ files: new Map(), errors: [...errors, message] });
  let offset = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let members = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) return fail(`corrupt tar header at byte ${offset}`);
    const size = octal(header, 124, 12);
    if (size === undefined) return fail(`member at byte ${offset} has an unreadable or oversize size field`);
    const type = String.fromCharCode(header[156] || 48);
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) return fail(`member at byte ${offset} is truncated`);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'g' || type === 'L') {
      if (size > 1024 * 1024) return fail('tar extended header over 1 MiB');
      const body = tar.subarray(dataStart, dataEnd);
      if (type === 'L') longName = text(body).replace(/\0+$/, '');
      else if (type === 'x') pax = parsePax(body);
      continue;
    }
    const prefix = cString(header, 345, 155);
    const rawName = pax.path ?? longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    pax = {};
    longName = undefined;
    if (++members > lim.maxMembers) return fail(`archive has more than ${lim.maxMembers} members (limit)`);
    if (type === '1' || type === '2' || type === 'K') return fail(`member '${rawName}' is a ${type === '2' ? 'symbolic' : 'hard'} link; links are refused`);
    if (type === '5') continue;
    if (type !== '0' && type !== '7') return fail(`member '${rawName}' is not a regular file (type '${type}'); refused`);
    const name = safeMemberPath(rawName);
    if (typeof name !== 'string') return fail(`member '${rawName}' ${name.error}; refused`);
    if (size > lim.maxMemberBytes) return fail(`member '${name}' is ${size} bytes, over the ${lim.maxMemberBytes}-byte limit`);
    if (files.has(name)) return fail(`member '${name}' appears twice`);
    files.set(name, tar.slice(dataStart, dataEnd));
  }
  return { files, errors };
}

/**
 * Bundle-relative path of a member. A single leading `/` is the bundle root (`opa build` writes
 * `/data.json`); `..`, `//`, drive letters, backslashes and NUL are refused.
 */
export function safeMemberPath(raw: string): string | { error: string } {
  if (raw.includes('\\') || raw.includes('\0')) return { error: 'has a backslash or NUL in its path' };
  if (/^[A-Za-z]:/.test(raw) || raw.startsWith('//')) return { error: 'has an absolute path' };
  const segments = raw.replace(/^\/|^\.\//, '').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { error: "climbs out of the bundle with '..'" };
  if (segments.length === 0) return { error: 'has an empty path' };
  return segments.join('/');
}

function checksumOk(header: Uint8Array): boolean {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return stored === sum;
}

/** An octal numeric field; undefined for base-256 (huge) or garbage values. */
function octal(header: Uint8Array, start: number, length: number): number | undefined {
  if (header[start] & 0x80) return undefined;
  const s = cString(header, start, length).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) return undefined;
  return parseInt(s, 8);
}

function cString(bytes: Uint8Array, start: number, length: number): string {
  const slice = bytes.subarray(start, start + length);
  const end = slice.indexOf(0);
  return text(end === -1 ? slice : slice.subarray(0, end));
}

function text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** `<len> <key>=<value>\n` records. */
function parsePax(body: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const buf = Buffer.from(body);
  let pos = 0;
  while (pos < buf.length) {
    const space = buf.indexOf(0x20, pos);
    if (space === -1) break;
    const len = parseInt(buf.subarray(pos, space).toString('ascii'), 10);
    if (!Number.isFinite(len) || len <= 0 || pos + len > buf.length) break;
    const record = buf.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

export interface TarEntry {
  name: string;
  data?: Uint8Array;
  /** '0' file (default), '2' symlink, '1' hard link, '5' directory. */
  type?: '0' | '1' | '2' | '5';
  linkName?: string;
}

/** Writes a gzipped ustar archive (names over 100 bytes get a pax header). */
export function writeTarGz(entries: TarEntry[]): Uint8Array {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? new Uint8Array());
    const nameBytes = Buffer.byteLength(e.name);
    if (nameBytes > 100) {
      const record = paxRecord('path', e.name);
      blocks.push(header(`PaxHeaders/${e.name.slice(-80)}`, record.length, 'x', ''), pad(record));
    }
    blocks.push(header(nameBytes > 100 ? e.name.slice(-100) : e.name, e.type === '0' || e.type === undefined ? data.length : 0, e.type ?? '0', e.linkName ?? ''));
    if ((e.type ?? '0') === '0') blocks.push(pad(data));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(blocks));
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  // The length counts its own digits: settle on the fixed point.
  let length = bodyLength;
  while (bodyLength + String(length).length !== length) length = bodyLength + String(length).length;
  return Buffer.from(`${length}${body}`);
}

function header(name: string, size: number, type: string, linkName: string): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write('00000000000\0', 136, 'ascii');
  h.write(type, 156, 'ascii');
  h.write(linkName, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.fill(32, 148, 156);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i];
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

function pad(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}
