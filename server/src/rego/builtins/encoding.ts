// Encodings: base64, base64url, hex, urlquery, json, yaml. Decoders are as strict as Go's.

import { stringify as yamlStringify } from 'yaml';
import { isArray, isSet, ObjectValue } from '../value/collections';
import { sortedKeys } from '../value/compare';
import { toJSONText } from '../value/format';
import { parseJSON, parseYAML, toJS } from '../value/json';
import type { RegoValue } from '../value/types';
import { bool, builtinError, def, obj, operandError, str, T, fromUtf8 } from './support';
import type { Builtin } from './types';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Go's base64 decoding (strict; \r and \n ignored). Returns bytes or the error message. */
export function base64Decode(input: string, alphabet: string, padded: boolean): Uint8Array | string {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  let i = 0;
  let count = 0;
  const s = input.replace(/[\r\n]/g, '');
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '=') break;
    const v = alphabet.indexOf(c);
    if (v < 0) return `illegal base64 data at input byte ${i}`;
    buf = (buf << 6) | v;
    bits += 6;
    count++;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  const rem = count % 4;
  // Go reports an incomplete final quantum at the quantum's first byte.
  if (rem === 1 && i === s.length) return `illegal base64 data at input byte ${i - 1}`;
  if (rem === 1) return `illegal base64 data at input byte ${i}`;
  if (i < s.length) {
    // Padding: must complete the quantum exactly and end the input.
    if (!padded) return `illegal base64 data at input byte ${i}`;
    const need = rem === 0 ? 0 : 4 - rem;
    const pad = s.slice(i);
    if (need === 0 || pad !== '='.repeat(need)) return `illegal base64 data at input byte ${rem === 0 ? i : i + Math.min(pad.length, need)}`;
  } else if (padded && rem !== 0) return `illegal base64 data at input byte ${s.length - rem}`;
  return Uint8Array.from(out);
}

function base64Encode(s: string, url: boolean, pad: boolean): string {
  let out = Buffer.from(s, 'utf8').toString(url ? 'base64url' : 'base64');
  if (url && pad) while (out.length % 4 !== 0) out += '=';
  return out;
}

function decodeOrThrow(r: Uint8Array | string): string {
  if (typeof r === 'string') throw builtinError(r);
  return fromUtf8(r);
}

