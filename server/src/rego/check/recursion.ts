// OPA's CheckRecursion: the rule dependency graph (a rule depends on every rule a `data` ref in it
// may reach, else-clauses included) must be acyclic. Each rule clause on a cycle is reported with
// the first cycle a depth-first search finds from it.
import type { Rule, Term } from '../syntax/ast';
import { clauses, StageErrors, walkBodyTerms, walkTerms } from './model';
import type { Resolved, ResolvedModule } from './resolve';
import { buildRuleTree, constantKey, pathText, rulesReachable, type RuleNode } from './tree';

interface GraphNode {
  owner: Resolved;
  clause: Rule;
  edges: GraphNode[];
}

/** The `data` refs of one clause (they decide its dependency edges). Reads only the clause. */
export function dataRefs(rule: Rule): Term[][] {
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

/** Each rule's clauses' `data` refs (a memo may answer for unchanged rules). */
export type ClauseRefs = (r: Resolved) => Term[][][];

const computedRefs: ClauseRefs = (r) => clauses(r.rule).map(dataRefs);

function buildGraph(root: RuleNode, modules: ResolvedModule[], refsOf: ClauseRefs): Map<Rule, GraphNode> {
  const nodes = new Map<Rule, GraphNode>();
  const refs = new Map<GraphNode, Term[][]>();
  for (const rm of modules) {
    for (const r of rm.rules) {
      const perClause = refsOf(r);
      clauses(r.rule).forEach((c, i) => {
        const node: GraphNode = { owner: r, clause: c, edges: [] };
        nodes.set(c, node);
        refs.set(node, perClause[i]);
      });
    }
  }
  for (const node of nodes.values()) {
    const seen = new Set<GraphNode>();
    for (const ref of refs.get(node) ?? []) {
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

export function checkRecursion(modules: ResolvedModule[], errs: StageErrors, refsOf: ClauseRefs = computedRefs): void {
  for (const e of recursionErrors(modules, refsOf)) {
    // Errors sit on the source clauses: a memoised resolved copy may carry an older text's positions.
    errs.add('rego_recursion_error', e.message, e.rule.m, clauses(e.rule.source)[e.clause].loc);
  }
}

/** Each rule clause on a cycle (by rule and clause index), in OPA's order, with its message. */
export function recursionErrors(modules: ResolvedModule[], refsOf: ClauseRefs = computedRefs): { rule: Resolved; clause: number; message: string }[] {
  const root = buildRuleTree(modules);
  const graph = buildGraph(root, modules, refsOf);
  const out: { rule: Resolved; clause: number; message: string }[] = [];
  root.depthFirst((node) => {
    for (const r of node.values) {
      clauses(r.rule).forEach((c, i) => {
        const start = graph.get(c);
        const path = start && cyclePath(start, start);
        if (!path) return;
        const names = path.map((n) => pathText(n.owner.path));
        out.push({ rule: r, clause: i, message: `rule ${pathText(r.path)} is recursive: ${names.join(' -> ')}` });
      });
    }
  });
  return out;
}

/**
 * What the dependency graph of one rule depends on besides the rule tree: its path's text (messages
 * name it), its clauses and the keys of each clause's `data` refs (a var key reaches every child).
 */
export function recursionPart(r: Resolved, refs: Term[][][]): string {
  return `${pathText(r.path)}\u0001${refs.map((clause) => clause.map((ref) => ref.map((t) => constantKey(t) ?? '\u0004').join('\u0001')).join('\u0002')).join('\u0003')}`;
}
