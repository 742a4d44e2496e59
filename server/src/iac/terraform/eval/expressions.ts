// Evaluation of HCL expressions with Terraform's semantics. Never throws: errors become
// diagnostics plus an Unknown, and an Unknown propagates outward carrying the source text of the
// outermost expression that could not be known.
import { soleInterpolation, type BinaryExpr, type ConditionalExpr, type Expr, type ForExpr, type IndexExpr, type ObjectExpr, type SplatExpr, type Span } from '../ast';
import { containsUnknown, isObject, Unknown, collectRefs, type Value, type ValueObject } from '../values';
import { evaluateCall } from './calls';
import { computedAttribute, computedOwner, withRef } from './computed';
import { toBoolValue, toNumberValue, toStringValue, typeName, valuesEqual } from './convert';
import { PartialJson } from './json-template';
import { evalError, sourceOf, withBindings, type Scope } from './scope';
import { evaluateTemplate, InstanceText } from './templates';
import { resolveTraversal, resolveBareVariable } from './traversal';

/**
 * Evaluate an expression; an Unknown result is labelled with this expression's source text. A
 * template that is one interpolation (`"${var.x}"`, Terraform 0.11's way of writing `var.x`) keeps
 * the inner expression's label: it is that expression, and rules and fixes read the label.
 */
export function evaluate(expr: Expr, scope: Scope): Value {
  const v = evaluateInner(expr, scope);
  if (v instanceof Unknown) {
    if (expr.kind === 'Template' && (v instanceof InstanceText || soleInterpolation(expr) !== undefined)) return v;
    const text = sourceOf(scope, expr);
    if (v.expr === text) return v;
    // JSON whose leaves are unknown keeps its document through locals, variables and calls.
    return v instanceof PartialJson ? v.relabel(text) : new Unknown(text, v.refs, v.reason);
  }
  return v;
}

/** An Unknown for `span` that depends on everything the given values depend on. */
export function unknownFrom(scope: Scope, span: Span, sources: Value[], reason?: string): Unknown {
  const refs = new Set<string>();
  let why = reason;
  for (const s of sources) {
    collectRefs(s, refs);
    if (why === undefined && s instanceof Unknown) why = s.reason;
  }
  return new Unknown(sourceOf(scope, span), [...refs], why);
}

function evaluateInner(expr: Expr, scope: Scope): Value {
  switch (expr.kind) {
    case 'Literal':
      return expr.value;
    case 'Template':
      return evaluateTemplate(expr, scope);
    case 'Variable':
      return resolveBareVariable(expr, scope);
    case 'GetAttr': {
      const special = resolveTraversal(expr, scope);
      if (special !== undefined) return special;
      return getAttribute(evaluate(expr.object, scope), expr.name.name, expr, scope);
    }
    case 'Index':
      return evaluateIndex(expr, scope);
    case 'Splat':
      return evaluateSplat(expr, scope);
    case 'Call':
      return evaluateCall(expr, scope);
    case 'Tuple':
      return evaluateItems(expr.items, scope);
    case 'Object':
      return evaluateObject(expr, scope);
    case 'Unary': {
      const v = evaluate(expr.operand, scope);
      if (v instanceof Unknown) return v;
      if (expr.op === '-') {
        const n = toNumberValue(v);
        return n === undefined ? evalError(scope, expr, 'tf-type', `unary "-" needs a number, got ${typeName(v)}`) : -n;
      }
      const b = toBoolValue(v);
      return b === undefined ? evalError(scope, expr, 'tf-type', `"!" needs a bool, got ${typeName(v)}`) : !b;
    }
    case 'Binary':
      return evaluateBinary(expr, scope);
    case 'Conditional':
      return evaluateConditional(expr, scope);
    case 'For':
      return evaluateFor(expr, scope);
    case 'Paren':
      return evaluate(expr.expr, scope);
    case 'Missing':
    case 'Invalid':
      return new Unknown(sourceOf(scope, expr), [], 'incomplete expression');
  }
}

/**
 * Tuple elements, in a function of their own: a closure over `scope` in evaluateInner would make
 * V8 allocate a context on every evaluateInner call (every expression of every unit).
 */
