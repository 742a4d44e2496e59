// Compact, stable text dumps of Rego trees for tests: terms as s-expressions, one rule per line.
import type { Body, Expr, Module, Rule, Term } from '../../../server/src/rego/syntax';

export function dumpTerm(t: Term): string {
  const v = t.value;
  switch (v.type) {
    case 'null': return 'null';
    case 'boolean': return String(v.value);
    case 'number': return v.raw;
    case 'string': return (v.raw ? 'raw' : '') + JSON.stringify(v.value);
    case 'var': return v.name;
    case 'ref': return `(ref ${v.terms.map(dumpTerm).join(' ')})`;
    case 'array': return `[${v.items.map(dumpTerm).join(' ')}]`;
    case 'set': return `(set ${v.items.map(dumpTerm).join(' ')})`.replace(/ \)$/, ')');
    case 'object': return `{${v.items.map(([k, x]) => `${dumpTerm(k)}: ${dumpTerm(x)}`).join(', ')}}`;
    case 'arraycomprehension': return `[${dumpTerm(v.term)} | ${dumpBody(v.body)}]`;
    case 'setcomprehension': return `(setcomp ${dumpTerm(v.term)} | ${dumpBody(v.body)})`;
    case 'objectcomprehension': return `{${dumpTerm(v.key)}: ${dumpTerm(v.value)} | ${dumpBody(v.body)}}`;
    case 'call': return `(${opName(v.operator)} ${v.args.map(dumpTerm).join(' ')})`.replace(/ \)$/, ')');
    case 'templatestring': return `(template${v.raw ? '-raw' : ''} ${v.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : dumpTerm(p))).join(' ')})`;
  }
}

/** `equal`, `internal.member_2`, `data.lib.f`: a call's operator as one word. */
function opName(op: Term): string {
  const v = op.value;
  if (v.type !== 'ref') return dumpTerm(op);
  return v.terms
    .map((t, i) => (i === 0 && t.value.type === 'var' ? t.value.name : t.value.type === 'string' ? t.value.value : `[${dumpTerm(t)}]`))
    .join('.')
    .replace(/\.\[/g, '[');
}

export function dumpExpr(e: Expr): string {
  let out: string;
  const t = e.terms;
  if (!('kind' in t)) out = dumpTerm(t);
  else if (t.kind === 'call') out = `(${opName(t.operator)} ${t.args.map(dumpTerm).join(' ')})`.replace(/ \)$/, ')');
  else if (t.kind === 'some') out = `(some ${t.symbols.map(dumpTerm).join(' ')})`;
  else out = `(every ${t.key ? dumpTerm(t.key) + ' ' : ''}${dumpTerm(t.value)} in ${dumpTerm(t.domain)} { ${dumpBody(t.body)} })`;
  if (e.negated) out = `(not ${out})`;
  for (const w of e.with) out += ` with ${dumpTerm(w.target)} as ${dumpTerm(w.value)}`;
  return out;
}

export function dumpBody(b: Body): string {
  return b.map(dumpExpr).join('; ');
}

export function dumpRule(r: Rule): string {
  const h = r.head;
  let out = r.default ? 'default ' : '';
  out += h.ref.map(dumpTerm).join(' / ');
  if (h.args) out += `(${h.args.map(dumpTerm).join(', ')})`;
  if (h.key) out += ` key=${dumpTerm(h.key)}`;
  if (h.contains) out += ' contains';
  if (h.value) out += ` ${h.assign ? ':=' : '='} ${dumpTerm(h.value)}${h.generatedValue ? ' (implicit)' : ''}`;
  if (r.hasBody) out += ` { ${dumpBody(r.body)} }`;
  if (r.else) out += ` ELSE ${dumpRule(r.else)}`;
  return out;
}

export function dumpModule(m: Module): string {
  const lines = [`package ${m.package.path.map(dumpTerm).join(' ')}`];
  for (const i of m.imports) lines.push(`import ${dumpTerm(i.path)}${i.alias ? ' as ' + i.alias : ''}`);
  for (const r of m.rules) lines.push(dumpRule(r));
  for (const a of m.annotations) lines.push(`annotation ${a.scope} -> ${a.target}: ${JSON.stringify(a.fields)}`);
  return lines.join('\n');
}
