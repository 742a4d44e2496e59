// Places a finding with the front end's source map: the deepest node of its path that exists,
// on that node's value (attribute), name (nested block) or header (resource).
import type { Model, ModelResource, ModelValue, SourceMapNode, SourceRange } from '../iac/model';

export interface Placement {
  range: SourceRange;
  /** Nodes from the resource down to the deepest existing node of the path (for suppressions). */
  chain: SourceMapNode[];
  /** True when every step of the path exists in the source map. */
  complete: boolean;
}

/** Where `path` inside `address` sits, or undefined when the address has no source map. */
export function placeOnResource(sourceMaps: Map<string, SourceMapNode>, address: string, path: readonly (string | number)[]): Placement | undefined {
  const root = sourceMaps.get(address);
  if (!root) return undefined;
  const chain = [root];
  let node = root;
  for (const step of path) {
    const next = childOf(node, step);
    if (!next) break;
    chain.push(next);
    node = next;
  }
  return { range: focusRange(node), chain, complete: chain.length === path.length + 1 };
}

function childOf(node: SourceMapNode, step: string | number): SourceMapNode | undefined {
  if (typeof step === 'number') return node.items?.[step];
  if (node.fields && Object.prototype.hasOwnProperty.call(node.fields, step)) return node.fields[step];
  return undefined;
}

/** An attribute's value, else a block's type name / resource header, else the whole node. */
function focusRange(node: SourceMapNode): SourceRange {
  return node.valueRange ?? node.nameRange ?? node.range;
}

/** Managed resources, data sources and module calls by address. */
export function resourceIndex(model: Model): Map<string, ModelResource | { config: Record<string, ModelValue> }> {
  const index = new Map<string, ModelResource | { config: Record<string, ModelValue> }>();
  for (const r of model.resources) index.set(r.address, r);
  for (const r of model.data ?? []) index.set(r.address, r);
  for (const m of model.modules ?? []) index.set(m.address, m);
  return index;
}

/**
 * The model value at `path` inside a config, or undefined when some step does not exist. A path
 * that runs into an unknown gives that unknown: whatever lies below it is unknown too.
 */
export function valueAt(config: Record<string, ModelValue>, path: readonly (string | number)[]): ModelValue | undefined {
  let value: ModelValue | undefined = config;
  for (const step of path) {
    if (isUnknownValue(value)) return value;
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    if (Array.isArray(value)) {
      value = typeof step === 'number' ? value[step] : undefined;
    } else {
      value = typeof step === 'string' && Object.prototype.hasOwnProperty.call(value, step) ? value[step] : undefined;
    }
  }
  return value;
}

/** `{"$unknown": "…"}` exactly: a value Palisade could not know (docs/model.md). */
export function isUnknownValue(value: ModelValue | undefined): boolean {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$unknown' && typeof value.$unknown === 'string';
}
