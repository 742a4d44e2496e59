// HCL native-syntax lexer. Produces a flat token list in parallel typed arrays (kind, start,
// end) so the parser's hot loop reads small integers, never objects or substrings.
// Templates are lexed with a mode stack, like HCL's own scanner: `"` and `<<EOT` enter template
// mode, `${` / `%{` return to normal mode until the matching `}`. Comments are collected on the
// side. The lexer never throws; bad characters become `Invalid` tokens plus one diagnostic.
import type { Comment, ParseDiagnostic } from './ast';
import {
  asciiIdentStart, Ch, invalidCharMessage, invalidRunEnd, isDigit, isIdentStartAt,
  lineCommentEnd, scanIdentEnd, scanNumberEnd, singleQuotedEnd,
} from './lexer-scan';

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
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  comments: Comment[];
  diagnostics: ParseDiagnostic[];
}

// Mode-stack entries.
const M_BRACE = 0; // `{` in normal mode
const M_INTERP = 1; // `${` / `%{` until its `}`
const M_QUOTED = 2; // inside "…"
const M_HEREDOC = 3; // inside a heredoc body

/** One-character operator and punctuation tokens by character code (0: none; T.EOF is never one). */
const ONE_CHAR_TOKENS = new Uint8Array(128);
/** Two-character operators by `first * 128 + second` character code (0: none). */
const TWO_CHAR_TOKENS = new Uint8Array(128 * 128);
for (const [chars, kind] of [
  ['(', T.LParen], [')', T.RParen], ['[', T.LBrack], [']', T.RBrack], [',', T.Comma], ['?', T.Question],
  ['+', T.Plus], ['-', T.Minus], ['*', T.Star], ['/', T.Slash], ['%', T.Percent], ['.', T.Dot],
  ['=', T.Equal], ['!', T.Bang], ['<', T.Lt], ['>', T.Gt], [':', T.Colon],
  ['==', T.EqEq], ['=>', T.FatArrow], ['!=', T.NotEq], ['<=', T.Le], ['>=', T.Ge], ['&&', T.AndAnd], ['||', T.OrOr], ['::', T.DoubleColon],
] as const) {
  if (chars.length === 1) ONE_CHAR_TOKENS[chars.charCodeAt(0)] = kind;
  else TWO_CHAR_TOKENS[chars.charCodeAt(0) * 128 + chars.charCodeAt(1)] = kind;
}

/** The operator or punctuation token at `pos` (first character `c`) as `width << 8 | kind`, or 0. */
function operatorAt(text: string, pos: number, c: number): number {
  if (c >= 128) return 0;
  const n = text.charCodeAt(pos + 1);
  if (c === 46 /* . */ && n === 46 && text.charCodeAt(pos + 2) === 46) return (3 << 8) | T.Ellipsis;
  const two = n < 128 ? TWO_CHAR_TOKENS[c * 128 + n] : 0;
  if (two !== 0) return (2 << 8) | two;
  const one = ONE_CHAR_TOKENS[c];
  return one !== 0 ? (1 << 8) | one : 0;
}

/**
 * `template: true` lexes the whole text as a template body (a `templatefile` file): heredoc
 * rules without markers, ended by a zero-width CHeredoc at the end of the text.
 */
export function lexTerraform(text: string, options?: { template?: boolean }): TokenList {
  return new Lexer(text, options?.template === true).run();
}

/**
 * The lexer's state. Its steps are methods rather than closures created per call, so the
 * optimizing compiler sees the same functions for every file and compiles them once (closures
 * made anew per file deoptimized it on each new file: "wrong call target").
 */
class Lexer {
  /** Tokens in growable typed arrays: no per-token objects and no boxed-array growth for the GC to copy. */
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  private readonly comments: Comment[] = [];
  private readonly diagnostics: ParseDiagnostic[] = [];
  private readonly len: number;
  private pos = 0;

