// Top-down evaluation in continuation-passing style, as OPA's topdown does it: every construct
// enumerates its solutions by calling a continuation, bindings live in per-rule frames and are
// undone through one trail when a branch backtracks, and a continuation returns STOP to end an
// enumeration early (negation, `every`, first-solution checks).
import type { Body, E, FnRef, T } from './ir';
import { NOT_FLAT, NOT_SIMPLE, STOP, type Slots, type Stop } from './control';
import { directExpr, directValue } from './direct';
import { CONFLICT_OBJECT_KEYS, EvalError } from './errors';
import type { RuleNode } from './compile';
import { Documents } from './documents';
import { iterate } from './iterate';
import { Calls } from './calls';
import { WithStack } from './with';
import type { ReadLog } from './reads';
import { sharedValuesFor, type SharedValues } from './shared-values';
import {
  equal,
  formatValue,
  intNumber,
  isNumber,
  isArray,
  isObject,
  isSet,
  makeObject,
  lookup,
  makeSet,
  ObjectValue,
  sortedEntries,
  sortedMembers,
  type RegoValue,
} from './values';

export { NOT_SIMPLE, STOP, type Slots, type Stop };

export interface EvaluatorOptions {
  input?: RegoValue;
  data?: RegoValue;
  strictBuiltinErrors?: boolean;
  maxSteps?: number;
  deadline?: number;
  isCancelled?: () => boolean;
  print?: (msg: string) => void;
  nowNs?: bigint;
  runtime?: RegoValue;
  /** Collects what the evaluation reads of a tracked input (memoised values keep theirs). */
  reads?: ReadLog;
}

export class Evaluator {
  input: RegoValue | undefined;
  data: RegoValue;
  readonly docs: Documents;
  readonly calls: Calls;
  readonly withs: WithStack;
  /** Values of input-independent rules shared with other evaluations of this rule tree (see shared-values.ts). */
  readonly shared: SharedValues | undefined;
  private readonly trailSlots: Slots[] = [];
  private readonly trailIndex: number[] = [];
  private steps = 0;
  private maxSteps: number;
  private deadline: number | undefined;

  constructor(
    readonly root: RuleNode,
    readonly options: EvaluatorOptions,
  ) {
    this.input = options.input;
    this.data = options.data ?? makeObject([]);
    this.maxSteps = options.maxSteps ?? Number.POSITIVE_INFINITY;
    this.deadline = options.deadline;
    this.shared = sharedValuesFor(root, options.data, options.strictBuiltinErrors ?? false);
    this.docs = new Documents(this);
    this.calls = new Calls(this);
    this.withs = new WithStack(this);
  }

  // ---------- budget ----------

  /** Starts a fresh budget (a session evaluates several rules, each under its own budget). */
  restartBudget(maxSteps: number | undefined, deadline: number | undefined): void {
    this.steps = 0;
    this.maxSteps = maxSteps ?? Number.POSITIVE_INFINITY;
    this.deadline = deadline;
    this.undo(0);
  }

  tick(): void {
    const s = ++this.steps;
    if (s > this.maxSteps) throw new EvalError('eval_cancel_error', `evaluation stopped: step budget of ${this.maxSteps} exceeded`);
    if ((s & 1023) === 0) {
      if (this.deadline !== undefined && Date.now() > this.deadline) {
        throw new EvalError('eval_cancel_error', 'evaluation stopped: time budget exceeded');
      }
      if (this.options.isCancelled?.()) throw new EvalError('eval_cancel_error', 'evaluation cancelled');
    }
  }

  // ---------- bindings ----------

  mark(): number {
    return this.trailSlots.length;
  }
  bind(env: Slots, slot: number, v: RegoValue): void {
    env[slot] = v;
    this.trailSlots.push(env);
    this.trailIndex.push(slot);
  }
  undo(mark: number): void {
    while (this.trailSlots.length > mark) {
      const env = this.trailSlots.pop()!;
      env[this.trailIndex.pop()!] = undefined;
    }
  }

  // ---------- bodies and expressions ----------

  evalBody(body: Body, i: number, env: Slots, k: () => Stop): Stop {
    if (i === body.length) return k();
    let e = body[i];
    const m = this.mark();
    try {
      // Expressions that hold or fail at once run in this loop (see direct.ts); the first that
      // may enumerate gets a continuation for the rest of the body.
      for (;;) {
        this.tick();
        const held = e.with.length > 0 ? NOT_SIMPLE : directExpr(this, e, env);
        if (held === NOT_SIMPLE) {
          const next = this.restOfBody(body, i + 1, env, k);
          return this.undoWith(m, e.with.length > 0 ? this.withs.evalWith(e, env, next) : this.evalExpr(e, env, next));
        }
        if (!held) return this.undoWith(m, undefined);
        if (++i === body.length) return this.undoWith(m, k());
        e = body[i];
      }
    } catch (err) {
      // the innermost expression names the error's location
      if (err instanceof EvalError && err.loc === undefined) throw new EvalError(err.code, err.message, e.loc, e.file);
      throw err;
    }
  }

