// bugs: rules about rule definitions, functions, imports and metadata.
import { getBuiltin, type Loc, type Rule, type Term } from '../../../rego';
import { allExprs, isFunction, isTerm, isWildcard, refText, ruleName, walkRuleTerms } from '../../ast-utils';
import type { Finding } from '../../types';
import { fileRule, markLocal, textOf } from '../helpers';

const normalize = (s: string): string => s.replace(/#[^\n]*/g, '').replace(/\s+/g, ' ').trim();

export const duplicateRule = fileRule('duplicate-rule', 'bugs', {
  summary: 'Duplicate rule found',
  rationale: 'Two identical rule definitions are redundant, and usually one of them was meant to differ.',
  bad: 'package p\n\nallow if input.admin\n\nallow if input.admin',
  good: 'package p\n\nallow if input.admin',
}, (ctx) => {
  const out: Finding[] = [];
  const seen = new Map<string, Rule>();
  // Identical texts start with the same rule name, so only names defined twice need comparing.
  const nameCount = new Map<string, number>();
  for (const rule of ctx.module.rules) nameCount.set(ruleName(rule), (nameCount.get(ruleName(rule)) ?? 0) + 1);
  for (const rule of ctx.module.rules) {
    if (nameCount.get(ruleName(rule))! < 2) continue;
    const key = normalize(textOf(ctx, rule.loc));
    const first = seen.get(key);
    if (first) out.push({ loc: rule.head.loc, description: `Duplicate rule found at line ${ctx.index.position(first.loc.start).row}` });
    else seen.set(key, rule);
  }
  return out;
});

function bodyObject(rule: Rule, empty: boolean): boolean {
  if (!rule.hasBody || rule.body.length !== 1) return false;
  const t = rule.body[0].terms;
  return isTerm(t) && t.value.type === 'object' && (t.value.items.length === 0) === empty;
}

export const ifEmptyObject = fileRule('if-empty-object', 'bugs', {
  summary: 'Empty object following `if`',
  rationale: '`p if {}` is an empty object literal, which is always true — not an empty body.',
  bad: 'package p\n\nallow if {}',
  good: 'package p\n\nallow := true',
}, (ctx) => ctx.rules.filter((r) => bodyObject(r, true)).map((r) => ({ loc: r.loc })));

export const ifObjectLiteral = fileRule('if-object-literal', 'bugs', {
  summary: 'Object literal following `if`',
  rationale: '`p if {"a": 1}` has an object literal as its body: always true, certainly not what was meant.',
  bad: 'package p\n\nallow if {"user": "admin"}',
  good: 'package p\n\nallow if input.user == "admin"',
}, (ctx) => ctx.rules.filter((r) => bodyObject(r, false)).map((r) => ({ loc: r.body[0].loc })));

export const impossibleNot = fileRule('impossible-not', 'bugs', {
  summary: 'Impossible `not` condition',
  rationale: 'A multi-value rule (`deny contains …`) is always defined (possibly as an empty set), so `not deny` is never true.',
  bad: 'package p\n\ndeny contains "x" if input.x\n\nallow if not deny',
  good: 'package p\n\ndeny contains "x" if input.x\n\nallow if count(deny) == 0',
}, (ctx) => {
  const multi = new Set(ctx.module.rules.filter((r) => r.head.key !== undefined && r.head.value === undefined && r.head.ref.length === 1).map(ruleName));
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    for (const e of allExprs(rule)) {
      const t = e.terms;
      if (!e.negated || !isTerm(t)) continue;
      const name = t.value.type === 'var' ? t.value.name : t.value.type === 'ref' && t.value.terms.length === 1 && t.value.terms[0].value.type === 'var' ? t.value.terms[0].value.name : undefined;
      if (name && multi.has(name)) out.push({ loc: e.loc });
    }
  }
  return out;
});

function functionsByName(rules: Rule[]): Map<string, Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const r of rules) {
    if (!isFunction(r)) continue;
    const n = ruleName(r);
    map.set(n, [...(map.get(n) ?? []), r]);
  }
  return map;
}

export const inconsistentArgs = fileRule('inconsistent-args', 'bugs', {
  summary: 'Inconsistently named function arguments',
  rationale: 'Definitions of the same function should name each argument position the same way, or readers mix them up.',
  bad: 'package p\n\nf(a, b) if a > b\n\nf(b, a) if a < b',
  good: 'package p\n\nf(a, b) if a > b\n\nf(a, b) if a < b',
}, (ctx) => {
  const out: Finding[] = [];
  for (const defs of functionsByName(ctx.module.rules).values()) {
    if (defs.length < 2) continue;
    const arity = defs[0].head.args!.length;
    for (let i = 0; i < arity; i++) {
      const names = new Set<string>();
      for (const d of defs) {
        const a = d.head.args![i];
        if (a && a.value.type === 'var' && !isWildcard(a)) names.add(a.value.name);
      }
      if (names.size > 1) {
        out.push({ loc: defs[defs.length - 1].head.loc });
        break;
      }
    }
  }
  return out;
});

