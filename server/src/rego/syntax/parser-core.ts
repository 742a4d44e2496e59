// Parser state and plumbing: the current token, save/restore (OPA's parser backtracks a lot, and a
// restore also drops the errors recorded since the save), error reporting with OPA's wording, and
// small term constructors. The grammar itself lives in parser-terms.ts and parser-statements.ts.
import type { Body, Expr, Loc, Term, TermValue } from './ast';
import { FUTURE_KEYWORDS, isBaseKeywordTok, isFutureKeywordTok, NL_BEFORE, Tok, TOKEN_NAMES, Tokens, WS_BEFORE } from './lexer';

/** An error before row/col are known (they are computed once, at the end). */
export interface RawError {
  message: string;
  start: number;
  end: number;
}

export interface ParserState {
  /** Index of the current token (or of the token the current whitespace precedes). */
  i: number;
  /** The current token is the whitespace before token `i` (OPA's scanWS can stop on it). */
  ws: boolean;
  /** End offset of the last non-whitespace token passed. */
  lastEnd: number;
  /** Errors recorded on this path; copied on append so saved states keep theirs. */
  errors: readonly RawError[];
  /** Counter for `_` → `$0`, `$1`, … */
  wildcard: number;
  hints: readonly string[];
  /** Index of a keyword token to read as an identifier (keyword refs such as `foo.if`), or -1. */
  asIdent: number;
}

/** Which future keywords the scanner knows: a bit per keyword. */
export const KW_IN = 1;
export const KW_EVERY = 2;
export const KW_CONTAINS = 4;
export const KW_IF = 8;
export const KW_ALL = 15;

const KW_BIT: Partial<Record<Tok, number>> = {
  [Tok.In]: KW_IN,
  [Tok.Every]: KW_EVERY,
  [Tok.Contains]: KW_CONTAINS,
  [Tok.If]: KW_IF,
};

export function keywordBit(name: string): number {
  const t = FUTURE_KEYWORDS.get(name);
  return t === undefined ? 0 : KW_BIT[t] ?? 0;
}

/** Nesting limit (terms and bodies): far below OPA's 100000 so that JavaScript's own stack is never the one to give up; 500 levels is far beyond any real policy. */
const MAX_DEPTH = 500;

export abstract class ParserCore {
  protected s: ParserState;
  protected keywords: number;
  protected depth = 0;
  /** parseTerm results by token index, so backtracking never re-parses a term twice. */
  protected termCache = new Map<number, { term: Term | undefined; post: ParserState; errorsBefore: number }>();

  constructor(protected readonly toks: Tokens, keywords: number, protected readonly keywordsInRefs = false) {
    this.keywords = keywords;
    this.s = { i: 0, ws: false, lastEnd: 0, errors: [], wildcard: 0, hints: [], asIdent: -1 };
    this.arrive();
  }

  // ---- current token -------------------------------------------------------------------------

  /** Current token kind, with future keywords resolved against the enabled set. */
  protected tok(): Tok {
    if (this.s.ws) return Tok.Whitespace;
    if (this.s.i === this.s.asIdent) return Tok.Ident;
    return this.kindAt(this.s.i);
  }

  /** With keyword refs on (newer OPA), any keyword may be a ref segment: `foo.if`, `if.foo`. */
  protected isAllowedRefKeyword(t: Tok): boolean {
    return this.keywordsInRefs && (isBaseKeywordTok(t) || isFutureKeywordTok(t));
  }

  /** OPA's scanAheadRef: a keyword followed directly by `.` or `[` is read as an identifier. */
  protected scanAheadRef(): boolean {
    if (!this.isAllowedRefKeyword(this.tok())) return false;
    const next = this.s.i + 1;
    const k = this.toks.kinds[next] as Tok;
    if ((this.toks.flags[next] & WS_BEFORE) === 0 && (k === Tok.Dot || k === Tok.LBrack)) {
      this.s.asIdent = this.s.i;
      return true;
    }
    return false;
  }

  /** OPA's isIdentOrAllowedRefKeyword. */
  protected isIdentOrAllowedRefKeyword(): boolean {
    if (this.tok() === Tok.Ident) return true;
    if (this.isAllowedRefKeyword(this.tok())) {
      this.s.asIdent = this.s.i;
      return true;
    }
    return false;
  }

  protected kindAt(i: number): Tok {
    const k = this.toks.kinds[i] as Tok;
    if (isFutureKeywordTok(k) && (this.keywords & (KW_BIT[k] ?? 0)) === 0) return Tok.Ident;
    return k;
  }

  /** Literal text of the current token. */
  protected get lit(): string {
    if (this.s.ws) return ' ';
    return this.toks.text.slice(this.toks.starts[this.s.i], this.toks.ends[this.s.i]);
  }

  /** Start offset of the current token. */
  protected get pos(): number {
    const i = this.s.i;
    if (this.s.ws) return i > 0 ? this.toks.ends[i - 1] : 0;
    return this.toks.starts[i];
  }

  protected get tokEnd(): number {
    const i = this.s.i;
    if (this.s.ws) return (i > 0 ? this.toks.ends[i - 1] : 0) + 1;
    return this.toks.ends[i];
  }

