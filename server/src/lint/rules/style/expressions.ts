// style: expressions — iteration, assignment and comparison forms.
import type { Term } from '../../../rego';
import { allExprs, assignment, COMPARISONS, isCallExpr, isScalar, isSome, isTerm, isWildcard, operatorName, walkRuleTerms } from '../../ast-utils';
import type { Finding } from '../../types';
import { fileRule, markLocal, globalNames, optBool, optNumber, ruleOutputVars } from '../helpers';

const NEGATIVE_PREFIX = /^(no|not|non|never|none)_/;

export const doubleNegative = fileRule('double-negative', 'style', {
  summary: 'Avoid double negatives',
  rationale: '`not no_access` makes the reader negate twice; name the positive condition.',
  bad: 'package p\n\nallow if not no_access',
  good: 'package p\n\nallow if has_access',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    for (const e of allExprs(r)) {
      const t = e.terms;
      if (!e.negated || !isTerm(t)) continue;
      const last = t.value.type === 'ref' ? t.value.terms[t.value.terms.length - 1].value : t.value;
      const name = last.type === 'var' ? last.name : last.type === 'string' ? last.value : '';
      if (NEGATIVE_PREFIX.test(name)) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const pointlessReassignment = fileRule('pointless-reassignment', 'style', {
  summary: 'Pointless reassignment of variable',
  rationale: '`y := x` only gives a value a second name; use `x`.',
  bad: 'package p\n\nallow if {\n\tname := input.name\n\tn := name\n\tn == "a"\n}',
  good: 'package p\n\nallow if {\n\tname := input.name\n\tname == "a"\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    for (const e of allExprs(r)) {
      const a = assignment(e);
      if (a && a.target.value.type === 'var' && a.value.value.type === 'var' && !isWildcard(a.value)) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const preferSomeInIteration = fileRule('prefer-some-in-iteration', 'style', {
  summary: 'Prefer `some .. in` for iteration',
  rationale: '`some x in xs` says "iterate" where `xs[_]` looks like a lookup.',
  bad: 'package p\n\nallow if {\n\tinput.roles[_] == "admin"\n}',
  good: 'package p\n\nallow if {\n\tsome role in input.roles\n\trole == "admin"\n}',
}, (ctx, options) => {
  const nesting = optNumber(options, 'ignore-nesting-level', 2);
  const ignoreSub = optBool(options, 'ignore-if-sub-attribute', true);
  const globals = globalNames(ctx);
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    const seenRefs = new Set<Term>();
    for (const ov of ruleOutputVars(r, globals)) {
      if (seenRefs.has(ov.ref)) continue;
      seenRefs.add(ov.ref);
      if (nesting > 0 && ov.refOutputs >= nesting) continue;
      if (ignoreSub && !ov.last) continue;
      out.push({ loc: ov.ref.loc });
    }
  }
  return out;
});

export const unconditionalAssignment = fileRule('unconditional-assignment', 'style', {
  summary: 'Unconditional assignment in rule body',
  rationale: '`x := y if { y := 1 }` is `x := 1` with extra steps.',
  bad: 'package p\n\nx := y if {\n\ty := input.a\n}',
  good: 'package p\n\nx := input.a',
}, (ctx) => ctx.rules.filter((r) => {
  const v = r.head.value;
  if (!v || v.value.type !== 'var' || r.body.length !== 1 || r.head.args) return false;
  const a = assignment(r.body[0]);
  return a !== undefined && a.target.value.type === 'var' && a.target.value.name === v.value.name;
}).map((r) => ({ loc: r.body[0].loc })));

export const unnecessarySome = fileRule('unnecessary-some', 'style', {
  summary: 'Unnecessary use of `some`',
  rationale: '`some "a" in xs` declares nothing; `"a" in xs` is the same check.',
  bad: 'package p\n\nallow if some "admin" in input.roles',
  good: 'package p\n\nallow if "admin" in input.roles',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    for (const e of allExprs(r)) {
      const t = e.terms;
      if (!isSome(t)) continue;
      for (const s of t.symbols) {
        if (s.value.type === 'call' && s.value.args.slice(0, -1).every(isScalar)) out.push({ loc: e.loc });
      }
    }
  }
  return out;
});

export const yodaCondition = fileRule('yoda-condition', 'style', {
  summary: 'Yoda condition, it is',
  rationale: '`"admin" == input.role` reads backwards; put the subject first.',
  bad: 'package p\n\nallow if "admin" == input.role',
  good: 'package p\n\nallow if input.role == "admin"',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    for (const e of allExprs(r)) {
      const t = e.terms;
      if (isCallExpr(t) && COMPARISONS.has(operatorName(t.operator)) && t.args.length === 2 && isScalar(t.args[0]) && !isScalar(t.args[1])) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const comprehensionTermAssignment = fileRule('comprehension-term-assignment', 'style', {
  summary: 'Assignment can be moved to comprehension term',
  rationale: '`[n | some u in us; n := u.name]` is `[u.name | some u in us]`.',
  bad: 'package p\n\nnames := [name | some user in input.users; name := user.name]',
  good: 'package p\n\nnames := [user.name | some user in input.users]',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    walkRuleTerms(r, (t) => {
      const v = t.value;
      if (v.type !== 'arraycomprehension' && v.type !== 'setcomprehension') return;
      if (v.term.value.type !== 'var') return;
      const name = v.term.value.name;
      const last = v.body[v.body.length - 1];
      const a = last ? assignment(last) : undefined;
      if (a && a.target.value.type === 'var' && a.target.value.name === name && (a.value.value.type === 'ref' || a.value.value.type === 'var')) out.push({ loc: last.loc });
    });
  }
  return out;
});

export const styleExpressionRules = [doubleNegative, pointlessReassignment, preferSomeInIteration, unconditionalAssignment, unnecessarySome, yodaCondition, comprehensionTermAssignment];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(doubleNegative, pointlessReassignment, preferSomeInIteration, unconditionalAssignment, unnecessarySome, yodaCondition, comprehensionTermAssignment);
