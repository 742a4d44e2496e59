// Calls: unification operators, user functions (several definitions, pattern arguments, `else`,
// `default`, memoised per argument tuple), builtins (strict or lenient errors, relations),
// `with` mocks, `print`, and the membership operators behind `in`.
import { BuiltinError, getBuiltin, type Builtin, type BuiltinContext } from '../builtins';
import { CONFLICT_FUNCTION, EvalError } from './errors';
import type { RuleNode } from './compile';
import type { FnRef, T } from './ir';
import type { Evaluator } from './evaluator';
import { NOT_SIMPLE, STOP, type Slots, type Stop } from './control';
import type { Reads } from './reads';
import { allDirect } from './direct';
import { sameConstant } from './documents';
import { equal, formatValue, hasUncachedViews, isArray, isObject, isSet, keyOf, reportViewReads, sortedMembers, type RegoValue } from './values';

const UNDEFINED = Symbol('undefined');
/** Marks a call being evaluated: meeting it again is recursion. */
const IN_PROGRESS = Symbol('in-progress');
const NO_ARGS = Symbol('no-args');

/** Memoised results of one function: a map level per argument, the result at the last. */
type FunctionMemo = Map<unknown, unknown>;

export class Calls {
  /** Per function node, results by argument (swapped wholesale by `with`). */
  cache = new Map<RuleNode, FunctionMemo>();
  /** Outputs of relation builtins by their (only) composite argument; values are immutable. */
  private readonly relations = new WeakMap<object, readonly RegoValue[]>();
  /** User-function nodes by call site: the rule tree is fixed for the evaluator's life. */
  private readonly userFunctions = new Map<FnRef, RuleNode | null>();
  /** Reads made while computing each memoised result, by memo level and last argument; only while reads are logged. */
  private readonly resultReads = new WeakMap<FunctionMemo, Map<unknown, Reads>>();
  readonly builtinContext: BuiltinContext;

  constructor(private readonly ev: Evaluator) {
    const o = ev.options;
    this.builtinContext = {
      nowNs: o.nowNs ?? BigInt(Date.now()) * 1_000_000n,
      strictBuiltinErrors: o.strictBuiltinErrors ?? false,
      print: (msg) => o.print?.(msg),
      cache: new Map(),
      runtime: o.runtime,
    };
  }

  /** A call in expression position: with one extra argument, the result unifies with it. */
  evalCallExpr(fn: FnRef, args: T[], env: Slots, k: () => Stop): Stop {
    switch (fn.name) {
      case 'eq':
      case 'assign':
        return this.ev.unify(args[0], args[1], env, k);
      case 'print':
        return this.print(args, env, k);
    }
    const arity = this.arityOf(fn);
    if (arity < 0 && !fn.path && fn.name !== 'internal.member_2' && fn.name !== 'internal.member_3') {
      throw new EvalError('rego_type_error', `undefined function ${fn.name}`);
    }
    if (arity >= 0 && args.length === arity + 1) return this.invoke(fn, args, arity, env, this.outputTo(args[arity], env, k));
    return this.invoke(fn, args, args.length, env, this.unlessFalse(k));
  }

  // Closures are made in these helpers, not in the hot functions: a function that creates one
  // allocates a context on every call, whichever branch it takes.
  private outputTo(out: T, env: Slots, k: () => Stop): (v: RegoValue) => Stop {
    return (v) => this.ev.unifyValue(out, v, env, k);
  }

  private unlessFalse(k: () => Stop): (v: RegoValue) => Stop {
    return (v) => (v === false ? undefined : k());
  }

  private applyTo(fn: FnRef, k: (v: RegoValue) => Stop): (vals: RegoValue[]) => Stop {
    return (all) => this.apply(fn, all, k);
  }

  /** A call in term position. */
  evalCall(fn: FnRef, args: T[], env: Slots, k: (v: RegoValue) => Stop): Stop {
    return this.invoke(fn, args, args.length, env, k);
  }

  private arityOf(fn: FnRef): number {
    const mock = this.ev.withs.mockFor(fn.name);
    if (mock?.fn) return this.arityOf(mock.fn);
    return fn.arity;
  }

