// Why a rule is not true: the first expression of its body (in evaluation order) that no branch got
// past, and the values of that expression's terms in the first branch that reached it, as
// `opa test` reports a failing test (`count(deny) == 1` failed: `count(deny)` = 0). Only asked for
// after a rule came out undefined or false, so it re-walks the body with the public evaluator API
// and leaves the evaluation path itself untouched.
import type { Loc, Module, Rule, Expr as AstExpr } from '../syntax/ast';
import { STOP, type Slots, type Stop } from './control';
import { Evaluator } from './evaluator';
import { evaluatorOptions } from './evaluator-options';
import type { E, T } from './ir';
import type { EvalOptions, PreparedPolicy } from './index';
import type { RegoValue } from './values';

export interface ExplainedTerm {
  /** Where the term is written (absent for parts the compiler made up). */
  loc?: Loc;
  /** Undefined when the term has no value in that branch (an undefined ref, an unbound output var). */
  value?: RegoValue;
}

export interface FailureExplanation {
  file: string;
  /** The failing expression; absent when the body held but the rule's value was false. */
  expr?: Loc;
  negated: boolean;
  /** The expression's arguments (a call or comparison), its single term, or a `some … in` domain. */
  terms: ExplainedTerm[];
}

/** Explains why the complete rule at `path` (`data.pkg.test_x`) did not come out true; undefined when it cannot. */
export function explainRuleFailure(policy: PreparedPolicy, path: string, options: EvalOptions = {}): FailureExplanation | undefined {
  const parts = path.split('.');
  if (parts[0] === 'data') parts.shift();
  const rule = policy.root.find(parts)?.complete[0];
  if (!rule) return undefined;
  const ev = new Evaluator(policy.root, evaluatorOptions(options));
  const body = rule.body;
  // One extra slot past the rule's frame receives each captured term value.
  const probe = rule.slots;
  const env: Slots = new Array(rule.slots + 1);
  let deepest = -1;
  let captured: ExplainedTerm[] = [];
  const astExpr = (e: E) => findAstExpr(policy.modules.find((m) => m.file === e.file)?.module, e.loc);
  const walk = (i: number): Stop => {
    if (i === body.length) return STOP;
    if (i > deepest) {
      deepest = i;
      captured = captureTerms(ev, body[i], astExpr(body[i]), env, probe);
    }
    return ev.evalBody([body[i]], 0, env, () => walk(i + 1));
  };
  try {
    if (walk(0) === STOP) return { file: rule.file, negated: false, terms: [] };
  } catch {
    return undefined; // an error: the caller reports the evaluator's own error instead
  }
  const failed = body[deepest];
  if (!failed) return undefined;
  return { file: failed.file, expr: failed.loc, negated: failed.negated, terms: captured };
}

/** The values of an expression's terms in the current branch (under its `with` modifiers). */
function captureTerms(ev: Evaluator, e: E, ast: AstExpr | undefined, env: Slots, probe: number): ExplainedTerm[] {
  const astTerms = ast ? astTermLocs(ast) : [];
  let terms: T[];
  switch (e.kind) {
    case 'call':
      terms = e.args;
      break;
    case 'term':
      terms = [e.term];
      break;
    case 'somein':
    case 'every':
      terms = [e.domain];
      break;
    default:
      terms = [];
  }
  return terms.map((t, i) => ({ loc: astTerms.length === terms.length ? astTerms[i] : undefined, value: valueOf(ev, e, t, env, probe) }));
}

function valueOf(ev: Evaluator, e: E, t: T, env: Slots, probe: number): RegoValue | undefined {
  if (t.k === 'var' && env[t.slot] === undefined) return undefined;
  const capture: E = {
    kind: 'call',
    fn: { name: 'eq', arity: 2 },
    args: [{ k: 'var', slot: probe, name: '__explain' }, t],
    negated: false,
    with: e.with,
    loc: e.loc,
    file: e.file,
  };
  const mark = ev.mark();
  let value: RegoValue | undefined;
  try {
    ev.evalBody([capture], 0, env, () => {
      value = env[probe];
      return STOP;
    });
  } catch {
    value = undefined;
  } finally {
    ev.undo(mark);
    env[probe] = undefined;
  }
  return value;
}

function astTermLocs(e: AstExpr): Loc[] {
  const t = e.terms;
  if (!('kind' in t)) return [t.loc];
  if (t.kind === 'call') return t.args.map((a) => a.loc);
  if (t.kind === 'every') return [t.domain.loc];
  if (t.kind === 'some') {
    const sym = t.symbols[0];
    return sym && sym.value.type === 'call' ? [sym.value.args[sym.value.args.length - 1].loc] : [];
  }
  return [];
}

function findAstExpr(module: Module | undefined, loc: Loc): AstExpr | undefined {
  if (!module) return undefined;
  const inRule = (r: Rule | undefined): AstExpr | undefined => {
    for (; r; r = r.else) {
      const hit = r.body.find((x) => x.loc.start === loc.start && x.loc.end === loc.end);
      if (hit) return hit;
    }
    return undefined;
  };
  for (const r of module.rules) {
    const hit = inRule(r);
    if (hit) return hit;
  }
  return undefined;
}