/** url.QueryEscape */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** url.QueryUnescape */
export function queryUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw builtinError(`invalid URL escape "${s.slice(i, i + 3)}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return fromUtf8(Uint8Array.from(bytes));
}

function encodeObject(v: RegoValue): string {
  const o = obj(v, 1);
  const parts: string[] = [];
  for (const k of sortedKeys(o)) {
    if (typeof k !== 'string') throw operandError(1, k, 'string');
    const val = o.get(k)!;
    const values = typeof val === 'string' ? [val] : isArray(val) ? [...val] : isSet(val) ? [...val.values()] : undefined;
    if (!values) throw operandError(1, val, 'string', 'array', 'set');
    for (const x of values) {
      if (typeof x !== 'string') throw operandError(1, x, 'string');
      parts.push(`${queryEscape(k)}=${queryEscape(x)}`);
    }
  }
  return parts.join('&');
}

function decodeObject(s: string): ObjectValue {
  const out = new Map<string, string[]>();
  for (const part of s.split(/[&]/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = queryUnescape(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : queryUnescape(part.slice(eq + 1));
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return new ObjectValue([...out].map(([k, vs]) => [k, vs] as [RegoValue, RegoValue]));
}

function marshalWithOptions(v: RegoValue, opts: RegoValue): string {
  const o = obj(opts, 2);
  let pretty: boolean | undefined;
  let indent = '\t';
  let prefix = '';
  for (const [k, val] of o.entries()) {
    if (k === 'pretty') pretty = bool(val, 2);
    else if (k === 'indent') indent = str(val, 2);
    else if (k === 'prefix') prefix = str(val, 2);
    else throw builtinError(`object contained unknown key ${typeof k === 'string' ? k : ''}`);
  }
  if (pretty === undefined) pretty = o.has('indent') || o.has('prefix');
  if (!pretty) return toJSONText(v);
  return prefix + toJSONText(v, { indent, prefix });
}

/** yaml.marshal: like sigs.k8s.io/yaml (keys sorted, sets as sequences). */
function yamlMarshal(v: RegoValue): string {
  const plain = toJS(v);
  return yamlStringify(plain, { indentSeq: false, lineWidth: 0, sortMapEntries: true, intAsBigInt: true });
}


const S = T.string;

export const encodingBuiltins: Builtin[] = [
  def('base64.encode', 'encoding', [['x', S]], ['y', S], 'Base64-encodes a string (standard alphabet, padded).',
    ([s]) => base64Encode(str(s, 1), false, true)),
  def('base64.decode', 'encoding', [['x', S]], ['y', S], 'Decodes standard, padded base64.',
    ([s]) => decodeOrThrow(base64Decode(str(s, 1), STD, true))),
  def('base64.is_valid', 'encoding', [['x', S]], ['result', T.boolean], 'True if x is valid standard base64.',
    ([s]) => typeof base64Decode(str(s, 1), STD, true) !== 'string'),
  def('base64url.encode', 'encoding', [['x', S]], ['y', S], 'Base64url-encodes a string (padded).',
    ([s]) => base64Encode(str(s, 1), true, true)),
  def('base64url.encode_no_pad', 'encoding', [['x', S]], ['y', S], 'Base64url-encodes a string without padding.',
    ([s]) => base64Encode(str(s, 1), true, false)),
  def('base64url.decode', 'encoding', [['x', S]], ['y', S], 'Decodes base64url, with or without padding.',
    ([s]) => {
      const text = str(s, 1);
      return decodeOrThrow(base64Decode(text, URL, text.includes('=')));
    }),
  def('hex.encode', 'encoding', [['x', S]], ['y', S], 'Hex-encodes the UTF-8 bytes of a string.',
    ([s]) => Buffer.from(str(s, 1), 'utf8').toString('hex')),
  def('hex.decode', 'encoding', [['x', S]], ['y', S], 'Decodes a hex string.',
    ([s]) => {
      const text = str(s, 1);
      const bad = /[^0-9a-fA-F]/.exec(text);
      if (bad) throw builtinError(`encoding/hex: invalid byte: U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(bad[0]).replace(/^"|"$/g, "'")}`);
      if (text.length % 2 !== 0) throw builtinError('encoding/hex: odd length hex string');
      return fromUtf8(Buffer.from(text, 'hex'));
    }),
  def('urlquery.encode', 'encoding', [['x', S]], ['y', S], 'URL query-escapes a string (spaces become +).',
    ([s]) => queryEscape(str(s, 1))),
  def('urlquery.decode', 'encoding', [['x', S]], ['y', S], 'Decodes a URL query-escaped string.',
    ([s]) => queryUnescape(str(s, 1))),
  def('urlquery.encode_object', 'encoding', [['object', T.object(S, T.union(S, T.array(S), T.set(S)))]], ['y', S],
    'Encodes an object as a URL query string (keys sorted).', ([o]) => encodeObject(o)),
  def('urlquery.decode_object', 'encoding', [['x', S]], ['object', T.object(S, T.array(S))],
    'Decodes a URL query string into an object of value arrays.', ([s]) => decodeObject(str(s, 1))),
  def('json.marshal', 'encoding', [['x', T.any]], ['y', S], 'Serialises a value to compact JSON (object keys sorted, sets as arrays).',
    ([v]) => marshalled(v)),
  def('json.marshal_with_options', 'encoding', [['x', T.any], ['opts', T.object(S, T.any)]], ['y', S],
    'Serialises a value to JSON; `pretty`, `indent` (default tab) and `prefix` control the layout.',
    ([v, o]) => marshalWithOptions(v, o)),
  def('json.unmarshal', 'encoding', [['x', S]], ['y', T.any], 'Parses JSON text.',
    ([s]) => {
      const r = parseJSON(str(s, 1));
      if (r.error !== undefined) throw builtinError(r.error);
      return r.value;
    }),
  def('json.is_valid', 'encoding', [['x', S]], ['result', T.boolean], 'True if x is valid JSON.',
    ([s]) => (typeof s === 'string' ? parseJSON(s).error === undefined : false)),
  def('yaml.marshal', 'encoding', [['x', T.any]], ['y', S], 'Serialises a value to YAML.', ([v]) => yamlMarshal(v)),
  def('yaml.unmarshal', 'encoding', [['x', S]], ['y', T.any], 'Parses YAML text.',
    ([s]) => {
      const r = parseYAML(str(s, 1));
      if (r.error !== undefined) throw builtinError(r.error);
      return r.value;
    }),
  def('yaml.is_valid', 'encoding', [['x', S]], ['result', T.boolean], 'True if x is valid YAML.',
    ([s]) => (typeof s === 'string' ? parseYAML(s).error === undefined : false)),
];

/**
 * `json.marshal` of composite values, kept per value object: values are immutable, and fix
 * verification re-runs rules over an edited unit whose unchanged resources keep their converted
 * values (policy/incremental.ts), so a rule that marshals every configuration (sg_unused) does the
 * work once per resource instead of once per re-scan. Scalars are cheap and are not kept.
 */
const marshalledText = new WeakMap<object, string>();

function marshalled(v: RegoValue): string {
  if (v === null || typeof v !== 'object') return toJSONText(v);
  let text = marshalledText.get(v);
  if (text === undefined) marshalledText.set(v, (text = toJSONText(v)));
  return text;
}
