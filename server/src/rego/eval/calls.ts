// Calls: unification operators, user functions (several definitions, pattern arguments, `else`,
// `default`, memoised per argument tuple), builtins (strict or lenient errors, relations),
// `with` mocks, `print`, and the membership operators behind `in`.
import { BuiltinError, getBuiltin, type BuiltinContext } from '../builtins';
import { CONFLICT_FUNCTION, EvalError } from './errors';
import type { RuleNode } from './compile';
import type { FnRef, T } from './ir';
import type { Evaluator } from './evaluator';
import { STOP, type Slots, type Stop } from './control';
import { equal, formatValue, isArray, isObject, isSet, keyOf, sortedMembers, type RegoValue } from './values';

const UNDEFINED = Symbol('undefined');

export class Calls {
  /** Per function node, results by argument key (swapped wholesale by `with`). */
  cache = new Map<RuleNode, Map<string, RegoValue | typeof UNDEFINED>>();
  private readonly inProgress = new Set<string>();
  /** User-function nodes by call site: the rule tree is fixed for the evaluator's life. */
  private readonly userFunctions = new Map<FnRef, RuleNode | null>();
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
    if (arity >= 0 && args.length === arity + 1) {
      const out = args[arity];
      return this.invoke(fn, args.slice(0, arity), env, (v) => this.ev.unifyValue(out, v, env, k));
    }
    return this.invoke(fn, args, env, (v) => (v === false ? undefined : k()));
  }

  /** A call in term position. */
  evalCall(fn: FnRef, args: T[], env: Slots, k: (v: RegoValue) => Stop): Stop {
    return this.invoke(fn, args, env, k);
  }

  private arityOf(fn: FnRef): number {
    const mock = this.ev.withs.mockFor(fn.name);
    if (mock?.fn) return this.arityOf(mock.fn);
    return fn.arity;
  }

  private invoke(fn: FnRef, args: T[], env: Slots, k: (v: RegoValue) => Stop): Stop {
    // common case: every argument has one value at hand
    const vals: RegoValue[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const v = this.ev.fastValue(args[i], env);
      if (v === undefined) return undefined;
      if (typeof v === 'symbol') return this.ev.evalTerms(args, env, (all) => this.apply(fn, all, k));
      vals[i] = v;
    }
    return this.apply(fn, vals, k);
  }

  apply(fn: FnRef, vals: RegoValue[], k: (v: RegoValue) => Stop, mocked = true): Stop {
    if (mocked) {
      const mock = this.ev.withs.mockFor(fn.name);
      if (mock) {
        if (mock.fn) {
          // the replacement runs with this mock lifted (it may call the original); its outputs
          // continue with the mock back in place
          const outputs: RegoValue[] = [];
          this.ev.withs.withoutMocks(() => this.apply(mock.fn!, vals, (v) => void outputs.push(v), mock.fn!.name !== fn.name));
          for (const v of outputs) if (k(v)) return STOP;
          return undefined;
        }
        return k(mock.value!);
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
    let r: RegoValue | undefined;
    try {
      r = builtin.impl(vals, this.builtinContext);
    } catch (e) {
      if (e instanceof BuiltinError) {
        if (this.builtinContext.strictBuiltinErrors) throw new EvalError(e.code, e.message);
        return undefined;
      }
      if (e instanceof EvalError) throw e;
      if (this.builtinContext.strictBuiltinErrors) throw new EvalError('eval_builtin_error', `${fn.name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    if (r === undefined) return undefined;
    if (builtin.relation && isArray(r)) {
      for (const x of r) if (k(x)) return STOP;
      return undefined;
    }
    return k(r);
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
    const { path, funcs: rules, defaultRule } = fnNode;
    // One argument needs no separator; several are escaped so ("a,b", "c") and ("a", "b,c") differ.
    const argsKey = vals.length === 1 ? memoKey(vals[0]) : JSON.stringify(vals.map(memoKey));
    let results = this.cache.get(fnNode);
    if (results === undefined) {
      results = new Map();
      this.cache.set(fnNode, results);
    }
    let cached = results.get(argsKey);
    if (cached === undefined) {
      const key = path.join('.') + '(' + argsKey + ')';
      if (this.inProgress.has(key)) throw new EvalError('rego_recursion_error', `function ${path.join('.')} is recursive`);
      this.inProgress.add(key);
      let result: RegoValue | undefined;
      try {
      for (const r of rules) {
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
      } finally {
        this.inProgress.delete(key);
      }
      cached = result === undefined ? UNDEFINED : result;
      results.set(argsKey, cached);
    }
    return cached === UNDEFINED ? undefined : k(cached);
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

const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/**
 * A function argument's part of the memo key. Objects and sets count by identity: their canonical
 * key serialises the whole value (a resource's config, say), which costs more than the call it
 * would save; equal values that are distinct objects only miss the memo, never share a wrong entry.
 */
function memoKey(v: RegoValue): string {
  if (v === null || typeof v !== 'object') return keyOf(v);
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object') ? keyOf(v) : '[' + v.map(memoKey).join(',') + ']';
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
