// Terraform (HCL native syntax) parser entry point: bodies, attributes and blocks.
// Expressions live in parser-expr.ts, templates in parser-template.ts, shared state in
// parser-core.ts. Parsing never throws: every file yields a whole tree plus diagnostics.
import type {
  Attribute,
  Block,
  BlockLabel,
  Body,
  BodyItem,
  Expr,
  Identifier,
  ParseDiagnostic,
  ParsedFile,
  Span,
  TemplateExpr,
} from './ast';
import { lexTerraform, T } from './lexer';
import { MAX_NESTING, Parser } from './parser-core';
import { parseExpression } from './parser-expr';
import { decodeQuotedText, parseHeredocTemplate, parseQuotedTemplate, staticTemplateValue } from './parser-template';

export function parseTerraform(text: string, path: string): ParsedFile {
  try {
    return parseFile(text, path);
  } catch (err) {
    // A bug must not take the language server down: degrade to an empty tree plus one error.
    const body: Body = { kind: 'Body', items: [], start: 0, end: text.length };
    return { path, text, body, comments: [], diagnostics: [internalError(err)] };
  }
}

/**
 * Parse one standalone expression (e.g. a value a fix is about to insert, or hover input).
 * Text after the expression is reported. Never throws.
 */
export function parseTerraformExpression(text: string): { expr: Expr; diagnostics: ParseDiagnostic[] } {
  try {
    const p = new Parser(text, lexTerraform(text));
    p.newlines = false;
    const expr = parseExpression(p);
    if (p.peek() !== T.EOF) {
      p.reportHere(`Extra characters after expression: expected the end of the expression, but found ${p.describeCurrent()}.`);
    }
    return { expr, diagnostics: p.diagnostics.sort((a, b) => a.start - b.start) };
  } catch (err) {
    return { expr: { kind: 'Invalid', start: 0, end: text.length }, diagnostics: [internalError(err)] };
  }
}

/**
 * Parse a template file's text (`templatefile`, `templatestring`): heredoc rules (only `$${` and
 * `%%{` escapes), interpolations and directives, no closing marker. Never throws.
 */
export function parseTerraformTemplate(text: string): { template: TemplateExpr; diagnostics: ParseDiagnostic[] } {
  try {
    const p = new Parser(text, lexTerraform(text, { template: true }));
    const template = parseHeredocTemplate(p);
    delete template.heredoc;
    template.start = 0;
    template.end = text.length;
    return { template, diagnostics: p.diagnostics.sort((a, b) => a.start - b.start) };
  } catch (err) {
    const template: TemplateExpr = { kind: 'Template', parts: [], start: 0, end: text.length };
    return { template, diagnostics: [internalError(err)] };
  }
}

/** Prefix of the diagnostic reported when the parser itself failed (tests assert it never appears). */
export const INTERNAL_ERROR_PREFIX = 'Internal parser error:';

function internalError(err: unknown): ParseDiagnostic {
  const message = `${INTERNAL_ERROR_PREFIX} ${err instanceof Error ? err.message : String(err)}`;
  return { start: 0, end: 0, message, severity: 'error' };
}

function parseFile(text: string, path: string): ParsedFile {
  const tokens = lexTerraform(text);
  const p = new Parser(text, tokens);
  const body = parseBody(p, undefined);
  body.start = 0;
  body.end = text.length;
  // Lexer errors come first in the list; present all of them in file order.
  const diagnostics = p.diagnostics.sort((a, b) => a.start - b.start);
  return { path, text, body, comments: tokens.comments, diagnostics };
}

/** Deeply nested unclosed blocks would each report; past this many the rest are implied. */
const MAX_UNCLOSED_REPORTS = 10;

