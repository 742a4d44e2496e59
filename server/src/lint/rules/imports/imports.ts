// imports: per-file rules about import statements.
import { getBuiltin, type Import } from '../../../rego';
import { refText, walkRuleTerms } from '../../ast-utils';
import type { FileContext, Finding } from '../../types';
import { fileRule, markLocal } from '../helpers';

export function importPath(imp: Import): string {
  return imp.path.value.type === 'ref' ? refText(imp.path.value.terms) : imp.path.value.type === 'var' ? imp.path.value.name : '';
}

/** The name an import binds: its alias, or the last segment of its path. */
export function importName(imp: Import): string {
  if (imp.alias) return imp.alias;
  const p = importPath(imp);
  return p.slice(p.lastIndexOf('.') + 1);
}

const isKeywordImport = (imp: Import): boolean => {
  const p = importPath(imp);
  return p === 'rego.v1' || p === 'future.keywords' || p.startsWith('future.keywords.');
};

export const avoidImportingInput = fileRule('avoid-importing-input', 'imports', {
  summary: 'Avoid importing input',
  rationale: 'Importing `input` hides where values come from; `input.x` in the body is explicit. An aliased sub-attribute import is allowed.',
  bad: 'package p\n\nimport input\n\nallow if input.x',
  good: 'package p\n\nallow if input.x',
}, (ctx) => ctx.module.imports.filter((i) => {
  const p = importPath(i);
  return p === 'input' || (p.startsWith('input.') && !i.alias);
}).map((i) => ({ loc: i.loc })));

export const confusingAlias = fileRule('confusing-alias', 'imports', {
  summary: 'Confusing alias of existing import',
  rationale: 'Importing the same path twice, once under an alias, gives one thing two names.',
  bad: 'package p\n\nimport data.users\nimport data.users as u',
  good: 'package p\n\nimport data.users',
}, (ctx) => {
  const out: Finding[] = [];
  const byPath = new Map<string, Import[]>();
  for (const i of ctx.module.imports) byPath.set(importPath(i), [...(byPath.get(importPath(i)) ?? []), i]);
  for (const list of byPath.values()) if (list.length > 1 && list.some((i) => i.alias)) list.filter((i) => i.alias).forEach((i) => out.push({ loc: i.loc }));
  return out;
});

export const ignoredImport = fileRule('ignored-import', 'imports', {
  summary: 'Reference ignores import',
  rationale: 'Writing the full path of something already imported ignores the import; use the imported name.',
  bad: 'package p\n\nimport data.users\n\nallow if data.users[input.name]',
  good: 'package p\n\nimport data.users\n\nallow if users[input.name]',
}, (ctx) => {
  const imported = ctx.module.imports.map(importPath).filter((p) => p.startsWith('data.') || p.startsWith('input.'));
  if (imported.length === 0) return [];
  const out: Finding[] = [];
  for (const rule of ctx.rules) {
    walkRuleTerms(rule, (t) => {
      if (t.value.type !== 'ref') return;
      const text = refText(t.value.terms);
      const hit = imported.find((p) => text === p || text.startsWith(`${p}.`) || text.startsWith(`${p}[`));
      if (hit) out.push({ loc: t.loc, description: `Reference ignores import of ${hit}` });
    });
  }
  return out;
});

export const implicitFutureKeywords = fileRule('implicit-future-keywords', 'imports', {
  summary: 'Use explicit future keyword imports',
  rationale: '`import future.keywords` pulls in every future keyword, including ones added later; import `rego.v1` or each keyword.',
  bad: 'package p\n\nimport future.keywords',
  good: 'package p\n\nimport rego.v1',
}, (ctx) => ctx.module.imports.filter((i) => importPath(i) === 'future.keywords').map((i) => ({ loc: i.loc })));

