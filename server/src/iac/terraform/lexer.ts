// HCL native-syntax lexer. Produces a flat token list in parallel number arrays (kind, start,
// end) so the parser's hot loop reads small integers, never objects or substrings.
// Templates are lexed with a mode stack, like HCL's own scanner: `"` and `<<EOT` enter template
// mode, `${` / `%{` return to normal mode until the matching `}`. Comments are collected on the
// side. The lexer never throws; bad characters become `Invalid` tokens plus one diagnostic.
import type { Comment, ParseDiagnostic } from './ast';

export const enum T {
  EOF, Newline, Ident, Number,
  // Punctuation and operators.
  LBrace, RBrace, LBrack, RBrack, LParen, RParen, Comma, Dot, Ellipsis, Equal, Colon, DoubleColon,
  Question, FatArrow, Plus, Minus, Star, Slash, Percent, Bang, AndAnd, OrOr, EqEq, NotEq, Lt, Le, Gt, Ge,
  /** `"` opening a quoted template. */
  OQuote,
  /** `"` closing a quoted template. */
  CQuote,
  /** Raw literal text inside a template (escapes not yet resolved). Heredocs: one token per line at most. */
  TemplateLit,
  /** `${` or `${~` */
  TemplateInterp,
  /** `%{` or `%{~` */
  TemplateControl,
  /** `}` or `~}` closing an interpolation or directive. */
  TemplateSeqEnd,
  /** `<<EOT` or `<<-EOT` (the newline after it belongs to the opener). */
  OHeredoc,
  /** The closing marker of a heredoc (without its indentation). */
  CHeredoc,
  Invalid,
}

export interface TokenList {
  kinds: number[];
  starts: number[];
  ends: number[];
  comments: Comment[];
  diagnostics: ParseDiagnostic[];
}

// Mode-stack entries.
const M_BRACE = 0; // `{` in normal mode
const M_INTERP = 1; // `${` / `%{` until its `}`
const M_QUOTED = 2; // inside "…"
const M_HEREDOC = 3; // inside a heredoc body

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;

const asciiIdentStart = new Uint8Array(128);
const asciiIdentPart = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  asciiIdentStart[c] = letter ? 1 : 0;
  asciiIdentPart[c] = letter || (c >= 48 && c <= 57) || c === 45 ? 1 : 0;
}
/** Tokens that are always exactly one character. */
const SINGLE_CHAR_TOKENS: Record<number, T> = {
  40: T.LParen,
  41: T.RParen,
  91: T.LBrack,
  93: T.RBrack,
  44: T.Comma,
  63: T.Question,
  43: T.Plus,
  45: T.Minus,
  42: T.Star,
  37: T.Percent,
};
const unicodeIdStart = /\p{ID_Start}/u;
const unicodeIdContinue = /\p{ID_Continue}/u;

function isIdentStartAt(text: string, pos: number, c: number): boolean {
  if (pos >= text.length) return false;
  if (c < 128) return asciiIdentStart[c] === 1;
  return unicodeIdStart.test(String.fromCodePoint(text.codePointAt(pos) ?? c));
}

/** Length (UTF-16 units) of the identifier starting at `pos`, whose first char is known valid. */
function scanIdentEnd(text: string, pos: number): number {
  const len = text.length;
  let p = pos + (text.charCodeAt(pos) >= 0xd800 && text.charCodeAt(pos) <= 0xdbff ? 2 : 1);
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (asciiIdentPart[c] !== 1) break;
      p++;
      continue;
    }
    const cp = text.codePointAt(p) ?? c;
    if (!unicodeIdContinue.test(String.fromCodePoint(cp))) break;
    p += cp > 0xffff ? 2 : 1;
  }
  return p;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `template: true` lexes the whole text as a template body (a `templatefile` file): heredoc
 * rules without markers, ended by a zero-width CHeredoc at the end of the text.
 */
