// A rule body in the form OPA's safety check sees it: `some x` declarations removed, nested calls
// lifted into their own expressions (their result is a generated var), locals declared inside a
// comprehension or `every` renamed apart from outer vars, and each closure kept with its own body.
import type { Body, Expr, Loc, Term } from '../syntax/ast';
import { exprCall, operatorName, walkVars } from './model';
import { lookupBuiltin } from './signatures';

function isBuiltinRef(t: Term): boolean {
  const name = operatorName(t);
  return !!name && !!lookupBuiltin(name);
}

export interface Closure {
  kind: 'comprehension' | 'every';
  /** Vars of the comprehension's head term(s). */
  headVars: Set<string>;
  /** `every` key/value vars (safe inside its body). */
  keyValueVars: Set<string>;
  units: Unit[];
  /** Every var anywhere inside the closure (nested closures included). */
  allVars: Set<string>;
}

export interface Unit {
  loc: Loc;
  negated: boolean;
  kind: 'eq' | 'call' | 'term' | 'every' | 'somein';
  /** eq: [lhs, rhs]; call: the operands; term: [term]; every: [domain]; somein: [domain]. */
  terms: Term[];
  /** somein: key/value patterns. */
  patterns?: Term[];
  /** call: the operator (for arity). */
  operator?: Term;
  /** call: a lifted call (one extra output operand). */
  generated?: boolean;
  withValues: Term[];
  closures: Closure[];
  /** Vars the expression needs or binds (closures and call operators excluded). */
  vars: Set<string>;
}

/** Prefix of the generated vars that stand for a lifted call's result. */
export const CALL_VAR = '__call';
const SCOPE_MARK = '#';

/** The name a user wrote, from a (possibly scope-renamed) var. */
export function sourceName(name: string): string {
  const i = name.indexOf(SCOPE_MARK);
  return i < 0 ? name : name.slice(0, i);
}

export class UnitBuilder {
  private calls = 0;
  private scopes = 0;
  private renames: Map<string, string>[] = [];

  private rename(name: string): string {
    for (let i = this.renames.length - 1; i >= 0; i--) {
      const r = this.renames[i].get(name);
      if (r) return r;
    }
    return name;
  }

  private pushScope(names: Iterable<string> = []): void {
    this.renames.push(new Map());
    for (const n of names) this.declare(n);
  }

  /** A declaration (`:=`, `some`, `every` key/value) starts a new var from here on, as OPA renames it. */
  private declare(name: string): void {
    if (name === '_') return;
    this.renames[this.renames.length - 1].set(name, `${name}${SCOPE_MARK}${++this.scopes}`);
  }

  private declareIn(t: Term): void {
    walkVars(t, (v) => this.declare((v.value as { name: string }).name), false);
  }

  /** A rule clause: its body's units, then the head's (lifted) units, in the body's scope. */
  rule(body: Body, headTerms: Term[], headRef: Term[] = []): { units: Unit[]; head: { units: Unit[]; rewritten: Term[] } } {
    this.pushScope();
    const units = this.body(body);
    const head = this.headUnits(headTerms);
    for (const t of headRef) head.rewritten.push(this.term(t, [], []));
    this.renames.pop();
    return { units, head };
  }

  body(body: Body): Unit[] {
    const out: Unit[] = [];
    for (const e of body) this.expr(e, out);
    return out;
  }

  /** Units for the head's key/value (lifted calls and comprehensions land in the body). */
  headUnits(terms: Term[]): { units: Unit[]; rewritten: Term[] } {
    const units: Unit[] = [];
    const rewritten = terms.map((t) => {
      const closures: Closure[] = [];
      const r = this.term(t, units, closures);
      // OPA's RewriteRefsInHead: a head term with refs or comprehensions becomes `__localN__ = term`
      // at the end of the body.
      if (closures.length === 0 && !containsRef(r)) return r;
      const local: Term = { value: { type: 'var', name: `${CALL_VAR}${this.calls++}__` }, loc: t.loc };
      units.push(this.unit({ loc: t.loc, negated: false, kind: 'eq', terms: [local, r], withValues: [], closures }));
      return local;
    });
    return { units, rewritten };
  }

  private unit(u: Omit<Unit, 'vars'>): Unit {
    const vars = new Set<string>();
    const add = (t: Term) => walkVars(t, (v) => vars.add((v.value as { name: string }).name), false);
    u.terms.forEach(add);
    u.patterns?.forEach(add);
    u.withValues.forEach(add);
    return { ...u, vars };
  }

