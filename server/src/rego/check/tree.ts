// OPA's rule tree: rules indexed by the ground prefix of their full path (`data.pkg.p.q`), so
// conflicts, function arities and the dependency graph can find the rules a ref may reach.
import type { Term } from '../syntax/ast';
import { refText } from './model';
import type { Resolved, ResolvedModule } from './resolve';

export class RuleNode {
  readonly children = new Map<string, RuleNode>();
  readonly values: Resolved[] = [];
  constructor(readonly key: string) {}

  child(key: string): RuleNode | undefined {
    return this.children.get(key);
  }

  private sorted?: RuleNode[];

  /** Children in OPA's sorted key order (several stages walk one tree: sorted once per node). */
  sortedChildren(): RuleNode[] {
    if (this.sorted?.length !== this.children.size) this.sorted = [...this.children.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.sorted;
  }

  /** Pre-order walk; `fn` returning true skips the node's children. */
  depthFirst(fn: (n: RuleNode) => boolean | void): void {
    if (fn(this) === true) return;
    for (const c of this.sortedChildren()) c.depthFirst(fn);
  }
}

/** A constant ref element's key, or undefined for a var/composite element. */
export function constantKey(t: Term): string | undefined {
  const v = t.value;
  if (v.type === 'string') return JSON.stringify(v.value);
  if (v.type === 'number') return v.raw;
  if (v.type === 'boolean') return String(v.value);
  if (v.type === 'null') return 'null';
  return undefined;
}

/** The ground prefix of a rule's full path (terms up to the first non-constant one). */
export function groundPrefix(path: Term[]): Term[] {
  const out: Term[] = [path[0]];
  for (const t of path.slice(1)) {
    if (constantKey(t) === undefined) break;
    out.push(t);
  }
  return out;
}

export function isGroundPath(path: Term[]): boolean {
  return groundPrefix(path).length === path.length;
}

export function pathText(path: Term[]): string {
  return refText(path);
}

// Several stages need the tree of one module set; build it once per set.
const trees = new WeakMap<ResolvedModule[], RuleNode>();

export function buildRuleTree(modules: ResolvedModule[]): RuleNode {
  const cached = trees.get(modules);
  if (cached) return cached;
  const root = new RuleNode('data');
  trees.set(modules, root);
  for (const rm of modules) {
    for (const r of rm.rules) {
      let node = root;
      for (const t of groundPrefix(r.path).slice(1)) {
        const key = constantKey(t) as string;
        let next = node.child(key);
        if (!next) {
          next = new RuleNode(key);
          node.children.set(key, next);
        }
        node = next;
      }
      node.values.push(r);
    }
  }
  return root;
}

/** The node a constant ref (`data.a.b`) names exactly, if any. */
export function findNode(root: RuleNode, ref: Term[]): { node?: RuleNode; rest: Term[] } {
  let node = root;
  for (let i = 1; i < ref.length; i++) {
    const key = constantKey(ref[i]);
    const next = key === undefined ? undefined : node.child(key);
    if (!next) return { node, rest: ref.slice(i) };
    node = next;
  }
  return { node, rest: [] };
}

/** Every rule a (possibly non-ground) data ref could reach, as OPA's GetRulesDynamic. */
export function rulesReachable(root: RuleNode, ref: Term[]): Resolved[] {
  const out = new Set<Resolved>();
  const walk = (node: RuleNode, i: number): void => {
    if (i >= ref.length) {
      node.depthFirst((d) => {
        d.values.forEach((v) => out.add(v));
      });
      return;
    }
    const key = constantKey(ref[i]);
    if (key !== undefined) {
      const child = node.child(key);
      if (!child) return;
      if (child.values.length > 0) child.values.forEach((v) => out.add(v));
      else walk(child, i + 1);
      return;
    }
    for (const child of node.sortedChildren()) {
      child.values.forEach((v) => out.add(v));
      walk(child, i + 1);
    }
  };
  walk(root, 1);
  return [...out];
}

