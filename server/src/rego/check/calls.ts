// The calls of a rule in the order OPA's compiler sees them after RewriteExprTerms: a call nested in
// another call's operands is lifted into its own (generated) expression placed before its parent,
// innermost first, located at the call term; calls in a rule head's key/value go after the body.
import type { Body, Expr, Loc, Rule, Term } from '../syntax/ast';
import { exprCall, exprTerms, walkTermBodies } from './model';

export interface CallSite {
  operator: Term;
  args: Term[];
  loc: Loc;
  /** Lifted from a term: its result is an extra (output) operand in OPA's rewritten form. */
  generated: boolean;
  /** The expression it came from (for `with`, negation). */
  expr?: Expr;
}

/** Lifts every call term inside `t` (not inside closures), innermost first. */
function liftCalls(t: Term, out: CallSite[], closures: Body[]): void {
  const v = t.value;
  switch (v.type) {
    case 'call':
      v.args.forEach((a) => liftCalls(a, out, closures));
      out.push({ operator: v.operator, args: v.args, loc: t.loc, generated: true });
      return;
    case 'ref':
      v.terms.forEach((x) => liftCalls(x, out, closures));
      return;
    case 'array':
    case 'set':
      v.items.forEach((x) => liftCalls(x, out, closures));
      return;
    case 'object':
      v.items.forEach(([k, x]) => {
        liftCalls(k, out, closures);
        liftCalls(x, out, closures);
      });
      return;
    case 'templatestring':
      v.parts.forEach((p) => typeof p !== 'string' && liftCalls(p, out, closures));
      return;
    case 'arraycomprehension':
    case 'setcomprehension':
    case 'objectcomprehension':
      walkTermBodies(t, (b) => closures.push(b));
      return;
  }
}

export function bodyCalls(body: Body, out: CallSite[] = []): CallSite[] {
  for (const e of body) {
    const closures: Body[] = [];
    const call = exprCall(e);
    const t = e.terms;
    if (call) {
      call.args.forEach((a) => liftCalls(a, out, closures));
      out.push({ operator: call.operator, args: call.args, loc: e.loc, generated: false, expr: e });
    } else if ('kind' in t && t.kind === 'every') {
      liftCalls(t.domain, out, closures);
      closures.push(t.body);
    } else {
      for (const x of exprTerms(e)) liftCalls(x, out, closures);
    }
    for (const b of closures) bodyCalls(b, out);
  }
  return out;
}

/** Every call of a rule clause: body first, then those in the head. */
export function ruleCalls(rule: Rule): CallSite[] {
  const out = bodyCalls(rule.body);
  const closures: Body[] = [];
  if (rule.head.key) liftCalls(rule.head.key, out, closures);
  if (rule.head.value) liftCalls(rule.head.value, out, closures);
  for (const b of closures) bodyCalls(b, out);
  return out;
}
