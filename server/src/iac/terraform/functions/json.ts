// JSON text as Go's encoding/json writes it (Terraform's jsonencode and the AWS provider both use
// it): <, > and & escaped as \u003c etc., U+2028/U+2029 escaped, whole numbers without ".0".
import { Unknown, Value, isObject } from '../values';
import { compareCodePoints, formatNumber } from './support';

export interface GoJsonOptions {
  /** Sort object keys (cty maps/objects); false keeps insertion order (Go structs). */
  sortKeys: boolean;
  /** Indent unit for json.MarshalIndent; undefined writes compact JSON. */
  indent?: string;
}

export function goJsonString(s: string): string {
  // Characters that need no escape are copied in runs (a slice per run), not one by one: a string
  // built a character at a time allocated a new string per character.
  let out = '"';
  let run = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    let escaped: string;
    if (c === 34 /* " */) escaped = '\\"';
    else if (c === 92 /* \ */) escaped = '\\\\';
    else if (c === 10) escaped = '\\n';
    else if (c === 13) escaped = '\\r';
    else if (c === 9) escaped = '\\t';
    else if (c === 8) escaped = '\\b';
    else if (c === 12) escaped = '\\f';
    else if (c < 0x20 || c === 60 /* < */ || c === 62 /* > */ || c === 38 /* & */ || c === 0x2028 || c === 0x2029) {
      escaped = '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      k++; // a valid surrogate pair stays in the run
      continue;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      escaped = '\\ufffd'; // a lone surrogate cannot be UTF-8; Go writes the replacement character
    } else continue;
    out += s.slice(run, k) + escaped;
    run = k + 1;
  }
  return out + s.slice(run) + '"';
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
  // Loops, not map/join with closures: a closure over these locals made every goJson call,
  // scalars included, allocate a context.
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + inner + goJson(v[i], opts, depth + 1);
    return out + outer + ']';
  }
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    // Go sorts map keys by bytes; for UTF-8 that is code point order.
    if (opts.sortKeys) keys.sort(compareCodePoints);
    let out = '{';
    for (let i = 0; i < keys.length; i++) out += (i > 0 ? ',' : '') + inner + goJsonString(keys[i]) + colon + goJson(v[keys[i]], opts, depth + 1);
    return out + outer + '}';
  }
  return 'null';
}
