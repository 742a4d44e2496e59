// Terraform plan JSON (`terraform show -json plan.out`) and state (`terraform.tfstate`, version 4)
// → the model of docs/model.md with `format: "terraform-plan"`, plus a source map into the JSON
// text (docs/plan.md). Values are the resolved ones Terraform computed; nothing is evaluated here.
import type { FrontEndDiagnostic, Model, ModelReference, ModelResource, ModelValue, SourceMapNode } from '../model';
import { providersOfPlan } from './providers';
import { memberOf, parseJson, toPlain, valueOf, type JsonNode } from './json';
import { childrenOf } from './source-map';
import { hasUnknown, overlayUnknown, referencesOfExpressions, toModelValue } from './values';

export type TerraformJsonKind = 'plan' | 'state';

export interface TerraformPlanResult {
  /** What the file turned out to be; undefined when it is neither (a diagnostic says why). */
  kind?: TerraformJsonKind;
  model: Model;
  /** By resource address, like the HCL front end's. */
  sourceMaps: Map<string, SourceMapNode>;
  diagnostics: FrontEndDiagnostic[];
}

/** Cheap content check, for discovery: a plan has format_version and planned_values, a state version and resources. */
export function detectTerraformJson(text: string): TerraformJsonKind | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  if (text.includes('"planned_values"') && text.includes('"format_version"')) return kindOf(text);
  if (text.includes('"resources"') && /"version"\s*:/.test(text) && text.includes('"terraform_version"')) return kindOf(text);
  return undefined;
}

function kindOf(text: string): TerraformJsonKind | undefined {
  const { root } = parseJson(text);
  if (!root || root.kind !== 'object') return undefined;
  if (memberOf(root, 'format_version') && valueOf(root, 'planned_values')?.kind === 'object') return 'plan';
  if (valueOf(root, 'version')?.kind === 'number' && valueOf(root, 'resources')?.kind === 'array') return 'state';
  return undefined;
}

/** `file` is the workspace-relative path used in ranges and the model. Never throws. */
export function analyzeTerraformPlan(text: string, file: string): TerraformPlanResult {
  const model: Model = { format: 'terraform-plan', files: [file], resources: [], data: [] };
  const result: TerraformPlanResult = { model, sourceMaps: new Map(), diagnostics: [] };
  const { root, error } = parseJson(text);
  if (!root) {
    const e = error ?? { start: 0, end: 0, message: 'empty file' };
    result.diagnostics.push({ file, start: e.start, end: e.end, severity: 'error', code: 'json-syntax', message: e.message });
    return result;
  }
  const builder = new Builder(file, result);
  if (root.kind === 'object' && memberOf(root, 'format_version') && valueOf(root, 'planned_values')?.kind === 'object') {
    result.kind = 'plan';
    builder.plan(root);
  } else if (root.kind === 'object' && valueOf(root, 'resources')?.kind === 'array' && valueOf(root, 'version')?.kind === 'number') {
    result.kind = 'state';
    builder.state(root);
  } else {
    result.diagnostics.push({ file, start: root.start, end: Math.min(root.end, root.start + 1), severity: 'error', code: 'tfplan-unrecognised', message: 'not a Terraform plan (format_version + planned_values) or state (version + resources)' });
  }
  return result;
}

interface ConfigResource {
  expressions: unknown;
}

class Builder {
  /** Configuration resources by `<module names joined by .>|<module-relative address>`. */
  private readonly configuration = new Map<string, ConfigResource>();
  /** after_unknown masks by resource address. */
  private readonly unknowns = new Map<string, unknown>();

  constructor(
    private readonly file: string,
    private readonly result: TerraformPlanResult,
  ) {}

  plan(root: JsonNode): void {
    const config = valueOf(root, 'configuration');
    if (config) this.readConfiguration(valueOf(config, 'root_module'), []);
    // Provider blocks: the plan keeps only their configuration (literal values and references).
    const providers = providersOfPlan(valueOf(config, 'provider_config'), this.file);
    if (providers.length > 0) {
      this.result.model.providers = providers.map((p) => p.provider);
      for (const p of providers) if (!this.result.sourceMaps.has(p.provider.address!)) this.result.sourceMaps.set(p.provider.address!, p.sourceMap);
    }
    const changes = valueOf(root, 'resource_changes');
    if (changes?.kind === 'array') {
      for (const change of changes.items) {
        const address = stringOf(valueOf(change, 'address'));
        const after = valueOf(valueOf(change, 'change'), 'after_unknown');
        if (address && after) this.unknowns.set(address, toPlain(after));
      }
    }
    const rootModule = valueOf(valueOf(root, 'planned_values'), 'root_module');
    if (rootModule) this.plannedModule(rootModule, undefined, 0);
  }

