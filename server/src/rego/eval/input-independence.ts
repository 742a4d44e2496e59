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
import { compiledNodes, type RuleNode } from './compile';
import type { Body, CRule, E, T } from './ir';

/** Builtins the evaluator answers from the session rather than from their arguments. */
const SESSION_CALLS = new Set(['print', 'internal.print', 'trace']);

/**
 * True when `node`'s value may depend on `input` or on the session. `root` is the rule tree the
 * node belongs to (references resolve in it).
 */
export function dependsOnInput(root: RuleNode, node: RuleNode): boolean {
  const known = node.inputDependent;
  if (known !== undefined) return known;
  // Undecided last time because some reachable node was not compiled yet, and nothing has been since.
  if (node.undecidedAt === compiledNodes.count) return true;
  return new Analysis(root).verdict(node) !== INDEPENDENT;
}

const DEPENDENT = 1;
const INDEPENDENT = 0;
/** Nothing found that depends on input, but some reachable node is still uncompiled: dependent for now. */
const UNDECIDED = 2;
type Verdict = typeof DEPENDENT | typeof INDEPENDENT | typeof UNDECIDED;

/**
 * Depth first, each node decided once (the verdict is kept on the node). A node met again while
 * it is being decided is a cycle (recursion, which evaluation rejects): it counts as dependent, so
 * nothing recursive is shared. Plain loops, no closures: this runs over every rule a scan reaches.
 * A node whose rules lazy compilation still holds back is not compiled for the analysis (that
 * would compile, and read, rules evaluation may never need): it leaves the verdict undecided, and
 * the question is asked again once more has been compiled.
 */
class Analysis {
  private readonly open = new Set<RuleNode>();
  /** Rule nodes the rules being examined reference. */
  private refs: RuleNode[] = [];

  constructor(private readonly root: RuleNode) {}

  verdict(node: RuleNode): Verdict {
    const known = node.inputDependent;
    if (known !== undefined) return known ? DEPENDENT : INDEPENDENT;
    if (node.undecidedAt === compiledNodes.count) return UNDECIDED;
    if (this.open.has(node)) return DEPENDENT;
    this.open.add(node);
    const outer = this.refs;
    const refs: RuleNode[] = (this.refs = []);
    let verdict = this.nodeVerdict(node);
    this.refs = outer;
    for (let i = 0; i < refs.length && verdict !== DEPENDENT; i++) {
      const v = this.verdict(refs[i]);
      if (v !== INDEPENDENT) verdict = v;
    }
    this.open.delete(node);
    if (verdict === UNDECIDED) node.undecidedAt = compiledNodes.count;
    else node.inputDependent = verdict === DEPENDENT;
    return verdict;
  }

  /** The node's rules, and its subtree's: a node without rules of its own has an object of its children as value. */
  private nodeVerdict(n: RuleNode): Verdict {
    let verdict: Verdict = INDEPENDENT;
    if (!n.isCompiled) verdict = UNDECIDED;
    else {
      for (const rules of [n.complete, n.sets, n.objects, n.funcs]) for (const r of rules) if (!this.ruleIsClosed(r)) return DEPENDENT;
      if (n.defaultRule && !this.ruleIsClosed(n.defaultRule)) return DEPENDENT;
    }
    for (const c of n.children.values()) {
      const v = this.nodeVerdict(c);
      if (v === DEPENDENT) return DEPENDENT;
      if (v === UNDECIDED) verdict = UNDECIDED;
    }
    return verdict;
  }

  /** True when the rule (and its `else` chain) names nothing session-dependent by itself; the nodes it references go to `refs`. */
  private ruleIsClosed(r: CRule): boolean {
    if (!this.termsAreClosed(r.dyn) || !this.termIsClosed(r.key) || !this.termIsClosed(r.value)) return false;
    if ((r.args && !this.termsAreClosed(r.args)) || !this.bodyIsClosed(r.body)) return false;
    return r.else === undefined || this.ruleIsClosed(r.else);
  }

  private bodyIsClosed(body: Body): boolean {
    for (const e of body) if (!this.exprIsClosed(e)) return false;
    return true;
  }

  private exprIsClosed(e: E): boolean {
    if (e.with.length > 0) return false;
    switch (e.kind) {
      case 'nop':
        return true;
      case 'term':
        return this.termIsClosed(e.term);
      case 'call':
        return this.callIsClosed(e.fn, e.args);
      case 'somein':
        return this.termIsClosed(e.domain) && this.termIsClosed(e.value) && this.termIsClosed(e.key);
      case 'every':
        return this.termIsClosed(e.domain) && this.termIsClosed(e.value) && this.termIsClosed(e.key) && this.bodyIsClosed(e.body);
      default:
        return false;
    }
  }

  private termsAreClosed(ts: readonly T[]): boolean {
    for (const t of ts) if (!this.termIsClosed(t)) return false;
    return true;
  }

  private termIsClosed(t: T | undefined): boolean {
    if (t === undefined) return true;
    switch (t.k) {
      case 'val':
      case 'var':
        return true;
      case 'root':
        // `input`, or `data` as a whole (every rule under it)
        return false;
      case 'ref':
        if (!this.termsAreClosed(t.path)) return false;
        if (t.head.k === 'root') return t.head.name === 'data' && this.dataRefIsClosed(t.path);
        return this.termIsClosed(t.head);
      case 'arr':
      case 'set':
        return this.termsAreClosed(t.items);
      case 'obj':
        for (const [a, b] of t.items) if (!this.termIsClosed(a) || !this.termIsClosed(b)) return false;
        return true;
      case 'acomp':
      case 'scomp':
        return this.termIsClosed(t.term) && this.bodyIsClosed(t.body);
      case 'ocomp':
        return this.termIsClosed(t.key) && this.termIsClosed(t.value) && this.bodyIsClosed(t.body);
      case 'call':
        return this.callIsClosed(t.fn, t.args);
      case 'tmpl':
        for (const p of t.parts) if (typeof p !== 'string' && !this.termIsClosed(p)) return false;
        return true;
      default:
        return false;
    }
  }

  private callIsClosed(fn: { name: string; path?: string[] }, args: T[]): boolean {
    if (!this.termsAreClosed(args)) return false;
    if (fn.path) {
      const target = this.root.find(fn.path);
      if (!target) return false;
      this.refs.push(target);
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
  private dataRefIsClosed(path: T[]): boolean {
    if (path.length === 0) return false;
    let node = this.root;
    for (const p of path) {
      if (p.k !== 'val' || typeof p.v !== 'string') break;
      const child = node.children.get(p.v);
      if (!child) return node !== this.root;
      node = child;
      if (node.hasOwnRules) break;
    }
    if (node === this.root) return false;
    this.refs.push(node);
    return true;
  }
}
