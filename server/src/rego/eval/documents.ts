// Virtual documents: the value of a rule-tree node (complete rules with `else` and `default`,
// partial sets, object-valued rules with ref heads), merged with base documents under `data`.
// Node values are cached per evaluation (and per `with` context), which is OPA's memoisation of
// complete rules within a query.
import type { RuleNode } from './compile';
import { CONFLICT_COMPLETE, CONFLICT_OBJECT_KEYS, EvalError } from './errors';
import type { CRule, T } from './ir';
import type { Evaluator } from './evaluator';
import { NOT_FLAT, STOP, type Slots, type Stop } from './control';
import type { Reads } from './reads';
import { dependsOnInput } from './input-independence';
import type { SharedValues } from './shared-values';
import { equal, isNumber, isObject, isSet, keyOf, lookup, ObjectValue, SetValue, type RegoValue } from './values';

const UNDEFINED = Symbol('undefined');

export class Documents {
  cache = new Map<string, RegoValue | typeof UNDEFINED>();
  private readonly inProgress = new Set<string>();
  /** Reads made while computing each cached value, per cache (`with` swaps caches); only while reads are logged. */
  private readonly cachedReads = new WeakMap<Map<string, unknown>, Map<string, Reads>>();

  /** The cache outside any `with` (which swaps in fresh ones). */
  private readonly baseCache = this.cache;

  constructor(private readonly ev: Evaluator) {}

  /**
   * The values shared with other evaluations of this rule tree, for a node (a function) whose
   * value does not depend on input; undefined under `with`, which may replace what it reads.
   */
  sharedFor(node: RuleNode): SharedValues | undefined {
    const shared = this.ev.shared;
    return shared && this.cache === this.baseCache && !dependsOnInput(this.ev.root, node) ? shared : undefined;
  }

  /** Evaluates `data[path…]`, descending the rule tree while the path is static. */
  evalDataRef(path: T[], env: Slots, k: (v: RegoValue) => Stop): Stop {
    return this.step(this.ev.root, path, 0, env, k);
  }

  private step(node: RuleNode, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop): Stop {
    if (i < path.length && this.iteratesRuleByRule(node) && !this.ev.isBound(path[i], env)) return this.eachRuleOrder(node, path, i, env, k);
    if (node.hasOwnRules || this.ev.withs.isMasked(node.path) || i === path.length) {
      const v = this.nodeValue(node);
      return v === undefined ? undefined : this.ev.walk(v, path, i, env, k);
    }
    const p = path[i];
    if (p.k === 'val' && typeof p.v === 'string') return this.descend(node, p.v, path, i, env, k);
    if (this.ev.isBound(p, env)) return this.ev.evalTerm(p, env, this.descender(node, path, i, env, k));
    const v = this.nodeValue(node);
    return v === undefined ? undefined : this.ev.walk(v, path, i, env, k);
  }

  /** Made here, not in `step`: a function that creates a closure allocates a context on every call. */
  private descender(node: RuleNode, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop): (key: RegoValue) => Stop {
    return (key) => this.descend(node, key, path, i, env, k);
  }

  private descend(node: RuleNode, key: RegoValue, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop): Stop {
    const child = typeof key === 'string' ? node.children.get(key) : undefined;
    if (child) return this.step(child, path, i + 1, env, k);
    const base = this.baseAt(node.path);
    let v = base === undefined ? undefined : lookup(base, key);
    if (v === undefined && isNumber(key) && isObject(base)) v = base.get(key.text);
    return v === undefined ? undefined : this.ev.walk(v, path, i + 1, env, k, true);
  }

  /** Object-valued rules alone at a node: OPA enumerates their keys rule by rule, in solution order. */
  private iteratesRuleByRule(node: RuleNode): boolean {
    return (
      node.objects.length > 0 &&
      node.complete.length + node.sets.length + node.funcs.length === 0 &&
      !node.defaultRule &&
      node.children.size === 0 &&
      !this.ev.withs.isMasked(node.path) &&
      this.baseAt(node.path) === undefined
    );
  }

