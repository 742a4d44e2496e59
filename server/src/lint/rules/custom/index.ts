// custom: rules off by default that teams switch on and configure (naming conventions, forbidden
// functions, formatting preferences, metadata requirements).
import type { Term } from '../../../rego';
import { allExprs, assignment, isFunction, isSome, isTestRule, packagePath, ruleCalls, ruleName, termVars } from '../../ast-utils';
import type { Finding } from '../../types';
import { fileRule, markLocal, optNumber, optStrings, textOf } from '../helpers';
import { importPath } from '../imports/imports';

type Target = 'package' | 'rule' | 'function' | 'variable';

export const namingConvention = fileRule('naming-convention', 'custom', {
  summary: 'Naming convention violation',
  rationale: 'Teams can require names to match a pattern per kind of name: `conventions: [{pattern: "^[a-z_]+$", targets: [rule, function]}]`.',
  bad: '# conventions: [{pattern: "^[a-z_]+$", targets: [rule]}]\npackage p\n\nAllow := true',
  good: 'package p\n\nallow := true',
}, (ctx, options) => {
  const conventions = Array.isArray(options.conventions) ? options.conventions as { pattern?: unknown; targets?: unknown }[] : [];
  const out: Finding[] = [];
  for (const c of conventions) {
    if (typeof c.pattern !== 'string' || !Array.isArray(c.targets)) continue;
    let re: RegExp;
    try { re = new RegExp(c.pattern); } catch { continue; }
    const targets = new Set(c.targets.map(String) as Target[]);
    const check = (name: string, t: { loc: { start: number; end: number } }, kind: Target): void => {
      if (targets.has(kind) && !re.test(name)) out.push({ loc: t.loc, description: `Naming convention violation: ${kind} name "${name}" does not match pattern '${c.pattern}'` });
    };
    check(packagePath(ctx.module).join('.'), ctx.module.package, 'package');
    for (const r of ctx.module.rules) {
      check(ruleName(r), r.head.ref[0], isFunction(r) ? 'function' : 'rule');
      for (const e of allExprs(r)) {
        const a = assignment(e);
        const vars: Term[] = a ? termVars(a.target) : isSome(e.terms) ? e.terms.symbols.flatMap((s) => (s.value.type === 'call' ? s.value.args.slice(0, -1).flatMap((x) => termVars(x)) : [s])) : [];
        vars.forEach((v) => { const n = (v.value as { name: string }).name; if (!n.startsWith('$')) check(n, v, 'variable'); });
      }
    }
  }
  return out;
});

export const forbiddenFunctionCall = fileRule('forbidden-function-call', 'custom', {
  summary: 'Forbidden function call',
  rationale: 'Some builtins (`http.send`, `opa.runtime`) may be banned by policy; list them in `forbidden-functions`.',
  bad: '# forbidden-functions: [http.send]\npackage p\n\nr := http.send({"method": "get", "url": "https://x"})',
  good: 'package p\n\nr := input.response',
}, (ctx, options) => {
  const forbidden = new Set(optStrings(options, 'forbidden-functions'));
  if (forbidden.size === 0) return [];
  const out: Finding[] = [];
  for (const r of ctx.rules) for (const c of ruleCalls(r)) if (forbidden.has(c.name)) out.push({ loc: c.operator.loc, description: `Forbidden function call: ${c.name}` });
  return out;
});

export const oneLinerRule = fileRule('one-liner-rule', 'custom', {
  summary: 'Rule body could be made a one-liner',
  rationale: 'A rule whose body is one short condition reads best as `p if cond`.',
  bad: 'package p\n\nallow if {\n\tinput.admin\n}',
  good: 'package p\n\nallow if input.admin',
}, (ctx, options) => {
  const max = optNumber(options, 'max-line-length', 120);
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    if (!r.hasBody || r.body.length !== 1 || r.else || r.default) continue;
    const bodyText = textOf(ctx, r.body[0].loc);
    const ruleText = textOf(ctx, r.loc);
    if (!ruleText.includes('\n') || bodyText.includes('\n') || ruleText.includes('#')) continue;
    const head = textOf(ctx, r.head.loc).replace(/\s+if$/, '');
    if (`${head} if ${bodyText}`.length <= max) out.push({ loc: r.head.loc });
  }
  return out;
});

