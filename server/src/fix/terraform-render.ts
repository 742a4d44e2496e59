// Fix operations → minimal text edits on one Terraform resource block (docs/fixes.md). Every
// operation is rendered against the original text; the edits of one fix must not overlap.
import type { Block, Expr, ParsedFile } from '../iac/terraform';
import type { FixOperation } from '../policy';
import { alignEdits } from './align';
import { isBlockList, isPlainObject, renderBlock, renderBodyLines, renderKey, renderValue } from './hcl-values';
import { bodyIndent, deleteSpan, endsLine, indentAt, insertIntoBody, lineEnd, newlineOf, sameLine, startsLine, type LocalEdit } from './layout';
import { inputSource, locate, type Located, type PathStep } from './terraform-locate';

/** The block the operations' paths are relative to, in its parsed file. */
export interface RenderTarget {
  file: ParsedFile;
  block: Block;
  /** `aws_s3_bucket.logs` (for messages). */
  address: string;
}

export type RenderResult = { ok: true; edits: LocalEdit[] } | { ok: false; reason: string };

const fail = (reason: string): RenderResult => ({ ok: false, reason });

/** Every operation rendered by `renderOne` against the original text; the edits must not overlap. */
export function renderEach(ops: readonly FixOperation[], renderOne: (op: FixOperation) => RenderResult): RenderResult {
  if (ops.length === 0) return fail('the fix has no operations');
  const edits: LocalEdit[] = [];
  for (const op of ops) {
    const r = renderOne(op);
    if (!r.ok) return r;
    for (const e of r.edits) {
      if (edits.some((o) => overlaps(o, e))) return fail('two operations of the fix edit the same text');
      edits.push(e);
    }
  }
  return { ok: true, edits };
}

export function renderOperations(target: RenderTarget, ops: readonly FixOperation[]): RenderResult {
  const rendered = renderEach(ops, (op) => renderOperation(target, op));
  if (!rendered.ok) return rendered;
  const edits = alignEdits(target.file, rendered.edits);
  const nl = newlineOf(target.file.text);
  return { ok: true, edits: nl === '\n' ? edits : edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, nl) })) };
}

function overlaps(a: LocalEdit, b: LocalEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return (a.start === a.end && b.start < a.start && a.start < b.end) || (b.start === b.end && a.start < b.start && b.start < a.end);
}

function pathOf(op: FixOperation): PathStep[] | undefined {
  if (op.path === undefined) return [];
  if (!Array.isArray(op.path) || !op.path.every((s) => typeof s === 'string' || typeof s === 'number')) return undefined;
  return op.path;
}

export function renderOperation(target: RenderTarget, op: FixOperation): RenderResult {
  const path = pathOf(op);
  if (!path) return fail(`operation ${op.op} has an invalid path`);
  switch (op.op) {
    case 'set':
      if (path.length === 0) return fail('set needs a path');
      if (!('value' in op)) return fail('set needs a value');
      return renderSet(target, path, op.value, typeof op.replaces === 'string' ? op.replaces : undefined);
    case 'remove':
      if (path.length === 0) return fail('remove of a whole resource is not offered as a fix');
      return renderRemove(target, path);
    case 'add_block':
      if (typeof op.type !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(op.type)) return fail('add_block needs a block type');
      return renderAddBlock(target, path, op.type, isPlainObject(op.config) ? op.config : {}, op.repeatable === true);
    case 'add_resource':
      return renderAddResource(target, op, 'resource');
    case 'add_data':
      return renderAddResource(target, op, 'data');
    case 'add_variable':
      return renderAddVariable(target, op);
    default:
      return fail(`unknown fix operation "${op.op}"`);
  }
}

function located(target: RenderTarget, path: PathStep[]): { ok: true; at: Located } | { ok: false; reason: string } {
  const r = locate(target.file, target.block, path);
  return r.ok ? { ok: true, at: r.located } : { ok: false, reason: `${target.address}: ${r.reason}` };
}

