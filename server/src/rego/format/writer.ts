// Printer core: the output buffer, indentation, line state and comment placement. Mirrors the
// writer of OPA's formatter so layout decisions happen in the same order as in `opa fmt`.
import type { Loc, RegoError } from '../syntax/ast';
import type { Pos, RowOnly, Source } from './source';

/** A comment as the formatter handles it: text after `#`, trailing whitespace trimmed. */
export interface FComment {
  text: string;
  row: number;
  offset: number;
  loc: Loc;
}

/**
 * Raised when a second trailing comment is due for a line that already has one. Like OPA, the
 * enclosing term then falls back to its original text. Internal: never escapes formatModule.
 */
export class UnexpectedComment extends Error {
  constructor() {
    super('unexpected comment');
  }
}

/** Thrown for conditions under which `opa fmt` refuses to format (arity mismatch, …). */
export class FormatFailure extends Error {
  constructor(readonly error: RegoError) {
    super(error.message);
  }
}

export interface FormatFlags {
  /** Output is Rego v1 (keywords always on, `:=` enforced). */
  regoV1: boolean;
  /** Print `if` before bodies. */
  ifs: boolean;
  /** Print partial sets with `contains`. */
  contains: boolean;
  /** Some rule head needs general ref-head syntax (`a.b.c := …`). */
  refHeads: boolean;
  /** Future keywords imported (v0 output: these are keywords inside refs). */
  futureKeywords: string[];
}

const INDENT = '\t';
/** Indentation strings by level, made once (a line is started for nearly every node). */
const INDENTS: string[] = [];

function indentation(level: number): string {
  return (INDENTS[level] ??= INDENT.repeat(level));
}

export class Writer {
  private buf = '';
  level = 0;
  inline = false;
  beforeEnd: FComment | undefined;
  private delay = false;
  /** Comments not yet written, in source order. */
  comments: FComment[] = [];
  /** Set while a rule with a body is written: a trailing comment in unformatted text stays on its line. */
  writeCommentOnFinalLine = false;
  /** Locations OPA's formatter rewrites before printing (an else value takes the else head's place). */
  readonly posOverride = new Map<object, Pos>();

  /** A generated var (`__local0__`) can only come from the source text; most texts have none. */
  readonly mayHaveGeneratedVars: boolean;

  constructor(
    readonly src: Source,
    readonly flags: FormatFlags,
  ) {
    this.mayHaveGeneratedVars = src.text.includes('__local');
  }

  get length(): number {
    return this.buf.length;
  }

  output(): string {
    return this.buf;
  }

  truncate(length: number): void {
    this.buf = this.buf.slice(0, length);
  }

  write(s: string): void {
    this.buf += s;
  }

  /** Position of a node: its override if OPA's formatter moved it, else its source position. */
  pos(node: { loc: Loc }): Pos {
    return (this.posOverride.size > 0 ? this.posOverride.get(node) : undefined) ?? this.src.pos(node.loc);
  }

  /** pos(node).row without making a position object. */
  rowOf(node: { loc: Loc }): number {
    const override = this.posOverride.size > 0 ? this.posOverride.get(node) : undefined;
    return override ? override.row : this.src.rowOf(node.loc.start);
  }

  /** pos(node).offset without making a position object. */
  offsetOf(node: { loc: Loc }): number {
    const override = this.posOverride.size > 0 ? this.posOverride.get(node) : undefined;
    return override ? override.offset : node.loc.start;
  }

  startLine(): void {
    this.inline = true;
    this.buf += indentation(this.level);
  }

  endLine(): void {
    this.inline = false;
    if (this.beforeEnd && !this.delay) {
      this.buf += ' #' + this.beforeEnd.text;
      this.beforeEnd = undefined;
    }
    this.delay = false;
    this.buf += '\n';
  }

  blankLine(): void {
    if (this.inline) this.endLine();
    this.buf += '\n';
  }

  writeLine(s: string): void {
    if (!this.inline) this.startLine();
    this.buf += s;
    this.endLine();
  }

  up(): void {
    this.level++;
  }

  down(): void {
    if (this.level > 0) this.level--;
  }

  delayBeforeEnd(): void {
    this.delay = true;
  }

  startMultilineSeq(): void {
    this.endLine();
    this.up();
    this.startLine();
  }

  /** Writes comments on their own lines, keeping one blank line where the source had a gap. */
  writeComments(comments: FComment[]): void {
    comments.forEach((c, i) => {
      if (i > 0 && c.row - comments[i - 1].row > 1) this.blankLine();
      this.writeLine('#' + c.text);
    });
  }

  /**
   * Flushes the comments that come before `at` (a node's row), and registers a comment on that
   * row to be written at the end of the current line.
   */
  insertComments(at: Pos | RowOnly | undefined): void {
    if (!at || this.comments.length === 0) return;
    // Comments are kept in source order: when the first is past `at`, nothing is due here.
    if (this.comments[0].row > at.row) return;
    this.insertCommentsAt(at);
  }

  /** insertComments for a node whose position is needed for nothing else (no Pos is made when no comment is due). */
  insertCommentsBefore(node: { loc: Loc }): void {
    if (this.comments.length === 0) return;
    if (this.comments[0].row > this.rowOf(node)) return;
    this.insertCommentsAt(this.pos(node));
  }

  private insertCommentsAt(at: Pos | RowOnly): void {
    // Sorted by row: those before `at`, then those on its row (the last one wins), then the rest.
    let i = 0;
    while (i < this.comments.length && this.comments[i].row < at.row) i++;
    const before = this.comments.slice(0, i);
    let same: FComment | undefined;
    while (i < this.comments.length && this.comments[i].row === at.row) same = this.comments[i++];
    this.comments = this.comments.slice(i);
    this.writeComments(before);
    if (before.length > 0 && at.row - before[before.length - 1].row > 1) this.blankLine();
    this.beforeLineEnd(same);
  }

  beforeLineEnd(c: FComment | undefined): void {
    if (this.beforeEnd) {
      if (!c) return;
      this.beforeEnd = undefined;
      throw new UnexpectedComment();
    }
    this.beforeEnd = c;
  }

  /** Writes a node's original text; comments inside it are dropped (they are part of the text). */
  writeUnformatted(pos: Pos, saved: FComment[]): void {
    const rows = pos.text.split('\n').length;
    const lastRow = pos.row + rows - 1;
    this.write(pos.text);
    const kept: FComment[] = [];
    for (const c of saved) {
      if (this.writeCommentOnFinalLine && c.row === lastRow) {
        this.write(' ' + this.src.text.slice(c.loc.start, c.loc.end));
        continue;
      }
      if (c.row < lastRow) continue;
      kept.push(c);
    }
    this.comments = kept;
  }
}
