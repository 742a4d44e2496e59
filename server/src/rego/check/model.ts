// Shared model for the compile checks: the modules under check, OPA-shaped error construction, and
// small helpers over the AST (names of refs, vars of terms, walking bodies). Every check is a pure
// function of this model; none throws on odd input.
import type { Body, Expr, Loc, Module, RegoError, Term } from '../syntax/ast';
import type { LineIndex } from '../syntax/line-index';

export interface CheckedModule {
  file: string;
  text: string;
  module: Module;
  lines: LineIndex;
  /** Package path without the leading `data` (`package a.b` → ['a', 'b']). */
  pkgPath: string[];
}

/** Rego v1 modules (and v0 modules importing `rego.v1`) get v1's stricter checks without --strict. */
export function isV1Compatible(m: CheckedModule): boolean {
  if (m.module.regoVersion === 'v1') return true;
  return m.module.imports.some((i) => i.path.value.type === 'ref' && i.path.value.terms.map((t) => (t.value.type === 'var' ? t.value.name : t.value.type === 'string' ? t.value.value : '')).join('.') === 'rego.v1');
}

export type ErrorCode = 'rego_compile_error' | 'rego_type_error' | 'rego_unsafe_var_error' | 'rego_recursion_error';

/** Where a check puts its errors: a stage's list, or one rule's memo (see cache.ts). */
export interface ErrorSink {
  add(code: ErrorCode, message: string, m: CheckedModule, loc: Loc, details?: unknown): void;
}

/** Errors of one stage, in the order OPA reports them. */
export class StageErrors implements ErrorSink {
  readonly list: RegoError[] = [];
  add(code: ErrorCode, message: string, m: CheckedModule, loc: Loc, details?: unknown): void {
    const p = m.lines.position(loc.start);
    const e: RegoError = { code, message, loc, row: p.row, col: p.col, file: m.file };
    if (details !== undefined) e.details = details;
    this.list.push(e);
  }
  /** An error at a fixed position (OPA's `multiple default rules` sits at 1:1). */
  addAt(code: ErrorCode, message: string, m: CheckedModule, row: number, col: number): void {
    this.list.push({ code, message, loc: { start: 0, end: 0 }, row, col, file: m.file });
  }
  get length(): number {
    return this.list.length;
  }
}

/** `_` is the wildcard: every occurrence is a distinct, anonymous var. */
export function isWildcard(name: string): boolean {
  return name === '_' || name.startsWith('$');
}

/** OPA's generated vars (`__local0__`) are not reported by name. */
export function isGenerated(name: string): boolean {
  return name.startsWith('__local') || name.startsWith('$');
}

/** Dotted text of a ref as OPA prints it: `data.a.b`, `io.jwt.decode`, `data.a[x]`. */
export function refText(ref: Term[]): string {
  let out = '';
  ref.forEach((t, i) => {
    const v = t.value;
    if (i === 0) out += v.type === 'var' ? v.name : termText(t);
    else if (v.type === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v.value)) out += `.${v.value}`;
    else out += `[${termText(t)}]`;
  });
  return out;
}

/** A short text form of a term (for messages only). */
export function termText(t: Term): string {
  const v = t.value;
  switch (v.type) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(v.value);
    case 'number':
      return v.raw;
    case 'string':
      return JSON.stringify(v.value);
    case 'var':
      return v.name;
    case 'ref':
      return refText(v.terms);
    case 'array':
      return `[${v.items.map(termText).join(', ')}]`;
    case 'set':
      return v.items.length === 0 ? 'set()' : `{${v.items.map(termText).join(', ')}}`;
    case 'object':
      return `{${v.items.map(([k, x]) => `${termText(k)}: ${termText(x)}`).join(', ')}}`;
    case 'call':
      return `${termText(v.operator)}(${v.args.map(termText).join(', ')})`;
    default:
      return v.type;
  }
}

/** The operator name of a call (`count`, `io.jwt.decode`, `data.x.f`), or undefined for odd operators. */
export function operatorName(op: Term): string | undefined {
  const v = op.value;
  if (v.type === 'var') return v.name;
  if (v.type !== 'ref') return undefined;
  const parts: string[] = [];
  for (const [i, t] of v.terms.entries()) {
    if (i === 0) {
      if (t.value.type !== 'var') return undefined;
      parts.push(t.value.name);
    } else if (t.value.type === 'string') parts.push(t.value.value);
    else return undefined;
  }
  return parts.join('.');
}

/** The call of an expression (`f(x)` statement or an operator such as `x == y`), if it is one. */
export function exprCall(e: Expr): { operator: Term; args: Term[] } | undefined {
  const t = e.terms;
  return 'kind' in t && t.kind === 'call' ? t : undefined;
}

export function isAssignExpr(e: Expr): boolean {
  const c = exprCall(e);
  return !!c && operatorName(c.operator) === 'assign';
}

