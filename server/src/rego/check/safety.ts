// OPA's safety checks. Head: every var of a rule head must occur in the body (or be an argument).
// Body: expressions are reordered so each var is bound before it is needed (by unification, a
// ref's iteration, a call's output operand or `some … in`); vars that can never be bound are
// "unsafe", reported once each at the first expression that needs them. Closures (comprehensions,
// `every`) are checked after their enclosing body, with the vars it binds as globals.
import type { Loc, Term } from '../syntax/ast';
import { calleeArity } from './functions';
import { clauses, type ErrorSink, isGenerated, walkVars } from './model';
import type { Resolved } from './resolve';
import type { RuleNode } from './tree';
import { CALL_VAR, type Closure, sourceName, type Unit, UnitBuilder } from './units';

const RESERVED = ['input', 'data'];
const FUTURE_KEYWORDS = new Set(['in', 'every', 'contains', 'if']);

export type Arity = (op: Term) => number;
type Unsafe = Map<Unit, Set<string>>;

function termVars(t: Term, out: Set<string>, skipObjectKeysAndSets = false): void {
  const walk = (x: Term, refHead: boolean): void => {
    const v = x.value;
    switch (v.type) {
      case 'var':
        if (!refHead) out.add(v.name);
        return;
      case 'ref':
        v.terms.forEach((y, i) => walk(y, skipObjectKeysAndSets && i === 0));
        return;
      case 'array':
        v.items.forEach((y) => walk(y, false));
        return;
      case 'set':
        if (!skipObjectKeysAndSets) v.items.forEach((y) => walk(y, false));
        return;
      case 'object':
        v.items.forEach(([k, y]) => {
          if (!skipObjectKeysAndSets) walk(k, false);
          walk(y, false);
        });
        return;
      case 'templatestring':
        v.parts.forEach((p) => typeof p !== 'string' && walk(p, false));
        return;
    }
  };
  walk(t, false);
}

const varsOfTerms = (ts: Term[], skip = false): Set<string> => {
  const out = new Set<string>();
  ts.forEach((t) => termVars(t, out, skip));
  return out;
};

function isRefSafe(ref: Term[], safe: Set<string>): boolean {
  const head = ref[0];
  if (head.value.type === 'var') return safe.has(head.value.name);
  const vs = varsOfTerms([head]);
  return [...vs].every((v) => safe.has(v));
}

/** Vars a ref binds by iteration (`xs[i]` binds i), for refs whose head is safe. */
function refOutputs(terms: Term[], safe: Set<string>): Set<string> {
  const out = new Set<string>();
  const visit = (t: Term): void => {
    const v = t.value;
    if (v.type === 'ref') {
      if (!isRefSafe(v.terms, safe)) return;
      const vis = (x: Term, head: boolean) => {
        const xv = x.value;
        if (xv.type === 'var') {
          if (!head) out.add(xv.name);
        } else if (xv.type === 'ref') xv.terms.forEach((y, i) => vis(y, i === 0));
        else walkVars(x, (y) => out.add((y.value as { name: string }).name), false);
      };
      v.terms.slice(1).forEach((x) => vis(x, false));
      v.terms.forEach(visit);
      return;
    }
    if (v.type === 'array' || v.type === 'set') v.items.forEach(visit);
    else if (v.type === 'object') v.items.forEach(([k, x]) => (visit(k), visit(x)));
  };
  terms.forEach(visit);
  return out;
}

