// Document symbols (package, rules, functions, tests) and folding ranges for a .rego document,
// read from its parse. A document that does not parse gets what its recovered module still holds.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Module, Rule } from '../rego/index';
import { isFunction, isTestRule, refText, ruleRefName } from '../lint/index';
import { LineIndex } from './line-index';

export function documentSymbols(module: Module | undefined, text: string): DocumentSymbol[] {
  if (!module) return [];
  const index = new LineIndex(text);
  const rules: DocumentSymbol[] = [];
  // Incremental definitions of one rule (several `deny contains …`) are listed once each, in order.
  for (const rule of module.rules) {
    const name = ruleRefName(rule);
    if (!name) continue;
    const range = index.rangeOf(rule.loc.start, lastElse(rule).loc.end);
    const nameLoc = headNameLoc(rule);
    rules.push({
      name,
      detail: ruleDetail(rule),
      kind: isTestRule(rule) ? SymbolKind.Method : isFunction(rule) ? SymbolKind.Function : SymbolKind.Variable,
      range,
      selectionRange: index.rangeOf(nameLoc.start, nameLoc.end),
    });
  }
  const pkgLoc = module.package.loc;
  const pkgName = refText(module.package.path).replace(/^data\./, '');
  const end = Math.max(pkgLoc.end, ...module.rules.map((r) => lastElse(r).loc.end));
  return [
    {
      name: pkgName,
      kind: SymbolKind.Package,
      range: index.rangeOf(pkgLoc.start, end),
      selectionRange: index.rangeOf(pkgLoc.start, pkgLoc.end),
      children: rules,
    },
  ];
}

/** Rules, comment blocks and the import block that span more than one line. */
export function foldingRanges(module: Module | undefined, text: string): FoldingRange[] {
  const index = new LineIndex(text);
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    const s = index.positionAt(start).line;
    const e = index.positionAt(end).line;
    if (e > s) out.push({ startLine: s, endLine: e, ...(kind ? { kind } : {}) });
  };
  if (!module) return out;
  for (const rule of module.rules) add(rule.loc.start, lastElse(rule).loc.end);
  if (module.imports.length > 1) add(module.imports[0].loc.start, module.imports[module.imports.length - 1].loc.end, FoldingRangeKind.Imports);
  // Runs of comment lines (METADATA blocks, explanations).
  let run: { start: number; end: number; line: number } | undefined;
  for (const c of module.comments) {
    const line = index.positionAt(c.loc.start).line;
    if (run && line === run.line + 1) {
      run.end = c.loc.end;
      run.line = line;
      continue;
    }
    if (run) add(run.start, run.end, FoldingRangeKind.Comment);
    run = { start: c.loc.start, end: c.loc.end, line };
  }
  if (run) add(run.start, run.end, FoldingRangeKind.Comment);
  return out.sort((a, b) => a.startLine - b.startLine);
}

export function lastElse(rule: Rule): Rule {
  let r = rule;
  while (r.else) r = r.else;
  return r;
}

/** Where a rule's name is written: its head ref up to the last static segment. */
export function headNameLoc(rule: Rule): { start: number; end: number } {
  const ref = rule.head.ref;
  let last = ref[0];
  for (const t of ref.slice(1)) {
    if (t.value.type !== 'string') break;
    last = t;
  }
  return { start: ref[0].loc.start, end: last.loc.end };
}

function ruleDetail(rule: Rule): string {
  if (isTestRule(rule)) return 'test';
  if (isFunction(rule)) return 'function';
  if (rule.default) return 'default rule';
  if (rule.head.contains || (rule.head.key && !rule.head.value)) return 'partial set';
  return 'rule';
}
