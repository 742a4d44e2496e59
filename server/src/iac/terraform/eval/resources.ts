// One resource or data block → its instances (count/for_each), each with evaluated config,
// source map and references, plus the value other expressions see when they reference it.
import type { ModelReference, SourceMapNode } from '../../model';
import { Unknown, type Value, type ValueObject } from '../values';
import { addProvisionerBlocks, blockNode, evaluateBody } from './blocks';
import { markComputed } from './computed';
import { headerSpan, type BlockDecl } from './decls';
import { policyDocumentJsonNode } from './iam-source-map';
import { reportMalformedPolicyJson } from './policy-json-check';
import { renderPolicyAttributes } from './policy-document';
import { reportUndeclaredInUnexpanded } from './unexpanded';
import { expansionOf, instanceAddress, instanceCount, instanceScopes, type Expansion } from './expansion';
import { moduleScope, type ModuleEnv, type Scope } from './scope';

const MANAGED_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);
const DATA_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']);

export interface ResourceInstance {
  key?: number | string;
  address: string;
  config: ValueObject;
  node: SourceMapNode;
  references: ModelReference[];
  /** The scope the instance was evaluated in (count.index / each.* bound), for hovers. */
  scope: Scope;
  /** What `type.name[key]` evaluates to: config plus derived attributes (policy document json). */
  value: ValueObject;
}

export interface ResourceResult {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  decl: BlockDecl;
  /** Address without instance key, module-prefixed. */
  address: string;
  expansion: Expansion;
  instances: ResourceInstance[];
  /** What `type.name` evaluates to: one instance object, a list (count), a map (for_each) or Unknown. */
  value: Value;
}

export function evaluateResource(env: ModuleEnv, mode: 'managed' | 'data', decl: BlockDecl): ResourceResult {
  // Declarations of resources and data sources have both labels (decls.ts).
  const type = decl.block.labels[0].value;
  const name = decl.block.labels[1].value;
  const local = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  const address = env.address ? `${env.address}.${local}` : local;
  const base = moduleScope(env, decl.file);
  let expansion = expansionOf(decl.block, base);
  if (!env.ctx.takeInstances(instanceCount(expansion))) {
    env.ctx.report(decl.file.path, decl.block.type, 'warning', 'tf-expansion-limit',
      `the unit's evaluation budget is exhausted; ${address} is evaluated once with unknown keys`);
    expansion = { kind: 'unknown', reason: new Unknown('count', [], 'evaluation budget exhausted') };
  }
  const skip = mode === 'data' ? DATA_META : MANAGED_META;
  const instances: ResourceInstance[] = [];
  const scopes = instanceScopes(expansion, base);
  if (scopes.length === 0) reportUndeclaredInUnexpanded(decl.block, base);
  for (let i = 0; i < scopes.length; i++) {
    const { key, scope } = scopes[i];
    env.ctx.checkCancelled();
    const references: ModelReference[] = [];
    const body = evaluateBody(decl.block.body, scope, [], references, skip);
    if (mode === 'managed') addProvisionerBlocks(decl.block.body, scope, body);
    const instAddress = instanceAddress(address, key);
    const value: ValueObject = { ...body.config };
    if (mode === 'data' && type === 'aws_iam_policy_document') addPolicyJson(env, decl, value, instAddress);
    else reportMalformedPolicyJson(env, decl, body.config, address);
    const node = blockNode(scope, decl.block, body.fields);
    if (mode === 'data' && type === 'aws_iam_policy_document') body.fields.json = policyDocumentJsonNode(node, body.config);
    instances.push({
      key,
      address: instAddress,
      config: body.config,
      node,
      references,
      scope,
      value: markComputed(value, instAddress),
    });
  }
  return { mode, type, name, decl, address, expansion, instances, value: materialize(expansion, instances, address) };
}

/** The policy document data source renders `json` and `minified_json` from its blocks. */
function addPolicyJson(env: ModuleEnv, decl: BlockDecl, value: ValueObject, address: string): void {
  const rendered = renderPolicyAttributes(value, address);
  if (rendered.error) {
    env.ctx.report(decl.file.path, headerSpan(decl.block), 'warning', 'tf-policy-document', `${address}: ${rendered.error}`);
  }
  value.json = rendered.json;
  value.minified_json = rendered.minified;
}

function materialize(expansion: Expansion, instances: ResourceInstance[], address: string): Value {
  switch (expansion.kind) {
    case 'single':
      return instances[0].value;
    case 'count':
      return instances.map((i) => i.value);
    case 'for_each': {
      const out: ValueObject = {};
      for (const i of instances) out[String(i.key)] = i.value;
      return out;
    }
    case 'unknown':
      return new Unknown(address, [address, ...expansion.reason.refs], `the instances of ${address} are not known (${expansion.reason.reason ?? 'count/for_each is unknown'})`);
  }
}
