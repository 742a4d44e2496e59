// Local variables of one rule, bound as OPA scopes them: function arguments belong to the whole
// rule; each body (the rule's and each `else`) is a scope; comprehensions and `every` open nested
// scopes. A name declared with `some`, `:=` or as an `every` key/value belongs to the scope that
// declares it (shadowing outer ones); an undeclared name in a nested scope is the outer variable
// when the outer scope uses it too (a closure), else a local of the nested scope. Names that are
// rules, import aliases, `input` or `data` are not locals unless declared. Rename and semantic
// tokens read these bindings.
import type { Body, Expr, Rule, Term } from '../rego/index';
import { isCallExpr, isEvery, isSome, operatorName, termVars } from '../lint/index';

export interface LocalVar {
  name: string;
  /** The declaring term: argument, `some`/`:=`/`every` target, or the first occurrence when undeclared. */
  decl: Term;
  occurrences: Term[];
  isArg: boolean;
}

interface Scope {
  parent?: Scope;
  explicit: Map<string, LocalVar>;
  /** Every var occurrence written in this scope (not in nested ones). */
  uses: Term[];
  implicit: Map<string, LocalVar>;
}

const scope = (parent?: Scope): Scope => ({ parent, explicit: new Map(), uses: [], implicit: new Map() });

/** True for names that never bind a local: wildcards and generated vars. */
function isWildcardName(name: string): boolean {
  return name === '_' || name.startsWith('$');
}

/**
 * The local variables of `rule` (with its else chain). `isGlobal(name)` says whether an undeclared
 * name refers to something outside the rule (a rule of the package, an import alias, input/data).
 */
export function ruleLocals(rule: Rule, isGlobal: (name: string) => boolean): LocalVar[] {
  const scopes: Scope[] = [];
  const open = (parent?: Scope) => {
    const s = scope(parent);
    scopes.push(s);
    return s;
  };
  const root = open();
  const declare = (s: Scope, t: Term, isArg = false) => {
    for (const v of termVars(t)) {
      const name = (v.value as { name: string }).name;
      if (isWildcardName(name)) continue;
      const existing = s.explicit.get(name);
      if (existing) existing.occurrences.push(v);
      else s.explicit.set(name, { name, decl: v, occurrences: [v], isArg });
    }
    // Composite patterns (`[a, {"k": b}] := …`) may hold comprehension-free nested refs: visit the rest.
    visitNonVars(t, s);
  };
  const visitNonVars = (t: Term, s: Scope) => {
    const v = t.value;
    if (v.type === 'var') return;
    if (v.type === 'array' || v.type === 'set') v.items.forEach((x) => visitNonVars(x, s));
    else if (v.type === 'object') v.items.forEach(([k, x]) => { visitTerm(k, s); visitNonVars(x, s); });
    else if (v.type === 'ref') visitTerm(t, s);
  };
  const visitTerm = (t: Term, s: Scope): void => {
    const v = t.value;
    switch (v.type) {
      case 'var':
        if (!isWildcardName(v.name)) s.uses.push(t);
        return;
      case 'ref':
        v.terms.forEach((x) => visitTerm(x, s));
        return;
      case 'array':
      case 'set':
        v.items.forEach((x) => visitTerm(x, s));
        return;
      case 'object':
        v.items.forEach(([k, x]) => { visitTerm(k, s); visitTerm(x, s); });
        return;
      case 'arraycomprehension':
      case 'setcomprehension': {
        const inner = open(s);
        visitBody(v.body, inner);
        visitTerm(v.term, inner);
        return;
      }
      case 'objectcomprehension': {
        const inner = open(s);
        visitBody(v.body, inner);
        visitTerm(v.key, inner);
        visitTerm(v.value, inner);
        return;
      }
      case 'call':
        visitOperator(v.operator, s);
        v.args.forEach((x) => visitTerm(x, s));
        return;
      case 'templatestring':
        v.parts.forEach((p) => { if (typeof p !== 'string') visitTerm(p, s); });
        return;
    }
  };
  // An operator's head names a function (builtin or rule), never a local; its other segments may hold vars.
  const visitOperator = (op: Term, s: Scope) => {
    if (op.value.type === 'ref') op.value.terms.slice(1).forEach((x) => visitTerm(x, s));
  };
  const visitExpr = (e: Expr, s: Scope) => {
    const t = e.terms;
    if (isSome(t)) {
      for (const sym of t.symbols) {
        if (sym.value.type === 'call') {
          sym.value.args.slice(0, -1).forEach((x) => declare(s, x));
          const domain = sym.value.args[sym.value.args.length - 1];
          if (domain) visitTerm(domain, s);
        } else declare(s, sym);
      }
    } else if (isEvery(t)) {
      visitTerm(t.domain, s);
      const inner = open(s);
      if (t.key) declare(inner, t.key);
      declare(inner, t.value);
      visitBody(t.body, inner);
    } else if (isCallExpr(t)) {
      if (operatorName(t.operator) === 'assign' && t.args.length === 2) {
        declare(s, t.args[0]);
        visitTerm(t.args[1], s);
      } else {
        visitOperator(t.operator, s);
        t.args.forEach((x) => visitTerm(x, s));
      }
    } else visitTerm(t, s);
    for (const w of e.with) {
      visitTerm(w.target, s);
      visitTerm(w.value, s);
    }
  };
  const visitBody = (body: Body, s: Scope) => body.forEach((e) => visitExpr(e, s));

  rule.head.args?.forEach((a) => declare(root, a, true));
  for (let r: Rule | undefined = rule; r; r = r.else) {
    const branch = open(root);
    visitBody(r.body, branch);
    r.head.ref.slice(1).forEach((t) => visitTerm(t, branch));
    if (r.head.key) visitTerm(r.head.key, branch);
    if (r.head.value && !r.head.generatedValue) visitTerm(r.head.value, branch);
  }

  for (const s of scopes) for (const use of s.uses) bind(use, s, isGlobal);
  const out: LocalVar[] = [];
  for (const s of scopes) out.push(...s.explicit.values(), ...s.implicit.values());
  for (const v of out) v.occurrences.sort((a, b) => a.loc.start - b.loc.start);
  return out.filter((v) => v.occurrences.length > 0);
}

/** Attaches one use to its variable (declared in an enclosing scope, or implicit in the outermost scope using it). */
function bind(use: Term, at: Scope, isGlobal: (name: string) => boolean): void {
  const name = (use.value as { name: string }).name;
  for (let s: Scope | undefined = at; s; s = s.parent) {
    const declared = s.explicit.get(name);
    if (declared) {
      if (!declared.occurrences.includes(use)) declared.occurrences.push(use);
      return;
    }
  }
  if (isGlobal(name)) return;
  let owner = at;
  for (let s = at.parent; s; s = s.parent) if (s.uses.some((u) => (u.value as { name: string }).name === name)) owner = s;
  let local = owner.implicit.get(name);
  if (!local) {
    local = { name, decl: use, occurrences: [], isArg: false };
    owner.implicit.set(name, local);
  }
  local.occurrences.push(use);
  if (use.loc.start < local.decl.loc.start) local.decl = use;
}

/** The local variable with an occurrence spanning `offset`, if any. */
export function localAt(locals: LocalVar[], offset: number): LocalVar | undefined {
  return locals.find((v) => v.occurrences.some((t) => t.loc.start <= offset && offset <= t.loc.end));
}
