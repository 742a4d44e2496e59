// Walks the evaluated root module (and every module instance under it) into the policy model
// (Contract 1) and the source maps, normalising IAM policy JSON strings into objects.
import type { Model, ModelModuleCall, ModelProvider, ModelResource, ModelValue, SourceMapNode } from '../../model';
import { toModelValue, Unknown, type Value, type ValueObject } from '../values';
import { blockNode, evaluateBody } from './blocks';
import { attributesOf, ignoredChanges, providerReference } from './decls';
import { moduleCallConfig } from './module-calls';
import type { ModuleInstance } from './module-instance';
import { linkPolicyDocumentNodes } from './iam-source-map';
import { PartialJson } from './json-template';
import { moduleScope } from './scope';
import type { ChildReuse } from './child-reuse';

export interface BuiltModel {
  model: Model;
  sourceMaps: Map<string, SourceMapNode>;
}

/** With `reuse`, child module instances may take an earlier run's walk (child-reuse.ts). */
export function buildModel(root: ModuleInstance, reuse?: ChildReuse): BuiltModel {
  const ctx = root.ctx;
  const model: Model = {
    format: 'terraform',
    files: root.decls.files.map((f) => ctx.rel(f.path)),
    resources: [],
    data: [],
    modules: [],
    providers: [],
    variables: {},
    locals: {},
  };
  const sourceMaps = new Map<string, SourceMapNode>();
  for (const name of root.decls.variables.keys()) model.variables![name] = modelValue(root.variable(name) ?? null);
  for (const name of root.decls.locals.keys()) {
    ctx.checkCancelled();
    model.locals![name] = modelValue(root.local(name) ?? null);
  }
  collect(root, model, sourceMaps, reuse);
  const required = requiredProviders(root);
  if (required) model.required_providers = required;
  const sensitive = sensitiveVariables(root);
  if (sensitive.length > 0) model.sensitive_variables = sensitive;
  linkPolicyDocuments(model, sourceMaps);
  return { model, sourceMaps };
}

/**
 * The version constraints of every module directory the unit loads (each once, however many
 * instances call it): a walk over module calls only, whose results are already evaluated.
 */
function requiredProviders(root: ModuleInstance): { [name: string]: string[] } | undefined {
  const seen = new Set<ModuleInstance['decls']>();
  let out: { [name: string]: string[] } | undefined;
  const visit = (inst: ModuleInstance): void => {
    if (seen.has(inst.decls)) return;
    seen.add(inst.decls);
    for (const { name, version } of inst.decls.requiredProviders) {
      out ??= {};
      const list = (out[name] ??= []);
      if (!list.includes(version)) list.push(version);
    }
    for (const name of inst.decls.modules.keys()) {
      for (const mi of inst.callResult(name)?.instances ?? []) if (mi.child) visit(mi.child);
    }
  };
  visit(root);
  return out;
}

/**
 * The variables declared `sensitive = true`, by address (`var.db_password`,
 * `module.app.var.password`): a value read from one is a secret by its author's declaration, which
 * the value itself (unknown until apply) cannot say. A walk over module instances only.
 */
function sensitiveVariables(root: ModuleInstance): string[] {
  const out: string[] = [];
  const visit = (inst: ModuleInstance): void => {
    for (const [name, decl] of inst.decls.variables) {
      const expr = attributesOf(decl.block).get('sensitive')?.expr;
      if (expr?.kind === 'Literal' && expr.value === true) out.push(`${inst.address ? `${inst.address}.` : ''}var.${name}`);
    }
    for (const name of inst.decls.modules.keys()) {
      for (const mi of inst.callResult(name)?.instances ?? []) if (mi.child) visit(mi.child);
    }
  };
  visit(root);
  return out;
}

/** Attributes set to `data.aws_iam_policy_document.x.json` borrow the document's source map. */
function linkPolicyDocuments(model: Model, sourceMaps: Map<string, SourceMapNode>): void {
  const documents = new Map<string, { node: SourceMapNode; json: ModelValue }>();
  for (const d of model.data ?? []) {
    const node = d.type === 'aws_iam_policy_document' ? sourceMaps.get(d.address)?.fields?.json : undefined;
    if (node?.fields && d.config.json !== undefined) documents.set(d.address, { node, json: d.config.json });
  }
  if (documents.size === 0) return;
  for (const r of [...model.resources, ...(model.data ?? [])]) {
    const root = sourceMaps.get(r.address);
    if (root && r.references.length > 0) linkPolicyDocumentNodes(root, r.config, r.references, documents);
  }
}

