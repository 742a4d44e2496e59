// idiomatic: expressions and calls that have a clearer built-in form.
import type { Term } from '../../../rego';
import { allExprs, COMPARISONS, isCallExpr, isScalar, isSome, isTerm, isWildcard, operatorName, ruleCalls, termVars, walkRuleTerms } from '../../ast-utils';
import type { Finding } from '../../types';
import { argNames, fileRule, markLocal, globalNames, ruleOutputVars, textOf } from '../helpers';

const REGEX_PATTERN_FUNCTIONS = new Set(['regex.match', 'regex.is_valid', 'regex.find_n', 'regex.find_all_string_submatch_n', 'regex.replace', 'regex.split', 'regex.globs_match', 're_match']);

export const nonRawRegexPattern = fileRule('non-raw-regex-pattern', 'idiomatic', {
  summary: 'Use raw strings for regex patterns',
  rationale: 'In a double-quoted string every backslash must be doubled; raw strings (backticks) keep patterns readable.',
  bad: 'package p\n\nallow if regex.match("\\\\d+", input.x)',
  good: 'package p\n\nallow if regex.match(`\\d+`, input.x)',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const c of ruleCalls(rule)) {
      if (!REGEX_PATTERN_FUNCTIONS.has(c.name)) continue;
      const patterns = c.name === 'regex.globs_match' ? c.args.slice(0, 2) : c.args.slice(0, 1);
      for (const p of patterns) {
        if (p.value.type !== 'string' || p.value.raw || !textOf(ctx, p.loc).includes('\\')) continue;
        const fix = p.value.value.includes('`') ? undefined : [{ start: p.loc.start, end: p.loc.end, newText: `\`${p.value.value}\`` }];
        out.push({ loc: p.loc, ...(fix ? { fix } : {}) });
      }
    }
  }
  return out;
}, true);

/** True when the term mentions no local variables (only constants, input, data and rule names). */
function closed(t: Term, globals: Set<string>): boolean {
  return termVars(t).every((v) => !isWildcard(v) && globals.has((v.value as { name: string }).name));
}

export const preferEqualsComparison = fileRule('prefer-equals-comparison', 'idiomatic', {
  summary: 'Prefer `==` for equality comparison',
  rationale: '`=` unifies and assigns; where nothing is assigned, `==` says plainly that values are compared.',
  bad: 'package p\n\nallow if input.role = "admin"',
  good: 'package p\n\nallow if input.role == "admin"',
}, (ctx) => {
  const globals = globalNames(ctx);
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    const args = new Set(argNames(rule));
    const g = new Set([...globals, ...args]);
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (!isCallExpr(t) || operatorName(t.operator) !== 'eq' || t.args.length !== 2) continue;
      if (!t.args.every((a) => closed(a, g))) continue;
      const op = t.operator.loc;
      const fix = textOf(ctx, op) === '=' ? [{ start: op.start, end: op.end, newText: '==' }] : undefined;
      out.push({ loc: e.loc, ...(fix ? { fix } : {}) });
    }
  }
  return out;
}, true);

export const singleItemIn = fileRule('single-item-in', 'idiomatic', {
  summary: 'Avoid `in` for single item collection',
  rationale: '`x in {"a"}` is `x == "a"` said in a roundabout way.',
  bad: 'package p\n\nallow if input.role in {"admin"}',
  good: 'package p\n\nallow if input.role == "admin"',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (!isCallExpr(t) || operatorName(t.operator) !== 'internal.member_2') continue;
      const coll = t.args[1].value;
      if ((coll.type === 'array' || coll.type === 'set') && coll.items.length === 1) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const useInOperator = fileRule('use-in-operator', 'idiomatic', {
  summary: 'Use in to check for membership',
  rationale: '`"a" in xs` states membership directly, where `"a" == xs[_]` reads as iteration.',
  bad: 'package p\n\nallow if "admin" == input.roles[_]',
  good: 'package p\n\nallow if "admin" in input.roles',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (e.negated || !isCallExpr(t) || !['equal', 'eq'].includes(operatorName(t.operator)) || t.args.length !== 2) continue;
      const iterIdx = t.args.findIndex((a) => a.value.type === 'ref' && a.value.terms.length > 1 && isWildcard(a.value.terms[a.value.terms.length - 1]) && a.value.terms.slice(1, -1).every((s) => !isWildcard(s)));
      if (iterIdx < 0) continue;
      const other = t.args[1 - iterIdx];
      // `x = xs[_]` with an unbound x iterates and binds; only a comparison is a membership test.
      if (operatorName(t.operator) === 'eq' && !isScalar(other)) continue;
      if (!(isScalar(other) || other.value.type === 'var' || other.value.type === 'ref') || (other.value.type === 'ref' && other.value.terms.some(isWildcard))) continue;
      const ref = t.args[iterIdx];
      const terms = (ref.value as { terms: Term[] }).terms;
      const collText = ctx.text.slice(ref.loc.start, ctx.text.lastIndexOf('[', terms[terms.length - 1].loc.start));
      out.push({ loc: e.loc, fix: [{ start: e.loc.start, end: e.loc.end, newText: `${textOf(ctx, other.loc)} in ${collText}` }] });
    }
  }
  return out;
}, true);

