// Module set → rule tree under `data`. Each rule lands on the node of its static path (package path
// plus the head's leading string terms); the rest of a ref head stays dynamic. Rules are indexed by
// name through the tree, so evaluating `data.x.deny` touches only that node.
import type { Module, Rule, Term } from '../syntax/ast';
import { getBuiltin } from '../builtins';
import { BodyCompiler, collectVarNames, Frame, Scope, type ModuleScope } from './compile-body';
import type { Body, CRule, RuleKind, T } from './ir';
import { EvalError } from './errors';
import { AnnotationIndex } from './metadata';
import { reorderForSafety } from './safety';

export class RuleNode {
  readonly children = new Map<string, RuleNode>();
  private readonly completeRules: CRule[] = [];
  private readonly setRules: CRule[] = [];
  private readonly objectRules: CRule[] = [];
  private readonly funcRules: CRule[] = [];
  private defaultCompiled?: CRule;
  /** Rules registered but not compiled yet (lazy compilation), in the order eager compilation would place them. */
  private deferred?: DeferredRule[];
  private joinedPath?: string;
  /** @internal input-independence.ts's verdict for this node, once made (read on every function call). */
  inputDependent?: boolean;
  /** @internal The compiled-node count when input-independence.ts last left this node undecided. */
  undecidedAt?: number;
  constructor(readonly path: string[]) {}

  get complete(): CRule[] {
    return this.compiled().completeRules;
  }
  get sets(): CRule[] {
    return this.compiled().setRules;
  }
  /** Object-valued rules: partial objects, ref heads with dynamic parts, nested partial sets. */
  get objects(): CRule[] {
    return this.compiled().objectRules;
  }
  get funcs(): CRule[] {
    return this.compiled().funcRules;
  }
  get defaultRule(): CRule | undefined {
    return this.compiled().defaultCompiled;
  }

  /** This node with its deferred rules compiled (lazy compilation compiles on the first read). */
  private compiled(): this {
    if (this.deferred) this.compileDeferred();
    return this;
  }

  /** The path joined with NUL, computed once: the node's memo key, asked for on every reference. */
  get pathKey(): string {
    return (this.joinedPath ??= this.path.join('\u0000'));
  }

  /** False while lazy compilation still holds rules of this node back (reading them compiles them). */
  get isCompiled(): boolean {
    return this.deferred === undefined;
  }

  /** Answered without compiling: every deferred rule lands on this node. */
  get hasOwnRules(): boolean {
    return (
      (this.deferred?.length ?? 0) + this.completeRules.length + this.setRules.length + this.objectRules.length + this.funcRules.length > 0 || !!this.defaultCompiled
    );
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
    // Indexed loop: every data reference looks its node up (a for…of allocates per step in baseline code).
    for (let i = 0; i < path.length; i++) {
      n = n.children.get(path[i]);
      if (!n) return undefined;
    }
    return n;
  }

  /** Files a compiled rule under its kind. */
  place(c: CRule): void {
    if (c.isDefault) this.defaultCompiled = c;
    else if (c.kind === 'func') this.funcRules.push(c);
    else if (c.kind === 'complete') this.completeRules.push(c);
    else if (c.kind === 'set' && c.dyn.length === 0) this.setRules.push(c);
    else this.objectRules.push(c);
  }

  /** @internal Registers a rule to compile when evaluation first asks for this node's rules. */
  defer(rule: DeferredRule): void {
    (this.deferred ??= []).push(rule);
  }

  /**
   * Compiles the deferred rules, all of them and in registration order, so the node ends up as
   * eager compilation leaves it. A rule that does not compile (never the case for a pack whose
   * eager compilation was clean, the only kind compiled lazily) becomes an evaluation error.
   */
  private compileDeferred(): void {
    const deferred = this.deferred!;
    const compiled: CRule[] = [];
    for (const d of deferred) {
      const { rule, issues } = d.unit.compile(d.ruleIndex);
      const issue = issues[0];
      if (issue || !rule) throw new EvalError('rego_compile_error', issue?.message ?? 'rule does not compile', issue?.loc, issue?.file);
      compiled.push(rule);
    }
    this.deferred = undefined;
    for (const c of compiled) this.place(c);
    compiledNodes.count++;
  }
}

/** How many nodes lazy compilation has compiled so far: an analysis left undecided by uncompiled nodes waits for it to change. */
export const compiledNodes = { count: 0 };

interface DeferredRule {
  unit: ModuleCompiler;
  ruleIndex: number;
}

export interface CompiledModule {
  file: string;
  module: Module;
  /** The outline of `module.rules`, when known without reading them (a prepared artefact's): registration then leaves the rules unread. */
  outline?: RuleOutline[];
}

