// strings.render_template: the subset of Go's text/template that policies use — {{.a.b}}, {{$var}},
// {{if}}/{{else if}}/{{else}}, {{range}} (with `$i, $x :=`), {{with}}, comments and {{- trim -}}
// markers. Missing keys render as "<undefined>", as OPA configures the template engine.

import { compareStrings } from '../value/compare';
import { isArray, isObject, isSet } from '../value/collections';
import { sortedValues } from '../value/compare';
import { intNumber } from '../value/number';
import type { RegoValue } from '../value/types';
import { builtinError, def, isNumber, obj, str, T } from './support';
import type { Builtin } from './types';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; expr: string }
  | { kind: 'if'; branches: { cond?: string; body: Node[] }[] }
  | { kind: 'range'; expr: string; keyVar?: string; valueVar?: string; body: Node[]; otherwise: Node[] }
  | { kind: 'with'; expr: string; body: Node[]; otherwise: Node[] };

const UNDEFINED = Symbol('undefined');
type Val = RegoValue | typeof UNDEFINED;

interface Action {
  text: string;
}

/** Splits a template into text and trimmed action texts. */
function lex(src: string): (string | Action)[] {
  const out: (string | Action)[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push(src.slice(i));
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && /\s/.test(src[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    const close = src.indexOf('}}', start);
    if (close < 0) throw builtinError('template: unclosed action');
    let end = close;
    let next = close + 2;
    if (src[close - 1] === '-' && /\s/.test(src[close - 2] ?? '')) {
      end = close - 1;
      const m = /^\s*/.exec(src.slice(next))!;
      next += m[0].length;
    }
    if (text) out.push(text);
    const action = src.slice(start, end).trim();
    if (!action.startsWith('/*')) out.push({ text: action });
    i = next;
  }
  return out;
}

function parse(tokens: (string | Action)[]): Node[] {
  let pos = 0;
  const block = (stops: string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++];
      if (typeof t === 'string') {
        nodes.push({ kind: 'text', text: t });
        continue;
      }
      const word = t.text.split(/\s+/)[0];
      if (stops.includes(word)) return { nodes, stop: t.text };
      if (word === 'if') {
        const branches: { cond?: string; body: Node[] }[] = [];
        let cond: string | undefined = t.text.slice(2).trim();
        for (;;) {
          const { nodes: body, stop } = block(['else', 'end']);
          branches.push({ cond, body });
          if (stop === 'end') break;
          const rest = stop.slice(4).trim();
          cond = rest.startsWith('if') ? rest.slice(2).trim() : undefined;
        }
        nodes.push({ kind: 'if', branches });
      } else if (word === 'range' || word === 'with') {
        let expr = t.text.slice(word.length).trim();
        let keyVar: string | undefined;
        let valueVar: string | undefined;
        const decl = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*(.+)$/.exec(expr);
        if (decl) {
          if (decl[2]) [keyVar, valueVar] = [decl[1], decl[2]];
          else valueVar = decl[1];
          expr = decl[3];
        }
        const { nodes: body, stop } = block(['else', 'end']);
        const otherwise = stop === 'end' ? [] : block(['end']).nodes;
        nodes.push(word === 'range' ? { kind: 'range', expr, keyVar, valueVar, body, otherwise } : { kind: 'with', expr, body, otherwise });
      } else nodes.push({ kind: 'print', expr: t.text });
    }
    if (stops.length) throw builtinError(`template: unexpected EOF, expected ${stops.join(' or ')}`);
    return { nodes, stop: '' };
  };
  return block([]).nodes;
}

interface Scope {
  dot: Val;
  vars: Map<string, Val>;
}

function lookup(v: Val, field: string): Val {
  if (v === UNDEFINED || !isObject(v)) return UNDEFINED;
  const x = v.get(field);
  return x === undefined ? UNDEFINED : x;
}

function evaluate(expr: string, scope: Scope): Val {
  const e = expr.trim();
  if (e === '.') return scope.dot;
  const m = /^(\$\w*)?((?:\.[\w-]+)*)$/.exec(e);
  if (!m) throw builtinError(`template: unsupported expression ${JSON.stringify(e)}`);
  let v: Val = m[1] ? scope.vars.get(m[1]) ?? UNDEFINED : scope.dot;
  if (m[1] === '$') v = scope.vars.get('$') ?? UNDEFINED;
  for (const f of m[2].split('.').slice(1)) v = lookup(v, f);
  return v;
}

function truthy(v: Val): boolean {
  if (v === UNDEFINED || v === null || v === false || v === '') return false;
  if (isNumber(v)) return v.float !== 0;
  if (isArray(v)) return v.length > 0;
  if (isObject(v) || isSet(v)) return v.size > 0;
  return true;
}

/** Go's %v of the JSON-decoded value. */
function goText(v: Val): string {
  if (v === UNDEFINED) return '<undefined>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (isNumber(v)) return v.text;
  if (isArray(v)) return `[${v.map(goText).join(' ')}]`;
  if (isSet(v)) return `[${sortedValues(v).map(goText).join(' ')}]`;
  const entries = [...v.entries()].map(([k, x]) => [typeof k === 'string' ? k : goText(k), goText(x)] as const);
  entries.sort((a, b) => compareStrings(a[0], b[0]));
  return `map[${entries.map(([k, x]) => `${k}:${x}`).join(' ')}]`;
}

function render(nodes: Node[], scope: Scope): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += n.text;
        break;
      case 'print':
        out += goText(evaluate(n.expr, scope));
        break;
      case 'if': {
        const branch = n.branches.find((b) => b.cond === undefined || truthy(evaluate(b.cond, scope)));
        if (branch) out += render(branch.body, scope);
        break;
      }
      case 'with': {
        const v = evaluate(n.expr, scope);
        out += truthy(v) ? render(n.body, { ...scope, dot: v }) : render(n.otherwise, scope);
        break;
      }
      case 'range': {
        const v = evaluate(n.expr, scope);
        const pairs: (readonly [RegoValue, RegoValue])[] =
          v === UNDEFINED ? [] : isArray(v) ? v.map((x, i) => [intNumber(i), x]) : isSet(v) ? sortedValues(v).map((x, i) => [intNumber(i), x])
            : isObject(v) ? [...v.entries()].sort((a, b) => compareStrings(String(a[0]), String(b[0]))) : [];
        if (pairs.length === 0) out += render(n.otherwise, scope);
        for (const [k, x] of pairs) {
          const vars = new Map(scope.vars);
          if (n.keyVar) vars.set(n.keyVar, k);
          if (n.valueVar) vars.set(n.valueVar, x);
          out += render(n.body, { dot: x, vars });
        }
        break;
      }
    }
  }
  return out;
}

export const templateBuiltins: Builtin[] = [
  def('strings.render_template', 'strings', [['value', T.string], ['vars', T.object(T.string, T.any)]], ['result', T.string],
    'Renders a Go text/template with the given variables ({{.name}}, {{range}}, {{if}}, …); missing keys render as <undefined>.',
    ([t, v]) => {
      const vars = obj(v, 2);
      return render(parse(lex(str(t, 1))), { dot: vars, vars: new Map([['$', vars]]) });
    }),
];
