// Module set → rule tree under `data`. Each rule lands on the node of its static path (package path
// plus the head's leading string terms); the rest of a ref head stays dynamic. Rules are indexed by
// name through the tree, so evaluating `data.x.deny` touches only that node.
import type { Module, Rule, Term } from '../syntax/ast';
import { getBuiltin } from '../builtins';
import { BodyCompiler, collectVarNames, Frame, Scope, type ModuleScope } from './compile-body';
import type { Body, CRule, RuleKind, T } from './ir';
import { AnnotationIndex } from './metadata';
import { reorderForSafety } from './safety';

export class RuleNode {
  readonly children = new Map<string, RuleNode>();
  readonly complete: CRule[] = [];
  readonly sets: CRule[] = [];
  /** Object-valued rules: partial objects, ref heads with dynamic parts, nested partial sets. */
  readonly objects: CRule[] = [];
  readonly funcs: CRule[] = [];
  defaultRule?: CRule;
  private joinedPath?: string;
  constructor(readonly path: string[]) {}

  /** The path joined with NUL, computed once: the node's memo key, asked for on every reference. */
  get pathKey(): string {
    return (this.joinedPath ??= this.path.join('\u0000'));
  }

  get hasOwnRules(): boolean {
    return this.complete.length + this.sets.length + this.objects.length + this.funcs.length > 0 || !!this.defaultRule;
  }

  child(name: string): RuleNode {
    let c = this.children.get(name);
    if (!c) {
      c = new RuleNode([...this.path, name]);
      this.children.set(name, c);
    }
    return c;
  }

  find(path: readonly string[]): RuleNode | undefined {
    let n: RuleNode | undefined = this;
    for (const p of path) {
      n = n.children.get(p);
      if (!n) return undefined;
    }
    return n;
  }
}

export interface CompiledModule {
  file: string;
  module: Module;
}

export interface CompileIssue {
  code?: string;
  file: string;
  message: string;
  loc: { start: number; end: number };
}

export function builtinArity(name: string): number | undefined {
  return getBuiltin(name)?.args.length;
}

/** The data path of a package (`package a.b` → ['a', 'b']). */
export function packagePath(m: Module): string[] {
  return m.package.path.slice(1).map((t) => (t.value.type === 'string' ? t.value.value : t.value.type === 'var' ? t.value.name : '?'));
}

function headStaticNames(rule: Rule): string[] {
  const out: string[] = [];
  const [first, ...rest] = rule.head.ref;
  out.push(first.value.type === 'var' ? first.value.name : '?');
  for (const t of rest) {
    if (t.value.type !== 'string') break;
    out.push(t.value.value);
  }
  return out;
}

export function compileModules(modules: CompiledModule[]): { root: RuleNode; issues: CompileIssue[] } {
  const root = new RuleNode([]);
  const issues: CompileIssue[] = [];
  const ruleNamesByPackage = new Map<string, Set<string>>();
  const arities = new Map<string, number>();
  for (const { module } of modules) {
    const pkg = packagePath(module);
    const key = pkg.join('\u0000');
    let names = ruleNamesByPackage.get(key);
    if (!names) ruleNamesByPackage.set(key, (names = new Set()));
    let node = root;
    for (const p of pkg) node = node.child(p);
    for (const rule of module.rules) {
      const names0 = headStaticNames(rule);
      names.add(names0[0]);
      if (rule.head.args) arities.set([...pkg, ...names0].join('\u0000'), rule.head.args.length);
    }
  }
  const annotations = new AnnotationIndex();
  for (const { module } of modules) {
    const pkg = packagePath(module);
    annotations.add(module, pkg, (i) => [...pkg, ...headStaticNames(module.rules[i])]);
  }
  for (const { file, module } of modules) {
    const pkgPath = packagePath(module);
    const scope: ModuleScope = {
      file,
      pkgPath,
      ruleNames: ruleNamesByPackage.get(pkgPath.join('\u0000'))!,
      imports: importsOf(module),
      functionArity: (path) => arities.get(path.join('\u0000')),
      builtinArity,
      report: (message, loc) => issues.push({ file, message, loc, code: 'rego_type_error' }),
    };
    const bc = new BodyCompiler(scope);
    module.rules.forEach((rule, ruleIndex) => {
      try {
        bc.metadata = annotations.forRule(module, ruleIndex, [...pkgPath, ...headStaticNames(rule)], pkgPath);
        const c = compileRule(rule, bc, pkgPath, file, undefined);
        let node = root;
        for (const p of c.path) node = node.child(p);
        if (c.isDefault) node.defaultRule = c;
        else if (c.kind === 'func') node.funcs.push(c);
        else if (c.kind === 'complete') node.complete.push(c);
        else if (c.kind === 'set' && c.dyn.length === 0) node.sets.push(c);
        else node.objects.push(c);
      } catch (e) {
        issues.push({ file, message: e instanceof Error ? e.message : String(e), loc: rule.loc });
      }
    });
  }
  return { root, issues };
}

