// Shared building blocks for rule modules: defining a rule, slicing text, and the output-variable
// analysis several rules rely on (which vars in refs are iteration/output vars).
import type { Body, Expr, Loc, Rule, Term } from '../../rego';
import { isCallExpr, isSome, isTerm, ruleName, termVars, walkTerm, exprTopTerms } from '../ast-utils';
import type { FileContext, FileRule, Finding, RuleDocs, RuleMeta, RuleOptions, Category } from '../types';

export function fileRule(name: string, category: Category, docs: RuleDocs, check: (ctx: FileContext, options: RuleOptions) => Finding[], fixable = false): FileRule {
  const meta: RuleMeta = { name, category, docs, ...(fixable ? { fixable } : {}) };
  return { kind: 'file', meta, check };
}

/** Marks rules as local (FileRule.local): each must read the rules it reports on from `ctx.rules`. */
export function markLocal(...rules: FileRule[]): void {
  for (const rule of rules) rule.local = true;
}

export function textOf(ctx: FileContext, loc: Loc): string {
  return ctx.text.slice(loc.start, loc.end);
}

/** Offset just past the end of the line containing `offset` (after its newline, if any). */
export function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function optNumber(options: RuleOptions, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function optStrings(options: RuleOptions, key: string): string[] {
  const v = options[key];
  return Array.isArray(v) ? v.map(String) : [];
}

export function optBool(options: RuleOptions, key: string, fallback: boolean): boolean {
  const v = options[key];
  return typeof v === 'boolean' ? v : fallback;
}

export interface OutputVar {
  /** The var term inside the ref. */
  term: Term;
  ref: Term;
  expr: Expr;
  /** Declared earlier with `some x`. */
  declared: boolean;
  /** The var is the ref's last segment (no attribute after it). */
  last: boolean;
  /** How many output vars the same ref has. */
  refOutputs: number;
}

const globalsByContext = new WeakMap<FileContext, Set<string>>();

/**
 * Names that refer to rules, functions or imports of the module rather than local variables.
 * Computed once per context (several rules ask); callers must not modify the set.
 */
export function globalNames(ctx: FileContext): Set<string> {
  let names = globalsByContext.get(ctx);
  if (!names) globalsByContext.set(ctx, (names = computeGlobalNames(ctx)));
  return names;
}

function computeGlobalNames(ctx: FileContext): Set<string> {
  const names = new Set<string>(['input', 'data']);
  for (const r of ctx.module.rules) names.add(ruleName(r));
  for (const i of ctx.module.imports) {
    const p = i.path.value;
    if (i.alias) names.add(i.alias);
    else if (p.type === 'ref') {
      const last = p.terms[p.terms.length - 1].value;
      names.add(last.type === 'string' ? last.value : last.type === 'var' ? last.name : '');
    }
  }
  return names;
}

const outputVarsByRule = new WeakMap<Rule, { globals: Set<string>; vars: readonly OutputVar[] }>();

/** outputVars of a rule's body (its arguments bound), computed once per rule and globals set. */
export function ruleOutputVars(rule: Rule, globals: Set<string>): readonly OutputVar[] {
  const hit = outputVarsByRule.get(rule);
  if (hit && hit.globals === globals) return hit.vars;
  const vars = outputVars(rule.body, argNames(rule), globals);
  outputVarsByRule.set(rule, { globals, vars });
  return vars;
}

/**
 * Walks a body in order, tracking which vars are bound, and reports vars used as ref segments
 * before being bound (iteration/output vars: `input.xs[i]`, `input.xs[_]`).
 */
export function outputVars(body: Body, initiallyBound: Iterable<string>, globals: Set<string>): OutputVar[] {
  const bound = new Set(initiallyBound);
  const declared = new Set<string>();
  const out: OutputVar[] = [];
  for (const e of body) {
    const t = e.terms;
    if (isSome(t)) {
      for (const s of t.symbols) {
        if (s.value.type === 'var') declared.add(s.value.name);
        else if (s.value.type === 'call') s.value.args.slice(0, -1).forEach((a) => termVars(a).forEach((v) => bound.add((v.value as { name: string }).name)));
      }
      continue;
    }
    const found: OutputVar[] = [];
    const nested: Body[] = [];
    const scan = (term: Term): void => {
      const v = term.value;
      // Comprehension bodies are scopes of their own, analysed after this expression.
      if (v.type === 'arraycomprehension' || v.type === 'setcomprehension' || v.type === 'objectcomprehension') {
        nested.push(v.body);
        return;
      }
      if (v.type === 'ref') {
        const segs = v.terms.slice(1);
        const outs = segs.filter((s) => s.value.type === 'var' && !bound.has(s.value.name) && !globals.has(s.value.name));
        outs.forEach((s) => found.push({ term: s, ref: term, expr: e, declared: declared.has((s.value as { name: string }).name), last: segs[segs.length - 1] === s, refOutputs: outs.length }));
        v.terms.forEach(scan);
      } else if (v.type === 'array' || v.type === 'set') v.items.forEach(scan);
      else if (v.type === 'object') v.items.forEach(([k, x]) => { scan(k); scan(x); });
      else if (v.type === 'call') v.args.forEach(scan);
      else if (v.type === 'templatestring') v.parts.forEach((p) => { if (typeof p !== 'string') scan(p); });
    };
    const terms = isCallExpr(t) ? t.args : exprTopTerms(e);
    terms.forEach(scan);
    out.push(...found);
    for (const f of found) bound.add((f.term.value as { name: string }).name);
    for (const b of nested) out.push(...outputVars(b, bound, globals));
    // After the expression, every var it mentions is bound (assignment, unification, output args).
    for (const term of exprTopTerms(e)) termVars(term).forEach((v) => bound.add((v.value as { name: string }).name));
  }
  return out;
}

/** Vars bound by a rule's head arguments. */
export function argNames(rule: Rule): string[] {
  const names: string[] = [];
  rule.head.args?.forEach((a) => termVars(a).forEach((v) => names.push((v.value as { name: string }).name)));
  return names;
}

/** Every var occurrence in a rule (head and bodies), excluding `some x` declarations. */
export function varOccurrences(rule: Rule): Map<string, Term[]> {
  const map = new Map<string, Term[]>();
  const add = (t: Term): void => {
    if (t.value.type !== 'var') return;
    const list = map.get(t.value.name) ?? [];
    list.push(t);
    map.set(t.value.name, list);
  };
  const body = (b: Body): void => {
    for (const e of b) {
      if (isSome(e.terms) && e.terms.symbols.every((s) => s.value.type === 'var')) continue;
      exprTopTerms(e).forEach((t) => walkTerm(t, add));
      if (!isTerm(e.terms) && !isCallExpr(e.terms) && !isSome(e.terms)) body(e.terms.body);
      e.with.forEach((w) => { walkTerm(w.target, add); walkTerm(w.value, add); });
    }
  };
  for (let r: Rule | undefined = rule; r; r = r.else) {
    r.head.ref.slice(1).forEach((t) => walkTerm(t, add));
    r.head.args?.forEach((t) => walkTerm(t, add));
    if (r.head.key) walkTerm(r.head.key, add);
    if (r.head.value && !r.head.generatedValue) walkTerm(r.head.value, add);
    body(r.body);
  }
  return map;
}

