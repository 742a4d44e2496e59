// Source maps inside IAM policy documents, so a finding about one statement's Action, Resource,
// Principal or Condition lands on the text the user typed, for all three ways of writing one:
// - `jsonencode({...})` and JSON strings (heredoc or quoted): mapped like any JSON value, in
//   blocks.ts (`expressionNode`) and json-template.ts;
// - `data "aws_iam_policy_document"`: the rendered `json` mapped onto its `statement` blocks, and a
//   resource whose attribute is `data.aws_iam_policy_document.x.json` borrows that mapping.
import type { ModelReference, ModelValue, SourceMapNode } from '../../model';
import { isObject, type Value, type ValueObject } from '../values';

// ---------------------------------------------------------------------------------------------
// aws_iam_policy_document: the rendered document's parts → the blocks and attributes they came from.

const STATEMENT_FIELDS: [jsonKey: string, attribute: string, isSet: boolean][] = [
  ['Sid', 'sid', false],
  ['Effect', 'effect', false],
  ['Action', 'actions', true],
  ['NotAction', 'not_actions', true],
  ['Resource', 'resources', true],
  ['NotResource', 'not_resources', true],
  ['Principal', 'principals', false],
  ['NotPrincipal', 'not_principals', false],
  ['Condition', 'condition', false],
];

const MERGED_DOCUMENT_ATTRIBUTES = ['source_json', 'override_json', 'source_policy_documents', 'override_policy_documents'];

/**
 * The `json` node of a policy document data source: `Statement[i]` is the i-th `statement` block
 * and its `Action`/`Resource`/… elements are the list elements they were rendered from (the
 * provider sorts and de-duplicates, so elements are matched by value). Documents merged from
 * other documents are mapped only down to the data source itself.
 */
export function policyDocumentJsonNode(block: SourceMapNode, config: ValueObject): SourceMapNode {
  const node: SourceMapNode = { range: block.range, ...(block.nameRange ? { nameRange: block.nameRange } : {}) };
  if (MERGED_DOCUMENT_ATTRIBUTES.some((k) => mergesSomething(config[k]))) return node;
  const statementList = block.fields?.statement;
  const statements = Array.isArray(config.statement) ? config.statement : [];
  if (!statementList?.items || statementList.items.length !== statements.length) return node;
  const items = statementList.items.map((item, i) => statementNode(item, statements[i]));
  node.fields = { Statement: { range: statementList.range, ...(statementList.nameRange ? { nameRange: statementList.nameRange } : {}), items } };
  return node;
}

/** `source_policy_documents = []` or `override_json = ""` merge nothing; anything else may. */
function mergesSomething(v: Value | undefined): boolean {
  return !(v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0));
}

function statementNode(block: SourceMapNode, config: Value): SourceMapNode {
  const fields: Record<string, SourceMapNode> = {};
  for (const [jsonKey, attribute, isSet] of STATEMENT_FIELDS) {
    const attr = block.fields?.[attribute];
    if (!attr) continue;
    const values = isObject(config) && Array.isArray(config[attribute]) ? (config[attribute] as Value[]) : undefined;
    fields[jsonKey] = isSet && values && attr.items ? setNode(attr, values) : attr;
  }
  return { range: block.range, ...(block.nameRange ? { nameRange: block.nameRange } : {}), fields };
}

/** A set attribute renders sorted descending and de-duplicated; one element renders as a string. */
function setNode(attr: SourceMapNode, values: Value[]): SourceMapNode {
  const byValue = new Map<string, SourceMapNode>();
  values.forEach((v, i) => {
    if (typeof v === 'string' && attr.items![i] && !byValue.has(v)) byValue.set(v, attr.items![i]);
  });
  const rendered = [...byValue.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  if (rendered.length !== new Set(values).size) return attr;
  // One element renders as a plain string: the attribute's own node stands for it.
  if (rendered.length === 1) return { ...attr, valueRange: byValue.get(rendered[0])!.valueRange ?? attr.valueRange };
  return { ...attr, items: rendered.map((v) => byValue.get(v)!) };
}

// ---------------------------------------------------------------------------------------------
// Resources that use `data.aws_iam_policy_document.x.json`.

/**
 * Give each attribute whose value is exactly a policy document's `json` the document's mapping, so
 * `["policy", "Statement", 0, "Action"]` of an `aws_iam_policy` lands on the data source's
 * `actions` line. Nodes on the way down are copied, never mutated (attribute nodes are shared).
 */
export function linkPolicyDocumentNodes(
  root: SourceMapNode,
  config: { [key: string]: ModelValue },
  references: ModelReference[],
  documents: Map<string, { node: SourceMapNode; json: ModelValue }>,
): void {
  for (const ref of references) {
    if (ref.attribute !== 'json' || !ref.target.includes('aws_iam_policy_document.')) continue;
    const doc = documents.get(ref.target);
    if (!doc?.node.fields || ref.path.length === 0) continue;
    const value = valueAtPath(config, ref.path);
    if (value === undefined || !isObject(value as Value) || JSON.stringify(value) !== JSON.stringify(doc.json)) continue;
    replaceAt(root, ref.path, (node) => ({ ...node, fields: doc.node.fields }));
  }
}

function valueAtPath(config: ModelValue, path: (string | number)[]): ModelValue | undefined {
  let v: ModelValue | undefined = config;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? (typeof step === 'number' ? v[step] : undefined) : typeof step === 'string' ? v[step] : undefined;
  }
  return v;
}

function replaceAt(parent: SourceMapNode, path: (string | number)[], change: (n: SourceMapNode) => SourceMapNode): void {
  const [step, ...rest] = path;
  const container = typeof step === 'number' ? parent.items : parent.fields;
  if (!container) return;
  const child = (container as Record<string | number, SourceMapNode>)[step];
  if (!child) return;
  if (rest.length === 0) {
    (container as Record<string | number, SourceMapNode>)[step] = change(child);
    return;
  }
  // Copy the child (and its container) before descending: shared nodes must stay untouched.
  const copy: SourceMapNode = { ...child, ...(child.fields ? { fields: { ...child.fields } } : {}), ...(child.items ? { items: [...child.items] } : {}) };
  (container as Record<string | number, SourceMapNode>)[step] = copy;
  replaceAt(copy, rest, change);
}
