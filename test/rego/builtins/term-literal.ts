// A tiny reader for Rego term literals (scalars, arrays, objects, sets) and single builtin calls,
// so builtin tests can run OPA conformance cases whose rule is one call on literal arguments
// without depending on the evaluator.

import { ObjectValue, SetValue } from '../../../server/src/rego/value/collections';
import { parseNumber } from '../../../server/src/rego/value/number';
import type { RegoValue } from '../../../server/src/rego/value/types';

export class LiteralError extends Error {}

export class TermReader {
  pos = 0;
  constructor(readonly src: string) {}

  ws(): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (/\s/.test(c)) this.pos++;
      else break;
    }
  }

  peek(): string {
    this.ws();
    return this.src[this.pos] ?? '';
  }

  expect(s: string): void {
    this.ws();
    if (!this.src.startsWith(s, this.pos)) throw new LiteralError(`expected ${s} at ${this.pos}`);
    this.pos += s.length;
  }

  ident(): string | undefined {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  term(): RegoValue {
    const c = this.peek();
    if (c === '"') return this.string();
    if (c === '`') {
      const end = this.src.indexOf('`', this.pos + 1);
      if (end < 0) throw new LiteralError('unterminated raw string');
      const s = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return s;
    }
    if (c === '[') {
      this.pos++;
      const items: RegoValue[] = [];
      while (this.peek() !== ']') {
        items.push(this.term());
        if (this.peek() === ',') this.pos++;
      }
      this.pos++;
      return items;
    }
    if (c === '{') {
      this.pos++;
      if (this.peek() === '}') {
        this.pos++;
        return new ObjectValue();
      }
      const first = this.term();
      if (this.peek() === ':') {
        const o = new ObjectValue();
        this.pos++;
        o.set(first, this.term());
        while (this.peek() === ',') {
          this.pos++;
          if (this.peek() === '}') break;
          const k = this.term();
          this.expect(':');
          o.set(k, this.term());
        }
        this.expect('}');
        return o;
      }
      const s = new SetValue([first]);
      while (this.peek() === ',') {
        this.pos++;
        if (this.peek() === '}') break;
        s.add(this.term());
      }
      this.expect('}');
      return s;
    }
    const num = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos));
    if (num && num[0] !== '-' && num[0] !== '') {
      this.pos += num[0].length;
      return parseNumber(num[0])!;
    }
    const id = this.ident();
    if (id === 'true') return true;
    if (id === 'false') return false;
    if (id === 'null') return null;
    if (id === 'set') {
      this.expect('(');
      this.expect(')');
      return new SetValue();
    }
    throw new LiteralError(`not a literal at ${this.pos}: ${id ?? c}`);
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.src.length && this.src[this.pos] !== '"') {
      if (this.src[this.pos] === '\\') this.pos++;
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.src.slice(start, this.pos)) as string;
  }
}

export interface LiteralCall {
  name: string;
  args: RegoValue[];
}

/**
 * Recognises rules that are one builtin call on literal arguments: `p := f(args...)`, or
 * `p := x if { f(args..., v) ; x = v }` with any chain of variable aliases (the compiled form OPA's
 * cases use, e.g. `__local0__ = __local1__`). Returns undefined for anything else.
 */
export function literalCall(module: string, isBuiltin: (name: string) => boolean): LiteralCall | undefined {
  const lines = module.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (!lines[0]?.startsWith('package ')) return undefined;
  const body = lines.slice(1).join('\n').trim();
  const withBody = /^p\s*:?=\s*(\w+)\s+if\s*\{([\s\S]*)\}$/.exec(body);
  const direct = withBody ? undefined : /^p\s*:?=\s*([\s\S]*)$/.exec(body);
  if (!withBody && !direct) return undefined;
  const head = withBody ? withBody[1] : '$out';
  const statements = withBody ? withBody[2].split('\n').map((l) => l.trim()).filter((l) => l !== '') : [`$out = ${direct![1].trim()}`];
  const aliases = new Map<string, string>();
  let call: (LiteralCall & { out: string }) | undefined;
  for (const stmt of statements) {
    const alias = /^(\$?\w+)\s*:?=\s*(\w+)$/.exec(stmt);
    if (alias && !isBuiltin(alias[2])) {
      aliases.set(alias[1], alias[2]);
      aliases.set(alias[2], alias[1]);
      continue;
    }
    if (call) return undefined;
    const assigned = /^(\$?\w+)\s*:?=\s*([\s\S]+)$/.exec(stmt);
    const parsed = parseCall(assigned ? assigned[2] : stmt, isBuiltin);
    if (!parsed) return undefined;
    const out = assigned ? assigned[1] : parsed.outVar;
    if (!out) return undefined;
    call = { name: parsed.name, args: parsed.args, out };
  }
  if (!call) return undefined;
  // The head variable must reach the call's output through the aliases.
  if (head !== call.out && !connected(head, call.out, aliases)) return undefined;
  return { name: call.name, args: call.args };
}

function connected(a: string, b: string, aliases: Map<string, string>): boolean {
  const edges = new Map<string, Set<string>>();
  for (const [k, t] of aliases) {
    if (!edges.has(k)) edges.set(k, new Set());
    edges.get(k)!.add(t);
  }
  const queue = [a];
  const seen = new Set([a]);
  while (queue.length) {
    const x = queue.shift()!;
    if (x === b) return true;
    for (const y of edges.get(x) ?? []) if (!seen.has(y)) { seen.add(y); queue.push(y); }
  }
  return false;
}

function parseCall(text: string, isBuiltin: (name: string) => boolean): { name: string; args: RegoValue[]; outVar?: string } | undefined {
  try {
    const r = new TermReader(text);
    const name = r.ident();
    if (!name || !isBuiltin(name)) return undefined;
    r.expect('(');
    const args: RegoValue[] = [];
    let outVar: string | undefined;
    while (r.peek() !== ')') {
      const save = r.pos;
      const id = r.ident();
      if (id !== undefined && !['true', 'false', 'null', 'set'].includes(id)) {
        outVar = id;
        if (r.peek() !== ')') return undefined;
        break;
      }
      r.pos = save;
      args.push(r.term());
      if (r.peek() === ',') r.pos++;
    }
    r.expect(')');
    if (r.peek() !== '') return undefined;
    return { name, args, outVar };
  } catch (e) {
    if (e instanceof LiteralError || e instanceof SyntaxError) return undefined;
    throw e;
  }
}