  /** Calls `fn` with the values of the first `count` of `args` (a call expression's last argument may be its output). */
  private invoke(fn: FnRef, args: T[], count: number, env: Slots, k: (v: RegoValue) => Stop): Stop {
    // common case: every argument has one value at hand
    if (!allDirect(args, env, count)) return this.ev.evalTerms(count === args.length ? args : args.slice(0, count), env, this.applyTo(fn, k));
    const vals: RegoValue[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const v = this.ev.directValue(args[i], env);
      if (v === undefined) return undefined;
      if (v === NOT_SIMPLE) return this.ev.evalTerms(count === args.length ? args : args.slice(0, count), env, this.applyTo(fn, k));
      vals[i] = v;
    }
    return this.apply(fn, vals, k);
  }

  apply(fn: FnRef, vals: RegoValue[], k: (v: RegoValue) => Stop, mocked = true): Stop {
    if (mocked) {
      const mock = this.ev.withs.mockFor(fn.name);
      if (mock) {
        return mock.fn ? this.applyMock(fn, mock.fn, vals, k) : k(mock.value!);
      }
    }
    if (fn.path) {
      const node = this.userFunction(fn, fn.path);
      if (node) return this.callUser(node, vals, k);
      throw new EvalError('rego_type_error', `undefined function ${fn.name}`);
    }
    switch (fn.name) {
      case 'internal.member_2':
        return member(vals[0], vals[1]) ? k(true) : k(false);
      case 'internal.member_3':
        return memberKV(vals[0], vals[1], vals[2]) ? k(true) : k(false);
    }
    const builtin = getBuiltin(fn.name);
    if (!builtin) throw new EvalError('rego_type_error', `undefined function ${fn.name}`);
    // A relation over one composite value (`walk(r.config, …)`) is the same for the same object:
    // rules that walk every resource once per candidate (a group, a bucket) pay for one walk.
    // A tracked input object reports each reuse as a read of all of it, as the walk did.
    const relationArg = builtin.relation && vals.length === 1 && typeof vals[0] === 'object' && vals[0] !== null ? (vals[0] as object) : undefined;
    const memo = relationArg ? this.relations.get(relationArg) : undefined;
    if (memo) {
      if (hasUncachedViews(relationArg!)) reportViewReads(relationArg!, true);
      for (const x of memo) if (k(x)) return STOP;
      return undefined;
    }
    const r = this.builtinValue(fn, builtin, vals);
    if (r === undefined) return undefined;
    if (builtin.relation && isArray(r)) {
      if (relationArg) this.relations.set(relationArg, r);
      for (const x of r) if (k(x)) return STOP;
      return undefined;
    }
    return k(r);
  }

  /** Calls a function's replacement with the mock lifted (it may call the original); its outputs continue with the mock back in place. */
  private applyMock(fn: FnRef, replacement: FnRef, vals: RegoValue[], k: (v: RegoValue) => Stop): Stop {
    const outputs: RegoValue[] = [];
    this.ev.withs.withoutMocks(() => this.apply(replacement, vals, (v) => void outputs.push(v), replacement.name !== fn.name));
    for (const v of outputs) if (k(v)) return STOP;
    return undefined;
  }

