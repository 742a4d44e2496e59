// Block bodies → `config` objects (nested blocks become lists of objects, dynamic blocks are
// expanded), with a source map node for every attribute, block and list element, and the
// references each attribute makes.
import type { Attribute, Block, Body, CallExpr, Expr, Span } from '../ast';
import type { ModelReference, SourceMapNode, SourceRange } from '../../model';
import { Unknown, type Value, type ValueObject } from '../values';
import { typeName } from './convert';
import { headerSpan } from './decls';
import { evaluate, iterationPairs } from './expressions';
import { jsonTemplateNode, looksLikeJson } from './json-template';
import { collectPossibleReferences, collectReferences, mayReferenceIn } from './references';
import { evalError, withBindings, type Scope } from './scope';
import { MAX_INSTANCES_PER_BLOCK } from './unit';

export interface BodyResult {
  config: ValueObject;
  fields: Record<string, SourceMapNode>;
}

export function rangeOf(scope: Scope, span: Span): SourceRange {
  return { file: scope.env.ctx.rel(scope.file.path), start: span.start, end: span.end };
}

/** Source map node for an expression: tuple elements get `items`, object attributes `fields`. */
export function expressionNode(scope: Scope, expr: Expr): SourceMapNode {
  const node: SourceMapNode = { range: rangeOf(scope, expr), valueRange: rangeOf(scope, expr) };
  const inner = expr.kind === 'Paren' ? expr.expr : expr;
  if (inner.kind === 'Call') {
    // jsonencode({...}) / jsonencode([...]): map the value inside, so a rule can address any key
    // of the encoded JSON (a policy statement, a container definition's `privileged`).
    const arg = jsonencodeArgument(inner);
    if (arg) {
      const argNode = expressionNode(scope, arg);
      if (argNode.fields) node.fields = argNode.fields;
      if (argNode.items) node.items = argNode.items;
    }
  } else if (inner.kind === 'Template') {
    // A JSON string (heredoc or quoted, interpolating or not): each key and element is placed.
    const json = looksLikeJson(inner) ? jsonTemplateNode(inner, scope.file.text, node.range.file) : undefined;
    if (json?.fields) node.fields = json.fields;
    if (json?.items) node.items = json.items;
  } else if (inner.kind === 'Tuple') node.items = inner.items.map((item) => expressionNode(scope, item));
  else if (inner.kind === 'Object') {
    const fields: Record<string, SourceMapNode> = {};
    for (const item of inner.items) {
      const k = item.key.kind === 'Variable' ? item.key.name : literalKey(item.key);
      if (k === undefined) continue;
      fields[k] = { ...expressionNode(scope, item.value), range: rangeOf(scope, item), nameRange: rangeOf(scope, item.key) };
    }
    node.fields = fields;
  }
  return node;
}

/** The object or tuple literal of `jsonencode(…)`, else undefined. */
function jsonencodeArgument(expr: CallExpr): Expr | undefined {
  if (expr.name.name !== 'jsonencode' || expr.args.length !== 1 || expr.expandFinal) return undefined;
  const arg = expr.args[0];
  return arg.kind === 'Object' || arg.kind === 'Tuple' ? arg : undefined;
}

function literalKey(e: Expr): string | undefined {
  if (e.kind !== 'Template') return undefined;
  let s = '';
  for (const p of e.parts) {
    if (p.kind !== 'TemplateLiteral') return undefined;
    s += p.value;
  }
  return s;
}

/**
 * Attribute nodes depend only on the syntax tree and the file's root-relative path, so each is built
 * once and shared by instances and by every unit that reads the file with that path (the units of
 * a scan share one root, so a module called from many units, or re-scanned to verify a fix, is
 * mapped once). Trees are immutable and nodes are never mutated (iam-source-map.ts copies).
 */
const attributeNodes = new WeakMap<Attribute, SourceMapNode>();

export function attributeNode(scope: Scope, attr: Attribute): SourceMapNode {
  const file = scope.env.ctx.rel(scope.file.path);
  let node = attributeNodes.get(attr);
  if (node === undefined || node.range.file !== file) {
    node = { ...expressionNode(scope, attr.expr), range: rangeOf(scope, attr), nameRange: rangeOf(scope, attr.name) };
    attributeNodes.set(attr, node);
  }
  return node;
}

export function blockNode(scope: Scope, block: Block, fields: Record<string, SourceMapNode>): SourceMapNode {
  return { range: rangeOf(scope, block), nameRange: rangeOf(scope, headerSpan(block)), fields };
}

