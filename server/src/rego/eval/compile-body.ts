// AST terms and bodies → evaluator IR: resolves names (locals → frame slots; rule names, import
// aliases, `data`/`input` → refs), groups locals into scopes with OPA's capture rule for
// comprehensions, and folds constant composites into values.
import type { Body as AstBody, Expr, Term } from '../syntax/ast';
import type { Body, E, FnRef, T, WithMod, WithTarget } from './ir';
import { makeObject, makeSet, numberFromText, type RegoValue } from './values';
import { reorderForSafety } from './safety';
import type { RuleMetadata } from './metadata';

/** What name resolution needs to know about the module a body lives in. */
export interface ModuleScope {
  file: string;
  pkgPath: string[];
  /** First names of rules defined in this package (over all its modules). */
  ruleNames: Set<string>;
  /** Import alias → the imported ref's root and path (`data.lib` → root data, ['lib']). */
  imports: Map<string, { root: 'data' | 'input'; path: string[] }>;
  /** Arity of the user function at this data path, if there is one. */
  functionArity(path: string[]): number | undefined;
  builtinArity(name: string): number | undefined;
  /** Receives compile problems (an unknown function, …). */
  report?(message: string, loc: { start: number; end: number }): void;
}

export class Frame {
  slots = 0;
  names: string[] = [];
  alloc(name: string): number {
    this.names.push(name);
    return this.slots++;
  }
}

export class Scope {
  readonly vars = new Map<string, number>();
  /** Every slot this scope owns (named locals and wildcards). */
  readonly locals = new Set<number>();
  /** Slots of enclosing scopes this scope reads (a comprehension's closure). */
  readonly captures = new Set<number>();
  constructor(
    readonly frame: Frame,
    readonly parent?: Scope,
  ) {}
  lookup(name: string): number | undefined {
    const own = this.vars.get(name);
    if (own !== undefined) return own;
    const outer = this.parent?.lookup(name);
    if (outer !== undefined) this.captures.add(outer);
    return outer;
  }
  declare(name: string): number {
    const slot = this.declareAnonymous(name);
    this.vars.set(name, slot);
    return slot;
  }
  declareAnonymous(name: string): number {
    const slot = this.frame.alloc(name);
    this.locals.add(slot);
    return slot;
  }
}

const OPERATOR_ARITY: Record<string, number> = { eq: 2, assign: 2 };
/** Calls the evaluator implements itself (whether or not the builtin table lists them). */
const INTERNAL_ARITY: Record<string, number> = { 'internal.member_2': 2, 'internal.member_3': 3, print: -1 };

export class BodyCompiler {
  /** The annotations of the rule being compiled (folded into `rego.metadata.*()` calls). */
  metadata?: RuleMetadata;

  constructor(readonly mod: ModuleScope) {}

  /** Compiles a body in `scope`: pre-declares its locals, converts, then reorders for safety. */
  body(ast: AstBody, scope: Scope, bound: ReadonlySet<number> = new Set()): Body {
    this.declareLocals(ast, scope);
    const out = ast.map((e) => this.expr(e, scope));
    return reorderForSafety(out, (slot) => !scope.locals.has(slot) || bound.has(slot));
  }

  /** Declared (`:=`, `some`) vars shadow; other vars are shared with an enclosing scope if it has them. */
  declareLocals(ast: AstBody, scope: Scope): void {
    const declared = new Set<string>();
    const mentioned = new Set<string>();
    for (const e of ast) {
      const t = e.terms;
      if ('kind' in t && t.kind === 'some') {
        for (const s of t.symbols) {
          if (s.value.type === 'var') declared.add(s.value.name);
          else if (s.value.type === 'call') {
            const args = s.value.args;
            for (const a of args.slice(0, args.length - 1)) collectVarNames(a, declared);
            collectVarNames(args[args.length - 1], mentioned);
          }
        }
      } else if ('kind' in t && t.kind === 'every') {
        collectVarNames(t.domain, mentioned);
      } else if ('kind' in t && t.kind === 'call') {
        const op = refName(t.operator);
        if (op === 'assign' && t.args.length === 2) collectVarNames(t.args[0], declared);
        for (const a of t.args) collectVarNames(a, mentioned);
      } else collectVarNames(t as Term, mentioned);
      for (const w of e.with) {
        // `with f as count`: a function name, not a local
        const parts = refParts(w.value);
        if (parts && scope.lookup(parts[0]) === undefined && this.isFunctionName(parts, scope)) continue;
        collectVarNames(w.value, mentioned);
      }
    }
    for (const name of declared) if (name !== '_') scope.declare(name);
    for (const name of mentioned) {
      if (name === '_' || scope.vars.has(name)) continue;
      if (this.isGlobalName(name, scope)) continue;
      if (scope.parent?.lookup(name) !== undefined) continue;
      scope.declare(name);
    }
  }

  private isFunctionName(parts: string[], scope: Scope): boolean {
    const path = this.userPath(parts, scope);
    return path ? this.mod.functionArity(path) !== undefined : this.mod.builtinArity(parts.join('.')) !== undefined;
  }

