// What one analysis run computed from what: each memoised object of a module instance (a
// variable, local, resource, module call, output, and the model walk of the instance) is a node
// that keeps the diagnostics it reported, the files it read and the nodes it used. Only runs that
// may reuse child modules (child-reuse.ts, for fix verification) keep this; other runs pay nothing.
import type { Severity } from '../../model';
import type { Span } from '../ast';

export type ReportCall = readonly [file: string, span: Span, severity: Severity, code: string, message: string];

export type FileRead = { kind: 'file'; path: string; text: string | undefined } | { kind: 'dir'; path: string; names: readonly string[] | undefined };

export interface EvalNode {
  /** Address of the module instance the node belongs to ('' = the root); SHARED for per-run work (declarations, modules.json). */
  readonly owner: string;
  /** `v:<name>` variable, `l:` local, `r:` resource, `c:` module call, `o:` output, `w` the model walk, `d:<dir>` declarations. */
  readonly key: string;
  /** (Allocated on first use: most objects report nothing and read no file.) */
  reports?: ReportCall[];
  reads?: FileRead[];
  deps?: Set<EvalNode>;
}

/** Owner of nodes that any instance may use: a directory's declarations, the modules manifest. */
export const SHARED = '#shared';

export function newNode(owner: string, key: string): EvalNode {
  return { owner, key };
}

export class EvaluationTracker {
  private readonly stack: EvalNode[] = [];
  /**
   * Something depended on itself (a cycle answered with an Unknown). Values are then decided by
   * evaluation order, which reuse changes, so such a run neither reuses nor records.
   */
  cyclic = false;
  /** The unit's instance budget refused an expansion: which one depends on evaluation order. */
  refused = false;
  /** While > 0, inputs are being compared quietly: no node may be computed then. */
  comparing = 0;
  /** A node was computed while comparing (its diagnostics were not reported): the run must not stand. */
  tainted = false;
  readonly declsNodes = new Map<string, EvalNode>();
  manifestNode?: EvalNode;

  /** The node being computed, if any. */
  get current(): EvalNode | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** `node` is used by the node being computed. */
  touch(node: EvalNode): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && top !== node) (top.deps ??= new Set()).add(node);
  }

  /** Computes `node` with `fn`: what `fn` reports, reads and uses is the node's. */
  run<T>(node: EvalNode, fn: () => T): T {
    if (this.comparing > 0) this.tainted = true;
    this.touch(node);
    this.stack.push(node);
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  /** Runs `fn` as `node` without counting it as computed (a tentative evaluation, ModuleInstance.tentativeVariable). */
  within<T>(node: EvalNode, fn: () => T): T {
    this.stack.push(node);
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  reported(call: ReportCall): void {
    const top = this.stack[this.stack.length - 1];
    if (top) (top.reports ??= []).push(call);
  }

  readFile(path: string, text: string | undefined): void {
    const top = this.stack[this.stack.length - 1];
    if (top) (top.reads ??= []).push({ kind: 'file', path, text });
  }

  listed(path: string, names: readonly string[] | undefined): void {
    const top = this.stack[this.stack.length - 1];
    if (top) (top.reads ??= []).push({ kind: 'dir', path, names: names?.slice() });
  }
}
