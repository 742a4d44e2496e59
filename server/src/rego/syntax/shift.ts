// Copies of syntax trees with every position moved by a fixed delta: what an incremental re-parse
// does to the rules after an edit. Nodes are never modified in place (compile errors and lint
// findings of the previous text point at its nodes' locs). Nodes without a position inside (scalar
// values) are shared, since nothing modifies a syntax tree.
//
// This runs for every rule below the edit on every keystroke, so it is written for speed: object
// literals with the parser's property order (same hidden classes as parsed nodes, so consumers stay
// monomorphic), no spreads or closures, and packed arrays.
import type { Body, Every, Expr, Head, Loc, Rule, Term, TermValue, With } from './ast';

export function movedLoc(loc: Loc, delta: number): Loc {
  return { start: loc.start + delta, end: loc.end + delta };
}

/** A copy of a rule (its else chain included) with every `loc` moved by `d`. */
export function shiftedRule(r: Rule, d: number): Rule {
  const out: Rule = { default: r.default, head: shiftedHead(r.head, d), body: shiftedBody(r.body, d), hasBody: r.hasBody, loc: movedLoc(r.loc, d) };
  if (r.else) out.else = shiftedRule(r.else, d);
  return hasOnlyKeys(r, RULE_KEYS) ? out : withExtraKeys(r, out, d);
}

function shiftedHead(h: Head, d: number): Head {
  const out: Head = { ref: shiftedTerms(h.ref, d), assign: h.assign, contains: h.contains, loc: movedLoc(h.loc, d) };
  if (h.args) out.args = shiftedTerms(h.args, d);
  if (h.key) out.key = shiftedTerm(h.key, d);
  if (h.value) out.value = shiftedTerm(h.value, d);
  if (h.generatedValue !== undefined) out.generatedValue = h.generatedValue;
  return hasOnlyKeys(h, HEAD_KEYS) ? out : withExtraKeys(h, out, d);
}

function shiftedBody(body: Body, d: number): Body {
  const out: Body = [];
  for (let i = 0; i < body.length; i++) out.push(shiftedExpr(body[i], d));
  return out;
}

function shiftedExpr(e: Expr, d: number): Expr {
  const out: Expr = { negated: e.negated, terms: shiftedExprTerms(e.terms, d), with: e.with.length === 0 ? [] : shiftedWiths(e.with, d), loc: movedLoc(e.loc, d) };
  if (e.generated !== undefined) out.generated = e.generated;
  return hasOnlyKeys(e, EXPR_KEYS) ? out : withExtraKeys(e, out, d);
}

function shiftedWiths(withs: With[], d: number): With[] {
  const out: With[] = [];
  for (const w of withs) out.push({ target: shiftedTerm(w.target, d), value: shiftedTerm(w.value, d), loc: movedLoc(w.loc, d) });
  return out;
}

function shiftedExprTerms(t: Expr['terms'], d: number): Expr['terms'] {
  if (!('kind' in t)) return shiftedTerm(t, d);
  switch (t.kind) {
    case 'call':
      return { kind: 'call', operator: shiftedTerm(t.operator, d), args: shiftedTerms(t.args, d) };
    case 'some':
      return { kind: 'some', symbols: shiftedTerms(t.symbols, d), loc: movedLoc(t.loc, d) };
    case 'every': {
      // The parser writes `key` (when there is one) right after `kind`.
      const out: Every = t.key
        ? { kind: 'every', key: shiftedTerm(t.key, d), value: shiftedTerm(t.value, d), domain: shiftedTerm(t.domain, d), body: shiftedBody(t.body, d), loc: movedLoc(t.loc, d) }
        : { kind: 'every', value: shiftedTerm(t.value, d), domain: shiftedTerm(t.domain, d), body: shiftedBody(t.body, d), loc: movedLoc(t.loc, d) };
      return out;
    }
    default:
      return shifted(t, d);
  }
}

function shiftedTerms(terms: Term[], d: number): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < terms.length; i++) out.push(shiftedTerm(terms[i], d));
  return out;
}

function shiftedTerm(t: Term, d: number): Term {
  const loc = t.loc;
  return { value: shiftedValue(t.value, d), loc: { start: loc.start + d, end: loc.end + d } };
}

function shiftedValue(v: TermValue, d: number): TermValue {
  switch (v.type) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
    case 'var':
      return v;
    case 'ref':
      return { type: 'ref', terms: shiftedTerms(v.terms, d) };
    case 'array':
    case 'set':
      return { type: v.type, items: shiftedTerms(v.items, d) };
    case 'object': {
      const items: [Term, Term][] = [];
      for (const [k, x] of v.items) items.push([shiftedTerm(k, d), shiftedTerm(x, d)]);
      return { type: 'object', items };
    }
    case 'arraycomprehension':
    case 'setcomprehension':
      return { type: v.type, term: shiftedTerm(v.term, d), body: shiftedBody(v.body, d) };
    case 'objectcomprehension':
      return { type: 'objectcomprehension', key: shiftedTerm(v.key, d), value: shiftedTerm(v.value, d), body: shiftedBody(v.body, d) };
    case 'call':
      return { type: 'call', operator: shiftedTerm(v.operator, d), args: shiftedTerms(v.args, d) };
    default:
      return shifted(v, d);
  }
}

// The node kinds above are copied field by field; a key they do not list (one added to the AST
// later) is copied by the generic walk, so nothing is ever dropped.
const RULE_KEYS = new Set(['default', 'head', 'body', 'hasBody', 'loc', 'else']);
const HEAD_KEYS = new Set(['ref', 'assign', 'contains', 'loc', 'args', 'key', 'value', 'generatedValue']);
const EXPR_KEYS = new Set(['negated', 'terms', 'with', 'loc', 'generated']);

function hasOnlyKeys(node: object, keys: Set<string>): boolean {
  for (const key in node) if (!keys.has(key)) return false;
  return true;
}

function withExtraKeys<T extends object>(source: T, copy: T, d: number): T {
  const src = source as Record<string, unknown>;
  const out = copy as Record<string, unknown>;
  for (const key in src) if (!(key in out)) out[key] = shifted(src[key], d);
  return copy;
}

/** The generic copy, for node kinds the functions above do not list (any added later). */
function shifted<T>(node: T, delta: number): T {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((x) => shifted(x, delta)) as T;
  const out: Record<string, unknown> = {};
  const src = node as Record<string, unknown>;
  for (const key in src) out[key] = key === 'loc' ? movedLoc(src[key] as Loc, delta) : shifted(src[key], delta);
  return out as T;
}
