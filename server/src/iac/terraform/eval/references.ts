// Static collection of the references an attribute makes to resources, data sources and module
// calls, with the path inside `config` where each appears. References through `local.x` are
// followed into the local's definition, so `bucket = local.bucket_id` still points at the bucket.
import type { Expr, TemplatePart } from '../ast';
import type { ModelReference } from '../../model';
import { Unknown } from '../values';
import { computedOwner } from './computed';
import { evaluate } from './expressions';
import { moduleScope, type Scope } from './scope';
import { instanceKeySuffix } from './text';
import { looksLikeResourceType } from './traversal';

type Step = { attr: string } | { index: Expr } | { splat: true };

/** Names bound around an expression (a scope's bindings, or those plus for-expression variables). */
interface Bound {
  has(name: string): boolean;
  keys(): IterableIterator<string>;
}

const NOTHING_BOUND: Bound = new Set<string>();

interface Walk {
  scope: Scope;
  out: ModelReference[];
  seen: Set<string>;
  localsVisited: Set<string>;
}

const seenByList = new WeakMap<ModelReference[], Set<string>>();

/**
 * Roots that can never name a resource, data source or module call by themselves. `each` names one
 * only where the instance iterates over resource instances (`for_each = aws_vpc.this`), which the
 * scope tells (eachMayRefer), so expressions that read `each` are checked apart (usesEachCached):
 * most for_each iterate over settings, and walking every attribute that reads each.value for
 * references cost ~10 % of the front end.
 */
const NEVER_REFERENCES = new Set(['var', 'each', 'count', 'path', 'terraform', 'self']);
const mayReferenceCache = new WeakMap<Expr, boolean>();
const usesEachCache = new WeakMap<Expr, boolean>();

const namesObject = (root: string) => !NEVER_REFERENCES.has(root);
const isEach = (root: string) => root === 'each';

/** Whether the expression has any traversal that could be a reference (most values are literals). */
export function mayReference(e: Expr): boolean {
  return anyRoot(e, namesObject);
}

/**
 * Whether some variable root of the expression passes `test`. Plain recursion with a module-level
 * predicate rather than a visitor closure made per call: one stable function to compile.
 */
function anyRoot(e: Expr, test: (root: string) => boolean): boolean {
  switch (e.kind) {
    case 'Variable': return test(e.name);
    case 'GetAttr': return anyRoot(e.object, test);
    case 'Index': return anyRoot(e.object, test) || anyRoot(e.key, test);
    case 'Splat': return anyRoot(e.object, test) || anyRoot(e.each, test);
    case 'Call': return someRoot(e.args, test);
    case 'Tuple': return someRoot(e.items, test);
    case 'Object':
      for (const i of e.items) if (anyRoot(i.key, test) || anyRoot(i.value, test)) return true;
      return false;
    case 'Unary': return anyRoot(e.operand, test);
    case 'Binary': return anyRoot(e.left, test) || anyRoot(e.right, test);
    case 'Conditional': return anyRoot(e.cond, test) || anyRoot(e.then, test) || anyRoot(e.else, test);
    case 'Paren': return anyRoot(e.expr, test);
    case 'For':
      return anyRoot(e.collection, test) || (e.keyExpr !== undefined && anyRoot(e.keyExpr, test)) ||
        anyRoot(e.valueExpr, test) || (e.cond !== undefined && anyRoot(e.cond, test));
    case 'Template': return partsHaveRoot(e.parts, test);
    default: return false;
  }
}

function someRoot(exprs: Expr[], test: (root: string) => boolean): boolean {
  for (const e of exprs) if (anyRoot(e, test)) return true;
  return false;
}

