// Parser state shared by the body, expression and template parsers: token cursor, newline
// significance, diagnostics (one per start offset), a step budget and recovery helpers.
import type { Expr, ParseDiagnostic, Span } from './ast';
import { T, type TokenList } from './lexer';

/** A file broken on every line would otherwise flood the editor; the rest are implied. */
export const MAX_DIAGNOSTICS = 1000;

/** Deepest expression / block nesting the recursive-descent parser follows before giving up on it. */
export const MAX_NESTING = 400;

export class Parser {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly diagnostics: ParseDiagnostic[] = [];
  private readonly diagnosticStarts = new Set<number>();
  /** Index of the current token. */
  i = 0;
  /** When false, Newline tokens are skipped (inside ( ), [ ] and template interpolations). */
  newlines = true;
  /** End offset of the last consumed token. */
  lastEnd = 0;
  depth = 0;
  reportedTooDeep = false;
  unclosedBlocksReported = 0;
  private steps = 0;
  private readonly budget: number;
  /** Set when the step budget ran out: every peek then sees EOF so all loops exit. */
  stopped = false;
  /** Open `(`, `[`, `{`, template-sequence and template contexts, for list recovery by context. */
  openParens = 0;
  openBracks = 0;
  openBraces = 0;
  openSeqs = 0;
  openTemplates = 0;

  constructor(
    readonly text: string,
    tokens: TokenList,
  ) {
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.budget = 64 + tokens.kinds.length * 8;
    for (const d of tokens.diagnostics) this.report(d.start, d.end, d.message);
  }

  /** Whether `n` more ticks would all succeed (a fast path may then take them without checking). */
  canTick(n: number): boolean {
    return !this.stopped && this.steps + n <= this.budget;
  }

  /**
   * One stack for the lists being parsed (body items, labels, arguments, elements): a list starts
   * at `listStart()`, pushes its items, and takes them as an exact-size array when it ends (inner
   * lists end first, so they nest). A separate array per list grown by `push` allocated a 16-slot
   * store for every list, thrown away when the list was copied to its exact size (`trimmed`).
   */
  private readonly listStack: unknown[] = [];
  private listTop = 0;

  listStart(): number {
    return this.listTop;
  }

  listPush(item: unknown): void {
    this.listStack[this.listTop++] = item;
  }

  /** The items pushed since `base`, in order; the stack returns to `base`. */
  listTake<T>(base: number): T[] {
    const items = this.listStack.slice(base, this.listTop) as T[];
    this.listTop = base;
    return items;
  }

  /** Count one loop iteration; returns false (and stops the parser) when the budget is spent. */
  tick(): boolean {
    if (++this.steps <= this.budget) return true;
    if (!this.stopped) {
      this.stopped = true;
      const at = this.starts[this.i] ?? this.text.length;
      this.report(at, at, 'Parser step budget exceeded; the rest of the file was not parsed.');
    }
    return false;
  }

  /**
   * Set newline significance and return the previous setting, which the caller restores when its
   * context ends. Saved inline rather than around a callback: a closure per bracket or
   * interpolation was an allocation per node. (An exception abandons the whole parse, so no
   * `finally` is needed.)
   */
  setNewlines(significant: boolean): boolean {
    const saved = this.newlines;
    this.newlines = significant;
    return saved;
  }

  /** Kind of the current token (skipping newlines where they are not significant). */
  peek(): number {
    if (this.stopped) return T.EOF;
    let i = this.i;
    if (!this.newlines) {
      while (this.kinds[i] === T.Newline) i++;
      this.i = i;
    }
    return this.kinds[i];
  }

  /** Kind of the token after the current one, with the same newline rule. */
  peekSecond(): number {
    if (this.stopped) return T.EOF;
    this.peek();
    let i = this.i;
    if (this.kinds[i] === T.EOF) return T.EOF;
    i++;
    if (!this.newlines) while (this.kinds[i] === T.Newline) i++;
    return this.kinds[i];
  }

  start(): number {
    this.peek();
    return this.starts[this.i];
  }

  end(): number {
    this.peek();
    return this.ends[this.i];
  }

  /** Consume the current token; returns its index. Never moves past EOF. */
  next(): number {
    this.peek();
    const i = this.i;
    if (this.kinds[i] !== T.EOF && !this.stopped) {
      this.i = i + 1;
      this.lastEnd = this.ends[i];
    }
    return i;
  }

  tokenText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  /** Text of the current token if it is an identifier, else undefined. */
  identText(): string | undefined {
    return this.peek() === T.Ident ? this.tokenText(this.i) : undefined;
  }

  spanOf(i: number): Span {
    return { start: this.starts[i], end: this.ends[i] };
  }

