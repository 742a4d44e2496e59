// A rule's `set` of a scalar inside a JSON document held by an attribute — `jsonencode({...})`, a
// heredoc or a quoted JSON string, such as an ECS task's container_definitions or a Batch job's
// container_properties — which the block renderer cannot walk into (it stops at the call or the
// string). The front end maps such documents key by key (docs/model.md, "Source map"), so the
// value's text is where the source map places it; it is replaced when it literally spells a
// scalar (`true`, `8`, `null`) and lies inside the attribute's own expression in the resource
// block. `true`, numbers and `null` read the same in HCL and JSON, so no escaping depends on the
// form. Anything else — a key the document lacks, a value from a variable or local, a document
// read from a file or another block — stays unrendered, with the block renderer's reason.
import type { SourceMapNode } from '../iac/model';
import type { Block, ParsedFile } from '../iac/terraform';
import type { FixOperation } from '../policy';
import type { LocalEdit } from './layout';
import { unparen } from './terraform-locate';

/** `reason` only once the path was found inside a document (else the block renderer's reason stands). */
export type DocumentSetResult = { ok: true; edits: LocalEdit[] } | { ok: false; reason?: string };

const SCALAR = /^(true|false|null|-?\d+(\.\d+)?)$/;

/**
 * Edits for `ops` when every one is a scalar `set` inside a JSON document attribute of `block`
 * (`root`: the resource's source map node; `relFile`: the workspace-relative name of `file`).
 */
export function renderDocumentSets(file: ParsedFile, relFile: string, block: Block, root: SourceMapNode | undefined, ops: readonly FixOperation[]): DocumentSetResult {
  const edits: LocalEdit[] = [];
  for (const op of ops) {
    const edit = documentSet(file, relFile, block, root, op);
    if (!edit || typeof edit === 'string') return { ok: false, reason: edit };
    edits.push(edit);
  }
  return edits.length > 0 ? { ok: true, edits } : { ok: false };
}

/** The edit; a reason when the value was found in the document but is not a literal scalar; else undefined. */
function documentSet(file: ParsedFile, relFile: string, block: Block, root: SourceMapNode | undefined, op: FixOperation): LocalEdit | string | undefined {
  const value = op.value;
  if (op.op !== 'set' || op.resource !== undefined || op.replaces !== undefined || op.derived_from !== undefined) return undefined;
  if (!(typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value)))) return undefined;
  const path = op.path;
  if (!Array.isArray(path) || path.length < 2 || typeof path[0] !== 'string') return undefined;
  // The document is the attribute's own expression: a jsonencode call or a string, not a reference.
  const attr = block.body.items.find((i) => i.kind === 'Attribute' && i.name.name === path[0]);
  if (!attr || attr.kind !== 'Attribute') return undefined;
  const expr = unparen(attr.expr);
  if (!((expr.kind === 'Call' && expr.name.name === 'jsonencode') || expr.kind === 'Template')) return undefined;
  let node = root;
  for (const step of path) node = typeof step === 'number' ? node?.items?.[step] : node?.fields?.[step];
  const range = node?.valueRange;
  if (!range || range.file !== relFile || range.start < expr.start || range.end > expr.end) return undefined;
  const current = file.text.slice(range.start, range.end);
  if (!SCALAR.test(current)) return `${path.join('.')} is ${current.length > 40 ? `${current.slice(0, 37)}…` : current} in the document, not a literal value`;
  return { start: range.start, end: range.end, newText: JSON.stringify(value) };
}
