// bugs: rules about single expressions and calls.
import { getBuiltin, type Term } from '../../../rego';
import { allExprs, COMPARISONS, exprTopTerms, isCallExpr, isScalar, isTerm, isWildcard, operatorName, refText, ruleCalls, walkTerm } from '../../ast-utils';
import type { Finding } from '../../types';
import { argNames, fileRule, markLocal, globalNames, lineEndAfter, lineStartOf, ruleOutputVars, varOccurrences } from '../helpers';

export const constantCondition = fileRule('constant-condition', 'bugs', {
  summary: 'Constant condition',
  rationale: 'A comparison of two constants, or a constant alone in a body, is always true or always false: it is left over from debugging or a mistake.',
  bad: 'package p\n\nallow if {\n\t1 == 1\n}',
  good: 'package p\n\nallow if {\n\tinput.x == 1\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      if (e.generated) continue;
      const t = e.terms;
      if (isTerm(t) && isScalar(t) && !(t.value.type === 'boolean' && t.value.value === true)) out.push({ loc: e.loc });
      else if (isCallExpr(t) && COMPARISONS.has(operatorName(t.operator)) && t.args.length === 2 && t.args.every(isScalar)) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const notEqualsInLoop = fileRule('not-equals-in-loop', 'bugs', {
  summary: 'Use of != in loop',
  rationale: '`input.xs[_] != "a"` is true when *any* element differs, not when none equals "a". Use `not "a" in input.xs`.',
  bad: 'package p\n\ndeny if {\n\tinput.xs[_] != "a"\n}',
  good: 'package p\n\ndeny if {\n\tnot "a" in input.xs\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (!isCallExpr(t) || operatorName(t.operator) !== 'neq') continue;
      const loops = t.args.some((a) => a.value.type === 'ref' && a.value.terms.slice(1).some(isWildcard));
      if (loops) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const sprintfArgumentsMismatch = fileRule('sprintf-arguments-mismatch', 'bugs', {
  summary: 'Mismatch in `sprintf` arguments count',
  rationale: 'The number of `%` verbs in the format string must match the number of values given, or the output is wrong.',
  bad: 'package p\n\nmsg := sprintf("%s and %s", [input.a])',
  good: 'package p\n\nmsg := sprintf("%s and %s", [input.a, input.b])',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const call of ruleCalls(rule)) {
      if (call.name !== 'sprintf' || call.args.length < 2) continue;
      const [fmt, values] = call.args;
      if (fmt.value.type !== 'string' || values.value.type !== 'array') continue;
      const verbs = countVerbs(fmt.value.value);
      if (verbs !== undefined && verbs !== values.value.items.length) {
        out.push({ loc: call.loc, description: `Mismatch in \`sprintf\` arguments count: ${verbs} verbs, ${values.value.items.length} values` });
      }
    }
  }
  return out;
});

/** Number of values a Go format string consumes, or undefined when explicit indexes (`%[1]s`) make it unclear. */
function countVerbs(fmt: string): number | undefined {
  let n = 0;
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') continue;
    i++;
    if (fmt[i] === '%') continue;
    while (i < fmt.length && /[+\-# 0-9.*[\]]/.test(fmt[i])) {
      if (fmt[i] === '[') return undefined;
      if (fmt[i] === '*') n++;
      i++;
    }
    if (i < fmt.length) n++;
  }
  return n;
}

export const unassignedReturnValue = fileRule('unassigned-return-value', 'bugs', {
  summary: 'Non-boolean return value unassigned',
  rationale: 'A call to a function returning a non-boolean value, used as a condition, is only checked for being defined; its value is thrown away.',
  bad: 'package p\n\nallow if {\n\tlower(input.name)\n}',
  good: 'package p\n\nallow if {\n\tlower(input.name) == "admin"\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (!isCallExpr(t)) continue;
      const b = getBuiltin(operatorName(t.operator));
      if (!b || b.relation || t.args.length !== b.args.length) continue;
      const kind = b.result.type.kind;
      if (kind !== 'boolean' && kind !== 'any' && !b.name.startsWith('internal.') && b.name !== 'print') out.push({ loc: e.loc });
    }
  }
  return out;
});

export const timeNowNsTwice = fileRule('time-now-ns-twice', 'bugs', {
  summary: 'Repeated calls to `time.now_ns`',
  rationale: '`time.now_ns()` returns the same value throughout one evaluation; calling it twice in a rule suggests a misunderstanding.',
  bad: 'package p\n\nelapsed := time.now_ns() - time.now_ns()',
  good: 'package p\n\nnow := time.now_ns()',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    const calls = ruleCalls(rule).filter((c) => c.name === 'time.now_ns').sort((a, b) => a.loc.start - b.loc.start);
    calls.slice(1).forEach((c) => out.push({ loc: c.loc }));
  }
  return out;
});

export const deprecatedBuiltin = fileRule('deprecated-builtin', 'bugs', {
  summary: 'Avoid using deprecated built-in functions',
  rationale: 'Deprecated builtins are removed from Rego v1 and may be unavailable or behave differently.',
  bad: 'package p\n\nallow if re_match("^a", input.x)',
  good: 'package p\n\nallow if regex.match("^a", input.x)',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const c of ruleCalls(rule)) if (getBuiltin(c.name)?.deprecated) out.push({ loc: c.operator.loc, description: `Avoid using deprecated built-in function ${c.name}` });
  }
  return out;
});

