// Tree walks the formatter needs.
import type { Expr, Term, TermValue } from '../syntax/ast';

const GENERATED_PREFIX = '__local';

/** True when a term or expression mentions a compiler-generated var (`__local0__`). */
export function hasGeneratedVar(node: Term | Expr): boolean {
  return 'value' in node ? valueHas(node.value) : exprHas(node);
}

function termHas(t: Term): boolean {
  return valueHas(t.value);
}

function valueHas(v: TermValue): boolean {
  switch (v.type) {
    case 'var': return v.name.startsWith(GENERATED_PREFIX);
    case 'ref': return v.terms.some(termHas);
    case 'array': case 'set': return v.items.some(termHas);
    case 'object': return v.items.some(([k, x]) => termHas(k) || termHas(x));
    case 'call': return termHas(v.operator) || v.args.some(termHas);
    case 'arraycomprehension': case 'setcomprehension': return termHas(v.term) || v.body.some(exprHas);
    case 'objectcomprehension': return termHas(v.key) || termHas(v.value) || v.body.some(exprHas);
    case 'templatestring': return v.parts.some((p) => typeof p !== 'string' && termHas(p));
    default: return false;
  }
}

function exprHas(e: Expr): boolean {
  const t = e.terms;
  let found: boolean;
  if (!('kind' in t)) found = termHas(t);
  else if (t.kind === 'call') found = termHas(t.operator) || t.args.some(termHas);
  else if (t.kind === 'some') found = t.symbols.some(termHas);
  else found = (t.key ? termHas(t.key) : false) || termHas(t.value) || termHas(t.domain) || t.body.some(exprHas);
  return found || e.with.some((w) => termHas(w.target) || termHas(w.value));
}
