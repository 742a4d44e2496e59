// OPA's ResolveRefs stage: a name that is a rule of the package or an import becomes a full `data…`
// (or `input…`) ref, unless the rule declares a local of that name (argument, `:=`, `some`, `every`
// key/value). The checks after this stage work on resolved copies, so a remaining Var is a local.
import type { Body, Expr, Import, Rule, Term } from '../syntax/ast';
import { type CheckedModule, exprCall, exprTerms, isAssignExpr, refText, walkExprs, walkTermBodies, walkVars } from './model';

export interface Resolved {
  m: CheckedModule;
  /** Resolved copy of the rule (and of its else chain). */
  rule: Rule;
  /** Full path: `data`, package, then the head ref terms. */
  path: Term[];
  /** The source rule (for locations). */
  source: Rule;
}

export interface ResolvedModule {
  m: CheckedModule;
  rules: Resolved[];
  usedImports: Set<Import>;
}

export interface Global {
  ref: Term[];
  /** Imports binding this name (a use counts for all of them, as OPA matches by name). */
  imps: Import[];
}

/** Rule names (first head term) per package, over every module checked together: OPA resolves a
 *  bare name to a rule of the same package wherever that rule is defined. Keyed by `refText`. */
export function packageRuleNames(modules: readonly CheckedModule[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of modules) {
    const key = refText(m.module.package.path);
    let names = out.get(key);
    if (!names) out.set(key, (names = new Set()));
    for (const r of m.module.rules) {
      const head = r.head.ref[0];
      if (head?.value.type === 'var') names.add(head.value.name);
    }
  }
  return out;
}

export function resolveModule(m: CheckedModule, samePackage: ReadonlyMap<string, ReadonlySet<string>> = new Map()): ResolvedModule {
  const globals = moduleGlobals(m, samePackage);
  const used = new Set<Import>();
  const r = new Resolver(globals, used);
  const rules = m.module.rules.map((rule) => ({ m, rule: r.rule(rule), path: rulePath(m, rule), source: rule }));
  return { m, rules, usedImports: used };
}