export const redundantExistenceCheck = fileRule('redundant-existence-check', 'bugs', {
  summary: 'Redundant existence check',
  rationale: 'Checking that a reference is defined right before using it is redundant: the use fails on undefined anyway.',
  bad: 'package p\n\nallow if {\n\tinput.user\n\tinput.user == "admin"\n}',
  good: 'package p\n\nallow if {\n\tinput.user == "admin"\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    const args = new Set(argNames(rule));
    rule.body.forEach((e, i) => {
      const t = e.terms;
      if (!isTerm(t) || e.negated || e.with.length > 0) return;
      const next = rule.body[i + 1];
      if (!next) return;
      const checked = t.value.type === 'ref' ? refText(t.value.terms) : t.value.type === 'var' && args.has(t.value.name) ? t.value.name : undefined;
      if (!checked || (t.value.type === 'ref' && t.value.terms.some((x, k) => k > 0 && x.value.type === 'var'))) return;
      let used = false;
      if (!next.negated) exprTopTerms(next).forEach((x) => walkTerm(x, (y) => {
        if (y === x && isTerm(next.terms)) return;
        if ((y.value.type === 'ref' && refText(y.value.terms) === checked) || (y.value.type === 'var' && y.value.name === checked)) used = true;
      }));
      if (used) out.push({ loc: e.loc, fix: [{ start: lineStartOf(ctx.text, e.loc.start), end: lineEndAfter(ctx.text, e.loc.end), newText: '' }] });
    });
  }
  return out;
}, true);

export const unusedOutputVariable = fileRule('unused-output-variable', 'bugs', {
  summary: 'Unused output variable',
  rationale: 'An output variable bound by iteration but never used means the iteration only checks for existence; use `_` or remove the variable.',
  bad: 'package p\n\nallow if {\n\tsome x\n\tinput.xs[x]\n}',
  good: 'package p\n\nallow if {\n\tsome x\n\tinput.xs[x] == "a"\n\tx != 0\n}',
}, (ctx) => {
  const out: Finding[] = [];
  const globals = globalNames(ctx);
  for (const rule of ctx.rules) {
    // Counted only for rules that have a named output var (most have none).
    let occurrences: Map<string, Term[]> | undefined;
    for (const ov of ruleOutputVars(rule, globals)) {
      const name = (ov.term.value as { name: string }).name;
      if (isWildcard(ov.term)) continue;
      occurrences ??= varOccurrences(rule);
      if ((occurrences.get(name)?.length ?? 0) <= 1) out.push({ loc: ov.term.loc });
    }
  }
  return out;
});

export const topLevelIteration = fileRule('top-level-iteration', 'bugs', {
  summary: 'Iteration in top-level assignment',
  rationale: 'A rule like `x := input.xs[_]` iterates at the top level: it conflicts as soon as two elements exist.',
  bad: 'package p\n\nfirst := input.xs[_]',
  good: 'package p\n\nfirst := input.xs[0]',
}, (ctx) => {
  const out: Finding[] = [];
  const globals = globalNames(ctx);
  for (const rule of ctx.rules) {
    const v = rule.head.value;
    if (!v || rule.hasBody || rule.head.args || v.value.type !== 'ref') continue;
    if (v.value.terms.slice(1).some((s) => s.value.type === 'var' && !globals.has(s.value.name))) out.push({ loc: rule.head.loc });
  }
  return out;
});

/** Builtins only reachable through an infix operator: a var with their name hides nothing. */
const OPERATOR_BUILTINS = new Set(['eq', 'assign', 'equal', 'neq', 'lt', 'lte', 'gt', 'gte', 'plus', 'minus', 'mul', 'div', 'rem', 'and', 'or']);

export const varShadowsBuiltin = fileRule('var-shadows-builtin', 'bugs', {
  summary: 'Variable name shadows built-in',
  rationale: 'A local variable named like a builtin (`count := 1`) hides the builtin in that scope and confuses readers.',
  bad: 'package p\n\nallow if {\n\tcount := 1\n\tcount > 0\n}',
  good: 'package p\n\nallow if {\n\tn := 1\n\tn > 0\n}',
}, (ctx) => {
  const out: Finding[] = [];
  const seen = new Set<number>();
  const check = (t: Term): void => {
    if (t.value.type === 'var' && !OPERATOR_BUILTINS.has(t.value.name) && getBuiltin(t.value.name) && !seen.has(t.loc.start)) {
      seen.add(t.loc.start);
      out.push({ loc: t.loc });
    }
  };
  for (const rule of ctx.rules) {
    rule.head.args?.forEach(check);
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (isCallExpr(t) && operatorName(t.operator) === 'assign') walkTerm(t.args[0], check);
      if (!isTerm(t) && !isCallExpr(t) && t.kind === 'some') t.symbols.forEach((s) => (s.value.type === 'call' ? s.value.args.slice(0, -1).forEach(check) : check(s)));
    }
  }
  return out;
});

export const bugsExpressionRules = [constantCondition, notEqualsInLoop, sprintfArgumentsMismatch, unassignedReturnValue, timeNowNsTwice, deprecatedBuiltin, redundantExistenceCheck, unusedOutputVariable, topLevelIteration, varShadowsBuiltin];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(constantCondition, notEqualsInLoop, sprintfArgumentsMismatch, unassignedReturnValue, timeNowNsTwice, deprecatedBuiltin, redundantExistenceCheck, unusedOutputVariable, topLevelIteration, varShadowsBuiltin);