/** What registering a rule needs: the static names of its head (the node it lands on) and, for a function, its arity. */
export interface RuleOutline {
  names: string[];
  arity?: number;
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

/** The outline of each rule of `module` (read from its rules). */
export function ruleOutlines(module: Module): RuleOutline[] {
  return module.rules.map((rule) => (rule.head.args ? { names: headStaticNames(rule), arity: rule.head.args.length } : { names: headStaticNames(rule) }));
}

export interface CompileOptions {
  /**
   * Compile each rule when evaluation first reads its node, not now. Only for a module set known to
   * compile without issues (a lazily compiled rule's issue surfaces as an evaluation error instead).
   */
  lazy?: boolean;
}

export function compileModules(modules: CompiledModule[], options: CompileOptions = {}): { root: RuleNode; issues: CompileIssue[] } {
  const root = new RuleNode([]);
  const issues: CompileIssue[] = [];
  const ruleNamesByPackage = new Map<string, Set<string>>();
  const arities = new Map<string, number>();
  const outlines = modules.map((m) => m.outline ?? ruleOutlines(m.module));
  const pkgPaths = modules.map((m) => packagePath(m.module));
  const pkgNodes = modules.map((_, moduleIndex) => {
    const pkg = pkgPaths[moduleIndex];
    const key = pkg.join('\u0000');
    let names = ruleNamesByPackage.get(key);
    if (!names) ruleNamesByPackage.set(key, (names = new Set()));
    let node = root;
    for (const p of pkg) node = node.child(p);
    for (const outline of outlines[moduleIndex]) {
      names.add(outline.names[0]);
      if (outline.arity !== undefined) arities.set([...pkg, ...outline.names].join('\u0000'), outline.arity);
    }
    return node;
  });
  const annotations = new AnnotationIndex();
  modules.forEach(({ module }, moduleIndex) => {
    const pkg = pkgPaths[moduleIndex];
    annotations.add(module, pkg, (i) => [...pkg, ...outlines[moduleIndex][i].names]);
  });
  const context: PackContext = { ruleNamesByPackage, arities, annotations };
  modules.forEach(({ file, module }, moduleIndex) => {
    const pkgPath = pkgPaths[moduleIndex];
    const unit = new ModuleCompiler(file, module, pkgPath, outlines[moduleIndex], context);
    outlines[moduleIndex].forEach((outline, ruleIndex) => {
      if (options.lazy) {
        let node = pkgNodes[moduleIndex];
        for (const p of outline.names) node = node.child(p);
        node.defer({ unit, ruleIndex });
        return;
      }
      const outcome = unit.compile(ruleIndex);
      issues.push(...outcome.issues);
      if (!outcome.rule) return;
      let node = root;
      for (const p of outcome.rule.path) node = node.child(p);
      node.place(outcome.rule);
    });
  });
  return { root, issues };
}

/** What every module's name resolution reads of the whole module set. */
interface PackContext {
  ruleNamesByPackage: Map<string, Set<string>>;
  arities: Map<string, number>;
  annotations: AnnotationIndex;
}

/** Compiles one module's rules, one at a time and in any order, as the eager pass compiles them in order. */
class ModuleCompiler {
  private bodyCompiler?: BodyCompiler;
  /** Issues reported while compiling the current rule. */
  private reported: CompileIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly module: Module,
    private readonly pkgPath: string[],
    private readonly outlines: RuleOutline[],
    private readonly context: PackContext,
  ) {}

  /** The compiled rule (absent when compilation threw) and the issues it raised. */
  compile(ruleIndex: number): { rule?: CRule; issues: CompileIssue[] } {
    const { file, module, pkgPath } = this;
    const bc = (this.bodyCompiler ??= this.newBodyCompiler());
    this.reported = [];
    const rule = module.rules[ruleIndex];
    try {
      bc.metadata = this.context.annotations.forRule(module, ruleIndex, [...pkgPath, ...this.outlines[ruleIndex].names], pkgPath);
      return { rule: compileRule(rule, bc, pkgPath, file, undefined), issues: this.reported };
    } catch (e) {
      return { issues: [...this.reported, { file, message: e instanceof Error ? e.message : String(e), loc: rule.loc }] };
    }
  }

  private newBodyCompiler(): BodyCompiler {
    const { file, pkgPath, context } = this;
    const scope: ModuleScope = {
      file,
      pkgPath,
      ruleNames: context.ruleNamesByPackage.get(pkgPath.join('\u0000'))!,
      imports: importsOf(this.module),
      functionArity: (path) => context.arities.get(path.join('\u0000')),
      builtinArity,
      report: (message, loc) => this.reported.push({ file, message, loc, code: 'rego_type_error' }),
    };
    return new BodyCompiler(scope);
  }
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
