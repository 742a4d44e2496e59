// Workspace symbols for Rego: the packages, rules and functions of every .rego file of the
// workspace folders, matched against the query as VS Code's own filter does (the query's
// characters appear in order in the name, ignoring case), so the client's ranking keeps them.
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import { isFunction, isTestRule, ruleRefName } from '../lint/index';
import { LineIndex } from './line-index';
import { pathToUri } from './paths';
import { headNameLoc } from './rego-symbols';
import type { ParsedFile } from './rego-workspace';

/** Enough for any picker; a huge workspace with an empty query is cut here. */
const MAX_SYMBOLS = 2000;

/** True when the characters of `query` occur in `name` in order (case-insensitive). */
export function fuzzyMatches(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let j = 0;
  for (let i = 0; i < n.length && j < q.length; i++) if (n[i] === q[j]) j++;
  return j === q.length;
}

export function workspaceSymbols(files: ParsedFile[], query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const packages = new Set<string>();
  for (const file of files) {
    const module = file.module;
    if (!module) continue;
    const pkg = file.pkg.replace(/^data\./, '');
    let index: LineIndex | undefined;
    const location = (loc: { start: number; end: number }) => {
      index ??= new LineIndex(file.text);
      return { uri: pathToUri(file.path), range: index.rangeOf(loc.start, loc.end) };
    };
    if (!packages.has(pkg) && fuzzyMatches(query, pkg)) {
      packages.add(pkg);
      out.push({ name: pkg, kind: SymbolKind.Package, location: location(module.package.loc) });
    }
    const seen = new Set<string>();
    for (const rule of module.rules) {
      const name = ruleRefName(rule);
      // Incremental definitions in one file are one symbol (the first); other files list their own.
      if (!name || seen.has(name)) continue;
      seen.add(name);
      if (!fuzzyMatches(query, name) && !fuzzyMatches(query, `${pkg}.${name}`)) continue;
      const kind = isTestRule(rule) ? SymbolKind.Method : isFunction(rule) ? SymbolKind.Function : SymbolKind.Variable;
      out.push({ name, kind, containerName: pkg, location: location(headNameLoc(rule)) });
      if (out.length >= MAX_SYMBOLS) return out;
    }
  }
  return out;
}
