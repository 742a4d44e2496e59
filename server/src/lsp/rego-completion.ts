// Completion for .rego documents. What is offered depends on the dotted name being typed:
//   `input.` → the fields of the JSON Schema the METADATA declares for `input` (rego-schemas.ts),
//     else Palisade's IaC model fields; a variable bound by `some x in …`, `every x in …` or
//     `x := …` stands for the path it iterates or holds (`r.` after `some r in input.resources`);
//   `r.config.` (r a resource) → the attributes seen in the workspace's Terraform models for the
//     resource types `r` is constrained to (`r.type == "…"`, `tf.resources("…")`), with the kinds
//     of their values; inside `r.type == "` → the resource types the models hold;
//   `data.a.` / `<import alias>.` → the packages and rules below that path in the folder tree;
//   `time.` (a builtin namespace) → the builtins in it;
//   a plain word → keywords, builtins, rules of the package, import aliases, local variables.
// Works on half-typed text: it reads the text before the cursor, and the last good parse for names.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { builtins, type Builtin, type Rule } from '../rego/index';
import { isFunction, ruleRefName, walkRuleTerms } from '../lint/index';
import { builtinSignature, importAliases } from './rego-navigation';
import { inputMemberItems, typeStringItems, type InputCompletionContext } from './rego-input-completion';
import { lastElse } from './rego-symbols';
import { isPathPrefix, type ParsedFile } from './rego-workspace';

const KEYWORDS = ['package', 'import', 'default', 'if', 'contains', 'else', 'some', 'every', 'in', 'not', 'with', 'as', 'true', 'false', 'null', 'input', 'data'];

export interface CompletionScope extends InputCompletionContext {
  doc: ParsedFile;
  /** The last parse of the document that produced a module (the current text may be half-typed). */
  lastGood?: ParsedFile;
  files: ParsedFile[];
}

export function completionsAt(scope: CompletionScope, text: string, offset: number): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const outsideStrings = before.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '');
  if (/#/.test(outsideStrings)) return []; // in a comment
  const types = typeStringItems(before, scope);
  if (types) return types;
  if (/["`]/.test(outsideStrings)) return []; // inside some other string literal
  const dotted = /((?:[A-Za-z_]\w*(?:\[[^\]]*\])*\.)+)(\w*)$/.exec(before);
  const module = (scope.doc.module ? scope.doc : scope.lastGood) ?? scope.doc;
  if (dotted) return memberCompletions(dotted[1].slice(0, -1), module, scope, text, offset);
  return [...keywordItems(), ...builtinItems(''), ...ruleItems(module, scope.files), ...importItems(module), ...localItems(module, offset)];
}

function memberCompletions(prefix: string, file: ParsedFile, scope: CompletionScope, text: string, offset: number): CompletionItem[] {
  const plain = prefix.replace(/\[[^\]]*\]/g, '[]');
  const input = inputMemberItems(plain, text, offset, scope);
  if (input) return input;
  if (plain.includes('[')) return [];
  const [first, ...rest] = plain.split('.');
  const alias = importAliases(file.module).get(first);
  const dataPath = first === 'data' ? plain : alias ? [alias, ...rest].join('.') : undefined;
  if (dataPath) return dataItems(dataPath, scope.files);
  return builtinItems(plain + '.');
}

/** Next path segments below `path`: sub-packages (modules) and rules (functions/values). */
function dataItems(path: string, files: ParsedFile[]): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const f of files) {
    if (!f.module || !f.pkg) continue;
    if (f.pkg !== path && isPathPrefix(path, f.pkg)) {
      const next = f.pkg.slice(path.length + 1).split('.')[0];
      if (!items.has(next)) items.set(next, { label: next, kind: CompletionItemKind.Module, detail: `package ${path.replace(/^data\.?/, '')}${path === 'data' ? '' : '.'}${next}` });
    }
    if (f.pkg !== path) continue;
    for (const rule of f.module.rules) {
      const name = ruleRefName(rule).split('.')[0];
      if (!name || items.has(name) || name.startsWith('test_')) continue;
      items.set(name, ruleItem(name, rule, f));
    }
  }
  return [...items.values()];
}

function ruleItem(name: string, rule: Rule, file: ParsedFile): CompletionItem {
  const fn = isFunction(rule);
  const head = file.text.slice(rule.loc.start, Math.min(rule.head.loc.end, rule.loc.start + 120));
  return { label: name, kind: fn ? CompletionItemKind.Function : CompletionItemKind.Variable, detail: head.split('\n')[0] };
}

function keywordItems(): CompletionItem[] {
  return KEYWORDS.map((k) => ({ label: k, kind: CompletionItemKind.Keyword }));
}

/** Builtins directly below `namespace` ('' for top level): callables, and namespaces as modules. */
function builtinItems(namespace: string): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const [name, b] of builtins) {
    if (!name.startsWith(namespace) || name.startsWith('internal.') || !/^[a-z]/.test(name)) continue;
    const rest = name.slice(namespace.length);
    const dot = rest.indexOf('.');
    if (dot >= 0) {
      const ns = rest.slice(0, dot);
      if (!items.has(ns)) items.set(ns, { label: ns, kind: CompletionItemKind.Module, detail: `built-in namespace ${namespace}${ns}` });
    } else items.set(rest, builtinItem(rest, b));
  }
  return [...items.values()];
}

function builtinItem(label: string, b: Builtin): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Function,
    detail: builtinSignature(b),
    documentation: b.description,
    ...(b.deprecated ? { tags: [1 /* Deprecated */] } : {}),
  };
}

/** Rules of the document's package, from every file of that package. */
function ruleItems(doc: ParsedFile, files: ParsedFile[]): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const f of files.some((x) => x.path === doc.path) ? files : [...files, doc]) {
    const file = f.path === doc.path ? doc : f;
    if (file.pkg !== doc.pkg || !file.module) continue;
    for (const rule of file.module.rules) {
      const name = ruleRefName(rule).split('.')[0];
      if (name && !items.has(name)) items.set(name, ruleItem(name, rule, file));
    }
  }
  return [...items.values()];
}

function importItems(doc: ParsedFile): CompletionItem[] {
  return [...importAliases(doc.module)].map(([alias, path]) => ({ label: alias, kind: CompletionItemKind.Module, detail: `import ${path}` }));
}

/** Variables of the rule around the cursor (arguments, assignments, `some`, iteration vars). */
function localItems(doc: ParsedFile, offset: number): CompletionItem[] {
  const rule = doc.module?.rules.find((r) => r.loc.start <= offset && offset <= lastElse(r).loc.end + 1);
  if (!rule) return [];
  const names = new Set<string>();
  walkRuleTerms(rule, (t) => {
    if (t.value.type === 'var' && !t.value.name.startsWith('$') && t.value.name !== '_' && t.loc.end < offset) names.add(t.value.name);
  });
  for (const a of rule.head.args ?? []) if (a.value.type === 'var') names.add(a.value.name);
  const aliases = importAliases(doc.module);
  const rules = new Set(doc.module?.rules.map((r) => ruleRefName(r).split('.')[0]));
  return [...names].filter((n) => !KEYWORDS.includes(n) && !aliases.has(n) && !rules.has(n)).map((label) => ({ label, kind: CompletionItemKind.Variable, detail: 'local variable' }));
}
