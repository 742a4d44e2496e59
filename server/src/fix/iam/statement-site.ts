// Finds the IAM statement a finding points into, and how its document is written, so providers can
// edit it in the user's own syntax: `jsonencode({...})` (HCL), JSON text in a heredoc or a quoted
// string, or `statement` blocks of `data "aws_iam_policy_document"`.
import type { ModelResource, ModelValue, SourceMapNode, SourceRange } from '../../iac/model';
import type { TerraformUnitResult } from '../../iac/terraform';
import type { Finding } from '../../policy';
import type { FixContext } from '../types';
import { absolutePath, unitAnalysis } from '../verify';

export type DocumentForm = 'jsonencode' | 'json-heredoc' | 'json-quoted' | 'document';

export interface StatementSite {
  form: DocumentForm;
  /** Workspace-relative file holding the statement (the data source's file for `document`). */
  file: string;
  text: string;
  /** The statement's source map node (an object / JSON object / `statement` block). */
  node: SourceMapNode;
  /** The statement as policies see it. */
  statement: { [key: string]: ModelValue };
  /** The whole policy document the statement belongs to, when it is an object. */
  document?: { [key: string]: ModelValue };
  /** True when the statement is one element of a Statement list (a sibling can be added). */
  inList: boolean;
  /** The resource whose config holds the document (the finding's resource). */
  resource: ModelResource;
  analysis: TerraformUnitResult;
}

/** The statement `finding.path` points into (`[..., "Statement", i, ...]`), if it can be edited. */
export function statementSite(finding: Finding, context: FixContext): StatementSite | undefined {
  const path = finding.path ?? [];
  const at = path.lastIndexOf('Statement');
  if (!finding.resource || at < 1) return undefined;
  const inList = typeof path[at + 1] === 'number';
  const statementPath = path.slice(0, inList ? at + 2 : at + 1);
  const analysis = unitAnalysis(context);
  const resource = [...analysis.model.resources, ...(analysis.model.data ?? [])].find((r) => r.address === finding.resource);
  const statement = resource ? valueAt(resource.config, statementPath) : undefined;
  if (!resource || !isObject(statement)) return undefined;
  const root = analysis.sourceMaps.get(finding.resource);
  const docNode = nodeAt(root, path.slice(0, at));
  const node = nodeAt(root, statementPath);
  if (!docNode || !node) return undefined;
  const text = context.host.readFile(absolutePath(context.root, node.range.file));
  if (text === undefined) return undefined;
  const form = formOf(docNode, node, text, context);
  if (!form) return undefined;
  const document = valueAt(resource.config, path.slice(0, at));
  return { form, file: node.range.file, text, node, statement, document: isObject(document) ? document : undefined, inList, resource, analysis };
}

function formOf(docNode: SourceMapNode, node: SourceMapNode, text: string, context: FixContext): DocumentForm | undefined {
  // A statement block of a policy document data source has a block header (`statement`).
  if (node.nameRange && slice(text, node.nameRange) === 'statement') return 'document';
  const docRange = docNode.valueRange;
  if (!docRange) return undefined;
  const docText = docRange.file === node.range.file ? text : context.host.readFile(absolutePath(context.root, docRange.file));
  const head = docText?.slice(docRange.start, docRange.start + 16) ?? '';
  if (/^jsonencode\s*\(/.test(head)) return 'jsonencode';
  if (head.startsWith('<<')) return 'json-heredoc';
  if (head.startsWith('"')) return 'json-quoted';
  return undefined;
}

export function slice(text: string, range: SourceRange): string {
  return text.slice(range.start, range.end);
}

export function nodeAt(root: SourceMapNode | undefined, path: readonly (string | number)[]): SourceMapNode | undefined {
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.items?.[step] : node?.fields?.[step];
  return node;
}

function valueAt(config: ModelValue, path: readonly (string | number)[]): ModelValue | undefined {
  let v: ModelValue | undefined = config;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? (typeof step === 'number' ? v[step] : undefined) : typeof step === 'string' ? v[step] : undefined;
  }
  return v;
}

export function isObject(v: ModelValue | undefined): v is { [key: string]: ModelValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string-or-list statement field as a list of strings; undefined when any element is not a known string. */
export function stringList(v: ModelValue | undefined): string[] | undefined {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return undefined;
  return v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}