/**
 * `replaces`: the expression text the rule judged (`data.aws_kms_key.by_alias.arn` found to name
 * an AWS managed key). An input-derived value is replaced only when it still reads exactly that.
 */
function renderSet(target: RenderTarget, path: PathStep[], value: unknown, replaces?: string): RenderResult {
  const found = located(target, path);
  if (!found.ok) return found;
  const { file } = target;
  const at = found.at;
  switch (at.kind) {
    case 'attribute':
    case 'object-item': {
      const expr = at.kind === 'attribute' ? at.attr.expr : at.item.value;
      const source = inputSource(file, expr);
      const judged = replaces !== undefined && file.text.slice(expr.start, expr.end).trim() === replaces.trim();
      if (source && !judged) return fail(`${target.address}: ${path.join('.')} comes from ${source}; change it where it is defined`);
      const appended = appendToTuple(file, expr, value);
      if (appended) return { ok: true, edits: appended };
      const text = renderValue(value, indentAt(file.text, expr.start));
      if (text === undefined) return fail('the value cannot be written in HCL');
      return { ok: true, edits: [{ start: expr.start, end: expr.end, newText: text }] };
    }
    case 'tuple-item': {
      const expr = at.tuple.items[at.index];
      const text = renderValue(value, indentAt(file.text, expr.start));
      if (text === undefined) return fail('the value cannot be written in HCL');
      return { ok: true, edits: [{ start: expr.start, end: expr.end, newText: text }] };
    }
    case 'missing-in-body':
      return insertMissing(target, at.owner, at.rest, value);
    case 'missing-in-object':
      return insertIntoObject(target, at.object, at.rest, value);
    case 'block':
    case 'blocks':
      return fail(`${target.address}: ${path.join('.')} is a nested block; set its attributes instead`);
  }
}

/**
 * A `set` whose new list is the written multi-line list plus entries at its end (LAMBDA-003's X-Ray
 * ARN in managed_policy_arns): only the new entries are written, each on its own line after the
 * last one, so the comments beside and between the entries and the list's own layout stay (review
 * of session 22: rewriting the whole list lost `# …` after an entry and joined a short list onto
 * one line). A comma is added after the former last entry when it had none, and the new last entry
 * follows the list's habit (a trailing comma or not). Undefined when the written list is not a
 * multi-line tuple whose entries read exactly as the first entries of the new value.
 */
function appendToTuple(file: ParsedFile, expr: Expr, value: unknown): LocalEdit[] | undefined {
  if (expr.kind !== 'Tuple' || !Array.isArray(value)) return undefined;
  const items = expr.items;
  const text = file.text;
  if (items.length === 0 || value.length <= items.length || !text.slice(expr.start, expr.end).includes('\n')) return undefined;
  for (let i = 0; i < items.length; i++) {
    const written = text.slice(items[i].start, items[i].end).trim();
    if (renderValue(value[i], '') !== written) return undefined;
  }
  const last = items[items.length - 1];
  if (!startsLine(text, last.start) || sameLine(text, last.end, expr.end)) return undefined;
  const indent = indentAt(text, last.start);
  const added = value.slice(items.length).map((v) => renderValue(v, indent));
  if (added.some((a) => a === undefined || a.includes('\n'))) return undefined;
  const comma = /^[ \t]*,/.exec(text.slice(last.end));
  const nl = newlineOf(text);
  const lines = added.map((a, i) => `${indent}${a}${comma || i < added.length - 1 ? ',' : ''}`);
  const edits: LocalEdit[] = [];
  if (!comma) edits.push({ start: last.end, end: last.end, newText: ',' });
  const at = lineEnd(text, last.end);
  edits.push({ start: at, end: at, newText: `${nl}${lines.join(nl)}` });
  return edits;
}