export const useStringsCount = fileRule('use-strings-count', 'idiomatic', {
  summary: 'Use `strings.count` where possible',
  rationale: '`strings.count(s, sub)` is clearer and cheaper than `count(indexof_n(s, sub))`.',
  bad: 'package p\n\nn := count(indexof_n(input.s, "a"))',
  good: 'package p\n\nn := strings.count(input.s, "a")',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const c of ruleCalls(rule)) {
      const arg = c.args[0];
      if (c.name === 'count' && arg && arg.value.type === 'call' && operatorName(arg.value.operator) === 'indexof_n') out.push({ loc: c.loc });
    }
  }
  return out;
});

export const inWildcardKey = fileRule('in-wildcard-key', 'idiomatic', {
  summary: 'Unnecessary wildcard key',
  rationale: '`some _, v in xs` is `some v in xs`.',
  bad: 'package p\n\nallow if {\n\tsome _, v in input.xs\n\tv == 1\n}',
  good: 'package p\n\nallow if {\n\tsome v in input.xs\n\tv == 1\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (isSome(t)) {
        for (const s of t.symbols) if (s.value.type === 'call' && operatorName(s.value.operator) === 'internal.member_3' && isWildcard(s.value.args[0])) out.push({ loc: e.loc });
      } else if (!isTerm(t) && !isCallExpr(t) && t.kind === 'every' && t.key && isWildcard(t.key)) out.push({ loc: e.loc });
    }
  }
  return out;
});

export const useSomeForOutputVars = fileRule('use-some-for-output-vars', 'idiomatic', {
  summary: 'Use `some` to declare output variables',
  rationale: 'An undeclared output var in a ref (`input.xs[i]`) silently captures a rule of the same name if one is added later; `some i` makes the intent explicit.',
  bad: 'package p\n\nallow if {\n\tinput.xs[i] == "a"\n\ti > 0\n}',
  good: 'package p\n\nallow if {\n\tsome i\n\tinput.xs[i] == "a"\n\ti > 0\n}',
}, (ctx) => {
  const globals = globalNames(ctx);
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const ov of ruleOutputVars(rule, globals)) {
      if (!isWildcard(ov.term) && !ov.declared) out.push({ loc: ov.term.loc, description: `Use \`some\` to declare output variable ${(ov.term.value as { name: string }).name}` });
    }
  }
  return out;
});

export const useObjectKeys = fileRule('use-object-keys', 'idiomatic', {
  summary: 'Prefer to use `object.keys`',
  rationale: '`object.keys(o)` says what `{k | some k, _ in o}` computes.',
  bad: 'package p\n\nkeys := {k | some k, _ in input.o}',
  good: 'package p\n\nkeys := object.keys(input.o)',
}, (ctx) => {
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    walkRuleTerms(rule, (t) => {
      const v = t.value;
      if (v.type !== 'setcomprehension' || v.term.value.type !== 'var' || v.body.length !== 1) return;
      const name = v.term.value.name;
      const b = v.body[0].terms;
      if (isSome(b) && b.symbols.length === 1) {
        const s = b.symbols[0].value;
        if (s.type === 'call' && operatorName(s.operator) === 'internal.member_3' && s.args[0].value.type === 'var' && s.args[0].value.name === name && isWildcard(s.args[1])) out.push({ loc: t.loc });
      }
    });
  }
  return out;
});

export const booleanAssignment = fileRule('boolean-assignment', 'idiomatic', {
  summary: 'Prefer `if` over boolean assignment',
  rationale: '`allow := input.x == 1` is undefined rather than false when input.x is missing; `allow if input.x == 1` with a default states that plainly.',
  bad: 'package p\n\nallow := input.role == "admin"',
  good: 'package p\n\nallow if input.role == "admin"',
}, (ctx) => ctx.rules
  .filter((r) => !r.hasBody && !r.default && r.head.value?.value.type === 'call' && COMPARISONS.has(operatorName(r.head.value.value.operator)))
  .map((r) => ({ loc: r.head.loc })));

export const idiomaticExpressionRules = [nonRawRegexPattern, preferEqualsComparison, singleItemIn, useInOperator, useStringsCount, inWildcardKey, useSomeForOutputVars, useObjectKeys, booleanAssignment];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(nonRawRegexPattern, preferEqualsComparison, singleItemIn, useInOperator, useStringsCount, inWildcardKey, useSomeForOutputVars, useObjectKeys, booleanAssignment);
