// What the statement parser produces before a Module is assembled (OPA's Statement kinds, with the
// bookkeeping its checks need), and small helpers on terms shared by the statement parsers.
import type { Body, Expr, Loc, Term } from './ast';

/** A rule head while parsing (OPA's Head, with the bookkeeping its checks need). */
export interface ParsedHead {
  ref: Term[];
  args?: Term[];
  key?: Term;
  value?: Term;
  assign: boolean;
  /** OPA's Head.Name: set for `p`, `p[x]` (v0 partial) and `p[x] = y` forms. */
  name?: string;
  generatedValue: boolean;
  keywordIf: boolean;
  keywordContains: boolean;
  loc: Loc;
}

export interface ParsedRule {
  kind: 'rule';
  default: boolean;
  head: ParsedHead;
  body: Body;
  generatedBody: boolean;
  else?: ParsedRule;
  loc: Loc;
}

export interface ParsedPackage {
  kind: 'package';
  path: Term[];
  loc: Loc;
}

export interface ParsedImport {
  kind: 'import';
  path: Term;
  alias?: string;
  loc: Loc;
}

export interface ParsedBody {
  kind: 'body';
  body: Body;
  loc: Loc;
}

export type Statement = ParsedPackage | ParsedImport | ParsedRule | ParsedBody;

export function copyHead(h: ParsedHead): ParsedHead {
  return { ...h, ref: [...h.ref], args: h.args ? [...h.args] : undefined };
}

export function isGround(t: Term): boolean {
  const v = t.value;
  switch (v.type) {
    case 'var':
      return false;
    case 'ref':
      // As OPA's Ref.IsGround: the head (a var) does not count.
      return v.terms.slice(1).every(isGround);
    case 'array':
    case 'set':
      return v.items.every(isGround);
    case 'object':
      return v.items.every(([k, x]) => isGround(k) && isGround(x));
    case 'call':
      return isGround(v.operator) && v.args.every(isGround);
    case 'arraycomprehension':
    case 'setcomprehension':
    case 'objectcomprehension':
      return false;
    case 'templatestring':
      return v.parts.every((p) => typeof p === 'string' || isGround(p));
    default:
      return true;
  }
}

export function refString(ref: Term[]): string {
  let out = '';
  ref.forEach((t, i) => {
    const v = t.value;
    if (i === 0 && v.type === 'var') out += v.name;
    else if (v.type === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v.value)) out += '.' + v.value;
    else out += '[' + termString(t) + ']';
  });
  return out;
}

/** A short rendering of a term for messages (OPA prints terms with their String()). */
export function termString(t: Term): string {
  const v = t.value;
  switch (v.type) {
    case 'var': return v.name;
    case 'string': return JSON.stringify(v.value);
    case 'number': return v.raw;
    case 'boolean': return String(v.value);
    case 'null': return 'null';
    case 'ref': return refString(v.terms);
    case 'array': return '[' + v.items.map(termString).join(', ') + ']';
    case 'set': return v.items.length === 0 ? 'set()' : '{' + v.items.map(termString).join(', ') + '}';
    case 'object': return '{' + v.items.map(([k, x]) => termString(k) + ': ' + termString(x)).join(', ') + '}';
    case 'call': return termString(v.operator) + '(' + v.args.map(termString).join(', ') + ')';
    default: return v.type;
  }
}

export function trueExpr(loc: Loc): Expr {
  return { negated: false, terms: { value: { type: 'boolean', value: true }, loc: { ...loc } }, with: [], loc: { ...loc }, generated: true };
}

/** `internal.member_2` for the operator ref of `x in xs`, `equal` for `==`, `data.lib.f` for calls. */
export function memberName(op: Term): string {
  return op.value.type === 'ref' ? refString(op.value.terms) : op.value.type === 'var' ? op.value.name : '';
}
