// `count` and `for_each`: which instances a resource, data source or module call expands to.
import type { Attribute, Block } from '../ast';
import { containsUnknown, isObject, Unknown, type Value } from '../values';
import { toNumberValue, typeName } from './convert';
import { evaluate } from './expressions';
import { evalError, type Scope } from './scope';
import { instanceKeySuffix } from './text';
import { MAX_INSTANCES_PER_BLOCK } from './unit';

export type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; count: number }
  | { kind: 'for_each'; entries: [string, Value][] }
  /** count/for_each is not known: one instance stands for all, with unknown count.index / each.*. */
  | { kind: 'unknown'; reason: Unknown };

export interface InstanceScope {
  key?: number | string;
  scope: Scope;
}

export function expansionOf(block: Block, scope: Scope): Expansion {
  // The first `count` and `for_each`, as attributesOf would give them, without building that map
  // of every attribute for every resource block (a resource needs only these two).
  let countAttr: Attribute | undefined;
  let forEachAttr: Attribute | undefined;
  const items = block.body.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'Attribute') continue;
    if (item.name.name === 'count') countAttr ??= item;
    else if (item.name.name === 'for_each') forEachAttr ??= item;
  }
  if (countAttr && forEachAttr) {
    evalError(scope, forEachAttr.name, 'tf-count-and-for-each', '"count" and "for_each" cannot both be set');
  }
  if (countAttr) {
    const v = evaluate(countAttr.expr, scope);
    if (v instanceof Unknown) return { kind: 'unknown', reason: v };
    const n = toNumberValue(v);
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      return { kind: 'unknown', reason: evalError(scope, countAttr.expr, 'tf-invalid-count', `"count" must be a whole number ≥ 0, got ${v === null ? 'null' : JSON.stringify(v)}`) };
    }
    if (n > MAX_INSTANCES_PER_BLOCK) return tooMany(scope, countAttr.expr, n);
    return { kind: 'count', count: n };
  }
  if (forEachAttr) {
    const v = evaluate(forEachAttr.expr, scope);
    if (v instanceof Unknown) return { kind: 'unknown', reason: v };
    const entries = forEachEntries(v);
    if (typeof entries === 'string') return { kind: 'unknown', reason: evalError(scope, forEachAttr.expr, 'tf-invalid-for-each', entries) };
    if (entries === undefined) return { kind: 'unknown', reason: new Unknown('for_each', [], 'a for_each key is not known') };
    if (entries.length > MAX_INSTANCES_PER_BLOCK) return tooMany(scope, forEachAttr.expr, entries.length);
    return { kind: 'for_each', entries };
  }
  return { kind: 'single' };
}

function tooMany(scope: Scope, span: { start: number; end: number }, n: number): Expansion {
  const message = `${n} instances exceed Palisade's limit of ${MAX_INSTANCES_PER_BLOCK}; evaluated as one instance with unknown keys`;
  scope.env.ctx.report(scope.file.path, span, 'warning', 'tf-expansion-limit', message);
  return { kind: 'unknown', reason: new Unknown('for_each', [], message) };
}

/**
 * Keys and values of a for_each value: a map/object (sorted keys) or a set of strings.
 * Returns an error message, or undefined when some key is unknown.
 */
export function forEachEntries(v: Value): [string, Value][] | string | undefined {
  if (v === null) return '"for_each" must be a map or a set of strings, got null';
  if (isObject(v)) return Object.keys(v).sort().map((k) => [k, v[k]]);
  if (Array.isArray(v)) {
    // Sets and lists are both arrays here; Terraform rejects lists, but toset() output is an array too.
    const keys = new Set<string>();
    for (const item of v) {
      if (item instanceof Unknown || containsUnknown(item)) return undefined;
      if (typeof item !== 'string') return `"for_each" over a set needs strings, got a ${typeName(item)} element; use a map (for example with a for expression)`;
      keys.add(item);
    }
    return [...keys].sort().map((k) => [k, k]);
  }
  return `"for_each" must be a map or a set of strings, got ${typeName(v)}`;
}

/** The scopes to evaluate each instance in, with count.index / each.* bound. */
export function instanceScopes(exp: Expansion, base: Scope): InstanceScope[] {
  switch (exp.kind) {
    case 'single':
      return [{ scope: base }];
    case 'count':
      return Array.from({ length: exp.count }, (_, i) => ({ key: i, scope: { ...base, countIndex: i } }));
    case 'for_each':
      return exp.entries.map(([k, v]) => ({ key: k, scope: { ...base, each: { key: k, value: v } } }));
    case 'unknown': {
      const why = exp.reason.reason ?? 'count/for_each is not known';
      return [{
        scope: {
          ...base,
          countIndex: new Unknown('count.index', exp.reason.refs, why),
          each: { key: new Unknown('each.key', exp.reason.refs, why), value: new Unknown('each.value', exp.reason.refs, why) },
        },
      }];
    }
  }
}

export function instanceAddress(base: string, key: number | string | undefined): string {
  return base + instanceKeySuffix(key);
}

/** Number of instances an expansion evaluates (for the unit's work budget). */
export function instanceCount(exp: Expansion): number {
  return exp.kind === 'count' ? exp.count : exp.kind === 'for_each' ? exp.entries.length : 1;
}