/** `rest` as the model shape it would have: [a] → {a: v}; [a, 0, …] → {a: [{…}]}; [a, "k"] → {a: {k: v}}. */
function configFromPath(rest: PathStep[], value: unknown): Record<string, unknown> | undefined {
  const [name, next, ...more] = rest;
  if (typeof name !== 'string') return undefined;
  if (next === undefined) return { [name]: value };
  if (typeof next === 'number') {
    const inner = more.length === 0 ? value : configFromPath(more, value);
    return isPlainObject(inner) ? { [name]: [inner] } : undefined;
  }
  const inner = objectFromPath([next, ...more], value);
  return inner === undefined ? undefined : { [name]: inner };
}

function objectFromPath(rest: PathStep[], value: unknown): Record<string, unknown> | undefined {
  let out: unknown = value;
  for (let i = rest.length - 1; i >= 0; i--) {
    const step = rest[i];
    if (typeof step !== 'string') return undefined;
    out = { [step]: out };
  }
  return out as Record<string, unknown>;
}

function insertMissing(target: RenderTarget, owner: Block, rest: PathStep[], value: unknown): RenderResult {
  const config = configFromPath(rest, value);
  if (!config) return fail(`${target.address}: cannot create ${rest.join('.')}`);
  const indent = bodyIndent(target.file, owner);
  const lines = renderBodyLines(config, indent);
  if (!lines) return fail('the value cannot be written in HCL');
  const kind = isBlockList(Object.values(config)[0]) ? 'block' : 'attribute';
  const r = insertIntoBody(target.file, owner, lines, kind);
  return r.ok ? { ok: true, edits: [r.edit] } : fail(`${target.address}: ${r.reason}`);
}

function insertIntoObject(target: RenderTarget, object: Extract<Located, { kind: 'missing-in-object' }>['object'], rest: PathStep[], value: unknown): RenderResult {
  const [key, ...more] = rest;
  if (typeof key !== 'string') return fail(`${target.address}: cannot create element ${key} of a list`);
  const inner = more.length === 0 ? value : objectFromPath(more, value);
  if (inner === undefined) return fail(`${target.address}: cannot create ${rest.join('.')}`);
  const text = target.file.text;
  const close = object.end - 1; // the `}`
  const items = object.items;
  if (items.length > 0 && !sameLine(text, object.start, object.end)) {
    const last = items[items.length - 1];
    const indent = indentAt(text, last.start);
    const v = renderValue(inner, indent);
    if (v === undefined) return fail('the value cannot be written in HCL');
    const after = afterItem(text, last.end);
    // After a trailing comment, so the comment stays with its item.
    const insertAt = endsLine(target.file, after) ? lineEnd(text, after) : after;
    return { ok: true, edits: [{ start: insertAt, end: insertAt, newText: `\n${indent}${renderKey(key)} = ${v}` }] };
  }
  const indent = indentAt(text, object.start);
  const v = renderValue(inner, indent);
  if (v === undefined) return fail('the value cannot be written in HCL');
  if (items.length === 0) return { ok: true, edits: [{ start: object.start, end: object.end, newText: `{ ${renderKey(key)} = ${v} }` }] };
  const last = items[items.length - 1];
  if (text[close] !== '}') return fail(`${target.address}: the object is not closed`);
  return { ok: true, edits: [{ start: last.end, end: last.end, newText: `, ${renderKey(key)} = ${v}` }] };
}

/** After an object item and its optional trailing comma on the same line. */
function afterItem(text: string, end: number): number {
  const m = /^[ \t]*,/.exec(text.slice(end));
  return m ? end + m[0].length : end;
}