  private isGlobalName(name: string, scope: Scope): boolean {
    if (scope.lookup(name) !== undefined) return false;
    return name === 'data' || name === 'input' || this.mod.imports.has(name) || this.mod.ruleNames.has(name);
  }

  expr(e: Expr, scope: Scope): E {
    const base = { negated: e.negated, with: e.with.map((w) => this.withMod(w.target, w.value, scope)), loc: e.loc, file: this.mod.file };
    const t = e.terms;
    if ('kind' in t && t.kind === 'some') {
      const sym = t.symbols[0];
      if (t.symbols.length === 1 && sym.value.type === 'call') {
        const args = sym.value.args.map((a) => this.term(a, scope));
        if (args.length === 3) return { ...base, kind: 'somein', key: args[0], value: args[1], domain: args[2] };
        return { ...base, kind: 'somein', value: args[0], domain: args[1] };
      }
      return { ...base, kind: 'nop' };
    }
    if ('kind' in t && t.kind === 'every') {
      const domain = this.term(t.domain, scope);
      const inner = new Scope(scope.frame, scope);
      const key = t.key ? this.declarePattern(t.key, inner) : undefined;
      const value = this.declarePattern(t.value, inner);
      const body = this.body(t.body, inner, new Set(inner.locals));
      return { ...base, kind: 'every', key, value, domain, body, captures: [...inner.captures] };
    }
    if ('kind' in t && t.kind === 'call') {
      const fn = this.fnRef(t.operator, scope);
      const args = t.args.map((a) => this.term(a, scope));
      return { ...base, kind: 'call', fn, args };
    }
    return { ...base, kind: 'term', term: this.term(t as Term, scope) };
  }

  /** Declares the vars of a binding pattern (every key/value) fresh in `scope`. */
  private declarePattern(t: Term, scope: Scope): T {
    const names = new Set<string>();
    collectVarNames(t, names);
    for (const n of names) if (n !== '_') scope.declare(n);
    return this.term(t, scope);
  }

  withMod(targetAst: Term, valueAst: Term, scope: Scope): WithMod {
    const parts = refParts(targetAst);
    let target: WithTarget;
    if (parts && parts[0] === 'input') target = { kind: 'input', path: parts.slice(1) };
    else if (parts && parts[0] === 'data') {
      const path = parts.slice(1);
      target = this.mod.functionArity(path) !== undefined ? { kind: 'fn', name: 'data.' + path.join('.') } : { kind: 'data', path };
    } else {
      const fn = parts ? this.fnRef(targetAst, scope) : undefined;
      target = { kind: 'fn', name: fn?.name ?? '' };
      if (fn?.path && this.mod.functionArity(fn.path) === undefined) target = { kind: 'data', path: fn.path };
    }
    // `with f as g`: the replacement is a function when it names one rather than a value
    const vparts = refParts(valueAst);
    if (target.kind === 'fn' && vparts && scope.lookup(vparts[0]) === undefined) {
      const fn = this.fnRef(valueAst, scope);
      if ((fn.path && this.mod.functionArity(fn.path) !== undefined) || (!fn.path && this.mod.builtinArity(fn.name) !== undefined)) {
        return { target, value: { k: 'val', v: null }, fnValue: fn };
      }
    }
    return { target, value: this.term(valueAst, scope) };
  }

  fnRef(op: Term, scope: Scope): FnRef {
    const parts = refParts(op) ?? ['<invalid>'];
    const path = this.userPath(parts, scope);
    if (path) return { name: 'data.' + path.join('.'), path, arity: this.mod.functionArity(path) ?? -1 };
    const name = parts.join('.');
    const arity = OPERATOR_ARITY[name] ?? this.mod.builtinArity(name) ?? INTERNAL_ARITY[name];
    return { name, arity: arity ?? -1 };
  }

  /** The data path a dotted name refers to, if it names something under data. */
  private userPath(parts: string[], scope: Scope): string[] | undefined {
    const head = parts[0];
    if (scope.lookup(head) !== undefined) return undefined;
    if (head === 'data') return parts.slice(1);
    const imp = this.mod.imports.get(head);
    if (imp && imp.root === 'data') return [...imp.path, ...parts.slice(1)];
    if (this.mod.ruleNames.has(head)) return [...this.mod.pkgPath, ...parts];
    return undefined;
  }

