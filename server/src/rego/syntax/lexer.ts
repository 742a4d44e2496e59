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

function lexText(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, (n >> 2) + 4);
  let kinds = new Uint8Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  const errors = new Map<number, string[]>();
  const comments: { start: number; end: number; before: number }[] = [];
  let count = 0;
  let pendingFlags = 0;
  // Template strings: a stack of open `{` counts, one per template expression being lexed.
  const templates: { raw: boolean; depth: number }[] = [];

  const push = (kind: Tok, start: number, end: number): number => {
    if (count === cap) {
      cap *= 2;
      const k = new Uint8Array(cap); k.set(kinds); kinds = k;
      const s = new Int32Array(cap); s.set(starts); starts = s;
      const e = new Int32Array(cap); e.set(ends); ends = e;
      const f = new Uint8Array(cap); f.set(flags); flags = f;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    flags[count] = pendingFlags;
    pendingFlags = 0;
    return count++;
  };
  const fail = (token: number, message: string): void => {
    kinds[token] = Tok.Illegal;
    const list = errors.get(token);
    if (list) list.push(message);
    else errors.set(token, [message]);
  };

  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;

  // Scans a (raw) template-string part starting at `i` (just after `$"`, `` $` `` or the closing
  // `}` of an expression); `start` is where the part's literal begins.
  const scanTemplatePart = (start: number, raw: boolean): void => {
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
    const t = push(kind, start, i);
    for (const e of errs) fail(t, e);
    if (kind === Tok.TemplateStringPart || kind === Tok.RawTemplateStringPart) templates.push({ raw, depth: 0 });
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === CH_SP || c === CH_TAB || c === CH_CR) {
      pendingFlags |= WS_BEFORE;
      i++;
      continue;
    }
    if (c === CH_NL) {
      pendingFlags |= WS_BEFORE | NL_BEFORE;
      i++;
      continue;
    }
    const start = i;
    if (isLetter(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isLetter(d) || isDecimal(d)) i++;
        else if (d >= 128 && isDigitAt(text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
        else break;
      }
      // Keywords are 2 to 8 letters long; skip the lookup for anything else.
      const len = i - start;
      push(len >= 2 && len <= 8 ? KEYWORD_KINDS.get(text.slice(start, i)) ?? Tok.Ident : Tok.Ident, start, i);
      continue;
    }
    if (isDecimal(c)) {
      const errs: string[] = [];
      i++;
      while (isDecimal(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46) {
        i++;
        const f = i;
        while (isDecimal(text.charCodeAt(i))) i++;
        if (i === f) errs.push('expected fraction');
      }
      if ((text.charCodeAt(i) | 32) === 101) {
        i++;
        const s = text.charCodeAt(i);
        if (s === 43 || s === 45) i++;
        const f = i;
        while (isDecimal(text.charCodeAt(i))) i++;
        if (i === f) errs.push('expected exponent');
      }
      if (isLetter(text.charCodeAt(i))) {
        errs.push('illegal number format');
        while (i < n && (isLetter(text.charCodeAt(i)) || isDigitAt(text, i))) i++;
      }
      const t = push(Tok.Number, start, i);
      for (const e of errs) fail(t, e);
      continue;
    }
    i++;
    switch (c) {
      case 35: { // '#'
        while (i < n && text.charCodeAt(i) !== CH_NL) i++;
        let end = i;
        if (end > start && text.charCodeAt(end - 1) === CH_CR) end--;
        const body = text.slice(start, end);
        if (body.includes('\0')) {
          const t = push(Tok.Illegal, start, i);
          fail(t, 'illegal null character');
        } else {
          comments.push({ start, end, before: count });
          pendingFlags |= WS_BEFORE;
        }
        continue;
      }
      case 34: { // '"'
        const errs: string[] = [];
        for (;;) {
          if (i >= n || text.charCodeAt(i) === CH_NL) {
            errs.push('non-terminated string');
            break;
          }
          const d = text.charCodeAt(i++);
          if (d === 34) break;
          if (d === 0) errs.push('illegal null character');
          if (d === 92) {
            const e = text.charCodeAt(i);
            if (e === 92 || e === 34 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i++;
            // OPA steps over `u` and three more characters, whatever they are; the JSON decoding
            // of the literal reports bad hex digits later ("illegal string literal").
            else if (e === 117) i = Math.min(n, i + 4);
            else errs.push('illegal escape sequence');
          }
        }
        const t = push(Tok.String, start, i);
        for (const e of errs) fail(t, e);
        continue;
      }
      case 96: { // '`'
        const close = text.indexOf('`', i);
        const t = push(Tok.String, start, close < 0 ? n : close + 1);
        i = close < 0 ? n : close + 1;
        if (close < 0) fail(t, 'non-terminated string');
        else if (text.slice(start, i).includes('\0')) fail(t, 'illegal null character');
        continue;
      }
      case 91: push(Tok.LBrack, start, i); continue;
      case 93: push(Tok.RBrack, start, i); continue;
      case 123:
        if (templates.length > 0) templates[templates.length - 1].depth++;
        push(Tok.LBrace, start, i);
        continue;
      case 125: {
        push(Tok.RBrace, start, i);
        const top = templates[templates.length - 1];
        if (top) {
          if (top.depth === 0) {
            templates.pop();
            scanTemplatePart(start, top.raw);
          } else top.depth--;
        }
        continue;
      }
      case 40: push(Tok.LParen, start, i); continue;
      case 41: push(Tok.RParen, start, i); continue;
      case 44: push(Tok.Comma, start, i); continue;
      case 58:
        if (text.charCodeAt(i) === 61) { i++; push(Tok.Assign, start, i); } else push(Tok.Colon, start, i);
        continue;
      case 43: push(Tok.Add, start, i); continue;
      case 45: push(Tok.Sub, start, i); continue;
      case 42: push(Tok.Mul, start, i); continue;
      case 47: push(Tok.Quo, start, i); continue;
      case 37: push(Tok.Rem, start, i); continue;
      case 38: push(Tok.And, start, i); continue;
      case 124: push(Tok.Or, start, i); continue;
      case 61:
        if (text.charCodeAt(i) === 61) { i++; push(Tok.Equal, start, i); } else push(Tok.Unify, start, i);
        continue;
      case 62:
        if (text.charCodeAt(i) === 61) { i++; push(Tok.Gte, start, i); } else push(Tok.Gt, start, i);
        continue;
      case 60:
        if (text.charCodeAt(i) === 61) { i++; push(Tok.Lte, start, i); } else push(Tok.Lt, start, i);
        continue;
      case 33:
        if (text.charCodeAt(i) === 61) { i++; push(Tok.Neq, start, i); } else fail(push(Tok.Illegal, start, i), 'illegal ! character');
        continue;
      case 59: push(Tok.Semicolon, start, i); continue;
      case 46: push(Tok.Dot, start, i); continue;
      case 36: { // '$'
        const d = text.charCodeAt(i);
        if (d === 34 || d === 96) {
          i++;
          scanTemplatePart(start, d === 96);
        } else fail(push(Tok.Illegal, start, i), 'illegal $ character');
        continue;
      }
      default: {
        // Any other character: OPA's scanner yields an illegal token without a message of its own.
        if (c >= 0xd800 && c <= 0xdbff && i < n) i++;
        const t = push(Tok.Illegal, start, i);
        if (c === 0) fail(t, 'illegal null character');
        else if (c === 0xfeff) fail(t, 'illegal byte-order mark');
        continue;
      }
    }
  }
  push(Tok.EOF, n, n);
  return { text, count, kinds, starts, ends, flags, errors, comments };
}
