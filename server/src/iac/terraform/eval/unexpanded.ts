// Undeclared `var.x` / `local.x` / `data.T.N` / `T.N` / `module.m` in a block that expands to no
// instance. Terraform checks every
// reference when it validates the configuration, whatever count or for_each turn out to be; our
// evaluator reports an undeclared name when it evaluates the reference, and a resource, data source
// or module call with `count = 0` (or an empty for_each) has no instance, so its body was never
// evaluated and the mistake went unreported (held-out round 16: cloudposse's elasticsearch module
// reads `var.iam_role_permissions_boundary` in a role whose count is 0 by default, and the stored
// variables.tf does not declare it; held-out round 17: binbash Leverage's shared network layer
// reads `data.terraform_remote_state.tgw[0]` in two routes whose count is 0 unless transit gateway
// support is on, and the layer declares no such data source — `terraform validate` refuses it).
// Only such bodies are walked, and each parse tree once: the references found are kept per block
// (a WeakMap, like the parse trees shared by every run and fix re-scan), so a later run only looks
// the names up.
import type { Block, Body, Expr, TemplatePart } from '../ast';
import type { Scope } from './scope';
import { looksLikeResourceType } from './traversal';

/**
 * A reference in a block's body: the root (`var`, `local`, `module`, `data` or `managed` for a
 * resource type), the name (`type.name` for resources), and where it is written.
 */
interface NamedReference {
  root: 'var' | 'local' | 'module' | 'data' | 'managed';
  name: string;
  span: Expr;
}

/** Roots that are never a resource type (traversal.ts reads them as their own kinds of reference). */
const NOT_RESOURCE = new Set(['var', 'local', 'path', 'terraform', 'count', 'each', 'self', 'module', 'data', 'ephemeral']);

const referencesByBlock = new WeakMap<Block, NamedReference[]>();

/**
 * Report undeclared variables and locals read anywhere in the block's body. `count` and `for_each`
 * are left out: they were evaluated (that is how the block came to have no instance).
 */
export function reportUndeclaredInUnexpanded(block: Block, scope: Scope): void {
  let refs = referencesByBlock.get(block);
  if (refs === undefined) {
    refs = [];
    const body = { ...block.body, items: block.body.items.filter((i) => i.kind !== 'Attribute' || (i.name.name !== 'count' && i.name.name !== 'for_each')) };
    walkBody(body, refs, NONE);
    referencesByBlock.set(block, refs);
  }
  for (const ref of refs) check(ref, scope);
}

const NONE: ReadonlySet<string> = new Set();

function walkBody(body: Body, refs: NamedReference[], bound: ReadonlySet<string>): void {
  for (const item of body.items) {
    if (item.kind === 'Attribute') walkExpr(item.expr, refs, bound);
    else if (item.type.name === 'lifecycle') walkLifecycle(item, refs, bound);
    else walkBody(item.body, refs, item.type.name === 'dynamic' ? withNames(bound, dynamicIterator(item)) : bound);
  }
}

/** `ignore_changes` names the block's own attributes (`ebs_block_device[0].size`), not references. */
function walkLifecycle(block: Block, refs: NamedReference[], bound: ReadonlySet<string>): void {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute') {
      if (item.name.name !== 'ignore_changes') walkExpr(item.expr, refs, bound);
    } else walkBody(item.body, refs, bound);
  }
}

/** The name a `dynamic` block's content reads its element by: `iterator = x`, else the block's label. */
function dynamicIterator(block: Block): string | undefined {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute' && item.name.name === 'iterator' && item.expr.kind === 'Variable') return item.expr.name;
  }
  return block.labels[0]?.value;
}

