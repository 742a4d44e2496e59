// Rename for .rego documents: a local variable within the scope that binds it (rego-scopes.ts),
// or a rule/function across every file of the folder tree: its definitions, references by plain
// name in its package, `data.pkg.rule` refs, import paths, and uses through an import that has no
// `as` alias (the implicit alias changes with the path). Uses through an explicit alias are left
// as they are. Refused on builtins, keywords, `input`/`data`, packages, and when the new name
// would collide with a rule, package, import alias or local of the affected files.
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { getBuiltin, type Rule, type Term } from '../rego/index';
import { ruleRefName, walkRuleTerms } from '../lint/index';
import { LineIndex } from './line-index';
import { pathToUri } from './paths';
import { definitions, globalNames, importAliases, nameAt, resolveAt, resolveName, type RegoScope } from './rego-navigation';
import { localAt, ruleLocals, type LocalVar } from './rego-scopes';
import { lastElse } from './rego-symbols';
import { isPathPrefix, rulePath, staticRefPath, type ParsedFile } from './rego-workspace';

export const REGO_KEYWORDS = new Set(['package', 'import', 'default', 'if', 'contains', 'else', 'some', 'every', 'in', 'not', 'with', 'as', 'true', 'false', 'null', 'input', 'data', 'future', 'rego']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What the cursor names, when it can be renamed. */
type Target =
  | { kind: 'local'; rule: Rule; variable: LocalVar; start: number; end: number }
  | { kind: 'rule'; path: string; start: number; end: number };

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

function targetAt(scope: RegoScope, offset: number): Target | undefined {
  const doc = scope.doc;
  const at = nameAt(doc.text, offset);
  if (!at || !doc.module) return undefined;
  const word = wordAt(doc.text, offset);
  if (!word || REGO_KEYWORDS.has(word.text)) return undefined;
  const rule = doc.module.rules.find((r) => r.loc.start <= offset && offset <= lastElse(r).loc.end);
  if (rule && !at.name.includes('.')) {
    const globals = globalNames(doc, scope.files);
    const variable = localAt(ruleLocals(rule, (n) => globals.has(n)), offset);
    if (variable) return { kind: 'local', rule, variable, start: word.start, end: word.end };
  }
  const resolved = resolveAt(scope, offset);
  if (!resolved || resolved.isPackage || resolved.defs.length === 0) return undefined;
  // Only the segment that is the rule's own name (not a package segment or an alias) is renamed.
  if (resolved.target.slice(resolved.target.lastIndexOf('.') + 1) !== word.text) return undefined;
  if (!at.name.endsWith(word.text)) return undefined;
  return { kind: 'rule', path: resolved.target, start: word.start, end: word.end };
}

export function prepareRenameAt(scope: RegoScope, offset: number): { range: Range; placeholder: string } | null {
  const target = targetAt(scope, offset);
  if (!target) return null;
  const index = new LineIndex(scope.doc.text);
  return { range: index.rangeOf(target.start, target.end), placeholder: scope.doc.text.slice(target.start, target.end) };
}

export function renameAt(scope: RegoScope, offset: number, newName: string): RenameResult {
  const target = targetAt(scope, offset);
  if (!target) return { error: 'Only local variables and rules or functions of the workspace can be renamed here.' };
  if (!IDENTIFIER.test(newName)) return { error: `"${newName}" is not a valid Rego name.` };
  if (REGO_KEYWORDS.has(newName)) return { error: `"${newName}" is a keyword.` };
  if (getBuiltin(newName)) return { error: `"${newName}" would shadow the builtin function ${newName}.` };
  return target.kind === 'local' ? renameLocal(scope, target.rule, target.variable, newName) : renameRule(scope, target.path, newName);
}

function renameLocal(scope: RegoScope, rule: Rule, variable: LocalVar, newName: string): RenameResult {
  if (newName === variable.name) return { edit: { changes: {} } };
  const doc = scope.doc;
  const globals = globalNames(doc, scope.files);
  if (globals.has(newName)) return { error: `"${newName}" is already a rule or import of this module.` };
  const clash = ruleLocals(rule, (n) => globals.has(n)).some((v) => v.name === newName);
  if (clash) return { error: `"${newName}" is already a variable of this rule.` };
  const index = new LineIndex(doc.text);
  const edits = variable.occurrences.map((t) => ({ range: index.rangeOf(t.loc.start, t.loc.end), newText: newName }));
  return { edit: { changes: { [pathToUri(doc.path)]: edits } } };
}

function renameRule(scope: RegoScope, target: string, newName: string): RenameResult {
  const parent = target.slice(0, target.lastIndexOf('.'));
  const renamed = `${parent}.${newName}`;
  if (renamed === target) return { edit: { changes: {} } };
  const defs = definitions(scope.files);
  if (defs.some((d) => d.path === renamed || isPathPrefix(renamed, d.path)) || scope.files.some((f) => isPathPrefix(renamed, f.pkg))) {
    return { error: `"${renamed.replace(/^data\./, '')}" already exists.` };
  }
  const packageRules = new Set(defs.map((d) => d.path));
  const changes: Record<string, TextEdit[]> = {};
  const oldName = target.slice(target.lastIndexOf('.') + 1);
  for (const file of scope.files) {
    // Files that never write the name cannot reference the rule: skip their walk.
    if (!file.module || !file.text.includes(oldName)) continue;
    const spans = ruleRenameSpans(file, target, packageRules);
    if (spans.length === 0) continue;
    // A plain `newName` in this file must not be captured by an alias or a local of that name.
    const collision = collisionIn(file, scope.files, newName, spans);
    if (collision) return { error: collision };
    const index = new LineIndex(file.text);
    changes[pathToUri(file.path)] = spans.map((s) => ({
      range: index.rangeOf(s.start, s.end),
      newText: file.text[s.start] === '"' ? JSON.stringify(newName) : newName,
    }));
  }
  return { edit: { changes } };
}

function collisionIn(file: ParsedFile, files: ParsedFile[], newName: string, spans: { start: number; end: number }[]): string | undefined {
  const plain = spans.some((s) => file.text.slice(s.start, s.end) !== '' && !isAfterDot(file.text, s.start));
  if (!plain) return undefined;
  if (importAliases(file.module).has(newName)) return `"${newName}" is an import alias in ${file.path}.`;
  const globals = globalNames(file, files);
  for (const rule of file.module?.rules ?? []) {
    if (ruleLocals(rule, (n) => globals.has(n)).some((v) => v.name === newName)) return `"${newName}" is a local variable in ${file.path}.`;
  }
  return undefined;
}

function isAfterDot(text: string, start: number): boolean {
  return text[start - 1] === '.' || text[start - 1] === '[';
}

/** Spans in `file` holding the last segment of rule path `target`, to be replaced by the new name. */
export function ruleRenameSpans(file: ParsedFile, target: string, packageRules: Set<string>): { start: number; end: number }[] {
  const module = file.module;
  if (!module) return [];
  const depth = target.split('.').length;
  const explicitAliases = new Set(module.imports.filter((i) => i.alias).map((i) => i.alias!));
  const out = new Map<number, { start: number; end: number }>();
  const push = (t: Term) => out.set(t.loc.start, { start: t.loc.start, end: t.loc.end });
  for (const imp of module.imports) {
    if (imp.path.value.type !== 'ref') continue;
    const terms = imp.path.value.terms;
    const path = staticRefPath(terms);
    if (isPathPrefix(target, path) && terms[depth - 1]) push(terms[depth - 1]);
  }
  const globals = globalNames(file, []);
  for (const rule of module.rules) {
    if (rulePath(file.pkg, rule) === target) {
      const segments = ruleRefName(rule).split('.').length;
      if (rule.head.ref[segments - 1]) push(rule.head.ref[segments - 1]);
    }
    const locals = new Set<Term>();
    for (const v of ruleLocals(rule, (n) => globals.has(n) || packageRules.has(`${file.pkg}.${n}`))) v.occurrences.forEach((t) => locals.add(t));
    walkRuleTerms(rule, (t) => {
      if (locals.has(t)) return;
      // A ref whose head is a local (`r.x` with `r := …`) is not about a rule.
      if (t.value.type === 'ref' && locals.has(t.value.terms[0])) return;
      const hit = referenceSegment(t, file, packageRules, target, explicitAliases);
      if (hit) push(hit);
    });
    // Operators (`f(x)`, `lib.f(x)`) are refs in the walk too: walkRuleTerms visits them.
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** The term of `t` naming the last segment of `target`, unless reached through an explicit import alias. */
function referenceSegment(t: Term, file: ParsedFile, packageRules: Set<string>, target: string, explicitAliases: Set<string>): Term | undefined {
  if (t.value.type === 'var') {
    if (explicitAliases.has(t.value.name)) return undefined;
    return resolveName(t.value.name, file, packageRules) === target ? t : undefined;
  }
  if (t.value.type !== 'ref') return undefined;
  const terms = t.value.terms;
  const parts = staticRefPath(terms).split('.');
  for (let k = 1; k <= parts.length && parts[0]; k++) {
    if (resolveName(parts.slice(0, k).join('.'), file, packageRules) !== target) continue;
    if (k === 1 && explicitAliases.has(parts[0])) return undefined;
    return terms[k - 1];
  }
  return undefined;
}

/** The identifier around `offset` (one segment, not the dotted name). */
function wordAt(text: string, offset: number): { text: string; start: number; end: number } | undefined {
  let start = offset;
  while (start > 0 && /\w/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /\w/.test(text[end])) end++;
  const word = text.slice(start, end);
  return IDENTIFIER.test(word) ? { text: word, start, end } : undefined;
}
