// Bodies and what they hold: literals (with `not`), `some` declarations, `every`, `with` modifiers
// and the top-level `x := y` / `x = y` expressions, mirroring OPA's parser and its messages.
import type { Body, Expr, SomeDecl, Term, With } from './ast';
import { Tok } from './lexer';
import { CollectionParser } from './parser-collections';
import { KW_ALL, KW_EVERY, KW_IN } from './parser-core';
import { memberName } from './statements';

const isAssignOp = (t: Tok): boolean => t === Tok.Assign || t === Tok.Unify;

export abstract class BodyParser extends CollectionParser {
  protected parseBody(end: Tok): Body | undefined {
    if (!this.enter()) return undefined;
    const body = this.parseQuery(false, end);
    this.leave();
    return body;
  }

  protected parseQuery(requireSemi: boolean, end: Tok): Body | undefined {
    const body: Body = [];
    if (this.tok() === end) {
      this.error(this.curLoc, 'found empty body');
      return undefined;
    }
    for (;;) {
      const expr = this.parseLiteral();
      if (!expr) return undefined;
      body.push(expr);
      if (this.tok() === Tok.Semicolon) {
        this.scan();
        continue;
      }
      if (this.tok() === end || requireSemi) return body;
      if (!this.skippedNL) {
        // One error per statement: don't pile this one on an earlier one.
        if (this.errorCount === 0) this.illegal(`expected \\n or ; or ${end === Tok.RBrace ? '}' : end === Tok.RBrack ? ']' : 'eof'}`);
        return undefined;
      }
    }
  }

  protected parseLiteral(): Expr | undefined {
    const start = this.pos;
    const expr = this.parseLiteralInner();
    if (expr) expr.loc = { start, end: this.s.lastEnd };
    return expr;
  }

  private parseLiteralInner(): Expr | undefined {
    if (this.scanAheadRef()) return this.parseLiteralExpr(false);
    let negated = false;
    if (this.tok() === Tok.Not) {
      const s = this.save();
      this.scanWS();
      const t = this.tok();
      this.restore(s);
      // `not.x` / `not[x]` is a ref whose head is named `not`.
      if (t !== Tok.Dot && t !== Tok.LBrack) {
        this.scan();
        negated = true;
      }
    }
    switch (this.tok()) {
      case Tok.Some:
        if (negated) {
          this.illegal("illegal negation of 'some'");
          return undefined;
        }
        return this.parseSome();
      case Tok.Every:
        if (negated) {
          this.illegal("illegal negation of 'every'");
          return undefined;
        }
        return this.parseEvery();
      default:
        return this.parseLiteralExpr(negated);
    }
  }

  private parseLiteralExpr(negated: boolean): Expr | undefined {
    // Only an expression starting with the word `every` may need the state back (see below).
    const s = this.toks.kinds[this.s.i] === Tok.Every && !this.s.ws ? this.save() : undefined;
    const expr = this.parseExpr();
    if (!expr) return undefined;
    expr.negated = negated;
    if (this.tok() === Tok.With) {
      const withs = this.parseWith();
      if (!withs) return undefined;
      expr.with = withs;
    }
    // v0 without `every`: a plain `every` that would parse as `every x in xs { … }` earns OPA's hint
    // (shown with the error that follows).
    const t = expr.terms;
    if (s && (this.keywords & KW_EVERY) === 0 && !('kind' in t) && t.value.type === 'var' && t.value.name === 'every') {
      const after = this.save();
      const kw = this.keywords;
      this.restore(s);
      this.keywords = KW_ALL;
      this.termCache.clear();
      const every = this.parseEvery();
      this.keywords = kw;
      this.termCache.clear();
      this.restore(after);
      if (every) this.hint('`import future.keywords.every` for `every x in xs { ... }` expressions');
    }
    return expr;
  }

  private parseWith(): With[] | undefined {
    const withs: With[] = [];
    for (;;) {
      const start = this.pos;
      this.scan();
      if (this.tok() !== Tok.Ident) {
        this.illegal('expected ident');
        return undefined;
      }
      const target = this.parseTerm();
      if (!target) return undefined;
      if (target.value.type !== 'ref' && target.value.type !== 'var') this.illegal('expected with target path');
      if (this.tok() !== Tok.As) {
        this.illegal('expected as keyword');
        return undefined;
      }
      this.scan();
      const value = this.parseTermInfixCall();
      if (!value) return undefined;
      withs.push({ target, value, loc: { start, end: this.s.lastEnd } });
      if (this.tok() !== Tok.With) break;
    }
    return withs;
  }

