// Rego lexer. Scans the whole text once into parallel arrays of significant tokens (whitespace and
// comments are folded into per-token flags), so the parser can save/restore its position as a
// single index. Token kinds and error messages follow OPA's scanner (v1/ast/internal/scanner).
//
// Keywords are resolved in two steps: the base keywords (`package`, `import`, …) get their own
// kinds here; the "future" keywords (`in`, `every`, `contains`, `if`) get theirs too, and the parser
// turns them back into identifiers when they are not enabled (Rego v0 without imports).

export const enum Tok {
  Illegal,
  EOF,
  Whitespace,
  Ident,
  Comment,
  Package,
  Import,
  As,
  Default,
  Else,
  Not,
  Some,
  With,
  Null,
  True,
  False,
  Number,
  String,
  TemplateStringPart,
  TemplateStringEnd,
  RawTemplateStringPart,
  RawTemplateStringEnd,
  LBrack,
  RBrack,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  Colon,
  Add,
  Sub,
  Mul,
  Quo,
  Rem,
  And,
  Or,
  Unify,
  Equal,
  Assign,
  In,
  Neq,
  Gt,
  Lt,
  Gte,
  Lte,
  Dot,
  Semicolon,
  Every,
  Contains,
  If,
}

/** OPA's token names, used verbatim in error messages ("unexpected assign token"). */
export const TOKEN_NAMES: readonly string[] = [
  'illegal', 'eof', 'whitespace', 'identifier', 'comment',
  'package', 'import', 'as', 'default', 'else', 'not', 'some', 'with', 'null', 'true', 'false',
  'number', 'string', 'template-string-part', 'template-string-end', 'template-string-part', 'template-string-end',
  '[', ']', '{', '}', '(', ')', ',', ':',
  'plus', 'minus', 'mul', 'div', 'rem', 'and', 'or', 'eq', 'equal', 'assign', 'in', 'neq', 'gt', 'lt', 'gte', 'lte',
  '.', ';', 'every', 'contains', 'if',
];

const KEYWORD_KINDS = new Map<string, Tok>([
  ['package', Tok.Package],
  ['import', Tok.Import],
  ['as', Tok.As],
  ['default', Tok.Default],
  ['else', Tok.Else],
  ['not', Tok.Not],
  ['some', Tok.Some],
  ['with', Tok.With],
  ['null', Tok.Null],
  ['true', Tok.True],
  ['false', Tok.False],
  ['in', Tok.In],
  ['every', Tok.Every],
  ['contains', Tok.Contains],
  ['if', Tok.If],
]);

/** Keywords that Rego v0 only knows after `import future.keywords…` / `import rego.v1`. */
export const FUTURE_KEYWORDS: ReadonlyMap<string, Tok> = new Map([
  ['in', Tok.In],
  ['every', Tok.Every],
  ['contains', Tok.Contains],
  ['if', Tok.If],
]);

export function isBaseKeywordTok(t: Tok): boolean {
  return t >= Tok.Package && t <= Tok.False;
}

export function isFutureKeywordTok(t: Tok): boolean {
  return t === Tok.In || t === Tok.Every || t === Tok.Contains || t === Tok.If;
}

/** Flags per token: trivia before it. */
export const WS_BEFORE = 1;
export const NL_BEFORE = 2;

export interface LexError {
  token: number;
  message: string;
}

export interface Tokens {
  text: string;
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  /** Scanner errors, by token index (the token then has kind Illegal, as in OPA). */
  errors: Map<number, string[]>;
  /** Comments in source order, with the index of the first token after each. */
  comments: { start: number; end: number; before: number }[];
}

const CH_NL = 10;
const CH_CR = 13;
const CH_SP = 32;
const CH_TAB = 9;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDecimal(c: number): boolean {
  return c >= 48 && c <= 57;
}
const UNICODE_DIGIT = /\p{Nd}/u;
function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isDecimal(c)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  return UNICODE_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/**
 * The last text lexed and its tokens: callers that look at a text's tokens before parsing it
 * (`detectRegoVersion`, then `parseModule`) lex it once. Tokens are never modified after lexing.
 */
let lastLexed: { text: string; tokens: Tokens } | undefined;

export function lex(text: string): Tokens {
  if (lastLexed && lastLexed.text === text) return lastLexed.tokens;
  const tokens = lexText(text);
  lastLexed = { text, tokens };
  return tokens;
}

/**
 * The token arrays being filled. A class with small methods rather than closures inside lexText:
 * the lexer runs once per file, and closures created per call keep V8 from reusing its optimised
 * code from one file to the next.
 */
class TokenBuffer {
  count = 0;
  /** Trivia flags for the next token. */
  pending = 0;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  readonly errors = new Map<number, string[]>();
  readonly comments: { start: number; end: number; before: number }[] = [];
  /** Template strings: a stack of open `{` counts, one per template expression being lexed. */
  readonly templates: { raw: boolean; depth: number }[] = [];

  constructor(cap: number) {
    this.kinds = new Uint8Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
  }