  private expr(e: Expr, out: Unit[]): void {
    const t = e.terms;
    const closures: Closure[] = [];
    // `with` values are rewritten after a `some` declaration and before an assignment's target.
    // A builtin named as a `with` replacement (`with count as object.union_n`) is not a var.
    const withs = () => e.with.map((w) => (isBuiltinRef(w.value) ? { value: { type: 'null' as const }, loc: w.value.loc } : this.term(w.value, out, closures)));
    if ('kind' in t && t.kind === 'some') {
      for (const s of t.symbols) {
        if (s.value.type !== 'call') {
          this.declareIn(s);
          continue;
        }
        const args = s.value.args;
        args.slice(0, -1).forEach((p) => this.declareIn(p));
        const domain = this.term(args[args.length - 1], out, closures);
        const patterns = args.slice(0, -1).map((p) => this.term(p, out, closures));
        out.push(this.unit({ loc: e.loc, negated: false, kind: 'somein', terms: [domain], patterns, withValues: withs(), closures }));
      }
      return;
    }
    if ('kind' in t && t.kind === 'every') {
      const withValues = withs();
      // OPA binds the domain to a generated var first (`__localN__ = xs`), at the domain's location.
      const domainTerm = this.term(t.domain, out, closures);
      const domain: Term = { value: { type: 'var', name: `${CALL_VAR}${this.calls++}__` }, loc: t.domain.loc };
      out.push(this.unit({ loc: t.domain.loc, negated: false, kind: 'eq', terms: [domain, domainTerm], withValues: [], closures: [] }));
      const kv = new Set<string>();
      for (const x of [t.key, t.value]) if (x) walkVars(x, (v) => kv.add((v.value as { name: string }).name), false);
      this.pushScope(kv);
      const keyValueVars = new Set([...kv].map((n) => this.rename(n)));
      const units = this.body(t.body);
      const allVars = new Set<string>(keyValueVars);
      units.forEach((u) => collectAll(u, allVars));
      this.renames.pop();
      closures.push({ kind: 'every', headVars: new Set(), keyValueVars, units, allVars });
      out.push(this.unit({ loc: e.loc, negated: e.negated, kind: 'every', terms: [domain], withValues, closures }));
      return;
    }
    const call = exprCall(e);
    if (call) {
      const op = operatorName(call.operator);
      let args: Term[];
      let withValues: Term[];
      if (op === 'assign' && call.args.length === 2) {
        const rhs = this.term(call.args[1], out, closures);
        withValues = withs();
        this.declareIn(call.args[0]);
        args = [this.term(call.args[0], out, closures), rhs];
      } else {
        withValues = withs();
        args = call.args.map((a) => this.term(a, out, closures));
      }
      if ((op === 'eq' || op === 'assign') && args.length === 2) {
        out.push(this.unit({ loc: e.loc, negated: e.negated, kind: 'eq', terms: args, withValues, closures }));
      } else {
        out.push(this.unit({ loc: e.loc, negated: e.negated, kind: 'call', terms: args, operator: call.operator, withValues, closures }));
      }
      return;
    }
    const withValues = withs();
    const term = this.term(t as Term, out, closures);
    out.push(this.unit({ loc: e.loc, negated: e.negated, kind: 'term', terms: [term], withValues, closures }));
  }

  /** Rewrites a term: renames scoped locals, lifts calls into `out`, collects closures. */
  private term(t: Term, out: Unit[], closures: Closure[]): Term {
    const v = t.value;
    switch (v.type) {
      case 'var':
        return { value: { type: 'var', name: this.rename(v.name) }, loc: t.loc };
      case 'ref':
        return { value: { type: 'ref', terms: v.terms.map((x, i) => (i === 0 && x.value.type === 'var' ? this.term(x, out, closures) : this.term(x, out, closures))) }, loc: t.loc };
      case 'array':
        return { value: { type: 'array', items: v.items.map((x) => this.term(x, out, closures)) }, loc: t.loc };
      case 'set':
        return { value: { type: 'set', items: v.items.map((x) => this.term(x, out, closures)) }, loc: t.loc };
      case 'object':
        return { value: { type: 'object', items: v.items.map(([k, x]) => [this.term(k, out, closures), this.term(x, out, closures)] as [Term, Term]) }, loc: t.loc };
      case 'templatestring':
        return { value: { ...v, parts: v.parts.map((p) => (typeof p === 'string' ? p : this.term(p, out, closures))) }, loc: t.loc };
      case 'call': {
        const innerClosures: Closure[] = [];
        const args = v.args.map((a) => this.term(a, out, innerClosures));
        const result: Term = { value: { type: 'var', name: `${CALL_VAR}${this.calls++}__` }, loc: t.loc };
        out.push(this.unit({ loc: t.loc, negated: false, kind: 'call', terms: [...args, result], operator: v.operator, generated: true, withValues: [], closures: innerClosures }));
        return result;
      }
      case 'arraycomprehension':
      case 'setcomprehension':
      case 'objectcomprehension': {
        this.pushScope();
        const heads = v.type === 'objectcomprehension' ? [v.key, v.value] : [v.term];
        const units = this.body(v.body);
        const headUnits: Unit[] = [];
        const headTerms = heads.map((h) => this.term(h, headUnits, []));
        const headVars = new Set<string>();
        headTerms.forEach((h) => walkVars(h, (x) => headVars.add((x.value as { name: string }).name), false));
        this.renames.pop();
        const all = [...units, ...headUnits];
        const allVars = new Set<string>(headVars);
        all.forEach((u) => collectAll(u, allVars));
        closures.push({ kind: 'comprehension', headVars, keyValueVars: new Set(), units: all, allVars });
        return { value: { type: v.type === 'objectcomprehension' ? 'objectcomprehension' : v.type, ...(v.type === 'objectcomprehension' ? { key: headTerms[0], value: headTerms[1] } : { term: headTerms[0] }), body: [] } as Term['value'], loc: t.loc };
      }
      default:
        return t;
    }
  }
}

function collectAll(u: Unit, into: Set<string>): void {
  u.vars.forEach((n) => into.add(n));
  u.patterns?.forEach((p) => walkVars(p, (v) => into.add((v.value as { name: string }).name), false));
  u.closures.forEach((c) => c.allVars.forEach((n) => into.add(n)));
}

function containsRef(t: Term): boolean {
  const v = t.value;
  switch (v.type) {
    case 'ref':
      return true;
    case 'array':
    case 'set':
      return v.items.some(containsRef);
    case 'object':
      return v.items.some(([k, x]) => containsRef(k) || containsRef(x));
    case 'templatestring':
      return v.parts.some((p) => typeof p !== 'string' && containsRef(p));
    default:
      return false;
  }
}