  report(start: number, end: number, message: string): void {
    if (this.diagnosticStarts.has(start)) return;
    this.diagnosticStarts.add(start);
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      if (this.diagnostics.length === MAX_DIAGNOSTICS) {
        const text = `Too many syntax errors: only the first ${MAX_DIAGNOSTICS} are reported.`;
        this.diagnostics.push({ start, end, message: text, severity: 'error' });
      }
      return;
    }
    this.diagnostics.push({ start, end, message, severity: 'error' });
  }

  /** Report at the current token (its whole span; zero-width at EOF). */
  reportHere(message: string): void {
    this.peek();
    this.report(this.starts[this.i], this.ends[this.i], message);
  }

  /** A zero-width Missing node at the current token. */
  missing(): Expr {
    const at = this.start();
    return { kind: 'Missing', start: at, end: at };
  }

  /** 1-based line of an offset, for messages that point back at an opener. */
  lineOf(offset: number): number {
    if (this.newlineOffsets === undefined) {
      this.newlineOffsets = [];
      for (let p = this.text.indexOf('\n'); p >= 0; p = this.text.indexOf('\n', p + 1)) this.newlineOffsets.push(p);
    }
    // Binary search: the number of newlines before `offset`, plus one.
    const nl = this.newlineOffsets;
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
  private newlineOffsets: number[] | undefined;

  /** Describes the current token for messages: "a newline", "the end of the file", `"foo"`. */
  describeCurrent(): string {
    switch (this.peek()) {
      case T.EOF:
        return 'the end of the file';
      case T.Newline:
        return 'a newline';
      case T.OQuote:
        return 'a quoted string';
      case T.OHeredoc:
        return 'a heredoc';
      case T.TemplateSeqEnd:
        return 'the end of the template sequence';
      case T.CQuote:
        return 'the end of the string';
      default: {
        const s = this.tokenText(this.i);
        return `"${s.length > 20 ? s.slice(0, 20) + '…' : s}"`;
      }
    }
  }

  /** True when a newline separates the current token from the previous one. */
  atLineStart(): boolean {
    this.peek();
    return this.i === 0 || this.kinds[this.i - 1] === T.Newline;
  }

  /**
   * The current identifier starts a top-level block (`resource "a" "b" {` at column 0, with the
   * right number of labels). Inside a nested body or an expression this means the user left
   * something unclosed above, so the inner constructs end here.
   */
  looksLikeTopLevelBlock(): boolean {
    const i = this.i;
    if (this.kinds[i] !== T.Ident) return false;
    const start = this.starts[i];
    if (start > 0 && this.text.charCodeAt(start - 1) !== 10) return false;
    const labels = TOP_LEVEL_LABELS.get(this.tokenText(i));
    if (labels === undefined) return false;
    let j = i + 1;
    for (let n = 0; n < labels; n++) {
      if (this.kinds[j] === T.Ident) j++;
      else if (this.kinds[j] === T.OQuote) {
        j++;
        while (this.kinds[j] === T.TemplateLit) j++;
        if (this.kinds[j] !== T.CQuote) return false;
        j++;
      } else return false;
    }
    return this.kinds[j] === T.LBrace;
  }

  /**
   * Inside ( ), [ ] or an interpolation, a line starting with `name =` cannot continue the list:
   * it is the next argument of an enclosing body or object, so the list ends there.
   */
  private atForeignLine(): boolean {
    if (this.kinds[this.i] !== T.Ident || !this.atLineStart()) return false;
    if (!this.newlines && this.kinds[this.i + 1] === T.Equal) return true;
    return this.looksLikeTopLevelBlock();
  }

  /** True when the current token closes a context that is open somewhere up the stack. */
  atEnclosingCloser(): boolean {
    switch (this.peek()) {
      case T.Ident:
        return this.atForeignLine();
      case T.EOF:
        return true;
      case T.RParen:
        return this.openParens > 0;
      case T.RBrack:
        return this.openBracks > 0;
      case T.RBrace:
        return this.openBraces > 0;
      case T.TemplateSeqEnd:
        return this.openSeqs > 0;
      case T.CQuote:
      case T.CHeredoc:
      case T.TemplateLit:
      case T.TemplateInterp:
      case T.TemplateControl:
        return this.openTemplates > 0;
      default:
        return false;
    }
  }

  /**
   * Consume the current token and, if it opens a bracket or template, everything up to its
   * closer. Returns false when the end of the file came first.
   */
  skipBalanced(): boolean {
    let depth = 0;
    this.peek();
    while (this.tick()) {
      const k = this.kinds[this.i];
      if (k === T.EOF) return false;
      if (isOpener(k)) depth++;
      else if (isCloser(k)) depth--;
      this.i++;
      this.lastEnd = this.ends[this.i - 1];
      if (depth <= 0) return true;
    }
    return false;
  }

  /**
   * Skip tokens (keeping brackets balanced) until a newline (if significant), a comma (if
   * `stopAtComma`) or a closer at depth zero, or EOF. Used after an error to resynchronise.
   */
  skipToRecoveryPoint(stopAtComma: boolean): void {
    let depth = 0;
    while (this.tick()) {
      const k = this.kinds[this.i];
      if (k === T.EOF) return;
      if (k === T.Ident && this.atForeignLine()) return;
      if (depth === 0) {
        if (k === T.Newline && this.newlines) return;
        if (k === T.Comma && stopAtComma) return;
        if (isCloser(k)) return;
      }
      if (isOpener(k)) depth++;
      else if (isCloser(k)) depth--;
      this.i++;
      if (k !== T.Newline) this.lastEnd = this.ends[this.i - 1];
    }
  }
}

/**
 * `items` with no spare capacity. An array grown by `push` keeps at least 17 slots, while most
 * lists in a tree hold one or two nodes; trees live as long as the parse cache, and the garbage
 * collector copies every slot of them (twice, while they are young).
 */
export function trimmed<T>(items: T[]): T[] {
  return items.slice();
}

/** Top-level block types and their label counts (see looksLikeTopLevelBlock). */
const TOP_LEVEL_LABELS = new Map<string, number>(Object.entries({
  resource: 2,
  data: 2,
  ephemeral: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
}));

function isOpener(k: number): boolean {
  return (
    k === T.LParen ||
    k === T.LBrack ||
    k === T.LBrace ||
    k === T.TemplateInterp ||
    k === T.TemplateControl ||
    k === T.OQuote ||
    k === T.OHeredoc
  );
}

function isCloser(k: number): boolean {
  return (
    k === T.RParen || k === T.RBrack || k === T.RBrace || k === T.TemplateSeqEnd || k === T.CQuote || k === T.CHeredoc
  );
}
