// Hash and UUID functions (node:crypto is computation, not IO). Strings hash as UTF-8 bytes.
import { createHash } from 'node:crypto';
import { Value } from '../values';
import { readFileText } from './filesystem';
import { FunctionContext, FunctionTable, argError, asString, fn } from './support';

type Algorithm = 'md5' | 'sha1' | 'sha256' | 'sha512';

function digest(algorithm: Algorithm, text: string): Buffer {
  return createHash(algorithm).update(Buffer.from(text, 'utf8')).digest();
}

const hex = (algorithm: Algorithm) => fn(1, 1, (a) => digest(algorithm, asString(a[0], 0)).toString('hex'));
const b64 = (algorithm: Algorithm) => fn(1, 1, (a) => digest(algorithm, asString(a[0], 0)).toString('base64'));
const fileHex = (algorithm: Algorithm) =>
  fn(1, 1, (a: Value[], ctx: FunctionContext) => digest(algorithm, readFileText(ctx, asString(a[0], 0))).toString('hex'));
const fileB64 = (algorithm: Algorithm) =>
  fn(1, 1, (a: Value[], ctx: FunctionContext) => digest(algorithm, readFileText(ctx, asString(a[0], 0))).toString('base64'));

const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** RFC 4122 name-based UUID (SHA-1, version 5). */
function uuidv5(args: Value[]): string {
  const ns = asString(args[0], 0);
  const name = asString(args[1], 1);
  const nsText = NAMESPACES[ns] ?? ns;
  const nsHex = nsText.replace(/^urn:uuid:/i, '').replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(nsHex)) throw argError(0, `uuidv5() doesn't support namespace ${ns}.`);
  const hash = createHash('sha1').update(Buffer.from(nsHex, 'hex')).update(Buffer.from(name, 'utf8')).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const hashingFunctions: FunctionTable = {
  base64sha256: b64('sha256'),
  base64sha512: b64('sha512'),
  filebase64sha256: fileB64('sha256'),
  filebase64sha512: fileB64('sha512'),
  filemd5: fileHex('md5'),
  filesha1: fileHex('sha1'),
  filesha256: fileHex('sha256'),
  filesha512: fileHex('sha512'),
  md5: hex('md5'),
  sha1: hex('sha1'),
  sha256: hex('sha256'),
  sha512: hex('sha512'),
  uuidv5: fn(2, 2, uuidv5),
};