export const argumentAlwaysWildcard = fileRule('argument-always-wildcard', 'bugs', {
  summary: 'Argument is always a wildcard',
  rationale: 'A function argument that is `_` in every definition is never used: drop it.',
  bad: 'package p\n\nf(x, _) := x + 1',
  good: 'package p\n\nf(x) := x + 1',
}, (ctx, options) => {
  const except = typeof options['except-function-name-pattern'] === 'string' && options['except-function-name-pattern'] !== '' ? new RegExp(String(options['except-function-name-pattern'])) : undefined;
  const out: Finding[] = [];
  for (const [name, defs] of functionsByName(ctx.module.rules)) {
    if (except?.test(name)) continue;
    const arity = defs[0].head.args!.length;
    for (let i = 0; i < arity; i++) {
      if (defs.every((d) => d.head.args![i] && isWildcard(d.head.args![i]))) out.push({ loc: defs[0].head.args![i].loc });
    }
  }
  return out;
});

export const zeroArityFunction = fileRule('zero-arity-function', 'bugs', {
  summary: 'Avoid functions without args',
  rationale: 'A function without arguments is a rule in disguise, and cannot be cached like one.',
  bad: 'package p\n\nf() := 1',
  good: 'package p\n\nf := 1',
}, (ctx) => ctx.rules.filter((r) => r.head.args?.length === 0).map((r) => ({ loc: r.head.loc })));

export const ruleNamedIf = fileRule('rule-named-if', 'bugs', {
  summary: 'Rule named "if"',
  rationale: 'In Rego v0 without `import rego.v1`, `allow if { … }` defines a second rule named `if`.',
  bad: 'package p\n\nallow := true if {\n\tinput.x\n}',
  good: 'package p\n\nimport rego.v1\n\nallow if {\n\tinput.x\n}',
}, (ctx) => ctx.rules.filter((r) => ruleName(r) === 'if').map((r) => ({ loc: r.head.loc })));

export const ruleShadowsBuiltin = fileRule('rule-shadows-builtin', 'bugs', {
  summary: 'Rule name shadows built-in',
  rationale: 'A rule named like a builtin (`count`, `contains`) hides the builtin in its package.',
  bad: 'package p\n\ncount := 1',
  good: 'package p\n\nitems_count := 1',
}, (ctx) => ctx.rules.filter((r) => r.head.ref.length === 1 && getBuiltin(ruleName(r)) !== undefined).map((r) => ({ loc: r.head.ref[0].loc })));

export const ruleAssignsDefault = fileRule('rule-assigns-default', 'bugs', {
  summary: 'Rule assigned its default value',
  rationale: 'A rule that assigns the same value as its `default` has no effect.',
  bad: 'package p\n\ndefault allow := false\n\nallow := false if input.x',
  good: 'package p\n\ndefault allow := false\n\nallow if input.x',
}, (ctx) => {
  const defaults = new Map<string, string>();
  for (const r of ctx.module.rules) if (r.default && r.head.value) defaults.set(refText(r.head.ref), normalize(textOf(ctx, r.head.value.loc)));
  return ctx.module.rules
    .filter((r) => !r.default && !r.head.generatedValue && r.head.value && defaults.get(refText(r.head.ref)) === normalize(textOf(ctx, r.head.value.loc)))
    .map((r) => ({ loc: r.head.loc }));
});

export const importShadowsRule = fileRule('import-shadows-rule', 'bugs', {
  summary: 'Import shadows rule',
  rationale: 'An import whose name equals a rule of the module makes references to that name ambiguous.',
  bad: 'package p\n\nimport data.users\n\nusers := []',
  good: 'package p\n\nimport data.users\n\nlocal_users := []',
}, (ctx) => {
  const rules = new Set(ctx.module.rules.map(ruleName));
  const out: Finding[] = [];
  for (const imp of ctx.module.imports) {
    const p = imp.path.value;
    if (p.type !== 'ref' || (p.terms[0].value.type === 'var' && p.terms[0].value.name !== 'data')) continue;
    const last = p.terms[p.terms.length - 1].value;
    const name = imp.alias ?? (last.type === 'string' ? last.value : '');
    if (rules.has(name)) out.push({ loc: imp.loc });
  }
  return out;
});

