// `module` blocks: where the module's code is (local path or .terraform/modules/modules.json),
// its count/for_each instances, and a child ModuleInstance per instance.
// A call's arguments are evaluated once per run: moduleCallConfig evaluates them for the model and
// keeps the values for the child's variables (why that gives what a second evaluation would: there).
import type { ModelReference, SourceMapNode } from '../../model';
import { Unknown, type Value, type ValueObject } from '../values';
import { blockNode, evaluateBody } from './blocks';
import { computedAttribute, markComputed } from './computed';
import { attributesOf, headerSpan, terraformFilesIn, type BlockDecl } from './decls';
import { reportUndeclaredInUnexpanded } from './unexpanded';
import { expansionOf, instanceAddress, instanceCount, instanceScopes, type Expansion } from './expansion';
import { evaluate } from './expressions';
import { constantScope, moduleScope, type Scope } from './scope';
import { joinPath } from './text';
import { MAX_MODULE_DEPTH, type UnitContext } from './unit';
import type { ModuleInstance } from './module-instance';
import { newNode, SHARED, type EvalNode } from './eval-tracker';
import type { Attribute } from '../ast';

export const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface ModuleCallInstance {
  key?: number | string;
  address: string;
  /** The calling module's scope with this instance's count.index / each.* bound. */
  scope: Scope;
  /** The evaluated module, or undefined when its code is not available (opaque). */
  child?: ModuleInstance;
  /**
   * The arguments as `moduleCallConfig` evaluated them for the model, by attribute, with the
   * tracker node that was computing then: the child's variables take these values instead of
   * evaluating the same expressions in the same scope again (ModuleInstance.givenValue).
   */
  evaluatedArguments?: EvaluatedArguments;
}

export interface EvaluatedArguments {
  values: Map<Attribute, Value>;
  /** What the evaluation's reads and reports went to (undefined: none, or an untracked run). */
  node?: EvalNode;
}

export interface ModuleCallResult {
  name: string;
  decl: BlockDecl;
  source: string;
  /** The `version` constraint, when it evaluates to a string. */
  version?: string;
  dir?: string;
  /** Why the module's code is not evaluated, when it is not. */
  opaqueReason?: string;
  expansion: Expansion;
  instances: ModuleCallInstance[];
}

type ChildFactory = (dir: string, address: string, call: ModuleCallInstance) => ModuleInstance;

export function evaluateModuleCall(parent: ModuleInstance, decl: BlockDecl, makeChild: ChildFactory): ModuleCallResult {
  const ctx = parent.ctx;
  const name = decl.block.labels[0]?.value ?? '';
  const base = moduleScope(parent, decl.file);
  const sourceAttr = attributesOf(decl.block).get('source');
  let source = '';
  if (!sourceAttr) {
    ctx.report(decl.file.path, headerSpan(decl.block), 'error', 'tf-module-source', `module "${name}" has no "source"`);
  } else {
    const v = evaluate(sourceAttr.expr, constantScope(parent, decl.file));
    if (typeof v === 'string') source = v;
    else ctx.report(decl.file.path, sourceAttr.expr, 'error', 'tf-module-source', 'a module "source" must be a literal string');
  }
  let { dir, opaqueReason, emptyLocal } = resolveModuleDir(ctx, parent, name, source);
  // A local source is never fetched, so a directory without configuration is a typo or a partial
  // checkout: Terraform refuses a missing directory ("Unreadable module directory") and an empty
  // one takes no arguments. Without a report the module's resources vanish from the scan silently.
  if (emptyLocal) ctx.report(decl.file.path, sourceAttr!.expr, 'warning', 'tf-module-source', `module "${name}": ${opaqueReason}, so it is not evaluated`);
  if (dir && (dir === parent.dir || parent.ancestors.includes(dir))) {
    ctx.report(decl.file.path, headerSpan(decl.block), 'error', 'tf-module-recursion', `module "${name}" calls a module that is already being evaluated (recursion)`);
    opaqueReason = 'the module calls itself';
    dir = undefined;
  } else if (dir && parent.depth + 1 > MAX_MODULE_DEPTH) {
    ctx.report(decl.file.path, headerSpan(decl.block), 'warning', 'tf-module-depth', `modules nested deeper than ${MAX_MODULE_DEPTH} are not evaluated`);
    opaqueReason = 'modules are nested too deeply';
    dir = undefined;
  }
  let expansion = expansionOf(decl.block, base);
  if (!ctx.takeInstances(instanceCount(expansion))) {
    expansion = { kind: 'unknown', reason: new Unknown('count', [], 'evaluation budget exhausted') };
  }
  const callAddress = parent.address ? `${parent.address}.module.${name}` : `module.${name}`;
  const instances: ModuleCallInstance[] = instanceScopes(expansion, base).map(({ key, scope }) => ({
    key,
    address: instanceAddress(callAddress, key),
    scope,
  }));
  if (instances.length === 0) reportUndeclaredInUnexpanded(decl.block, base);
  for (const inst of instances) if (dir) inst.child = makeChild(dir, inst.address, inst);
  if (dir) checkArguments(parent, decl, instances[0]?.child);
  const versionAttr = attributesOf(decl.block).get('version');
  const versionValue = versionAttr ? evaluate(versionAttr.expr, constantScope(parent, decl.file)) : undefined;
  const version = typeof versionValue === 'string' ? versionValue : undefined;
  return { name, decl, source, ...(version !== undefined ? { version } : {}), dir, opaqueReason, expansion, instances };
}

