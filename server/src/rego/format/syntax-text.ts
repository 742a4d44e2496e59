// Textual facts the formatter needs about Rego: infix operators, keywords, and how OPA's
// `Term.String()` spells a term when the formatter does not print it from source.
import type { Ref, Term } from '../syntax/ast';

/** Builtins OPA prints as infix operators, with their declared arity. */
export const INFIX: Record<string, { op: string; arity: number }> = {
  equal: { op: '==', arity: 2 },
  neq: { op: '!=', arity: 2 },
  gt: { op: '>', arity: 2 },
  gte: { op: '>=', arity: 2 },
  lt: { op: '<', arity: 2 },
  lte: { op: '<=', arity: 2 },
  plus: { op: '+', arity: 2 },
  minus: { op: '-', arity: 2 },
  mul: { op: '*', arity: 2 },
  div: { op: '/', arity: 2 },
  rem: { op: '%', arity: 2 },
  and: { op: '&', arity: 2 },
  or: { op: '|', arity: 2 },
  assign: { op: ':=', arity: 2 },
  eq: { op: '=', arity: 2 },
  'internal.member_2': { op: 'in', arity: 2 },
  'internal.member_3': { op: 'in', arity: 3 },
};

export const MEMBER_2 = 'internal.member_2';
export const MEMBER_3 = 'internal.member_3';

export const KEYWORDS_V0 = ['not', 'package', 'import', 'as', 'default', 'else', 'with', 'null', 'true', 'false', 'some'];
export const KEYWORDS_V1 = [...KEYWORDS_V0, 'in', 'every', 'contains', 'if'];

const VAR_COMPATIBLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isVarCompatible(s: string): boolean {
  return VAR_COMPATIBLE.test(s);
}

const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Go's strconv.Quote, which OPA uses to print strings it does not take from source. */
export function goQuote(s: string): string {
  // Printable ASCII other than `"` and `\` is copied as is (most strings).
  if (PLAIN_ASCII.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
      case '\x07': out += '\\a'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (!isPrintable(cp)) out += cp > 0xffff ? '\\U' + cp.toString(16).padStart(8, '0') : '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function isPrintable(cp: number): boolean {
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(cp)) || cp === 0x20;
}

/** Name of a call's operator as OPA compares it (`equal`, `internal.member_2`, `data.lib.f`). */
export function operatorName(t: Term): string {
  if (t.value.type === 'var') return t.value.name;
  if (t.value.type === 'ref') return refString(t.value.terms);
  return termString(t);
}

export function refString(ref: Ref): string {
  if (ref.length === 0) return '';
  let out = ref[0].value.type === 'var' ? ref[0].value.name : termString(ref[0]);
  for (const t of ref.slice(1)) {
    if (t.value.type === 'string' && isVarCompatible(t.value.value) && !KEYWORDS_V1.includes(t.value.value)) out += '.' + t.value.value;
    else out += '[' + termString(t) + ']';
  }
  return out;
}

/** OPA's `Term.String()` for the terms the formatter prints that way (rule-head keys, operators). */
export function termString(t: Term): string {
  const v = t.value;
  switch (v.type) {
    case 'null': return 'null';
    case 'boolean': return String(v.value);
    case 'number': return v.raw;
    case 'string': return goQuote(v.value);
    case 'var': return v.name.startsWith('$') ? '_' : v.name;
    case 'ref': return refString(v.terms);
    case 'array': return '[' + v.items.map(termString).join(', ') + ']';
    case 'set': return v.items.length === 0 ? 'set()' : '{' + v.items.map(termString).join(', ') + '}';
    case 'object': return '{' + v.items.map(([k, x]) => termString(k) + ': ' + termString(x)).join(', ') + '}';
    case 'call': return operatorName(v.operator) + '(' + v.args.map(termString).join(', ') + ')';
    case 'arraycomprehension': return '[' + termString(v.term) + ' | …]';
    case 'setcomprehension': return '{' + termString(v.term) + ' | …}';
    case 'objectcomprehension': return '{' + termString(v.key) + ': ' + termString(v.value) + ' | …}';
    case 'templatestring': return '$"…"';
  }
}