export const preferValueInHead = fileRule('prefer-value-in-head', 'custom', {
  summary: 'Prefer value in rule head',
  rationale: '`x := v if { …; v := f(y) }` can put `f(y)` in the head: `x := f(y) if { … }`.',
  bad: 'package p\n\nname := n if {\n\tinput.enabled\n\tn := input.name\n}',
  good: 'package p\n\nname := input.name if {\n\tinput.enabled\n}',
}, (ctx) => ctx.rules.filter((r) => {
  const v = r.head.value ?? r.head.key;
  if (!v || v.value.type !== 'var' || r.body.length < 2) return false;
  const a = assignment(r.body[r.body.length - 1]);
  return a !== undefined && a.target.value.type === 'var' && a.target.value.name === v.value.name;
}).map((r) => ({ loc: r.body[r.body.length - 1].loc })));

export const missingMetadata = fileRule('missing-metadata', 'custom', {
  summary: 'Package or rule missing metadata',
  rationale: 'Required metadata (title, description) documents a policy and feeds generated docs and findings.',
  bad: 'package p\n\nallow := true',
  good: '# METADATA\n# title: P\npackage p\n\n# METADATA\n# title: Allow\nallow := true',
}, (ctx) => {
  const out: Finding[] = [];
  const annotated = new Set(ctx.module.annotations.map((a) => a.target));
  const hasPackage = ctx.module.annotations.some((a) => a.target === -1 || a.scope === 'package' || a.scope === 'subpackages');
  if (!hasPackage && !packagePath(ctx.module).slice(-1)[0]?.endsWith('_test')) out.push({ loc: ctx.module.package.loc, description: 'Package missing metadata' });
  const documented = new Set<string>();
  ctx.module.rules.forEach((r, i) => { if (annotated.has(i)) documented.add(ruleName(r)); });
  const reported = new Set<string>();
  for (const r of ctx.module.rules) {
    const n = ruleName(r);
    if (n.startsWith('_') || isTestRule(r) || documented.has(n) || reported.has(n)) continue;
    reported.add(n);
    out.push({ loc: r.head.loc, description: `Rule missing metadata: ${n}` });
  }
  return out;
});

export const chainedRuleBody = fileRule('chained-rule-body', 'custom', {
  summary: 'Avoid chaining rule bodies',
  rationale: '`p { a } { b }` defines p twice; writing both rules out is clearer (and required in v1).',
  bad: 'package p\n\nallow {\n\tinput.a\n} {\n\tinput.b\n}',
  good: 'package p\n\nallow {\n\tinput.a\n}\n\nallow {\n\tinput.b\n}',
}, (ctx) => ctx.rules.filter((r) => r.loc.start !== r.head.ref[0].loc.start && !r.default).map((r) => ({ loc: r.loc })));

export const disallowRegoV1 = fileRule('disallow-rego-v1', 'custom', {
  summary: 'Use of `import rego.v1`',
  rationale: 'In Rego v1 modules `import rego.v1` is a no-op; projects on OPA 1.x can forbid it.',
  bad: 'package p\n\nimport rego.v1',
  good: 'package p',
}, (ctx) => (ctx.regoVersion === 'v1' ? ctx.module.imports.filter((i) => importPath(i) === 'rego.v1').map((i) => ({ loc: i.loc })) : []));

export const customRules = [namingConvention, forbiddenFunctionCall, oneLinerRule, preferValueInHead, missingMetadata, chainedRuleBody, disallowRegoV1];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(forbiddenFunctionCall, oneLinerRule, preferValueInHead, chainedRuleBody);