/** Arguments the module does not declare, and required variables the call does not set. */
function checkArguments(parent: ModuleInstance, decl: BlockDecl, child: ModuleInstance | undefined): void {
  if (!child) return;
  const args = attributesOf(decl.block);
  const variables = child.decls.variables;
  // forEach: one closure per call instead of an entry array and an iterator result per element.
  args.forEach((attr, argName) => {
    if (MODULE_META.has(argName) || variables.has(argName)) return;
    parent.ctx.report(decl.file.path, attr.name, 'error', 'tf-module-argument', `module has no variable "${argName}"`);
  });
  variables.forEach((v, varName) => {
    if (args.has(varName) || attributesOf(v.block).has('default')) return;
    parent.ctx.report(decl.file.path, headerSpan(decl.block), 'error', 'tf-module-argument', `required argument "${varName}" is not set`);
  });
}

function resolveModuleDir(ctx: UnitContext, parent: ModuleInstance, name: string, source: string): { dir?: string; opaqueReason?: string; emptyLocal?: boolean } {
  if (source.startsWith('./') || source.startsWith('../')) {
    const dir = joinPath(parent.dir, source);
    if (terraformFilesIn(ctx, dir).length === 0) return { opaqueReason: `no .tf files at ${ctx.rel(dir)}`, emptyLocal: true };
    return { dir };
  }
  const key = [...parent.keyPath, name].join('.');
  const installed = installedModules(ctx, parent.rootDir).get(key);
  if (installed && terraformFilesIn(ctx, installed).length > 0) return { dir: installed };
  return { opaqueReason: `module source "${source}" is not available locally (run terraform init to evaluate it)` };
}

const manifests = new WeakMap<UnitContext, Map<string, string>>();

/** `.terraform/modules/modules.json`: module key → installed directory. */
function installedModules(ctx: UnitContext, rootDir: string): Map<string, string> {
  const tracker = ctx.tracker;
  if (tracker) {
    // Read once per run, used by every call that looks a module up: a node of its own.
    tracker.manifestNode ??= newNode(SHARED, 'modules.json');
    if (manifests.has(ctx)) tracker.touch(tracker.manifestNode);
    else return tracker.run(tracker.manifestNode, () => readManifest(ctx, rootDir));
  }
  return manifests.get(ctx) ?? readManifest(ctx, rootDir);
}

