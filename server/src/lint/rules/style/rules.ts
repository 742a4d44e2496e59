// style: rule and function definitions — names, lengths, ordering, heads.
import { getBuiltin, type Rule, type Term } from '../../../rego';
import { allExprs, isCallExpr, isFunction, isTerm, isTestRule, operatorName, packagePath, refText, ruleName, walkRuleTerms, forEachDeclaredName } from '../../ast-utils';
import type { Finding } from '../../types';
import { argNames, fileRule, markLocal, optBool, optNumber, optStrings, textOf } from '../helpers';

export const avoidGetAndListPrefix = fileRule('avoid-get-and-list-prefix', 'style', {
  summary: 'Avoid `get_` and `list_` prefix for rules and functions',
  rationale: 'Rules are values, not procedures: `users` reads better than `get_users`.',
  bad: 'package p\n\nget_users := input.users',
  good: 'package p\n\nusers := input.users',
}, (ctx) => ctx.rules.filter((r) => /^(get|list)_/.test(ruleName(r))).map((r) => ({ loc: r.head.ref[0].loc })));

export const ruleNameRepeatsPackage = fileRule('rule-name-repeats-package', 'style', {
  summary: 'Avoid repeating package path in rule names',
  rationale: 'Rules are referred to with their package (`authz.allow`); `authz.authz_allow` says it twice.',
  bad: 'package authz\n\nauthz_allow := true',
  good: 'package authz\n\nallow := true',
}, (ctx) => {
  const pkg = packagePath(ctx.module);
  const last = pkg[pkg.length - 1];
  if (!last) return [];
  return ctx.rules.filter((r) => ruleName(r).startsWith(`${last}_`)).map((r) => ({ loc: r.head.ref[0].loc }));
});

export const messyRule = fileRule('messy-rule', 'style', {
  summary: 'Messy incremental rule',
  rationale: 'Definitions of the same rule scattered across a file are hard to follow; keep them together.',
  bad: 'package p\n\nallow if input.a\n\nother := 1\n\nallow if input.b',
  good: 'package p\n\nallow if input.a\n\nallow if input.b\n\nother := 1',
}, (ctx) => {
  const out: Finding[] = [];
  const seen = new Set<string>();
  let previous = '';
  for (const r of ctx.module.rules) {
    const name = refText(r.head.ref);
    if (seen.has(name) && previous !== name) out.push({ loc: r.head.loc });
    seen.add(name);
    previous = name;
  }
  return out;
});

export const trailingDefaultRule = fileRule('trailing-default-rule', 'style', {
  summary: 'Default rule should be declared first',
  rationale: 'The default value is the first thing a reader wants to know about a rule.',
  bad: 'package p\n\nallow if input.x\n\ndefault allow := false',
  good: 'package p\n\ndefault allow := false\n\nallow if input.x',
}, (ctx) => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const r of ctx.module.rules) {
    const name = refText(r.head.ref);
    if (r.default && seen.has(name)) out.push({ loc: r.loc });
    if (!r.default) seen.add(name);
  }
  return out;
});

export const defaultOverElse = fileRule('default-over-else', 'style', {
  summary: 'Prefer default assignment over fallback `else`',
  rationale: 'A final unconditional `else := x` is a default value; `default rule := x` says so.',
  bad: 'package p\n\nrole := "admin" if input.admin\n\telse := "user"',
  good: 'package p\n\ndefault role := "user"\n\nrole := "admin" if input.admin',
}, (ctx, options) => {
  const functions = optBool(options, 'prefer-default-functions', false);
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    if (isFunction(r) && !functions) continue;
    let last = r.else;
    while (last?.else) last = last.else;
    if (last && !last.hasBody) out.push({ loc: last.loc });
  }
  return out;
});

export const defaultOverNot = fileRule('default-over-not', 'style', {
  summary: 'Prefer default assignment over negated condition',
  rationale: '`x := "y" if not x_source` next to `x := x_source` is what `default` is for.',
  bad: 'package p\n\nname := input.name\n\nname := "anonymous" if not input.name',
  good: 'package p\n\ndefault name := "anonymous"\n\nname := input.name',
}, (ctx) => {
  const values = new Map<string, Set<string>>();
  for (const r of ctx.module.rules) {
    if (r.head.value && !r.hasBody && !r.default) {
      const name = refText(r.head.ref);
      values.set(name, (values.get(name) ?? new Set()).add(textOf(ctx, r.head.value.loc)));
    }
  }
  return ctx.module.rules.filter((r) => {
    if (!r.hasBody || r.body.length !== 1 || !r.body[0].negated || !isTerm(r.body[0].terms)) return false;
    return values.get(refText(r.head.ref))?.has(textOf(ctx, r.body[0].terms.loc)) ?? false;
  }).map((r) => ({ loc: r.body[0].loc }));
});

const SNAKE = /^[a-z0-9_]+$/;

