// What an expression can see while it is evaluated: its module, its file, bound names
// (for-expression variables, dynamic-block iterators, template variables), count/each.
import type { ParsedFile, Span } from '../ast';
import { Unknown, type Value } from '../values';
import type { ModuleDecls } from './decls';
import type { UnitContext } from './unit';

/** The module-level names an expression may reference; implemented by ModuleInstance. */
export interface ModuleEnv {
  readonly ctx: UnitContext;
  readonly decls: ModuleDecls;
  /** Absolute module directory. */
  readonly dir: string;
  /** `module.a.module.b[0]`, or '' at the root. */
  readonly address: string;
  /** Absolute directory of the root module (for `path.root`). */
  readonly rootDir: string;
  /** undefined when the variable is not declared. */
  variable(name: string): Value | undefined;
  local(name: string): Value | undefined;
  /** The materialized resource value (object, list or map of instances), undefined if undeclared. */
  resource(mode: 'managed' | 'data', type: string, name: string): Value | undefined;
  /** The module call's outputs (object, list or map of instance objects), undefined if undeclared. */
  module(name: string): Value | undefined;
  /** One output of a non-expanded module call (evaluated alone, so outputs do not depend on each other). */
  moduleOutput(name: string, output: string): Value | undefined;
}

/** Where the expression stands: a module body, a tfvars file (constants only) or a template file. */
export type ScopeKind = 'module' | 'tfvars' | 'template';

export interface Scope {
  kind: ScopeKind;
  env: ModuleEnv;
  file: ParsedFile;
  bindings: ReadonlyMap<string, Value>;
  /** `count.index` inside a counted block (Unknown when the count is unknown). */
  countIndex?: Value;
  /** `each.key` / `each.value` inside a for_each block. */
  each?: { key: Value; value: Value };
}

/** Shared by every scope without bound names (bindings are never mutated, only copied). */
const NO_BINDINGS: ReadonlyMap<string, Value> = new Map();

export function moduleScope(env: ModuleEnv, file: ParsedFile): Scope {
  return { kind: 'module', env, file, bindings: NO_BINDINGS };
}

/** A scope that sees constants only (tfvars files, variable declarations, module sources). */
export function constantScope(env: ModuleEnv, file: ParsedFile): Scope {
  return { kind: 'tfvars', env, file, bindings: NO_BINDINGS };
}

export function withBindings(scope: Scope, names: Record<string, Value>): Scope {
  const bindings = new Map(scope.bindings);
  for (const k in names) bindings.set(k, names[k]);
  return { ...scope, bindings };
}

export function sourceOf(scope: Scope, span: Span): string {
  return scope.file.text.slice(span.start, span.end);
}

/**
 * Errors that depend on the values flowing in (a default that a caller would override, a null a
 * real input would replace) are warnings: `terraform validate` would not report them, and the
 * same module evaluated with its caller's arguments may be fine. Structural errors stay errors.
 */
const VALUE_DEPENDENT = new Set([
  'tf-function-error', 'tf-invalid-index', 'tf-template-value', 'tf-type', 'tf-null-attribute',
  'tf-unsupported-attribute', 'tf-division-by-zero', 'tf-invalid-count', 'tf-invalid-for-each', 'tf-duplicate-key',
]);

/**
 * Errors in a reference that no input can make valid: `terraform validate` reports them before any
 * evaluation, so `try` and `can` do not catch them. Only in module code: a template's unknown name
 * is an error of the templatefile() call, which `try` does catch.
 */
const STATIC = new Set(['tf-undeclared-variable', 'tf-undeclared-local', 'tf-undeclared-resource', 'tf-undeclared-module', 'tf-invalid-reference']);

/** Report an evaluation error (counted so `try`/`can` can see it) and return an Unknown for it. */
export function evalError(scope: Scope, span: Span, code: string, message: string): Unknown {
  scope.env.ctx.evalErrors++;
  if (scope.kind === 'module' && STATIC.has(code)) scope.env.ctx.staticErrors++;
  scope.env.ctx.report(scope.file.path, span, VALUE_DEPENDENT.has(code) ? 'warning' : 'error', code, message);
  return new Unknown(sourceOf(scope, span), [], message);
}
