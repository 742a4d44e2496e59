// One evaluated module instance (the root, or `module.x[0]`): lazily evaluated, memoized
// variables, locals, resources, data sources, module calls and outputs, with cycle detection.
import type { Attribute } from '../ast';
import { Unknown, type Value } from '../values';
import { newNode, type EvalNode, type ReportCall } from './eval-tracker';
import { attributesOf, headerSpan, loadModuleDecls, type BlockDecl, type LocalDecl, type ModuleDecls } from './decls';
import { evaluate } from './expressions';
import { evaluateModuleCall, moduleCallValue, moduleOutputValue, type ModuleCallInstance, type ModuleCallResult } from './module-calls';
import { evaluateResource, type ResourceResult } from './resources';
import { moduleScope, type ModuleEnv } from './scope';
import type { UnitContext } from './unit';
import { loadVarFiles, resolveVariable, type GivenValue, type ResolvedVariable } from './variables';

const BUSY = Symbol('busy');

/** Tracker node kinds: variable, local, resource or data source, module call, output, the model walk. */
export type NodeKind = 'v' | 'l' | 'r' | 'c' | 'o' | 'w';

/** How a child module's variables are set: the call's arguments, evaluated in the caller's scope. */
export interface ModuleInputs {
  call: ModuleCallInstance;
  args: Map<string, Attribute>;
}

export class ModuleInstance implements ModuleEnv {
  readonly decls: ModuleDecls;
  private readonly vars = new Map<string, ResolvedVariable | typeof BUSY>();
  private varFileValues?: Map<string, GivenValue>;
  private readonly localValues = new Map<string, Value>();
  private readonly localStack: string[] = [];
  private readonly cycleLocals = new Set<string>();
  private readonly resources = new Map<string, ResourceResult | Unknown | typeof BUSY>();
  private readonly calls = new Map<string, ModuleCallResult | typeof BUSY>();
  private readonly outputs = new Map<string, Value | typeof BUSY>();
  readonly children: ModuleInstance[] = [];
  /** With a tracker (child-reuse.ts): this instance's evaluated objects as nodes, by kind and name. */
  private nodes?: Map<NodeKind, Map<string, EvalNode>>;

  constructor(
    readonly ctx: UnitContext,
    readonly dir: string,
    readonly address: string,
    readonly rootDir: string,
    /** Module names from the root without instance keys (`["a", "b"]`), as modules.json keys them. */
    readonly keyPath: string[],
    readonly depth: number,
    /** Directories of the modules calling this one (recursion guard). */
    readonly ancestors: string[],
    private readonly inputs?: ModuleInputs,
  ) {
    this.decls = loadModuleDecls(ctx, dir);
  }

  variable(name: string): Value | undefined {
    return this.resolvedVariable(name)?.value;
  }

  /** The tracker's node for one of this instance's objects (its key is `<kind>:<name>`). */
  evalNode(kind: NodeKind, name: string): EvalNode {
    this.nodes ??= new Map();
    let byName = this.nodes.get(kind);
    if (!byName) this.nodes.set(kind, (byName = new Map()));
    let node = byName.get(name);
    if (!node) byName.set(name, (node = newNode(this.address, `${kind}:${name}`)));
    return node;
  }

  /** `fn` computes one of the instance's objects; a tracker attributes what it does to that object. */
  private computed<T>(kind: NodeKind, name: string, fn: () => T): T {
    const tracker = this.ctx.tracker;
    return tracker ? tracker.run(this.evalNode(kind, name), fn) : fn();
  }

  /** The object was already computed: the object being computed uses it. */
  private reused(kind: NodeKind, name: string): void {
    this.ctx.tracker?.touch(this.evalNode(kind, name));
  }

  /** The variable if it is resolved already (nothing is evaluated). */
  resolvedAlready(name: string): ResolvedVariable | undefined {
    const hit = this.vars.get(name);
    return hit === BUSY ? undefined : hit;
  }