function evaluateItems(items: Expr[], scope: Scope): Value[] {
  const out: Value[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = evaluate(items[i], scope);
  return out;
}

/** `obj.name`, with Terraform's errors; reading an unset attribute of an instance is computed. */
export function getAttribute(obj: Value, name: string, at: Span, scope: Scope): Value {
  if (obj instanceof Unknown) return obj;
  const owner = computedOwner(obj);
  if (isObject(obj)) {
    // An instance attribute configured as null is unset: the provider computes it.
    const has = Object.prototype.hasOwnProperty.call(obj, name) && !(owner !== undefined && obj[name] === null);
    if (has) return withRef(obj[name], owner);
    if (owner !== undefined) return computedAttribute(owner, name, sourceOf(scope, at));
    return evalError(scope, at, 'tf-unsupported-attribute', `this object does not have an attribute named "${name}"`);
  }
  if (obj === null) return evalError(scope, at, 'tf-null-attribute', `cannot read attribute "${name}" of a null value`);
  if (Array.isArray(obj)) {
    return evalError(scope, at, 'tf-unsupported-attribute',
      `cannot read attribute "${name}" of a list; use a splat ([*].${name}) or an index`);
  }
  return evalError(scope, at, 'tf-unsupported-attribute', `a ${typeName(obj)} has no attribute "${name}"`);
}

/** `obj[key]` on a list (number key) or map/object (string key). */
export function indexValue(obj: Value, key: Value, at: Span, scope: Scope): Value {
  if (obj instanceof Unknown || key instanceof Unknown) return unknownFrom(scope, at, [obj, key]);
  if (obj === null) return evalError(scope, at, 'tf-invalid-index', 'cannot index a null value');
  if (key === null) return evalError(scope, at, 'tf-invalid-index', 'index key must not be null');
  const owner = computedOwner(obj);
  if (Array.isArray(obj)) {
    const n = toNumberValue(key);
    if (n === undefined || !Number.isInteger(n)) return evalError(scope, at, 'tf-invalid-index', `a list index must be a whole number, got ${typeName(key)}`);
    if (n < 0 || n >= obj.length) return evalError(scope, at, 'tf-invalid-index', `index ${n} is out of range for a list of ${obj.length}`);
    return withRef(obj[n], owner);
  }
  if (isObject(obj)) {
    const k = toStringValue(key);
    if (k === undefined) return evalError(scope, at, 'tf-invalid-index', `a map key must be a string, got ${typeName(key)}`);
    const has = Object.prototype.hasOwnProperty.call(obj, k) && !(owner !== undefined && obj[k] === null);
    if (has) return withRef(obj[k], owner);
    if (owner !== undefined) return computedAttribute(owner, k, sourceOf(scope, at));
    return evalError(scope, at, 'tf-invalid-index', `the map has no element with key ${JSON.stringify(k)}`);
  }
  return evalError(scope, at, 'tf-invalid-index', `a ${typeName(obj)} cannot be indexed`);
}

function evaluateIndex(expr: IndexExpr, scope: Scope): Value {
  const obj = evaluate(expr.object, scope);
  const key = evaluate(expr.key, scope);
  return indexValue(obj, key, expr, scope);
}

function evaluateSplat(expr: SplatExpr, scope: Scope): Value {
  const obj = evaluate(expr.object, scope);
  if (obj instanceof Unknown) return obj;
  if (obj === null) return [];
  const items = Array.isArray(obj) ? obj : [obj];
  // Element unknowns are labelled with the whole splat: `[*].arn` alone would mean nothing.
  return items.map((item) => {
    const v = evaluate(expr.each, withBindings(scope, { '*': item }));
    return v instanceof Unknown ? new Unknown(sourceOf(scope, expr), v.refs, v.reason) : v;
  });
}

function evaluateObject(expr: ObjectExpr, scope: Scope): Value {
  const out: ValueObject = {};
  let unknownKeys: Value[] | undefined;
  // Indexed: a for…of allocates an iterator result per step in V8's baseline tier, where this runs.
  for (let i = 0; i < expr.items.length; i++) {
    const item = expr.items[i];
    const value = evaluate(item.value, scope);
    let key: Value;
    if (item.key.kind === 'Variable') key = item.key.name;
    else key = evaluate(item.key, scope);
    if (key instanceof Unknown) {
      (unknownKeys ??= []).push(key);
      continue;
    }
    const k = toStringValue(key);
    if (k === undefined) {
      evalError(scope, item.key, 'tf-type', `an object key must be a string, got ${typeName(key)}`);
      continue;
    }
    out[k] = value;
  }
  if (unknownKeys) return unknownFrom(scope, expr, unknownKeys);
  return out;
}

function evaluateBinary(expr: BinaryExpr, scope: Scope): Value {
  const { op } = expr;
  if (op === '&&' || op === '||') {
    const left = evaluate(expr.left, scope);
    const lb = left instanceof Unknown ? undefined : toBoolValue(left);
    if (!(left instanceof Unknown) && lb === undefined) return evalError(scope, expr.left, 'tf-type', `"${op}" needs bool operands, got ${typeName(left)}`);
    // Terraform short-circuits a decided left operand, so the right one is not evaluated.
    if (lb === (op === '||')) return lb;
    const right = evaluate(expr.right, scope);
    if (right instanceof Unknown) {
      return left instanceof Unknown ? unknownFrom(scope, expr, [left, right]) : right;
    }
    const rb = toBoolValue(right);
    if (rb === undefined) return evalError(scope, expr.right, 'tf-type', `"${op}" needs bool operands, got ${typeName(right)}`);
    if (left instanceof Unknown) return rb === (op === '||') ? rb : left;
    return rb;
  }
  const left = evaluate(expr.left, scope);
  const right = evaluate(expr.right, scope);
  if (op === '==' || op === '!=') {
    if (containsUnknown(left) || containsUnknown(right)) return unknownFrom(scope, expr, [left, right]);
    return valuesEqual(left, right) === (op === '==');
  }
  if (left instanceof Unknown || right instanceof Unknown) return unknownFrom(scope, expr, [left, right]);
  const a = toNumberValue(left);
  const b = toNumberValue(right);
  if (a === undefined) return evalError(scope, expr.left, 'tf-type', `"${op}" needs number operands, got ${typeName(left)}`);
  if (b === undefined) return evalError(scope, expr.right, 'tf-type', `"${op}" needs number operands, got ${typeName(right)}`);
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b === 0) return evalError(scope, expr, 'tf-division-by-zero', 'division by zero');
      return a / b;
    case '%':
      if (b === 0) return evalError(scope, expr, 'tf-division-by-zero', 'modulo by zero');
      return a % b;
  }
}

