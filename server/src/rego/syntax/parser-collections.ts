// Arrays, sets, objects and their comprehensions (OPA resolves `{ a | b }` in favour of a
// comprehension by trying a plain term first), term lists, and template strings.
import type { Term, TermValue } from './ast';
import { Tok } from './lexer';
import { isTermExpr } from './parser-core';
import { TermParser } from './parser-terms';

export abstract class CollectionParser extends TermParser {
  protected parseArray(): Term | undefined {
    const start = this.pos;
    {
      const v = this.parseArrayValue();
      return v ? this.term(v, start, this.tokEnd) : undefined;
    }
  }

  private parseArrayValue(): TermValue | undefined {
    this.scan();
    if (this.tok() === Tok.RBrack) return { type: 'array', items: [] };
    let potentialComprehension = true;
    // A leading comma (`[, x]`) is accepted for backwards compatibility, as OPA does.
    if (this.tok() === Tok.Comma) {
      potentialComprehension = false;
      this.scan();
    }
    const s = this.save();
    // Comprehensions win over `|` calls: `[a | b]` is a comprehension.
    const head = this.parseTerm();
    if (!head) return undefined;
    switch (this.tok()) {
      case Tok.RBrack:
        return { type: 'array', items: [head] };
      case Tok.Comma: {
        this.scan();
        const terms = this.parseTermList(Tok.RBrack, [head]);
        return terms ? { type: 'array', items: terms } : undefined;
      }
      case Tok.Or:
        if (potentialComprehension) {
          this.scan();
          const body = this.parseBody(Tok.RBrack);
          if (body) return { type: 'arraycomprehension', term: head, body };
          if (this.tok() !== Tok.Comma) return undefined;
        }
    }
    this.restore(s);
    const terms = this.parseTermList(Tok.RBrack, []);
    return terms ? { type: 'array', items: terms } : undefined;
  }

  protected parseSetOrObject(): Term | undefined {
    const start = this.pos;
    {
      const v = this.parseSetOrObjectValue();
      return v ? this.term(v, start, this.tokEnd) : undefined;
    }
  }

  private parseSetOrObjectValue(): TermValue | undefined {
    this.scan();
    if (this.tok() === Tok.RBrace) return { type: 'object', items: [] };
    let potentialComprehension = true;
    if (this.tok() === Tok.Comma) {
      potentialComprehension = false;
      this.scan();
    }
    const s = this.save();
    // A single term first, so `{ a | b }` is a set comprehension rather than a set of an `or` call.
    let head = this.parseTerm();
    if (!head) return undefined;
    switch (this.tok()) {
      case Tok.Or:
        if (potentialComprehension) return this.parseSet(s, head, potentialComprehension);
        break;
      case Tok.RBrace:
      case Tok.Comma:
        return this.parseSet(s, head, potentialComprehension);
      case Tok.Colon:
        return this.parseObject(head, potentialComprehension);
    }
    this.restore(s);
    head = this.parseTermInfixCallInList();
    if (!head) return undefined;
    switch (this.tok()) {
      case Tok.RBrace:
      case Tok.Comma:
        return this.parseSet(s, head, false);
      case Tok.Colon:
        return this.parseObject(head, potentialComprehension);
    }
    this.illegal('non-terminated set');
    return undefined;
  }

  private parseSet(s: typeof this.s, head: Term, potentialComprehension: boolean): TermValue | undefined {
    switch (this.tok()) {
      case Tok.RBrace:
        return { type: 'set', items: [head] };
      case Tok.Comma: {
        this.scan();
        const terms = this.parseTermList(Tok.RBrace, [head]);
        return terms ? { type: 'set', items: terms } : undefined;
      }
      case Tok.Or: {
        if (potentialComprehension) {
          this.scan();
          const body = this.parseBody(Tok.RBrace);
          if (body) return { type: 'setcomprehension', term: head, body };
          if (this.tok() !== Tok.Comma) return undefined;
        }
        this.restore(s);
        const terms = this.parseTermList(Tok.RBrace, []);
        return terms ? { type: 'set', items: terms } : undefined;
      }
    }
    return undefined;
  }

  private parseObject(key: Term, potentialComprehension: boolean): TermValue | undefined {
    this.scan(); // steps over ':'
    const s = this.save();
    // The value as a plain term first: `{ k: v | … }` can then still be a comprehension.
    const v = this.parseTerm();
    if (!v) return undefined;
    let potentialRelation = true;
    if (potentialComprehension) {
      const t = this.tok();
      if (t === Tok.RBrace || t === Tok.Comma || t === Tok.Or) {
        if (t !== Tok.Or) potentialRelation = false;
        const r = this.parseObjectFinish(key, v, true);
        if (r) return r;
      }
    }
    this.restore(s);
    if (potentialRelation) {
      const v2 = this.parseTermInfixCallInList();
      if (!v2) return undefined;
      if (this.tok() === Tok.RBrace || this.tok() === Tok.Comma) return this.parseObjectFinish(key, v2, false);
    }
    this.illegal('non-terminated object');
    return undefined;
  }

