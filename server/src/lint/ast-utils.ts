// Small read-only helpers over the Rego AST shared by the rules: walking terms and expressions,
// names of refs and rules, variables and their positions.
import type { Body, Expr, Module, Rule, Term, Loc, CallTerms, Every, SomeDecl } from '../rego';

export function isCallExpr(t: Expr['terms']): t is CallTerms {
  return (t as CallTerms).kind === 'call';
}
export function isSome(t: Expr['terms']): t is SomeDecl {
  return (t as SomeDecl).kind === 'some';
}
export function isEvery(t: Expr['terms']): t is Every {
  return (t as Every).kind === 'every';
}
export function isTerm(t: Expr['terms']): t is Term {
  return !('kind' in t);
}

/** `data.a.b` / `count` / `input.x[_]` as dotted text; var segments print as `[name]`. */
export function refText(terms: Term[]): string {
  let out = '';
  terms.forEach((t, i) => {
    const v = t.value;
    if (i === 0) out += v.type === 'var' ? v.name : '?';
    else if (v.type === 'string' && isIdentifier(v.value)) out += `.${v.value}`;
    else if (v.type === 'string') out += `["${v.value}"]`;
    else if (v.type === 'var') out += `[${v.name}]`;
    else out += '[?]';
  });
  return out;
}

/** `^[A-Za-z_][A-Za-z0-9_]*$`, without a regular expression (this runs for every call). */
function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** The operator's name of a call (`equal`, `count`, `data.lib.f`), or '' when not a plain ref. */
export function operatorName(op: Term): string {
  return op.value.type === 'ref' ? refText(op.value.terms) : op.value.type === 'var' ? op.value.name : '';
}

export function ruleName(rule: Rule): string {
  const first = rule.head.ref[0];
  return first && first.value.type === 'var' ? first.value.name : '';
}

/** `p.q.r` for ref heads, up to the first non-string segment. */
export function ruleRefName(rule: Rule): string {
  const parts = [ruleName(rule)];
  for (const t of rule.head.ref.slice(1)) {
    if (t.value.type !== 'string') break;
    parts.push(t.value.value);
  }
  return parts.join('.');
}

export function isFunction(rule: Rule): boolean {
  return rule.head.args !== undefined;
}

export function packagePath(module: Module): string[] {
  return module.package.path.slice(1).map((t) => (t.value.type === 'string' ? t.value.value : '?'));
}

export function isWildcard(t: Term): boolean {
  return t.value.type === 'var' && t.value.name.startsWith('$');
}

export function isScalar(t: Term): boolean {
  const k = t.value.type;
  return k === 'string' || k === 'number' || k === 'boolean' || k === 'null';
}

/**
 * Visits every term under `t` (itself included, parents before children, left to right),
 * descending into comprehensions' bodies. Plain loops rather than forEach callbacks: most rules
 * walk every term of every rule. An explicit stack rather than recursion: Rego accepts operator
 * chains of any length (`1 + 1 + …` is one call nested per operator, as in OPA), and a chain of
 * 250,000 terms overflowed the call stack. A comprehension is walked whole when it is reached
 * (its nesting is bounded by the parser's depth limit), so the order is unchanged.
 */
export function walkTerm(t: Term, visit: (t: Term) => void): void {
  // Most terms walked are leaves (vars, strings, numbers): the stack is made only for children.
  let stack: Term[] | undefined;
  for (let term: Term | undefined = t; term !== undefined; term = stack?.pop()) {
    visit(term);
    const v = term.value;
    switch (v.type) {
      case 'ref':
        stack ??= [];
        for (let i = v.terms.length - 1; i >= 0; i--) stack.push(v.terms[i]);
        break;
      case 'array':
      case 'set':
        stack ??= [];
        for (let i = v.items.length - 1; i >= 0; i--) stack.push(v.items[i]);
        break;
      case 'object':
        stack ??= [];
        for (let i = v.items.length - 1; i >= 0; i--) stack.push(v.items[i][1], v.items[i][0]);
        break;
      case 'arraycomprehension':
      case 'setcomprehension':
        walkTerm(v.term, visit);
        for (const e of v.body) walkExprTerms(e, visit);
        break;
      case 'objectcomprehension':
        walkTerm(v.key, visit);
        walkTerm(v.value, visit);
        for (const e of v.body) walkExprTerms(e, visit);
        break;
      case 'call':
        stack ??= [];
        for (let i = v.args.length - 1; i >= 0; i--) stack.push(v.args[i]);
        stack.push(v.operator);
        break;
      case 'templatestring':
        stack ??= [];
        for (let i = v.parts.length - 1; i >= 0; i--) {
          const p = v.parts[i];
          if (typeof p !== 'string') stack.push(p);
        }
        break;
    }
  }
}