  private readConfiguration(module: JsonNode | undefined, names: string[]): void {
    if (!module || names.length > 32) return;
    const resources = valueOf(module, 'resources');
    for (const r of resources?.kind === 'array' ? resources.items : []) {
      const address = stringOf(valueOf(r, 'address'));
      if (address) this.configuration.set(`${names.join('.')}|${address}`, { expressions: toPlain(valueOf(r, 'expressions') ?? { kind: 'null', start: 0, end: 0 }) });
    }
    const calls = valueOf(module, 'module_calls');
    if (calls?.kind === 'object') for (const m of calls.members) this.readConfiguration(valueOf(m.value, 'module'), [...names, m.key]);
  }

  private plannedModule(module: JsonNode, moduleAddress: string | undefined, depth: number): void {
    if (depth > 32) return;
    const resources = valueOf(module, 'resources');
    for (const r of resources?.kind === 'array' ? resources.items : []) this.plannedResource(r, moduleAddress);
    const children = valueOf(module, 'child_modules');
    for (const child of children?.kind === 'array' ? children.items : []) {
      this.plannedModule(child, stringOf(valueOf(child, 'address')) ?? moduleAddress, depth + 1);
    }
  }

  private plannedResource(node: JsonNode, moduleAddress: string | undefined): void {
    const address = stringOf(valueOf(node, 'address'));
    const type = stringOf(valueOf(node, 'type'));
    const name = stringOf(valueOf(node, 'name'));
    if (!address || !type || !name) return this.skipped(node, 'a planned resource without address, type or name');
    const mode = stringOf(valueOf(node, 'mode')) === 'data' ? 'data' : 'managed';
    const values = memberOf(node, 'values');
    const index = indexOf(valueOf(node, 'index'));
    const configKey = `${moduleNames(moduleAddress).join('.')}|${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const configured = this.configuration.get(configKey);
    let config = values ? toModelValue(toPlain(values.value)) : {};
    if (!config || typeof config !== 'object' || Array.isArray(config)) config = {};
    // Computed attributes the configuration does not set stay absent, as in the HCL model; the
    // ones it sets to a not-yet-known value become unknowns.
    const mask = this.unknowns.get(address);
    if (mask && typeof mask === 'object' && !Array.isArray(mask)) {
      const setKeys = configured && configured.expressions && typeof configured.expressions === 'object' ? new Set(Object.keys(configured.expressions)) : undefined;
      for (const [key, m] of Object.entries(mask as Record<string, unknown>)) {
        if (!hasUnknown(m) || (setKeys && !setKeys.has(key))) continue;
        const next = overlayUnknown(config[key], m, (path) => unknownText(address, [key, ...path], configured?.expressions));
        if (next !== undefined) config[key] = next;
      }
    }
    const references: ModelReference[] = configured ? referencesOfExpressions(configured.expressions, moduleAddress ?? '') : [];
    this.add({ address, mode, type, name, file: this.file, ...(moduleAddress ? { module: moduleAddress } : {}), ...(index !== undefined ? { index } : {}), config, references }, node, values);
  }

  state(root: JsonNode): void {
    const version = valueOf(root, 'version');
    if (version?.kind === 'number' && version.value !== 4) {
      this.result.diagnostics.push({ file: this.file, start: version.start, end: version.end, severity: 'warning', code: 'tfstate-version', message: `state format version ${version.value} is not 4; values are read as if it were` });
    }
    const resources = valueOf(root, 'resources');
    const dependencies: { resource: ModelResource; on: string[] }[] = [];
    for (const r of resources?.kind === 'array' ? resources.items : []) {
      const type = stringOf(valueOf(r, 'type'));
      const name = stringOf(valueOf(r, 'name'));
      if (!type || !name) {
        this.skipped(r, 'a state resource without type or name');
        continue;
      }
      const mode = stringOf(valueOf(r, 'mode')) === 'data' ? 'data' : 'managed';
      const moduleAddress = stringOf(valueOf(r, 'module'));
      const base = `${moduleAddress ? `${moduleAddress}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
      const instances = valueOf(r, 'instances');
      for (const instance of instances?.kind === 'array' ? instances.items : []) {
        const index = indexOf(valueOf(instance, 'index_key'));
        const address = index === undefined ? base : `${base}[${JSON.stringify(index)}]`;
        const attributes = memberOf(instance, 'attributes');
        let config = attributes ? toModelValue(toPlain(attributes.value)) : {};
        if (!config || typeof config !== 'object' || Array.isArray(config)) config = {};
        const resource: ModelResource = { address, mode, type, name, file: this.file, ...(moduleAddress ? { module: moduleAddress } : {}), ...(index !== undefined ? { index } : {}), config, references: [] };
        this.add(resource, instance, attributes);
        const deps = valueOf(instance, 'dependencies');
        if (deps?.kind === 'array') dependencies.push({ resource, on: deps.items.map(stringOf).filter((d): d is string => d !== undefined) });
      }
    }
    this.referencesByValue(dependencies);
  }

  /**
   * State records which resources an instance depends on, not through which attribute: an
   * attribute whose value is a dependency's `id`, `arn`, `bucket` or `name` refers to it.
   */
  private referencesByValue(dependencies: { resource: ModelResource; on: string[] }[]): void {
    const all = [...this.result.model.resources, ...(this.result.model.data ?? [])];
    for (const { resource, on } of dependencies) {
      const targets = all.filter((t) => t !== resource && on.some((d) => t.address === d || t.address.startsWith(`${d}[`)));
      for (const [key, value] of Object.entries(resource.config)) {
        // Its own identity is no reference (a public access block's id is its bucket's name).
        if (key === 'id' || key === 'arn') continue;
        const strings: [ModelValue, (string | number)[]][] = Array.isArray(value) ? value.map((v, i) => [v, [key, i]]) : [[value, [key]]];
        for (const [v, path] of strings) {
          if (typeof v !== 'string' || v === '') continue;
          for (const t of targets) {
            const attribute = ['id', 'arn', 'bucket', 'name'].find((a) => t.config[a] === v);
            if (attribute) resource.references.push({ path, target: t.address, attribute });
          }
        }
      }
    }
  }

  private add(resource: ModelResource, node: JsonNode, values: { keyStart: number; keyEnd: number; value: JsonNode } | undefined): void {
    const file = this.file;
    const map: SourceMapNode = {
      range: { file, start: node.start, end: node.end },
      // A finding on the whole resource lands on its `values` / `attributes` key.
      nameRange: values ? { file, start: values.keyStart, end: values.keyEnd } : { file, start: node.start, end: node.start + 1 },
      ...(values ? childrenOf(file, values.value) : {}),
    };
    if (this.result.sourceMaps.has(resource.address)) {
      this.result.diagnostics.push({ file, start: node.start, end: node.start + 1, severity: 'warning', code: 'tfplan-duplicate', message: `${resource.address} appears twice; the first one is used` });
      return;
    }
    this.result.sourceMaps.set(resource.address, map);
    if (resource.mode === 'data') this.result.model.data!.push(resource);
    else this.result.model.resources.push(resource);
  }

  private skipped(node: JsonNode, what: string): void {
    this.result.diagnostics.push({ file: this.file, start: node.start, end: Math.min(node.end, node.start + 1), severity: 'warning', code: 'tfplan-resource', message: `skipped ${what}` });
  }
}

function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

function indexOf(node: JsonNode | undefined): number | string | undefined {
  return node?.kind === 'number' || node?.kind === 'string' ? node.value : undefined;
}

/** `module.a["x"].module.b` → ["a", "b"] (instance keys dropped: configuration is per call). */
function moduleNames(moduleAddress: string | undefined): string[] {
  if (!moduleAddress) return [];
  const names: string[] = [];
  const re = /module\.([\w-]+)(?:\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])?/g;
  for (let m = re.exec(moduleAddress); m; m = re.exec(moduleAddress)) names.push(m[1]);
  return names;
}

/** The configuration's first reference for that attribute, else `<address>.<path>`. */
function unknownText(address: string, path: (string | number)[], expressions: unknown): string {
  const top = expressions && typeof expressions === 'object' ? (expressions as Record<string, unknown>)[String(path[0])] : undefined;
  const refs = top && typeof top === 'object' && !Array.isArray(top) ? (top as { references?: unknown }).references : undefined;
  if (path.length === 1 && Array.isArray(refs) && typeof refs[0] === 'string') return refs[0];
  return `${address}${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
}
