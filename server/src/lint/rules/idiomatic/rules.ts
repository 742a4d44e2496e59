// idiomatic: rule and function definitions with a more idiomatic form, and v1 keywords.
import type { Rule, Term } from '../../../rego';
import { isCallExpr, isFunction, isScalar, isTerm, isWildcard, operatorName, packagePath } from '../../ast-utils';
import type { FileContext, Finding, TextEdit } from '../../types';
import { fileRule, markLocal, optBool, textOf } from '../helpers';

function singleExprFunction(rule: Rule, arity: number): boolean {
  return isFunction(rule) && rule.head.args!.length === arity && rule.body.length === 1 && rule.head.generatedValue === true && !rule.else;
}

export const customHasKeyConstruct = fileRule('custom-has-key-construct', 'idiomatic', {
  summary: 'Custom function may be replaced by `in` and `object.keys`',
  rationale: 'A `has_key(obj, k)` helper re-implements `k in object.keys(obj)`.',
  bad: 'package p\n\nhas_key(obj, k) if {\n\t_ = obj[k]\n}',
  good: 'package p\n\nallow if "name" in object.keys(input)',
}, (ctx) => ctx.rules.filter((r) => {
  if (!singleExprFunction(r, 2)) return false;
  const [objArg, keyArg] = r.head.args!.map((a) => (a.value.type === 'var' ? a.value.name : ''));
  const isLookup = (x: Term): boolean => {
    if (x.value.type !== 'ref' || x.value.terms.length !== 2) return false;
    const [obj, key] = x.value.terms;
    return obj.value.type === 'var' && obj.value.name === objArg && key.value.type === 'var' && key.value.name === keyArg;
  };
  const t = r.body[0].terms;
  if (isTerm(t)) return isLookup(t) && !r.body[0].negated;
  return isCallExpr(t) && ['eq', 'equal'].includes(operatorName(t.operator)) && t.args.some(isWildcard) && t.args.some(isLookup);
}).map((r) => ({ loc: r.head.loc })));

export const customInConstruct = fileRule('custom-in-construct', 'idiomatic', {
  summary: 'Custom function may be replaced by `in` keyword',
  rationale: 'A `contains(coll, x) if x == coll[_]` helper re-implements the `in` operator.',
  bad: 'package p\n\nhas(coll, x) if {\n\tx == coll[_]\n}',
  good: 'package p\n\nallow if "a" in input.xs',
}, (ctx) => ctx.rules.filter((r) => {
  if (!singleExprFunction(r, 2)) return false;
  const names = r.head.args!.map((a) => (a.value.type === 'var' ? a.value.name : ''));
  const t = r.body[0].terms;
  if (!isCallExpr(t) || !['eq', 'equal'].includes(operatorName(t.operator))) return false;
  const isIter = (a: Term): boolean => a.value.type === 'ref' && a.value.terms.length === 2 && a.value.terms[0].value.type === 'var' && names.includes(a.value.terms[0].value.name) && isWildcard(a.value.terms[1]);
  const isArg = (a: Term): boolean => a.value.type === 'var' && names.includes(a.value.name);
  return (isIter(t.args[0]) && isArg(t.args[1])) || (isIter(t.args[1]) && isArg(t.args[0]));
}).map((r) => ({ loc: r.head.loc })));

export const equalsPatternMatching = fileRule('equals-pattern-matching', 'idiomatic', {
  summary: 'Prefer pattern matching in function arguments',
  rationale: '`f("a") := 1` matches the argument in the head; `f(x) := 1 if x == "a"` spells it out in the body.',
  bad: 'package p\n\nf(x) := 1 if x == "a"',
  good: 'package p\n\nf("a") := 1',
}, (ctx) => ctx.rules.filter((r) => {
  if (!isFunction(r) || r.body.length !== 1 || !r.hasBody) return false;
  const t = r.body[0].terms;
  if (r.body[0].negated || !isCallExpr(t) || !['equal', 'eq'].includes(operatorName(t.operator))) return false;
  const args = new Set(r.head.args!.filter((a) => a.value.type === 'var').map((a) => (a.value as { name: string }).name));
  const [a, b] = t.args;
  return (a.value.type === 'var' && args.has(a.value.name) && isScalar(b)) || (b.value.type === 'var' && args.has(b.value.name) && isScalar(a));
}).map((r) => ({ loc: r.head.loc })));

export const preferSetOrObjectRule = fileRule('prefer-set-or-object-rule', 'idiomatic', {
  summary: 'Prefer set or object rule over comprehension',
  rationale: 'A multi-value rule (`names contains n if …`) or a ref-head rule is incremental and easier to extend than one big comprehension.',
  bad: 'package p\n\nnames := {n | some n in input.names}',
  good: 'package p\n\nnames contains n if some n in input.names',
}, (ctx) => ctx.rules
  .filter((r) => !r.hasBody && !isFunction(r) && (r.head.value?.value.type === 'setcomprehension' || r.head.value?.value.type === 'objectcomprehension'))
  .map((r) => ({ loc: r.head.loc })));

