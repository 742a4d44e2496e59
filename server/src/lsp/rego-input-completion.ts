// Completion of `input.` paths in .rego documents (rego-completion.ts dispatches here):
//   - from the JSON Schema the METADATA declares for `input` or a sub-path (rego-schemas.ts);
//   - else Palisade's IaC input: the model's fields (docs/model.md), the attributes seen in the
//     workspace's Terraform models under a resource's `config` (for the types the variable is
//     narrowed to: `r.type == "…"`, `tf.resources("…")`), and the resource types themselves
//     inside `r.type == "`.
// A variable bound by `some x in …`, `every x in …` or `x := …` stands for the path it iterates
// or holds (`r.config.` after `some r in input.resources` is `input.resources[].config.`).
// Everything is read from the text before the cursor, so half-typed rules work.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { attributeAt, type IacModelSummary } from './iac-model-summary';
import { schemaAt, schemaProperties, type JsonSchema } from './rego-schemas';

export interface InputCompletionContext {
  iac?: IacModelSummary;
  /** Schemas the document's METADATA declares, loaded: `target` is `input` or `input.a.b`. */
  schemas?: { target: string; schema: JsonSchema }[];
}

/** Fields of the policy input (Contract 1) and of one resource, data source or module call. */
const INPUT_FIELDS: [string, string][] = [
  ['format', 'string: "terraform", "cloudformation", "kubernetes", …'],
  ['files', 'array of the unit’s file paths'],
  ['resources', 'array of resources'],
  ['data', 'array of data sources (same shape as resources)'],
  ['modules', 'array of module calls'],
  ['providers', 'array of provider configurations'],
  ['required_providers', 'object: every literal required_providers version constraint of the unit and the modules it calls, by provider name ({"aws": [">= 5.0"]})'],
  ['sensitive_variables', 'array: the variables declared sensitive = true, by address (var.db_password, module.app.var.password); absent when none is'],
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

/** `r.type == "` or `tf.resources("` right before the cursor: resource type names. */
export function typeStringItems(before: string, context: InputCompletionContext): CompletionItem[] | undefined {
  if (!/(?:[A-Za-z_][\w.]*(?:\[[^\]]*\])?\.type\s*==\s*|\bresources\(\s*)"[\w-]*$/.test(before)) return undefined;
  return [...(context.iac?.types() ?? [])].map(([type, s]) => ({
    label: type,
    kind: CompletionItemKind.Value,
    detail: `${s.count} in the workspace's Terraform models`,
  }));
}

/**
 * Items after `prefix.` (brackets already written as `[]`) when it is an input path, directly or
 * through bound variables; undefined when the prefix is not about `input`.
 */
export function inputMemberItems(plain: string, text: string, offset: number, context: InputCompletionContext): CompletionItem[] | undefined {
  const head = ruleTextBefore(text, offset);
  const expanded = expandBindings(plain, head);
  const segments = expanded.split('.').flatMap((s) => s.split(/(?=\[\])/));
  if (segments[0] !== 'input') return undefined;
  const fromSchema = schemaItems(segments, context.schemas ?? []);
  if (fromSchema) return fromSchema;
  return iacItems(segments, /^[A-Za-z_]\w*/.exec(plain)?.[0] ?? '', head, context.iac);
}

/**
 * Hover for a field of an input path (`input.user.name`, `r.config.bucket`): what completion would
 * say about it (schema type and description, or the kinds seen in the Terraform models).
 */
export function inputFieldHover(text: string, offset: number, context: InputCompletionContext): { markdown: string; start: number; end: number } | undefined {
  let end = offset;
  while (end < text.length && /\w/.test(text[end])) end++;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /((?:[A-Za-z_]\w*(?:\[[^\]]*\])*\.)+)([A-Za-z_]\w*)$/.exec(text.slice(lineStart, end));
  if (!m) return undefined;
  const fieldStart = end - m[2].length;
  const items = inputMemberItems(m[1].slice(0, -1).replace(/\[[^\]]*\]/g, '[]'), text, fieldStart, context);
  const item = items?.find((i) => i.label === m[2]);
  if (!item) return undefined;
  const doc = typeof item.documentation === 'string' ? `\n\n${item.documentation}` : '';
  return { markdown: `\`${m[2]}\`: ${item.detail ?? 'any'}${doc}`, start: fieldStart, end };
}

/** The text of the rule around the cursor, up to it (rules start at column 0 in formatted Rego). */
function ruleTextBefore(text: string, offset: number): string {
  const from = Math.max(0, offset - 4000);
  const chunk = text.slice(from, offset);
  let start = 0;
  for (const m of chunk.matchAll(/(?:^|\n)(?=[A-Za-z_])/g)) start = m.index ?? start;
  return chunk.slice(start);
}

const BOUND_EXPR = String.raw`([\w.]+(?:\([^)]*\))?(?:\[[^\]]*\])*)`;

