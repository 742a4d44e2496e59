// Printing values as OPA does: JSON output (encoding/json of ast.JSON: object keys sorted, sets as
// sorted arrays, HTML-escaped by default) and Rego term text (ast.Term.String: what print and
// sprintf's %v show).

import { compareStrings, sortedKeys, sortedValues } from './compare';
import type { RegoNumber, RegoObject, RegoSet, RegoValue } from './types';

export interface JSONFormatOptions {
  /** Go's encoding/json escapes <, > and & as \u003c etc. (json.marshal does). Default true. */
  escapeHTML?: boolean;
  /** Pretty printing as json.MarshalIndent(prefix, indent). */
  indent?: string;
  prefix?: string;
}

export function toJSONText(v: RegoValue, options: JSONFormatOptions = {}): string {
  const escapeHTML = options.escapeHTML ?? true;
  const indent = options.indent;
  if (indent === undefined) return compactJSON(v, escapeHTML);
  const prefix = options.prefix ?? '';
  const write = (x: RegoValue, depth: number): string => {
    if (x === null) return 'null';
    if (typeof x === 'boolean') return x ? 'true' : 'false';
    if (typeof x === 'string') return jsonQuote(x, escapeHTML);
    const nl = (d: number) => (indent === undefined ? '' : '\n' + prefix + indent.repeat(d));
    const sep = indent === undefined ? ':' : ': ';
    if (Array.isArray(x) || (x as RegoSet).kind === 'set') {
      const items = Array.isArray(x) ? x : sortedValues(x as RegoSet);
      if (items.length === 0) return '[]';
      return '[' + items.map((i) => nl(depth + 1) + write(i, depth + 1)).join(',') + nl(depth) + ']';
    }
    const c = x as RegoNumber | RegoObject;
    if (c.kind === 'number') return c.text;
    const entries: [string, RegoValue][] = [];
    for (const [k, val] of c.entries()) entries.push([typeof k === 'string' ? k : toRegoText(k), val]);
    if (entries.length === 0) return '{}';
    entries.sort((p, q) => compareStrings(p[0], q[0]));
    return (
      '{' +
      entries.map(([k, val]) => nl(depth + 1) + jsonQuote(k, escapeHTML) + sep + write(val, depth + 1)).join(',') +
      nl(depth) +
      '}'
    );
  };
  return write(v, 0);
}

/**
 * toJSONText without indentation (json.marshal, the common case), written without closures or
 * intermediate arrays of parts: rules marshal whole resource configurations to pre-filter them.
 */
function compactJSON(x: RegoValue, escapeHTML: boolean): string {
  if (x === null) return 'null';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  if (typeof x === 'string') return jsonQuote(x, escapeHTML);
  if (Array.isArray(x)) return compactItems(x, escapeHTML);
  const c = x as RegoNumber | RegoObject | RegoSet;
  if (c.kind === 'number') return c.text;
  if (c.kind === 'set') return compactItems(sortedValues(c), escapeHTML);
  const entries = Array.from(c.entries());
  if (entries.length === 0) return '{}';
  let named: (readonly [string, RegoValue])[];
  if (entries.every(hasStringKey)) named = entries as (readonly [string, RegoValue])[];
  else named = entries.map(([k, val]) => [typeof k === 'string' ? k : toRegoText(k), val] as const);
  sortByKeyText(named);
  let out = '{';
  for (let i = 0; i < named.length; i++) {
    if (i > 0) out += ',';
    out += jsonQuote(named[i][0], escapeHTML) + ':' + compactJSON(named[i][1], escapeHTML);
  }
  return out + '}';
}

function compactItems(items: readonly RegoValue[], escapeHTML: boolean): string {
  if (items.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += compactJSON(items[i], escapeHTML);
  }
  return out + ']';
}

function hasStringKey(e: readonly [RegoValue, RegoValue]): boolean {
  return typeof e[0] === 'string';
}

function byKeyText(p: readonly [string, RegoValue], q: readonly [string, RegoValue]): number {
  return compareStrings(p[0], q[0]);
}

function byCodeUnits(p: readonly [string, RegoValue], q: readonly [string, RegoValue]): number {
  return p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0;
}

/**
 * Sorts distinct keys in code-point order (compareStrings). The native comparison (UTF-16 code
 * units) agrees except where a surrogate meets a character from U+E000 up, so the native sort runs
 * first and one pass checks each neighbouring pair with compareStrings: if all agree the order is
 * the code-point order (keys are distinct, so that order is unique); otherwise sort again exactly.
 * Configurations marshalled by rules have dozens of keys per object; this halves the sort's cost.
 */
function sortByKeyText(named: (readonly [string, RegoValue])[]): void {
  if (named.length < 2) return;
  named.sort(byCodeUnits);
  for (let i = 1; i < named.length; i++) {
    if (compareStrings(named[i - 1][0], named[i][0]) > 0) {
      named.sort(byKeyText);
      return;
    }
  }
}

/** Characters jsonQuote escapes (with and without Go's HTML escaping). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;
const NEEDS_ESCAPE_HTML = /["\\\u0000-\u001f\u2028\u2029<>&]/;

/** Go encoding/json string quoting. */
export function jsonQuote(s: string, escapeHTML = true): string {
  // Most strings (names, ARNs, CIDRs) need no escape: one native scan instead of a copy char by char.
  if (!(escapeHTML ? NEEDS_ESCAPE_HTML : NEEDS_ESCAPE).test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20) {
      if (c === 0x0a) out += '\\n';
      else if (c === 0x0d) out += '\\r';
      else if (c === 0x09) out += '\\t';
      else out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) out += '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else out += s[i];
  }
  return out + '"';
}

/** Rego term text, as OPA's Term.String(). */
export function toRegoText(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return goQuote(v);
  if (Array.isArray(v)) return '[' + v.map(toRegoText).join(', ') + ']';
  const c = v as RegoNumber | RegoObject | RegoSet;
  if (c.kind === 'number') return c.text;
  if (c.kind === 'set') {
    if (c.size === 0) return 'set()';
    return '{' + sortedValues(c).map(toRegoText).join(', ') + '}';
  }
  return '{' + sortedKeys(c).map((k) => toRegoText(k) + ': ' + toRegoText(c.get(k)!)).join(', ') + '}';
}

/** Go's strconv.Quote: printable Unicode kept, everything else escaped. */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (cp) {
      case 0x07: out += '\\a'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x0b: out += '\\v'; continue;
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
    }
    if (isPrintable(cp) && (!asciiOnly || cp < 0x80)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** Approximates Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols, ASCII space). */
function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}
