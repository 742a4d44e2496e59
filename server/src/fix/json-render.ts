// Fix operations on a resource written in Terraform's JSON syntax (`.tf.json`) → edits of the JSON
// text: replace a value, add a property (an argument or a nested block) to a block body or an
// object, remove a property or an array element. The syntax tree is the one the HCL renderer walks
// (the JSON front end builds the same tree), so paths are located the same way; only the text
// written differs. Operations that would need new top-level blocks (`add_resource`, `add_data`,
// `add_variable`) are not rendered here. As everywhere, verify.ts re-parses and re-scans before a
// fix is offered, so an edit that breaks the JSON is never shown.
import type { Expr, ObjectExpr, ParsedFile, TupleExpr } from '../iac/terraform';
import type { FixOperation } from '../policy';
import { isPlainObject, rawExpression } from './hcl-values';
import { inputSource, locate, type Located, type PathStep } from './terraform-locate';
import { renderEach, type RenderResult, type RenderTarget } from './terraform-render';

import type { LocalEdit } from './layout';

const fail = (reason: string): RenderResult => ({ ok: false, reason });

/** Terraform JSON configuration (`.tf.json`, or a `.json` file read as configuration). */
export function isJsonSyntaxFile(file: string): boolean {
  return file.endsWith('.json');
}

export function renderJsonOperations(target: RenderTarget, ops: readonly FixOperation[]): RenderResult {
  return renderEach(withBlocksGathered(ops), (op) => renderJsonOperation(target, op));
}

/**
 * The `add_block` operations of one fix that add blocks of one type at one path (ECR-002's
 * exclusion filters, one per tag) as one operation whose `config` lists every block, written as
 * one property: HCL reads repeated property names as more blocks, but JSON names should be unique
 * (RFC 8259), and a tool that reads or rewrites the file as JSON keeps only the last block.
 */
function withBlocksGathered(ops: readonly FixOperation[]): FixOperation[] {
  const out: FixOperation[] = [];
  const gathered = new Map<string, Record<string, unknown>[]>();
  for (const op of ops) {
    if (op.op !== 'add_block' || typeof op.type !== 'string') {
      out.push(op);
      continue;
    }
    const key = JSON.stringify([op.path ?? [], op.type]);
    const config = isPlainObject(op.config) ? op.config : {};
    const blocks = gathered.get(key);
    if (blocks) {
      blocks.push(config);
      continue;
    }
    const list = [config];
    gathered.set(key, list);
    out.push({ ...op, config: list });
  }
  return out;
}

function renderJsonOperation(target: RenderTarget, op: FixOperation): RenderResult {
  const path = Array.isArray(op.path) && op.path.every((s) => typeof s === 'string' || typeof s === 'number') ? op.path : op.path === undefined ? [] : undefined;
  if (!path) return fail(`operation ${op.op} has an invalid path`);
  switch (op.op) {
    case 'set':
      if (path.length === 0 || !('value' in op)) return fail('set needs a path and a value');
      return renderSet(target, path, op.value);
    case 'remove':
      if (path.length === 0) return fail('remove of a whole resource is not offered as a fix');
      return renderRemove(target, path);
    case 'add_block': {
      if (typeof op.type !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(op.type)) return fail('add_block needs a block type');
      // A list: the blocks withBlocksGathered put together.
      const blocks = Array.isArray(op.config) ? op.config : [isPlainObject(op.config) ? op.config : {}];
      return renderSet(target, [...path, op.type], blocks, true);
    }
    default:
      return fail(`${op.op} is not rendered in Terraform JSON files (${target.file.path.slice(target.file.path.lastIndexOf('/') + 1)})`);
  }
}

function located(target: RenderTarget, path: PathStep[]): { ok: true; at: Located } | { ok: false; reason: string } {
  const r = locate(target.file, target.block, path);
  return r.ok ? { ok: true, at: r.located } : { ok: false, reason: `${target.address}: ${r.reason}` };
}

/** `newBlock`: the last step is a nested block type that must not exist yet (add_block). */
function renderSet(target: RenderTarget, path: PathStep[], value: unknown, newBlock = false): RenderResult {
  const found = located(target, path);
  if (!found.ok) return found;
  const { file } = target;
  const at = found.at;
  switch (at.kind) {
    case 'attribute':
    case 'object-item':
    case 'tuple-item': {
      if (newBlock) return fail(`${target.address}: "${path[path.length - 1]}" is already set`);
      const expr = at.kind === 'attribute' ? at.attr.expr : at.kind === 'object-item' ? at.item.value : at.tuple.items[at.index];
      const source = inputSource(file, expr);
      if (source) return fail(`${target.address}: ${path.join('.')} comes from ${source}; change it where it is defined`);
      // Only a whole JSON value is replaced, never the inside of a `"${…}"` string.
      if (!isWholeValue(file.text, expr)) return fail(`${target.address}: ${path.join('.')} is an expression inside a JSON string`);
      return { ok: true, edits: [{ start: expr.start, end: expr.end, newText: jsonText(value, indentOfLine(file.text, expr.start)) }] };
    }
    case 'missing-in-body': {
      const property = propertyFromPath(at.rest, value);
      if (!property) return fail(`${target.address}: cannot create ${at.rest.join('.')}`);
      if (!at.owner.open || !at.owner.close) return fail(`${target.address}: the block is not closed`);
      return insertProperty(file, at.owner.open.start, at.owner.close.end, property);
    }
    case 'missing-in-object': {
      const property = propertyFromPath(at.rest, value, false);
      if (!property) return fail(`${target.address}: cannot create ${at.rest.join('.')}`);
      if (!isWholeValue(file.text, at.object)) return fail(`${target.address}: the object is an expression inside a JSON string`);
      return insertProperty(file, at.object.start, at.object.end, property);
    }
    case 'block':
    case 'blocks':
      return fail(`${target.address}: ${path.join('.')} is a nested block; set its attributes instead`);
  }
}

