// OPA's RewriteLocalVars stage, reduced to the errors it reports: re-declaring a local (`var x
// assigned above`, `referenced above`, `declared above`, `arg x redeclared`), assigning inside a
// negated expression, `some x` never used, and in strict mode unused `:=` locals and unused
// function arguments. Scopes nest like OPA's: a rule body shares the arguments' scope, each
// comprehension and `every` body opens a new one.
import type { Body, Expr, Loc, Term } from '../syntax/ast';
import { clauses, type ErrorSink, exprCall, isAssignExpr, isWildcard, varsOf, walkExprVars, walkTerms, walkVars } from './model';
import type { Resolved } from './resolve';

type Occurrence = 'seen' | 'assigned' | 'declared' | 'arg';

interface Local {
  occ: Occurrence;
  count: number;
  /** OPA's generated name index (`__localN__`), which orders its unused-var reports. */
  gen: number;
  /** Expression that declared it (where unused-var errors point). */
  at?: Loc;
}

type Frame = Map<string, Local>;

interface PendingError {
  message: string;
  loc: Loc;
}

export class LocalsChecker {
  private stack: Frame[] = [];
  private errors: PendingError[] = [];
  /** OPA's generated-name counter: it runs on across rules and modules, like OPA's. */
  gen = 0;
  /**
   * Set once an error order depended on the counter's absolute value (two or more unused vars of
   * one scope are sorted by their generated names as strings, where `__local10__` < `__local9__`).
   */
  orderUsedGen = false;

  constructor(private readonly strict: boolean) {}

  /** Checks one rule clause; returns its errors in OPA's order. */
  clause(args: Term[], headTerms: Term[], headUsed: Set<string>, headValueVars: Set<string>, body: Body, ruleLoc: Loc, checkArgs: boolean, elseUses: Set<string>): PendingError[] {
    this.errors = [];
    const frame: Frame = new Map();
    this.stack = [frame];
    const argNames: string[] = [];
    for (const a of args) {
      walkVars(a, (v) => {
        const name = (v.value as { name: string }).name;
        if (isWildcard(name)) return;
        const prev = frame.get(name);
        if (prev) prev.count++;
        else {
          frame.set(name, { occ: 'arg', count: 1, gen: this.gen++ });
          argNames.push(name);
        }
      }, false);
    }
    // Comprehensions in the head are rewritten (in their own scopes) before the body.
    for (const h of headTerms) {
      walkTerms(h, (t) => {
        const v = t.value;
        if (v.type === 'arraycomprehension' || v.type === 'setcomprehension') this.isolated(() => this.comprehension([v.term], v.body));
        else if (v.type === 'objectcomprehension') this.isolated(() => this.comprehension([v.key, v.value], v.body));
        else return true;
        return false;
      });
    }
    this.body(body, headUsed);
    // Else clauses share the arguments; OPA checks them for use on the first clause only.
    if (this.strict && checkArgs) {
      for (const name of argNames) {
        if ((frame.get(name)?.count ?? 0) > 1 || headValueVars.has(name) || elseUses.has(name)) continue;
        this.errors.push({ message: `unused argument ${name}. (hint: use _ (wildcard variable) instead)`, loc: ruleLoc });
      }
    }
    return this.errors;
  }

