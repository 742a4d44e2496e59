// Terms and operators: precedence levels exactly as OPA's parser has them
// (in > relations > | > & > + - > * / % > term), refs, calls, numbers and strings.
// Collections, comprehensions and template strings are in parser-collections.ts.
import type { Term } from './ast';
import { Tok } from './lexer';
import { isRootDocument, ParserCore } from './parser-core';

const isRelationOp = (t: Tok): boolean => t === Tok.Equal || t === Tok.Neq || t === Tok.Lt || t === Tok.Gt || t === Tok.Lte || t === Tok.Gte;
const isOrOp = (t: Tok): boolean => t === Tok.Or;
const isAndOp = (t: Tok): boolean => t === Tok.And;
const isArithOp = (t: Tok): boolean => t === Tok.Add || t === Tok.Sub;
const isFactorOp = (t: Tok): boolean => t === Tok.Mul || t === Tok.Quo || t === Tok.Rem;
const LEVEL_RELATION = 0;
const LEVEL_FACTOR = 4;
const LEVEL_OPS = [isRelationOp, isOrOp, isAndOp, isArithOp, isFactorOp];

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
      this.scanAheadRef();
      const op = this.parseMemberOp(2);
      if (!op) return lhs;
      const rhs = this.parseTermRelation(this.pos);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (this.tok() !== Tok.In) return lhs;
    }
  }

  // Binary operator levels, loosest first (relations, |, &, + -, * / %); each level's operands are
  // the next level's terms, and the last level's operands are single terms.
  private parseTermRelation(offset: number): Term | undefined {
    return this.parseLeftAssoc(offset, LEVEL_RELATION);
  }

  /**
   * `operand (op operand)*` at precedence `level`, left-associative, as a chain of calls; loops, so
   * chains of any length are fine. Levels are numbers rather than closures: this runs for every term.
   */
  private parseLeftAssoc(offset: number, level: number): Term | undefined {
    const isOp = LEVEL_OPS[level];
    let lhs = level === LEVEL_FACTOR ? this.parseTerm() : this.parseLeftAssoc(offset, level + 1);
    if (!lhs) return undefined;
    // Most terms are followed by no operator of this level.
    if (!isOp(this.tok())) return lhs;
    for (;;) {
      const op = this.parseTermOp(isOp);
      if (!op) return lhs;
      const rhs = level === LEVEL_FACTOR ? this.parseTerm() : this.parseLeftAssoc(this.pos, level + 1);
      if (!rhs) return lhs;
      lhs = this.call(op, [lhs, rhs], offset);
      if (!isOp(this.tok())) return lhs;
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
      // A keyword read as an identifier parses differently from the same token cached as a keyword.
      const key = this.s.ws || this.s.asIdent === this.s.i ? -1 : this.s.i;
      const cached = key >= 0 ? this.termCache.get(key) : undefined;
      if (cached) {
        // Keep the errors of this path: a cached parse only adds the errors it made itself.
        const errors = cached.post.errors.length > cached.errorsBefore ? [...this.s.errors, ...cached.post.errors.slice(cached.errorsBefore)] : this.s.errors;
        this.restore({ ...cached.post, errors });
        return cached.term;
      }
      const errorsBefore = this.s.errors.length;
      let term: Term | undefined;
      switch (this.tok()) {
        case Tok.Null:
          term = this.term({ type: 'null' }, this.pos, this.tokEnd);
          break;
        case Tok.True:
          term = this.term({ type: 'boolean', value: true }, this.pos, this.tokEnd);
          break;
        case Tok.False:
          term = this.term({ type: 'boolean', value: false }, this.pos, this.tokEnd);
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
    const { text, starts, ends } = this.toks;
    const start = starts[this.s.i];
    const end = ends[this.s.i];
    if (!this.s.ws && text.charCodeAt(start) === 34 && end - start >= 2) {
      // Without escapes the value is the text between the quotes.
      let i = start + 1;
      while (i < end - 1 && text.charCodeAt(i) !== 92) i++;
      if (i >= end - 1) return this.term({ type: 'string', value: text.slice(start + 1, end - 1) }, start, end);
    }
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
            if (this.tok() !== Tok.Ident && !this.isAllowedRefKeyword(this.tok())) {
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

  protected abstract parseArray(): Term | undefined;
  protected abstract parseSetOrObject(): Term | undefined;
  protected abstract parseTemplateString(raw: boolean): Term | undefined;
  protected abstract parseTermList(end: Tok, r: Term[]): Term[] | undefined;
}

/** Go's big.Float SetString accepts the decimal forms the scanner lets through. */
function validFloat(raw: string): boolean {
  return /^-?\.?\d+$/.test(raw) || /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw);
}

/** OPA rejects numbers whose binary exponent exceeds ±1e5 ("number too big"). */
function tooBig(raw: string): boolean {
  // Without an exponent, a literal would need ~30,000 digits to get there.
  if (raw.length < 1000 && !/[eE]/.test(raw)) return false;
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