  term(t: Term, scope: Scope): T {
    const v = t.value;
    switch (v.type) {
      case 'null':
        return { k: 'val', v: null };
      case 'boolean':
        return { k: 'val', v: v.value };
      case 'string':
        return { k: 'val', v: v.value };
      case 'number':
        return { k: 'val', v: numberFromText(v.raw) };
      case 'var':
        return this.varTerm(v.name, scope);
      case 'ref': {
        const head = this.term(v.terms[0], scope);
        const path = v.terms.slice(1).map((p) => this.term(p, scope));
        if (head.k === 'ref') return { k: 'ref', head: head.head, path: [...head.path, ...path] };
        return { k: 'ref', head, path };
      }
      case 'array':
        return foldConstant({ k: 'arr', items: v.items.map((i) => this.term(i, scope)) });
      case 'set':
        return foldConstant({ k: 'set', items: v.items.map((i) => this.term(i, scope)) });
      case 'object':
        return foldConstant({ k: 'obj', items: v.items.map(([a, b]) => [this.term(a, scope), this.term(b, scope)] as [T, T]) });
      case 'arraycomprehension':
      case 'setcomprehension': {
        const inner = new Scope(scope.frame, scope);
        const body = this.body(v.body, inner);
        const term = this.term(v.term, inner);
        return { k: v.type === 'arraycomprehension' ? 'acomp' : 'scomp', term, body, captures: [...inner.captures] };
      }
      case 'objectcomprehension': {
        const inner = new Scope(scope.frame, scope);
        const body = this.body(v.body, inner);
        const key = this.term(v.key, inner);
        const value = this.term(v.value, inner);
        return { k: 'ocomp', key, value, body, captures: [...inner.captures] };
      }
      case 'call': {
        const fn = this.fnRef(v.operator, scope);
        if (v.args.length === 0 && (fn.name === 'rego.metadata.rule' || fn.name === 'rego.metadata.chain')) {
          const md = this.metadata ?? { rule: makeObject([]), chain: [] };
          return { k: 'val', v: fn.name === 'rego.metadata.rule' ? md.rule : md.chain };
        }
        return { k: 'call', fn, args: v.args.map((a) => this.term(a, scope)) };
      }
      case 'templatestring':
        return { k: 'tmpl', parts: v.parts.map((p) => (typeof p === 'string' ? p : this.term(p, scope))) };
    }
  }

  private varTerm(name: string, scope: Scope): T {
    if (name === '_') return { k: 'var', slot: scope.declareAnonymous('_'), name: '_' };
    const slot = scope.lookup(name);
    if (slot !== undefined) return { k: 'var', slot, name };
    if (name === 'data' || name === 'input') return { k: 'root', name };
    const imp = this.mod.imports.get(name);
    if (imp) return refTo(imp.root, imp.path);
    if (this.mod.ruleNames.has(name)) return refTo('data', [...this.mod.pkgPath, name]);
    return { k: 'var', slot: scope.declare(name), name };
  }
}

function refTo(root: 'data' | 'input', path: string[]): T {
  const head: T = { k: 'root', name: root };
  return path.length === 0 ? head : { k: 'ref', head, path: path.map((p) => ({ k: 'val', v: p }) as T) };
}

/** `count` / `json.marshal` / `data.lib.f` → ['json', 'marshal'] …; undefined when not a plain name. */
export function refParts(t: Term): string[] | undefined {
  if (t.value.type === 'var') return [t.value.name];
  if (t.value.type !== 'ref') return undefined;
  const out: string[] = [];
  const [head, ...rest] = t.value.terms;
  if (head.value.type !== 'var') return undefined;
  out.push(head.value.name);
  for (const p of rest) {
    if (p.value.type !== 'string') return undefined;
    out.push(p.value.value);
  }
  return out;
}

export function refName(t: Term): string | undefined {
  return refParts(t)?.join('.');
}

/** Names of vars in a term, not descending into comprehension bodies. */
export function collectVarNames(t: Term, out: Set<string>): void {
  const v = t.value;
  switch (v.type) {
    case 'var':
      out.add(v.name);
      return;
    case 'ref':
      v.terms.forEach((x) => {
        collectVarNames(x, out);
      });
      return;
    case 'array':
    case 'set':
      v.items.forEach((x) => collectVarNames(x, out));
      return;
    case 'object':
      v.items.forEach(([a, b]) => {
        collectVarNames(a, out);
        collectVarNames(b, out);
      });
      return;
    case 'call':
      v.args.forEach((x) => collectVarNames(x, out));
      return;
    case 'templatestring':
      v.parts.forEach((p) => typeof p !== 'string' && collectVarNames(p, out));
      return;
    default:
      return;
  }
}

function foldConstant(t: T): T {
  if (t.k === 'arr' && t.items.every(isVal)) return { k: 'val', v: t.items.map(valOf) };
  if (t.k === 'set' && t.items.every(isVal)) return { k: 'val', v: makeSet(t.items.map(valOf)) };
  if (t.k === 'obj' && t.items.every(([a, b]) => isVal(a) && isVal(b))) {
    const obj = makeObject(t.items.map(([a, b]) => [valOf(a), valOf(b)] as [RegoValue, RegoValue]));
    // repeated constant keys are checked at evaluation time (they may conflict)
    if (obj.size === t.items.length) return { k: 'val', v: obj };
  }
  return t;
}

const isVal = (t: T): boolean => t.k === 'val';
const valOf = (t: T): RegoValue => (t as { v: RegoValue }).v;