export const preferSnakeCase = fileRule('prefer-snake-case', 'style', {
  summary: 'Prefer snake_case for names',
  rationale: 'Rego\'s builtins and conventions use snake_case; mixing styles makes names harder to guess.',
  bad: 'package p\n\nisAdmin if input.role == "admin"',
  good: 'package p\n\nis_admin if input.role == "admin"',
}, (ctx) => {
  const out: Finding[] = [];
  const reported = new Set<string>();
  const check = (t: Term, name: string): void => {
    if (name.startsWith('$') || SNAKE.test(name) || reported.has(`${name}@${t.loc.start}`)) return;
    reported.add(`${name}@${t.loc.start}`);
    out.push({ loc: t.loc, description: `Prefer snake_case for names: ${name}` });
  };
  forEachDeclaredName(ctx.rules, check);
  return out;
});

export const ruleLength = fileRule('rule-length', 'style', {
  summary: 'Max rule length exceeded',
  rationale: 'A long rule does several things; split it into smaller, named rules or functions.',
  bad: '(a rule body of more than 30 lines)',
  good: '(several shorter rules)',
}, (ctx, options) => {
  const max = optNumber(options, 'max-rule-length', 30);
  const maxTest = optNumber(options, 'max-test-rule-length', 60);
  const countComments = optBool(options, 'count-comments', false);
  const exceptEmptyBody = optBool(options, 'except-empty-body', true);
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    if (exceptEmptyBody && !r.hasBody) continue;
    const from = ctx.index.position(r.loc.start).row;
    const to = ctx.index.position(r.loc.end).row;
    const n = ctx.lines.slice(from - 1, to).filter((l) => l.trim() !== '' && (countComments || !l.trim().startsWith('#'))).length;
    const limit = isTestRule(r) ? maxTest : max;
    if (n > limit) out.push({ loc: r.head.loc, description: `Max rule length exceeded: ${n} > ${limit}` });
  }
  return out;
});

/** `=` in a rule head (`p = 1`, `f(x) = y`, `else = 2`), where v1 style is `:=`. */
function headEqualsSign(text: string, r: Rule): number | undefined {
  if (r.head.assign || !r.head.value || r.head.generatedValue) return undefined;
  let i = r.head.value.loc.start - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  if (text[i] !== '=' || /[:=!<>]/.test(text[i - 1] ?? '')) return undefined;
  return i;
}

export const useAssignmentOperator = fileRule('use-assignment-operator', 'style', {
  summary: 'Prefer := over = for assignment',
  rationale: '`:=` assigns and fails to compile on redeclaration; `=` unifies and can silently compare.',
  bad: 'package p\n\nallow = true',
  good: 'package p\n\nallow := true',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (let r: Rule | undefined = rule; r; r = r.else) {
      const at = headEqualsSign(ctx.text, r);
      if (at !== undefined) out.push({ loc: { start: at, end: at + 1 }, fix: [{ start: at, end: at + 1, newText: ':=' }] });
    }
  }
  return out;
}, true);

export const externalReference = fileRule('external-reference', 'style', {
  summary: 'External reference in function',
  rationale: 'A function that reads `input`, `data` or rules depends on more than its arguments; pass them in so it can be tested and reused.',
  bad: 'package p\n\nis_admin(user) if {\n\tuser.name in input.admins\n\tinput.enabled\n\tnot data.config.strict\n}',
  good: 'package p\n\nis_admin(user, admins) if user.name in admins',
}, (ctx, options) => {
  const max = optNumber(options, 'max-allowed', 2);
  const ruleNames = new Set(ctx.module.rules.filter((r) => !isFunction(r)).map(ruleName));
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    if (!isFunction(r)) continue;
    const args = new Set(argNames(r));
    const refs: Finding[] = [];
    walkRuleTerms(r, (t) => {
      const head = t.value.type === 'ref' ? t.value.terms[0] : t;
      if (head.value.type !== 'var' || args.has(head.value.name)) return;
      if (t.value.type === 'var' && head !== t) return;
      const n = head.value.name;
      if ((n === 'input' || n === 'data' || ruleNames.has(n)) && !refs.some((x) => x.loc.start === head.loc.start)) refs.push({ loc: head.loc });
    });
    if (refs.length > max) out.push(...refs);
  }
  return out;
});

export const functionArgReturn = fileRule('function-arg-return', 'style', {
  summary: 'Function argument used for return value',
  rationale: '`indexof(s, "a", i)` returns through its last argument; `i := indexof(s, "a")` is clearer.',
  bad: 'package p\n\nallow if {\n\tindexof(input.s, "a", i)\n\ti > 0\n}',
  good: 'package p\n\nallow if {\n\ti := indexof(input.s, "a")\n\ti > 0\n}',
}, (ctx, options) => {
  const except = new Set(optStrings(options, 'except-functions'));
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    for (const e of allExprs(r)) {
      const t = e.terms;
      if (!isCallExpr(t)) continue;
      const name = operatorName(t.operator);
      const b = getBuiltin(name);
      if (b && !except.has(name) && !b.variadic && t.args.length === b.args.length + 1) out.push({ loc: t.args[t.args.length - 1].loc });
    }
  }
  return out;
});

export const styleRuleRules = [avoidGetAndListPrefix, ruleNameRepeatsPackage, messyRule, trailingDefaultRule, defaultOverElse, defaultOverNot, preferSnakeCase, ruleLength, useAssignmentOperator, externalReference, functionArgReturn];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(avoidGetAndListPrefix, ruleNameRepeatsPackage, defaultOverElse, preferSnakeCase, ruleLength, useAssignmentOperator, externalReference, functionArgReturn);