  private restOfBody(body: Body, i: number, env: Slots, k: () => Stop): () => Stop {
    return () => this.evalBody(body, i, env, k);
  }

  evalExpr(e: E, env: Slots, k: () => Stop): Stop {
    return e.negated ? this.evalNegated(e, env, k) : this.evalPositive(e, env, k);
  }

  private evalNegated(e: E, env: Slots, k: () => Stop): Stop {
    const m = this.mark();
    let found = false;
    this.evalPositive(e, env, () => {
      found = true;
      return STOP;
    });
    this.undo(m);
    return found ? undefined : k();
  }

  private evalPositive(e: E, env: Slots, k: () => Stop): Stop {
    {
      switch (e.kind) {
        case 'term':
          return this.evalTerm(e.term, env, unlessFalse(k));
        case 'nop':
          return k();
        case 'call':
          return this.calls.evalCallExpr(e.fn, e.args, env, k);
        case 'somein': {
          // A domain at hand (`some r in input.resources`, most of them) needs no continuation.
          const coll = this.directValue(e.domain, env);
          if (coll !== NOT_SIMPLE) return coll === undefined ? undefined : iterate(this, coll, env, e.key, e.value, k);
          return this.evalTerm(e.domain, env, this.iterator(e, env, k));
        }
        case 'every':
          return this.evalEvery(e, env, k);
      }
    }
  }

  private iterator(e: Extract<E, { kind: 'somein' }>, env: Slots, k: () => Stop): (coll: RegoValue) => Stop {
    return (coll) => iterate(this, coll, env, e.key, e.value, k);
  }

  private evalEvery(e: Extract<E, { kind: 'every' }>, env: Slots, k: () => Stop): Stop {
    return this.evalTerm(e.domain, env, (coll) => {
      if (!isArray(coll) && !isObject(coll) && !isSet(coll)) return undefined;
      let allHold = true;
      const m = this.mark();
      iterate(this, coll, env, e.key, e.value, () => {
        let ok = false;
        this.evalBody(e.body, 0, env, () => {
          ok = true;
          return STOP;
        });
        if (!ok) {
          allHold = false;
          return STOP;
        }
        return undefined;
      });
      this.undo(m);
      return allHold ? k() : undefined;
    });
  }

  // ---------- terms ----------

  evalTerm(t: T, env: Slots, k: (v: RegoValue) => Stop): Stop {
    if (t.k === 'arr' || t.k === 'set' || t.k === 'obj') {
      const direct = this.directValue(t, env);
      if (direct !== NOT_SIMPLE) return direct === undefined ? undefined : k(direct);
    }
    switch (t.k) {
      case 'val':
        return k(t.v);
      case 'var': {
        const v = env[t.slot];
        if (v === undefined) throw new EvalError('rego_unsafe_var_error', `var ${t.name} is unsafe`);
        return k(v);
      }
      case 'root':
        if (t.name === 'input') return this.input === undefined ? undefined : k(this.input);
        return this.docs.evalDataRef([], env, k);
      case 'ref':
      {
        const fast = this.fastValue(t, env);
        if (fast === NOT_SIMPLE) return this.evalRef(t, env, k);
        return fast === undefined ? undefined : k(fast);
      }
      case 'arr':
      case 'set':
      case 'obj':
      case 'acomp':
      case 'scomp':
      case 'ocomp':
        return this.evalComposite(t, env, k);
      case 'call':
        return this.calls.evalCall(t.fn, t.args, env, k);
      case 'tmpl':
        return this.evalTemplate(t.parts, env, k);
    }
  }

