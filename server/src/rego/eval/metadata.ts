// `rego.metadata.rule()` and `rego.metadata.chain()`: a rule's METADATA annotations, and the chain
// from the rule up through document, package and subpackages scopes, shaped as OPA returns them.
// Both are constant per rule, so the compiler folds them into values.
import type { Annotation, Module } from '../syntax/ast';
import { fromJS, makeObject, type RegoValue } from './values';

export interface RuleMetadata {
  rule: RegoValue;
  chain: RegoValue;
}

interface Indexed {
  annotation: Annotation;
  path: string[];
}

/** Every annotation of a module set, keyed by the scope's path. */
export class AnnotationIndex {
  private readonly documents = new Map<string, Indexed[]>();
  private readonly packages = new Map<string, Indexed[]>();
  private readonly subpackages = new Map<string, Indexed[]>();

  add(module: Module, pkgPath: string[], rulePath: (ruleIndex: number) => string[]): void {
    for (const a of module.annotations ?? []) {
      if (a.scope === 'package') push(this.packages, pkgPath, a);
      else if (a.scope === 'subpackages') push(this.subpackages, pkgPath, a);
      else if (a.scope === 'document' && a.target >= 0) push(this.documents, rulePath(a.target), a);
    }
  }

  /** Computed on first use: few rules call `rego.metadata.*()`, and converting annotations costs. */
  forRule(module: Module, ruleIndex: number, rulePath: string[], pkgPath: string[]): RuleMetadata {
    let computed: { rule: RegoValue; chain: RegoValue } | undefined;
    const compute = () => (computed ??= this.compute(module, ruleIndex, rulePath, pkgPath));
    return {
      get rule() {
        return compute().rule;
      },
      get chain() {
        return compute().chain;
      },
    };
  }

  private compute(module: Module, ruleIndex: number, rulePath: string[], pkgPath: string[]): { rule: RegoValue; chain: RegoValue } {
    const own = (module.annotations ?? []).find((a) => a.target === ruleIndex && a.scope === 'rule');
    const chain: RegoValue[] = [entry(rulePath, own)];
    for (const d of this.documents.get(key(rulePath)) ?? []) chain.push(entry(rulePath, d.annotation));
    for (const p of this.packages.get(key(pkgPath)) ?? []) chain.push(entry(pkgPath, p.annotation));
    for (let n = pkgPath.length; n >= 1; n--) {
      const prefix = pkgPath.slice(0, n);
      for (const s of this.subpackages.get(key(prefix)) ?? []) chain.push(entry(prefix, s.annotation));
    }
    return { rule: own ? annotationValue(own) : makeObject([]), chain };
  }
}

function key(path: string[]): string {
  return path.join('\u0000');
}

function push(map: Map<string, Indexed[]>, path: string[], annotation: Annotation): void {
  const k = key(path);
  const list = map.get(k) ?? [];
  list.push({ annotation, path });
  map.set(k, list);
}

function entry(path: string[], a: Annotation | undefined): RegoValue {
  const fields: [RegoValue, RegoValue][] = [['path', path]];
  if (a) fields.push(['annotations', annotationValue(a)]);
  return makeObject(fields);
}

/** OPA's normalised annotation object: authors as {name, email}, related resources as {ref, description}. */
function annotationValue(a: Annotation): RegoValue {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a.fields ?? {})) {
    if (v === undefined || v === null) continue;
    if (k === 'authors') out.authors = (Array.isArray(v) ? v : [v]).map(normaliseAuthor);
    else if (k === 'related_resources') out.related_resources = (Array.isArray(v) ? v : [v]).map((r) => (typeof r === 'string' ? { ref: r } : r));
    else out[k] = v;
  }
  out.scope = a.scope;
  return fromJS(out);
}

function normaliseAuthor(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(.*?)\s*<([^>]+)>\s*$/.exec(v.trim());
  if (!m) return { name: v.trim() };
  return m[1] ? { name: m[1], email: m[2] } : { email: m[2] };
}
