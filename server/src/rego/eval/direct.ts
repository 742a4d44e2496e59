// Expressions that hold or fail at once, evaluated without continuations: a filter over values
// at hand (`input.x == "y"`, `startswith(n, "a")`, `not f(r)`), an assignment of such a value to
// a variable (`x := input.a.b`, `n := count(s)`), a `some` declaration. The CPS path allocates a
// continuation per expression and a closure per term; a straight-line rule body is mostly these.
// Each function answers NOT_SIMPLE, having bound nothing, where the general path must run (it
// then repeats the same lookups, which are pure, and memo hits, which replay the same reads).
import { NOT_SIMPLE, type Slots } from './control';
import type { E, T } from './ir';
import type { Evaluator } from './evaluator';
import { getBuiltin } from '../builtins';
import { equal, makeSet, ObjectValue, type RegoValue } from './values';

/** True when `e` holds (its bindings made on the evaluator's trail), false when it fails. */
export function directExpr(ev: Evaluator, e: E, env: Slots): boolean | typeof NOT_SIMPLE {
  switch (e.kind) {
    case 'nop':
      return !e.negated;
    case 'term': {
      const v = directValue(ev, e.term, env);
      if (v === NOT_SIMPLE) return NOT_SIMPLE;
      return (v !== undefined && v !== false) !== e.negated;
    }
    case 'call':
      return directCall(ev, e, env);
    default:
      return NOT_SIMPLE;
  }
}

function directCall(ev: Evaluator, e: Extract<E, { kind: 'call' }>, env: Slots): boolean | typeof NOT_SIMPLE {
  const { fn, args, negated } = e;
  if (fn.name === 'eq' || fn.name === 'assign') return directUnify(ev, args[0], args[1], env, negated);
  if (fn.name === 'print') return NOT_SIMPLE;
  // a mock may change the arity, and so whether the last argument is an output
  if (ev.withs.mockFor(fn.name)) return NOT_SIMPLE;
  const arity = fn.arity;
  if (arity < 0) return NOT_SIMPLE;
  if (args.length === arity + 1) {
    const out = args[arity];
    if (out.k !== 'var' && out.k !== 'val') return NOT_SIMPLE;
    if (negated && out.k === 'var' && env[out.slot] === undefined) return NOT_SIMPLE;
    const v = ev.calls.directValue(fn, args, arity, env);
    if (v === NOT_SIMPLE) return NOT_SIMPLE;
    if (v === undefined) return negated;
    return bindOrMatch(ev, out, v, env) !== negated;
  }
  const v = ev.calls.directValue(fn, args, args.length, env);
  if (v === NOT_SIMPLE) return NOT_SIMPLE;
  return (v !== undefined && v !== false) !== negated;
}

/** `a = b` / `a := b` where one side is a value at hand and the other a variable or a value. */
function directUnify(ev: Evaluator, a: T, b: T, env: Slots, negated: boolean): boolean | typeof NOT_SIMPLE {
  if ((a.k === 'arr' && b.k === 'arr') || (a.k === 'obj' && b.k === 'obj')) return NOT_SIMPLE;
  if (!ev.isBound(a, env)) {
    if (a.k !== 'var' || negated) return NOT_SIMPLE;
    const bv = directValue(ev, b, env);
    if (bv === NOT_SIMPLE) return NOT_SIMPLE;
    if (bv === undefined) return false;
    ev.bind(env, a.slot, bv);
    return true;
  }
  // both sides checked first, so that a failure does not leave work for the general path to repeat
  if (b.k !== 'val' && b.k !== 'var' && !isDirect(b, env)) return NOT_SIMPLE;
  const av = directValue(ev, a, env);
  if (av === NOT_SIMPLE) return NOT_SIMPLE;
  if (av === undefined) return negated;
  switch (b.k) {
    case 'val':
      return equal(b.v, av) !== negated;
    case 'var':
      if (env[b.slot] === undefined && negated) return NOT_SIMPLE;
      return bindOrMatch(ev, b, av, env) !== negated;
    case 'arr':
    case 'obj':
      return NOT_SIMPLE;
    default: {
      const bv = directValue(ev, b, env);
      if (bv === NOT_SIMPLE) return NOT_SIMPLE;
      return (bv !== undefined && equal(bv, av)) !== negated;
    }
  }
}