  /**
   * Resolves the variable as `resolvedVariable` would, keeping nothing yet: its diagnostics are
   * held back and `commit` keeps the value and reports them. child-reuse.ts compares a module's
   * inputs with it before it decides whether to evaluate the module; without a commit nothing
   * happened (a tracker notes if anything else was computed meanwhile).
   */
  tentativeVariable(name: string): { value: Value; commit: () => void } | undefined {
    const known = this.resolvedAlready(name);
    if (known) return { value: known.value, commit: () => void this.resolvedVariable(name) };
    const decl = this.decls.variables.get(name);
    if (!decl || this.vars.has(name)) return undefined;
    const tracker = this.ctx.tracker;
    const held: ReportCall[] = [];
    const node = newNode(this.address, `v:${name}`);
    const compute = () => this.resolve(name, decl);
    const resolved = this.ctx.holdingReports(held, () => (tracker ? tracker.within(node, compute) : compute()));
    return {
      value: resolved.value,
      commit: () => {
        if (this.vars.has(name)) return void this.resolvedVariable(name);
        this.vars.set(name, resolved);
        if (tracker) {
          const kept = this.evalNode('v', name);
          Object.assign(kept, { reports: node.reports, reads: node.reads, deps: node.deps });
          tracker.touch(kept);
        }
        for (const call of held) this.ctx.replayReport(...call);
      },
    };
  }

  resolvedVariable(name: string): ResolvedVariable | undefined {
    const decl = this.decls.variables.get(name);
    if (!decl) return undefined;
    const hit = this.vars.get(name);
    if (hit === BUSY) {
      this.ctx.noteCycle();
      return { value: new Unknown(`var.${name}`, [], `variable \`${name}\` depends on itself`), origin: [] };
    }
    if (hit) {
      this.reused('v', name);
      return hit;
    }
    this.vars.set(name, BUSY);
    const resolved = this.computeVariable(name, decl);
    this.vars.set(name, resolved);
    return resolved;
  }

  // The compute* methods hold the closures that evaluation needs. Kept out of the getters: a
  // getter whose parameters a closure captures allocates a context on every call, and the getters
  // run for every `var.x`, `local.x` and resource reference, mostly answered from the memo.

  private computeVariable(name: string, decl: BlockDecl): ResolvedVariable {
    return this.computed('v', name, () => this.resolve(name, decl));
  }

  private resolve(name: string, decl: BlockDecl): ResolvedVariable {
    return this.ctx.isolated(() => resolveVariable(this, decl, this.givenValue(name)), {
      file: decl.file.path, span: headerSpan(decl.block),
      fallback: () => ({ value: new Unknown(`var.${name}`, [], 'internal error'), origin: [] }),
    });
  }

  private givenValue(name: string): GivenValue | undefined {
    if (!this.inputs) {
      this.varFileValues ??= loadVarFiles(this.ctx, this);
      return this.varFileValues.get(name);
    }
    const attr = this.inputs.args.get(name);
    if (!attr) return undefined;
    const scope = this.inputs.call.scope;
    const where = this.ctx.location(scope.file, attr.start);
    // The caller's model walk evaluated this argument already (module-calls.ts, moduleCallConfig).
    const evaluated = this.inputs.call.evaluatedArguments;
    if (evaluated?.values.has(attr)) {
      if (evaluated.node) this.ctx.tracker?.touch(evaluated.node);
      return { value: evaluated.values.get(attr)!, origin: `argument of ${this.address} in ${where}`, file: scope.file, expr: attr.expr };
    }
    return { value: evaluate(attr.expr, scope), origin: `argument of ${this.address} in ${where}`, file: scope.file, expr: attr.expr };
  }

  local(name: string): Value | undefined {
    const decl = this.decls.locals.get(name);
    if (!decl) return undefined;
    const hit = this.localValues.get(name);
    if (hit !== undefined) {
      this.reused('l', name);
      return hit;
    }
    const at = this.localStack.indexOf(name);
    if (at >= 0) {
      this.ctx.noteCycle();
      const cycle = this.localStack.slice(at);
      for (const member of cycle) {
        this.cycleLocals.add(member);
        const d = this.decls.locals.get(member)!;
        this.ctx.report(d.file.path, d.attr.name, 'error', 'tf-local-cycle',
          `local "${member}" is part of a cycle: ${[...cycle, name].map((n) => `local.${n}`).join(' → ')}`);
      }
      return new Unknown(`local.${name}`, [], `local \`${name}\` is part of a cycle`);
    }
    this.localStack.push(name);
    let value: Value;
    try {
      value = this.computeLocal(name, decl);
    } finally {
      this.localStack.pop();
    }
    if (this.cycleLocals.has(name)) value = new Unknown(`local.${name}`, [], `local \`${name}\` is part of a cycle`);
    this.localValues.set(name, value);
    return value;
  }

  private computeLocal(name: string, decl: LocalDecl): Value {
    return this.computed('l', name, () => this.ctx.isolated(() => evaluate(decl.attr.expr, moduleScope(this, decl.file)), {
      file: decl.file.path, span: decl.attr.name, fallback: () => new Unknown(`local.${name}`, [], 'internal error'),
    }));
  }