export function lexTerraform(text: string, options?: { template?: boolean }): TokenList {
  const kinds: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const comments: Comment[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  const len = text.length;

  // Mode stack, with per-entry opener start, heredoc marker and "at line start" flag.
  const modes: number[] = [];
  const modeStarts: number[] = [];
  const modeEnds: number[] = [];
  const markers: string[] = [];
  const lineStart: boolean[] = [];
  /** Open ( and [ directly inside each interpolation entry (a newline at zero ends a quoted one). */
  const nest: number[] = [];
  /** Index of the token that opened each entry. */
  const openerTokens: number[] = [];

  let pos = 0;
  if (len > 0 && text.charCodeAt(0) === 0xfeff) pos = 1; // byte-order mark
  const templateBody = options?.template === true;

  const emit = (kind: number, start: number, end: number): void => {
    kinds.push(kind);
    starts.push(start);
    ends.push(end);
  };
  const error = (start: number, end: number, message: string): void => {
    diagnostics.push({ start, end, message, severity: 'error' });
  };
  const push = (mode: number, start: number, end: number, marker = ''): void => {
    modes.push(mode);
    modeStarts.push(start);
    modeEnds.push(end);
    markers.push(marker);
    lineStart.push(true);
    nest.push(0);
    openerTokens.push(kinds.length - 1);
  };
  const pop = (): void => {
    modes.pop();
    modeStarts.pop();
    modeEnds.pop();
    markers.pop();
    lineStart.pop();
    nest.pop();
    openerTokens.pop();
  };
  /** True when the top entry is an interpolation of a quoted string with no ( or [ open in it. */
  const inBareQuotedInterp = (top: number): boolean =>
    top >= 1 && modes[top] === M_INTERP && modes[top - 1] === M_QUOTED && nest[top] === 0;
  const adjustNest = (delta: number): void => {
    const top = modes.length - 1;
    if (top >= 0 && modes[top] === M_INTERP && nest[top] + delta >= 0) nest[top] += delta;
  };
  /**
   * A quoted string's interpolation still open at a newline right after an operand or a dot
   * (`"${var.x` or `"${var.` + newline): the user forgot the "}". End the interpolation and the
   * string here (zero-width closers) so the next line keeps its meaning. Newlines after `${`, an
   * operator or a comma, and inside ( ) or [ ], stay valid as HCL allows.
   */
  const newlineInQuotedInterp = (): void => {
    const top = modes.length - 1;
    if (!inBareQuotedInterp(top)) return;
    // Only on the interpolation's first line: once a newline was accepted, it is deliberate.
    if (lineStart[top] && endsExpression(lastKind())) closeQuotedInterp(top);
    else lineStart[top] = false;
  };
  const closeQuotedInterp = (top: number): void => {
    error(modeStarts[top], modeEnds[top], 'Unterminated template interpolation: expected "}" to close this "${" before the end of the line.');
    emit(T.TemplateSeqEnd, pos, pos);
    pop();
    emit(T.CQuote, pos, pos);
    pop();
  };
  const lastKind = (): number => (kinds.length > 0 ? kinds[kinds.length - 1] : -1);

  /** Quoted-template body: literal text up to `"`, `${`, `%{`, a newline or the end. */
  const lexQuoted = (): void => {
    const litStart = pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 34 /* " */) {
        if (pos > litStart) emit(T.TemplateLit, litStart, pos);
        emit(T.CQuote, pos, pos + 1);
        pos++;
        pop();
        return;
      }
      if (c === 92 /* \ */) {
        const n = text.charCodeAt(pos + 1);
        pos += n === CH_LF || n === CH_CR || pos + 1 >= len ? 1 : 2;
        continue;
      }
      if (c === 36 /* $ */ || c === 37 /* % */) {
        const n = text.charCodeAt(pos + 1);
        if (n === 123 /* { */) {
          if (pos > litStart) emit(T.TemplateLit, litStart, pos);
          const tilde = text.charCodeAt(pos + 2) === 126;
          const end = pos + (tilde ? 3 : 2);
          emit(c === 36 ? T.TemplateInterp : T.TemplateControl, pos, end);
          push(M_INTERP, pos, end);
          pos = end;
          return;
        }
        if (n === c && text.charCodeAt(pos + 2) === 123) {
          pos += 3; // `$${` / `%%{`: a literal `${` / `%{`
          continue;
        }
        pos++;
        continue;
      }
      if (c === CH_LF || (c === CH_CR && text.charCodeAt(pos + 1) === CH_LF)) break;
      pos++;
    }
    if (pos > litStart) emit(T.TemplateLit, litStart, pos);
    const top = modes.length - 1;
    if (pos < len && inBareQuotedInterp(top - 1) && reinterpretAsForgottenBrace(top)) return;
    const where = pos < len ? 'the end of the line' : 'the end of the file';
    error(modeStarts[top], pos, `Unterminated template string: no closing quote (") before ${where}.`);
    emit(T.CQuote, pos, pos);
    pop();
  };

  /**
   * `"${var.x"` then a newline: the inner `"` was taken as opening a nested string, but the user
   * forgot the `}`. Take the inner `"` back as the outer string's closing quote, close the
   * interpolation before it (zero-width) and lex the rest of the line normally.
   */
  const reinterpretAsForgottenBrace = (top: number): boolean => {
    const quote = openerTokens[top];
    for (let t = quote + 1; t < kinds.length; t++) if (kinds[t] !== T.TemplateLit) return false;
    const quoteStart = starts[quote];
    kinds.length = starts.length = ends.length = quote;
    pop(); // the nested string
    error(modeStarts[top - 1], modeEnds[top - 1], 'Unterminated template interpolation: expected "}" to close this "${" before the closing quote.');
    emit(T.TemplateSeqEnd, quoteStart, quoteStart);
    pop(); // the interpolation
    emit(T.CQuote, quoteStart, quoteStart + 1);
    pop(); // the outer string
    pos = quoteStart + 1;
    return true;
  };

  /** Heredoc body: one literal token per line (or part of a line), or the closing marker. */
  const lexHeredoc = (): void => {
    const top = modes.length - 1;
    const marker = markers[top];
    const bare = templateBody && top === 0; // a template file has no closing marker
    if (lineStart[top] && !bare) {
      let p = pos;
      while (p < len) {
        const c = text.charCodeAt(p);
        if (c !== CH_SPACE && c !== CH_TAB) break;
        p++;
      }
      if (text.startsWith(marker, p)) {
        const after = p + marker.length;
        // HCL compares the line with its surrounding spaces trimmed: `EOT  ` closes too.
        let q = after;
        while (q < len && (text.charCodeAt(q) === CH_SPACE || text.charCodeAt(q) === CH_TAB)) q++;
        const c = q < len ? text.charCodeAt(q) : CH_LF;
        if (c === CH_LF || (c === CH_CR && text.charCodeAt(q + 1) === CH_LF) || q >= len) {
          emit(T.CHeredoc, p, after);
          pos = after;
          pop();
          return;
        }
      }
    }
    const litStart = pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === CH_LF) {
        pos++;
        emit(T.TemplateLit, litStart, pos);
        lineStart[top] = true;
        return;
      }
      if ((c === 36 || c === 37) && pos + 1 < len) {
        const n = text.charCodeAt(pos + 1);
        if (n === 123) {
          if (pos > litStart) emit(T.TemplateLit, litStart, pos);
          const tilde = text.charCodeAt(pos + 2) === 126;
          const end = pos + (tilde ? 3 : 2);
          emit(c === 36 ? T.TemplateInterp : T.TemplateControl, pos, end);
          lineStart[top] = false;
          push(M_INTERP, pos, end);
          pos = end;
          return;
        }
        if (n === c && text.charCodeAt(pos + 2) === 123) {
          pos += 3;
          continue;
        }
      }
      pos++;
    }
    if (pos > litStart) emit(T.TemplateLit, litStart, pos);
    if (!bare) {
      error(modeStarts[top], modeEnds[top], `Unterminated heredoc: no closing marker "${marker}" before the end of the file.`);
    }
    emit(T.CHeredoc, pos, pos);
    pop();
  };

  /** `<<EOT` / `<<-EOT` followed directly by a newline; returns false when it is not a heredoc. */
  const tryHeredoc = (): boolean => {
    let p = pos + 2;
    if (text.charCodeAt(p) === 45 /* - */) p++;
    const c = text.charCodeAt(p);
    if (!(c < 128 ? asciiIdentStart[c] === 1 : isIdentStartAt(text, p, c))) return false;
    const markerEnd = scanIdentEnd(text, p);
    let nl = markerEnd;
    while (text.charCodeAt(nl) === CH_SPACE || text.charCodeAt(nl) === CH_TAB) nl++;
    const trailing = nl;
    if (text.charCodeAt(nl) === CH_CR) nl++;
    if (text.charCodeAt(nl) !== CH_LF) return false;
    // HCL wants the newline right after the marker; still read the heredoc so later lines keep their meaning.
    if (trailing > markerEnd) error(markerEnd, trailing, 'Invalid heredoc: the newline must follow the heredoc marker directly; remove the trailing spaces.');
    emit(T.OHeredoc, pos, markerEnd);
    push(M_HEREDOC, pos, markerEnd, text.slice(p, markerEnd));
    pos = nl + 1;
    return true;
  };

  if (templateBody) {
    emit(T.OHeredoc, pos, pos);
    push(M_HEREDOC, pos, pos);
  }
  while (pos < len) {
    const mode = modes.length > 0 ? modes[modes.length - 1] : M_BRACE;
    if (mode === M_QUOTED) {
      lexQuoted();
      continue;
    }
    if (mode === M_HEREDOC) {
      lexHeredoc();
      continue;
    }
    const c = text.charCodeAt(pos);
    const start = pos;
    switch (c) {
      case CH_SPACE:
      case CH_TAB:
        pos++;
        continue;
      case CH_CR:
        if (text.charCodeAt(pos + 1) === CH_LF) {
          newlineInQuotedInterp();
          emit(T.Newline, pos, pos + 2);
          pos += 2;
        } else pos++;
        continue;
      case CH_LF:
        newlineInQuotedInterp();
        emit(T.Newline, pos, pos + 1);
        pos++;
        continue;
      case 35 /* # */:
        pos = lineCommentEnd(text, pos);
        comments.push({ start, end: pos, text: text.slice(start, pos), style: 'hash' });
        continue;
      case 47 /* / */: {
        const n = text.charCodeAt(pos + 1);
        if (n === 47) {
          pos = lineCommentEnd(text, pos);
          comments.push({ start, end: pos, text: text.slice(start, pos), style: 'slash' });
          continue;
        }
        if (n === 42 /* * */) {
          const close = text.indexOf('*/', pos + 2);
          if (close < 0) {
            pos = len;
            error(start, start + 2, 'Unterminated comment: no closing "*/" before the end of the file.');
          } else pos = close + 2;
          comments.push({ start, end: pos, text: text.slice(start, pos), style: 'block' });
          continue;
        }
        emit(T.Slash, pos, ++pos);
        continue;
      }
      case 123 /* { */:
        emit(T.LBrace, pos, pos + 1);
        push(M_BRACE, pos, pos + 1);
        pos++;
        continue;
      case 125 /* } */:
        if (modes.length > 0) {
          const top = modes[modes.length - 1];
          pop();
          emit(top === M_INTERP ? T.TemplateSeqEnd : T.RBrace, pos, pos + 1);
        } else emit(T.RBrace, pos, pos + 1);
        pos++;
        continue;
      case 126 /* ~ */:
        if (text.charCodeAt(pos + 1) === 125 && modes.length > 0 && modes[modes.length - 1] === M_INTERP) {
          pop();
          emit(T.TemplateSeqEnd, pos, pos + 2);
          pos += 2;
          continue;
        }
        break;
      case 34 /* " */:
        emit(T.OQuote, pos, pos + 1);
        push(M_QUOTED, pos, pos + 1);
        pos++;
        continue;
      case 40 /* ( */:
      case 91 /* [ */:
        adjustNest(1);
        emit(SINGLE_CHAR_TOKENS[c], pos, ++pos);
        continue;
      case 41 /* ) */:
      case 93 /* ] */:
        adjustNest(-1);
        emit(SINGLE_CHAR_TOKENS[c], pos, ++pos);
        continue;
      case 44 /* , */:
      case 63 /* ? */:
      case 43 /* + */:
      case 45 /* - */:
      case 42 /* * */:
      case 37 /* % */:
        emit(SINGLE_CHAR_TOKENS[c], pos, ++pos);
        continue;
      case 46 /* . */:
        if (text.charCodeAt(pos + 1) === 46 && text.charCodeAt(pos + 2) === 46) {
          emit(T.Ellipsis, pos, (pos += 3));
        } else emit(T.Dot, pos, ++pos);
        continue;
      case 61 /* = */: {
        const n = text.charCodeAt(pos + 1);
        if (n === 61) emit(T.EqEq, pos, (pos += 2));
        else if (n === 62) emit(T.FatArrow, pos, (pos += 2));
        else emit(T.Equal, pos, ++pos);
        continue;
      }
      case 33 /* ! */:
        if (text.charCodeAt(pos + 1) === 61) emit(T.NotEq, pos, (pos += 2));
        else emit(T.Bang, pos, ++pos);
        continue;
      case 60 /* < */: {
        const n = text.charCodeAt(pos + 1);
        if (n === 60 && tryHeredoc()) continue;
        if (n === 61) emit(T.Le, pos, (pos += 2));
        else emit(T.Lt, pos, ++pos);
        continue;
      }
      case 62 /* > */:
        if (text.charCodeAt(pos + 1) === 61) emit(T.Ge, pos, (pos += 2));
        else emit(T.Gt, pos, ++pos);
        continue;
      case 38 /* & */:
        if (text.charCodeAt(pos + 1) === 38) {
          emit(T.AndAnd, pos, (pos += 2));
          continue;
        }
        break;
      case 124 /* | */:
        if (text.charCodeAt(pos + 1) === 124) {
          emit(T.OrOr, pos, (pos += 2));
          continue;
        }
        break;
      case 58 /* : */:
        if (text.charCodeAt(pos + 1) === 58) emit(T.DoubleColon, pos, (pos += 2));
        else emit(T.Colon, pos, ++pos);
        continue;
      default:
        if (isDigit(c)) {
          pos = scanNumberEnd(text, pos, lastKind() === T.Dot);
          emit(T.Number, start, pos);
          continue;
        }
        if (c < 128 ? asciiIdentStart[c] === 1 : isIdentStartAt(text, pos, c)) {
          pos = scanIdentEnd(text, pos);
          emit(T.Ident, start, pos);
          continue;
        }
    }
    // A run of characters that cannot start any token: one Invalid token, one diagnostic.
    // A 'single-quoted string' on one line is taken whole, so it yields one error, not three.
    pos = c === 39 ? singleQuotedEnd(text, pos) : invalidRunEnd(text, pos);
    emit(T.Invalid, start, pos);
    error(start, pos, invalidCharMessage(text, start));
  }
  // Close whatever is still open at the end of the file with zero-width closers. Only the
  // innermost construct is reported: the enclosing ones are unterminated for the same reason.
  const reportedBefore = diagnostics.length;
  while (modes.length > 0) {
    const top = modes.length - 1;
    const mode = modes[top];
    const quiet = diagnostics.length > reportedBefore;
    if (mode === M_INTERP) {
      if (!quiet) error(modeStarts[top], modeEnds[top], 'Unterminated template interpolation: no closing "}" before the end of the file.');
      emit(T.TemplateSeqEnd, len, len);
      pop();
    } else if (mode === M_QUOTED || mode === M_HEREDOC) {
      const before = diagnostics.length;
      if (mode === M_QUOTED) lexQuoted();
      else lexHeredoc();
      if (quiet) diagnostics.length = before;
    } else pop(); // an open `{` is the parser's to report
  }
  emit(T.EOF, len, len);
  return { kinds, starts, ends, comments, diagnostics };
}