export const importAfterRule = fileRule('import-after-rule', 'imports', {
  summary: 'Import declared after rule',
  rationale: 'Imports belong at the top of the module, after the package; one further down is easy to miss.',
  bad: 'package p\n\nallow := true\n\nimport data.users',
  good: 'package p\n\nimport data.users\n\nallow := true',
}, (ctx) => {
  const first = ctx.module.rules.reduce((m, r) => Math.min(m, r.loc.start), Infinity);
  return ctx.module.imports.filter((i) => i.loc.start > first).map((i) => ({ loc: i.loc }));
});

export const importShadowsBuiltin = fileRule('import-shadows-builtin', 'imports', {
  summary: 'Import shadows built-in namespace',
  rationale: 'An import named like a builtin (`import data.count`) hides the builtin in the module.',
  bad: 'package p\n\nimport data.lib.count',
  good: 'package p\n\nimport data.lib',
}, (ctx) => ctx.module.imports.filter((i) => !isKeywordImport(i) && getBuiltin(importName(i)) !== undefined).map((i) => ({ loc: i.loc })));

export const importShadowsImport = fileRule('import-shadows-import', 'imports', {
  summary: 'Import shadows another import',
  rationale: 'Two imports binding the same name: the second one hides the first.',
  bad: 'package p\n\nimport data.a.users\nimport data.b.users',
  good: 'package p\n\nimport data.a.users\nimport data.b.users as b_users',
}, (ctx) => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const i of ctx.module.imports) {
    if (isKeywordImport(i)) continue;
    const n = importName(i);
    if (seen.has(n)) out.push({ loc: i.loc });
    seen.add(n);
  }
  return out;
});

export const pointlessImport = fileRule('pointless-import', 'imports', {
  summary: 'Importing own package is pointless',
  rationale: 'Rules of the module\'s own package are already in scope by name.',
  bad: 'package p\n\nimport data.p.allow',
  good: 'package p',
}, (ctx) => {
  const own = refText(ctx.module.package.path);
  return ctx.module.imports.filter((i) => importPath(i) === own || importPath(i).startsWith(`${own}.`)).map((i) => ({ loc: i.loc }));
});

export const redundantAlias = fileRule('redundant-alias', 'imports', {
  summary: 'Redundant alias',
  rationale: '`import data.a.b as b` names the import what it would be called anyway.',
  bad: 'package p\n\nimport data.users.roles as roles',
  good: 'package p\n\nimport data.users.roles',
}, (ctx) => ctx.module.imports.filter((i) => {
  const p = importPath(i);
  return i.alias !== undefined && i.alias === p.slice(p.lastIndexOf('.') + 1);
}).map((i) => ({ loc: i.loc, fix: [{ start: i.path.loc.end, end: i.loc.end, newText: '' }] })), true);

export const redundantDataImport = fileRule('redundant-data-import', 'imports', {
  summary: 'Redundant import of data',
  rationale: '`data` is always in scope; `import data` does nothing.',
  bad: 'package p\n\nimport data',
  good: 'package p',
}, (ctx) => ctx.module.imports.filter((i) => importPath(i) === 'data' && !i.alias).map((i) => ({ loc: i.loc })));

function importsRegoV1(ctx: FileContext): boolean {
  return ctx.module.imports.some((i) => importPath(i) === 'rego.v1');
}

export const useRegoV1 = fileRule('use-rego-v1', 'imports', {
  summary: 'Use `import rego.v1`',
  rationale: 'A v0 module importing `rego.v1` gets v1 keywords and checks, so it keeps working under OPA 1.x.',
  bad: 'package p\n\nallow {\n\tinput.x\n}',
  good: 'package p\n\nimport rego.v1\n\nallow if {\n\tinput.x\n}',
}, (ctx) => (ctx.regoVersion === 'v0' && !importsRegoV1(ctx) ? [{ loc: ctx.module.package.loc }] : []));

export const importFileRules = [avoidImportingInput, confusingAlias, ignoredImport, implicitFutureKeywords, importAfterRule, importShadowsBuiltin, importShadowsImport, pointlessImport, redundantAlias, redundantDataImport, useRegoV1];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(ignoredImport);