/** OPA's unifier: which vars `a = b` binds, given the safe vars. */
function unify(safe: Set<string>, a: Term, b: Term): Set<string> {
  const unified = new Set<string>();
  const unknown = new Map<string, Set<string>>();
  const isSafe = (v: string) => safe.has(v) || unified.has(v);
  const markSafe = (v: string): void => {
    if (unified.has(v)) return;
    unified.add(v);
    for (const [w, deps] of unknown) {
      deps.delete(v);
      if (deps.size === 0) {
        unknown.delete(w);
        markSafe(w);
      }
    }
  };
  const markUnknown = (a: string, b: string) => {
    const s = unknown.get(a) ?? new Set<string>();
    s.add(b);
    unknown.set(a, s);
  };
  const markAllSafe = (t: Term) => varsOfTerms([t]).forEach(markSafe);
  const refHeadSafe = (t: Term) => t.value.type === 'ref' && isRefSafe(t.value.terms, new Set([...safe, ...unified]));
  const unifyAll = (v: string, t: Term) => {
    if (isSafe(v)) return markAllSafe(t);
    const pending = [...varsOfTerms([t])].filter((x) => !isSafe(x));
    if (pending.length === 0) markSafe(v);
    else pending.forEach((x) => markUnknown(v, x));
  };
  const isClosure = (t: Term) => t.value.type.endsWith('comprehension');
  const go = (a: Term, b: Term): void => {
    const av = a.value;
    const bv = b.value;
    if (av.type === 'var') {
      if (bv.type === 'var') {
        if (isSafe(bv.name)) markSafe(av.name);
        else if (isSafe(av.name)) markSafe(bv.name);
        else {
          markUnknown(av.name, bv.name);
          markUnknown(bv.name, av.name);
        }
      } else if (bv.type === 'array' || bv.type === 'object') unifyAll(av.name, b);
      else if (bv.type === 'ref') {
        if (refHeadSafe(b)) markSafe(av.name);
      } else markSafe(av.name);
    } else if (av.type === 'ref') {
      if (refHeadSafe(a)) {
        if (bv.type === 'var') markSafe(bv.name);
        else if (bv.type === 'array' || bv.type === 'object') markAllSafe(b);
      }
    } else if (isClosure(a)) {
      if (bv.type === 'var') markSafe(bv.name);
      else if (bv.type === 'array' || bv.type === 'object') markAllSafe(b);
    } else if (av.type === 'array') {
      if (bv.type === 'var') unifyAll(bv.name, a);
      else if (isClosure(b)) markAllSafe(a);
      else if (bv.type === 'ref') {
        if (refHeadSafe(b)) markAllSafe(a);
      } else if (bv.type === 'array' && bv.items.length === av.items.length) av.items.forEach((x, i) => go(x, bv.items[i]));
    } else if (av.type === 'object') {
      if (bv.type === 'var') unifyAll(bv.name, a);
      else if (bv.type === 'ref') {
        if (refHeadSafe(b)) markAllSafe(a);
      } else if (bv.type === 'object' && bv.items.length === av.items.length) {
        for (const [k, x] of av.items) {
          const match = bv.items.find(([k2]) => JSON.stringify(k2.value) === JSON.stringify(k.value));
          if (match) go(x, match[1]);
        }
      }
    } else if (bv.type === 'var') markSafe(bv.name);
  };
  go(a, b);
  return unified;
}

function outputVars(u: Unit, safe: Set<string>, arity: Arity): Set<string> {
  if (u.negated) return new Set();
  for (const w of u.withValues) if ([...varsOfTerms([w])].some((v) => !safe.has(v))) return new Set();
  switch (u.kind) {
    case 'term':
    case 'every':
      return refOutputs(u.terms, safe);
    case 'eq': {
      const o = refOutputs(u.terms, safe);
      const known = new Set([...o, ...safe]);
      unify(known, u.terms[0], u.terms[1]).forEach((v) => o.add(v));
      return o;
    }
    case 'somein': {
      const o = refOutputs(u.terms, safe);
      const known = new Set([...o, ...safe]);
      if ([...varsOfTerms(u.terms)].every((v) => known.has(v))) varsOfTerms(u.patterns ?? []).forEach((v) => o.add(v));
      return o;
    }
    case 'call': {
      const o = refOutputs(u.terms, safe);
      const ar = u.operator ? arity(u.operator) : -1;
      if (ar < 0 || ar >= u.terms.length) return o;
      const inputs = varsOfTerms(u.terms.slice(0, ar), true);
      for (const v of inputs) if (!o.has(v) && !safe.has(v)) return new Set();
      varsOfTerms(u.terms.slice(ar), true).forEach((v) => o.add(v));
      return o;
    }
  }
}

function outputVarsForBody(units: Unit[], safe: Set<string>, arity: Arity): Set<string> {
  const o = new Set(safe);
  for (const u of units) outputVars(u, o, arity).forEach((v) => o.add(v));
  for (const v of safe) o.delete(v);
  return o;
}

function addUnsafe(unsafe: Unsafe, u: Unit, v: string): void {
  const s = unsafe.get(u) ?? new Set<string>();
  s.add(v);
  unsafe.set(u, s);
}