  // Closures live in helpers: a function that creates one allocates a context on every call, taken branch or not.
  private evalComposite(t: Extract<T, { k: 'arr' | 'set' | 'obj' | 'acomp' | 'scomp' | 'ocomp' }>, env: Slots, k: (v: RegoValue) => Stop): Stop {
    switch (t.k) {
      case 'arr':
        return this.evalTerms(t.items, env, (vals) => k(vals));
      case 'set':
        return this.evalTerms(t.items, env, (vals) => k(makeSet(vals)));
      case 'obj':
        return this.evalObject(t.items, env, k);
      case 'acomp': {
        const out: RegoValue[] = [];
        this.evalBody(t.body, 0, env, () => this.evalTerm(t.term, env, (v) => void out.push(v)));
        return k(out);
      }
      case 'scomp': {
        const out: RegoValue[] = [];
        this.evalBody(t.body, 0, env, () => this.evalTerm(t.term, env, (v) => void out.push(v)));
        return k(makeSet(out));
      }
      case 'ocomp': {
        const obj = new ObjectValue();
        this.evalBody(t.body, 0, env, () =>
          this.evalTerm(t.key, env, (kv) =>
            this.evalTerm(t.value, env, (vv) => {
              const prev = obj.get(kv);
              if (prev !== undefined && !equal(prev, vv)) throw new EvalError('eval_conflict_error', CONFLICT_OBJECT_KEYS);
              obj.set(kv, vv);
              return undefined;
            }),
          ),
        );
        return k(obj);
      }
    }
  }

  /** Cartesian product of the terms' values. */
  evalTerms(ts: T[], env: Slots, k: (vals: RegoValue[]) => Stop): Stop {
    const vals: RegoValue[] = new Array(ts.length);
    // terms that bind variables (refs) go before plain variables they bind
    let order: number[] | undefined;
    for (let i = 0; i < ts.length; i++) {
      if (!this.isBound(ts[i], env)) {
        order = ts.map((_, j) => j).sort((a, b) => Number(!this.isBound(ts[a], env)) - Number(!this.isBound(ts[b], env)) || a - b);
        break;
      }
    }
    const step = (j: number): Stop => {
      if (j === ts.length) return k(vals.slice());
      const i = order ? order[j] : j;
      const t = ts[i];
      const fast = this.directValue(t, env);
      if (fast !== NOT_SIMPLE) {
        if (fast === undefined) return undefined;
        vals[i] = fast;
        return step(j + 1);
      }
      return this.evalTerm(t, env, (v) => {
        vals[i] = v;
        return step(j + 1);
      });
    };
    return step(0);
  }

  private evalObject(items: [T, T][], env: Slots, k: (v: RegoValue) => Stop): Stop {
    const flat: T[] = [];
    for (const [a, b] of items) flat.push(a, b);
    return this.evalTerms(flat, env, (vals) => {
      const obj = new ObjectValue();
      for (let i = 0; i < vals.length; i += 2) {
        const prev = obj.get(vals[i]);
        if (prev !== undefined && !equal(prev, vals[i + 1])) throw new EvalError('eval_conflict_error', CONFLICT_OBJECT_KEYS);
        obj.initEntry(vals[i], vals[i + 1]); // a new object: nothing cached to drop
      }
      return k(obj);
    });
  }