/** Replaces a leading variable by what it is bound to (`r` → `input.resources[]`), repeatedly. */
export function expandBindings(plain: string, head: string): string {
  let out = plain;
  for (let round = 0; round < 4; round++) {
    const name = /^[A-Za-z_]\w*/.exec(out)?.[0];
    if (!name || name === 'input' || name === 'data') return out;
    const bound = bindingOf(name, head);
    if (!bound) return out;
    out = bound + out.slice(name.length);
  }
  return out;
}

function bindingOf(name: string, head: string): string | undefined {
  let best: { at: number; path: string } | undefined;
  const consider = (re: RegExp, iterates: boolean) => {
    for (const m of head.matchAll(re)) {
      const at = m.index ?? 0;
      if (best && best.at > at) continue;
      best = { at, path: normaliseBound(m[1]) + (iterates ? '[]' : '') };
    }
  };
  consider(new RegExp(String.raw`\b(?:some|every)\s+(?:\w+\s*,\s*)?${name}\s+in\s+${BOUND_EXPR}`, 'g'), true);
  consider(new RegExp(String.raw`(?:^|[^\w.])${name}\s*:=\s*${BOUND_EXPR}`, 'g'), false);
  return best?.path;
}

/** `input.resources[i]` → `input.resources[]`; Palisade's `tf.resources("t")` → `input.resources`. */
function normaliseBound(expr: string): string {
  const call = /^(?:[\w.]*\.)?resources\([^)]*\)/.exec(expr);
  const base = call ? 'input.resources' + expr.slice(call[0].length) : expr;
  return base.replace(/\[[^\]]*\]/g, '[]');
}

function schemaItems(segments: string[], schemas: { target: string; schema: JsonSchema }[]): CompletionItem[] | undefined {
  const path = joinSegments(segments);
  // The most specific declaration covering the path wins (`input.user` over `input`).
  const decl = schemas
    .filter((s) => s.target.startsWith('input') && (path === s.target || path.startsWith(s.target + '.') || path.startsWith(s.target + '[')))
    .sort((a, b) => b.target.length - a.target.length)[0];
  if (!decl) return undefined;
  const below = segments.slice(decl.target.split('.').length);
  const at = schemaAt(decl.schema, below);
  if (!at) return [];
  return schemaProperties(at, decl.schema).map((p) => ({
    label: p.name,
    kind: CompletionItemKind.Field,
    detail: p.type ?? 'any',
    ...(p.description ? { documentation: p.description } : {}),
  }));
}

function joinSegments(segments: string[]): string {
  return segments.join('.').replace(/\.\[\]/g, '[]');
}

function iacItems(segments: string[], variable: string, head: string, iac: IacModelSummary | undefined): CompletionItem[] {
  const plain = joinSegments(segments);
  if (plain === 'input') return fieldItems(INPUT_FIELDS);
  if (/^input\.(resources|data|modules)\[\]$/.test(plain)) return fieldItems(RESOURCE_FIELDS);
  const config = /^input\.(?:resources|data)\[\]\.config((?:\.\w+|\[\])*)$/.exec(plain);
  if (!config || !iac) return [];
  const below = config[1].split(/\.|(?=\[\])/).filter(Boolean);
  const constrained = typeConstraints(variable, head);
  const items = new Map<string, { kinds: Set<string>; types: string[] }>();
  for (const [type, summary] of iac.types()) {
    if (constrained.length > 0 && !constrained.includes(type)) continue;
    for (const [name, child] of attributeAt(summary.config, below)?.fields ?? []) {
      const item = items.get(name) ?? { kinds: new Set<string>(), types: [] };
      child.kinds.forEach((k) => item.kinds.add(k));
      item.types.push(type);
      items.set(name, item);
    }
  }
  return [...items].map(([label, { kinds, types }]) => ({
    label,
    kind: CompletionItemKind.Field,
    detail: [...kinds].sort().join(' | '),
    documentation: `Seen in the workspace's Terraform models: ${types.slice(0, 5).join(', ')}${types.length > 5 ? ` and ${types.length - 5} more` : ''}`,
  }));
}

/** Resource types a variable is narrowed to in the rule so far. */
function typeConstraints(variable: string, head: string): string[] {
  if (!/^[A-Za-z_]\w*$/.test(variable) || variable === 'input') return [];
  const out = new Set<string>();
  const patterns = [
    String.raw`\b${variable}\.type\s*==\s*"([^"]+)"`,
    String.raw`"([^"]+)"\s*==\s*${variable}\.type\b`,
    String.raw`\b(?:some|every)\s+(?:\w+\s*,\s*)?${variable}\s+in\s+[\w.]*resources\(\s*"([^"]+)"`,
    String.raw`(?:^|[^\w.])${variable}\s*:=\s*[\w.]*resources\(\s*"([^"]+)"`,
  ];
  for (const p of patterns) for (const m of head.matchAll(new RegExp(p, 'g'))) out.add(m[1]);
  return [...out];
}

function fieldItems(fields: [string, string][]): CompletionItem[] {
  return fields.map(([label, detail]) => ({ label, kind: CompletionItemKind.Field, detail }));
}
