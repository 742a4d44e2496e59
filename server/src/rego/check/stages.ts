// The compile stages in OPA's order, run over the modules of one check. As in OPA, the first stage
// that reports errors stops the later ones. With a `CheckCache`, resolution and the stages whose
// errors come from one rule at a time are answered per rule from the memo (cache.ts says what each
// reads); without one, every stage runs in full. Both paths run the same stage code in the same order.
import type { Import, RegoError, Term } from '../syntax/ast';
import { captureErrors, type CheckCache, emitErrors, type MemoSlot, moduleDigest, newMemo, ruleSpan, treePart } from './cache';
import { checkRuleConflicts } from './conflicts';
import { undefinedFunctionsOfRule, withTargetsOfRule } from './functions';
import { checkArgShadowing, checkDuplicateImports, checkUnusedImports, keywordRuleNames, keywordVarsOfRule } from './imports';
import { LocalsChecker, localVarsOfRule } from './locals';
import { type CheckedModule, clauses, type ErrorSink, isV1Compatible, StageErrors } from './model';
import { checkRecursion, dataRefs, recursionErrors, recursionPart } from './recursion';
import { moduleGlobals, packageRuleNames, type Resolved, resolveModule, type ResolvedModule, resolveRule, rulePath } from './resolve';
import { arityOf, headSafetyOfRule, safetyOfRule } from './safety';
import { buildRuleTree, type RuleNode } from './tree';
import { deprecatedBuiltinsOfRule, ruleTypes, typesOfRule } from './types';

/** One check's modules, resolved, with the memo slot of each rule (none without a cache). */
class Run {
  readonly modules: ResolvedModule[];
  readonly slots = new Map<Resolved, MemoSlot>();
  private treeRoot?: RuleNode;
  private treeKey?: string;

  constructor(
    checked: CheckedModule[],
    readonly strict: boolean,
    readonly cache?: CheckCache,
  ) {
    const samePackage = packageRuleNames(checked);
    this.modules = cache ? checked.map((m) => this.resolveWithMemo(m, samePackage, cache)) : checked.map((m) => resolveModule(m, samePackage));
  }

  get tree(): RuleNode {
    return (this.treeRoot ??= buildRuleTree(this.modules));
  }

  /** Digest of the rule tree (every rule's `treePart`, in order), computed only when a cached stage needs it. */
  treeDigest(): string {
    if (this.treeKey !== undefined) return this.treeKey;
    const parts: string[] = [];
    for (const rm of this.modules) {
      for (const r of rm.rules) {
        const slot = this.slots.get(r);
        parts.push(slot ? (slot.memo.treePart ??= treePart(r)) : treePart(r));
      }
    }
    return (this.treeKey = parts.join('\u0003'));
  }

  private resolveWithMemo(m: CheckedModule, samePackage: Map<string, Set<string>>, cache: CheckCache): ResolvedModule {
    const globals = moduleGlobals(m, samePackage);
    const digest = cache.digestId(moduleDigest(m, globals));
    const usedImports = new Set<Import>();
    const rules = m.module.rules.map((source): Resolved => {
      const span = ruleSpan(source);
      const text = m.text.slice(span.start, span.end);
      const found = cache.claim(digest, text);
      if (found && found !== 'taken') {
        found.usedImports.forEach((i) => usedImports.add(m.module.imports[i]));
        const r: Resolved = { m, rule: found.resolved, path: found.path, source };
        this.slots.set(r, { memo: found, ...span });
        return r;
      }
      const used = new Set<Import>();
      const r: Resolved = { m, rule: resolveRule(globals, source, used), path: rulePath(m, source), source };
      used.forEach((i) => usedImports.add(i));
      // A second rule with the same text in this run keeps its own copy (stages key clauses by object).
      if (found === 'taken') return r;
      const memo = newMemo(r, span, used, m.module.imports);
      cache.store(digest, text, memo);
      this.slots.set(r, { memo, ...span });
      return r;
    });
    return { m, rules, usedImports };
  }

  /**
   * A per-rule stage: each rule's errors in module and rule order, from the memo when it holds
   * them for the same `env` (the digest of what the stage reads besides the rule).
   */
  perRule(errs: StageErrors, id: string, env: () => string, check: (r: Resolved, sink: ErrorSink) => void, include: (rm: ResolvedModule) => boolean = () => true, readsSource = false): void {
    const envKey = this.cache ? env() : '';
    for (const rm of this.modules) {
      if (!include(rm)) continue;
      for (const r of rm.rules) {
        const slot = this.slots.get(r);
        if (!slot) {
          check(r, errs);
          continue;
        }
        let stored = slot.memo.stages.get(id);
        if (!stored || stored.env !== envKey) {
          stored = { env: envKey, errors: captureErrors(readsSource ? slot : slot.memo, (sink) => check(r, sink)) };
          slot.memo.stages.set(id, stored);
        }
        emitErrors(stored.errors, slot, r, errs);
      }
    }
  }