  protected get curLoc(): Loc {
    return { start: this.pos, end: this.tokEnd };
  }

  /** A newline was skipped before the current token. */
  protected get skippedNL(): boolean {
    return (this.toks.flags[this.s.i] & NL_BEFORE) !== 0;
  }

  // ---- scanning ------------------------------------------------------------------------------

  /** Records the lexer errors of the token just arrived at, as OPA's doScan does. */
  private arrive(): void {
    const errs = this.toks.errors.get(this.s.i);
    if (errs && !this.s.ws) for (const m of errs) this.error(this.curLoc, m);
  }

  private advance(skipws: boolean): void {
    const s = this.s;
    if (s.ws) {
      s.ws = false;
    } else {
      s.lastEnd = this.toks.ends[s.i];
      if (s.i < this.toks.count - 1) {
        s.i++;
        s.ws = !skipws && (this.toks.flags[s.i] & WS_BEFORE) !== 0;
      }
    }
    if (!s.ws && this.toks.errors.size > 0) this.arrive();
  }

  /** Next token, skipping whitespace. */
  protected scan(): void {
    this.advance(true);
  }

  /** Next token, stopping on whitespace. */
  protected scanWS(): void {
    this.advance(false);
  }

  protected doScan(skipws: boolean): void {
    this.advance(skipws);
  }

  /** A snapshot of the state; the live state is mutated in place, snapshots never are. */
  protected save(): ParserState {
    return { ...this.s };
  }

  /** Copies a snapshot into the live state (field by field: backtracking is frequent, so no allocation). */
  protected restore(s: ParserState): void {
    const live = this.s;
    live.i = s.i;
    live.ws = s.ws;
    live.lastEnd = s.lastEnd;
    live.errors = s.errors;
    live.wildcard = s.wildcard;
    live.hints = s.hints;
    live.asIdent = s.asIdent;
  }

  protected enter(): boolean {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      this.error(this.curLoc, 'max parsing recursion depth exceeded');
      this.depth--;
      return false;
    }
    return true;
  }

  protected leave(): void {
    this.depth--;
  }

  // ---- errors --------------------------------------------------------------------------------

  protected error(loc: Loc, reason: string): void {
    let msg = reason;
    if (this.s.hints.length === 1) msg += ` (hint: ${this.s.hints[0]})`;
    else if (this.s.hints.length > 1) msg += ` (hints: ${this.s.hints.join(', ')})`;
    this.s.errors = [...this.s.errors, { message: msg, start: loc.start, end: loc.end }];
    this.s.hints = [];
  }

  protected hint(h: string): void {
    this.s.hints = [...this.s.hints, h];
  }

  /** OPA's `illegal`: "unexpected <tok> token|keyword[: note]", or "illegal token". */
  protected illegal(note: string): void {
    const t = this.tok();
    if (t === Tok.Illegal) {
      this.error(this.curLoc, 'illegal token');
      return;
    }
    const kind = isBaseKeywordTok(t) || isFutureKeywordTok(t) ? 'keyword' : 'token';
    const name = TOKEN_NAMES[t];
    this.error(this.curLoc, note ? `unexpected ${name} ${kind}: ${note}` : `unexpected ${name} ${kind}`);
  }

  protected illegalToken(): void {
    this.illegal('');
  }

  protected get errorCount(): number {
    return this.s.errors.length;
  }

  // ---- term helpers --------------------------------------------------------------------------

  protected term(value: TermValue, start: number, end: number): Term {
    return { value, loc: { start, end } };
  }

  protected varTerm(name: string, loc: Loc): Term {
    return { value: { type: 'var', name }, loc };
  }

  /** Operator ref term `equal`, `plus`, … for the current token when `accept` holds, then steps over it. */
  protected parseTermOp(accept: (t: Tok) => boolean): Term | undefined {
    const t = this.tok();
    if (!accept(t)) return undefined;
    const loc = this.curLoc;
    const name = TOKEN_NAMES[t];
    this.scan();
    return { value: { type: 'ref', terms: [this.varTerm(name, loc)] }, loc };
  }

  /** `internal.member_2` / `internal.member_3` ref at the current `in` token, then steps over it. */
  protected parseMemberOp(arity: 2 | 3): Term | undefined {
    if (this.tok() !== Tok.In) return undefined;
    const loc = this.curLoc;
    this.scan();
    return {
      value: { type: 'ref', terms: [this.varTerm('internal', loc), { value: { type: 'string', value: `member_${arity}` }, loc }] },
      loc,
    };
  }

  protected genWildcard(): string {
    return `$${this.s.wildcard++}`;
  }

  protected abstract parseBody(end: Tok): Body | undefined;
  protected abstract parseLiteral(): Expr | undefined;
}

export function isRootDocument(t: Term): boolean {
  return t.value.type === 'var' && (t.value.name === 'data' || t.value.name === 'input');
}

/** An expression's `terms` is a single Term (not a call, `some` or `every`). */
export function isTermExpr(t: Expr['terms']): t is Term {
  return !('kind' in t);
}
