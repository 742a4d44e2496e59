// Encoding functions: base64*, csvdecode, json*, text*base64, urlencode, yaml*.
import { TextDecoder } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Unknown, Value, ValueObject } from '../values';
import { goJson } from './json';
import { FunctionContext, FunctionTable, argError, asString, fn } from './support';
import { yamldecode, yamlencode } from './yaml';

/** Strict standard base64 as Go's StdEncoding accepts it (padding required; CR/LF ignored). */
function decodeBase64(text: string, argIndex: number): Buffer {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) {
    throw argError(argIndex, 'failed to decode base64 data: illegal base64 data.');
  }
  return Buffer.from(clean, 'base64');
}

function utf8(bytes: Buffer, argIndex: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw argError(argIndex, 'the result of decoding the provided string is not valid UTF-8.');
  }
}

/** Go's gzip writer: no name, mtime 0, OS byte 255 ("unknown"). */
function base64gzip(s: string): string {
  const gz = gzipSync(Buffer.from(s, 'utf8'));
  gz[9] = 255;
  return gz.toString('base64');
}

/** RFC 4180 CSV as Go's encoding/csv reads it; the first row names the fields. */
function csvdecode(text: string): Value {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let k = 0;
  let rowHasContent = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    if (rowHasContent || row.length > 0) {
      endField();
      rows.push(row);
    }
    row = [];
    rowHasContent = false;
  };
  while (k < text.length) {
    const ch = text[k];
    if (ch === '"' && field === '') {
      rowHasContent = true;
      k++;
      for (;;) {
        if (k >= text.length) throw argError(0, `parse error on line ${rows.length + 1}: extraneous or missing " in quoted-field.`);
        if (text[k] === '"') {
          if (text[k + 1] === '"') {
            field += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        field += text[k++];
      }
      if (k < text.length && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') {
        throw argError(0, `parse error on line ${rows.length + 1}: extraneous or missing " in quoted-field.`);
      }
      continue;
    }
    if (ch === ',') {
      rowHasContent = true;
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[k + 1] === '\n') k++;
      endRow();
    } else if (ch === '"') {
      throw argError(0, `parse error on line ${rows.length + 1}: bare " in non-quoted-field.`);
    } else {
      rowHasContent = true;
      field += ch;
    }
    k++;
  }
  endRow();
  if (rows.length === 0) throw argError(0, 'missing header line.');
  const [header, ...body] = rows;
  return body.map((r, index) => {
    if (r.length !== header.length) throw argError(0, `record on line ${index + 2}: wrong number of fields.`);
    const obj: ValueObject = {};
    header.forEach((name, col) => (obj[name] = r[col]));
    return obj;
  });
}

function jsondecode(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch (e) {
    throw argError(0, e instanceof Error ? e.message : 'invalid JSON.');
  }
}

/** Go's url.QueryEscape: space → "+", unreserved kept, everything else %XX. */
function urlencode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Encodings we can produce without a code-page table; others yield an unknown value. */
function encodeText(s: string, encoding: string): Buffer | undefined {
  switch (encoding.toLowerCase().replace(/[^a-z0-9]/g, '')) {
    case 'utf8':
      return Buffer.from(s, 'utf8');
    case 'utf16le':
      return Buffer.from(s, 'utf16le');
    case 'utf16be':
    case 'utf16': {
      const le = Buffer.from(s, 'utf16le');
      for (let k = 0; k + 1 < le.length; k += 2) [le[k], le[k + 1]] = [le[k + 1], le[k]];
      return le;
    }
    case 'usascii':
    case 'ascii':
    case 'iso88591':
    case 'latin1':
      return [...s].every((c) => c.codePointAt(0)! < (encoding.toLowerCase().includes('ascii') ? 0x80 : 0x100))
        ? Buffer.from(s, 'latin1')
        : undefined;
    default:
      return undefined;
  }
}

function textencodebase64(args: Value[], ctx: FunctionContext): Value {
  const s = asString(args[0], 0);
  const encoding = asString(args[1], 1);
  const bytes = encodeText(s, encoding);
  if (!bytes) return new Unknown(ctx.callText, [], `encoding ${JSON.stringify(encoding)} is not supported statically`);
  return bytes.toString('base64');
}

function textdecodebase64(args: Value[], ctx: FunctionContext): Value {
  const bytes = decodeBase64(asString(args[0], 0), 0);
  const encoding = asString(args[1], 1);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return new Unknown(ctx.callText, [], `encoding ${JSON.stringify(encoding)} is not supported statically`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw argError(0, `the given value is has an invalid base64 symbol or is not valid ${encoding}.`);
  }
}

export const encodingFunctions: FunctionTable = {
  base64decode: fn(1, 1, (a) => utf8(decodeBase64(asString(a[0], 0), 0), 0)),
  base64encode: fn(1, 1, (a) => Buffer.from(asString(a[0], 0), 'utf8').toString('base64')),
  base64gzip: fn(1, 1, (a) => base64gzip(asString(a[0], 0))),
  csvdecode: fn(1, 1, (a) => csvdecode(asString(a[0], 0))),
  jsondecode: fn(1, 1, (a) => jsondecode(asString(a[0], 0))),
  jsonencode: fn(1, 1, (a) => goJson(a[0], { sortKeys: true })),
  textdecodebase64: fn(2, 2, textdecodebase64),
  textencodebase64: fn(2, 2, textencodebase64),
  urlencode: fn(1, 1, (a) => urlencode(asString(a[0], 0))),
  yamldecode: fn(1, 1, (a) => yamldecode(asString(a[0], 0))),
  yamlencode: fn(1, 1, (a) => yamlencode(a[0])),
};