function evaluateConditional(expr: ConditionalExpr, scope: Scope): Value {
  const cond = evaluate(expr.cond, scope);
  if (cond instanceof Unknown) {
    const a = evaluate(expr.then, scope);
    const b = evaluate(expr.else, scope);
    if (!containsUnknown(a) && !containsUnknown(b) && valuesEqual(a, b)) return a;
    return unknownFrom(scope, expr, [cond, a, b]);
  }
  const c = toBoolValue(cond);
  if (c === undefined) {
    return evalError(scope, expr.cond, 'tf-type', `the condition must be a bool, got ${typeName(cond)}`);
  }
  return evaluate(c ? expr.then : expr.else, scope);
}

/** The (key, value) pairs a `for` iterates: lists by index, maps/objects by sorted key. */
export function iterationPairs(coll: Value): [Value, Value][] | undefined {
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) return Object.keys(coll).sort().map((k) => [k, coll[k]]);
  return undefined;
}

/**
 * A `for` over a collection Palisade cannot know whose `if` is false whatever the element is (it
 * tests only known values: `[for l in var.x.list : l if var.create && var.enabled]`) is empty, as it
 * would be for any collection. A resource whose for_each is such a filter then has no instances
 * instead of one un-expanded instance that rules judge (held-out redshift log group, whose
 * collection was unknown only because reading it failed). Evaluated muted: the probe's errors
 * (an element attribute read on an unknown) are not the expression's.
 */
function filteredOut(expr: ForExpr, scope: Scope): boolean {
  if (!expr.cond) return false;
  const ctx = scope.env.ctx;
  const errors = ctx.evalErrors;
  ctx.muted++;
  try {
    const names: Record<string, Value> = { [expr.valueVar.name]: new Unknown(expr.valueVar.name, []) };
    if (expr.keyVar) names[expr.keyVar.name] = new Unknown(expr.keyVar.name, []);
    const c = evaluate(expr.cond, withBindings(scope, names));
    return !(c instanceof Unknown) && toBoolValue(c) === false;
  } finally {
    ctx.muted--;
    ctx.evalErrors = errors;
  }
}

function evaluateFor(expr: ForExpr, scope: Scope): Value {
  const coll = evaluate(expr.collection, scope);
  if (coll instanceof Unknown) return filteredOut(expr, scope) ? (expr.isObject ? {} : []) : coll;
  if (coll === null) return evalError(scope, expr.collection, 'tf-type', 'cannot iterate over a null value');
  const pairs = iterationPairs(coll);
  if (!pairs) return evalError(scope, expr.collection, 'tf-type', `cannot iterate over a ${typeName(coll)}`);
  const list: Value[] = [];
  const obj: ValueObject = {};
  const groups: Record<string, Value[]> = {};
  for (const [k, v] of pairs) {
    const names: Record<string, Value> = { [expr.valueVar.name]: v };
    if (expr.keyVar) names[expr.keyVar.name] = k;
    const inner = withBindings(scope, names);
    if (expr.cond) {
      const c = evaluate(expr.cond, inner);
      if (c instanceof Unknown) return unknownFrom(scope, expr, [c]);
      const cb = toBoolValue(c);
      if (cb === undefined) return evalError(scope, expr.cond, 'tf-type', `the "if" condition must be a bool, got ${typeName(c)}`);
      if (!cb) continue;
    }
    if (!expr.isObject || !expr.keyExpr) {
      list.push(evaluate(expr.valueExpr, inner));
      continue;
    }
    const key = evaluate(expr.keyExpr, inner);
    if (key instanceof Unknown) return unknownFrom(scope, expr, [key]);
    const ks = toStringValue(key);
    if (ks === undefined) return evalError(scope, expr.keyExpr, 'tf-type', `an object key must be a string, got ${typeName(key)}`);
    const value = evaluate(expr.valueExpr, inner);
    if (expr.grouping) (groups[ks] ??= []).push(value);
    else if (Object.prototype.hasOwnProperty.call(obj, ks)) {
      return evalError(scope, expr.keyExpr, 'tf-duplicate-key',
        `duplicate object key ${JSON.stringify(ks)}; use "..." after the value to group values by key`);
    } else obj[ks] = value;
  }
  if (!expr.isObject) return list;
  return expr.grouping ? groups : obj;
}