  push(kind: Tok, start: number, end: number): number {
    if (this.count === this.kinds.length) this.grow();
    const c = this.count;
    this.kinds[c] = kind;
    this.starts[c] = start;
    this.ends[c] = end;
    this.flags[c] = this.pending;
    this.pending = 0;
    return this.count++;
  }

  fail(token: number, message: string): void {
    this.kinds[token] = Tok.Illegal;
    const list = this.errors.get(token);
    if (list) list.push(message);
    else this.errors.set(token, [message]);
  }

  private grow(): void {
    const cap = this.kinds.length * 2;
    const k = new Uint8Array(cap); k.set(this.kinds); this.kinds = k;
    const s = new Int32Array(cap); s.set(this.starts); this.starts = s;
    const e = new Int32Array(cap); e.set(this.ends); this.ends = e;
    const f = new Uint8Array(cap); f.set(this.flags); this.flags = f;
  }
}

/** Pushes one token and records its errors; returns the token index. */
function pushWithErrors(b: TokenBuffer, kind: Tok, start: number, end: number, errs: string[] | undefined): number {
  const t = b.push(kind, start, end);
  if (errs) for (const e of errs) b.fail(t, e);
  return t;
}

function scanIdentEnd(text: string, i: number, n: number): number {
  while (i < n) {
    const d = text.charCodeAt(i);
    if (isLetter(d) || isDecimal(d)) i++;
    else if (d >= 128 && isDigitAt(text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    else break;
  }
  return i;
}

/** A number starting at `start` (a decimal digit); returns its end. */
function scanNumber(b: TokenBuffer, text: string, start: number, n: number): number {
  let errs: string[] | undefined;
  let i = start + 1;
  while (isDecimal(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46) {
    i++;
    const f = i;
    while (isDecimal(text.charCodeAt(i))) i++;
    if (i === f) (errs ??= []).push('expected fraction');
  }
  if ((text.charCodeAt(i) | 32) === 101) {
    i++;
    const s = text.charCodeAt(i);
    if (s === 43 || s === 45) i++;
    const f = i;
    while (isDecimal(text.charCodeAt(i))) i++;
    if (i === f) (errs ??= []).push('expected exponent');
  }
  if (isLetter(text.charCodeAt(i))) {
    (errs ??= []).push('illegal number format');
    while (i < n && (isLetter(text.charCodeAt(i)) || isDigitAt(text, i))) i++;
  }
  pushWithErrors(b, Tok.Number, start, i, errs);
  return i;
}

/** A `"…"` string whose opening quote is at `start`; returns its end. */
function scanString(b: TokenBuffer, text: string, start: number, n: number): number {
  let errs: string[] | undefined;
  let i = start + 1;
  for (;;) {
    if (i >= n || text.charCodeAt(i) === CH_NL) {
      (errs ??= []).push('non-terminated string');
      break;
    }
    const d = text.charCodeAt(i++);
    if (d === 34) break;
    if (d === 0) (errs ??= []).push('illegal null character');
    if (d === 92) {
      const e = text.charCodeAt(i);
      if (e === 92 || e === 34 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i++;
      // OPA steps over `u` and three more characters, whatever they are; the JSON decoding
      // of the literal reports bad hex digits later ("illegal string literal").
      else if (e === 117) i = Math.min(n, i + 4);
      else (errs ??= []).push('illegal escape sequence');
    }
  }
  pushWithErrors(b, Tok.String, start, i, errs);
  return i;
}

/** A comment starting at `start` (`#`); returns the end of its line (before the newline). */
function scanComment(b: TokenBuffer, text: string, start: number, n: number): number {
  let i = start + 1;
  while (i < n && text.charCodeAt(i) !== CH_NL) i++;
  let end = i;
  if (end > start && text.charCodeAt(end - 1) === CH_CR) end--;
  if (text.slice(start, end).includes('\0')) {
    const t = b.push(Tok.Illegal, start, i);
    b.fail(t, 'illegal null character');
  } else {
    b.comments.push({ start, end, before: b.count });
    b.pending |= WS_BEFORE;
  }
  return i;
}

/**
 * Scans a (raw) template-string part starting at `i` (just after `$"`, `` $` `` or the closing `}`
 * of an expression); `start` is where the part's literal begins. Returns the part's end.
 */
function scanTemplatePart(b: TokenBuffer, text: string, start: number, i: number, n: number, raw: boolean): number {
  const errs: string[] = [];
  let kind = raw ? Tok.RawTemplateStringPart : Tok.TemplateStringPart;
  for (;;) {
    if (i >= n || (!raw && text.charCodeAt(i) === CH_NL)) {
      errs.push('non-terminated string');
      break;
    }
    const c = text.charCodeAt(i++);
    if (c === 0) errs.push('illegal null character');
    if (c === (raw ? 96 : 34)) {
      kind = raw ? Tok.RawTemplateStringEnd : Tok.TemplateStringEnd;
      break;
    }
    if (c === 123) break;
    if (c === 92) {
      const d = text.charCodeAt(i);
      if (raw) {
        if (d === 123) i++;
        continue;
      }
      if (d === 92 || d === 34 || d === 47 || d === 98 || d === 102 || d === 110 || d === 114 || d === 116 || d === 123) i++;
      else if (d === 117) i = Math.min(n, i + 4);
      else errs.push('illegal escape sequence');
    }
  }
  pushWithErrors(b, kind, start, i, errs);
  if (kind === Tok.TemplateStringPart || kind === Tok.RawTemplateStringPart) b.templates.push({ raw, depth: 0 });
  return i;
}

/** One- and two-character operators and punctuation at `start` (`c` is its first character); returns the end. */
function scanPunctuation(b: TokenBuffer, text: string, c: number, start: number, n: number): number {
  const i = start + 1;
  const next = text.charCodeAt(i);
  switch (c) {
    case 91: b.push(Tok.LBrack, start, i); return i;
    case 93: b.push(Tok.RBrack, start, i); return i;
    case 123:
      if (b.templates.length > 0) b.templates[b.templates.length - 1].depth++;
      b.push(Tok.LBrace, start, i);
      return i;
    case 125: {
      b.push(Tok.RBrace, start, i);
      const top = b.templates[b.templates.length - 1];
      if (top) {
        if (top.depth === 0) {
          b.templates.pop();
          return scanTemplatePart(b, text, start, i, n, top.raw);
        }
        top.depth--;
      }
      return i;
    }
    case 40: b.push(Tok.LParen, start, i); return i;
    case 41: b.push(Tok.RParen, start, i); return i;
    case 44: b.push(Tok.Comma, start, i); return i;
    case 58:
      if (next === 61) { b.push(Tok.Assign, start, i + 1); return i + 1; }
      b.push(Tok.Colon, start, i);
      return i;
    case 43: b.push(Tok.Add, start, i); return i;
    case 45: b.push(Tok.Sub, start, i); return i;
    case 42: b.push(Tok.Mul, start, i); return i;
    case 47: b.push(Tok.Quo, start, i); return i;
    case 37: b.push(Tok.Rem, start, i); return i;
    case 38: b.push(Tok.And, start, i); return i;
    case 124: b.push(Tok.Or, start, i); return i;
    case 61:
      if (next === 61) { b.push(Tok.Equal, start, i + 1); return i + 1; }
      b.push(Tok.Unify, start, i);
      return i;
    case 62:
      if (next === 61) { b.push(Tok.Gte, start, i + 1); return i + 1; }
      b.push(Tok.Gt, start, i);
      return i;
    case 60:
      if (next === 61) { b.push(Tok.Lte, start, i + 1); return i + 1; }
      b.push(Tok.Lt, start, i);
      return i;
    case 33:
      if (next === 61) { b.push(Tok.Neq, start, i + 1); return i + 1; }
      b.fail(b.push(Tok.Illegal, start, i), 'illegal ! character');
      return i;
    case 59: b.push(Tok.Semicolon, start, i); return i;
    case 46: b.push(Tok.Dot, start, i); return i;
    case 36: { // '$'
      if (next === 34 || next === 96) return scanTemplatePart(b, text, start, i + 1, n, next === 96);
      b.fail(b.push(Tok.Illegal, start, i), 'illegal $ character');
      return i;
    }
    default: {
      // Any other character: OPA's scanner yields an illegal token without a message of its own.
      const end = c >= 0xd800 && c <= 0xdbff && i < n ? i + 1 : i;
      const t = b.push(Tok.Illegal, start, end);
      if (c === 0) b.fail(t, 'illegal null character');
      else if (c === 0xfeff) b.fail(t, 'illegal byte-order mark');
      return end;
    }
  }
}

function lexText(text: string): Tokens {
  const n = text.length;
  const b = new TokenBuffer(Math.max(16, (n >> 2) + 4));
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === CH_SP || c === CH_TAB || c === CH_CR) {
      b.pending |= WS_BEFORE;
      i++;
    } else if (c === CH_NL) {
      b.pending |= WS_BEFORE | NL_BEFORE;
      i++;
    } else if (isLetter(c)) {
      const start = i;
      i = scanIdentEnd(text, i + 1, n);
      // Keywords are 2 to 8 letters long; skip the lookup for anything else.
      const len = i - start;
      b.push(len >= 2 && len <= 8 ? KEYWORD_KINDS.get(text.slice(start, i)) ?? Tok.Ident : Tok.Ident, start, i);
    } else if (isDecimal(c)) {
      i = scanNumber(b, text, i, n);
    } else if (c === 35) {
      i = scanComment(b, text, i, n);
    } else if (c === 34) {
      i = scanString(b, text, i, n);
    } else if (c === 96) { // '`'
      const start = i;
      const close = text.indexOf('`', i + 1);
      i = close < 0 ? n : close + 1;
      const t = b.push(Tok.String, start, i);
      if (close < 0) b.fail(t, 'non-terminated string');
      else if (text.slice(start, i).includes('\0')) b.fail(t, 'illegal null character');
    } else {
      i = scanPunctuation(b, text, c, i, n);
    }
  }
  b.push(Tok.EOF, n, n);
  return { text, count: b.count, kinds: b.kinds, starts: b.starts, ends: b.ends, flags: b.flags, errors: b.errors, comments: b.comments };
}