  private isolated(fn: () => void): void {
    const saved = this.stack;
    this.stack = [new Map()];
    fn();
    this.stack = saved;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private lookup(name: string): Local | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const l = this.stack[i].get(name);
      if (l && l.occ !== 'seen') return l;
    }
    return undefined;
  }

  private reference(name: string): void {
    if (isWildcard(name)) return;
    const l = this.lookup(name);
    if (l) {
      l.count++;
      return;
    }
    const seen = this.top().get(name);
    if (seen) seen.count++;
    else this.top().set(name, { occ: 'seen', count: 1, gen: -1 });
  }

  private declare(v: Term, occ: 'assigned' | 'declared', at: Loc): void {
    const name = (v.value as { name: string }).name;
    if (isWildcard(name)) return;
    const prev = this.top().get(name);
    if (prev) {
      const message =
        prev.occ === 'seen' ? `var ${name} referenced above` : prev.occ === 'assigned' ? `var ${name} assigned above` : prev.occ === 'declared' ? `var ${name} declared above` : `arg ${name} redeclared`;
      this.errors.push({ message, loc: v.loc });
      return;
    }
    this.top().set(name, { occ, count: 1, gen: this.gen++, at });
  }

  private body(body: Body, used: Set<string>): void {
    for (const e of body) this.expr(e);
    const frame = this.top();
    const generated = (a: [string, Local], b: [string, Local]) => (`__local${a[1].gen}__` < `__local${b[1].gen}__` ? -1 : 1);
    if (this.strict && this.errors.length === 0) {
      const unused = [...frame].filter(([name, l]) => l.occ === 'assigned' && l.count <= 1 && !used.has(name)).sort(generated);
      if (unused.length > 1) this.orderUsedGen = true;
      for (const [name, l] of unused) this.errors.push({ message: `assigned var ${name} unused`, loc: l.at ?? body[0].loc });
    }
    if (this.errors.length === 0) {
      const unused = [...frame].filter(([name, l]) => l.occ === 'declared' && l.count <= 1 && !used.has(name)).sort(generated);
      if (unused.length > 1) this.orderUsedGen = true;
      for (const [name, l] of unused) this.errors.push({ message: `declared var ${name} unused`, loc: l.at ?? body[0].loc });
    }
  }

  private expr(e: Expr): void {
    const t = e.terms;
    if (isAssignExpr(e)) return this.assignment(e);
    if ('kind' in t && t.kind === 'some') {
      for (const s of t.symbols) {
        if (s.value.type === 'var') this.declare(s, 'declared', e.loc);
        else if (s.value.type === 'call') {
          // OPA declares the key/value vars before it rewrites the collection.
          const args = s.value.args;
          for (const pattern of args.slice(0, -1)) {
            walkVars(pattern, (v) => {
              this.declare(v, 'declared', e.loc);
              // The rewritten `x = xs[_]` uses the var, so `some x in xs` is never "unused".
              const l = this.top().get((v.value as { name: string }).name);
              if (l) l.count++;
            }, false);
          }
          this.term(args[args.length - 1]);
        }
      }
      return;
    }
    if ('kind' in t && t.kind === 'every') {
      this.term(t.domain);
      this.stack.push(new Map());
      for (const kv of [t.key, t.value]) {
        if (!kv) continue;
        walkVars(kv, (v) => {
          const name = (v.value as { name: string }).name;
          if (!isWildcard(name)) this.top().set(name, { occ: 'declared', count: 1, gen: this.gen++ });
        }, false);
      }
      this.body(t.body, new Set());
      this.stack.pop();
      for (const w of e.with) this.term(w.value);
      return;
    }
    if ('kind' in t) {
      this.term(t.operator);
      t.args.forEach((a) => this.term(a));
    } else this.term(t);
    for (const w of e.with) {
      this.term(w.value);
      // A `with` target naming a local (`with count as f`) uses it.
      if (w.target.value.type === 'var' || (w.target.value.type === 'ref' && w.target.value.terms.length === 1)) this.term(w.target);
    }
  }

  private assignment(e: Expr): void {
    if (e.negated) {
      this.errors.push({ message: 'cannot assign vars inside negated expression', loc: e.loc });
      return;
    }
    const c = exprCall(e);
    if (!c || c.args.length !== 2) return;
    this.term(c.args[1]);
    for (const w of e.with) this.term(w.value);
    const lhs = (t: Term): void => {
      const v = t.value;
      if (v.type === 'var') this.declare(t, 'assigned', e.loc);
      else if (v.type === 'array') v.items.forEach(lhs);
      else if (v.type === 'object') v.items.forEach(([, x]) => lhs(x));
      else if (v.type === 'ref' && v.terms.length === 1 && v.terms[0].value.type === 'var') this.declare(v.terms[0], 'assigned', e.loc);
      else this.errors.push({ message: `cannot assign to ${v.type}`, loc: t.loc });
    };
    lhs(c.args[0]);
  }

  private term(t: Term): void {
    const v = t.value;
    switch (v.type) {
      case 'var':
        this.reference(v.name);
        return;
      case 'ref':
        v.terms.forEach((x) => this.term(x));
        return;
      case 'array':
      case 'set':
        v.items.forEach((x) => this.term(x));
        return;
      case 'object':
        v.items.forEach(([k, x]) => {
          this.term(k);
          this.term(x);
        });
        return;
      case 'call': {
        const op = v.operator.value;
        const name = op.type === 'var' ? op.name : op.type === 'ref' && op.terms.length === 1 && op.terms[0].value.type === 'var' ? op.terms[0].value.name : undefined;
        if (name && this.lookup(name)) this.errors.push({ message: `called function ${name} shadowed`, loc: t.loc });
        v.args.forEach((x) => this.term(x));
        return;
      }
      case 'templatestring':
        v.parts.forEach((p) => typeof p !== 'string' && this.term(p));
        return;
      case 'arraycomprehension':
      case 'setcomprehension':
        this.comprehension([v.term], v.body);
        return;
      case 'objectcomprehension':
        this.comprehension([v.key, v.value], v.body);
        return;
    }
  }

  private comprehension(head: Term[], body: Body): void {
    const used = new Set<string>();
    for (const h of head) for (const n of varsOf(h)) used.add(n);
    this.stack.push(new Map());
    this.body(body, used);
    head.forEach((h) => this.term(h));
    this.stack.pop();
  }
}

/**
 * One rule's local-variable errors. Reads the rule, `strict`, and — only where `orderUsedGen` gets
 * set — the checker's counter on entry; advances the counter by the rule's declarations.
 */
export function localVarsOfRule(checker: LocalsChecker, r: Resolved, errs: ErrorSink): void {
  // Arguments used only in an else clause count as used.
  const elseUses = new Set<string>();
  for (const c of clauses(r.rule).slice(1)) {
    c.body.forEach((e) => walkExprVars(e, (v) => elseUses.add((v.value as { name: string }).name)));
    if (c.head.value) varsOf(c.head.value).forEach((n) => elseUses.add(n));
  }
  for (const [i, c] of clauses(r.rule).entries()) {
    const used = new Set<string>();
    c.head.ref.slice(1).forEach((t) => varsOf(t).forEach((n) => used.add(n)));
    if (c.head.key) varsOf(c.head.key).forEach((n) => used.add(n));
    const valueVars = c.head.value ? varsOf(c.head.value) : new Set<string>();
    valueVars.forEach((n) => used.add(n));
    for (const e of checker.clause(c.head.args ?? [], [c.head.key, c.head.value].filter((t): t is Term => !!t), used, valueVars, c.body, c.loc, i === 0, elseUses)) errs.add('rego_compile_error', e.message, r.m, e.loc);
  }
}
