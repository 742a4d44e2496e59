// rego.parse_module: parses Rego text with Palisade's parser and returns the module as OPA marshals
// its ast.Module to JSON (default options: no locations, no annotations; terms as {type, value}).
// `generated` is never set: OPA's parser leaves it false (only the compiler marks rewrites).

import { ObjectValue } from '../value/collections';
import { intNumber, parseNumber } from '../value/number';
import type { RegoValue } from '../value/types';
import type { Body, Expr, Head, Module, Rule, Term } from '../syntax';
import { lineIndex, parseModule } from '../syntax';
import { builtinError, def, str, T } from './support';
import type { Builtin } from './types';

/** A JSON object with keys in insertion order. */
function obj(entries: [string, RegoValue | undefined][]): RegoValue {
  const o = new ObjectValue();
  for (const [k, v] of entries) if (v !== undefined) o.set(k, v);
  return o;
}

/** OPA's ValueName order, used to sort object keys and set members as ast.Object/ast.Set marshal. */
const TYPE_RANK: Record<string, number> = {
  null: 0, boolean: 1, number: 2, string: 3, var: 4, ref: 5, array: 6, object: 7, set: 8,
  arraycomprehension: 9, objectcomprehension: 10, setcomprehension: 11, call: 12, templatestring: 13,
};

function sortKey(t: Term): string {
  const v = t.value;
  if (v.type === 'number') return String(Number(v.raw)).padStart(24, '0');
  if (v.type === 'string') return v.value;
  if (v.type === 'var') return v.name;
  if (v.type === 'boolean') return String(v.value);
  return JSON.stringify(termJSONText(t));
}

function termJSONText(t: Term): unknown {
  return JSON.parse(JSON.stringify(t.value, (_k, val) => (typeof val === 'object' && val && 'loc' in val ? { ...val, loc: undefined } : val)));
}

function byTermOrder(a: Term, b: Term): number {
  const ra = TYPE_RANK[a.value.type] ?? 99;
  const rb = TYPE_RANK[b.value.type] ?? 99;
  if (ra !== rb) return ra - rb;
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function term(t: Term): RegoValue {
  const v = t.value;
  const typed = (value: RegoValue): RegoValue => obj([['type', v.type], ['value', value]]);
  switch (v.type) {
    case 'null':
      return typed(null);
    case 'boolean':
      return typed(v.value);
    case 'number':
      return typed(parseNumber(v.raw) ?? v.raw);
    case 'string':
      return typed(v.value);
    case 'var':
      return typed(v.name);
    case 'ref':
      return typed(v.terms.map(term));
    case 'array':
      return typed(v.items.map(term));
    case 'set':
      return typed([...v.items].sort(byTermOrder).map(term));
    case 'object':
      return typed([...v.items].sort((a, b) => byTermOrder(a[0], b[0])).map(([k, val]) => [term(k), term(val)]));
    case 'arraycomprehension':
    case 'setcomprehension':
      return typed(obj([['term', term(v.term)], ['body', body(v.body)]]));
    case 'objectcomprehension':
      return typed(obj([['key', term(v.key)], ['value', term(v.value)], ['body', body(v.body)]]));
    case 'call':
      return typed([term(v.operator), ...v.args.map(term)]);
    case 'templatestring':
      return typed(v.parts.map((p) => (typeof p === 'string' ? obj([['type', 'string'], ['value', p]]) : term(p))));
  }
}

function exprTerms(e: Expr): RegoValue {
  const t = e.terms;
  if ('kind' in t) {
    if (t.kind === 'call') return [term(t.operator), ...t.args.map(term)];
    if (t.kind === 'some') return obj([['symbols', t.symbols.map(term)]]);
    return obj([['key', t.key ? term(t.key) : null], ['value', term(t.value)], ['domain', term(t.domain)], ['body', body(t.body)]]);
  }
  return term(t);
}

function body(b: Body): RegoValue {
  return b.map((e, index) =>
    obj([
      ['terms', exprTerms(e)],
      ['index', intNumber(index)],
      ['with', e.with.length ? e.with.map((w) => obj([['target', term(w.target)], ['value', term(w.value)]])) : undefined],
      ['negated', e.negated ? true : undefined],
    ]),
  );
}

function head(h: Head): RegoValue {
  const first = h.ref[0]?.value;
  const name = h.ref.length === 1 && first?.type === 'var' ? first.name : undefined;
  return obj([
    ['ref', h.ref.map(term)],
    ['key', h.key ? term(h.key) : undefined],
    ['value', h.value ? term(h.value) : undefined],
    ['name', name],
    ['args', h.args?.length ? h.args.map(term) : undefined],
    ['assign', h.assign ? true : undefined],
  ]);
}

/** A rule without a written body has OPA's generated body `true`. */
function ruleBody(r: Rule): Body {
  if (r.body.length > 0) return r.body;
  return [{ negated: false, terms: { value: { type: 'boolean', value: true }, loc: r.loc }, with: [], loc: r.loc }];
}

function rule(r: Rule): RegoValue {
  return obj([
    ['head', head(r.head)],
    ['body', body(ruleBody(r))],
    ['default', r.default ? true : undefined],
    ['else', r.else ? rule(r.else) : undefined],
  ]);
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function moduleValue(m: Module, file: string, text: string): RegoValue {
  const idx = lineIndex(text);
  const comments = m.comments.map((c) => {
    const p = idx.opaPosition(c.loc.start);
    return obj([['Location', obj([['file', file], ['row', intNumber(p.row)], ['col', intNumber(p.col)]])], ['Text', base64(c.text)]]);
  });
  return obj([
    ['package', obj([['path', m.package.path.map(term)]])],
    ['imports', m.imports.length ? m.imports.map((i) => obj([['path', term(i.path)], ['alias', i.alias || undefined]])) : undefined],
    ['rules', m.rules.length ? m.rules.map(rule) : undefined],
    ['comments', comments.length ? comments : undefined],
  ]);
}

export const regoModuleBuiltins: Builtin[] = [
  def('rego.parse_module', 'rego', [['filename', T.string], ['rego', T.string]], ['output', T.object(T.string, T.any)],
    'Parses the input Rego string and returns an object representation of the AST.',
    (args) => {
      const file = str(args[0], 1);
      const text = str(args[1], 1); // OPA checks both operands as operand 1
      const r = parseModule(text, { file });
      const errors = r.errors.filter((e) => !(e.details && (e.details as { recovered?: boolean }).recovered));
      if (errors.length > 0 || !r.module) {
        const lines = errors.map((e) => `${file ? `${file}:${e.row}` : `${e.row}:${e.col}`}: ${e.code}: ${e.message}`);
        const message = lines.length === 1 ? `1 error occurred: ${lines[0]}` : `${lines.length} errors occurred:\n${lines.join('\n')}`;
        throw builtinError(message);
      }
      return moduleValue(r.module, file, text);
    }),
];
