// Which rule values are the same for every input, so that a PreparedPolicy evaluated over many
// inputs (a scan's units) computes them once: a literal table (`rule_types := {…}`), a value
// derived only from such tables, a function whose result depends only on its arguments.
//
// A rule node is input-independent when nothing its rules can reach names `input`: no `input`
// term, no `with` (it may replace input or mock a function), no builtin whose result depends on
// the session (nondeterministic, external, print/trace), no reference to `data` as a whole or to
// a rule that is itself input-dependent. Base documents under `data` may still be read: the
// shared values are kept per data document (see shared-values.ts). The analysis is over the
// compiled IR and conservative: a term it does not understand makes the node dependent.
import { getBuiltin } from '../builtins';
import type { RuleNode } from './compile';
import type { Body, CRule, E, T } from './ir';

/** Per node: true when its value (a function: its result for given arguments) may differ between inputs. */
const verdicts = new WeakMap<RuleNode, boolean>();

/** Builtins the evaluator answers from the session rather than from their arguments. */
const SESSION_CALLS = new Set(['print', 'internal.print', 'trace']);

/**
 * True when `node`'s value may depend on `input` or on the session. `root` is the rule tree the
 * node belongs to (references resolve in it).
 */
export function dependsOnInput(root: RuleNode, node: RuleNode): boolean {
  const known = verdicts.get(node);
  if (known !== undefined) return known;
  // Every node reachable from `node`, each examined once; a node that names input directly, or a
  // reference the analysis cannot place, decides at once.
  const reached = new Set<RuleNode>([node]);
  const pending: RuleNode[] = [node];
  let dependent = false;
  while (pending.length > 0 && !dependent) {
    const n = pending.pop()!;
    const seen = verdicts.get(n);
    if (seen === true) dependent = true;
    if (seen !== undefined) continue;
    const refs: RuleNode[] = [];
    if (!rulesOf(n).every((r) => ruleIsClosed(root, r, refs))) dependent = true;
    for (const r of refs) {
      if (!reached.has(r)) {
        reached.add(r);
        pending.push(r);
      }
    }
  }
  // Independent: so is everything it reaches (none of them reaches a dependent node). Dependent:
  // only the start node is known to be.
  if (dependent) verdicts.set(node, true);
  else for (const n of reached) verdicts.set(n, false);
  return dependent;
}

/** A node's rules, its subtree's included: the node's value is an object of its children when it has no rules of its own. */
function rulesOf(n: RuleNode): CRule[] {
  const out: CRule[] = [...n.complete, ...n.sets, ...n.objects, ...n.funcs];
  if (n.defaultRule) out.push(n.defaultRule);
  for (const c of n.children.values()) out.push(...rulesOf(c));
  return out;
}

/**
 * True when the rule (and its `else` chain) names nothing session-dependent by itself; the rule
 * nodes it references are added to `refs`.
 */
function ruleIsClosed(root: RuleNode, r: CRule, refs: RuleNode[]): boolean {
  const terms: (T | undefined)[] = [...r.dyn, r.key, r.value, ...(r.args ?? [])];
  if (!terms.every((t) => t === undefined || termIsClosed(root, t, refs))) return false;
  if (!bodyIsClosed(root, r.body, refs)) return false;
  return r.else === undefined || ruleIsClosed(root, r.else, refs);
}

function bodyIsClosed(root: RuleNode, body: Body, refs: RuleNode[]): boolean {
  return body.every((e) => exprIsClosed(root, e, refs));
}

function exprIsClosed(root: RuleNode, e: E, refs: RuleNode[]): boolean {
  if (e.with.length > 0) return false;
  switch (e.kind) {
    case 'nop':
      return true;
    case 'term':
      return termIsClosed(root, e.term, refs);
    case 'call':
      return callIsClosed(root, e.fn, e.args, refs);
    case 'somein':
      return termIsClosed(root, e.domain, refs) && termIsClosed(root, e.value, refs) && (e.key === undefined || termIsClosed(root, e.key, refs));
    case 'every':
      return (
        termIsClosed(root, e.domain, refs) &&
        termIsClosed(root, e.value, refs) &&
        (e.key === undefined || termIsClosed(root, e.key, refs)) &&
        bodyIsClosed(root, e.body, refs)
      );
    default:
      return false;
  }
}

function termIsClosed(root: RuleNode, t: T, refs: RuleNode[]): boolean {
  switch (t.k) {
    case 'val':
    case 'var':
      return true;
    case 'root':
      // `input`, or `data` as a whole (every rule under it)
      return false;
    case 'ref':
      if (!t.path.every((p) => termIsClosed(root, p, refs))) return false;
      if (t.head.k === 'root') return t.head.name === 'data' && dataRefIsClosed(root, t.path, refs);
      return termIsClosed(root, t.head, refs);
    case 'arr':
    case 'set':
      return t.items.every((x) => termIsClosed(root, x, refs));
    case 'obj':
      return t.items.every(([a, b]) => termIsClosed(root, a, refs) && termIsClosed(root, b, refs));
    case 'acomp':
    case 'scomp':
      return termIsClosed(root, t.term, refs) && bodyIsClosed(root, t.body, refs);
    case 'ocomp':
      return termIsClosed(root, t.key, refs) && termIsClosed(root, t.value, refs) && bodyIsClosed(root, t.body, refs);
    case 'call':
      return callIsClosed(root, t.fn, t.args, refs);
    case 'tmpl':
      return t.parts.every((p) => typeof p === 'string' || termIsClosed(root, p, refs));
    default:
      return false;
  }
}

function callIsClosed(root: RuleNode, fn: { name: string; path?: string[] }, args: T[], refs: RuleNode[]): boolean {
  if (!args.every((a) => termIsClosed(root, a, refs))) return false;
  if (fn.path) {
    const target = root.find(fn.path);
    if (!target) return false;
    refs.push(target);
    return true;
  }
  switch (fn.name) {
    case 'eq':
    case 'assign':
    case 'internal.member_2':
    case 'internal.member_3':
      return true;
  }
  if (SESSION_CALLS.has(fn.name)) return false;
  const builtin = getBuiltin(fn.name);
  return builtin !== undefined && !builtin.nondeterministic && !builtin.external;
}

/**
 * `data.<path>`: the rule node its static (string) prefix reaches, with its subtree. A path that
 * leaves the rule tree reads base data only, which the shared values are keyed by.
 */
function dataRefIsClosed(root: RuleNode, path: T[], refs: RuleNode[]): boolean {
  if (path.length === 0) return false;
  let node = root;
  for (const p of path) {
    if (p.k !== 'val' || typeof p.v !== 'string') break;
    const child = node.children.get(p.v);
    if (!child) return node !== root;
    node = child;
    if (node.hasOwnRules) break;
  }
  if (node === root) return false;
  refs.push(node);
  return true;
}