/** The nested blocks of one type in a body, in order (they become one list attribute). */
interface BlockList {
  type: string;
  values: Value[];
  nodes: SourceMapNode[];
  first: Span;
  last: Span;
  header: Span;
}

/** A body's block lists: by type, and in order of first appearance. */
interface BlockLists {
  byType: Map<string, BlockList>;
  inOrder: BlockList[];
}

function blockListFor(lists: BlockLists, type: string, block: Block): BlockList {
  let l = lists.byType.get(type);
  if (!l) {
    lists.byType.set(type, (l = { type, values: [], nodes: [], first: block, last: block, header: block.type }));
    lists.inOrder.push(l);
  }
  l.last = block;
  return l;
}

/** Shared by bodies without meta-arguments to skip (a default `new Set()` was one per nested block). */
const NOTHING_SKIPPED: ReadonlySet<string> = new Set();

/**
 * Evaluate a body. `skip` names attributes/blocks that are meta-arguments (not configuration);
 * `path` is where this body sits inside the resource's config (for references).
 */
export function evaluateBody(
  body: Body,
  scope: Scope,
  path: (string | number)[],
  refs: ModelReference[],
  skip: ReadonlySet<string> = NOTHING_SKIPPED,
): BodyResult {
  const config: ValueObject = {};
  const fields: Record<string, SourceMapNode> = {};
  // Made at the first nested block: most bodies have none. This runs for every body of every
  // instance in every unit, so it also loops by index (a for…of allocates an iterator result per
  // step in V8's baseline tier, where most of this code runs).
  let blockLists: BlockLists | undefined;
  const items = body.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'Attribute') {
      const name = item.name.name;
      if (skip.has(name)) continue;
      if (Object.prototype.hasOwnProperty.call(fields, name)) {
        scope.env.ctx.report(scope.file.path, item.name, 'error', 'tf-duplicate-attribute', `attribute "${name}" is set more than once`);
        continue;
      }
      config[name] = evaluate(item.expr, scope);
      fields[name] = attributeNode(scope, item);
      // The attribute's path is built only for the few values that can hold a reference.
      if (mayReferenceIn(item.expr, scope)) collectPossibleReferences(item.expr, scope, [...path, name], refs);
      continue;
    }
    const type = item.type.name;
    if (skip.has(type)) continue;
    blockLists ??= { byType: new Map(), inOrder: [] };
    if (type === 'dynamic') {
      const label = item.labels[0]?.value;
      if (!label) continue;
      const list = blockListFor(blockLists, label, item);
      expandDynamic(item, scope, [...path, label], refs, list);
      continue;
    }
    const list = blockListFor(blockLists, type, item);
    const inner = evaluateBody(item.body, scope, [...path, type, list.values.length], refs);
    list.values.push(inner.config);
    list.nodes.push(blockNode(scope, item, inner.fields));
  }
  if (blockLists) addBlockLists(blockLists.inOrder, scope, config, fields);
  return { config, fields };
}

/** Each list of nested blocks becomes one attribute of the body's config. */
function addBlockLists(lists: BlockList[], scope: Scope, config: ValueObject, fields: Record<string, SourceMapNode>): void {
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    const type = list.type;
    if (Object.prototype.hasOwnProperty.call(config, type)) {
      scope.env.ctx.report(scope.file.path, list.header, 'error', 'tf-duplicate-attribute', `"${type}" is both an attribute and a block`);
      continue;
    }
    // Only dynamic blocks whose for_each is empty (`for_each = var.x != null ? [var.x] : []`, the
    // way modules make a block optional) leave a list empty. That is no block at all, as when the
    // block is not written: rules test absence by the key being missing, and `[]` read as present.
    if (list.values.length === 0) continue;
    config[type] = list.values;
    fields[type] = {
      range: rangeOf(scope, { start: list.first.start, end: list.last.end }),
      nameRange: rangeOf(scope, list.header),
      items: list.nodes,
    };
  }
}