/** Parse body items up to (not including) the closing `}` of `open`, or to EOF at top level. */
function parseBody(p: Parser, open: Span | undefined): Body {
  const saved = p.newlines;
  p.newlines = true;
  const base = p.listStart();
  const start = open ? open.end : 0;
  while (p.tick()) {
    const k = p.peek();
    if (k === T.Newline) {
      p.next();
      continue;
    }
    if (k === T.EOF) break;
    if (k === T.RBrace) {
      if (open) break;
      p.reportHere('Unexpected closing brace: there is no open block for this "}".');
      p.next();
      continue;
    }
    if (k === T.Ident) {
      if (open && p.looksLikeTopLevelBlock()) break;
      p.listPush(parseBodyItem(p, open !== undefined));
      continue;
    }
    p.reportHere(
      `Argument or block definition required: an argument or block definition is required here, but found ${p.describeCurrent()}.`,
    );
    if (!(k === T.RBrack || k === T.RParen || k === T.TemplateSeqEnd || k === T.CQuote || k === T.CHeredoc)) {
      p.skipToRecoveryPoint(false);
    }
    if (p.peek() !== T.Newline && p.peek() !== T.EOF && p.peek() !== T.RBrace) p.next();
  }
  const items = p.listTake<BodyItem>(base);
  const lastItemEnd = items.length > 0 ? items[items.length - 1].end : start;
  const end = open ? (p.peek() === T.RBrace ? p.start() : Math.max(start, p.lastEnd, lastItemEnd)) : p.text.length;
  p.newlines = saved;
  return { kind: 'Body', items, start, end };
}

function identifierAt(p: Parser, i: number): Identifier {
  return { name: p.tokenText(i), start: p.starts[i], end: p.ends[i] };
}

function parseBodyItem(p: Parser, inBlock: boolean): BodyItem {
  const name = identifierAt(p, p.next());
  const k = p.peek();
  if (k === T.Equal) return parseAttribute(p, name, inBlock);
  if (k === T.OQuote || k === T.Ident || k === T.LBrace) return parseBlock(p, name, inBlock);
  if (k === T.Colon) {
    // `name: value` (JSON/YAML habit): report it, then keep the value so the argument still counts.
    p.reportHere('Invalid argument separator: use the equals sign "=" to introduce an argument value, not ":".');
    p.next();
    return parseAttributeValue(p, name, undefined, inBlock);
  }
  // A bare name (often half-typed): keep it as an attribute without a value.
  p.report(
    name.start,
    name.end,
    `Argument or block definition required: to set an argument, use the equals sign "=" to introduce the argument value; found ${p.describeCurrent()} after "${name.name}".`,
  );
  if (k !== T.Newline && k !== T.EOF && k !== T.RBrace) p.skipToRecoveryPoint(false);
  const expr: Expr = { kind: 'Missing', start: name.end, end: name.end };
  return { kind: 'Attribute', name, expr, start: name.start, end: name.end };
}

function parseAttribute(p: Parser, name: Identifier, inBlock: boolean): Attribute {
  return parseAttributeValue(p, name, p.spanOf(p.next()), inBlock);
}

function parseAttributeValue(p: Parser, name: Identifier, equals: Span | undefined, inBlock: boolean): Attribute {
  const expr = parseExpression(p);
  const k = p.peek();
  if (k !== T.Newline && k !== T.EOF && !(k === T.RBrace && inBlock) && !p.atLineStart()) {
    // After an invalid value the line is already reported; skip its rest quietly.
    if (expr.kind !== 'Invalid') {
      p.reportHere(
        `Missing newline after argument: an argument definition must end with a newline; found ${p.describeCurrent()}.`,
      );
    }
    p.skipToRecoveryPoint(false);
  }
  const end = Math.max(expr.end, equals ? equals.end : name.end);
  return { kind: 'Attribute', name, equals, expr, start: name.start, end };
}