  /** A builtin's result; undefined when it has none or fails leniently (strict errors throw). */
  private builtinValue(fn: FnRef, builtin: Builtin, vals: RegoValue[]): RegoValue | undefined {
    try {
      return builtin.impl(vals, this.builtinContext);
    } catch (e) {
      if (e instanceof BuiltinError) {
        if (this.builtinContext.strictBuiltinErrors) throw new EvalError(e.code, e.message);
        return undefined;
      }
      if (e instanceof EvalError) throw e;
      if (this.builtinContext.strictBuiltinErrors) throw new EvalError('eval_builtin_error', `${fn.name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /**
   * The value of a call with its first `count` arguments, computed without continuations when it
   * has at most one (a user function's memoised result, a builtin that is not a relation) and
   * every argument is at hand (see Evaluator.directValue); undefined when the call has no value,
   * NOT_SIMPLE where the general path must run (a `with` mock, a relation, an argument to
   * enumerate, an unknown function, which that path reports). Same order of work as `invoke`.
   */
  directValue(fn: FnRef, args: readonly T[], count: number, env: Slots): RegoValue | undefined | typeof NOT_SIMPLE {
    if (this.ev.withs.mockFor(fn.name)) return NOT_SIMPLE;
    let node: RuleNode | undefined;
    let builtin: Builtin | undefined;
    if (fn.path) {
      node = this.userFunction(fn, fn.path);
      if (!node) return NOT_SIMPLE;
    } else if (fn.name !== 'internal.member_2' && fn.name !== 'internal.member_3') {
      builtin = getBuiltin(fn.name);
      if (!builtin || builtin.relation) return NOT_SIMPLE;
    }
    if (!allDirect(args, env, count)) return NOT_SIMPLE;
    const vals: RegoValue[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const v = this.ev.directValue(args[i], env);
      if (v === undefined) return undefined;
      if (v === NOT_SIMPLE) return NOT_SIMPLE;
      vals[i] = v;
    }
    if (node) return this.userValue(node, vals);
    if (builtin) return this.builtinValue(fn, builtin, vals);
    return fn.name === 'internal.member_2' ? member(vals[0], vals[1]) : memberKV(vals[0], vals[1], vals[2]);
  }

  private userFunction(fn: FnRef, path: string[]): RuleNode | undefined {
    let node = this.userFunctions.get(fn);
    if (node === undefined) {
      const found = this.ev.root.find(path);
      node = found && (found.funcs.length > 0 || found.defaultRule?.args) ? found : null;
      this.userFunctions.set(fn, node);
    }
    return node ?? undefined;
  }

  private callUser(fnNode: RuleNode, vals: RegoValue[], k: (v: RegoValue) => Stop): Stop {
    const v = this.userValue(fnNode, vals);
    return v === undefined ? undefined : k(v);
  }

  /** A user function's (memoised) result for these arguments; undefined when it has none. */
  private userValue(fnNode: RuleNode, vals: RegoValue[]): RegoValue | undefined {
    const { path, funcs: rules, defaultRule } = fnNode;
    const shared = this.ev.shared && this.ev.docs.sharedFor(fnNode) && allScalar(vals) ? this.ev.shared : undefined;
    let level: FunctionMemo | undefined = shared ? shared.functionMemo(fnNode) : this.cache.get(fnNode);
    if (level === undefined) {
      level = new Map();
      this.cache.set(fnNode, level);
    }
    // One map level per argument, keyed by the argument itself where that is exact (see argKey).
    const last = vals.length - 1;
    for (let i = 0; i < last; i++) {
      const key = argKey(vals[i]);
      let next = level.get(key) as FunctionMemo | undefined;
      if (next === undefined) level.set(key, (next = new Map()));
      level = next;
    }
    const leafKey = last >= 0 ? argKey(vals[last]) : NO_ARGS;
    let cached = level.get(leafKey) as RegoValue | typeof UNDEFINED | typeof IN_PROGRESS | undefined;
    if (cached === IN_PROGRESS) throw new EvalError('rego_recursion_error', `function ${path.join('.')} is recursive`);
    const log = this.ev.options.reads;
    if (cached !== undefined) {
      if (log?.active) log.replay(this.resultReads.get(level)?.get(leafKey));
    } else {
      level.set(leafKey, IN_PROGRESS);
      let result: RegoValue | undefined;
      const frame = log ? log.begin() : -1;
      try {
        result = this.computeUserValue(rules, defaultRule, vals);
      } catch (err) {
        level.delete(leafKey);
        throw err;
      } finally {
        const reads = frame >= 0 ? log!.end(frame) : undefined;
        if (reads && !reads.isEmpty) {
          let byArg = this.resultReads.get(level);
          if (!byArg) this.resultReads.set(level, (byArg = new Map()));
          byArg.set(leafKey, reads);
        }
      }
      cached = result === undefined ? UNDEFINED : result;
      level.set(leafKey, cached);
      shared?.noteResult();
    }
    return cached === UNDEFINED ? undefined : (cached as RegoValue);
  }

  /** The value of a function's definitions (else its default) for these arguments; apart from userValue, whose memo hits need no closure context. */
  private computeUserValue(rules: RuleNode['funcs'], defaultRule: RuleNode['defaultRule'], vals: RegoValue[]): RegoValue | undefined {
    let result: RegoValue | undefined;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (result !== undefined && sameConstant(r, result)) continue;
      this.ev.docs.ruleValues(
        r,
        (v) => {
          if (result === undefined) result = v;
          else if (!equal(result, v)) throw new EvalError('eval_conflict_error', CONFLICT_FUNCTION, r.loc, r.file);
        },
        vals,
      );
    }
    if (result === undefined && defaultRule) this.ev.docs.ruleValues(defaultRule, (v) => void (result ??= v), vals);
    return result;
  }

  /** OPA's print: each operand's values (none → `<undefined>`), one line per combination. */
  private print(args: T[], env: Slots, k: () => Stop): Stop {
    const operands = args.map((a) => {
      const vals: RegoValue[] = [];
      try {
        this.ev.evalTerm(a, env, (v) => void vals.push(v));
      } catch (e) {
        if (!(e instanceof EvalError) || e.code === 'eval_cancel_error') throw e;
      }
      const unique = new Map(vals.map((v) => [keyOf(v), v]));
      return sortedMembers({ kind: 'set', size: unique.size, has: () => false, values: () => unique.values() });
    });
    const line: string[] = new Array(operands.length);
    const emit = (i: number): void => {
      if (i === operands.length) {
        this.builtinContext.print(line.join(' '));
        return;
      }
      if (operands[i].length === 0) {
        line[i] = '<undefined>';
        emit(i + 1);
        return;
      }
      for (const v of operands[i]) {
        line[i] = typeof v === 'string' ? v : formatValue(v);
        emit(i + 1);
      }
    };
    emit(0);
    return k();
  }
}

/** Strings, numbers, booleans and null: arguments a shared memo can key exactly (see shared-values.ts). */
function allScalar(vals: readonly RegoValue[]): boolean {
  // Indexed loop: this runs on every user-function call (a for…of allocates per step in baseline code).
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v !== null && typeof v === 'object' && (Array.isArray(v) || (v as { kind: string }).kind !== 'number')) return false;
  }
  return true;
}

const identities = new WeakMap<object, number>();
/** memoKey of arrays (values are immutable once shared, and a memo key names objects by identity). */
const arrayKeys = new WeakMap<readonly RegoValue[], string>();
let lastIdentity = 0;

/**
 * A function argument's memo key. Strings, booleans and null are their own keys (a JS string
 * keeps its hash, so a long string costs nothing per call). Objects and sets count by identity:
 * their canonical key serialises the whole value (a resource's config, say), which costs more than
 * the call it would save; equal values that are distinct objects only miss the memo, never share
 * a wrong entry. Numbers and arrays use a canonical key in a namespace strings cannot reach.
 */
function argKey(v: RegoValue): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'string' && v.charCodeAt(0) === 0 ? '\u0000' + v : v;
  if (!Array.isArray(v) && (v as { kind: string }).kind !== 'number') return v;
  return '\u0000' + memoKey(v);
}

/** Canonical part of a memo key (never starts with U+0000). */
function memoKey(v: RegoValue): string {
  if (v === null || typeof v !== 'object') return keyOf(v);
  // Scalars inside a mixed array are quoted, so ["a,sb", o] and ["a", "b", o] differ.
  if (Array.isArray(v)) {
    // An array passed again (a constant, a value held in a variable) is not serialised again.
    let key = arrayKeys.get(v);
    if (key === undefined) {
      key = v.every((x) => x === null || typeof x !== 'object') ? keyOf(v) : '[' + v.map((x) => (x !== null && typeof x === 'object' ? memoKey(x) : JSON.stringify(keyOf(x)))).join(',') + ']';
      arrayKeys.set(v, key);
    }
    return key;
  }
  const c = v as Exclude<RegoValue, null | boolean | string | readonly RegoValue[]>;
  if (c.kind === 'number') return keyOf(c);
  let id = identities.get(c);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(c, id);
  }
  return '@' + id;
}

function member(x: RegoValue, coll: RegoValue): boolean {
  if (isArray(coll)) return coll.some((e) => equal(e, x));
  if (isSet(coll)) return coll.has(x);
  if (isObject(coll)) {
    for (const v of coll.entries()) if (equal(v[1], x)) return true;
  }
  return false;
}

function memberKV(key: RegoValue, value: RegoValue, coll: RegoValue): boolean {
  if (isArray(coll) || isObject(coll)) {
    const v = isArray(coll) ? (typeof key === 'object' && key !== null && 'int' in key ? coll[Number((key as { int?: bigint }).int)] : undefined) : coll.get(key);
    return v !== undefined && equal(v, value);
  }
  if (isSet(coll)) return equal(key, value) && coll.has(value);
  return false;
}
