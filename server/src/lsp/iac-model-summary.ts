// What the workspace's Terraform models hold, summarised for Rego completion: the resource types
// seen, and per type the attribute paths seen in `config` with the kinds of their values. The
// session hands each analysed unit's model here (a reference, no copy); the summary is rebuilt
// lazily, only when a completion asks and some model changed since the last build.
import type { Model, ModelValue } from '../iac/model';

/** One attribute (or nested block) position in `config`: the kinds seen there and what is below. */
export interface AttributeNode {
  kinds: Set<string>;
  /** Object keys below (attributes of a nested object or block). */
  fields: Map<string, AttributeNode>;
  /** List elements (nested blocks are lists of objects). */
  items?: AttributeNode;
}

export interface ResourceTypeSummary {
  /** How many resources and data sources of the type the models hold. */
  count: number;
  mode: Set<'managed' | 'data'>;
  config: AttributeNode;
}

/** The cheap interface completion reads (rego-completion.ts). */
export interface IacModelSummary {
  /** Resource type → what was seen; empty when no Terraform unit has been analysed. */
  types(): Map<string, ResourceTypeSummary>;
}

/** Unit directory → its latest model; the summary over all of them on demand. */
export class IacModelStore implements IacModelSummary {
  private readonly models = new Map<string, Model>();
  private cached: Map<string, ResourceTypeSummary> | undefined;

  update(unit: string, model: Model | undefined): void {
    if (!model) return;
    if (this.models.get(unit) === model) return;
    this.models.set(unit, model);
    this.cached = undefined;
  }

  forget(unit: string): void {
    if (this.models.delete(unit)) this.cached = undefined;
  }

  types(): Map<string, ResourceTypeSummary> {
    if (!this.cached) this.cached = summarise([...this.models.values()]);
    return this.cached;
  }
}

export function summarise(models: Model[]): Map<string, ResourceTypeSummary> {
  const out = new Map<string, ResourceTypeSummary>();
  for (const model of models) {
    for (const r of [...model.resources, ...(model.data ?? [])]) {
      let entry = out.get(r.type);
      if (!entry) {
        entry = { count: 0, mode: new Set(), config: node() };
        out.set(r.type, entry);
      }
      entry.count++;
      entry.mode.add(r.mode);
      addValue(entry.config, r.config, 0);
    }
  }
  return out;
}

const node = (): AttributeNode => ({ kinds: new Set(), fields: new Map() });

/** Deep configs (rendered policy documents) are cut here: completion needs the first levels. */
const MAX_DEPTH = 6;

function addValue(at: AttributeNode, value: ModelValue, depth: number): void {
  at.kinds.add(kindOf(value));
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    at.items ??= node();
    for (const item of value) addValue(at.items, item, depth + 1);
    return;
  }
  if (isSpecial(value)) return;
  for (const [key, v] of Object.entries(value)) {
    let child = at.fields.get(key);
    if (!child) {
      child = node();
      at.fields.set(key, child);
    }
    addValue(child, v, depth + 1);
  }
}

/** Unknowns (`{"$unknown": …}`) and other `$`-keyed encodings are leaves (docs/model.md). */
function isSpecial(value: { [key: string]: ModelValue }): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export function kindOf(value: ModelValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return isSpecial(value) ? 'unknown' : 'object';
  return typeof value;
}

/** The node at `segments` (`name` or `[]` for a list element) below `root`. */
export function attributeAt(root: AttributeNode, segments: string[]): AttributeNode | undefined {
  let at: AttributeNode | undefined = root;
  for (const seg of segments) {
    if (!at) return undefined;
    at = seg === '[]' ? at.items : at.fields.get(seg);
  }
  return at;
}