const ITERATION_READ = /(^|[^A-Za-z0-9_.-])((?:each\.(?:key|value)|count\.index)\b[A-Za-z0-9_.\[\]"-]*)/;

function renderRemove(target: RenderTarget, path: PathStep[]): RenderResult {
  const found = located(target, path);
  if (!found.ok) return found;
  const { file } = target;
  const at = found.at;
  switch (at.kind) {
    case 'attribute': {
      // `pid_mode = each.value.pid`: the one line serves every instance, and only some of them
      // hold the value the rule judged; removing it would reset the others too.
      const iteration = ITERATION_READ.exec(file.text.slice(at.attr.expr.start, at.attr.expr.end));
      if (iteration) return fail(`${target.address}: ${path.join('.')} comes from ${iteration[2]}, which differs per instance; change it where it is defined`);
      return { ok: true, edits: [deleteSpan(file, at.attr.start, at.attr.end)] };
    }
    case 'block':
      return { ok: true, edits: [deleteSpan(file, at.block.start, at.block.end)] };
    case 'blocks':
      return { ok: true, edits: at.blocks.map((b) => deleteSpan(file, b.start, b.end)) };
    case 'object-item': {
      const end = afterItem(file.text, at.item.end);
      const whole = deleteSpan(file, at.item.start, end);
      if (whole.start !== at.item.start || end === at.item.end) return { ok: true, edits: [whole] };
      // Inline `{ A = 1, B = 2 }`: the item, its comma and the space after it.
      return { ok: true, edits: [{ start: at.item.start, end: end + /^[ \t]*/.exec(file.text.slice(end))![0].length, newText: '' }] };
    }
    case 'tuple-item':
      return { ok: true, edits: [removeTupleItem(file, at.tuple, at.index)] };
    case 'missing-in-body':
    case 'missing-in-object':
      return fail(`${target.address}: ${path.join('.')} does not exist, nothing to remove`);
  }
}

function removeTupleItem(file: ParsedFile, tuple: Extract<Located, { kind: 'tuple-item' }>['tuple'], index: number): LocalEdit {
  const text = file.text;
  const item = tuple.items[index];
  const next = tuple.items[index + 1];
  const comma = /^\s*,/.exec(text.slice(item.end));
  const end = comma ? item.end + comma[0].length : item.end;
  const whole = deleteSpan(file, item.start, end);
  if (whole.start !== item.start) return whole; // the element had its own line(s)
  if (next) return { start: item.start, end: next.start, newText: '' };
  const prev = tuple.items[index - 1];
  if (prev) return { start: prev.end, end, newText: '' };
  return { start: item.start, end, newText: '' };
}

/**
 * `repeatable`: the block type is a list of entries (an Elastic Beanstalk `setting`), so the new
 * block goes beside the existing ones; otherwise an existing single block is completed in place.
 */
function renderAddBlock(target: RenderTarget, parentPath: PathStep[], type: string, config: Record<string, unknown>, repeatable = false): RenderResult {
  let owner = target.block;
  if (parentPath.length > 0) {
    const found = located(target, parentPath);
    if (!found.ok) return found;
    if (found.at.kind !== 'block') return fail(`${target.address}: ${parentPath.join('.')} is not a nested block to add "${type}" to`);
    owner = found.at.block;
  }
  const items = owner.body.items;
  if (items.some((i) => i.kind === 'Block' && i.type.name === 'dynamic' && i.labels[0]?.value === type)) {
    return fail(`${target.address}: "${type}" is generated by a dynamic block`);
  }
  if (items.some((i) => i.kind === 'Attribute' && i.name.name === type)) return fail(`${target.address}: "${type}" is set as an attribute`);
  const existing = repeatable ? [] : items.filter((i): i is Block => i.kind === 'Block' && i.type.name === type);
  if (existing.length > 1) return fail(`${target.address}: there are ${existing.length} "${type}" blocks; which one to change is ambiguous`);
  if (existing.length === 1) {
    // The block is there but incomplete: set each configured attribute inside it.
    const edits: LocalEdit[] = [];
    const sub: RenderTarget = { ...target, block: existing[0] };
    for (const [key, value] of Object.entries(config)) {
      const r = isBlockList(value) ? renderAddBlockList(sub, key, value) : renderSet(sub, [key], value);
      if (!r.ok) return r;
      for (const e of r.edits) {
        if (edits.some((o) => overlaps(o, e))) return fail(`${target.address}: the edits to "${type}" overlap`);
        edits.push(e);
      }
    }
    return edits.length > 0 ? { ok: true, edits } : fail(`${target.address}: "${type}" already exists`);
  }
  const text = renderBlock(type, [], config, bodyIndent(target.file, owner));
  if (text === undefined) return fail('the block cannot be written in HCL');
  const r = insertIntoBody(target.file, owner, [text], 'block');
  return r.ok ? { ok: true, edits: [r.edit] } : fail(`${target.address}: ${r.reason}`);
}

function renderAddBlockList(target: RenderTarget, type: string, list: Record<string, unknown>[]): RenderResult {
  if (list.length !== 1) return fail(`${target.address}: cannot merge ${list.length} "${type}" blocks`);
  return renderAddBlock(target, [], type, list[0]);
}

function renderAddResource(target: RenderTarget, op: FixOperation, keyword: 'resource' | 'data'): RenderResult {
  const { type, name } = op;
  if (typeof type !== 'string' || typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(type) || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    return fail(`${op.op} needs a ${keyword === 'data' ? 'data source' : 'resource'} type and a valid name`);
  }
  const config = isPlainObject(op.config) ? op.config : {};
  return insertTopLevel(target, keyword, [type, name], { ...inheritedProvider(target, type, config), ...config });
}

/**
 * `provider = …` of the block the new one is added beside, for a type of the same provider. The
 * model leaves the meta-argument out, so a rule cannot say it: a metric filter on a log group,
 * a policy for a bucket or a key for a log group that an aliased provider (another account or
 * region) manages must be created there too, not in the default provider's account and region
 * (cisagov's Root-account alarm: the CIS filters and alarms its fix adds read a log group only
 * `aws.rootprovisionaccount` sees).
 */
function inheritedProvider(target: RenderTarget, type: string, config: Record<string, unknown>): Record<string, unknown> {
  if ('provider' in config || !['resource', 'data'].includes(target.block.type.name)) return {};
  const attr = target.block.body.items.find((i) => i.kind === 'Attribute' && i.name.name === 'provider');
  if (!attr || attr.kind !== 'Attribute') return {};
  // The legacy quoted form (`"aws.west"`) is written as the reference Terraform reads today.
  const text = target.file.text.slice(attr.expr.start, attr.expr.end).trim().replace(/^"(.*)"$/, '$1');
  const family = /^([A-Za-z][A-Za-z0-9_-]*)\.[A-Za-z_][A-Za-z0-9_-]*$/.exec(text)?.[1];
  return family && type.startsWith(`${family}_`) ? { provider: { $expr: text } } : {};
}

/** `variable "name" { … }`: a module input the fix needs and only the author can give a value. */
function renderAddVariable(target: RenderTarget, op: FixOperation): RenderResult {
  if (typeof op.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(op.name)) return fail('add_variable needs a valid name');
  return insertTopLevel(target, 'variable', [op.name], isPlainObject(op.config) ? op.config : {});
}

/** A new top-level block after the target's block (after a comment on its closing line), one blank line between. */
function insertTopLevel(target: RenderTarget, keyword: string, labels: string[], config: Record<string, unknown>): RenderResult {
  const text = target.file.text;
  if (!target.block.close) return fail(`${target.address}: the block is not closed`);
  const indent = indentAt(text, target.block.start);
  const block = renderBlock(keyword, labels, config, indent);
  if (block === undefined) return fail(`the ${keyword} cannot be written in HCL`);
  const end = target.block.end;
  const at = endsLine(target.file, end) ? lineEnd(text, end) : end;
  return { ok: true, edits: [{ start: at, end: at, newText: `\n\n${block}` }] };
}
