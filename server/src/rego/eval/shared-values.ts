// Values of input-independent rule nodes (input-independence.ts), shared by every evaluation of
// one rule tree: a scan evaluates the same pack over hundreds of units, and library tables and
// helpers that never read `input` would otherwise be recomputed for each. The values are kept per
// data document (by identity) and per error mode, the only other things such a value depends on.
// Function results are shared only for scalar arguments: an object argument is keyed by identity,
// so a shared entry for it would keep one unit's input alive and could never be hit by another.
import type { RuleNode } from './compile';
import type { RegoValue } from './values';

/** Shared function results kept at most; past it they are dropped (a long editor session must not grow without end). */
const MAX_SHARED_RESULTS = 50_000;

export class SharedValues {
  /** Node values by node path key, as the session caches hold them. */
  readonly nodes = new Map<string, unknown>();
  private readonly functions = new Map<RuleNode, Map<unknown, unknown>>();
  private results = 0;

  /** The memo of a function's results for scalar arguments (one map level per argument, as in a session). */
  functionMemo(node: RuleNode): Map<unknown, unknown> {
    let memo = this.functions.get(node);
    if (!memo) this.functions.set(node, (memo = new Map()));
    return memo;
  }

  /** Counts a result added to a function memo. */
  noteResult(): void {
    this.results++;
  }

  /** Drops the function results once there are too many; only between evaluations, never while a memo level is in use. */
  trim(): void {
    if (this.results <= MAX_SHARED_RESULTS) return;
    this.functions.clear();
    this.results = 0;
  }
}

interface ByData {
  /** [lenient, strict] values for evaluations without base data. */
  none: (SharedValues | undefined)[];
  byDocument: WeakMap<object, (SharedValues | undefined)[]>;
}

const byRoot = new WeakMap<RuleNode, ByData>();

/** The shared values of evaluations of `root` with this data document and error mode; undefined when they cannot be shared. */
export function sharedValuesFor(root: RuleNode, data: RegoValue | undefined, strictBuiltinErrors: boolean): SharedValues | undefined {
  if (data !== undefined && (typeof data !== 'object' || data === null)) return undefined;
  let entry = byRoot.get(root);
  if (!entry) byRoot.set(root, (entry = { none: [], byDocument: new WeakMap() }));
  let modes = data === undefined ? entry.none : entry.byDocument.get(data);
  if (!modes) entry.byDocument.set(data as object, (modes = []));
  const mode = strictBuiltinErrors ? 1 : 0;
  const shared = (modes[mode] ??= new SharedValues());
  shared.trim();
  return shared;
}