/** Token kinds after which a newline inside a quoted string's `${` means a forgotten `}`. */
function endsExpression(kind: number): boolean {
  return (
    kind === T.Dot ||
    kind === T.Ident ||
    kind === T.Number ||
    kind === T.RParen ||
    kind === T.RBrack ||
    kind === T.RBrace ||
    kind === T.CQuote ||
    kind === T.CHeredoc ||
    kind === T.Star
  );
}

function lineCommentEnd(text: string, pos: number): number {
  let nl = text.indexOf('\n', pos);
  if (nl < 0) nl = text.length;
  if (nl > pos && text.charCodeAt(nl - 1) === CH_CR) nl--;
  return nl;
}

/** Digits, optional fraction (not directly after `.`, so `a.0.1` stays two legacy indexes), optional exponent. */
function scanNumberEnd(text: string, pos: number, afterDot: boolean): number {
  const len = text.length;
  while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
  if (!afterDot && text.charCodeAt(pos) === 46 && isDigit(text.charCodeAt(pos + 1))) {
    pos += 2;
    while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (!afterDot && (e === 101 || e === 69)) {
    let p = pos + 1;
    const s = text.charCodeAt(p);
    if (s === 43 || s === 45) p++;
    if (isDigit(text.charCodeAt(p))) {
      while (p < len && isDigit(text.charCodeAt(p))) p++;
      pos = p;
    }
  }
  return pos;
}

function startsToken(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c === CH_SPACE || c === CH_TAB || c === CH_LF || c === CH_CR) return true;
  if (c < 128) {
    if (c === 38 || c === 124) return text.charCodeAt(pos + 1) === c;
    if (c === 126) return text.charCodeAt(pos + 1) === 125;
    // Printable ASCII other than these is a token start (or, like @ ` ^ \ ;, invalid on its own).
    return c > 32 && c !== 64 && c !== 96 && c !== 94 && c !== 92 && c !== 59 && c !== 127 && c !== 39;
  }
  return isIdentStartAt(text, pos, c);
}

