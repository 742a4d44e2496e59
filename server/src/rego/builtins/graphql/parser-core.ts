// The token-stream half of gqlparser's parser: peek/next/expect and the shared grammar pieces (values,
// types, directives, arguments). Parsing stops at the first error, which is the one gqlparser reports.

import type { Argument, ChildValue, Directive, GqlType, GqlValue } from './ast';
import { ValueKind } from './ast';
import type { Position, Token, TokenKind } from './lexer';
import { GraphQLError, kindText, Lexer, goQuote, tokenText } from './lexer';

export class ParserCore {
  private readonly lexer: Lexer;
  private peeked: Token | undefined;
  /** The last consumed token. */
  protected prev: Token | undefined;

  constructor(input: string) {
    this.lexer = new Lexer(input);
  }

  protected peek(): Token {
    if (!this.peeked) this.peeked = this.lexer.readToken();
    return this.peeked;
  }

  protected peekPos(): Position {
    return { ...this.peek().pos };
  }

  /** Consumes the next token; consuming an Invalid token raises the lexer's own error. */
  protected next(): Token {
    const tok = this.peek();
    this.peeked = undefined;
    if (tok.error) throw tok.error;
    this.prev = tok;
    return tok;
  }

  protected fail(tok: Token, message: string): never {
    throw new GraphQLError(message, tok.pos.line, tok.pos.column);
  }

  protected unexpected(tok: Token = this.peek()): never {
    this.fail(tok, `Unexpected ${tokenText(tok)}`);
  }

  protected expect(kind: TokenKind): Token {
    const tok = this.peek();
    if (tok.kind === kind) return this.next();
    this.fail(tok, `Expected ${kindText(kind)}, found ${kindText(tok.kind)}`);
  }

  protected expectKeyword(value: string): Token {
    const tok = this.peek();
    if (tok.kind === 'Name' && tok.value === value) return this.next();
    this.fail(tok, `Expected ${goQuote(value)}, found ${tokenText(tok)}`);
  }

  protected skip(kind: TokenKind): boolean {
    if (this.peek().kind !== kind) return false;
    this.next();
    return true;
  }

  /** Zero or more items between delimiters; absent delimiters mean none. */
  protected many(start: TokenKind, end: TokenKind, item: () => void): void {
    if (!this.skip(start)) return;
    while (this.peek().kind !== end) item();
    this.next();
  }

  /** One or more items between delimiters. */
  protected some(start: TokenKind, end: TokenKind, item: () => void): void {
    if (!this.skip(start)) return;
    let called = false;
    while (this.peek().kind !== end) {
      called = true;
      item();
    }
    if (!called) this.fail(this.peek(), `expected at least one definition, found ${kindText(this.peek().kind)}`);
    this.next();
  }

  protected parseName(): string {
    return this.expect('Name').value;
  }

  protected parseVariable(): string {
    this.expect('Dollar');
    return this.parseName();
  }

  protected parseOperationType(): string {
    const tok = this.next();
    if (tok.value === 'query' || tok.value === 'mutation' || tok.value === 'subscription') return tok.value;
    this.unexpected(tok);
  }

  protected parseValueLiteral(isConst: boolean): GqlValue {
    const tok = this.peek();
    let kind: number;
    switch (tok.kind) {
      case 'BracketL':
        return this.parseComposite(isConst, 'BracketL', 'BracketR', ValueKind.List);
      case 'BraceL':
        return this.parseComposite(isConst, 'BraceL', 'BraceR', ValueKind.Object);
      case 'Dollar':
        if (isConst) this.unexpected();
        return value(ValueKind.Variable, this.parseVariable(), { ...tok.pos });
      case 'Int':
        kind = ValueKind.Int;
        break;
      case 'Float':
        kind = ValueKind.Float;
        break;
      case 'String':
        kind = ValueKind.String;
        break;
      case 'BlockString':
        kind = ValueKind.Block;
        break;
      case 'Name':
        kind = tok.value === 'true' || tok.value === 'false' ? ValueKind.Boolean : tok.value === 'null' ? ValueKind.Null : ValueKind.Enum;
        break;
      default:
        this.unexpected();
    }
    this.next();
    return value(kind, tok.value, { ...tok.pos });
  }

  private parseComposite(isConst: boolean, start: TokenKind, end: TokenKind, kind: number): GqlValue {
    const pos = this.peekPos();
    const children: ChildValue[] = [];
    this.many(start, end, () => {
      if (kind === ValueKind.List) {
        children.push({ Name: '', Value: this.parseValueLiteral(isConst) });
        return;
      }
      const fieldPos = this.peekPos();
      const name = this.parseName();
      this.expect('Colon');
      children.push({ Name: name, Value: this.parseValueLiteral(isConst), Position: fieldPos });
    });
    const v = value(kind, '', pos);
    v.Children = children.length ? children : null;
    return v;
  }

  protected parseArguments(isConst: boolean): Argument[] | null {
    const args: Argument[] = [];
    this.many('ParenL', 'ParenR', () => {
      const pos = this.peekPos();
      const name = this.parseName();
      this.expect('Colon');
      args.push({ Name: name, Value: this.parseValueLiteral(isConst), Position: pos });
    });
    return args.length ? args : null;
  }

  protected parseDirectives(isConst: boolean): Directive[] | null {
    const dirs: Directive[] = [];
    while (this.peek().kind === 'At') {
      this.expect('At');
      const pos = this.peekPos();
      const name = this.parseName();
      dirs.push({ Name: name, Arguments: this.parseArguments(isConst), Location: '', Position: pos });
    }
    return dirs.length ? dirs : null;
  }

  protected parseTypeReference(): GqlType {
    const t: GqlType = { NamedType: '', Elem: null, NonNull: false };
    if (this.skip('BracketL')) {
      t.Position = this.peekPos();
      t.Elem = this.parseTypeReference();
      this.expect('BracketR');
    } else {
      t.Position = this.peekPos();
      t.NamedType = this.parseName();
    }
    if (this.skip('Bang')) t.NonNull = true;
    return t;
  }
}

function value(kind: number, raw: string, pos: Position): GqlValue {
  return { Raw: raw, Children: null, Kind: kind, ExpectedTypeHasDefault: false, Position: pos };
}
