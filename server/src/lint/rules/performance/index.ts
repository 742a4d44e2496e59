// performance: expressions that make evaluation do more work than needed.
import type { Body, Rule } from '../../../rego';
import { allExprs, assignment, exprVarNames, isCallExpr, isSome, isTestRule, isWildcard, operatorName, ruleCalls, ruleName, termVars } from '../../ast-utils';
import type { Finding } from '../../types';
import { fileRule, markLocal, globalNames, varOccurrences } from '../helpers';

export const withOutsideTestContext = fileRule('with-outside-test-context', 'performance', {
  summary: '`with` used outside test context',
  rationale: '`with` disables caching of the rules it affects; outside tests it usually means the policy is being bent.',
  bad: 'package p\n\nallow if data.q.allow with input as {}',
  good: 'package p_test\n\ntest_allow if data.q.allow with input as {}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    if (isTestRule(rule) || ruleName(rule).startsWith('todo_test_')) continue;
    for (const e of allExprs(rule)) e.with.forEach((w) => out.push({ loc: w.loc }));
  }
  return out;
});

export const walkNoPath = fileRule('walk-no-path', 'performance', {
  summary: 'Call to `walk` can be optimized',
  rationale: 'When the path output of `walk` is `_`, OPA can skip building paths — but only if the path is not requested.',
  bad: 'package p\n\nallow if {\n\twalk(input, [path, value])\n\tvalue == 1\n}',
  good: 'package p\n\nallow if {\n\twalk(input, [_, value])\n\tvalue == 1\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    // Counted only for rules that call walk (few do).
    let uses: ReturnType<typeof varOccurrences> | undefined;
    for (const c of ruleCalls(rule)) {
      const outArg = c.args[1];
      if (c.name !== 'walk' || !outArg || outArg.value.type !== 'array' || outArg.value.items.length !== 2) continue;
      const path = outArg.value.items[0];
      uses ??= varOccurrences(rule);
      if (path.value.type === 'var' && !isWildcard(path) && (uses.get(path.value.name)?.length ?? 0) <= 1) out.push({ loc: path.loc });
    }
  }
  return out;
});

export const equalsOverCount = fileRule('equals-over-count', 'performance', {
  summary: 'Prefer direct comparison over `count`',
  rationale: '`count(xs) == 0` builds the whole collection to compare with zero; `xs == set()` or `not any_x` stops early.',
  bad: 'package p\n\nempty if count(input.xs) == 0',
  good: 'package p\n\nempty if input.xs == []',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (!isCallExpr(t) || !['equal', 'neq', 'gt'].includes(operatorName(t.operator))) continue;
      const [a, b] = t.args;
      if (a?.value.type === 'call' && operatorName(a.value.operator) === 'count' && b?.value.type === 'number' && b.value.raw === '0') out.push({ loc: e.loc });
    }
  }
  return out;
});

/** Vars an expression binds: LHS of `:=`, `some … in` symbols. */
function boundBy(e: Body[number]): string[] {
  const a = assignment(e);
  if (a) return termVars(a.target).map((v) => (v.value as { name: string }).name);
  if (isSome(e.terms)) {
    return e.terms.symbols.flatMap((s) => (s.value.type === 'call' ? s.value.args.slice(0, -1).flatMap((x) => termVars(x)) : [s])).map((v) => (v.value as { name: string }).name);
  }
  return [];
}

const isLoop = (e: Body[number]): boolean => isSome(e.terms) && e.terms.symbols.some((s) => s.value.type === 'call');

export const deferAssignment = fileRule('defer-assignment', 'performance', {
  summary: 'Assignment can be deferred',
  rationale: 'An assignment followed by a condition that does not use it is computed even when that condition fails; move it down to where it is needed.',
  bad: 'package p\n\nallow if {\n\tx := lower(input.name)\n\tinput.enabled\n\tx == "admin"\n}',
  good: 'package p\n\nallow if {\n\tinput.enabled\n\tx := lower(input.name)\n\tx == "admin"\n}',
}, (ctx) => {
  const out: Finding[] = [];
  const visit = (rule: Rule): void => {
    rule.body.forEach((e, i) => {
      const a = assignment(e);
      const next = rule.body[i + 1];
      if (!a || a.target.value.type !== 'var' || !next || i + 2 >= rule.body.length) return;
      const name = a.target.value.name;
      if (exprVarNames(next).has(name) || assignment(next) || isSome(next.terms) || next.with.length > 0) return;
      if (isCallExpr(next.terms) && ['print', 'internal.print'].includes(operatorName(next.terms.operator))) return;
      if (rule.body.slice(i + 2).some((x) => exprVarNames(x).has(name))) out.push({ loc: e.loc });
    });
  };
  ctx.rules.forEach(visit);
  return out;
});

export const nonLoopExpression = fileRule('non-loop-expression', 'performance', {
  summary: 'Non-loop expression in loop',
  rationale: 'An expression after `some x in xs` that uses nothing from the loop is evaluated once per element; move it above the loop.',
  bad: 'package p\n\nallow if {\n\tsome x in input.xs\n\tinput.enabled\n\tx == 1\n}',
  good: 'package p\n\nallow if {\n\tinput.enabled\n\tsome x in input.xs\n\tx == 1\n}',
}, (ctx) => {
  const out: Finding[] = [];
  const globals = globalNames(ctx);
  for (const rule of ctx.rules) {
    const first = rule.body.findIndex(isLoop);
    if (first < 0) continue;
    // Vars that exist only inside the loop: its own symbols and everything bound after it.
    const loopVars = new Set<string>();
    rule.body.forEach((e, i) => {
      if (i < first) return;
      boundBy(e).forEach((n) => loopVars.add(n));
      if (i === first) return;
      // The cheap exclusions first: most expressions in a loop body are assignments.
      if (isLoop(e) || assignment(e) || e.with.length > 0) return;
      const used = [...exprVarNames(e)];
      if (used.some((n) => n.startsWith('$'))) return;
      if (used.some((n) => loopVars.has(n))) return;
      // Output vars bound by this expression (refs iterating) make it a loop of its own.
      if (used.some((n) => !globals.has(n))) return;
      out.push({ loc: e.loc });
    });
  }
  return out;
});

export const performanceRules = [withOutsideTestContext, walkNoPath, equalsOverCount, deferAssignment, nonLoopExpression];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(withOutsideTestContext, walkNoPath, equalsOverCount, deferAssignment, nonLoopExpression);