  resourceResult(mode: 'managed' | 'data', key: string): ResourceResult | Unknown | undefined {
    const decl = (mode === 'data' ? this.decls.data : this.decls.resources).get(key);
    if (!decl) return undefined;
    const cacheKey = `${mode}.${key}`;
    const hit = this.resources.get(cacheKey);
    if (hit === BUSY) {
      this.ctx.noteCycle();
      const address = `${this.address ? `${this.address}.` : ''}${mode === 'data' ? 'data.' : ''}${key}`;
      this.ctx.report(decl.file.path, headerSpan(decl.block), 'warning', 'tf-cycle', `${address} refers to itself`);
      return new Unknown(address, [address], `${address} refers to itself`);
    }
    if (hit) {
      this.reused('r', cacheKey);
      return hit;
    }
    this.resources.set(cacheKey, BUSY);
    try {
      const result = this.computeResource(mode, key, cacheKey, decl);
      this.resources.set(cacheKey, result);
      return result;
    } catch (err) {
      this.resources.delete(cacheKey);
      throw err;
    }
  }

  private computeResource(mode: 'managed' | 'data', key: string, cacheKey: string, decl: BlockDecl): ResourceResult | Unknown {
    const address = `${this.address ? `${this.address}.` : ''}${mode === 'data' ? 'data.' : ''}${key}`;
    return this.computed('r', cacheKey, () => this.ctx.isolated<ResourceResult | Unknown>(() => evaluateResource(this, mode, decl), {
      file: decl.file.path, span: headerSpan(decl.block), fallback: () => new Unknown(address, [address], 'internal error'),
    }));
  }

  resource(mode: 'managed' | 'data', type: string, name: string): Value | undefined {
    const r = this.resourceResult(mode, `${type}.${name}`);
    return r instanceof Unknown ? r : r?.value;
  }

  callResult(name: string): ModuleCallResult | undefined {
    const decl = this.decls.modules.get(name);
    if (!decl) return undefined;
    const hit = this.calls.get(name);
    if (hit === BUSY) {
      this.ctx.noteCycle();
      return undefined;
    }
    if (hit) {
      this.reused('c', name);
      return hit;
    }
    this.calls.set(name, BUSY);
    try {
      const result = this.computeCall(name, decl);
      this.calls.set(name, result);
      return result;
    } catch (err) {
      this.calls.delete(name);
      throw err;
    }
  }

  private computeCall(name: string, decl: BlockDecl): ModuleCallResult {
    return this.computed('c', name, () => this.ctx.isolated(() => evaluateModuleCall(this, decl, (dir, address, call) => {
      const child = new ModuleInstance(this.ctx, dir, address, this.rootDir, [...this.keyPath, name], this.depth + 1,
        [...this.ancestors, this.dir], { call, args: attributesOf(decl.block) });
      this.children.push(child);
      return child;
    })));
  }

  module(name: string): Value | undefined {
    if (!this.decls.modules.has(name)) return undefined;
    const call = this.callResult(name);
    const address = `${this.address ? `${this.address}.` : ''}module.${name}`;
    if (!call) return new Unknown(address, [address], `${address} refers to itself`);
    return moduleCallValue(call, address);
  }

  moduleOutput(name: string, output: string): Value | undefined {
    if (!this.decls.modules.has(name)) return undefined;
    const call = this.callResult(name);
    if (!call) return undefined;
    return moduleOutputValue(call, output, `module.${name}.${output}`);
  }

  output(name: string): Value | undefined {
    const decl = this.decls.outputs.get(name);
    if (!decl) return undefined;
    const hit = this.outputs.get(name);
    if (hit === BUSY) {
      this.ctx.noteCycle();
      return new Unknown(`${this.address}.${name}`, [], `output \`${name}\` depends on itself`);
    }
    if (hit !== undefined) {
      this.reused('o', name);
      return hit;
    }
    this.outputs.set(name, BUSY);
    const valueAttr = attributesOf(decl.block).get('value');
    const value = valueAttr ? this.computeOutput(name, decl, valueAttr) : null;
    this.outputs.set(name, value);
    return value;
  }

  private computeOutput(name: string, decl: BlockDecl, valueAttr: Attribute): Value {
    return this.computed('o', name, () => this.ctx.isolated(() => evaluate(valueAttr.expr, moduleScope(this, decl.file)), {
      file: decl.file.path, span: valueAttr.name, fallback: () => new Unknown(`output.${name}`, [], 'internal error'),
    }));
  }
}
