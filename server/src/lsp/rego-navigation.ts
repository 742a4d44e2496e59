// Go to definition, find references and hover for .rego documents. A name at the cursor is read as
// a dotted path (`tf.resources`, `data.lib.net.cidrs`), resolved through the module's imports and
// its package's rules to a data path, and matched against the rules of the files of its folder tree.
import { MarkupKind, type Hover, type Location } from 'vscode-languageserver';
import { getBuiltin, type Builtin, type BuiltinType, type Module, type Rule, type Term } from '../rego/index';
import { isFunction, refText, ruleRefName, walkRuleTerms } from '../lint/index';
import { LineIndex } from './line-index';
import { pathToUri } from './paths';
import { localAt, ruleLocals } from './rego-scopes';
import { headNameLoc, lastElse } from './rego-symbols';
import { isPathPrefix, rulePath, staticRefPath, type ParsedFile } from './rego-workspace';

/** The document and the other parsed files of its folder tree (the document included). */
export interface RegoScope {
  doc: ParsedFile;
  files: ParsedFile[];
}

export interface Definition {
  file: ParsedFile;
  rule: Rule;
  index: number;
  path: string;
}

/** The dotted name around `offset`, cut after the segment the cursor is on. */
export function nameAt(text: string, offset: number): { name: string; start: number; end: number } | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[\w.]/.test(c);
  let start = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /\w/.test(text[end])) end++;
  const name = text.slice(start, end).replace(/^\.+/, '');
  start = end - name.length;
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name)) return undefined;
  return { name, start, end };
}

/** Data path a dotted name means in `file`: through `data.`, an import alias, or a rule of its package. */
export function resolveName(name: string, file: ParsedFile, packageRules: Set<string>): string | undefined {
  const [first, ...rest] = name.split('.');
  const suffix = rest.length > 0 ? '.' + rest.join('.') : '';
  if (first === 'data') return name;
  const imported = importAliases(file.module).get(first);
  if (imported) return imported + suffix;
  if (packageRules.has(`${file.pkg}.${first}`)) return `${file.pkg}.${name}`;
  return undefined;
}

/** Alias (or last segment) → imported data path. */
export function importAliases(module: Module | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of module?.imports ?? []) {
    if (i.path.value.type !== 'ref') continue;
    const path = staticRefPath(i.path.value.terms);
    if (!path.startsWith('data.')) continue;
    out.set(i.alias ?? path.slice(path.lastIndexOf('.') + 1), path);
  }
  return out;
}

export function definitions(files: ParsedFile[]): Definition[] {
  const out: Definition[] = [];
  for (const file of files) file.module?.rules.forEach((rule, index) => out.push({ file, rule, index, path: rulePath(file.pkg, rule) }));
  return out;
}

/** The rule path a data path lands in (the longest rule path that is a prefix of it). */
function ruleFor(path: string, defs: Definition[]): string | undefined {
  let best: string | undefined;
  for (const d of defs) if (isPathPrefix(d.path, path) && (!best || d.path.length > best.length)) best = d.path;
  return best;
}

export interface Resolved {
  /** The rule path, or the package path when the name is a package. */
  target: string;
  isPackage: boolean;
  defs: Definition[];
}

export function resolveAt(scope: RegoScope, offset: number): Resolved | undefined {
  const at = nameAt(scope.doc.text, offset);
  if (!at) return undefined;
  const defs = definitions(scope.files);
  const path = resolveName(at.name, scope.doc, new Set(defs.map((d) => d.path)));
  if (!path) return undefined;
  const rule = ruleFor(path, defs);
  if (rule) return { target: rule, isPackage: false, defs: defs.filter((d) => d.path === rule) };
  if (scope.files.some((f) => f.pkg === path)) return { target: path, isPackage: true, defs: [] };
  return undefined;
}

