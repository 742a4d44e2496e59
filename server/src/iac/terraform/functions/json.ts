// JSON text as Go's encoding/json writes it (Terraform's jsonencode and the AWS provider both use
// it): <, > and & escaped as \u003c etc., U+2028/U+2029 escaped, whole numbers without ".0".
import { Unknown, Value, isObject } from '../values';
import { formatNumber } from './support';

export interface GoJsonOptions {
  /** Sort object keys (cty maps/objects); false keeps insertion order (Go structs). */
  sortKeys: boolean;
  /** Indent unit for json.MarshalIndent; undefined writes compact JSON. */
  indent?: string;
}

export function goJsonString(s: string): string {
  let out = '"';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const ch = s[k];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      out += ch + s[k + 1]; // a valid surrogate pair
      k++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate cannot be UTF-8; Go writes the replacement character
    } else out += ch;
  }
  return out + '"';
}

/** Encodes a known value; throws if it contains an Unknown (callers check first). */
export function goJson(v: Value, opts: GoJsonOptions, depth = 0): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) throw new Error('cannot encode an unknown value as JSON');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return goJsonString(v);
  const inner = opts.indent === undefined ? '' : '\n' + opts.indent.repeat(depth + 1);
  const outer = opts.indent === undefined ? '' : '\n' + opts.indent.repeat(depth);
  const colon = opts.indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => inner + goJson(x, opts, depth + 1)).join(',') + outer + ']';
  }
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    if (opts.sortKeys) keys.sort(compareUtf8);
    return '{' + keys.map((k) => inner + goJsonString(k) + colon + goJson(v[k], opts, depth + 1)).join(',') + outer + '}';
  }
  return 'null';
}

/** Go sorts map keys by bytes; for UTF-8 that is code point order. */
function compareUtf8(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
  return x.length - y.length;
}