export const leakedInternalReference = fileRule('leaked-internal-reference', 'bugs', {
  summary: 'Outside reference to internal rule or function',
  rationale: 'Rules and functions whose names start with `_` are internal to their package; referencing them from elsewhere couples packages to private details.',
  bad: 'package p\n\nallow if data.other._helper',
  good: 'package p\n\nallow if data.other.helper',
}, (ctx) => {
  const own = refText(ctx.module.package.path);
  const out: Finding[] = [];
  const check = (terms: Term[], loc: Loc): void => {
    const head = terms[0].value;
    if (head.type !== 'var' || head.name !== 'data' || refText(terms).startsWith(`${own}.`)) return;
    if (terms.slice(1).some((t) => t.value.type === 'string' && t.value.value.startsWith('_'))) out.push({ loc });
  };
  for (const imp of ctx.module.imports) if (imp.path.value.type === 'ref') check(imp.path.value.terms, imp.loc);
  for (const rule of ctx.module.rules) walkRuleTerms(rule, (t) => { if (t.value.type === 'ref') check(t.value.terms, t.loc); });
  return out;
});

const METADATA_ATTRIBUTES = new Set(['scope', 'title', 'description', 'related_resources', 'authors', 'organizations', 'schemas', 'entrypoint', 'custom', 'compile']);

export const invalidMetadataAttribute = fileRule('invalid-metadata-attribute', 'bugs', {
  summary: 'Invalid attribute in metadata annotation',
  rationale: 'OPA ignores attributes it does not know; put custom data under `custom:`.',
  bad: 'package p\n\n# METADATA\n# title: Allow\n# severity: high\nallow := true',
  good: 'package p\n\n# METADATA\n# title: Allow\n# custom:\n#   severity: high\nallow := true',
}, (ctx) => {
  const out: Finding[] = [];
  for (const a of ctx.module.annotations) {
    for (const key of Object.keys(a.fields)) {
      if (!METADATA_ATTRIBUTES.has(key)) out.push({ loc: a.loc, description: `Invalid attribute in metadata annotation: ${key}` });
    }
  }
  return out;
});

export const internalEntrypoint = fileRule('internal-entrypoint', 'bugs', {
  summary: 'Entrypoint cannot be marked internal',
  rationale: 'An entrypoint is queried from outside; a leading `_` marks it internal, which contradicts that.',
  bad: 'package p\n\n# METADATA\n# entrypoint: true\n_allow := true',
  good: 'package p\n\n# METADATA\n# entrypoint: true\nallow := true',
}, (ctx) => ctx.module.annotations
  .filter((a) => a.fields.entrypoint === true && a.target >= 0 && ruleName(ctx.module.rules[a.target]).startsWith('_'))
  .map((a) => ({ loc: ctx.module.rules[a.target].head.loc })));

const ANNOTATION_KEY = /^\s*(scope|title|description|related_resources|authors|organizations|schemas|entrypoint|custom):/;

export const annotationWithoutMetadata = fileRule('annotation-without-metadata', 'bugs', {
  summary: 'Annotation without metadata',
  rationale: 'A comment that looks like an annotation (`# title: …`) is ignored unless the block starts with `# METADATA`.',
  bad: 'package p\n\n# title: Allow\nallow := true',
  good: 'package p\n\n# METADATA\n# title: Allow\nallow := true',
}, (ctx) => {
  const out: Finding[] = [];
  const rows = ctx.comments.map((c) => ({ c, row: ctx.index.position(c.loc.start).row }));
  rows.forEach(({ c, row }, i) => {
    if (!ANNOTATION_KEY.test(c.text)) return;
    // Only the first comment of a block counts; a block already headed by METADATA is an annotation.
    const prev = rows[i - 1];
    if (prev && prev.row === row - 1) return;
    const line = ctx.lines[row - 1] ?? '';
    if (line.trimStart().startsWith('#')) out.push({ loc: c.loc });
  });
  return out;
});

export const bugsRuleRules = [duplicateRule, ifEmptyObject, ifObjectLiteral, impossibleNot, inconsistentArgs, argumentAlwaysWildcard, zeroArityFunction, ruleNamedIf, ruleShadowsBuiltin, ruleAssignsDefault, importShadowsRule, leakedInternalReference, invalidMetadataAttribute, internalEntrypoint, annotationWithoutMetadata];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(ifEmptyObject, ifObjectLiteral, impossibleNot, zeroArityFunction, ruleNamedIf, ruleShadowsBuiltin);