function partsHaveRoot(parts: TemplatePart[], test: (root: string) => boolean): boolean {
  for (const p of parts) {
    if (p.kind === 'TemplateInterpolation') {
      if (anyRoot(p.expr, test)) return true;
    } else if (p.kind === 'TemplateIf') {
      if (anyRoot(p.cond, test) || partsHaveRoot(p.then, test) || (p.else !== undefined && partsHaveRoot(p.else, test))) return true;
    } else if (p.kind === 'TemplateFor') {
      if (anyRoot(p.collection, test) || partsHaveRoot(p.body, test)) return true;
    }
  }
  return false;
}

/** mayReference, cached by node. */
export function mayReferenceCached(expr: Expr): boolean {
  let hit = mayReferenceCache.get(expr);
  if (hit === undefined) mayReferenceCache.set(expr, (hit = mayReference(expr)));
  return hit;
}

/** Whether the expression reads `each` (cached by node). */
function usesEachCached(expr: Expr): boolean {
  let hit = usesEachCache.get(expr);
  if (hit === undefined) usesEachCache.set(expr, (hit = anyRoot(expr, isEach)));
  return hit;
}

/** Whether `each.key`/`each.value` of this scope can refer to resources (eachReferences). */
function eachMayRefer(scope: Scope): boolean {
  const each = scope.each;
  return each !== undefined && (each.value instanceof Unknown || each.key instanceof Unknown || computedOwner(each.value ?? null) !== undefined);
}

/** Whether collecting the expression's references in this scope can find any. */
export function mayReferenceIn(expr: Expr, scope: Scope): boolean {
  return mayReferenceCached(expr) || (usesEachCached(expr) && eachMayRefer(scope));
}

export function collectReferences(expr: Expr, scope: Scope, path: (string | number)[], out: ModelReference[]): void {
  if (mayReferenceIn(expr, scope)) collectPossibleReferences(expr, scope, path, out);
}

/** collectReferences for an expression the caller knows passes mayReference. */
export function collectPossibleReferences(expr: Expr, scope: Scope, path: (string | number)[], out: ModelReference[]): void {
  let seen = seenByList.get(out);
  if (!seen) seenByList.set(out, (seen = new Set(out.map((r) => key(r)))));
  walk(expr, path, scope.bindings, { scope, out, seen, localsVisited: new Set() });
}

function key(r: ModelReference): string {
  return `${r.path.join('\u0000')}\u0001${r.target}\u0001${r.attribute ?? ''}`;
}

function add(w: Walk, ref: ModelReference): void {
  const k = key(ref);
  if (w.seen.has(k)) return;
  w.seen.add(k);
  w.out.push(ref);
}

/** Flatten `a.b[c].d` / `a[*].b` into a root name and steps; undefined if not rooted at a name. */
function traversalSteps(expr: Expr): { root: string; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let e: Expr = expr;
  for (;;) {
    if (e.kind === 'GetAttr') {
      steps.unshift({ attr: e.name.name });
      e = e.object;
    } else if (e.kind === 'Index') {
      steps.unshift({ index: e.key });
      e = e.object;
    } else if (e.kind === 'Splat') {
      const inner = traversalSteps(e.each);
      steps.unshift({ splat: true }, ...(inner?.steps ?? []));
      e = e.object;
    } else if (e.kind === 'Variable') return { root: e.name, steps };
    else return undefined;
  }
}

/** The name a traversal (`a.b[c].d`, `a[*].b`) is rooted at; undefined if not rooted at a name. */
function traversalRoot(expr: Expr): string | undefined {
  let e = expr;
  while (e.kind === 'GetAttr' || e.kind === 'Index' || e.kind === 'Splat') e = e.object;
  return e.kind === 'Variable' ? e.name : undefined;
}

/** Whether referenceFrom can find a target for this root (data, module or a resource type). */
function mayNameObject(root: string, scope: Scope): boolean {
  return root === 'data' || root === 'module' || scope.env.decls.resourceTypes.has(root) || looksLikeResourceType(root);
}