  private parseObjectFinish(key: Term, val: Term, potentialComprehension: boolean): TermValue | undefined {
    switch (this.tok()) {
      case Tok.RBrace:
        return { type: 'object', items: [[key, val]] };
      case Tok.Or:
        if (potentialComprehension) {
          this.scan();
          const body = this.parseBody(Tok.RBrace);
          if (body) return { type: 'objectcomprehension', key, value: val, body };
        } else {
          this.illegal('non-terminated object');
        }
        return undefined;
      case Tok.Comma: {
        this.scan();
        const r = this.parseTermPairList(Tok.RBrace, [[key, val]]);
        return r ? { type: 'object', items: r } : undefined;
      }
    }
    return undefined;
  }

  protected parseTermList(end: Tok, r: Term[]): Term[] | undefined {
    if (this.tok() === end) return r;
    for (;;) {
      const term = this.parseTermInfixCallInList();
      if (!term) return undefined;
      r.push(term);
      switch (this.tok()) {
        case end:
          return r;
        case Tok.Comma:
          this.scan();
          if (this.tok() === end) return r;
          continue;
        default:
          this.illegal(`expected "," or "${tokName(end)}"`);
          return undefined;
      }
    }
  }

  private parseTermPairList(end: Tok, r: [Term, Term][]): [Term, Term][] | undefined {
    if (this.tok() === end) return r;
    for (;;) {
      const key = this.parseTermInfixCallInList();
      if (!key) return undefined;
      if (this.tok() !== Tok.Colon) {
        this.illegal('expected ":"');
        return undefined;
      }
      this.scan();
      const val = this.parseTermInfixCallInList();
      if (!val) return undefined;
      r.push([key, val]);
      switch (this.tok()) {
        case end:
          return r;
        case Tok.Comma:
          this.scan();
          if (this.tok() === end) return r;
          continue;
        default:
          this.illegal(`expected "," or "${tokName(end)}"`);
          return undefined;
      }
    }
  }

  protected parseTemplateString(raw: boolean): Term | undefined {
    const start = this.pos;
    const parts: (string | Term)[] = [];
    for (;;) {
      const t = this.tok();
      const lit = this.lit;
      let str: string;
      if (t === Tok.TemplateStringPart || t === Tok.TemplateStringEnd) {
        // The literal is `$"…{`, `}…{` or `}…"`: drop the delimiters, then decode JSON escapes.
        const inner = lit.slice(lit.charCodeAt(0) === 36 ? 2 : 1, -1);
        if (!inner.includes('\\')) str = inner;
        else {
          try {
            str = JSON.parse('"' + inner.replace(/\\\{/g, '{') + '"') as string;
          } catch {
            this.error(this.curLoc, `illegal template-string part: ${lit}`);
            return undefined;
          }
        }
      } else if (t === Tok.RawTemplateStringPart || t === Tok.RawTemplateStringEnd) {
        str = lit.slice(lit.charCodeAt(0) === 36 ? 2 : 1, -1).replace(/\\\{/g, '{');
      } else {
        this.error(this.curLoc, 'expected template-string part');
        return undefined;
      }
      if (str.length > 0) parts.push(str);
      if (t === Tok.TemplateStringEnd || t === Tok.RawTemplateStringEnd) break;
      this.scan();
      const expr = this.parseLiteral();
      if (!expr) {
        this.error(this.curLoc, 'invalid template-string expression');
        return undefined;
      }
      const terms = expr.terms;
      if (expr.negated) {
        this.error(expr.loc, "unexpected negation ('not') in template-string expression");
        return undefined;
      }
      if ('kind' in terms && terms.kind === 'call' && terms.operator.value.type === 'ref' && terms.operator.value.terms.length === 1) {
        const head = terms.operator.value.terms[0].value;
        if (head.type === 'var' && head.name === 'eq') {
          this.error(expr.loc, "unexpected unification ('=') in template-string expression");
          return undefined;
        }
        if (head.type === 'var' && head.name === 'assign') {
          this.error(expr.loc, "unexpected assignment (':=') in template-string expression");
          return undefined;
        }
      }
      if ('kind' in terms && (terms.kind === 'every' || terms.kind === 'some')) {
        this.error(expr.loc, `unexpected '${terms.kind}' in template-string expression`);
        return undefined;
      }
      if (isTermExpr(terms)) parts.push(terms);
      else if (terms.kind === 'call') parts.push(this.term({ type: 'call', operator: terms.operator, args: terms.args }, expr.loc.start, expr.loc.end));
      if (this.tok() !== Tok.RBrace) {
        this.error(this.curLoc, 'expected } to end template string expression');
        return undefined;
      }
      this.doScan(false);
    }
    return this.term({ type: 'templatestring', parts, ...(raw ? { raw: true } : {}) }, start, this.tokEnd);
  }
}

function tokName(t: Tok): string {
  return t === Tok.RBrack ? ']' : t === Tok.RBrace ? '}' : t === Tok.RParen ? ')' : '?';
}
