// Completion for .rego documents. What is offered depends on the dotted name being typed:
//   `input.` / `input.resources[_].` / `r.` bound to a resource → Palisade's IaC model fields
//     (a static list of the model's fields, docs/model.md; resource attribute names are not offered);
//   `data.a.` / `<import alias>.` → the packages and rules below that path in the folder tree;
//   `time.` (a builtin namespace) → the builtins in it;
//   a plain word → keywords, builtins, rules of the package, import aliases, local variables.
// Works on half-typed text: it reads the line before the cursor, and the last good parse for names.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { builtins, type Builtin, type Rule } from '../rego/index';
import { isFunction, ruleRefName, walkRuleTerms } from '../lint/index';
import { builtinSignature, importAliases } from './rego-navigation';
import { lastElse } from './rego-symbols';
import { isPathPrefix, type ParsedFile } from './rego-workspace';

const KEYWORDS = ['package', 'import', 'default', 'if', 'contains', 'else', 'some', 'every', 'in', 'not', 'with', 'as', 'true', 'false', 'null', 'input', 'data'];

/** Fields of the policy input (Contract 1) and of one resource, data source or module call. */
const INPUT_FIELDS: [string, string][] = [
  ['format', 'string: "terraform", "cloudformation", "kubernetes", …'],
  ['files', 'array of the unit’s file paths'],
  ['resources', 'array of resources'],
  ['data', 'array of data sources (same shape as resources)'],
  ['modules', 'array of module calls'],
  ['providers', 'array of provider configurations'],
  ['variables', 'object: root module variables, final values'],
  ['locals', 'object: root module locals'],
];
const RESOURCE_FIELDS: [string, string][] = [
  ['address', 'string: aws_s3_bucket.logs, module.x.aws_s3_bucket.logs'],
  ['type', 'string: aws_s3_bucket'],
  ['name', 'string: the block label'],
  ['mode', 'string: "managed" or "data"'],
  ['file', 'string: the declaring file'],
  ['module', 'string: module address (absent at the root)'],
  ['index', 'count index or for_each key'],
  ['config', 'object: attributes after static evaluation (nested blocks are lists)'],
  ['references', 'array: references to other objects'],
];

export interface CompletionScope {
  doc: ParsedFile;
  /** The last parse of the document that produced a module (the current text may be half-typed). */
  lastGood?: ParsedFile;
  files: ParsedFile[];
}

export function completionsAt(scope: CompletionScope, text: string, offset: number): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/#/.test(before.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, ''))) return []; // in a comment
  const dotted = /((?:[A-Za-z_]\w*(?:\[[^\]]*\])?\.)+)(\w*)$/.exec(before);
  const module = (scope.doc.module ? scope.doc : scope.lastGood) ?? scope.doc;
  if (dotted) return memberCompletions(dotted[1].slice(0, -1), module, scope.files, text, offset);
  return [...keywordItems(), ...builtinItems(''), ...ruleItems(module, scope.files), ...importItems(module), ...localItems(module, offset)];
}

function memberCompletions(prefix: string, file: ParsedFile, files: ParsedFile[], text: string, offset: number): CompletionItem[] {
  const plain = prefix.replace(/\[[^\]]*\]/g, '[]');
  if (plain === 'input') return fieldItems(INPUT_FIELDS);
  if (/^input\.(resources|data|modules)\[\]$/.test(plain) || isBoundToResource(plain, text, offset)) return fieldItems(RESOURCE_FIELDS);
  if (plain.includes('[')) return [];
  const [first, ...rest] = plain.split('.');
  const alias = importAliases(file.module).get(first);
  const dataPath = first === 'data' ? plain : alias ? [alias, ...rest].join('.') : undefined;
  if (dataPath) return dataItems(dataPath, files);
  return builtinItems(plain + '.');
}

/** `r.` where the document binds `r` from the resources (`some r in input.resources`, `tf.resources(…)`). */
function isBoundToResource(name: string, text: string, offset: number): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  const head = text.slice(Math.max(0, offset - 4000), offset);
  const binding = new RegExp(`\\bsome\\s+(?:\\w+\\s*,\\s*)?${name}\\s+in\\s+[\\w.]*(resources|data|modules)\\b|\\b${name}\\s*:=\\s*input\\.(resources|data|modules)\\[`);
  return binding.test(head);
}

function fieldItems(fields: [string, string][]): CompletionItem[] {
  return fields.map(([label, detail]) => ({ label, kind: CompletionItemKind.Field, detail }));
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