/** Walk the index keys of a traversal, root first (the order of traversalSteps' index steps). */
function walkIndexKeys(e: Expr, path: (string | number)[], bound: Bound, w: Walk): void {
  if (e.kind === 'GetAttr') walkIndexKeys(e.object, path, bound, w);
  else if (e.kind === 'Index') {
    walkIndexKeys(e.object, path, bound, w);
    walk(e.key, path, bound, w);
  } else if (e.kind === 'Splat') {
    walkIndexKeys(e.object, path, bound, w);
    walkIndexKeys(e.each, path, bound, w);
  }
}

/** A statically known index key, evaluated quietly; undefined when not known. */
function staticKey(expr: Expr, w: Walk): number | string | undefined {
  const ctx = w.scope.env.ctx;
  const before = ctx.evalErrors;
  ctx.muted++;
  try {
    const v = evaluate(expr, w.scope);
    return typeof v === 'number' || typeof v === 'string' ? v : v instanceof Unknown ? undefined : undefined;
  } finally {
    ctx.muted--;
    ctx.evalErrors = before;
  }
}

function referenceFrom(root: string, steps: Step[], w: Walk): { target: string; attribute?: string } | undefined {
  const env = w.scope.env;
  const prefix = env.address ? `${env.address}.` : '';
  const name = (i: number): string | undefined => {
    const s = steps[i];
    return s && 'attr' in s ? s.attr : undefined;
  };
  let base: string;
  let next: number;
  if (root === 'data') {
    const type = name(0);
    const n = name(1);
    if (!type || !n) return undefined;
    base = `data.${type}.${n}`;
    next = 2;
  } else if (root === 'module') {
    const n = name(0);
    if (!n) return undefined;
    base = `module.${n}`;
    next = 1;
  } else if (env.decls.resourceTypes.has(root) || looksLikeResourceType(root)) {
    // Also a resource the module does not declare (a fragment's alarm notifying a topic that
    // lives elsewhere): policies still see what the attribute points at.
    const n = name(0);
    if (!n) return undefined;
    base = `${root}.${n}`;
    next = 1;
  } else return undefined;
  const s = steps[next];
  if (s && 'index' in s) {
    const k = staticKey(s.index, w);
    if (k !== undefined) base += instanceKeySuffix(k);
    next++;
  } else if (s && 'splat' in s) next++;
  const attribute = name(next);
  return attribute === undefined ? { target: prefix + base } : { target: prefix + base, attribute };
}

/**
 * `each.value.<attr>` when the instance iterates over another resource's instances
 * (`for_each = aws_vpc.this`, the common way to give every VPC its flow log or every bucket its
 * companion): each.value is that instance, so the attribute refers to it as
 * `aws_vpc.this["a"].id` would. When the keys are unknown (`for_each = toset([aws_vpc.a.id])`),
 * each.key / each.value is an unknown that depends on the resources the for_each expression
 * names, and refers to them. Any other each.value (a map of settings) refers to nothing.
 */
function eachReferences(steps: Step[], w: Walk): { target: string; attribute?: string }[] {
  const first = steps[0];
  const each = w.scope.each;
  if (!first || !('attr' in first) || !each) return [];
  const v = first.attr === 'value' ? each.value : first.attr === 'key' ? each.key : undefined;
  const next = steps[1];
  const attribute = first.attr === 'value' && next && 'attr' in next ? next.attr : undefined;
  const at = (target: string): { target: string; attribute?: string } => (attribute === undefined ? { target } : { target, attribute });
  const owner = computedOwner(v ?? null);
  if (owner !== undefined) return [at(owner)];
  return v instanceof Unknown ? v.refs.map(at) : [];
}