/** Unifies a variable or constant with a value: binds an unbound variable, else compares. */
function bindOrMatch(ev: Evaluator, t: Extract<T, { k: 'var' | 'val' }>, v: RegoValue, env: Slots): boolean {
  if (t.k === 'val') return equal(t.v, v);
  const cur = env[t.slot];
  if (cur !== undefined) return equal(cur, v);
  ev.bind(env, t.slot, v);
  return true;
}

/**
 * As Evaluator.fastValue, and also a call with one value and every argument at hand, and an
 * array, set or object of such terms (nested); same order of work as the general path.
 */
export function directValue(ev: Evaluator, t: T, env: Slots): RegoValue | undefined | typeof NOT_SIMPLE {
  switch (t.k) {
    case 'call':
      return ev.calls.directValue(t.fn, t.args, t.args.length, env);
    case 'arr':
    case 'set':
    case 'obj':
      return isDirect(t, env) ? valueOfDirect(ev, t, env) : NOT_SIMPLE;
    default:
      return ev.fastValue(t, env);
  }
}

/**
 * Whether a term's value can be had directly, judged from its shape and bindings alone (nothing is
 * evaluated): constants, bound variables, refs into input or bound values along ground paths, and
 * calls (not relations), arrays, sets and objects of such terms. Callers check before evaluating
 * so that a term that must enumerate does not leave half-done work (a nested call computed) for
 * the general path to repeat.
 */
export function isDirect(t: T, env: Slots): boolean {
  switch (t.k) {
    case 'val':
      return true;
    case 'var':
      return env[t.slot] !== undefined;
    case 'root':
      return t.name === 'input';
    case 'ref': {
      const h = t.head;
      if (h.k === 'var' ? env[h.slot] === undefined : !(h.k === 'root' && h.name === 'input')) return false;
      // Indexed loops here and below: isDirect runs for most terms of every rule body, and a for…of
      // allocates per step in baseline code.
      const path = t.path;
      for (let i = 0; i < path.length; i++) {
        const p = path[i];
        if (p.k !== 'val' && (p.k !== 'var' || env[p.slot] === undefined)) return false;
      }
      return true;
    }
    case 'call': {
      const { fn } = t;
      if (!fn.path && fn.name !== 'internal.member_2' && fn.name !== 'internal.member_3') {
        const builtin = getBuiltin(fn.name);
        if (!builtin || builtin.relation) return false;
      }
      return allDirect(t.args, env);
    }
    case 'arr':
    case 'set':
      return allDirect(t.items, env);
    case 'obj': {
      const items = t.items;
      for (let i = 0; i < items.length; i++) if (!isDirect(items[i][0], env) || !isDirect(items[i][1], env)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** isDirect for each of the first `count` terms (all of them by default). */
export function allDirect(ts: readonly T[], env: Slots, count = ts.length): boolean {
  for (let i = 0; i < count; i++) if (!isDirect(ts[i], env)) return false;
  return true;
}

/** directValue of a term isDirect accepted. */
function valueOfDirect(ev: Evaluator, t: T, env: Slots): RegoValue | undefined | typeof NOT_SIMPLE {
  switch (t.k) {
    case 'call':
      return ev.calls.directValue(t.fn, t.args, t.args.length, env);
    case 'arr':
      return directItems(ev, t.items, env);
    case 'set': {
      const items = directItems(ev, t.items, env);
      return typeof items === 'object' ? makeSet(items) : items;
    }
    case 'obj': {
      const obj = new ObjectValue();
      const items = t.items;
      for (let i = 0; i < items.length; i++) {
        const kv = valueOfDirect(ev, items[i][0], env);
        if (kv === undefined || kv === NOT_SIMPLE) return kv;
        const vv = valueOfDirect(ev, items[i][1], env);
        if (vv === undefined || vv === NOT_SIMPLE) return vv;
        // a repeated key (a conflict, or not) is left to the general path
        if (obj.get(kv) !== undefined) return NOT_SIMPLE;
        // (nothing holds the new object yet: no cached key or text to drop, as `set` would)
        obj.initEntry(kv, vv);
      }
      return obj;
    }
    default:
      return ev.fastValue(t, env);
  }
}

function directItems(ev: Evaluator, ts: readonly T[], env: Slots): RegoValue[] | undefined | typeof NOT_SIMPLE {
  const out: RegoValue[] = new Array(ts.length);
  for (let i = 0; i < ts.length; i++) {
    const v = valueOfDirect(ev, ts[i], env);
    if (v === undefined || v === NOT_SIMPLE) return v;
    out[i] = v;
  }
  return out;
}
