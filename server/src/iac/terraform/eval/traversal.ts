// The roots of references: var.*, local.*, path.*, terraform.*, count.*, each.*, self, module.*,
// data.*, ephemeral.*, and resource types. Everything else in a traversal is ordinary attribute/index access.
import type { GetAttrExpr, VariableExpr } from '../ast';
import { Unknown, type Value } from '../values';
import { evalError, sourceOf, type Scope } from './scope';
import { relativePath } from './text';

const RESERVED_ROOTS = new Set(['var', 'local', 'path', 'terraform', 'count', 'each', 'self', 'module', 'data', 'ephemeral']);

/** A root that Terraform reads as a managed resource type (`provider_type`) even when the module
 *  declares no resource of it. Types are lower case; resource *names* after them are any identifier. */
export function looksLikeResourceType(root: string): boolean {
  return /^[a-z0-9]+_[a-z0-9_]+$/.test(root);
}

/** A bare name: a bound name (for variable, iterator, template var) or an invalid reference. */
export function resolveBareVariable(expr: VariableExpr, scope: Scope): Value {
  const bound = scope.bindings.get(expr.name);
  if (bound !== undefined) return bound;
  if (expr.name === 'self') return new Unknown('self', [], '`self` is only known when applying');
  if (scope.kind !== 'module') {
    return evalError(scope, expr, 'tf-invalid-reference', `unknown name "${expr.name}" (only ${scope.kind === 'tfvars' ? 'constant values' : 'the template variables'} are available here)`);
  }
  if (RESERVED_ROOTS.has(expr.name) || scope.env.decls.resourceTypes.has(expr.name)) {
    return evalError(scope, expr, 'tf-invalid-reference', `"${expr.name}" must be followed by an attribute, e.g. ${expr.name}.name`);
  }
  return evalError(scope, expr, 'tf-invalid-reference', `unknown name "${expr.name}"`);
}

/**
 * Resolve `root.name` (and `data.type.name`, `module.m.output`) when the root is a reference
 * root; undefined when this is ordinary attribute access on a value.
 */
export function resolveTraversal(expr: GetAttrExpr, scope: Scope): Value | undefined {
  const obj = expr.object;
  const name = expr.name.name;
  if (obj.kind === 'GetAttr' && obj.object.kind === 'Variable' && !scope.bindings.has(obj.object.name) && scope.kind === 'module') {
    const root = obj.object.name;
    if (root === 'data') return resourceRef(scope, expr, 'data', obj.name.name, name);
    if (root === 'ephemeral') return ephemeralRef(scope, expr, obj.name.name, name);
    if (root === 'module') {
      const out = scope.env.moduleOutput(obj.name.name, name);
      if (out !== undefined) return out;
    }
    return undefined;
  }
  if (obj.kind !== 'Variable' || scope.bindings.has(obj.name)) return undefined;
  if (scope.kind !== 'module') return undefined;
  const env = scope.env;
  switch (obj.name) {
    case 'var': {
      const v = env.variable(name);
      return v !== undefined ? v : evalError(scope, expr, 'tf-undeclared-variable', `variable "${name}" is not declared`);
    }
    case 'local': {
      const v = env.local(name);
      return v !== undefined ? v : evalError(scope, expr, 'tf-undeclared-local', `local value "${name}" is not declared`);
    }
    case 'path':
      // Terraform runs in the root module's directory: paths are relative to it.
      if (name === 'module') return relativePath(env.rootDir, env.dir);
      if (name === 'root') return '.';
      if (name === 'cwd') return env.rootDir;
      return evalError(scope, expr, 'tf-invalid-reference', `unknown path attribute "${name}" (module, root or cwd)`);
    case 'terraform':
      if (name === 'workspace') return 'default';
      return evalError(scope, expr, 'tf-invalid-reference', `unknown terraform attribute "${name}"`);
    case 'count':
      if (name !== 'index') return evalError(scope, expr, 'tf-invalid-reference', `unknown count attribute "${name}"`);
      return scope.countIndex !== undefined ? scope.countIndex : evalError(scope, expr, 'tf-invalid-reference', '"count.index" is only available in blocks with "count"');
    case 'each':
      if (name !== 'key' && name !== 'value') return evalError(scope, expr, 'tf-invalid-reference', `unknown each attribute "${name}"`);
      if (!scope.each) return evalError(scope, expr, 'tf-invalid-reference', `"each.${name}" is only available in blocks with "for_each"`);
      return name === 'key' ? scope.each.key : scope.each.value;
    case 'self':
      return new Unknown(sourceOf(scope, expr), [], '`self` is only known when applying');
    case 'module': {
      const v = env.module(name);
      return v !== undefined ? v : evalError(scope, expr, 'tf-undeclared-module', `module "${name}" is not declared`);
    }
    case 'data':
      return evalError(scope, expr, 'tf-invalid-reference', 'a data source reference needs type and name: data.TYPE.NAME');
    case 'ephemeral':
      return evalError(scope, expr, 'tf-invalid-reference', 'an ephemeral resource reference needs type and name: ephemeral.TYPE.NAME');
  }
  if (env.decls.resourceTypes.has(obj.name)) return resourceRef(scope, expr, 'managed', obj.name, name);
  // A resource type with no resource of that type in this module.
  if (looksLikeResourceType(obj.name)) {
    return evalError(scope, expr, 'tf-undeclared-resource', `resource "${obj.name}" "${name}" is not declared in this module`);
  }
  return undefined;
}

function resourceRef(scope: Scope, expr: GetAttrExpr, mode: 'managed' | 'data', type: string, name: string): Value {
  const v = scope.env.resource(mode, type, name);
  if (v !== undefined) return v;
  const what = mode === 'data' ? `data "${type}" "${name}"` : `resource "${type}" "${name}"`;
  return evalError(scope, expr, 'tf-undeclared-resource', `${what} is not declared in this module`);
}

/**
 * `ephemeral.TYPE.NAME` (Terraform 1.10+): an ephemeral resource is opened while Terraform runs and
 * its result is never stored, so nothing about it is known here (and it is not in the model). Its
 * value is typically a secret passed to a write-only argument (`secret_string_wo`).
 */
function ephemeralRef(scope: Scope, expr: GetAttrExpr, type: string, name: string): Value {
  if (scope.env.decls.ephemeral.has(`${type}.${name}`)) {
    return new Unknown(sourceOf(scope, expr), [], 'an ephemeral resource is only known while Terraform runs');
  }
  return evalError(scope, expr, 'tf-undeclared-resource', `ephemeral "${type}" "${name}" is not declared in this module`);
}