/** `rest` as one new property: [a] → "a": v; [a, 0, …] → "a": [{…}]; [a, "k"] → "a": {"k": v}. */
function propertyFromPath(rest: PathStep[], value: unknown, blocksAllowed = true): { key: string; value: unknown } | undefined {
  const [name, next, ...more] = rest;
  if (typeof name !== 'string') return undefined;
  if (next === undefined) return { key: name, value };
  if (typeof next === 'number') {
    if (!blocksAllowed || next !== 0) return undefined;
    const inner = more.length === 0 ? value : propertyFromPath(more, value);
    if (inner === undefined) return undefined;
    return { key: name, value: [more.length === 0 ? inner : { [(inner as { key: string }).key]: (inner as { value: unknown }).value }] };
  }
  const inner = propertyFromPath([next, ...more], value, false);
  return inner ? { key: name, value: { [inner.key]: inner.value } } : undefined;
}

/** Adds `"key": value` as the last property of the JSON object at [start, end), in its layout. */
function insertProperty(file: ParsedFile, start: number, end: number, property: { key: string; value: unknown }): RenderResult {
  const text = file.text;
  if (text[start] !== '{' || text[end - 1] !== '}') return fail('the block is not a JSON object');
  const inner = text.slice(start + 1, end - 1);
  if (inner.trim() === '') {
    const indent = indentOfLine(text, start);
    return { ok: true, edits: [{ start, end, newText: `{ ${JSON.stringify(property.key)}: ${jsonText(property.value, indent)} }` }] };
  }
  // After the last property: the last non-blank character before the closing brace.
  let last = end - 2;
  while (last > start && /\s/.test(text[last])) last--;
  const firstAt = start + 1 + (inner.length - inner.trimStart().length);
  const multiline = text.slice(start, firstAt).includes('\n');
  const indent = multiline ? indentOfLine(text, firstAt) : '';
  const separator = multiline ? `,${newlineOf(text)}${indent}` : ', ';
  const newText = `${separator}${JSON.stringify(property.key)}: ${jsonText(property.value, indent)}`;
  return { ok: true, edits: [{ start: last + 1, end: last + 1, newText }] };
}

function renderRemove(target: RenderTarget, path: PathStep[]): RenderResult {
  const found = located(target, path);
  if (!found.ok) return found;
  const text = target.file.text;
  const at = found.at;
  switch (at.kind) {
    case 'attribute':
      return { ok: true, edits: [removeListed(text, at.attr.start, at.attr.end)] };
    case 'object-item':
      if (!isWholeValue(text, at.item.value)) return fail(`${target.address}: ${path.join('.')} is inside a JSON string`);
      return { ok: true, edits: [removeListed(text, at.item.start, at.item.end)] };
    case 'tuple-item': {
      const item = at.tuple.items[at.index];
      if (!isWholeValue(text, item) || !isWholeValue(text, at.tuple as TupleExpr)) return fail(`${target.address}: ${path.join('.')} is inside a JSON string`);
      return { ok: true, edits: [removeListed(text, item.start, item.end)] };
    }
    case 'block':
      // A block written as one property (`"versioning": {…}`) goes with its name; an element of an array of blocks alone.
      return { ok: true, edits: [removeListed(text, at.block.start, at.block.end)] };
    case 'blocks':
      return at.blocks.length === 1 ? { ok: true, edits: [removeListed(text, at.blocks[0].start, at.blocks[0].end)] } : fail(`${target.address}: removing ${at.blocks.length} "${at.type}" blocks is not rendered in JSON`);
    case 'missing-in-body':
    case 'missing-in-object':
      return fail(`${target.address}: ${path.join('.')} does not exist, nothing to remove`);
  }
}

/** Deletes one property or array element at [start, end) with the comma that separates it from a neighbour. */
function removeListed(text: string, start: number, end: number): LocalEdit {
  let after = end;
  while (after < text.length && /\s/.test(text[after])) after++;
  if (text[after] === ',') {
    let next = after + 1;
    while (next < text.length && /\s/.test(text[next])) next++;
    return { start, end: next, newText: '' };
  }
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  if (text[before] === ',') return { start: before, end, newText: '' };
  return { start, end, newText: '' };
}

/** Is `expr` a JSON value of its own (after `:`, `,` or `[`), not an expression inside a `"${…}"` string? */
function isWholeValue(text: string, expr: Expr | ObjectExpr): boolean {
  let i = expr.start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 && (text[i] === ':' || text[i] === ',' || text[i] === '[') && /^["[{\-0-9tfn]/.test(text[expr.start] ?? '');
}

/** JSON text for a fix value: `{"$expr": "x"}` becomes the string template `"${x}"`; literal strings keep `${` literal. */
function jsonText(value: unknown, indent: string): string {
  const json = JSON.stringify(toJson(value), null, 2);
  return json.includes('\n') ? json.split('\n').join(`\n${indent}`) : json;
}

function toJson(value: unknown): unknown {
  const raw = rawExpression(value);
  if (raw !== undefined) return `\${${raw}}`;
  if (typeof value === 'string') return value.replace(/([$%])\{/g, '$1$1{');
  if (Array.isArray(value)) return value.map(toJson);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

function indentOfLine(text: string, pos: number): string {
  const from = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(from))![0];
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

