// Terms and operators: precedence climbing exactly as OPA's parser does it
// (in > relations > | > & > + - > * / % > term), refs, calls, collections, comprehensions,
// numbers, strings and template strings.
import type { Term, TermValue } from './ast';
import { Tok } from './lexer';
import { isRootDocument, isTermExpr, ParserCore } from './parser-core';

const isRelationOp = (t: Tok): boolean => t === Tok.Equal || t === Tok.Neq || t === Tok.Lt || t === Tok.Gt || t === Tok.Lte || t === Tok.Gte;
const isOrOp = (t: Tok): boolean => t === Tok.Or;
const isAndOp = (t: Tok): boolean => t === Tok.And;
const isArithOp = (t: Tok): boolean => t === Tok.Add || t === Tok.Sub;
const isFactorOp = (t: Tok): boolean => t === Tok.Mul || t === Tok.Quo || t === Tok.Rem;

export abstract class TermParser extends ParserCore {
  /** A term with all infix operators, `k, v in xs` included. */
  protected parseTermInfixCall(): Term | undefined {
    return this.parseTermIn(true, this.pos);
  }

  /** As parseTermInfixCall, but `,` ends the term (inside lists and calls). */
  protected parseTermInfixCallInList(): Term | undefined {
    return this.parseTermIn(false, this.pos);
  }

  private call(op: Term, args: Term[], start: number): Term {
    return this.term({ type: 'call', operator: op, args }, start, this.s.lastEnd);
  }

  // Each level below parses `operand (op operand)*` left-associatively, as OPA's recursive
  // versions do; loops keep long chains (`a + b + … + z`) off the call stack. When an operator
  // has no right operand, the chain so far is returned (the error is already recorded).

  private parseTermIn(keyVal: boolean, offset: number): Term | undefined {
    let lhs = this.parseTermRelation(offset);
    if (!lhs) return undefined;
    for (;;) {
      if (keyVal && this.tok() === Tok.Comma) {
        const s = this.save();
        this.scan();
        const mhs = this.parseTermRelation(offset);
        if (mhs) {
          const op = this.parseMemberOp(3);
          if (op) {
            const rhs = this.parseTermRelation(this.pos);
            if (rhs) {
              lhs = this.call(op, [lhs, mhs, rhs], offset);
              if (this.tok() === Tok.In) continue;
              return lhs;
            }
          }
        }
        this.restore(s);
      }
      const op = this.parseMemberOp(2);
      if (!op) return lhs;
      const rhs = this.parseTermRelation(this.pos);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (this.tok() !== Tok.In) return lhs;
    }
  }

  private parseTermRelation(offset: number): Term | undefined {
    let lhs = this.parseTermOr(offset);
    if (!lhs) return undefined;
    for (;;) {
      const op = this.parseTermOp(isRelationOp);
      if (!op) return lhs;
      const rhs = this.parseTermOr(this.pos);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (!isRelationOp(this.tok())) return lhs;
    }
  }

  private parseTermOr(offset: number): Term | undefined {
    let lhs = this.parseTermAnd(offset);
    if (!lhs) return undefined;
    for (;;) {
      const op = this.parseTermOp(isOrOp);
      if (!op) return lhs;
      const rhs = this.parseTermAnd(this.pos);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (!isOrOp(this.tok())) return lhs;
    }
  }

  private parseTermAnd(offset: number): Term | undefined {
    let lhs = this.parseTermArith(offset);
    if (!lhs) return undefined;
    for (;;) {
      const op = this.parseTermOp(isAndOp);
      if (!op) return lhs;
      const rhs = this.parseTermArith(this.pos);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (!isAndOp(this.tok())) return lhs;
    }
  }

  private parseTermArith(offset: number): Term | undefined {
    let lhs = this.parseTermFactor(offset);
    if (!lhs) return undefined;
    for (;;) {
      const op = this.parseTermOp(isArithOp);
      if (!op) return lhs;
      const rhs = this.parseTermFactor(this.pos);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (!isArithOp(this.tok())) return lhs;
    }
  }

  private parseTermFactor(offset: number): Term | undefined {
    let lhs = this.parseTerm();
    if (!lhs) return undefined;
    for (;;) {
      const op = this.parseTermOp(isFactorOp);
      if (!op) return lhs;
      const rhs = this.parseTerm();
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (!isFactorOp(this.tok())) return lhs;
    }
  }

  /** One term (no infix operators at its top level), with any ref/call suffix. */
  protected parseTerm(): Term | undefined {
    if (!this.enter()) return undefined;
    const term = this.parseTermUncounted();
    this.leave();
    return term;
  }