function importsOf(m: Module): ModuleScope['imports'] {
  const out: ModuleScope['imports'] = new Map();
  for (const imp of m.imports) {
    const t = imp.path.value;
    if (t.type !== 'ref' && t.type !== 'var') continue;
    const terms: Term[] = t.type === 'ref' ? t.terms : [imp.path];
    const head = terms[0].value;
    if (head.type !== 'var' || (head.name !== 'data' && head.name !== 'input')) continue;
    const path = terms.slice(1).map((x) => (x.value.type === 'string' ? x.value.value : ''));
    const alias = imp.alias ?? (path.length > 0 ? path[path.length - 1] : head.name);
    out.set(alias, { root: head.name, path });
  }
  return out;
}

function compileRule(rule: Rule, bc: BodyCompiler, pkgPath: string[], file: string, parentArgs: Term[] | undefined): CRule {
  const frame = new Frame();
  const scope = new Scope(frame);
  const head = rule.head;
  const argAsts = head.args ?? parentArgs;
  let args: T[] | undefined;
  // Arguments that are patterns bind by unification; others (`f($"{x}")`, `f(g(x))`) become an
  // equality in the body, as OPA rewrites them, so their variables come from the body.
  const exprArgs: number[] = [];
  if (argAsts) {
    const names = new Set<string>();
    argAsts.forEach((a, i) => (isPattern(a) ? collectVarNames(a, names) : exprArgs.push(i)));
    for (const n of names) if (n !== '_') scope.declare(n);
    args = argAsts.map((a, i) => (exprArgs.includes(i) ? { k: 'var', slot: scope.declareAnonymous('$arg'), name: '$arg' } : bc.term(a, scope)));
  }
  const bound = new Set(scope.locals);
  let body: Body = bc.body(rule.body, scope, bound);
  if (exprArgs.length > 0) {
    const eqs: Body = exprArgs.map((i) => ({
      kind: 'call',
      fn: { name: 'eq', arity: 2 },
      args: [args![i], bc.term(argAsts![i], scope)],
      negated: false,
      with: [],
      loc: argAsts![i].loc,
      file,
    }));
    body = reorderForSafety([...body, ...eqs], (slot) => !scope.locals.has(slot) || bound.has(slot));
  }
  const [, ...refRest] = head.ref;
  const path = [...pkgPath, ...headStaticNames(rule)];
  let dynAst = refRest.slice(path.length - pkgPath.length - 1);
  // v0 partial objects may carry the key only in `head.key`
  if (!head.contains && head.key && head.value && !argAsts && dynAst.length === 0 && refRest.length === 0) dynAst = [head.key];
  const isSet = head.contains || (head.key !== undefined && head.value === undefined && !argAsts);
  if (isSet && head.key && dynAst.length > 0 && sameLoc(dynAst[dynAst.length - 1], head.key)) dynAst = dynAst.slice(0, -1);
  const dyn = dynAst.map((t) => bc.term(t, scope));
  let kind: RuleKind;
  if (argAsts) kind = 'func';
  else if (isSet) kind = 'set';
  else if (dyn.length > 0) kind = 'object';
  else kind = 'complete';
  const value: T | undefined = head.value ? bc.term(head.value, scope) : kind === 'set' ? undefined : { k: 'val', v: true };
  const key = isSet && head.key ? bc.term(head.key, scope) : undefined;
  const out: CRule = { kind, path, dyn, key, value, args, body, isDefault: rule.default, slots: 0, file, loc: rule.loc };
  if (rule.else) out.else = compileRule(rule.else, bc, pkgPath, file, argAsts);
  out.slots = frame.slots;
  return out;
}

function isPattern(t: Term): boolean {
  const v = t.value;
  switch (v.type) {
    case 'ref':
    case 'call':
    case 'templatestring':
    case 'arraycomprehension':
    case 'setcomprehension':
    case 'objectcomprehension':
      return false;
    case 'array':
    case 'set':
      return v.items.every(isPattern);
    case 'object':
      return v.items.every(([k, x]) => isPattern(k) && isPattern(x));
    default:
      return true;
  }
}

function sameLoc(a: Term, b: Term): boolean {
  return a === b || (a.loc.start === b.loc.start && a.loc.end === b.loc.end);
}