  // Mode stack, with per-entry opener start, heredoc marker and "at line start" flag: `depth`
  // entries, written by index and never shrunk (`pop` trims an array's store once it is nearly
  // empty, so a push/pop pair per `{` or `"` reallocated all seven columns each time).
  private depth = 0;
  private readonly modes: number[] = [];
  private readonly modeStarts: number[] = [];
  private readonly modeEnds: number[] = [];
  private readonly markers: string[] = [];
  private readonly lineStart: boolean[] = [];
  /** Open ( and [ directly inside each interpolation entry (a newline at zero ends a quoted one). */
  private readonly nest: number[] = [];
  /** Index of the token that opened each entry. */
  private readonly openerTokens: number[] = [];

  constructor(
    private readonly text: string,
    /** Lex the whole text as a template body (see lexTerraform). */
    private readonly templateBody: boolean,
  ) {
    this.len = text.length;
    // Real files average one token per seven characters; a quarter of the length rarely grows.
    const capacity = (text.length >> 2) + 16;
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  run(): TokenList {
    const text = this.text;
    const len = this.len;
    if (len > 0 && text.charCodeAt(0) === 0xfeff) this.pos = 1; // byte-order mark
    if (this.templateBody) {
      this.emit(T.OHeredoc, this.pos, this.pos);
      this.push(M_HEREDOC, this.pos, this.pos, '');
    }
    while (this.pos < len) {
      const mode = this.depth > 0 ? this.modes[this.depth - 1] : M_BRACE;
      if (mode === M_QUOTED) this.lexQuoted();
      else if (mode === M_HEREDOC) this.lexHeredoc();
      else this.lexNormal();
    }
    this.closeAtEnd();
    this.emit(T.EOF, len, len);
    const n = this.count;
    return {
      kinds: this.kinds.subarray(0, n),
      starts: this.starts.subarray(0, n),
      ends: this.ends.subarray(0, n),
      comments: this.comments.slice(), // exact size: the comments live with the tree
      diagnostics: this.diagnostics,
    };
  }

  private emit(kind: number, start: number, end: number): void {
    const i = this.count;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.count = i + 1;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    const kinds = new Uint8Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    kinds.set(this.kinds);
    starts.set(this.starts);
    ends.set(this.ends);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
  }

  private error(start: number, end: number, message: string): void {
    this.diagnostics.push({ start, end, message, severity: 'error' });
  }

  private push(mode: number, start: number, end: number, marker: string): void {
    const d = this.depth++;
    this.modes[d] = mode;
    this.modeStarts[d] = start;
    this.modeEnds[d] = end;
    this.markers[d] = marker;
    this.lineStart[d] = true;
    this.nest[d] = 0;
    this.openerTokens[d] = this.count - 1;
  }

  private pop(): void {
    this.depth--;
  }

  private lastKind(): number {
    return this.count > 0 ? this.kinds[this.count - 1] : -1;
  }

  /** True when the top entry is an interpolation of a quoted string with no ( or [ open in it. */
  private inBareQuotedInterp(top: number): boolean {
    const modes = this.modes;
    return top >= 1 && modes[top] === M_INTERP && modes[top - 1] === M_QUOTED && this.nest[top] === 0;
  }

  private adjustNest(delta: number): void {
    const top = this.depth - 1;
    if (top >= 0 && this.modes[top] === M_INTERP && this.nest[top] + delta >= 0) this.nest[top] += delta;
  }

  /**
   * A quoted string's interpolation still open at a newline right after an operand or a dot
   * (`"${var.x` or `"${var.` + newline): the user forgot the "}". End the interpolation and the
   * string here (zero-width closers) so the next line keeps its meaning. Newlines after `${`, an
   * operator or a comma, and inside ( ) or [ ], stay valid as HCL allows.
   */
  private newlineInQuotedInterp(): void {
    const top = this.depth - 1;
    if (!this.inBareQuotedInterp(top)) return;
    // Only on the interpolation's first line: once a newline was accepted, it is deliberate.
    if (this.lineStart[top] && endsExpression(this.lastKind())) this.closeQuotedInterp(top);
    else this.lineStart[top] = false;
  }

  private closeQuotedInterp(top: number): void {
    this.error(this.modeStarts[top], this.modeEnds[top], 'Unterminated template interpolation: expected "}" to close this "${" before the end of the line.');
    this.emit(T.TemplateSeqEnd, this.pos, this.pos);
    this.pop();
    this.emit(T.CQuote, this.pos, this.pos);
    this.pop();
  }

  /** Normal mode: one token (or skipped whitespace, or a comment) at `pos`. */
  private lexNormal(): void {
    const text = this.text;
    let pos = this.pos;
    const c = text.charCodeAt(pos);
    const start = pos;
    switch (c) {
      case Ch.Space:
      case Ch.Tab:
        this.pos = pos + 1;
        return;
      case Ch.CR:
        if (text.charCodeAt(pos + 1) === Ch.LF) {
          this.newlineInQuotedInterp();
          this.emit(T.Newline, pos, pos + 2);
          this.pos = pos + 2;
        } else this.pos = pos + 1;
        return;
      case Ch.LF:
        this.newlineInQuotedInterp();
        this.emit(T.Newline, pos, pos + 1);
        this.pos = pos + 1;
        return;
      case 35 /* # */:
        pos = lineCommentEnd(text, pos);
        this.comments.push({ start, end: pos, text: text.slice(start, pos), style: 'hash' });
        this.pos = pos;
        return;
      case 47 /* / */: {
        const n = text.charCodeAt(pos + 1);
        if (n === 47) {
          pos = lineCommentEnd(text, pos);
          this.comments.push({ start, end: pos, text: text.slice(start, pos), style: 'slash' });
          this.pos = pos;
          return;
        }
        if (n === 42 /* * */) {
          const close = text.indexOf('*/', pos + 2);
          if (close < 0) {
            pos = this.len;
            this.error(start, start + 2, 'Unterminated comment: no closing "*/" before the end of the file.');
          } else pos = close + 2;
          this.comments.push({ start, end: pos, text: text.slice(start, pos), style: 'block' });
          this.pos = pos;
          return;
        }
        this.emitAdvance(T.Slash, 1);
        return;
      }
      case 123 /* { */:
        this.emit(T.LBrace, pos, pos + 1);
        this.push(M_BRACE, pos, pos + 1, '');
        this.pos = pos + 1;
        return;
      case 125 /* } */: {
        if (this.depth > 0) {
          const top = this.modes[this.depth - 1];
          this.pop();
          this.emit(top === M_INTERP ? T.TemplateSeqEnd : T.RBrace, pos, pos + 1);
        } else this.emit(T.RBrace, pos, pos + 1);
        this.pos = pos + 1;
        return;
      }
      case 126 /* ~ */: {
        if (text.charCodeAt(pos + 1) === 125 && this.depth > 0 && this.modes[this.depth - 1] === M_INTERP) {
          this.pop();
          this.emit(T.TemplateSeqEnd, pos, pos + 2);
          this.pos = pos + 2;
          return;
        }
        break;
      }
      case 34 /* " */:
        this.emit(T.OQuote, pos, pos + 1);
        this.push(M_QUOTED, pos, pos + 1, '');
        this.pos = pos + 1;
        return;
      case 40 /* ( */:
      case 91 /* [ */:
        this.adjustNest(1);
        break;
      case 41 /* ) */:
      case 93 /* ] */:
        this.adjustNest(-1);
        break;
      case 60 /* < */:
        if (text.charCodeAt(pos + 1) === 60 && this.tryHeredoc()) return;
        break;
      default:
        if (isDigit(c)) {
          pos = scanNumberEnd(text, pos, this.lastKind() === T.Dot);
          this.emit(T.Number, start, pos);
          this.pos = pos;
          return;
        }
        if (c < 128 ? asciiIdentStart[c] === 1 : isIdentStartAt(text, pos, c)) {
          pos = scanIdentEnd(text, pos);
          this.emit(T.Ident, start, pos);
          this.pos = pos;
          return;
        }
    }
    // Operators and punctuation, from tables: one code path for all of them, so an operator the
    // lexer has not met yet does not deoptimize this function.
    const operator = operatorAt(text, pos, c);
    if (operator !== 0) {
      this.emitAdvance(operator & 0xff, operator >> 8);
      return;
    }
    // A run of characters that cannot start any token: one Invalid token, one diagnostic.
    // A 'single-quoted string' on one line is taken whole, so it yields one error, not three.
    pos = c === 39 ? singleQuotedEnd(text, pos) : invalidRunEnd(text, pos);
    this.emit(T.Invalid, start, pos);
    this.error(start, pos, invalidCharMessage(text, start));
    this.pos = pos;
  }

  /** Emit a `width`-character token at `pos` and move past it. */
  private emitAdvance(kind: number, width: number): void {
    const pos = this.pos;
    this.emit(kind, pos, pos + width);
    this.pos = pos + width;
  }

  /** Quoted-template body: literal text up to `"`, `${`, `%{`, a newline or the end. */
  private lexQuoted(): void {
    const text = this.text;
    const len = this.len;
    let pos = this.pos;
    const litStart = pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 34 /* " */) {
        if (pos > litStart) this.emit(T.TemplateLit, litStart, pos);
        this.emit(T.CQuote, pos, pos + 1);
        this.pos = pos + 1;
        this.pop();
        return;
      }
      if (c === 92 /* \ */) {
        const n = text.charCodeAt(pos + 1);
        pos += n === Ch.LF || n === Ch.CR || pos + 1 >= len ? 1 : 2;
        continue;
      }
      if (c === 36 /* $ */ || c === 37 /* % */) {
        const n = text.charCodeAt(pos + 1);
        if (n === 123 /* { */) {
          if (pos > litStart) this.emit(T.TemplateLit, litStart, pos);
          const tilde = text.charCodeAt(pos + 2) === 126;
          const end = pos + (tilde ? 3 : 2);
          this.emit(c === 36 ? T.TemplateInterp : T.TemplateControl, pos, end);
          this.push(M_INTERP, pos, end, '');
          this.pos = end;
          return;
        }
        if (n === c && text.charCodeAt(pos + 2) === 123) {
          pos += 3; // `$${` / `%%{`: a literal `${` / `%{`
          continue;
        }
        pos++;
        continue;
      }
      if (c === Ch.LF || (c === Ch.CR && text.charCodeAt(pos + 1) === Ch.LF)) break;
      pos++;
    }
    this.pos = pos;
    if (pos > litStart) this.emit(T.TemplateLit, litStart, pos);
    const top = this.depth - 1;
    if (pos < len && this.inBareQuotedInterp(top - 1) && this.reinterpretAsForgottenBrace(top)) return;
    const where = pos < len ? 'the end of the line' : 'the end of the file';
    this.error(this.modeStarts[top], pos, `Unterminated template string: no closing quote (") before ${where}.`);
    this.emit(T.CQuote, pos, pos);
    this.pop();
  }

  /**
   * `"${var.x"` then a newline: the inner `"` was taken as opening a nested string, but the user
   * forgot the `}`. Take the inner `"` back as the outer string's closing quote, close the
   * interpolation before it (zero-width) and lex the rest of the line normally.
   */
  private reinterpretAsForgottenBrace(top: number): boolean {
    const quote = this.openerTokens[top];
    for (let t = quote + 1; t < this.count; t++) if (this.kinds[t] !== T.TemplateLit) return false;
    const quoteStart = this.starts[quote];
    this.count = quote;
    this.pop(); // the nested string
    this.error(this.modeStarts[top - 1], this.modeEnds[top - 1], 'Unterminated template interpolation: expected "}" to close this "${" before the closing quote.');
    this.emit(T.TemplateSeqEnd, quoteStart, quoteStart);
    this.pop(); // the interpolation
    this.emit(T.CQuote, quoteStart, quoteStart + 1);
    this.pop(); // the outer string
    this.pos = quoteStart + 1;
    return true;
  }

  /** Heredoc body: one literal token per line (or part of a line), or the closing marker. */
  private lexHeredoc(): void {
    const text = this.text;
    const len = this.len;
    const top = this.depth - 1;
    const marker = this.markers[top];
    const bare = this.templateBody && top === 0; // a template file has no closing marker
    let pos = this.pos;
    if (this.lineStart[top] && !bare) {
      let p = pos;
      while (p < len) {
        const c = text.charCodeAt(p);
        if (c !== Ch.Space && c !== Ch.Tab) break;
        p++;
      }
      if (text.startsWith(marker, p)) {
        const after = p + marker.length;
        // HCL compares the line with its surrounding spaces trimmed: `EOT  ` closes too.
        let q = after;
        while (q < len && (text.charCodeAt(q) === Ch.Space || text.charCodeAt(q) === Ch.Tab)) q++;
        const c = q < len ? text.charCodeAt(q) : Ch.LF;
        if (c === Ch.LF || (c === Ch.CR && text.charCodeAt(q + 1) === Ch.LF) || q >= len) {
          this.emit(T.CHeredoc, p, after);
          this.pos = after;
          this.pop();
          return;
        }
      }
    }
    const litStart = pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === Ch.LF) {
        pos++;
        this.emit(T.TemplateLit, litStart, pos);
        this.lineStart[top] = true;
        this.pos = pos;
        return;
      }
      if ((c === 36 || c === 37) && pos + 1 < len) {
        const n = text.charCodeAt(pos + 1);
        if (n === 123) {
          if (pos > litStart) this.emit(T.TemplateLit, litStart, pos);
          const tilde = text.charCodeAt(pos + 2) === 126;
          const end = pos + (tilde ? 3 : 2);
          this.emit(c === 36 ? T.TemplateInterp : T.TemplateControl, pos, end);
          this.lineStart[top] = false;
          this.push(M_INTERP, pos, end, '');
          this.pos = end;
          return;
        }
        if (n === c && text.charCodeAt(pos + 2) === 123) {
          pos += 3;
          continue;
        }
      }
      pos++;
    }
    this.pos = pos;
    if (pos > litStart) this.emit(T.TemplateLit, litStart, pos);
    if (!bare) {
      this.error(this.modeStarts[top], this.modeEnds[top], `Unterminated heredoc: no closing marker "${marker}" before the end of the file.`);
    }
    this.emit(T.CHeredoc, pos, pos);
    this.pop();
  }

  /** `<<EOT` / `<<-EOT` followed directly by a newline; returns false when it is not a heredoc. */
  private tryHeredoc(): boolean {
    const text = this.text;
    const pos = this.pos;
    let p = pos + 2;
    if (text.charCodeAt(p) === 45 /* - */) p++;
    const c = text.charCodeAt(p);
    if (!(c < 128 ? asciiIdentStart[c] === 1 : isIdentStartAt(text, p, c))) return false;
    const markerEnd = scanIdentEnd(text, p);
    let nl = markerEnd;
    while (text.charCodeAt(nl) === Ch.Space || text.charCodeAt(nl) === Ch.Tab) nl++;
    const trailing = nl;
    if (text.charCodeAt(nl) === Ch.CR) nl++;
    if (text.charCodeAt(nl) !== Ch.LF) return false;
    // HCL wants the newline right after the marker; still read the heredoc so later lines keep their meaning.
    if (trailing > markerEnd) this.error(markerEnd, trailing, 'Invalid heredoc: the newline must follow the heredoc marker directly; remove the trailing spaces.');
    this.emit(T.OHeredoc, pos, markerEnd);
    this.push(M_HEREDOC, pos, markerEnd, text.slice(p, markerEnd));
    this.pos = nl + 1;
    return true;
  }

  /**
   * Close whatever is still open at the end of the file with zero-width closers. Only the
   * innermost construct is reported: the enclosing ones are unterminated for the same reason.
   */
  private closeAtEnd(): void {
    const diagnostics = this.diagnostics;
    const len = this.len;
    const reportedBefore = diagnostics.length;
    while (this.depth > 0) {
      const top = this.depth - 1;
      const mode = this.modes[top];
      const quiet = diagnostics.length > reportedBefore;
      if (mode === M_INTERP) {
        if (!quiet) this.error(this.modeStarts[top], this.modeEnds[top], 'Unterminated template interpolation: no closing "}" before the end of the file.');
        this.emit(T.TemplateSeqEnd, len, len);
        this.pop();
      } else if (mode === M_QUOTED || mode === M_HEREDOC) {
        const before = diagnostics.length;
        if (mode === M_QUOTED) this.lexQuoted();
        else this.lexHeredoc();
        if (quiet) diagnostics.length = before;
      } else this.pop(); // an open `{` is the parser's to report
    }
  }
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
