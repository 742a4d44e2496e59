// Shared building blocks for rule modules: defining a rule, slicing text, and the output-variable
// analysis several rules rely on (which vars in refs are iteration/output vars).
import type { Body, Expr, Loc, Rule, Term } from '../../rego';
import { forEachTermVar, isCallExpr, isSome, isTerm, ruleName, termVars, walkTerm, exprTopTerms } from '../ast-utils';
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
        else if (s.value.type === 'call') s.value.args.slice(0, -1).forEach((a) => bindVars(a, bound));
      }
      continue;
    }
    const scan: OutputScan = { expr: e, bound, declared, globals, found: [], nested: [] };
    if (isCallExpr(t)) for (const a of t.args) scanOutputs(a, scan);
    else for (const term of exprTopTerms(e)) scanOutputs(term, scan);
    out.push(...scan.found);
    for (const f of scan.found) bound.add((f.term.value as { name: string }).name);
    for (const b of scan.nested) out.push(...outputVars(b, bound, globals));
    // After the expression, every var it mentions is bound (assignment, unification, output args).
    for (const term of exprTopTerms(e)) bindVars(term, bound);
  }
  return out;
}

/** One expression's scan for output vars: what is bound before it, and what it finds. */
interface OutputScan {
  expr: Expr;
  bound: Set<string>;
  declared: Set<string>;
  globals: Set<string>;
  found: OutputVar[];
  /** Comprehension bodies: scopes of their own, analysed after the expression. */
  nested: Body[];
}

function scanOutputs(term: Term, scan: OutputScan): void {
  const v = term.value;
  if (v.type === 'arraycomprehension' || v.type === 'setcomprehension' || v.type === 'objectcomprehension') {
    scan.nested.push(v.body);
    return;
  }
  if (v.type === 'ref') {
    // Most refs have no unbound var segment: nothing is allocated for them.
    const segs = v.terms;
    let outs: Term[] | undefined;
    for (let i = 1; i < segs.length; i++) {
      const s = segs[i].value;
      if (s.type === 'var' && !scan.bound.has(s.name) && !scan.globals.has(s.name)) (outs ??= []).push(segs[i]);
    }
    if (outs) {
      const last = segs[segs.length - 1];
      for (const s of outs) {
        scan.found.push({ term: s, ref: term, expr: scan.expr, declared: scan.declared.has((s.value as { name: string }).name), last: last === s, refOutputs: outs.length });
      }
    }
    for (const x of segs) scanOutputs(x, scan);
  } else if (v.type === 'array' || v.type === 'set') {
    for (const x of v.items) scanOutputs(x, scan);
  } else if (v.type === 'object') {
    for (const [k, x] of v.items) {
      scanOutputs(k, scan);
      scanOutputs(x, scan);
    }
  } else if (v.type === 'call') {
    for (const x of v.args) scanOutputs(x, scan);
  } else if (v.type === 'templatestring') {
    for (const p of v.parts) if (typeof p !== 'string') scanOutputs(p, scan);
  }
}

/** Adds the names of termVars(t) to `bound`, without collecting the terms. */
function bindVars(t: Term, bound: Set<string>): void {
  forEachTermVar(t, (_, name) => bound.add(name));
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
    let list = map.get(t.value.name);
    if (!list) map.set(t.value.name, (list = []));
    list.push(t);
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