function v1KeywordsImported(ctx: FileContext, keyword: string): boolean {
  return ctx.module.imports.some((i) => {
    const text = textOf(ctx, i.path.loc).replace(/\s+/g, '');
    return text === 'rego.v1' || text === 'future.keywords' || text === `future.keywords.${keyword}`;
  });
}

export const useContains = fileRule('use-contains', 'idiomatic', {
  summary: 'Use the `contains` keyword',
  rationale: '`deny contains msg if …` is the v1 syntax for a multi-value rule; `deny[msg]` is ambiguous with a ref.',
  bad: 'package p\n\nimport future.keywords.contains\n\ndeny[msg] {\n\tmsg := "x"\n}',
  good: 'package p\n\nimport future.keywords.contains\n\ndeny contains msg {\n\tmsg := "x"\n}',
}, (ctx) => {
  if (ctx.regoVersion !== 'v0' || !v1KeywordsImported(ctx, 'contains')) return [];
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    const key = r.head.key;
    if (!key || r.head.value || r.head.contains || r.head.ref.length !== 1) continue;
    const close = ctx.text.indexOf(']', key.loc.end);
    const start = r.head.ref[0].loc.end;
    out.push({ loc: r.head.loc, fix: [{ start, end: close + 1, newText: ` contains ${textOf(ctx, key.loc)}` }] });
  }
  return out;
}, true);

/** The `{` opening a rule's written body, when nothing but whitespace separates it from the head. */
function bodyBraceWithoutIf(ctx: FileContext, r: Rule): number | undefined {
  if (!r.hasBody || r.body.length === 0) return undefined;
  const brace = ctx.text.lastIndexOf('{', r.body[0].loc.start);
  if (brace < r.head.loc.end) return undefined;
  return ctx.text.slice(r.head.loc.end, brace).trim() === '' ? brace : undefined;
}

export const useIf = fileRule('use-if', 'idiomatic', {
  summary: 'Use the `if` keyword',
  rationale: 'Rego v1 requires `if` before a rule body; adding it keeps v0 policies forward-compatible.',
  bad: 'package p\n\nimport future.keywords.if\n\nallow {\n\tinput.x\n}',
  good: 'package p\n\nimport future.keywords.if\n\nallow if {\n\tinput.x\n}',
}, (ctx) => {
  if (ctx.regoVersion !== 'v0' || !v1KeywordsImported(ctx, 'if')) return [];
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    if (r.loc.start !== r.head.ref[0].loc.start) continue; // chained bodies are chained-rule-body's business
    const brace = bodyBraceWithoutIf(ctx, r);
    if (brace !== undefined) out.push({ loc: r.head.loc, fix: [{ start: brace, end: brace, newText: 'if ' }] });
  }
  return out;
}, true);

export const directoryPackageMismatch = fileRule('directory-package-mismatch', 'idiomatic', {
  summary: 'Directory structure should mirror package',
  rationale: 'When `package a.b` lives in `a/b/`, policies are found where their package says; tools (and `opa build`) rely on it.',
  bad: '# file: policies/x/y.rego\npackage a.b',
  good: '# file: policies/a/b/y.rego\npackage a.b',
}, (ctx, options) => {
  const pkg = packagePath(ctx.module);
  const excludeTest = optBool(options, 'exclude-test-suffix', true);
  const expected = [...pkg];
  const last = expected.length - 1;
  const testSuffix = excludeTest && last >= 0 && expected[last].endsWith('_test');
  if (testSuffix) expected[last] = expected[last].slice(0, -'_test'.length);
  let file = ctx.file.split('\\').join('/');
  let underRoot = false;
  for (const root of ctx.roots) {
    const r = root === '.' ? '' : root.replace(/\/+$/, '') + '/';
    if (file.startsWith(r)) { file = file.slice(r.length); underRoot = true; break; }
  }
  const dirs = file.split('/').slice(0, -1).filter((d) => d !== '.' && d !== '');
  // Under a project root the directories must spell the whole package; otherwise their tail must.
  if (!underRoot && dirs.length === 0) return [];
  const tail = underRoot ? dirs : dirs.slice(-expected.length);
  if (tail.length === expected.length && tail.every((d, i) => d === expected[i])) return [];
  const out: Finding = { loc: ctx.module.package.loc, description: `Directory structure should mirror package: expected ${expected.join('/')}/` };
  // The fix renames the package after the directories, when they can spell a package.
  if (dirs.length >= expected.length && dirs.length > 0) {
    const segs = underRoot ? [...dirs] : dirs.slice(-Math.max(expected.length, 1));
    if (segs.every((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s))) {
      if (testSuffix) segs[segs.length - 1] += '_test';
      const path = ctx.module.package.path;
      const edit: TextEdit = { start: path[1].loc.start, end: path[path.length - 1].loc.end, newText: segs.join('.') };
      out.fix = [edit];
    }
  }
  return [out];
}, true);

export const idiomaticRuleRules = [customHasKeyConstruct, customInConstruct, equalsPatternMatching, preferSetOrObjectRule, useContains, useIf, directoryPackageMismatch];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(customHasKeyConstruct, customInConstruct, equalsPatternMatching, preferSetOrObjectRule, useContains, useIf);
