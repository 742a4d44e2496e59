// Function calls. `try`, `can`, `templatestring` and `type` need their arguments unevaluated and
// live here; everything else goes to the function library, whose errors become diagnostics.
import type { CallExpr, Expr } from '../ast';
import type { FileHost } from '../../model';
import { callFunction, hasFunction } from '../functions';
import type { FunctionContext } from '../functions';
import { Unknown, type Value, type ValueObject, isObject } from '../values';
import { typeName } from './convert';
import { evaluate, unknownFrom } from './expressions';
import { evalError, sourceOf, type Scope } from './scope';
import { partialJsonencode } from './json-template';
import { renderTemplateText } from './template-text';

/** Functions Terraform 0.12 deprecated and 0.15 removed (`list(string)` still turns up, e.g. as a
 *  misplaced type expression in a variable's default). */
const REMOVED_FUNCTIONS = new Map([
  ['list', 'write a list as [ ... ] or convert with tolist()'],
  ['map', 'write a map as { ... } or convert with tomap()'],
]);

export function evaluateCall(expr: CallExpr, scope: Scope): Value {
  const name = expr.name.name;
  switch (name) {
    case 'try':
      return evaluateTry(expr, scope);
    case 'can':
      return evaluateCan(expr, scope);
    case 'templatestring':
      return evaluateTemplateString(expr, scope);
    case 'type':
      return expr.args[0] ? typeName(evaluate(expr.args[0], scope)) : evalError(scope, expr, 'tf-function-error', 'type() needs one argument');
  }
  let args = expr.args.map((a) => evaluate(a, scope));
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1];
    if (last instanceof Unknown) return unknownFrom(scope, expr, [last]);
    if (!Array.isArray(last)) return evalError(scope, expr.args[expr.args.length - 1], 'tf-function-error', 'the argument before "..." must be a list');
    args = [...args.slice(0, -1), ...last];
  }
  if (!hasFunction(name)) {
    const removed = REMOVED_FUNCTIONS.get(name);
    if (removed) {
      // Terraform itself rejects these: an error of the configuration, not a gap of Palisade's.
      return evalError(scope, expr.name, 'tf-unknown-function', `function "${name}" was removed in Terraform 0.15; ${removed}`);
    }
    scope.env.ctx.report(scope.file.path, expr.name, 'warning', 'tf-unknown-function',
      `function "${name}" is not supported by Palisade; its result is treated as unknown`);
    return new Unknown(sourceOf(scope, expr), [], `function \`${name}\` is not evaluated`);
  }
  // An object or list with unknown leaves keeps its structure in the model.
  if (name === 'jsonencode' && args.length === 1) {
    const partial = partialJsonencode(args[0], sourceOf(scope, expr));
    if (partial) return partial;
  }
  try {
    return callFunction(name, args, new CallContext(scope, expr));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return evalError(scope, expr, 'tf-function-error', `${name}(): ${message}`);
  }
}

/**
 * What a library function may use, read on demand: most calls need none of it, so a call costs
 * one object rather than a context, a host and three closures, and the call's text is sliced
 * only for an unknown result.
 */
class CallContext implements FunctionContext {
  constructor(
    private readonly scope: Scope,
    private readonly expr: CallExpr,
  ) {}

  /** Relative paths resolve against the working directory, which for Terraform is the root module. */
  get moduleDir(): string {
    return this.scope.env.rootDir;
  }

  get host(): FileHost {
    const ctx = this.scope.env.ctx;
    return {
      readFile: (p: string) => ctx.readText(p),
      listDir: (p: string) => {
        const names = ctx.host.listDir(p);
        ctx.tracker?.listed(p, names);
        return names;
      },
    };
  }

  get callText(): string {
    return sourceOf(this.scope, this.expr);
  }

  renderTemplate(text: string, path: string, vars: ValueObject): Value {
    return renderTemplateText(text, path, vars, this.scope);
  }
}

/**
 * Evaluate with diagnostics muted; `failed` tells whether any evaluation error happened, `invalid`
 * whether one of them is an error Terraform reports before evaluating (counted on in
 * ctx.staticErrors, so an enclosing try/can sees it too).
 */
function evaluateQuietly(arg: Expr, scope: Scope): { value: Value; failed: boolean; invalid: boolean } {
  const ctx = scope.env.ctx;
  const before = ctx.evalErrors;
  const staticBefore = ctx.staticErrors;
  ctx.muted++;
  try {
    const value = evaluate(arg, scope);
    return { value, failed: ctx.evalErrors !== before, invalid: ctx.staticErrors !== staticBefore };
  } finally {
    ctx.muted--;
    ctx.evalErrors = before;
  }
}

/**
 * `try` and `can` catch only dynamic errors: Terraform rejects `try(var.undeclared, "x")` before
 * evaluating (its documentation: errors "that can be proven to be invalid for any input" are not
 * caught). Such an argument is evaluated again with its diagnostics kept, so the undeclared name is
 * reported where it is written; the value stays the best effort (the fallback), and the error count
 * is restored so an enclosing try still sees this one succeed. Only on this error path: no cost
 * for valid code.
 */
function reportInvalid(arg: Expr, scope: Scope): void {
  const ctx = scope.env.ctx;
  const before = ctx.evalErrors;
  evaluate(arg, scope);
  ctx.evalErrors = before;
}

function evaluateTry(expr: CallExpr, scope: Scope): Value {
  if (expr.args.length === 0) return evalError(scope, expr, 'tf-function-error', 'try() needs at least one argument');
  let invalid = false;
  for (const arg of expr.args) {
    const result = evaluateQuietly(arg, scope);
    if (result.invalid) {
      invalid = true;
      reportInvalid(arg, scope);
    }
    if (result.failed) continue;
    // An unknown argument might still fail once known, so the whole result is unknown.
    return result.value;
  }
  if (invalid) {
    // Every argument failed and the invalid reference is reported already: Terraform says no more.
    scope.env.ctx.evalErrors++;
    return new Unknown(sourceOf(scope, expr), [], 'try(): no expression succeeded');
  }
  return evalError(scope, expr, 'tf-function-error', 'try(): no expression succeeded');
}

function evaluateCan(expr: CallExpr, scope: Scope): Value {
  if (expr.args.length !== 1) return evalError(scope, expr, 'tf-function-error', 'can() needs exactly one argument');
  const { value, failed, invalid } = evaluateQuietly(expr.args[0], scope);
  if (invalid) reportInvalid(expr.args[0], scope);
  if (failed) return false;
  return value instanceof Unknown ? value : true;
}

function evaluateTemplateString(expr: CallExpr, scope: Scope): Value {
  if (expr.args.length !== 2) return evalError(scope, expr, 'tf-function-error', 'templatestring() needs a template and a map of variables');
  const template = evaluate(expr.args[0], scope);
  const vars = evaluate(expr.args[1], scope);
  if (template instanceof Unknown || vars instanceof Unknown) return unknownFrom(scope, expr, [template, vars]);
  if (typeof template !== 'string') return evalError(scope, expr.args[0], 'tf-function-error', 'templatestring(): the template must be a string');
  if (!isObject(vars)) return evalError(scope, expr.args[1], 'tf-function-error', 'templatestring(): variables must be an object');
  try {
    return renderTemplateText(template, scope.file.path, vars, scope);
  } catch (err) {
    return evalError(scope, expr, 'tf-function-error', `templatestring(): ${err instanceof Error ? err.message : String(err)}`);
  }
}