function walk(expr: Expr, path: (string | number)[], bound: Bound, w: Walk): void {
  switch (expr.kind) {
    case 'GetAttr':
    case 'Index':
    case 'Splat':
    case 'Variable': {
      const root = traversalRoot(expr);
      if (root === undefined) {
        // Rooted at a call or other expression: look inside it.
        if (expr.kind === 'GetAttr' || expr.kind === 'Splat') walk(expr.object, path, bound, w);
        else if (expr.kind === 'Index') {
          walk(expr.object, path, bound, w);
          walk(expr.key, path, bound, w);
        }
        return;
      }
      if (!bound.has(root)) {
        // Steps are built only for roots that can name something: most traversals are `var.x`,
        // `each.value` or `count.index`, and this runs for every one of them in every unit.
        if (root === 'local') {
          const first = traversalSteps(expr)!.steps[0];
          if (first && 'attr' in first) followLocal(first.attr, path, w);
        } else if (root === 'each') {
          for (const ref of eachReferences(traversalSteps(expr)!.steps, w)) add(w, { path, ...ref });
        } else if (mayNameObject(root, w.scope)) {
          const ref = referenceFrom(root, traversalSteps(expr)!.steps, w);
          if (ref) add(w, { path, ...ref });
        }
      }
      // Index keys may hold references of their own.
      walkIndexKeys(expr, path, bound, w);
      return;
    }
    case 'Object':
      for (const item of expr.items) {
        const k = item.key.kind === 'Variable' ? item.key.name : literalString(item.key);
        if (k === undefined) walk(item.key, path, bound, w);
        walk(item.value, k === undefined ? path : [...path, k], bound, w);
      }
      return;
    case 'Tuple':
      // Indexed loops, no closures: a closure here would cost a context on every walk call.
      for (let i = 0; i < expr.items.length; i++) walk(expr.items[i], [...path, i], bound, w);
      return;
    case 'For': {
      walk(expr.collection, path, bound, w);
      const inner = new Set(bound.keys());
      inner.add(expr.valueVar.name);
      if (expr.keyVar) inner.add(expr.keyVar.name);
      if (expr.keyExpr) walk(expr.keyExpr, path, inner, w);
      walk(expr.valueExpr, path, inner, w);
      if (expr.cond) walk(expr.cond, path, inner, w);
      return;
    }
    case 'Template':
      walkParts(expr.parts, path, bound, w);
      return;
    case 'Call':
      for (let i = 0; i < expr.args.length; i++) walk(expr.args[i], path, bound, w);
      return;
    case 'Unary':
      walk(expr.operand, path, bound, w);
      return;
    case 'Binary':
      walk(expr.left, path, bound, w);
      walk(expr.right, path, bound, w);
      return;
    case 'Conditional':
      walk(expr.cond, path, bound, w);
      walk(expr.then, path, bound, w);
      walk(expr.else, path, bound, w);
      return;
    case 'Paren':
      walk(expr.expr, path, bound, w);
      return;
    default:
      return;
  }
}

function walkParts(parts: TemplatePart[], path: (string | number)[], bound: Bound, w: Walk): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'TemplateInterpolation') walk(p.expr, path, bound, w);
    else if (p.kind === 'TemplateIf') {
      walk(p.cond, path, bound, w);
      walkParts(p.then, path, bound, w);
      if (p.else) walkParts(p.else, path, bound, w);
    } else if (p.kind === 'TemplateFor') {
      walk(p.collection, path, bound, w);
      const inner = new Set(bound.keys());
      inner.add(p.valueVar.name);
      if (p.keyVar) inner.add(p.keyVar.name);
      walkParts(p.body, path, inner, w);
    }
  }
}

function followLocal(name: string, path: (string | number)[], w: Walk): void {
  if (w.localsVisited.has(name)) return;
  w.localsVisited.add(name);
  const decl = w.scope.env.decls.locals.get(name);
  if (!decl) return;
  const scope: Scope = moduleScope(w.scope.env, decl.file);
  walk(decl.attr.expr, path, NOTHING_BOUND, { ...w, scope });
}

function literalString(e: Expr): string | undefined {
  if (e.kind === 'Template' && e.parts.every((p) => p.kind === 'TemplateLiteral')) {
    return e.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : '')).join('');
  }
  return undefined;
}