function singleQuotedEnd(text: string, pos: number): number {
  const close = text.indexOf("'", pos + 1);
  const nl = text.indexOf('\n', pos + 1);
  if (close > pos && (nl < 0 || close < nl)) return close + 1;
  return invalidRunEnd(text, pos);
}

function invalidRunEnd(text: string, pos: number): number {
  const len = text.length;
  const c = text.charCodeAt(pos);
  pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < len ? 2 : 1;
  for (;;) {
    while (pos < len && !startsToken(text, pos)) pos++;
    // Invalid characters separated only by spaces or tabs form one run (one diagnostic).
    let next = pos;
    while (next < len && (text.charCodeAt(next) === CH_SPACE || text.charCodeAt(next) === CH_TAB)) next++;
    if (next === pos || next >= len || startsToken(text, next)) return pos;
    pos = next;
  }
}

function invalidCharMessage(text: string, pos: number): string {
  const c = text.charCodeAt(pos);
  if (c === 39) return 'Invalid character: single quotes are not valid; use double quotes (") to enclose strings.';
  if (c === 59) return 'Invalid character: the ";" character is not valid; use newlines to separate arguments and blocks, and commas to separate items in collection values.';
  if (c === 38 || c === 124) return `Invalid character: "${text[pos]}" is not valid; did you mean "${text[pos]}${text[pos]}"?`;
  if (c < 32 || c === 127) return `Invalid character: control character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not valid here.`;
  return `Invalid character: "${String.fromCodePoint(text.codePointAt(pos) ?? c)}" is not valid here.`;
}
