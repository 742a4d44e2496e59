// Block bodies → `config` objects (nested blocks become lists of objects, dynamic blocks are
// expanded), with a source map node for every attribute, block and list element, and the
// references each attribute makes.
import type { Attribute, Block, Body, Expr, Span } from '../ast';
import type { ModelReference, SourceMapNode, SourceRange } from '../../model';
import { Unknown, type Value, type ValueObject } from '../values';
import { typeName } from './convert';
import { headerSpan } from './decls';
import { evaluate, iterationPairs } from './expressions';
import { jsonencodeArgument, policyJsonStringNode } from './iam-source-map';
import { collectReferences } from './references';
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
    // jsonencode({...}) of a policy: map the object inside, so each statement can be placed.
    const arg = jsonencodeArgument(inner);
    if (arg) node.fields = expressionNode(scope, arg).fields;
  } else if (inner.kind === 'Template') {
    const json = policyJsonStringNode(inner, scope.file.text, node.range.file);
    if (json?.fields) node.fields = json.fields;
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

function literalKey(e: Expr): string | undefined {
  if (e.kind !== 'Template') return undefined;
  let s = '';
  for (const p of e.parts) {
    if (p.kind !== 'TemplateLiteral') return undefined;
    s += p.value;
  }
  return s;
}

/** Attribute nodes depend only on the syntax tree, so each is built once per run and shared by instances. */
const attributeNodes = new WeakMap<object, WeakMap<Attribute, SourceMapNode>>();

export function attributeNode(scope: Scope, attr: Attribute): SourceMapNode {
  let perUnit = attributeNodes.get(scope.env.ctx);
  if (!perUnit) attributeNodes.set(scope.env.ctx, (perUnit = new WeakMap()));
  let node = perUnit.get(attr);
  if (!node) {
    node = { ...expressionNode(scope, attr.expr), range: rangeOf(scope, attr), nameRange: rangeOf(scope, attr.name) };
    perUnit.set(attr, node);
  }
  return node;
}

export function blockNode(scope: Scope, block: Block, fields: Record<string, SourceMapNode>): SourceMapNode {
  return { range: rangeOf(scope, block), nameRange: rangeOf(scope, headerSpan(block)), fields };
}

/**
 * Evaluate a body. `skip` names attributes/blocks that are meta-arguments (not configuration);
 * `path` is where this body sits inside the resource's config (for references).
 */
export function evaluateBody(
  body: Body,
  scope: Scope,
  path: (string | number)[],
  refs: ModelReference[],
  skip: ReadonlySet<string> = new Set(),
): BodyResult {
  const config: ValueObject = {};
  const fields: Record<string, SourceMapNode> = {};
  const blockLists = new Map<string, { values: Value[]; nodes: SourceMapNode[]; first: Span; last: Span; header: Span }>();
  const listFor = (type: string, block: Block) => {
    let l = blockLists.get(type);
    if (!l) blockLists.set(type, (l = { values: [], nodes: [], first: block, last: block, header: block.type }));
    l.last = block;
    return l;
  };
  for (const item of body.items) {
    if (item.kind === 'Attribute') {
      const name = item.name.name;
      if (skip.has(name)) continue;
      if (Object.prototype.hasOwnProperty.call(fields, name)) {
        scope.env.ctx.report(scope.file.path, item.name, 'error', 'tf-duplicate-attribute', `attribute "${name}" is set more than once`);
        continue;
      }
      config[name] = evaluate(item.expr, scope);
      fields[name] = attributeNode(scope, item);
      collectReferences(item.expr, scope, [...path, name], refs);
      continue;
    }
    const type = item.type.name;
    if (skip.has(type)) continue;
    if (type === 'dynamic') {
      const label = item.labels[0]?.value;
      if (!label) continue;
      const list = listFor(label, item);
      expandDynamic(item, scope, [...path, label], refs, list);
      continue;
    }
    const list = listFor(type, item);
    const inner = evaluateBody(item.body, scope, [...path, type, list.values.length], refs);
    list.values.push(inner.config);
    list.nodes.push(blockNode(scope, item, inner.fields));
  }
  for (const [type, list] of blockLists) {
    if (Object.prototype.hasOwnProperty.call(config, type)) {
      scope.env.ctx.report(scope.file.path, list.header, 'error', 'tf-duplicate-attribute', `"${type}" is both an attribute and a block`);
      continue;
    }
    config[type] = list.values;
    fields[type] = {
      range: rangeOf(scope, { start: list.first.start, end: list.last.end }),
      nameRange: rangeOf(scope, list.header),
      items: list.nodes,
    };
  }
  return { config, fields };
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