  private evalTemplate(parts: (string | T)[], env: Slots, k: (v: RegoValue) => Stop): Stop {
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const vals: RegoValue[] = [];
      this.evalTerm(p, env, (v) => void vals.push(v));
      if (vals.length === 0) out += '<undefined>';
      else if (vals.length > 1) throw new EvalError('eval_conflict_error', 'template expression produced multiple outputs');
      else out += typeof vals[0] === 'string' ? vals[0] : formatValue(vals[0]);
    }
    return k(out);
  }

  // ---------- refs ----------

  /** As fastValue, and also calls, arrays, sets and objects of values at hand (see direct.ts). */
  directValue(t: T, env: Slots): RegoValue | undefined | typeof NOT_SIMPLE {
    return directValue(this, t, env);
  }

  /**
   * The single value of a term that needs no enumeration (constants, bound variables, refs into
   * input or bound values along ground paths), without allocating continuations; NOT_SIMPLE
   * when the general path must be taken.
   */
  fastValue(t: T, env: Slots): RegoValue | undefined | typeof NOT_SIMPLE {
    switch (t.k) {
      case 'val':
        return t.v;
      case 'var':
        return env[t.slot] ?? NOT_SIMPLE;
      case 'root':
        return t.name === 'input' ? this.input : NOT_SIMPLE;
      case 'ref': {
        let v: RegoValue | undefined;
        const h = t.head;
        if (h.k === 'var') v = env[h.slot];
        else if (h.k === 'root' && h.name === 'input') {
          if (this.input === undefined) return undefined;
          v = this.input;
        }
        if (v === undefined) return NOT_SIMPLE;
        // Indexed loop: this runs for most refs of every rule (a for…of allocates per step in baseline code).
        const path = t.path;
        for (let i = 0; i < path.length; i++) {
          const p = path[i];
          let key: RegoValue | undefined;
          if (p.k === 'val') key = p.v;
          else if (p.k === 'var') key = env[p.slot];
          if (key === undefined) return NOT_SIMPLE;
          v = lookup(v!, key);
          if (v === undefined) return undefined;
        }
        return v;
      }
      default:
        return NOT_SIMPLE;
    }
  }

  private evalRef(t: Extract<T, { k: 'ref' }>, env: Slots, k: (v: RegoValue) => Stop): Stop {
    const head = t.head;
    if (head.k === 'root') {
      if (head.name === 'data') return this.docs.evalDataRef(t.path, env, k);
      if (this.input === undefined) return undefined;
      return this.walk(this.input, t.path, 0, env, k);
    }
    return this.evalTerm(head, env, this.walkFrom(t.path, env, k));
  }

  private walkFrom(path: T[], env: Slots, k: (v: RegoValue) => Stop): (v: RegoValue) => Stop {
    return (v) => this.walk(v, path, 0, env, k);
  }

  /**
   * Follows `path[i:]` into a value, enumerating where a path term has unbound variables.
   * `inBase`: the value is a base document read through a `data` ref, where (as in OPA's store)
   * a number in the path also finds the object key spelled as that number.
   */
  walk(v: RegoValue, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop, inBase = false): Stop {
    if (i === path.length) return k(v);
    return this.isBound(path[i], env) ? this.walkKey(v, path, i, env, k, inBase) : this.walkEach(v, path, i, env, k, inBase);
  }

  private walkKey(v: RegoValue, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop, inBase: boolean): Stop {
    return this.evalTerm(path[i], env, (key) => {
      let child = lookup(v, key);
      if (child === undefined && inBase && isNumber(key) && isObject(v)) child = v.get(key.text);
      return child === undefined ? undefined : this.walk(child, path, i + 1, env, k, inBase);
    });
  }

  private walkEach(v: RegoValue, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop, inBase: boolean): Stop {
    const p = path[i];
    const next = (key: RegoValue, child: RegoValue): Stop => {
      this.tick();
      return this.unifyValue(p, key, env, () => this.walk(child, path, i + 1, env, k, inBase));
    };
    if (isArray(v)) {
      for (let j = 0; j < v.length; j++) if (next(intNumber(j), v[j])) return STOP;
    } else if (isObject(v)) {
      for (const [kk, vv] of sortedEntries(v)) if (next(kk, vv)) return STOP;
    } else if (isSet(v)) {
      for (const x of sortedMembers(v)) if (next(x, x)) return STOP;
    }
    return undefined;
  }

  /** True when a term can be evaluated as it stands (no unbound variables in binding positions). */
  isBound(t: T, env: Slots): boolean {
    switch (t.k) {
      case 'var':
        return env[t.slot] !== undefined;
      case 'arr':
      case 'set':
        for (const x of t.items) if (!this.isBound(x, env)) return false;
        return true;
      case 'obj':
        for (const [a, b] of t.items) if (!this.isBound(a, env) || !this.isBound(b, env)) return false;
        return true;
      default:
        return true;
    }
  }

  // ---------- unification ----------

  unify(a: T, b: T, env: Slots, k: () => Stop): Stop {
    if (a.k === 'arr' && b.k === 'arr') return a.items.length === b.items.length ? this.unifyPairs(a.items, b.items, 0, env, k) : undefined;
    if (a.k === 'obj' && b.k === 'obj' && !this.isBound(a, env) && !this.isBound(b, env)) return this.unifyObjects(a, b, env, k);
    if (!this.isBound(a, env)) {
      if (!this.isBound(b, env) && a.k === 'var' && b.k === 'var') {
        throw new EvalError('rego_unsafe_var_error', `var ${a.name} is unsafe`);
      }
      return this.evalTerm(b, env, this.unifier(a, env, k));
    }
    return this.evalTerm(a, env, this.unifier(b, env, k));
  }

  private unifyPairs(as: T[], bs: T[], i: number, env: Slots, k: () => Stop): Stop {
    return i === as.length ? k() : this.unify(as[i], bs[i], env, () => this.unifyPairs(as, bs, i + 1, env, k));
  }

  /** A continuation unifying `t` with the value it receives. */
  private unifier(t: T, env: Slots, k: () => Stop): (v: RegoValue) => Stop {
    return (v) => this.unifyValue(t, v, env, k);
  }

  /** Object patterns on both sides: pair values by (ground) key, binding in a safe order. */
  private unifyObjects(a: Extract<T, { k: 'obj' }>, b: Extract<T, { k: 'obj' }>, env: Slots, k: () => Stop): Stop {
    if (a.items.length !== b.items.length) return undefined;
    const keysA = a.items.map(([kt]) => this.values(kt, env)[0]);
    const keysB = b.items.map(([kt]) => this.values(kt, env)[0]);
    const pairs: [T, T][] = [];
    for (let i = 0; i < keysA.length; i++) {
      const j = keysB.findIndex((kb) => kb !== undefined && keysA[i] !== undefined && equal(kb, keysA[i]!));
      if (j < 0) return undefined;
      pairs.push([a.items[i][1], b.items[j][1]]);
    }
    const pending = pairs.slice();
    const step = (): Stop => {
      if (pending.length === 0) return k();
      // pick a pair where one side can be evaluated
      let idx = pending.findIndex(([x, y]) => this.isBound(x, env) || this.isBound(y, env));
      if (idx < 0) idx = 0;
      const [x, y] = pending.splice(idx, 1)[0];
      const r = this.unify(x, y, env, step);
      pending.splice(idx, 0, [x, y]);
      return r;
    };
    return step();
  }

  /** Unifies a term with a ground value, binding the term's unbound variables. */
  unifyValue(t: T, v: RegoValue, env: Slots, k: () => Stop): Stop {
    switch (t.k) {
      case 'val':
        return equal(t.v, v) ? k() : undefined;
      case 'var': {
        const cur = env[t.slot];
        if (cur !== undefined) return equal(cur, v) ? k() : undefined;
        const m = this.mark();
        this.bind(env, t.slot, v);
        const r = k();
        this.undo(m);
        return r;
      }
      case 'arr': {
        if (!isArray(v) || v.length !== t.items.length) return undefined;
        // `[path, value]` and other arrays of variables and constants: no continuation per element.
        const flat = this.unifyFlat(t.items, v, env, k);
        return flat !== NOT_FLAT ? flat : this.unifyItems(t.items, v, 0, env, k);
      }
      case 'obj':
        if (!isObject(v) || v.size !== t.items.length) return undefined;
        return this.unifyEntries(t.items, v, 0, env, k);
      default:
        return this.evalTerm(t, env, ifEqual(v, k));
    }
  }

  private unifyItems(ts: T[], vs: readonly RegoValue[], i: number, env: Slots, k: () => Stop): Stop {
    return i === vs.length ? k() : this.unifyValue(ts[i], vs[i], env, () => this.unifyItems(ts, vs, i + 1, env, k));
  }

  private unifyEntries(items: [T, T][], v: { get(key: RegoValue): RegoValue | undefined }, i: number, env: Slots, k: () => Stop): Stop {
    if (i === items.length) return k();
    const [kt, vt] = items[i];
    return this.evalTerm(kt, env, (kv) => {
      const x = v.get(kv);
      return x === undefined ? undefined : this.unifyValue(vt, x, env, () => this.unifyEntries(items, v, i + 1, env, k));
    });
  }

  /**
   * Unifies terms that are each a variable or a constant with as many values, left to right (a
   * variable bound by an earlier term is compared, as the general path does), then runs `k`.
   * NOT_FLAT (nothing bound) when some term is neither.
   */
  unifyFlat(ts: readonly T[], vs: readonly RegoValue[], env: Slots, k: () => Stop): Stop | typeof NOT_FLAT {
    for (let i = 0; i < ts.length; i++) if (ts[i].k !== 'var' && ts[i].k !== 'val') return NOT_FLAT;
    const m = this.mark();
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t.k === 'val') {
        if (!equal(t.v, vs[i])) return this.undoWith(m, undefined);
        continue;
      }
      if (t.k !== 'var') continue;
      const cur = env[t.slot];
      if (cur === undefined) this.bind(env, t.slot, vs[i]);
      else if (!equal(cur, vs[i])) return this.undoWith(m, undefined);
    }
    return this.undoWith(m, k());
  }

  private undoWith(mark: number, r: Stop): Stop {
    this.undo(mark);
    return r;
  }

  /** All values of a term, in order (used where OPA collects, e.g. print operands, with values). */
  values(t: T, env: Slots): RegoValue[] {
    const out: RegoValue[] = [];
    this.evalTerm(t, env, (v) => void out.push(v));
    return out;
  }

  callFn(fn: FnRef, args: T[], env: Slots, k: (v: RegoValue) => Stop): Stop {
    return this.calls.evalCall(fn, args, env, k);
  }
}

/** Continues with `k` unless the value is false: an expression's truth test. */
function unlessFalse(k: () => Stop): (v: RegoValue) => Stop {
  return (v) => (v === false ? undefined : k());
}

/** Continues with `k` when the value equals `v`. */
function ifEqual(v: RegoValue, k: () => Stop): (tv: RegoValue) => Stop {
  return (tv) => (equal(tv, v) ? k() : undefined);
}