/** The terms directly in an expression (not descending): operator + args, or the single term. */
export function exprTopTerms(e: Expr): Term[] {
  const t = e.terms;
  if (isCallExpr(t)) return [t.operator, ...t.args];
  if (isSome(t)) return t.symbols;
  if (isEvery(t)) return [...(t.key ? [t.key] : []), t.value, t.domain];
  return [t];
}

/** Visits every term of an expression, including `with` targets/values and `every` bodies. */
export function walkExprTerms(e: Expr, visit: (t: Term) => void): void {
  // exprTopTerms' order, without building its array.
  const t = e.terms;
  if (isCallExpr(t)) {
    walkTerm(t.operator, visit);
    for (const a of t.args) walkTerm(a, visit);
  } else if (isSome(t)) {
    for (const s of t.symbols) walkTerm(s, visit);
  } else if (isEvery(t)) {
    if (t.key) walkTerm(t.key, visit);
    walkTerm(t.value, visit);
    walkTerm(t.domain, visit);
  } else walkTerm(t, visit);
  if (isEvery(e.terms)) for (const x of e.terms.body) walkExprTerms(x, visit);
  for (const w of e.with) {
    walkTerm(w.target, visit);
    walkTerm(w.value, visit);
  }
}

/** Visits each expression of a body (not those nested in comprehensions or `every`). */
export function walkBody(body: Body, visit: (e: Expr) => void): void {
  body.forEach(visit);
}

// Rule-level walks are memoised per rule node: most lint rules ask for the same lists, and the AST
// is never mutated after parsing, so a node's walk stays valid for as long as the node lives.
const exprsByRule = new WeakMap<Rule, readonly Expr[]>();
const termsByRule = new WeakMap<Rule, readonly Term[]>();
const callsByRule = new WeakMap<Rule, readonly RuleCall[]>();

/** Every expression of a rule (head excluded), nested bodies (comprehensions, every, else) included. */
export function allExprs(rule: Rule): readonly Expr[] {
  const hit = exprsByRule.get(rule);
  if (hit) return hit;
  const out: Expr[] = [];
  const fromBody = (body: Body): void => {
    for (const e of body) {
      out.push(e);
      if (isEvery(e.terms)) fromBody(e.terms.body);
      exprTopTerms(e).forEach((t) => walkTerm(t, (x) => {
        const v = x.value;
        if (v.type === 'arraycomprehension' || v.type === 'setcomprehension' || v.type === 'objectcomprehension') fromBody(v.body);
      }));
    }
  };
  for (let r: Rule | undefined = rule; r; r = r.else) fromBody(r.body);
  exprsByRule.set(rule, out);
  return out;
}

/** Every term of a rule: head (ref, args, key, value) and all bodies. */
export function walkRuleTerms(rule: Rule, visit: (t: Term) => void): void {
  for (const t of ruleTerms(rule)) visit(t);
}

/** The terms `walkRuleTerms` visits, in the same order. */
export function ruleTerms(rule: Rule): readonly Term[] {
  const hit = termsByRule.get(rule);
  if (hit) return hit;
  const out: Term[] = [];
  const visit = (t: Term): void => {
    out.push(t);
  };
  for (let r: Rule | undefined = rule; r; r = r.else) {
    r.head.ref.slice(1).forEach((t) => walkTerm(t, visit));
    r.head.args?.forEach((t) => walkTerm(t, visit));
    if (r.head.key) walkTerm(r.head.key, visit);
    if (r.head.value && !r.head.generatedValue) walkTerm(r.head.value, visit);
    r.body.forEach((e) => walkExprTerms(e, visit));
  }
  termsByRule.set(rule, out);
  return out;
}

