// imports (and one idiomatic rule) that need every file: imports resolved against all packages
// and rules given to the linter.
import type { Loc } from '../../../rego';
import { refText, ruleRefName } from '../../ast-utils';
import { globMatches } from '../../config/glob';
import type { AggregateFinding, AggregateRule, Category, FileContext, RuleDocs } from '../../types';
import { optStrings } from '../helpers';
import { importPath } from './imports';

/** What the import rules need to know about one file. JSON-safe, so it can be cached. */
export interface ModuleSummary {
  package: string;
  packageLoc: Loc;
  imports: { path: string; loc: Loc }[];
  /** Full paths of the module's rules (`data.a.b.allow`). */
  rules: string[];
  entrypoint: boolean;
}

const summaries = new WeakMap<FileContext, ModuleSummary>();

/** The file's summary, made once per context: every aggregate rule collects the same one (read-only). */
export function summarize(ctx: FileContext): ModuleSummary {
  let summary = summaries.get(ctx);
  if (!summary) summaries.set(ctx, (summary = computeSummary(ctx)));
  return summary;
}

function computeSummary(ctx: FileContext): ModuleSummary {
  const pkg = refText(ctx.module.package.path);
  return {
    package: pkg,
    packageLoc: ctx.module.package.loc,
    imports: ctx.module.imports.map((i) => ({ path: importPath(i), loc: i.loc })).filter((i) => i.path.startsWith('data.')),
    rules: [...new Set(ctx.module.rules.map((r) => `${pkg}.${ruleRefName(r)}`))],
    entrypoint: ctx.module.annotations.some((a) => a.fields.entrypoint === true),
  };
}

function aggregateRule(name: string, category: Category, docs: RuleDocs, report: AggregateRule<ModuleSummary>['report']): AggregateRule<ModuleSummary> {
  return { kind: 'aggregate', meta: { name, category, docs }, collect: summarize, report };
}

interface Index {
  packages: Set<string>;
  rules: Set<string>;
  /** Every package and each of its ancestors (`data.lib` of `data.lib.net`). */
  namespaces: Set<string>;
}

function indexOf(entries: { data: ModuleSummary }[]): Index {
  const packages = new Set(entries.map((e) => e.data.package));
  const namespaces = new Set<string>();
  for (const p of packages) for (const prefix of prefixesOf(p)) namespaces.add(prefix);
  return { packages, rules: new Set(entries.flatMap((e) => e.data.rules)), namespaces };
}

/** `a.b.c`, `a.b`, `a`: the path and its ancestors, longest first (lookups stay O(depth)). */
function prefixesOf(path: string): string[] {
  const out = [path];
  for (let i = path.lastIndexOf('.'); i > 0; i = path.lastIndexOf('.', i - 1)) out.push(path.slice(0, i));
  return out;
}

/** The longest known package `path` falls in, if any. */
function packageOf(path: string, idx: Index): string | undefined {
  return prefixesOf(path).find((p) => idx.packages.has(p));
}

/** True when `path` is a known rule or lies inside one's value (`data.p.rule.field`). */
function insideRule(path: string, idx: Index): boolean {
  return prefixesOf(path).some((p) => idx.rules.has(p));
}

function resolves(path: string, idx: Index): boolean {
  if (idx.packages.has(path) || idx.rules.has(path)) return true;
  // A namespace above packages (`import data.lib` with `package lib.net`) or a path into a rule's value.
  return idx.namespaces.has(path) || insideRule(path, idx);
}

export const unresolvedImport = aggregateRule('unresolved-import', 'imports', {
  summary: 'Unresolved import',
  rationale: 'An import that matches no package or rule in the linted files is a typo or a missing file. Data documents outside Rego can be listed in `except-imports`.',
  bad: 'package p\n\nimport data.nowhere.to.be.found',
  good: 'package p\n\nimport data.lib.net',
}, (entries, options) => {
  const idx = indexOf(entries);
  const except = optStrings(options, 'except-imports');
  const out: AggregateFinding[] = [];
  for (const e of entries) {
    for (const i of e.data.imports) {
      if (resolves(i.path, idx) || except.some((g) => globMatches(g, i.path) || globMatches(g, i.path.replace(/^data\./, '')))) continue;
      out.push({ file: e.file, loc: i.loc, description: `Unresolved import: ${i.path}` });
    }
  }
  return out;
});

export const preferPackageImports = aggregateRule('prefer-package-imports', 'imports', {
  summary: 'Prefer importing packages over rules',
  rationale: 'Importing a package and referring to `pkg.rule` shows where a rule comes from; importing the rule itself hides it.',
  bad: 'package p\n\nimport data.lib.net.is_public',
  good: 'package p\n\nimport data.lib.net',
}, (entries, options) => {
  const idx = indexOf(entries);
  const ignore = optStrings(options, 'ignore-import-paths');
  const out: AggregateFinding[] = [];
  for (const e of entries) {
    for (const i of e.data.imports) {
      if (idx.packages.has(i.path) || ignore.includes(i.path)) continue;
      if (packageOf(i.path, idx) !== undefined && insideRule(i.path, idx)) out.push({ file: e.file, loc: i.loc });
    }
  }
  return out;
});

export const circularImport = aggregateRule('circular-import', 'imports', {
  summary: 'Circular import',
  rationale: 'Packages that import each other (directly or through others) cannot be understood or tested in isolation, and OPA rejects recursive rules across them.',
  bad: '# a.rego\npackage a\n\nimport data.b\n\n# b.rego\npackage b\n\nimport data.a',
  good: '# a.rego\npackage a\n\nimport data.b\n\n# b.rego\npackage b',
}, (entries) => {
  const idx = indexOf(entries);
  const edges = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const i of e.data.imports) {
      const target = packageOf(i.path, idx);
      if (!target || target === e.data.package) continue;
      edges.set(e.data.package, (edges.get(e.data.package) ?? new Set()).add(target));
    }
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
    return false;
  };
  const out: AggregateFinding[] = [];
  for (const e of entries) {
    for (const i of e.data.imports) {
      const target = packageOf(i.path, idx);
      if (target && target !== e.data.package && reaches(target, e.data.package)) out.push({ file: e.file, loc: i.loc, description: `Circular import: ${e.data.package} → ${target} → … → ${e.data.package}` });
    }
  }
  return out;
});

export const noDefinedEntrypoint = aggregateRule('no-defined-entrypoint', 'idiomatic', {
  summary: 'Missing entrypoint annotation',
  rationale: 'Marking the rules a policy is queried through with `entrypoint: true` documents them and lets `opa build` and optimisers keep exactly those.',
  bad: 'package p\n\nallow := true',
  good: 'package p\n\n# METADATA\n# entrypoint: true\nallow := true',
}, (entries) => {
  if (entries.some((e) => e.data.entrypoint)) return [];
  const first = [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))[0];
  return [{ file: first.file, loc: first.data.packageLoc }];
});

export const aggregateRules = [unresolvedImport, preferPackageImports, circularImport, noDefinedEntrypoint];
