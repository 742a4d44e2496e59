// OPA's CheckRecursion: the rule dependency graph (a rule depends on every rule a `data` ref in it
// may reach, else-clauses included) must be acyclic. Each rule clause on a cycle is reported with
// the first cycle a depth-first search finds from it.
import type { Rule, Term } from '../syntax/ast';
import { clauses, StageErrors, walkBodyTerms, walkTerms } from './model';
import type { Resolved, ResolvedModule } from './resolve';
import { buildRuleTree, pathText, rulesReachable, type RuleNode } from './tree';

interface GraphNode {
  owner: Resolved;
  clause: Rule;
  edges: GraphNode[];
}

function dataRefs(rule: Rule): Term[][] {
  const out: Term[][] = [];
  const visit = (t: Term) => {
    const v = t.value;
    if (v.type === 'ref' && v.terms[0]?.value.type === 'var' && v.terms[0].value.name === 'data') out.push(v.terms);
  };
  const fn = (t: Term) => void visit(t);
  for (const t of [...rule.head.ref.slice(1), ...(rule.head.args ?? []), rule.head.key, rule.head.value]) if (t) walkTerms(t, fn);
  walkBodyTerms(rule.body, fn);
  return out;
}

function buildGraph(root: RuleNode, modules: ResolvedModule[]): Map<Rule, GraphNode> {
  const nodes = new Map<Rule, GraphNode>();
  for (const rm of modules) for (const r of rm.rules) for (const c of clauses(r.rule)) nodes.set(c, { owner: r, clause: c, edges: [] });
  for (const node of nodes.values()) {
    const seen = new Set<GraphNode>();
    for (const ref of dataRefs(node.clause)) {
      for (const target of rulesReachable(root, ref)) {
        for (const c of clauses(target.rule)) {
          const to = nodes.get(c);
          if (to && !seen.has(to)) {
            seen.add(to);
            node.edges.push(to);
          }
        }
      }
    }
  }
  return nodes;
}

/** A path from `from` back to `to` (both included), or undefined. */
function cyclePath(from: GraphNode, to: GraphNode): GraphNode[] | undefined {
  const visited = new Set<GraphNode>();
  const dfs = (n: GraphNode): GraphNode[] | undefined => {
    if (visited.has(n)) return undefined;
    visited.add(n);
    for (const e of n.edges) {
      if (e === to) return [n, to];
      const p = dfs(e);
      if (p) return [n, ...p];
    }
    return undefined;
  };
  return dfs(from);
}

export function checkRecursion(modules: ResolvedModule[], errs: StageErrors): void {
  const root = buildRuleTree(modules);
  const graph = buildGraph(root, modules);
  root.depthFirst((node) => {
    for (const r of node.values) {
      for (const c of clauses(r.rule)) {
        const start = graph.get(c);
        const path = start && cyclePath(start, start);
        if (!path) continue;
        const names = path.map((n) => pathText(n.owner.path));
        errs.add('rego_recursion_error', `rule ${pathText(r.path)} is recursive: ${names.join(' -> ')}`, r.m, c.loc);
      }
    }
  });
}
