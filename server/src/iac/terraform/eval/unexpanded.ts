// Undeclared `var.x` / `local.x` in a block that expands to no instance. Terraform checks every
// reference when it validates the configuration, whatever count or for_each turn out to be; our
// evaluator reports an undeclared name when it evaluates the reference, and a resource, data source
// or module call with `count = 0` (or an empty for_each) has no instance, so its body was never
// evaluated and the mistake went unreported (held-out round 16: cloudposse's elasticsearch module
// reads `var.iam_role_permissions_boundary` in a role whose count is 0 by default, and the stored
// variables.tf does not declare it). Only such bodies are walked, once, so a unit pays nothing for
// the blocks it evaluates.
import type { Block, Body, Expr, TemplatePart } from '../ast';
import type { Scope } from './scope';

/**
 * Report undeclared variables and locals read anywhere in the block's body. `count` and `for_each`
 * are left out: they were evaluated (that is how the block came to have no instance).
 */
export function reportUndeclaredInUnexpanded(block: Block, scope: Scope): void {
  for (const item of block.body.items) {
    if (item.kind === 'Attribute') {
      if (item.name.name !== 'count' && item.name.name !== 'for_each') walkExpr(item.expr, scope, NONE);
    } else walkBody(item.body, scope, NONE);
  }
}

const NONE: ReadonlySet<string> = new Set();

function walkBody(body: Body, scope: Scope, bound: ReadonlySet<string>): void {
  for (const item of body.items) {
    if (item.kind === 'Attribute') walkExpr(item.expr, scope, bound);
    else walkBody(item.body, scope, bound);
  }
}

function walkExpr(e: Expr, scope: Scope, bound: ReadonlySet<string>): void {
  switch (e.kind) {
    case 'GetAttr':
      if (e.object.kind === 'Variable' && !bound.has(e.object.name)) check(e.object.name, e.name.name, e, scope);
      else walkExpr(e.object, scope, bound);
      return;
    case 'Index': walkExpr(e.object, scope, bound); walkExpr(e.key, scope, bound); return;
    case 'Splat': walkExpr(e.object, scope, bound); walkExpr(e.each, scope, bound); return;
    case 'Call': for (const a of e.args) walkExpr(a, scope, bound); return;
    case 'Tuple': for (const i of e.items) walkExpr(i, scope, bound); return;
    case 'Object':
      for (const i of e.items) { walkExpr(i.key, scope, bound); walkExpr(i.value, scope, bound); }
      return;
    case 'Unary': walkExpr(e.operand, scope, bound); return;
    case 'Binary': walkExpr(e.left, scope, bound); walkExpr(e.right, scope, bound); return;
    case 'Conditional': walkExpr(e.cond, scope, bound); walkExpr(e.then, scope, bound); walkExpr(e.else, scope, bound); return;
    case 'Paren': walkExpr(e.expr, scope, bound); return;
    case 'For': {
      walkExpr(e.collection, scope, bound);
      const inner = withNames(bound, e.keyVar?.name, e.valueVar.name);
      if (e.keyExpr !== undefined) walkExpr(e.keyExpr, scope, inner);
      walkExpr(e.valueExpr, scope, inner);
      if (e.cond !== undefined) walkExpr(e.cond, scope, inner);
      return;
    }
    case 'Template': walkParts(e.parts, scope, bound); return;
    default: return;
  }
}

function walkParts(parts: TemplatePart[], scope: Scope, bound: ReadonlySet<string>): void {
  for (const p of parts) {
    if (p.kind === 'TemplateInterpolation') walkExpr(p.expr, scope, bound);
    else if (p.kind === 'TemplateIf') {
      walkExpr(p.cond, scope, bound);
      walkParts(p.then, scope, bound);
      if (p.else !== undefined) walkParts(p.else, scope, bound);
    } else if (p.kind === 'TemplateFor') {
      walkExpr(p.collection, scope, bound);
      walkParts(p.body, scope, withNames(bound, p.keyVar?.name, p.valueVar.name));
    }
  }
}

function withNames(bound: ReadonlySet<string>, ...names: (string | undefined)[]): ReadonlySet<string> {
  const out = new Set(bound);
  for (const n of names) if (n !== undefined) out.add(n);
  return out;
}

/** The same codes and messages as the evaluator's (traversal.ts), so a diagnostic reads alike wherever it comes from. */
function check(root: string, name: string, span: Expr, scope: Scope): void {
  const decls = scope.env.decls;
  if (root === 'var' && !decls.variables.has(name)) {
    scope.env.ctx.report(scope.file.path, span, 'error', 'tf-undeclared-variable', `variable "${name}" is not declared`);
  } else if (root === 'local' && !decls.locals.has(name)) {
    scope.env.ctx.report(scope.file.path, span, 'error', 'tf-undeclared-local', `local value "${name}" is not declared`);
  }
}