  private parseTermUncounted(): Term | undefined {
    {
      const key = this.s.ws ? -1 : this.s.i;
      const cached = key >= 0 ? this.termCache.get(key) : undefined;
      if (cached) {
        // Keep the errors of this path: a cached parse only adds the errors it made itself.
        const errors = cached.post.errors.length > cached.errorsBefore ? [...this.s.errors, ...cached.post.errors.slice(cached.errorsBefore)] : this.s.errors;
        this.restore({ ...cached.post, errors });
        return cached.term;
      }
      const errorsBefore = this.s.errors.length;
      let term: Term | undefined;
      const loc = this.curLoc;
      switch (this.tok()) {
        case Tok.Null:
          term = this.term({ type: 'null' }, loc.start, loc.end);
          break;
        case Tok.True:
          term = this.term({ type: 'boolean', value: true }, loc.start, loc.end);
          break;
        case Tok.False:
          term = this.term({ type: 'boolean', value: false }, loc.start, loc.end);
          break;
        case Tok.Sub:
        case Tok.Dot:
        case Tok.Number:
          term = this.parseNumber();
          break;
        case Tok.String:
          term = this.parseString();
          break;
        case Tok.TemplateStringPart:
        case Tok.TemplateStringEnd:
          term = this.parseTemplateString(false);
          break;
        case Tok.RawTemplateStringPart:
        case Tok.RawTemplateStringEnd:
          term = this.parseTemplateString(true);
          break;
        case Tok.Ident:
        case Tok.Contains: // `contains` is only special in rule heads
          term = this.parseVar();
          break;
        case Tok.LBrack:
          term = this.parseArray();
          break;
        case Tok.LBrace:
          term = this.parseSetOrObject();
          break;
        case Tok.LParen: {
          this.scan();
          const r = this.parseTermInfixCall();
          if (r) {
            if (this.tok() === Tok.RParen) term = r;
            else this.error(this.curLoc, 'non-terminated expression');
          }
          break;
        }
        default:
          this.illegalToken();
      }
      term = this.parseTermFinish(term, false);
      // Terms of one or two tokens are cheaper to re-parse than to cache.
      if (key >= 0 && this.s.i - key > 2) this.termCache.set(key, { term, post: this.save(), errorsBefore });
      return term;
    }
  }

  protected parseTermFinish(head: Term | undefined, skipws: boolean): Term | undefined {
    if (!head) return undefined;
    const offset = head.loc.start;
    this.doScan(skipws);
    switch (this.tok()) {
      case Tok.LParen:
      case Tok.Dot:
      case Tok.LBrack:
        return this.parseRef(head, offset);
      case Tok.Whitespace:
        this.scan();
    }
    if (head.value.type === 'var' && isRootDocument(head)) return this.term({ type: 'ref', terms: [head] }, head.loc.start, head.loc.end);
    return head;
  }

  /** After a rule name: like parseTermFinish, but infix operators are illegal here. */
  protected parseHeadFinish(head: Term, skipws: boolean): Term | undefined {
    const offset = head.loc.start;
    this.scanWS();
    switch (this.tok()) {
      case Tok.Add: case Tok.Sub: case Tok.Mul: case Tok.Quo: case Tok.Rem:
      case Tok.And: case Tok.Or:
      case Tok.Equal: case Tok.Neq: case Tok.Gt: case Tok.Gte: case Tok.Lt: case Tok.Lte:
        this.illegalToken();
        break;
      case Tok.Whitespace:
        this.doScan(skipws);
    }
    switch (this.tok()) {
      case Tok.LParen:
      case Tok.Dot:
      case Tok.LBrack:
        return this.parseRef(head, offset);
      case Tok.Whitespace:
        this.scan();
    }
    if (head.value.type === 'var' && isRootDocument(head)) return this.term({ type: 'ref', terms: [head] }, head.loc.start, head.loc.end);
    return head;
  }

  protected parseVar(): Term {
    const loc = this.curLoc;
    const lit = this.lit;
    return this.varTerm(lit === '_' ? this.genWildcard() : lit, loc);
  }

  private parseNumber(): Term | undefined {
    const start = this.pos;
    let prefix = '';
    if (this.tok() === Tok.Sub) {
      prefix = '-';
      this.scan();
      if (this.tok() !== Tok.Number && this.tok() !== Tok.Dot) {
        this.illegal('expected number');
        return undefined;
      }
    }
    if (this.tok() === Tok.Dot) {
      prefix += '.';
      this.scan();
      if (this.tok() !== Tok.Number) {
        this.illegal('expected number');
        return undefined;
      }
    }
    const raw = prefix + this.lit;
    if (!validFloat(raw)) {
      this.illegal('invalid float');
      return undefined;
    }
    if (tooBig(raw)) {
      this.error(this.curLoc, 'number too big');
      return undefined;
    }
    return this.term({ type: 'number', raw }, start, this.tokEnd);
  }

