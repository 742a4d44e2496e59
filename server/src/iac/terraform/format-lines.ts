// The lines of native-syntax text as Terraform's style conventions see them when they align
// `=` signs and trailing comments (`terraform fmt`): for the fix layer, which keeps the text a
// fix touches as the formatter would write it (fix/align.ts). A line runs from one newline token
// to the next, so a heredoc or a block comment spanning several lines belongs to the line it
// starts on. Only used when a fix is rendered, never during analysis.
import { lexTerraform, T } from './lexer';

export interface FormatLine {
  /** Offset of the line's first character, and of its end (its newline, or the end of the text). */
  start: number;
  end: number;
  /** The first `=` after the line's first token, and the end of the text before it (the argument name). */
  leadEnd?: number;
  equals?: number;
  /**
   * The `=` is an assignment cell, aligned with its neighbours': the value ends on this line (its
   * brackets from the `=` on balance). `tags = {` opens a value on later lines: it ends a run of
   * aligned arguments, and has one space before its `=`.
   */
  assigns?: boolean;
  /** The indentation the style conventions give the line: two spaces per nesting level (a line opening brackets opens one). */
  indent: number;
  /** The trailing `#` or `//` comment cell, after at least one token: the end of what precedes it, and the comment. */
  bodyEnd?: number;
  comment?: number;
}

/** Net bracket change of one token, counting template interpolations and directives as brackets. */
function bracketChange(kind: number): number {
  switch (kind) {
    case T.LBrace:
    case T.LBrack:
    case T.LParen:
    case T.TemplateInterp:
    case T.TemplateControl:
      return 1;
    case T.RBrace:
    case T.RBrack:
    case T.RParen:
    case T.TemplateSeqEnd:
      return -1;
    default:
      return 0;
  }
}

/** The lines of `text` with their alignment cells. */
export function formatLines(text: string): FormatLine[] {
  const { kinds, starts, ends, comments } = lexTerraform(text);
  const lines: FormatLine[] = [];
  let commentIndex = 0;
  let first = 0; // index of the line's first token
  let lineStart = 0;
  // Open brackets per nesting level: a line that opens several brackets opens one level, and a
  // line that closes them returns to it (`foo({` … `})`).
  const levels: number[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind !== T.Newline && kind !== T.EOF) continue;
    const lineEnd = starts[i];
    let net = 0;
    for (let j = first; j < i; j++) net += bracketChange(kinds[j]);
    let indent = 2 * levels.length;
    if (net > 0) levels.push(net);
    for (let closed = -net; closed > 0 && levels.length > 0; ) {
      const top = levels.length - 1;
      if (closed >= levels[top]) closed -= levels.pop()!;
      else {
        levels[top] -= closed;
        closed = 0;
      }
    }
    if (net < 0) indent = 2 * levels.length;
    const line: FormatLine = { start: lineStart, end: lineEnd, indent };
    // The first `=` after the first token; an assignment cell when the brackets after it balance.
    for (let j = first + 1; j < i; j++) {
      if (kinds[j] !== T.Equal) continue;
      let rest = 0;
      for (let k = j; k < i; k++) rest += bracketChange(kinds[k]);
      line.leadEnd = ends[j - 1];
      line.equals = starts[j];
      line.assigns = rest === 0;
      break;
    }
    // Comments on this line; the last one is a cell when it is a line comment after a token.
    let bodyEnd = first < i ? ends[i - 1] : -1;
    let lastComment: { start: number; end: number; style: string } | undefined;
    while (commentIndex < comments.length && comments[commentIndex].start < lineEnd) {
      const c = comments[commentIndex++];
      if (c.start < lineStart) continue;
      // A block comment after the last token belongs to what precedes a later line comment.
      if (lastComment?.style === 'block' && bodyEnd >= 0 && lastComment.start >= bodyEnd) bodyEnd = lastComment.end;
      lastComment = c;
    }
    if (lastComment && lastComment.style !== 'block' && bodyEnd >= 0 && bodyEnd <= lastComment.start) {
      line.bodyEnd = bodyEnd;
      line.comment = lastComment.start;
    }
    lines.push(line);
    lineStart = kind === T.Newline ? ends[i] : lineEnd;
    first = i + 1;
    if (kind === T.EOF) break;
  }
  return lines;
}