  /** RewriteLocalVars: per rule, but its generated-name counter runs on across rules. */
  localVars(errs: StageErrors): void {
    const checker = new LocalsChecker(this.strict);
    const id = String(this.strict);
    for (const rm of this.modules) {
      for (const r of rm.rules) {
        const slot = this.slots.get(r);
        if (!slot) {
          localVarsOfRule(checker, r, errs);
          continue;
        }
        const stored = slot.memo.locals.get(id);
        if (stored && (!stored.orderUsedGen || stored.startGen === checker.gen)) {
          checker.gen += stored.genUsed;
          emitErrors(stored.errors, slot, r, errs);
          continue;
        }
        const startGen = checker.gen;
        checker.orderUsedGen = false;
        const errors = captureErrors(slot.memo, (sink) => localVarsOfRule(checker, r, sink));
        const result = { env: '', errors, orderUsedGen: checker.orderUsedGen, startGen, genUsed: checker.gen - startGen };
        slot.memo.locals.set(id, result);
        emitErrors(errors, slot, r, errs);
      }
    }
  }

  /** CheckRecursion, its result reused while the dependency graph's digest stays the same. */
  recursion(errs: StageErrors): void {
    const cache = this.cache;
    if (!cache) return checkRecursion(this.modules, errs, this.clauseRefs);
    const parts: string[] = [this.treeDigest()];
    for (const rm of this.modules) {
      parts.push(`\u0006${rm.rules.length}`);
      for (const r of rm.rules) {
        const slot = this.slots.get(r);
        parts.push(slot ? (slot.memo.recursionPart ??= recursionPart(r, this.clauseRefs(r))) : recursionPart(r, this.clauseRefs(r)));
      }
    }
    const digest = parts.join('\u0005');
    if (cache.recursion?.digest !== digest) {
      const position = new Map<Resolved, [number, number]>();
      this.modules.forEach((rm, i) => rm.rules.forEach((r, j) => position.set(r, [i, j])));
      const errors = recursionErrors(this.modules, this.clauseRefs).map((e) => {
        const [module, rule] = position.get(e.rule) as [number, number];
        return { module, rule, clause: e.clause, message: e.message };
      });
      cache.recursion = { digest, errors };
    }
    for (const e of cache.recursion.errors) {
      const r = this.modules[e.module].rules[e.rule];
      errs.add('rego_recursion_error', e.message, r.m, clauses(r.source)[e.clause].loc);
    }
  }

  /** Each clause's `data` refs, kept in the memo (they depend on the resolved rule alone). */
  clauseRefs = (r: Resolved): Term[][][] => {
    const slot = this.slots.get(r);
    if (!slot) return clauses(r.rule).map(dataRefs);
    return (slot.memo.dataRefs ??= clauses(slot.memo.resolved).map(dataRefs));
  };
}

type Stage = (run: Run, errs: StageErrors) => void;

const STAGES: Stage[] = [
  // With --strict, OPA reports unused imports before anything else about imports.
  (run, errs) => run.strict && checkUnusedImports(run.modules, errs),
  (run, errs) => checkDuplicateImports(run.modules.map((rm) => rm.m), run.strict, errs),
  (run, errs) => {
    // Per module: rule names first, then each rule's assignments (read from the source rule).
    for (const rm of run.modules) {
      if (!run.strict && !isV1Compatible(rm.m)) continue;
      keywordRuleNames(rm.m, errs);
      run.perRule(errs, 'keyword-vars', () => '', (r, sink) => keywordVarsOfRule(r.m, r.source, sink), (other) => other === rm, true);
    }
  },
  (run, errs) => checkArgShadowing(run.modules, errs),
  (run, errs) => run.localVars(errs),
  (run, errs) => run.perRule(errs, 'with', () => run.treeDigest(), (r, sink) => withTargetsOfRule(run.tree, r, sink)),
  (run, errs) => checkRuleConflicts(run.modules, errs),
  (run, errs) => run.perRule(errs, 'functions', () => run.treeDigest(), (r, sink) => undefinedFunctionsOfRule(run.tree, r, sink)),
  (run, errs) => run.perRule(errs, 'head-safety', () => '', headSafetyOfRule),
  (run, errs) => {
    const arity = arityOf(run.tree);
    run.perRule(errs, 'safety', () => run.treeDigest(), (r, sink) => safetyOfRule(arity, r, sink));
  },
  (run, errs) => run.recursion(errs),
  (run, errs) => {
    const { data, types } = ruleTypes(run.modules);
    run.perRule(errs, 'types', () => JSON.stringify([...types]), (r, sink) => typesOfRule(data, r, sink));
  },
  (run, errs) => run.perRule(errs, 'deprecated', () => '', deprecatedBuiltinsOfRule, (rm) => run.strict || isV1Compatible(rm.m)),
];

/** The errors of the first stage that reports any (none when every stage passes). */
export function runStages(modules: CheckedModule[], strict: boolean, cache?: CheckCache): RegoError[] {
  const run = new Run(modules, strict, cache);
  for (const stage of STAGES) {
    const errs = new StageErrors();
    stage(run, errs);
    if (errs.length > 0) return errs.list;
  }
  return [];
}