/** `dynamic "x" { for_each = …, iterator = it, content { … } }` → one `x` object per element. */
function expandDynamic(
  block: Block,
  scope: Scope,
  path: (string | number)[],
  refs: ModelReference[],
  list: { values: Value[]; nodes: SourceMapNode[] },
): void {
  const label = block.labels[0].value;
  let forEach: Attribute | undefined;
  let iterator: Attribute | undefined;
  let content: Block | undefined;
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === 'for_each') forEach = item;
    else if (item.kind === 'Attribute' && item.name.name === 'iterator') iterator = item;
    else if (item.kind === 'Block' && item.type.name === 'content') content = item;
  }
  if (!forEach || !content) {
    evalError(scope, block.type, 'tf-dynamic-block', `dynamic "${label}" needs "for_each" and a "content" block`);
    return;
  }
  const iterName = iterator?.expr.kind === 'Variable' ? iterator.expr.name : label;
  collectReferences(forEach.expr, scope, path, refs);
  const coll = evaluate(forEach.expr, scope);
  const emit = (key: Value, value: Value) => {
    const inner = withBindings(scope, { [iterName]: { key, value } });
    const index = list.values.length;
    const body = evaluateBody(content!.body, inner, [...path, index], refs);
    list.values.push(body.config);
    list.nodes.push(blockNode(scope, content!, body.fields));
  };
  if (coll instanceof Unknown) {
    // The number of blocks is not known: evaluate the content once with an unknown iterator.
    const why = coll.reason ?? 'the for_each of this dynamic block is not known';
    emit(new Unknown(`${iterName}.key`, coll.refs, why), new Unknown(`${iterName}.value`, coll.refs, why));
    return;
  }
  const pairs = coll === null ? undefined : iterationPairs(coll);
  if (!pairs) {
    evalError(scope, forEach.expr, 'tf-invalid-for-each', `a dynamic block's for_each must be a collection, got ${typeName(coll)}`);
    return;
  }
  if (pairs.length > MAX_INSTANCES_PER_BLOCK || !scope.env.ctx.takeInstances(pairs.length)) {
    scope.env.ctx.report(scope.file.path, forEach.expr, 'warning', 'tf-expansion-limit',
      `dynamic "${label}" expands to too many blocks; evaluated once with an unknown iterator`);
    emit(new Unknown(`${iterName}.key`, [], 'expansion limit'), new Unknown(`${iterName}.value`, [], 'expansion limit'));
    return;
  }
  for (const [k, v] of pairs) emit(k, v);
}

/**
 * `provisioner "type" { … }` and `connection { … }` blocks of a managed resource, as
 * `provisioner: [{"type": "remote-exec", "inline": [...], "connection": [{…}]}]` (the label
 * becomes `type`, mapped to the label's text) and `connection: [{…}]`, so rules can read what is
 * run on or copied to the instance. Terraform evaluates them only while applying (`self`,
 * `when = destroy`, files that exist only then), so their evaluation reports nothing and their
 * references are not recorded: they are not configuration other resources depend on.
 */
export function addProvisionerBlocks(body: Body, scope: Scope, result: BodyResult): void {
  const lists = new Map<string, { values: Value[]; nodes: SourceMapNode[]; first: Block; last: Block }>();
  const ctx = scope.env.ctx;
  const errors = ctx.evalErrors;
  ctx.muted++;
  try {
    for (const item of body.items) {
      if (item.kind !== 'Block' || !PROVISIONER_BLOCKS.has(item.type.name)) continue;
      const type = item.type.name;
      if (Object.prototype.hasOwnProperty.call(result.config, type)) continue;
      let list = lists.get(type);
      if (!list) lists.set(type, (list = { values: [], nodes: [], first: item, last: item }));
      list.last = item;
      const inner = evaluateBody(item.body, scope, [], [], APPLY_TIME_KEYWORDS);
      for (const attr of item.body.items) {
        // `when = destroy`, `on_failure = continue`: keywords, not references.
        if (attr.kind === 'Attribute' && APPLY_TIME_KEYWORDS.has(attr.name.name) && attr.expr.kind === 'Variable') {
          inner.config[attr.name.name] = attr.expr.name;
          inner.fields[attr.name.name] = attributeNode(scope, attr);
        }
      }
      const label = item.labels[0];
      if (type === 'provisioner' && label && !Object.prototype.hasOwnProperty.call(inner.config, 'type')) {
        inner.config.type = label.value;
        inner.fields.type = { range: rangeOf(scope, label), valueRange: rangeOf(scope, label) };
      }
      list.values.push(inner.config);
      list.nodes.push(blockNode(scope, item, inner.fields));
    }
  } finally {
    ctx.muted--;
    ctx.evalErrors = errors;
  }
  for (const [type, list] of lists) {
    result.config[type] = list.values;
    result.fields[type] = {
      range: rangeOf(scope, { start: list.first.start, end: list.last.end }),
      nameRange: rangeOf(scope, list.first.type),
      items: list.nodes,
    };
  }
}

const PROVISIONER_BLOCKS = new Set(['provisioner', 'connection']);
const APPLY_TIME_KEYWORDS = new Set(['when', 'on_failure']);