export interface RuleCall {
  name: string;
  operator: Term;
  args: Term[];
  loc: Loc;
  expr?: Expr;
}

/** Every call (expression calls and call terms) in a rule. */
export function ruleCalls(rule: Rule): readonly RuleCall[] {
  const hit = callsByRule.get(rule);
  if (hit) return hit;
  const out: RuleCall[] = [];
  for (const e of allExprs(rule)) {
    if (isCallExpr(e.terms)) out.push({ name: operatorName(e.terms.operator), operator: e.terms.operator, args: e.terms.args, loc: e.loc, expr: e });
  }
  for (const t of ruleTerms(rule)) {
    if (t.value.type === 'call') out.push({ name: operatorName(t.value.operator), operator: t.value.operator, args: t.value.args, loc: t.loc });
  }
  callsByRule.set(rule, out);
  return out;
}

/** Vars of a term (not descending into comprehensions, whose vars are local). */
export function termVars(t: Term, out: Term[] = []): Term[] {
  forEachTermVar(t, (x) => out.push(x));
  return out;
}

/** Calls `visit` on each var of a term (with its name), in termVars's order, without collecting them. */
export function forEachTermVar(t: Term, visit: (v: Term, name: string) => void): void {
  const v = t.value;
  if (v.type === 'var') visit(t, v.name);
  else if (v.type === 'ref') for (const x of v.terms) forEachTermVar(x, visit);
  else if (v.type === 'array' || v.type === 'set') for (const x of v.items) forEachTermVar(x, visit);
  else if (v.type === 'object') {
    for (const [k, x] of v.items) {
      forEachTermVar(k, visit);
      forEachTermVar(x, visit);
    }
  } else if (v.type === 'call') for (const x of v.args) forEachTermVar(x, visit);
  else if (v.type === 'templatestring') for (const p of v.parts) if (typeof p !== 'string') forEachTermVar(p, visit);
}

export function varName(t: Term): string | undefined {
  return t.value.type === 'var' ? t.value.name : undefined;
}

/** Names of the variables used anywhere in an expression (comprehensions included). */
export function exprVarNames(e: Expr): Set<string> {
  const names = new Set<string>();
  const operators = new Set<Term>();
  const markOperator = (op: Term): void => {
    operators.add(op);
    if (op.value.type === 'ref') operators.add(op.value.terms[0]);
  };
  if (isCallExpr(e.terms)) markOperator(e.terms.operator);
  walkExprTerms(e, (t) => {
    if (t.value.type === 'call') markOperator(t.value.operator);
    if (t.value.type === 'var' && !operators.has(t)) names.add(t.value.name);
  });
  return names;
}

/** Assignment `x := v` in a body: the assigned var name and value term. */
export function assignment(e: Expr): { target: Term; value: Term } | undefined {
  if (!isCallExpr(e.terms) || e.negated) return undefined;
  if (operatorName(e.terms.operator) !== 'assign' || e.terms.args.length !== 2) return undefined;
  return { target: e.terms.args[0], value: e.terms.args[1] };
}

export function isTestRule(rule: Rule): boolean {
  return ruleName(rule).startsWith('test_');
}

/** The operators written as infix comparisons. */
export const COMPARISONS = new Set(['equal', 'neq', 'lt', 'lte', 'gt', 'gte']);

/**
 * Every name the given rules declare: rule head segments, function arguments, `:=` targets and `some`
 * variables — what naming rules (prefer-snake-case, metasyntactic-variable) look at.
 */
export function forEachDeclaredName(rules: readonly Rule[], visit: (t: Term, name: string) => void): void {
  const visitVars = (t: Term) => termVars(t).forEach((v) => visit(v, (v.value as { name: string }).name));
  for (const r of rules) {
    r.head.ref.forEach((t) => {
      if (t.value.type === 'var') visit(t, t.value.name);
      else if (t.value.type === 'string') visit(t, t.value.value);
    });
    r.head.args?.forEach(visitVars);
    for (const e of allExprs(r)) {
      const t = e.terms;
      if (isCallExpr(t) && operatorName(t.operator) === 'assign') visitVars(t.args[0]);
      if (isSome(t)) t.symbols.forEach((s) => (s.value.type === 'call' ? s.value.args.slice(0, -1) : [s]).forEach(visitVars));
    }
  }
}
