// Fix verification (fix/verify.ts) evaluates a unit again for every candidate edit, and the edit
// is nearly always in the root module: the child modules it calls evaluate as before. A child
// instance whose place, files and inputs compare equal to an earlier run's takes that run's part
// of the model walk (resources, data sources, calls, providers and source maps of its whole
// subtree) and diagnostics instead of evaluating them again.
//
// Why that is exact: evaluation is memoised per object and deterministic, so without cycles
// (EvaluationTracker.cyclic) an object's value and diagnostics depend only on the objects it uses,
// not on when it is computed. The walk of a child instance C uses C's objects, its descendants',
// per-run shared work (declarations, modules.json) and C's variables — C's scope cannot name its
// caller (checked: a walk that reaches any other object is not recorded). So the walk is a function
// of C's place (address, directory, depth, callers, root), the files its objects read and the
// values of the variables of C it used; when those compare equal, the recorded walk is the walk.
// The variables are resolved in the new run as the walk would resolve them (their diagnostics sit
// in the caller's file, whose offsets the edit may have moved). A run that meets a cycle, exhausts
// the instance budget or computes anything while comparing inputs is done again without reuse.
import type { Model, SourceMapNode } from '../../model';
import type { Value } from '../values';
import { EvaluationTracker, newNode, SHARED, type EvalNode, type FileRead, type ReportCall } from './eval-tracker';
import type { ModuleInstance } from './module-instance';
import { MAX_INSTANCES_PER_UNIT, type UnitContext } from './unit';
import { sameValue } from './value-equal';

type Segment = Pick<Required<Model>, 'resources' | 'data' | 'modules' | 'providers'> & { sourceMaps: Map<string, SourceMapNode> };

interface ChildRecord {
  segment: Segment;
  reports: ReportCall[];
  reads: FileRead[];
  /** The variables of the instance that the walk used, with their values. */
  inputs: Map<string, Value>;
  /** Instances the recording run evaluated in all: a bound on what the walk took of the budget. */
  instances: number;
}

/** Most walks kept per unit. */
const MAX_RECORDS = 512;

/**
 * Walks of child module instances recorded by earlier runs over one unit (the fix layer keeps one
 * per unit state). A walk is summed up (its closure over the run's nodes) only when a later run
 * asks for it: most units are verified once, and then nothing is asked.
 */
export class ChildEvaluations {
  private readonly records = new Map<string, ChildRecord | (() => ChildRecord | undefined)>();
  /** What the runs did: walks replayed, walked (and recorded when possible), runs done again. */
  readonly stats = { replayed: 0, walked: 0, redone: 0 };
  /** Addresses of the instances the latest run replayed (a replayed instance's descendants are not listed). */
  lastReplayed: string[] = [];

  /** How many walks are kept (summed up or not). */
  get size(): number {
    return this.records.size;
  }

  get(key: string): ChildRecord | undefined {
    const entry = this.records.get(key);
    if (typeof entry !== 'function') return entry;
    const record = entry();
    if (record) this.records.set(key, record);
    else this.records.delete(key);
    return record;
  }

  set(key: string, record: () => ChildRecord | undefined): void {
    this.records.delete(key);
    this.records.set(key, record);
    for (const oldest of this.records.keys()) {
      if (this.records.size <= MAX_RECORDS) break;
      this.records.delete(oldest);
    }
  }
}

type Walk = (inst: ModuleInstance, model: Model, sourceMaps: Map<string, SourceMapNode>) => void;

/** One run's side of it: replays child walks from the store (unless `replay` is false) and records the walks it makes. */
export class ChildReuse {
  readonly tracker = new EvaluationTracker();
  private readonly pending: { child: ModuleInstance; walk: EvalNode; segment: Segment }[] = [];
  /** Budget the replayed walks took in their runs, at most. */
  private replayedInstances = 0;
  private replayedAny = false;

  constructor(
    private readonly ctx: UnitContext,
    private readonly store: ChildEvaluations,
    private readonly replay: boolean,
  ) {
    ctx.tracker = this.tracker;
    store.lastReplayed = [];
  }

  /** The model walk of `child` into `model`: an earlier run's when it still holds, else walked here. */
  collect(child: ModuleInstance, model: Model, sourceMaps: Map<string, SourceMapNode>, walk: Walk): void {
    const record = this.replay ? this.store.get(keyOf(child)) : undefined;
    const inputs = record && this.inputsIfHolds(child, record);
    if (record && inputs) {
      this.replayRecord(child, record, inputs, model, sourceMaps);
      return;
    }
    const segment: Segment = { resources: [], data: [], modules: [], providers: [], sourceMaps: new Map() };
    const node = child.evalNode('w', '');
    this.tracker.run(node, () => walk(child, segment as unknown as Model, segment.sourceMaps));
    append(segment, model, sourceMaps);
    this.pending.push({ child, walk: node, segment });
    this.store.stats.walked++;
  }