export function definitionAt(scope: RegoScope, offset: number): Location[] {
  const resolved = resolveAt(scope, offset);
  if (!resolved) return localDefinition(scope, offset);
  if (resolved.isPackage) {
    return scope.files.filter((f) => f.pkg === resolved.target && f.module).map((f) => location(f, f.module!.package.loc));
  }
  return resolved.defs.map((d) => location(d.file, headNameLoc(d.rule)));
}

export function referencesAt(scope: RegoScope, offset: number, includeDeclaration: boolean): Location[] {
  const resolved = resolveAt(scope, offset);
  if (!resolved || resolved.isPackage) return [];
  const packageRules = new Set(definitions(scope.files).map((d) => d.path));
  const out: Location[] = [];
  for (const file of scope.files) {
    if (!file.module) continue;
    const seen = new Set<number>();
    const push = (loc: { start: number; end: number }) => {
      if (seen.has(loc.start)) return;
      seen.add(loc.start);
      out.push(location(file, loc));
    };
    for (const rule of file.module.rules) {
      if (includeDeclaration && rulePath(file.pkg, rule) === resolved.target) push(headNameLoc(rule));
      walkRuleTerms(rule, (t) => {
        const hit = referenceSpan(t, file, packageRules, resolved.target);
        if (hit) push(hit);
      });
      // Calls are refs in operator position, which walkRuleTerms reaches too; rule bodies of else
      // branches are walked by it as well.
    }
  }
  return out;
}

/** The span of `t` that names `target` (a var, or a ref up to the segment completing the path). */
function referenceSpan(t: Term, file: ParsedFile, packageRules: Set<string>, target: string): { start: number; end: number } | undefined {
  if (t.value.type === 'var') {
    return resolveName(t.value.name, file, packageRules) === target ? t.loc : undefined;
  }
  if (t.value.type !== 'ref') return undefined;
  const terms = t.value.terms;
  const full = staticRefPath(terms);
  if (!full) return undefined;
  const parts = full.split('.');
  for (let k = 1; k <= parts.length; k++) {
    const resolved = resolveName(parts.slice(0, k).join('.'), file, packageRules);
    if (resolved === target) return { start: terms[0].loc.start, end: terms[k - 1].loc.end };
  }
  return undefined;
}

/** A local variable: its first occurrence in the enclosing rule (argument, `:=` target or `some`). */
function localDefinition(scope: RegoScope, offset: number): Location[] {
  const doc = scope.doc;
  const at = nameAt(doc.text, offset);
  if (!at || at.name.includes('.') || !doc.module) return [];
  const rule = doc.module.rules.find((r) => r.loc.start <= offset && offset <= lastElse(r).loc.end);
  if (!rule) return [];
  // The binding at the cursor (rego-scopes.ts): its declaration, or its first use when undeclared.
  const globals = globalNames(doc, scope.files);
  const variable = localAt(ruleLocals(rule, (n) => globals.has(n)), offset);
  if (variable) return [location(doc, variable.decl.loc)];
  let first: Term | undefined;
  walkRuleTerms(rule, (t) => {
    if (t.value.type === 'var' && t.value.name === at.name && (!first || t.loc.start < first.loc.start)) first = t;
  });
  return first ? [location(doc, first.loc)] : [];
}

/** Names a rule body sees from outside: rules of the file's package (all files), import aliases, input, data. */
export function globalNames(file: ParsedFile, files: ParsedFile[]): Set<string> {
  const names = new Set(['input', 'data', ...importAliases(file.module).keys()]);
  for (const f of [file, ...files]) {
    if (f.pkg !== file.pkg || !f.module) continue;
    for (const r of f.module.rules) names.add(ruleRefName(r).split('.')[0]);
  }
  return names;
}

export function hoverAt(scope: RegoScope, offset: number): Hover | null {
  const at = nameAt(scope.doc.text, offset);
  if (!at) return null;
  const index = new LineIndex(scope.doc.text);
  const range = index.rangeOf(at.start, at.end);
  const builtin = builtinAt(at.name, scope.doc);
  if (builtin) return { contents: { kind: MarkupKind.Markdown, value: builtinMarkdown(builtin) }, range };
  const resolved = resolveAt(scope, offset);
  if (!resolved || resolved.isPackage || resolved.defs.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: ruleMarkdown(resolved.defs, scope.doc) }, range };
}