/** OPA's reorderBodyForSafety, returning only the unsafe vars per expression. */
export function unsafeVars(globals: Set<string>, body: Unit[], arity: Arity): Unsafe {
  const bodyVars = new Set<string>();
  body.forEach((u) => u.vars.forEach((v) => bodyVars.add(v)));
  // Closures first: a var a closure shares with the body must be bound before the closure runs.
  const ordered: Unit[] = [];
  let unsafe: Unsafe = new Map();
  for (;;) {
    const n = ordered.length;
    for (const u of body) {
      if (ordered.includes(u)) continue;
      const cv = new Set<string>();
      u.closures.forEach((c) => c.allVars.forEach((v) => bodyVars.has(v) && !globals.has(v) && cv.add(v)));
      const bound = cv.size > 0 ? outputVarsForBody(ordered, globals, arity) : new Set<string>();
      const uv = [...cv].filter((v) => !bound.has(v));
      if (uv.length === 0) {
        ordered.push(u);
        unsafe.delete(u);
      } else unsafe.set(u, new Set(uv));
    }
    if (ordered.length === n) break;
  }
  if (unsafe.size > 0) return unsafe;

  unsafe = new Map();
  const safe = new Set<string>();
  for (const u of ordered) for (const v of u.vars) (globals.has(v) ? safe.add(v) : addUnsafe(unsafe, u, v));
  const reordered: Unit[] = [];
  for (;;) {
    const n = reordered.length;
    for (const u of ordered) {
      if (reordered.includes(u)) continue;
      outputVars(u, safe, arity).forEach((v) => safe.add(v));
      const left = unsafe.get(u);
      if (left) for (const v of [...left]) if (safe.has(v)) left.delete(v);
      if (!left || left.size === 0) {
        unsafe.delete(u);
        reordered.push(u);
      }
    }
    if (reordered.length === n) break;
  }

  const g = new Set(globals);
  reordered.forEach((u, i) => {
    if (i > 0) reordered[i - 1].vars.forEach((v) => g.add(v));
    for (const c of u.closures) closureUnsafe(c, u, g, arity, unsafe);
  });
  return unsafe;
}

function closureUnsafe(c: Closure, current: Unit, g: Set<string>, arity: Arity, unsafe: Unsafe): void {
  if (c.kind === 'every') c.keyValueVars.forEach((v) => g.add(v));
  else {
    const bv = new Set(g);
    c.units.forEach((u) => u.vars.forEach((v) => bv.add(v)));
    for (const v of c.headVars) if (!bv.has(v)) addUnsafe(unsafe, current, v);
  }
  for (const [u, vs] of unsafeVars(new Set(g), c.units, arity)) for (const v of vs) addUnsafe(unsafe, u, v);
}

const isHidden = (name: string) => isGenerated(name) || name.startsWith(CALL_VAR);

/** OPA's safetyErrorSlice: named vars at their first unsafe expression, else "expression is unsafe". */
function safetyErrors(unsafe: Unsafe): { message: string; loc: Loc }[] {
  const first = new Map<string, Loc>();
  for (const [u, vs] of unsafe) for (const v of vs) {
    const at = first.get(v);
    if (!at || u.loc.start < at.start) first.set(v, u.loc);
  }
  const named = [...first]
    .filter(([v]) => !isHidden(sourceName(v)) && !FUTURE_KEYWORDS.has(sourceName(v)))
    .sort((a, b) => a[1].start - b[1].start || (a[0] < b[0] ? -1 : 1))
    .map(([v, loc]) => ({ message: `var ${sourceName(v)} is unsafe`, loc }));
  if (named.length > 0) return named;
  const seen = new Set<string>();
  const out: { message: string; loc: Loc }[] = [];
  for (const [u, vs] of [...unsafe].sort((a, b) => a[0].loc.start - b[0].loc.start)) {
    const before = seen.size;
    vs.forEach((v) => isHidden(sourceName(v)) && seen.add(v));
    if (seen.size > before) out.push({ message: 'expression is unsafe', loc: u.loc });
  }
  return out;
}

export function arityOf(root: RuleNode): Arity {
  return (op) => calleeArity(root, op) ?? -1;
}

/** One rule's head vars that its body never binds. Reads only the rule (and builtin names). */
export function headSafetyOfRule(r: Resolved, errs: ErrorSink): void {
  for (const c of clauses(r.rule)) {
    const { units, head } = new UnitBuilder().rule(c.body, [...(c.head.key ? [c.head.key] : []), ...(c.head.value ? [c.head.value] : [])], c.head.ref.slice(1));
    const safe = new Set<string>(RESERVED);
    [...units, ...head.units].forEach((u) => u.vars.forEach((v) => safe.add(v)));
    for (const a of c.head.args ?? []) walkVars(a, (v) => safe.add((v.value as { name: string }).name), false);
    const headVars = [...varsOfTerms(head.rewritten)].filter((v) => !safe.has(v) && !isHidden(v)).sort();
    for (const v of headVars) errs.add('rego_unsafe_var_error', `var ${v} is unsafe`, r.m, c.loc);
  }
}

/** One rule's unsafe body vars. Reads the rule, builtins and (for calls of rules) their arities. */
export function safetyOfRule(arity: Arity, r: Resolved, errs: ErrorSink): void {
  for (const c of clauses(r.rule)) {
    const built = new UnitBuilder().rule(c.body, [...(c.head.key ? [c.head.key] : []), ...(c.head.value ? [c.head.value] : [])]);
    const units = [...built.units, ...built.head.units];
    const globals = new Set(RESERVED);
    for (const a of c.head.args ?? []) walkVars(a, (v) => globals.add((v.value as { name: string }).name), false);
    for (const e of safetyErrors(unsafeVars(globals, units, arity))) errs.add('rego_unsafe_var_error', e.message, r.m, e.loc);
  }
}