  /**
   * When the files are the same and the inputs equal the recorded ones: the inputs, resolved
   * tentatively (on a difference nothing is kept and the walk runs as if nothing had been asked).
   */
  private inputsIfHolds(child: ModuleInstance, record: ChildRecord): (() => void)[] | undefined {
    const ctx = this.ctx;
    if (ctx.muted > 0 || ctx.quiet) return undefined;
    for (const read of record.reads) {
      if (read.kind === 'file' ? ctx.host.readFile(read.path) !== read.text : !sameNames(ctx.host.listDir(read.path), read.names)) return undefined;
    }
    const commits: (() => void)[] = [];
    this.tracker.comparing++;
    try {
      for (const [name, value] of record.inputs) {
        const now = child.tentativeVariable(name);
        if (now === undefined || !sameValue(now.value, value)) return undefined;
        commits.push(now.commit);
      }
    } finally {
      this.tracker.comparing--;
    }
    return this.tracker.tainted ? undefined : commits;
  }

  private replayRecord(child: ModuleInstance, record: ChildRecord, inputs: (() => void)[], model: Model, sourceMaps: Map<string, SourceMapNode>): void {
    // The walk's own use of the inputs, kept now: their diagnostics are placed in the caller's text as it is now.
    const node = newNode(child.address, 'w:replayed');
    this.tracker.run(node, () => {
      for (const commit of inputs) commit();
    });
    // A walk recorded around this one (a caller's) includes what this one did.
    node.reports = [...(node.reports ?? []), ...record.reports];
    node.reads = [...(node.reads ?? []), ...record.reads];
    for (const call of record.reports) this.ctx.replayReport(...call);
    for (const read of record.reads) if (read.kind === 'file') this.ctx.dependencies.add(read.path);
    append(record.segment, model, sourceMaps);
    this.replayedInstances += record.instances;
    this.replayedAny = true;
    this.store.stats.replayed++;
    this.store.lastReplayed.push(child.address);
  }

  /**
   * At the end of the run (`complete`: not cancelled, no internal error). False when the run may
   * differ from one without reuse and must be done again without replaying; else the walks made
   * here are recorded for later runs.
   */
  finish(complete: boolean): boolean {
    const t = this.tracker;
    const orderMatters = t.cyclic || t.refused;
    if (t.tainted || (this.replayedAny && (orderMatters || !complete || this.ctx.instancesTaken + this.replayedInstances > MAX_INSTANCES_PER_UNIT))) {
      this.store.stats.redone++;
      return false;
    }
    if (orderMatters || !complete) return true;
    const instances = this.ctx.instancesTaken;
    // (The run's nodes and instances are final now: nothing evaluates in them after the model is built.)
    for (const { child, walk, segment } of this.pending) this.store.set(keyOf(child), () => recordOf(child, walk, segment, t, instances));
    return true;
  }
}

function keyOf(child: ModuleInstance): string {
  return [child.address, child.dir, child.depth, child.rootDir, child.keyPath.join('.'), child.ancestors.join('\n'), child.ctx.root].join('\0');
}

/** What the walk of `child` used (its closure over the nodes of the subtree), or undefined when it reached outside the subtree. */
function recordOf(child: ModuleInstance, walk: EvalNode, segment: Segment, tracker: EvaluationTracker, instances: number): ChildRecord | undefined {
  const prefix = `${child.address}.`;
  const inSubtree = (owner: string) => owner === child.address || owner.startsWith(prefix);
  const reports: ReportCall[] = [];
  const reads = new Map<string, FileRead>();
  const inputs = new Map<string, Value>();
  const seen = new Set<EvalNode>();
  const todo: EvalNode[] = [walk];
  // The instance's own declarations were loaded by its caller; they are the walk's too.
  const decls = tracker.declsNodes.get(child.dir);
  if (decls) todo.push(decls);
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.reports) reports.push(...node.reports);
    for (const read of node.reads ?? []) {
      const key = `${read.kind}\0${read.path}`;
      if (!reads.has(key)) reads.set(key, read);
    }
    for (const dep of node.deps ?? []) {
      if (dep.owner === child.address && dep.key.startsWith('v:')) {
        const name = dep.key.slice(2);
        const resolved = child.resolvedAlready(name);
        if (!resolved) return undefined;
        inputs.set(name, resolved.value);
      } else if (dep.owner === SHARED || inSubtree(dep.owner)) todo.push(dep);
      else return undefined;
    }
  }
  // The root links policy-document source maps into resources' nodes (model-builder.ts): a node
  // recorded here must never be linked to a document outside the subtree.
  for (const r of [...segment.resources, ...segment.data]) {
    for (const ref of r.references) if (ref.attribute === 'json' && ref.target.includes('aws_iam_policy_document.') && !inSubtree(ref.target)) return undefined;
  }
  return { segment, reports, reads: [...reads.values()], inputs, instances };
}

function append(segment: Segment, model: Model, sourceMaps: Map<string, SourceMapNode>): void {
  model.resources.push(...segment.resources);
  model.data!.push(...segment.data);
  model.modules!.push(...segment.modules);
  model.providers!.push(...segment.providers);
  for (const [address, node] of segment.sourceMaps) sourceMaps.set(address, node);
}

function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