/** Calls every var (by term) inside `t`, descending into comprehensions only if `closures`. */
export function walkVars(t: Term, fn: (v: Term) => void, closures = true): void {
  const v = t.value;
  switch (v.type) {
    case 'var':
      fn(t);
      return;
    case 'ref':
      v.terms.forEach((x) => walkVars(x, fn, closures));
      return;
    case 'array':
    case 'set':
      v.items.forEach((x) => walkVars(x, fn, closures));
      return;
    case 'object':
      v.items.forEach(([k, x]) => {
        walkVars(k, fn, closures);
        walkVars(x, fn, closures);
      });
      return;
    case 'call':
      v.args.forEach((x) => walkVars(x, fn, closures));
      return;
    case 'templatestring':
      v.parts.forEach((p) => typeof p !== 'string' && walkVars(p, fn, closures));
      return;
    case 'arraycomprehension':
    case 'setcomprehension':
      if (!closures) return;
      walkVars(v.term, fn, closures);
      v.body.forEach((e) => walkExprVars(e, fn, closures));
      return;
    case 'objectcomprehension':
      if (!closures) return;
      walkVars(v.key, fn, closures);
      walkVars(v.value, fn, closures);
      v.body.forEach((e) => walkExprVars(e, fn, closures));
      return;
  }
}

/** Every term position of an expression (operands, `some` symbols, `every` parts, `with` values). */
export function exprTerms(e: Expr): Term[] {
  const t = e.terms;
  const out: Term[] = [];
  if (!('kind' in t)) out.push(t);
  else if (t.kind === 'call') out.push(...t.args);
  else if (t.kind === 'some') out.push(...t.symbols);
  else if (t.kind === 'every') {
    if (t.key) out.push(t.key);
    out.push(t.value, t.domain);
  }
  for (const w of e.with) out.push(w.value);
  return out;
}

export function walkExprVars(e: Expr, fn: (v: Term) => void, closures = true): void {
  for (const t of exprTerms(e)) walkVars(t, fn, closures);
  const t = e.terms;
  if (closures && 'kind' in t && t.kind === 'every') t.body.forEach((x) => walkExprVars(x, fn, closures));
}

export function varsOf(t: Term, closures = true): Set<string> {
  const out = new Set<string>();
  walkVars(t, (v) => out.add((v.value as { name: string }).name), closures);
  return out;
}

/** Visits every expression, including those nested in comprehensions and `every` bodies. */
export function walkExprs(body: Body, fn: (e: Expr) => void): void {
  for (const e of body) {
    fn(e);
    for (const t of exprTerms(e)) walkTermBodies(t, (b) => walkExprs(b, fn));
    const t = e.terms;
    if ('kind' in t && t.kind === 'every') walkExprs(t.body, fn);
  }
}

/** Calls `fn` for each comprehension body directly or indirectly inside `t` (not nested ones). */
export function walkTermBodies(t: Term, fn: (b: Body) => void): void {
  const v = t.value;
  switch (v.type) {
    case 'ref':
      v.terms.forEach((x) => walkTermBodies(x, fn));
      return;
    case 'array':
    case 'set':
      v.items.forEach((x) => walkTermBodies(x, fn));
      return;
    case 'object':
      v.items.forEach(([k, x]) => {
        walkTermBodies(k, fn);
        walkTermBodies(x, fn);
      });
      return;
    case 'call':
      v.args.forEach((x) => walkTermBodies(x, fn));
      return;
    case 'templatestring':
      v.parts.forEach((p) => typeof p !== 'string' && walkTermBodies(p, fn));
      return;
    case 'arraycomprehension':
    case 'setcomprehension':
      walkTermBodies(v.term, fn);
      fn(v.body);
      return;
    case 'objectcomprehension':
      walkTermBodies(v.key, fn);
      walkTermBodies(v.value, fn);
      fn(v.body);
      return;
  }
}

/** Visits every term (pre-order), including inside closures; `fn` returning false skips children. */
export function walkTerms(t: Term, fn: (t: Term) => boolean | void): void {
  if (fn(t) === false) return;
  const v = t.value;
  switch (v.type) {
    case 'ref':
      v.terms.forEach((x) => walkTerms(x, fn));
      return;
    case 'array':
    case 'set':
      v.items.forEach((x) => walkTerms(x, fn));
      return;
    case 'object':
      v.items.forEach(([k, x]) => {
        walkTerms(k, fn);
        walkTerms(x, fn);
      });
      return;
    case 'call':
      walkTerms(v.operator, fn);
      v.args.forEach((x) => walkTerms(x, fn));
      return;
    case 'templatestring':
      v.parts.forEach((p) => typeof p !== 'string' && walkTerms(p, fn));
      return;
    case 'arraycomprehension':
    case 'setcomprehension':
      walkTerms(v.term, fn);
      walkBodyTerms(v.body, fn);
      return;
    case 'objectcomprehension':
      walkTerms(v.key, fn);
      walkTerms(v.value, fn);
      walkBodyTerms(v.body, fn);
      return;
  }
}

export function walkBodyTerms(body: Body, fn: (t: Term) => boolean | void): void {
  for (const e of body) {
    const t = e.terms;
    if ('kind' in t && t.kind === 'call') walkTerms(t.operator, fn);
    for (const x of exprTerms(e)) walkTerms(x, fn);
    for (const w of e.with) walkTerms(w.target, fn);
    if ('kind' in t && t.kind === 'every') walkBodyTerms(t.body, fn);
  }
}

/** The rule's clauses: the rule then its `else` chain. */
export function clauses<R extends { else?: R }>(r: R): R[] {
  const out: R[] = [];
  for (let c: R | undefined = r; c; c = c.else) out.push(c);
  return out;
}
