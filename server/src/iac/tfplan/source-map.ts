// Source maps for plan/state values: every member and element of a JSON `values` / `attributes`
// object maps to its text, and — where the configuration is in the scanned tree — an overlay that
// prefers the HCL front end's ranges in the .tf files, falling back to the JSON.
import type { SourceMapNode } from '../model';
import type { JsonNode } from './json';

/** Children of a JSON value as source-map fields/items; null members are left out like in the model. */
export function childrenOf(file: string, node: JsonNode): Pick<SourceMapNode, 'fields' | 'items'> {
  if (node.kind === 'object') {
    const fields: Record<string, SourceMapNode> = {};
    for (const m of node.members) {
      if (m.value.kind === 'null') continue;
      fields[m.key] = {
        range: { file, start: m.keyStart, end: m.value.end },
        nameRange: { file, start: m.keyStart, end: m.keyEnd },
        valueRange: { file, start: m.value.start, end: m.value.end },
        ...childrenOf(file, m.value),
      };
    }
    return { fields };
  }
  if (node.kind === 'array') {
    return { items: node.items.map((item) => ({ range: { file, start: item.start, end: item.end }, valueRange: { file, start: item.start, end: item.end }, ...childrenOf(file, item) })) };
  }
  return {};
}

/**
 * The HCL node where it exists, the JSON node below it where it does not: a finding lands on the
 * .tf attribute when the configuration has it, else on the plan's JSON value.
 */
export function overlayNode(hcl: SourceMapNode | undefined, json: SourceMapNode | undefined): SourceMapNode | undefined {
  if (!hcl) return json;
  if (!json) return hcl;
  const out: SourceMapNode = { ...hcl };
  if (hcl.fields || json.fields) {
    const fields: Record<string, SourceMapNode> = {};
    for (const key of new Set([...Object.keys(hcl.fields ?? {}), ...Object.keys(json.fields ?? {})])) {
      const merged = overlayNode(own(hcl.fields, key), own(json.fields, key));
      if (merged) fields[key] = merged;
    }
    out.fields = fields;
  }
  if (hcl.items || json.items) {
    const length = Math.max(hcl.items?.length ?? 0, json.items?.length ?? 0);
    const items: SourceMapNode[] = [];
    for (let i = 0; i < length; i++) {
      const merged = overlayNode(hcl.items?.[i], json.items?.[i]);
      if (merged) items.push(merged);
    }
    out.items = items;
  }
  return out;
}

function own(fields: Record<string, SourceMapNode> | undefined, key: string): SourceMapNode | undefined {
  return fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
}

/** Every address of `json` overlaid with the same address of `hcl`; the count of resources placed on .tf text. */
export function overlaySourceMaps(json: Map<string, SourceMapNode>, hcl: Map<string, SourceMapNode>): { maps: Map<string, SourceMapNode>; matched: number } {
  const maps = new Map<string, SourceMapNode>();
  let matched = 0;
  for (const [address, node] of json) {
    const source = hcl.get(address);
    if (source) matched++;
    maps.set(address, overlayNode(source, node) ?? node);
  }
  return { maps, matched };
}