/** A builtin named at the cursor, unless a rule or import of the module shadows it. */
function builtinAt(name: string, doc: ParsedFile): Builtin | undefined {
  const b = getBuiltin(name);
  if (!b || name.startsWith('internal.')) return undefined;
  const first = name.split('.')[0];
  if (importAliases(doc.module).has(first)) return undefined;
  if (doc.module?.rules.some((r) => refText([r.head.ref[0]]) === first)) return undefined;
  return b;
}

export function builtinSignature(b: Builtin): string {
  const args = b.args.map((a) => `${a.name}: ${typeText(a.type)}`);
  if (b.variadic) args.push(`...: ${typeText(b.variadic)}`);
  return `${b.name}(${args.join(', ')}) → ${b.result.name ? `${b.result.name}: ` : ''}${typeText(b.result.type)}`;
}

function builtinMarkdown(b: Builtin): string {
  const lines = ['```rego', builtinSignature(b), '```', '', b.description];
  const described = b.args.filter((a) => a.description);
  if (described.length > 0 || b.result.description) {
    lines.push('', '**Arguments**', '');
    for (const a of b.args) lines.push(`- \`${a.name}\` (${typeText(a.type)})${a.description ? `: ${a.description}` : ''}`);
    lines.push('', `**Returns** \`${b.result.name}\` (${typeText(b.result.type)})${b.result.description ? `: ${b.result.description}` : ''}`);
  }
  if (b.deprecated) lines.push('', '_Deprecated._');
  lines.push('', `Built-in function · ${b.category}`);
  return lines.join('\n');
}

function ruleMarkdown(defs: Definition[], doc: ParsedFile): string {
  const first = defs[0];
  const lines = ['```rego', headText(first.file.text, first.rule), '```'];
  const annotation = defs.map((d) => d.file.module?.annotations.find((a) => a.target === d.index)).find((a) => a);
  const title = annotation?.fields.title;
  const description = annotation?.fields.description;
  if (typeof title === 'string') lines.push('', `**${title.trim()}**`);
  if (typeof description === 'string') lines.push('', description.trim());
  const kind = isFunction(first.rule) ? 'function' : 'rule';
  const where = first.file.path === doc.path ? 'this file' : first.file.path;
  const row = new LineIndex(first.file.text).positionAt(first.rule.loc.start).line + 1;
  lines.push('', `${kind} \`${first.path.replace(/^data\./, '')}\` · ${where}:${row}${defs.length > 1 ? ` · ${defs.length} definitions` : ''}`);
  return lines.join('\n');
}

/** The rule's head as written: its first line up to an opening `{` (or the whole line). */
function headText(text: string, rule: Rule): string {
  const start = rule.loc.start;
  const lineEnd = text.indexOf('\n', start);
  let line = text.slice(start, lineEnd < 0 ? text.length : lineEnd).replace(/\s*\{\s*$/, '');
  if (line.length > 200) line = line.slice(0, 197) + '...';
  return line;
}

export function typeText(t: BuiltinType): string {
  switch (t.kind) {
    case 'array':
      return t.of ? `array[${typeText(t.of)}]` : 'array[any]';
    case 'set':
      return t.of ? `set[${typeText(t.of)}]` : 'set[any]';
    case 'object':
      return t.key || t.value ? `object[${typeText(t.key ?? { kind: 'any' })}: ${typeText(t.value ?? { kind: 'any' })}]` : 'object';
    case 'union':
      return t.of.map(typeText).join(' | ');
    default:
      return t.kind;
  }
}

export function location(file: ParsedFile, loc: { start: number; end: number }): Location {
  const index = new LineIndex(file.text);
  return { uri: pathToUri(file.path), range: index.rangeOf(loc.start, loc.end) };
}