/** The names a module's rules resolve against: its package's rules, then its imports. */
export function moduleGlobals(m: CheckedModule, samePackage: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Global> {
  const globals = new Map<string, Global>();
  const pkgRef = m.module.package.path;
  for (const r of m.module.rules) {
    const head = r.head.ref[0];
    if (head?.value.type === 'var') {
      const name = head.value.name;
      globals.set(name, { ref: [...pkgRef, { value: { type: 'string', value: name }, loc: head.loc }], imps: [] });
    }
  }
  for (const name of samePackage.get(refText(pkgRef)) ?? []) {
    if (!globals.has(name)) globals.set(name, { ref: [...pkgRef, { value: { type: 'string', value: name }, loc: m.module.package.loc }], imps: [] });
  }
  for (const imp of m.module.imports) {
    const p = imp.path.value;
    const ref: Term[] = p.type === 'ref' ? p.terms : p.type === 'var' ? [imp.path] : [];
    if (ref.length === 0) continue;
    const last = ref[ref.length - 1].value;
    const name = imp.alias ?? (ref.length === 1 && last.type === 'var' ? last.name : last.type === 'string' ? last.value : undefined);
    if (name) globals.set(name, { ref, imps: [...(globals.get(name)?.imps ?? []), imp] });
  }
  return globals;
}

/** The resolved copy of one rule; the imports its names use are added to `used`. */
export function resolveRule(globals: Map<string, Global>, rule: Rule, used: Set<Import>): Rule {
  return new Resolver(globals, used).rule(rule);
}

/** Full path of a rule: `data`, the package, then the head ref (its first var as a string). */
export function rulePath(m: CheckedModule, rule: Rule): Term[] {
  return [...m.module.package.path, ...rule.head.ref.map((t, i) => (i === 0 && t.value.type === 'var' ? { value: { type: 'string' as const, value: t.value.name }, loc: t.loc } : t))];
}

/** Vars a body declares (`:=` left-hand sides, `some`), not looking into comprehensions. */
export function declaredVars(body: Body): Set<string> {
  const out = new Set<string>();
  const add = (t: Term) => walkVars(t, (v) => out.add((v.value as { name: string }).name), false);
  const visit = (e: Expr) => {
    const t = e.terms;
    if (isAssignExpr(e)) {
      const c = exprCall(e);
      if (c && c.args.length === 2) add(c.args[0]);
    } else if ('kind' in t && t.kind === 'some') {
      for (const s of t.symbols) {
        if (s.value.type === 'var') out.add(s.value.name);
        else if (s.value.type === 'call') s.value.args.slice(0, -1).forEach(add);
      }
    } else if ('kind' in t && t.kind === 'every') t.body.forEach(visit);
  };
  body.forEach(visit);
  return out;
}

class Resolver {
  private ignore: Set<string>[] = [];
  constructor(
    private readonly globals: Map<string, Global>,
    private readonly used: Set<Import>,
  ) {}

  rule(r: Rule): Rule {
    const argVars = new Set<string>();
    for (const a of r.head.args ?? []) walkVars(a, (v) => argVars.add((v.value as { name: string }).name), false);
    this.ignore = [argVars, declaredVars(r.body)];
    const head = { ...r.head };
    head.ref = r.head.ref.map((t, i) => (i === 0 ? t : this.term(t)));
    if (r.head.key) head.key = this.term(r.head.key);
    if (r.head.value) head.value = this.term(r.head.value);
    const out: Rule = { ...r, head, body: this.body(r.body) };
    if (r.else) out.else = this.rule(r.else);
    return out;
  }

  private ignored(name: string): boolean {
    return this.ignore.some((s) => s.has(name));
  }

  private lookup(name: string, at: Term): Term[] | undefined {
    const g = this.globals.get(name);
    if (!g || this.ignored(name)) return undefined;
    g.imps.forEach((i) => this.used.add(i));
    return g.ref.map((t) => ({ value: t.value, loc: at.loc }));
  }

  body(b: Body): Body {
    return b.map((e) => this.expr(e));
  }

  private expr(e: Expr): Expr {
    const t = e.terms;
    let terms: Expr['terms'];
    if (!('kind' in t)) terms = this.term(t);
    else if (t.kind === 'call') terms = { kind: 'call', operator: this.term(t.operator), args: t.args.map((a) => this.term(a)) };
    else if (t.kind === 'some') terms = { ...t, symbols: t.symbols.map((s) => (s.value.type === 'call' ? this.term(s) : s)) };
    else {
      const locals = new Set<string>();
      if (t.key) walkVars(t.key, (v) => locals.add((v.value as { name: string }).name), false);
      walkVars(t.value, (v) => locals.add((v.value as { name: string }).name), false);
      const domain = this.term(t.domain);
      this.ignore.push(locals);
      terms = { ...t, domain, body: this.body(t.body) };
      this.ignore.pop();
    }
    return { ...e, terms, with: e.with.map((w) => ({ ...w, target: this.term(w.target), value: this.term(w.value) })) };
  }

  term(t: Term): Term {
    const v = t.value;
    switch (v.type) {
      case 'var': {
        const ref = this.lookup(v.name, t);
        return ref ? { value: { type: 'ref', terms: ref }, loc: t.loc } : t;
      }
      case 'ref': {
        const out: Term[] = [];
        v.terms.forEach((x, i) => {
          if (x.value.type === 'var') {
            const ref = this.lookup(x.value.name, x);
            if (ref && i === 0) out.push(...ref);
            else if (ref) out.push({ value: { type: 'ref', terms: ref }, loc: x.loc });
            else out.push(x);
          } else out.push(this.term(x));
        });
        return { value: { type: 'ref', terms: out }, loc: t.loc };
      }
      case 'array':
        return { value: { type: 'array', items: v.items.map((x) => this.term(x)) }, loc: t.loc };
      case 'set':
        return { value: { type: 'set', items: v.items.map((x) => this.term(x)) }, loc: t.loc };
      case 'object':
        return { value: { type: 'object', items: v.items.map(([k, x]) => [this.term(k), this.term(x)] as [Term, Term]) }, loc: t.loc };
      case 'call':
        return { value: { type: 'call', operator: this.term(v.operator), args: v.args.map((x) => this.term(x)) }, loc: t.loc };
      case 'templatestring':
        return { value: { ...v, parts: v.parts.map((p) => (typeof p === 'string' ? p : this.term(p))) }, loc: t.loc };
      case 'arraycomprehension':
      case 'setcomprehension': {
        this.ignore.push(declaredVars(v.body));
        const out: Term = { value: { type: v.type, term: this.term(v.term), body: this.body(v.body) }, loc: t.loc };
        this.ignore.pop();
        return out;
      }
      case 'objectcomprehension': {
        this.ignore.push(declaredVars(v.body));
        const out: Term = { value: { type: v.type, key: this.term(v.key), value: this.term(v.value), body: this.body(v.body) }, loc: t.loc };
        this.ignore.pop();
        return out;
      }
      default:
        return t;
    }
  }
}

/** Every local a clause may declare (arguments, `:=`, `some`, `every` key/value) in any of its bodies. */
export function clauseLocals(rule: Rule): Set<string> {
  const out = new Set<string>();
  for (const a of rule.head.args ?? []) walkVars(a, (v) => out.add((v.value as { name: string }).name), false);
  const visitBody = (b: Body) => {
    declaredVars(b).forEach((n) => out.add(n));
    walkExprs(b, (e) => {
      const t = e.terms;
      if ('kind' in t && t.kind === 'every') {
        for (const kv of [t.key, t.value]) if (kv) walkVars(kv, (v) => out.add((v.value as { name: string }).name), false);
        declaredVars(t.body).forEach((n) => out.add(n));
      }
      for (const x of exprTerms(e)) walkTermBodies(x, (inner) => declaredVars(inner).forEach((n) => out.add(n)));
    });
  };
  visitBody(rule.body);
  return out;
}