function readManifest(ctx: UnitContext, rootDir: string): Map<string, string> {
  const hit = manifests.get(ctx);
  if (hit) return hit;
  const out = new Map<string, string>();
  manifests.set(ctx, out);
  const text = ctx.readText(`${rootDir}/.terraform/modules/modules.json`);
  if (text === undefined) return out;
  try {
    const json = JSON.parse(text) as { Modules?: { Key?: string; Dir?: string }[] };
    for (const m of json.Modules ?? []) {
      if (typeof m.Key === 'string' && m.Key !== '' && typeof m.Dir === 'string') out.set(m.Key, joinPath(rootDir, m.Dir));
    }
  } catch {
    ctx.report(`${rootDir}/.terraform/modules/modules.json`, { start: 0, end: 0 }, 'warning', 'tf-modules-manifest', 'modules.json is not valid JSON');
  }
  return out;
}

/** What `module.NAME` evaluates to. */
export function moduleCallValue(call: ModuleCallResult, address: string): Value {
  if (call.expansion.kind === 'unknown') {
    return new Unknown(address, [address, ...call.expansion.reason.refs], `the instances of ${address} are not known`);
  }
  const values = call.instances.map((inst) => instanceValue(call, inst));
  if (call.expansion.kind === 'single') return values[0];
  if (call.expansion.kind === 'count') return values;
  const out: ValueObject = {};
  call.instances.forEach((inst, i) => (out[String(inst.key)] = values[i]));
  return out;
}

function instanceValue(call: ModuleCallResult, inst: ModuleCallInstance): Value {
  if (!inst.child) return markComputed({}, inst.address);
  const out: ValueObject = {};
  for (const name of inst.child.decls.outputs.keys()) out[name] = inst.child.output(name) ?? null;
  return out;
}

/** `module.NAME.OUTPUT` for a call without count/for_each; undefined to fall back to the whole value. */
export function moduleOutputValue(call: ModuleCallResult, output: string, expr: string): Value | undefined {
  if (call.expansion.kind !== 'single') return undefined;
  const inst = call.instances[0];
  if (!inst.child) {
    const u = computedAttribute(inst.address, output, expr);
    return new Unknown(u.expr, u.refs, `output \`${output}\` of ${inst.address}: ${call.opaqueReason ?? 'module not evaluated'}`);
  }
  return inst.child.output(output);
}

/**
 * The call's evaluated arguments for the model, with source map and references. The values are
 * kept on the instance for its child's variables (`evaluatedArguments`) when a second evaluation
 * of each argument is certain to give the same value and to add no diagnostic:
 * - evaluation is memoised per object and deterministic, so the same expression in the same scope
 *   (the instance's, with its count.index / each) reads the same objects and gets the same value,
 *   unless an object it read was still being computed (a cycle: `ctx.cycles` moved, not kept);
 * - this evaluation's reports were kept (not muted, quiet or held back by a tentative
 *   resolution), so a second one would only repeat them, and the run's diagnostics drop repeats;
 * - in a tracked run (child-reuse.ts) the variable's node then uses the node that evaluated the
 *   arguments (the caller's model walk), which holds the reads and reports; a root call's
 *   arguments are evaluated outside any node, and the child's variables are then inputs that
 *   child-reuse.ts compares by value, never followed into what they read.
 */
export function moduleCallConfig(inst: ModuleCallInstance, decl: BlockDecl): { config: ValueObject; node: SourceMapNode; references: ModelReference[] } {
  const references: ModelReference[] = [];
  const ctx = inst.scope.env.ctx;
  const keep = inst.child !== undefined && ctx.reportsKept;
  const cycles = ctx.cycles;
  const body = evaluateBody(decl.block.body, inst.scope, [], references, MODULE_META);
  if (keep && ctx.cycles === cycles) {
    const values = new Map<Attribute, Value>();
    attributesOf(decl.block).forEach((attr, name) => {
      // evaluateBody keeps the first of repeated attributes, as attributesOf does.
      if (!MODULE_META.has(name) && Object.prototype.hasOwnProperty.call(body.config, name)) values.set(attr, body.config[name]);
    });
    inst.evaluatedArguments = { values, node: ctx.tracker?.current };
  }
  return { config: body.config, node: blockNode(inst.scope, decl.block, body.fields), references };
}