function parseLabel(p: Parser): BlockLabel {
  if (p.peek() === T.Ident) {
    const t = p.next();
    return { value: p.tokenText(t), quoted: false, start: p.starts[t], end: p.ends[t] };
  }
  const plain = plainQuotedLabel(p);
  if (plain) return plain;
  const template = parseQuotedTemplate(p);
  let value = staticTemplateValue(template);
  if (value === undefined) {
    p.report(template.start, template.end, 'Invalid block label: template sequences are not allowed in block labels.');
    value = '';
  }
  return { value, quoted: true, start: template.start, end: template.end };
}

/**
 * `"name"` (how most labels are written) read straight from its tokens: the label
 * parseQuotedTemplate and staticTemplateValue would give, with the same step count, without the
 * template node they build and this drops. Undefined for anything else.
 */
function plainQuotedLabel(p: Parser): BlockLabel | undefined {
  const open = p.i;
  if (p.kinds[open] !== T.OQuote || p.kinds[open + 1] !== T.TemplateLit || p.kinds[open + 2] !== T.CQuote || !p.canTick(2)) return undefined;
  p.next();
  p.tick();
  const t = p.next();
  const value = decodeQuotedText(p, p.starts[t], p.ends[t]);
  p.tick();
  const close = p.next();
  return { value, quoted: true, start: p.starts[open], end: p.ends[close] };
}

function parseBlock(p: Parser, type: Identifier, inBlock: boolean): Block {
  const base = p.listStart();
  while (p.tick()) {
    const k = p.peek();
    if (k !== T.OQuote && k !== T.Ident) break;
    p.listPush(parseLabel(p));
  }
  const labels = p.listTake<BlockLabel>(base);
  const headerEnd = labels.length > 0 ? labels[labels.length - 1].end : type.end;
  if (p.peek() !== T.LBrace) {
    p.reportHere(
      `Invalid block definition: a block definition must have block content delimited by "{" and "}", starting on the same line as the block header; found ${p.describeCurrent()}.`,
    );
    if (p.peek() !== T.Newline && p.peek() !== T.EOF && p.peek() !== T.RBrace) p.skipToRecoveryPoint(false);
    const body: Body = { kind: 'Body', items: [], start: headerEnd, end: headerEnd };
    return { kind: 'Block', type, labels, body, start: type.start, end: headerEnd };
  }
  if (p.depth >= MAX_NESTING) return swallowDeepBlock(p, type, labels);
  const open = p.spanOf(p.next());
  p.depth++;
  const body = parseBody(p, open);
  p.depth--;
  let close: Span | undefined;
  if (p.peek() === T.RBrace) close = p.spanOf(p.next());
  else if (!p.stopped && p.unclosedBlocksReported++ < MAX_UNCLOSED_REPORTS) {
    p.report(
      open.start,
      open.end,
      'Unclosed configuration block: there is no closing brace for this block before the end of the file or the next top-level block.',
    );
  }
  const end = close ? close.end : Math.max(body.end, open.end);
  if (close) {
    const k = p.peek();
    if (k !== T.Newline && k !== T.EOF && !(k === T.RBrace && inBlock)) {
      p.reportHere(
        `Missing newline after block definition: a block definition must end with a newline; found ${p.describeCurrent()}.`,
      );
      p.skipToRecoveryPoint(false);
    }
  }
  return { kind: 'Block', type, labels, open, close, body, start: type.start, end };
}

/** Past the nesting limit a block is kept whole but its body is not parsed (one error per file). */
function swallowDeepBlock(p: Parser, type: Identifier, labels: BlockLabel[]): Block {
  const open = p.spanOf(p.i);
  if (!p.reportedTooDeep) p.report(open.start, open.end, `Block nesting too deep: more than ${MAX_NESTING} levels.`);
  p.reportedTooDeep = true;
  const closed = p.skipBalanced();
  const close = closed ? p.spanOf(p.i - 1) : undefined;
  const end = close ? close.end : Math.max(p.lastEnd, open.end);
  const body: Body = { kind: 'Body', items: [], start: open.end, end: close ? close.start : end };
  return { kind: 'Block', type, labels, open, close, body, start: type.start, end };
}