  /**
   * Iterates `node[path[i]]…` in the order OPA produces: keys in the order the rules' solutions
   * produce them (the value itself comes from the node's full, conflict-checked value).
   */
  private eachRuleOrder(node: RuleNode, path: T[], i: number, env: Slots, k: (v: RegoValue) => Stop): Stop {
    const whole = this.nodeValue(node);
    if (whole === undefined) return undefined;
    const prefixes = this.keyOrder(node, path.length - i);
    for (const prefix of prefixes) {
      let child: RegoValue | undefined = whole;
      for (const key of prefix) child = child === undefined ? undefined : lookup(child, key);
      if (child === undefined) continue;
      const target = child;
      const unifyFrom = (j: number): Stop =>
        j === prefix.length ? this.ev.walk(target, path, i + prefix.length, env, k) : this.ev.unifyValue(path[i + j], prefix[j], env, () => unifyFrom(j + 1));
      if (unifyFrom(0)) return true;
    }
    return undefined;
  }

  /** Distinct key prefixes (up to `depth` keys) in rule-solution order, memoised like node values. */
  private keyOrder(node: RuleNode, depth: number): RegoValue[][] {
    const cacheKey = `\u0001order\u0001${depth}\u0001${node.pathKey}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined && cached !== UNDEFINED) {
      this.replayReads(cacheKey);
      return cached as RegoValue[][];
    }
    const seen = new Set<string>();
    const prefixes: RegoValue[][] = [];
    const log = this.ev.options.reads;
    const frame = log ? log.begin() : -1;
    try {
      this.collectKeyOrder(node, depth, seen, prefixes);
    } finally {
      if (frame >= 0) this.keepReads(cacheKey, log!.end(frame));
    }
    this.cache.set(cacheKey, prefixes);
    return prefixes;
  }

  private collectKeyOrder(node: RuleNode, depth: number, seen: Set<string>, prefixes: RegoValue[][]): void {
    for (const r of node.objects) {
      this.forEachSolution(r, (renv) =>
        this.ev.evalTerms(r.dyn, renv, (keys) => {
          const prefix = keys.slice(0, depth);
          const id = keyOf(prefix);
          if (!seen.has(id)) {
            seen.add(id);
            prefixes.push(prefix);
          }
          return undefined;
        }),
      );
    }
  }

  private replayReads(cacheKey: string): void {
    const log = this.ev.options.reads;
    if (log?.active) log.replay(this.cachedReads.get(this.cache)?.get(cacheKey));
  }

  private keepReads(cacheKey: string, reads: Reads): void {
    if (reads.isEmpty) return;
    let byKey = this.cachedReads.get(this.cache);
    if (!byKey) this.cachedReads.set(this.cache, (byKey = new Map()));
    byKey.set(cacheKey, reads);
  }

  baseAt(path: readonly string[]): RegoValue | undefined {
    let v: RegoValue | undefined = this.ev.data;
    for (const p of path) {
      if (!isObject(v)) return undefined;
      v = v.get(p);
    }
    return v;
  }

  /** The whole value of a node: its rules' value, or an object of its children over base data. */
  nodeValue(node: RuleNode): RegoValue | undefined {
    const key = node.pathKey;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.replayReads(key);
      return cached === UNDEFINED ? undefined : cached;
    }
    const shared = this.sharedFor(node);
    const known = shared?.nodes.get(key) as RegoValue | typeof UNDEFINED | undefined;
    if (known !== undefined) {
      this.cache.set(key, known);
      return known === UNDEFINED ? undefined : known;
    }
    // OPA rejects recursion at compile time; here a rule that needs its own value stops cleanly
    if (this.inProgress.has(key)) throw new EvalError('rego_recursion_error', `rule data.${node.path.join('.')} is recursive`);
    this.inProgress.add(key);
    let v: RegoValue | undefined;
    const log = this.ev.options.reads;
    const frame = log ? log.begin() : -1;
    try {
      v = this.computeNodeValue(node);
    } finally {
      this.inProgress.delete(key);
      if (frame >= 0) this.keepReads(key, log!.end(frame));
    }
    if (v !== undefined) v = this.ev.withs.applyOverridesBelow(node.path, v);
    this.cache.set(key, v === undefined ? UNDEFINED : v);
    // Asked again: computing the value compiled what it reached, which may decide the question.
    // (Input-independent: it read nothing of a tracked input, so no reads travel with it.)
    (shared ?? this.sharedFor(node))?.nodes.set(key, v === undefined ? UNDEFINED : v);
    return v;
  }

  private computeNodeValue(node: RuleNode): RegoValue | undefined {
    if (this.ev.withs.isMasked(node.path)) return this.baseAt(node.path);
    if (node.funcs.length > 0 || node.defaultRule?.args) return undefined;
    if (node.complete.length > 0 || node.defaultRule) return this.completeValue(node);
    if (node.sets.length > 0 && node.objects.length === 0 && node.children.size === 0) return this.setValue(node.sets);
    const builder = new ObjectBuilder();
    const base = this.baseAt(node.path);
    if (isObject(base)) for (const [k, v] of base.entries()) builder.seed(k, v, 'base');
    for (const [name, child] of node.children) {
      const cv = this.nodeValue(child);
      if (cv !== undefined) builder.seed(name, cv, 'child');
    }
    for (const r of node.sets) {
      this.forEachSolution(r, (env) => this.ev.evalTerm(r.key!, env, (e) => builder.insertSetMember([], e)));
    }
    for (const r of node.objects) {
      this.forEachSolution(r, (env) =>
        this.ev.evalTerms(r.dyn, env, (keys) =>
          r.kind === 'set' ? this.ev.evalTerm(r.key!, env, (e) => builder.insertSetMember(keys, e)) : this.ev.evalTerm(r.value!, env, (v) => builder.insert(keys, v)),
        ),
      );
    }
    if (node.objects.length === 0 && node.sets.length > 0 && builder.isEmpty()) return new SetValue();
    return builder.build();
  }

  private forEachSolution(r: CRule, k: (env: Slots) => Stop): void {
    const env: Slots = new Array(r.slots);
    this.ev.evalBody(r.body, 0, env, () => k(env));
  }

  private completeValue(node: RuleNode): RegoValue | undefined {
    let result: RegoValue | undefined;
    for (const r of node.complete) {
      if (result !== undefined && sameConstant(r, result)) continue;
      this.ruleValues(r, (v) => {
        if (result === undefined) result = v;
        else if (!equal(result, v)) throw new EvalError('eval_conflict_error', CONFLICT_COMPLETE, r.loc, r.file);
      });
    }
    if (result === undefined && node.defaultRule) this.ruleValues(node.defaultRule, (v) => void (result ??= v));
    return result;
  }

  private setValue(rules: CRule[]): RegoValue {
    const out = new SetValue();
    for (const r of rules) this.forEachSolution(r, (env) => this.ev.evalTerm(r.key!, env, (e) => void out.add(e)));
    return out;
  }

  /**
   * Values a rule (and, when its body has no solution, its `else` chain) produces. With `args`,
   * the rule is a function: the argument patterns are unified first, and a mismatch skips the chain.
   */
  ruleValues(rule: CRule, onValue: (v: RegoValue) => void, args?: RegoValue[]): void {
    const env: Slots = new Array(rule.slots);
    let solved = false;
    let matched = false;
    // Every solution of a rule whose value is a constant (`allow if …`, `f(x) if …`) gives that
    // value, so the first one decides it; the rest of the search would only repeat it (OPA's early exit).
    const constant = rule.value?.k === 'val';
    const run = (): Stop => {
      matched = true;
      return this.ev.evalBody(rule.body, 0, env, () => {
        solved = true;
        const stop = this.ev.evalTerm(rule.value!, env, (v) => void onValue(v));
        return constant ? STOP : stop;
      });
    };
    if (args && rule.args) this.unifyArgs(rule.args, args, 0, env, run);
    else run();
    if (!solved && matched && rule.else) this.ruleValues(rule.else, onValue, args);
  }

  private unifyArgs(patterns: T[], args: RegoValue[], i: number, env: Slots, k: () => Stop): Stop {
    if (patterns.length !== args.length) return undefined;
    if (i === 0) {
      // Plain variable and constant parameters (most functions) bind without continuations.
      const done = this.ev.unifyFlat(patterns, args, env, k);
      if (done !== NOT_FLAT) return done;
    }
    if (i === patterns.length) return k();
    return this.ev.unifyValue(patterns[i], args[i], env, () => this.unifyArgs(patterns, args, i + 1, env, k));
  }
}

type Origin = 'base' | 'child' | 'rule';
interface Entry {
  key: RegoValue;
  origin: Origin;
  leaf?: RegoValue;
  sub?: ObjectBuilder;
  set?: SetValue;
}

/**
 * Builds an object-valued virtual document. Base data may be overridden; values of child nodes
 * are merged into; rule outputs must agree with whatever is already there (else a conflict).
 */
class ObjectBuilder {
  private readonly entries = new Map<string, Entry>();

  isEmpty(): boolean {
    return this.entries.size === 0;
  }

  seed(key: RegoValue, value: RegoValue, origin: Origin): void {
    const k = keyOf(key);
    const e = this.entries.get(k);
    if (e && e.origin === 'base' && origin === 'child' && isObject(value) && isObject(e.leaf)) {
      const sub = ObjectBuilder.from(e.leaf, 'base');
      for (const [ck, cv] of value.entries()) sub.seed(ck, cv, 'child');
      this.entries.set(k, { key, origin, sub });
      return;
    }
    // where base data and a virtual document disagree, OPA keeps the base value
    if (e && e.origin === 'base' && origin === 'child') return;
    this.entries.set(k, { key, origin, leaf: value });
  }

  private static from(o: RegoValue, origin: Origin): ObjectBuilder {
    const b = new ObjectBuilder();
    if (isObject(o)) for (const [k, v] of o.entries()) b.entries.set(keyOf(k), { key: k, origin, leaf: v });
    return b;
  }

  /** The entry at `keys[i]` as a nested builder, converting a mergeable leaf object. */
  private subAt(keys: RegoValue[]): ObjectBuilder {
    let b: ObjectBuilder = this;
    for (const key of keys) {
      const k = keyOf(key);
      let e = b.entries.get(k);
      if (!e || (e.origin === 'base' && !isObject(e.leaf))) {
        e = { key, origin: 'rule', sub: new ObjectBuilder() };
        b.entries.set(k, e);
      } else if (!e.sub) {
        if (e.leaf !== undefined && isObject(e.leaf) && e.origin !== 'rule') e.sub = ObjectBuilder.from(e.leaf, e.origin);
        else throw conflict();
        e.leaf = undefined;
      }
      b = e.sub!;
    }
    return b;
  }

  insert(keys: RegoValue[], value: RegoValue): Stop {
    const parent = this.subAt(keys.slice(0, -1));
    const last = keys[keys.length - 1];
    const k = keyOf(last);
    const e = parent.entries.get(k);
    if (!e || e.origin === 'base') parent.entries.set(k, { key: last, origin: 'rule', leaf: value });
    else if (e.leaf !== undefined && equal(e.leaf, value)) return undefined;
    else if (e.sub && isObject(value) && e.origin === 'child' && subsumes(value, e.sub.build())) return undefined;
    else throw conflict();
    return undefined;
  }

  insertSetMember(keys: RegoValue[], member: RegoValue): Stop {
    if (keys.length === 0) {
      throw conflict();
    }
    const parent = this.subAt(keys.slice(0, -1));
    const last = keys[keys.length - 1];
    const k = keyOf(last);
    let e = parent.entries.get(k);
    if (!e || e.origin === 'base') {
      e = { key: last, origin: 'rule', set: new SetValue() };
      parent.entries.set(k, e);
    } else if (!e.set) {
      if (e.origin === 'child' && isSet(e.leaf)) {
        e.set = new SetValue(e.leaf.values());
        e.leaf = undefined;
      } else throw conflict();
    }
    e.set!.add(member);
    return undefined;
  }

  build(): ObjectValue {
    const out = new ObjectValue();
    for (const e of this.entries.values()) out.set(e.key, e.sub ? e.sub.build() : e.set ?? e.leaf!);
    return out;
  }
}

function subsumes(a: RegoValue, b: RegoValue): boolean {
  return equal(a, b);
}

function conflict(): EvalError {
  return new EvalError('eval_conflict_error', CONFLICT_OBJECT_KEYS);
}

/**
 * True when a definition can only produce `value`: its value is that constant and it has no `else`.
 * Once another definition has produced `value`, such a definition cannot change the result or conflict with it.
 */
export function sameConstant(rule: CRule, value: RegoValue): boolean {
  return rule.value?.k === 'val' && !rule.else && equal(rule.value.v, value);
}
