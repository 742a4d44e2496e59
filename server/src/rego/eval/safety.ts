// Safety reordering, as OPA's compiler does it: expressions move so that every variable is bound
// (by unification, iteration in a ref, a call's output argument or `some … in`) before an
// expression needs its value. Passes over the body keep source order among expressions that are
// already safe. Expressions that can never become safe stay at the end in source order; evaluating
// them raises an unsafe-variable error.
import type { Body, E, T } from './ir';

export function reorderForSafety(body: Body, isInitiallySafe: (slot: number) => boolean): Body {
  if (body.length < 2) return body;
  const safe = new Set<number>();
  const isSafe = (s: number) => safe.has(s) || isInitiallySafe(s);
  const out: Body = [];
  let remaining = body;
  let progress = true;
  while (remaining.length > 0 && progress) {
    progress = false;
    const next: Body = [];
    for (const e of remaining) {
      const outputs = exprOutputs(e, isSafe);
      const needed = exprVars(e);
      let ok = true;
      for (const s of needed) if (!isSafe(s) && !outputs.has(s)) ok = false;
      if (ok) {
        out.push(e);
        for (const s of outputs) safe.add(s);
        for (const s of needed) safe.add(s);
        progress = true;
      } else next.push(e);
    }
    remaining = next;
  }
  return out.concat(remaining);
}

/** Every variable slot an expression reads or binds (comprehension/every bodies via captures). */
export function exprVars(e: E): Set<number> {
  const out = new Set<number>();
  switch (e.kind) {
    case 'term':
      termVars(e.term, out);
      break;
    case 'call':
      e.args.forEach((a) => termVars(a, out));
      break;
    case 'somein':
      if (e.key) termVars(e.key, out);
      termVars(e.value, out);
      termVars(e.domain, out);
      break;
    case 'every':
      termVars(e.domain, out);
      e.captures.forEach((s) => out.add(s));
      break;
  }
  for (const w of e.with) termVars(w.value, out);
  return out;
}

export function termVars(t: T, out: Set<number>): void {
  switch (t.k) {
    case 'var':
      out.add(t.slot);
      return;
    case 'ref':
      termVars(t.head, out);
      t.path.forEach((p) => termVars(p, out));
      return;
    case 'arr':
    case 'set':
      t.items.forEach((i) => termVars(i, out));
      return;
    case 'obj':
      t.items.forEach(([a, b]) => {
        termVars(a, out);
        termVars(b, out);
      });
      return;
    case 'acomp':
    case 'scomp':
    case 'ocomp':
      t.captures.forEach((s) => out.add(s));
      return;
    case 'call':
      t.args.forEach((a) => termVars(a, out));
      return;
    case 'tmpl':
      t.parts.forEach((p) => typeof p !== 'string' && termVars(p, out));
      return;
    default:
      return;
  }
}

function exprOutputs(e: E, isSafe: (s: number) => boolean): Set<number> {
  const out = new Set<number>();
  if (e.negated) return out;
  const known = (s: number) => isSafe(s) || out.has(s);
  switch (e.kind) {
    case 'term':
      refOutputs(e.term, known, out);
      break;
    case 'call': {
      e.args.forEach((a) => refOutputs(a, known, out));
      const name = e.fn.name;
      if ((name === 'eq' || name === 'assign') && e.args.length === 2) unifyOutputs(e.args[0], e.args[1], known, out);
      else if (e.fn.arity >= 0 && e.args.length === e.fn.arity + 1) {
        const inputs = e.args.slice(0, -1);
        if (inputs.every((a) => allKnown(a, known))) patternVars(e.args[e.args.length - 1], out);
      }
      break;
    }
    case 'somein':
      refOutputs(e.domain, known, out);
      if (allKnown(e.domain, known)) {
        if (e.key) patternVars(e.key, out);
        patternVars(e.value, out);
      }
      break;
    default:
      break;
  }
  return out;
}

function allKnown(t: T, known: (s: number) => boolean): boolean {
  const vs = new Set<number>();
  termVars(t, vs);
  for (const s of vs) if (!known(s)) return false;
  return true;
}

/** Vars bound by iterating refs: `x[i]` binds i once x is known. */
function refOutputs(t: T, known: (s: number) => boolean, out: Set<number>): void {
  switch (t.k) {
    case 'ref': {
      refOutputs(t.head, known, out);
      if (!allKnown(t.head, known)) return;
      for (const p of t.path) {
        if (p.k === 'ref' || p.k === 'call') refOutputs(p, known, out);
        else patternVars(p, out);
      }
      return;
    }
    case 'arr':
    case 'set':
      t.items.forEach((i) => refOutputs(i, known, out));
      return;
    case 'obj':
      t.items.forEach(([a, b]) => {
        refOutputs(a, known, out);
        refOutputs(b, known, out);
      });
      return;
    case 'call':
      t.args.forEach((a) => refOutputs(a, known, out));
      return;
    default:
      return;
  }
}

/** Vars in binding positions of a pattern (not inside refs, calls or comprehensions). */
function patternVars(t: T, out: Set<number>): void {
  switch (t.k) {
    case 'var':
      out.add(t.slot);
      return;
    case 'arr':
    case 'set':
      t.items.forEach((i) => patternVars(i, out));
      return;
    case 'obj':
      t.items.forEach(([, b]) => patternVars(b, out));
      return;
    default:
      return;
  }
}

function unifyOutputs(a: T, b: T, known: (s: number) => boolean, out: Set<number>): void {
  let changed = true;
  while (changed) {
    const before = out.size;
    unifyStep(a, b, known, out);
    changed = out.size !== before;
  }
}

function unifyStep(a: T, b: T, known: (s: number) => boolean, out: Set<number>): void {
  if (a.k === 'arr' && b.k === 'arr' && a.items.length === b.items.length) {
    a.items.forEach((x, i) => unifyStep(x, b.items[i], known, out));
    return;
  }
  if (a.k === 'obj' && b.k === 'obj' && a.items.length === b.items.length) {
    // keys pair up when they are the same constant
    for (const [ka, va] of a.items) {
      const match = b.items.find(([kb]) => ka.k === 'val' && kb.k === 'val' && sameConstant(ka, kb));
      if (match) unifyStep(va, match[1], known, out);
    }
    return;
  }
  if (allKnown(b, known)) patternVars(a, out);
  if (allKnown(a, known)) patternVars(b, out);
}

function sameConstant(a: T, b: T): boolean {
  return a.k === 'val' && b.k === 'val' && (a.v === b.v || JSON.stringify(a.v) === JSON.stringify(b.v));
}