  private parseSome(): Expr | undefined {
    const start = this.pos;
    const s = this.save();
    this.scan();
    // `some x in xs` / `some k, v in xs` become a single member call.
    const term = this.parseTermInfixCall();
    if (term && term.value.type === 'call') {
      const name = memberName(term.value.operator);
      if (name === 'internal.member_2' || name === 'internal.member_3') {
        const decl: SomeDecl = { kind: 'some', symbols: [term], loc: { start, end: this.s.lastEnd } };
        const expr: Expr = { negated: false, terms: decl, with: [], loc: decl.loc };
        if (this.tok() === Tok.With) {
          const withs = this.parseWith();
          if (!withs) return undefined;
          expr.with = withs;
        }
        return expr;
      }
      this.illegal('expected `x in xs` or `x, y in xs` expression');
      return undefined;
    }
    this.restore(s);
    if ((this.keywords & KW_IN) === 0) {
      // v0 without `in`: hint when the declaration would parse with it.
      const s2 = this.save();
      const kw = this.keywords;
      this.keywords = KW_ALL;
      this.termCache.clear();
      this.scan();
      const t = this.parseTermInfixCall();
      const hint = t?.value.type === 'call' && memberName(t.value.operator).startsWith('internal.member_');
      this.keywords = kw;
      this.termCache.clear();
      this.restore(s2);
      if (hint) this.hint('`import future.keywords.in` for `some x in xs` expressions');
    }
    const symbols: Term[] = [];
    for (;;) {
      this.scan();
      if (this.tok() !== Tok.Ident) {
        this.illegal('expected var');
        return undefined;
      }
      symbols.push(this.parseVar());
      this.scan();
      if (this.tok() !== Tok.Comma) break;
    }
    const decl: SomeDecl = { kind: 'some', symbols, loc: { start, end: this.s.lastEnd } };
    return { negated: false, terms: decl, with: [], loc: decl.loc };
  }

  private parseEvery(): Expr | undefined {
    const start = this.pos;
    this.scan();
    const term = this.parseTermInfixCall();
    if (!term) return undefined;
    if (term.value.type !== 'call') {
      this.illegal('expected `x[, y] in xs { ... }` expression');
      return undefined;
    }
    const call = term.value;
    let key: Term | undefined;
    let value: Term;
    let domain: Term;
    switch (memberName(call.operator)) {
      case 'internal.member_2':
        [value, domain] = call.args;
        break;
      case 'internal.member_3':
        [key, value, domain] = call.args;
        if (key.value.type !== 'var') {
          this.illegal('expected key to be a variable');
          return undefined;
        }
        break;
      default:
        this.illegal('expected `x[, y] in xs { ... }` expression');
        return undefined;
    }
    if (value.value.type !== 'var') {
      this.illegal('expected value to be a variable');
      return undefined;
    }
    if (this.tok() !== Tok.LBrace) {
      this.illegal('missing body');
      return undefined;
    }
    this.scan();
    const body = this.parseBody(Tok.RBrace);
    if (!body) return undefined;
    this.scan();
    const loc = { start, end: this.s.lastEnd };
    const expr: Expr = { negated: false, terms: { kind: 'every', ...(key ? { key } : {}), value, domain, body, loc }, with: [], loc };
    if (this.tok() === Tok.With) {
      const withs = this.parseWith();
      if (!withs) return undefined;
      expr.with = withs;
    }
    return expr;
  }

  private parseExpr(): Expr | undefined {
    const start = this.pos;
    const lhs = this.parseTermInfixCall();
    if (!lhs) return undefined;
    const op = this.parseTermOp(isAssignOp);
    if (op) {
      const rhs = this.parseTermInfixCall();
      if (!rhs) return undefined;
      return { negated: false, terms: { kind: 'call', operator: op, args: [lhs, rhs] }, with: [], loc: { start, end: this.s.lastEnd } };
    }
    // A top-level call becomes the expression itself (the evaluator has no call terms at the top).
    if (lhs.value.type === 'call') {
      return { negated: false, terms: { kind: 'call', operator: lhs.value.operator, args: lhs.value.args }, with: [], loc: { start, end: this.s.lastEnd } };
    }
    return { negated: false, terms: lhs, with: [], loc: { start, end: this.s.lastEnd } };
  }
}