  private parseString(): Term | undefined {
    const lit = this.lit;
    const loc = this.curLoc;
    if (lit.charCodeAt(0) === 34) {
      const inner = lit.slice(1, -1);
      if (!inner.includes('\\')) return this.term({ type: 'string', value: inner }, loc.start, loc.end);
      try {
        const value = JSON.parse(lit) as string;
        return this.term({ type: 'string', value }, loc.start, loc.end);
      } catch {
        this.error(loc, `illegal string literal: ${lit}`);
        return undefined;
      }
    }
    if (lit.length < 2) return undefined;
    return this.term({ type: 'string', value: lit.slice(1, -1), raw: true }, loc.start, loc.end);
  }

  private parseTemplateString(raw: boolean): Term | undefined {
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

  private parseCall(operator: Term, offset: number): Term | undefined {
    {
      this.scan(); // steps over '('
      if (this.tok() === Tok.RParen) {
        const end = this.tokEnd;
        this.scanWS();
        const op = operator.value;
        if (op.type === 'ref' && op.terms.length === 1 && op.terms[0].value.type === 'var' && op.terms[0].value.name === 'set') {
          return this.term({ type: 'set', items: [] }, offset, end);
        }
        return this.term({ type: 'call', operator, args: [] }, offset, end);
      }
      const r = this.parseTermList(Tok.RParen, []);
      if (!r) return undefined;
      const end = this.tokEnd;
      this.scanWS();
      return this.term({ type: 'call', operator, args: r }, offset, end);
    }
  }

  protected parseRef(head: Term, offset: number): Term | undefined {
    {
      switch (head.value.type) {
        case 'var': case 'array': case 'object': case 'set':
        case 'arraycomprehension': case 'objectcomprehension': case 'setcomprehension': case 'call':
          break;
        default:
          this.error(head.loc, `illegal ref (head cannot be ${head.value.type})`);
      }
      const ref: Term[] = [head];
      for (;;) {
        switch (this.tok()) {
          case Tok.Dot: {
            this.scanWS();
            if (this.tok() !== Tok.Ident) {
              this.illegal('expected identifier');
              return undefined;
            }
            ref.push(this.term({ type: 'string', value: this.lit }, this.pos, this.tokEnd));
            this.scanWS();
            break;
          }
          case Tok.LParen: {
            const opTerm = this.term({ type: 'ref', terms: ref }, offset, this.pos);
            let term = this.parseCall(opTerm, offset);
            if (term) {
              const t = this.tok();
              if (t === Tok.Whitespace) {
                this.scan();
                term.loc.end = this.s.lastEnd;
                return term;
              }
              if (t === Tok.Dot || t === Tok.LBrack) term = this.parseRef(term, offset);
            }
            if (term) term.loc.end = this.s.lastEnd;
            return term;
          }
          case Tok.LBrack: {
            this.scan();
            const t = this.parseTermInfixCall();
            if (!t) return undefined;
            if (this.tok() !== Tok.RBrack) {
              this.illegal('expected [');
              return undefined;
            }
            ref.push(t);
            this.scanWS();
            break;
          }
          case Tok.Whitespace: {
            const end = this.s.lastEnd;
            this.scan();
            return this.term({ type: 'ref', terms: ref }, offset, end);
          }
          default:
            return this.term({ type: 'ref', terms: ref }, offset, this.s.lastEnd);
        }
      }
    }
  }

  private parseArray(): Term | undefined {
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

  private parseSetOrObject(): Term | undefined {
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
}

function tokName(t: Tok): string {
  return t === Tok.RBrack ? ']' : t === Tok.RBrace ? '}' : t === Tok.RParen ? ')' : '?';
}

/** Go's big.Float SetString accepts the decimal forms the scanner lets through. */
function validFloat(raw: string): boolean {
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw);
}

/** OPA rejects numbers whose binary exponent exceeds ±1e5 ("number too big"). */
function tooBig(raw: string): boolean {
  const m = /^[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/.exec(raw);
  if (!m) return false;
  const digits = m[1] + m[2];
  const firstNonZero = digits.search(/[1-9]/);
  if (firstNonZero < 0) return false;
  const exp10 = Number(m[3] ?? '0') + (m[1].length - firstNonZero - 1);
  const lead = Number('0.' + digits.slice(firstNonZero, firstNonZero + 15)) * 10;
  const exp2 = Math.floor((exp10 + Math.log10(lead)) * Math.LOG2E * Math.LN10) + 1;
  return exp2 > 1e5 || exp2 < -1e5;
}