function walkExpr(e: Expr, refs: NamedReference[], bound: ReadonlySet<string>): void {
  switch (e.kind) {
    case 'GetAttr':
      if (e.object.kind === 'Variable' && !bound.has(e.object.name)) {
        const root = e.object.name;
        if (root === 'var' || root === 'local' || root === 'module') refs.push({ root, name: e.name.name, span: e });
        else if (!NOT_RESOURCE.has(root) && looksLikeResourceType(root)) refs.push({ root: 'managed', name: `${root}.${e.name.name}`, span: e });
      } else if (e.object.kind === 'GetAttr' && e.object.object.kind === 'Variable' && e.object.object.name === 'data' && !bound.has('data')) {
        refs.push({ root: 'data', name: `${e.object.name.name}.${e.name.name}`, span: e });
      } else walkExpr(e.object, refs, bound);
      return;
    case 'Index': walkExpr(e.object, refs, bound); walkExpr(e.key, refs, bound); return;
    case 'Splat': walkExpr(e.object, refs, bound); walkExpr(e.each, refs, bound); return;
    case 'Call': for (const a of e.args) walkExpr(a, refs, bound); return;
    case 'Tuple': for (const i of e.items) walkExpr(i, refs, bound); return;
    case 'Object':
      for (const i of e.items) { walkExpr(i.key, refs, bound); walkExpr(i.value, refs, bound); }
      return;
    case 'Unary': walkExpr(e.operand, refs, bound); return;
    case 'Binary': walkExpr(e.left, refs, bound); walkExpr(e.right, refs, bound); return;
    case 'Conditional': walkExpr(e.cond, refs, bound); walkExpr(e.then, refs, bound); walkExpr(e.else, refs, bound); return;
    case 'Paren': walkExpr(e.expr, refs, bound); return;
    case 'For': {
      walkExpr(e.collection, refs, bound);
      const inner = withNames(bound, e.keyVar?.name, e.valueVar.name);
      if (e.keyExpr !== undefined) walkExpr(e.keyExpr, refs, inner);
      walkExpr(e.valueExpr, refs, inner);
      if (e.cond !== undefined) walkExpr(e.cond, refs, inner);
      return;
    }
    case 'Template': walkParts(e.parts, refs, bound); return;
    default: return;
  }
}

function walkParts(parts: TemplatePart[], refs: NamedReference[], bound: ReadonlySet<string>): void {
  for (const p of parts) {
    if (p.kind === 'TemplateInterpolation') walkExpr(p.expr, refs, bound);
    else if (p.kind === 'TemplateIf') {
      walkExpr(p.cond, refs, bound);
      walkParts(p.then, refs, bound);
      if (p.else !== undefined) walkParts(p.else, refs, bound);
    } else if (p.kind === 'TemplateFor') {
      walkExpr(p.collection, refs, bound);
      walkParts(p.body, refs, withNames(bound, p.keyVar?.name, p.valueVar.name));
    }
  }
}

function withNames(bound: ReadonlySet<string>, ...names: (string | undefined)[]): ReadonlySet<string> {
  const out = new Set(bound);
  for (const n of names) if (n !== undefined) out.add(n);
  return out;
}

/** The same codes and messages as the evaluator's (traversal.ts), so a diagnostic reads alike wherever it comes from. */
function check(ref: NamedReference, scope: Scope): void {
  const decls = scope.env.decls;
  if (ref.root === 'var' && !decls.variables.has(ref.name)) {
    scope.env.ctx.report(scope.file.path, ref.span, 'error', 'tf-undeclared-variable', `variable "${ref.name}" is not declared`);
  } else if (ref.root === 'local' && !decls.locals.has(ref.name)) {
    scope.env.ctx.report(scope.file.path, ref.span, 'error', 'tf-undeclared-local', `local value "${ref.name}" is not declared`);
  } else if (ref.root === 'module' && !decls.modules.has(ref.name)) {
    scope.env.ctx.report(scope.file.path, ref.span, 'error', 'tf-undeclared-module', `module "${ref.name}" is not declared`);
  } else if (ref.root === 'data' && !decls.data.has(ref.name)) {
    const [type, name] = ref.name.split('.');
    scope.env.ctx.report(scope.file.path, ref.span, 'error', 'tf-undeclared-resource', `data "${type}" "${name}" is not declared in this module`);
  } else if (ref.root === 'managed' && !decls.resources.has(ref.name)) {
    const [type, name] = ref.name.split('.');
    scope.env.ctx.report(scope.file.path, ref.span, 'error', 'tf-undeclared-resource', `resource "${type}" "${name}" is not declared in this module`);
  }
}