function collect(inst: ModuleInstance, model: Model, sourceMaps: Map<string, SourceMapNode>, reuse?: ChildReuse): void {
  const ctx = inst.ctx;
  for (const mode of ['managed', 'data'] as const) {
    const decls = mode === 'data' ? inst.decls.data : inst.decls.resources;
    for (const key of decls.keys()) {
      ctx.checkCancelled();
      const result = inst.resourceResult(mode, key);
      if (!result || result instanceof Unknown) continue;
      const provider = providerReference(result.decl);
      const ignored = mode === 'managed' ? ignoredChanges(result.decl.block) : undefined;
      for (const i of result.instances) {
        const isPolicyDocument = result.type === 'aws_iam_policy_document' && mode === 'data';
        // `json` is rendered (a PartialJson when some inputs are unknown: the model shows the document).
        const config = withoutNulls(modelObject(isPolicyDocument ? { ...i.config, json: i.value.json } : i.config));
        const r: ModelResource = {
          address: i.address,
          mode,
          type: result.type,
          name: result.name,
          file: ctx.rel(result.decl.file.path),
          ...(inst.address ? { module: inst.address } : {}),
          ...(i.key !== undefined ? { index: i.key } : {}),
          ...(result.expansion.kind === 'unknown' ? { unexpanded: true as const } : {}),
          ...(provider !== undefined ? { provider } : {}),
          ...(ignored !== undefined ? { ignore_changes: ignored } : {}),
          config,
          references: i.references,
        };
        (mode === 'data' ? model.data! : model.resources).push(r);
        sourceMaps.set(i.address, i.node);
      }
    }
  }
  for (const decl of inst.decls.providers) {
    const scope = moduleScope(inst, decl.file);
    const body = evaluateBody(decl.block.body, scope, [], []);
    const alias = body.config.alias;
    const name = decl.block.labels[0]?.value ?? '';
    // An address like a resource's (module path, `provider.<name>`, then the alias) lets a rule
    // report on a provider block and the finding be placed on it through the source map.
    const address = `${inst.address ? `${inst.address}.` : ''}provider.${name}${typeof alias === 'string' ? `.${alias}` : ''}`;
    const p: ModelProvider = {
      address,
      name,
      ...(typeof alias === 'string' ? { alias } : {}),
      file: ctx.rel(decl.file.path),
      config: modelObject(body.config),
    };
    model.providers!.push(p);
    sourceMaps.set(address, blockNode(scope, decl.block, body.fields));
  }
  for (const name of inst.decls.modules.keys()) {
    ctx.checkCancelled();
    const call = inst.callResult(name);
    if (!call) continue;
    for (const mi of call.instances) {
      const { config, node } = moduleCallConfig(mi, call.decl);
      const m: ModelModuleCall = {
        address: mi.address,
        name,
        source: call.source,
        file: ctx.rel(call.decl.file.path),
        config: modelObject(config),
        ...(call.dir ? { dir: ctx.rel(call.dir) } : {}),
        ...(call.version !== undefined ? { version: call.version } : {}),
      };
      model.modules!.push(m);
      sourceMaps.set(mi.address, node);
      if (!mi.child) continue;
      if (reuse) reuse.collect(mi.child, model, sourceMaps, (child, m, maps) => collect(child, m, maps, reuse));
      else collect(mi.child, model, sourceMaps);
    }
  }
}

/**
 * A resource's config without the arguments set to null, at every depth (nested blocks' too).
 * Terraform treats `x = null` exactly as leaving x out, and modules set every argument
 * (`kms_key_id = var.kms_key_id`, null unless given): rules written for `object.get(c, "x",
 * provider_default)` or a missing key must read both ways alike. The source map keeps the
 * attribute, so findings and fixes still point at (and edit) the line that sets it.
 */
function withoutNulls(v: { [key: string]: ModelValue }): { [key: string]: ModelValue } {
  // Copied only where a null is dropped (most configs have none): every resource instance of every
  // scan and fix re-scan passes here.
  let out: { [key: string]: ModelValue } | undefined;
  for (const k in v) {
    const x = v[k];
    const y = x === null ? x : dropNullsIn(x);
    if (out === undefined && (x === null || y !== x)) {
      out = {};
      for (const done in v) {
        if (done === k) break;
        out[done] = v[done];
      }
    }
    if (out !== undefined && y !== null) out[k] = y;
  }
  return out ?? v;
}

function dropNullsIn(v: ModelValue): ModelValue {
  if (Array.isArray(v)) {
    let out: ModelValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const y = dropNullsIn(v[i]);
      if (out === undefined && y !== v[i]) out = v.slice(0, i);
      if (out !== undefined) out.push(y);
    }
    return out ?? v;
  }
  if (v !== null && typeof v === 'object') return withoutNulls(v as { [key: string]: ModelValue });
  return v;
}

function modelObject(v: ValueObject): { [key: string]: ModelValue } {
  return modelValue(v) as { [key: string]: ModelValue };
}

/** Model encoding of a value, with IAM policy JSON strings replaced by the parsed document. */
export function modelValue(v: Value): ModelValue {
  if (typeof v === 'string') return parsePolicyJson(v) ?? v;
  if (v instanceof PartialJson) return modelValue(v.document);
  if (v instanceof Unknown) return toModelValue(v);
  if (Array.isArray(v)) return v.map(modelValue);
  if (v !== null && typeof v === 'object') {
    const out: { [key: string]: ModelValue } = {};
    for (const k in v) out[k] = modelValue(v[k]);
    return out;
  }
  return v;
}

/** A string that is a JSON object with a `Statement` key (an IAM policy), parsed. */
export function parsePolicyJson(s: string): ModelValue | undefined {
  const t = s.trim();
  if (!t.startsWith('{') || !t.includes('Statement')) return undefined;
  try {
    const parsed = JSON.parse(t) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && 'Statement' in parsed) {
      return parsed as ModelValue;
    }
  } catch {
    // Not JSON: keep the string.
  }
  return undefined;
}
