// Template parser: quoted strings and heredocs. Works in three passes over a flat list of
// literal pieces and `${…}` / `%{…}` sequences: (1) decode escapes, (2) for `<<-` heredocs remove
// the common indentation and apply `~` strip markers to neighbouring literals, (3) nest the
// `%{if}` / `%{for}` directives into a tree. So TemplateLiteral.value is final for consumers.
import type {
  Expr,
  Identifier,
  TemplateExpr,
  TemplateFor,
  TemplateIf,
  TemplateLiteral,
  TemplatePart,
} from './ast';
import { T } from './lexer';
import { trimmed, type Parser } from './parser-core';
import { parseExpression } from './parser-expr';

interface FlatLiteral {
  lit: true;
  start: number;
  end: number;
  value: string;
}

type SeqKind = 'interp' | 'if' | 'else' | 'endif' | 'for' | 'endfor' | 'invalid';

interface FlatSequence {
  lit: false;
  seq: SeqKind;
  start: number;
  end: number;
  stripLeft: boolean;
  stripRight: boolean;
  expr?: Expr;
  keyVar?: Identifier;
  valueVar?: Identifier;
}

type FlatItem = FlatLiteral | FlatSequence;

export function parseQuotedTemplate(p: Parser): TemplateExpr {
  const open = p.next();
  const plain = plainQuotedTemplate(p, open);
  if (plain !== undefined) return plain;
  p.openTemplates++;
  const items = collectItems(p, false);
  p.openTemplates--;
  let end: number;
  let innerEnd: number;
  if (!p.stopped && p.kinds[p.i] === T.CQuote) {
    const close = p.next();
    end = p.ends[close];
    innerEnd = p.starts[close];
  } else {
    // Unterminated: the lexer has reported it; the string ends with its last piece.
    end = items.length > 0 ? items[items.length - 1].end : p.ends[open];
    innerEnd = end;
  }
  // Most strings are one literal piece (or empty): no directives to nest, no strip markers.
  const literal = items.length === 0 || (items.length === 1 && items[0].lit);
  if (!literal) applyStripMarkers(items);
  const parts = literal ? literalParts(items as FlatLiteral[], p.ends[open], innerEnd) : buildParts(p, items, p.ends[open], innerEnd);
  return { kind: 'Template', parts, start: p.starts[open], end };
}

/**
 * `""` or `"text"` (the most common strings: labels, names, most values) straight from the
 * tokens: the same node parseQuotedTemplate builds through collectItems and literalParts, with
 * the same step count (a tick per piece and one for the closing quote), but without the flat
 * item list and its objects. Undefined for anything else, or when the step budget is nearly spent.
 */
function plainQuotedTemplate(p: Parser, open: number): TemplateExpr | undefined {
  const i = p.i;
  const literal = p.kinds[i] === T.TemplateLit && p.kinds[i + 1] === T.CQuote;
  if (!literal && p.kinds[i] !== T.CQuote) return undefined;
  if (!p.canTick(literal ? 2 : 1)) return undefined;
  let part: TemplateLiteral | undefined;
  if (literal) {
    p.tick();
    const t = p.next();
    const start = p.starts[t];
    const end = p.ends[t];
    const value = decodeQuotedText(p, start, end);
    if (value !== '') part = { kind: 'TemplateLiteral', value, start, end };
  }
  p.tick();
  const close = p.next();
  part ??= { kind: 'TemplateLiteral', value: '', start: p.ends[open], end: Math.max(p.ends[open], p.starts[close]) };
  return { kind: 'Template', parts: [part], start: p.starts[open], end: p.ends[close] };
}

/** buildParts for a template of at most one literal piece, without its directive stack. */
function literalParts(items: FlatLiteral[], innerStart: number, innerEnd: number): TemplatePart[] {
  const item = items[0];
  if (item !== undefined && item.value !== '') return [{ kind: 'TemplateLiteral', value: item.value, start: item.start, end: item.end }];
  return [{ kind: 'TemplateLiteral', value: '', start: innerStart, end: Math.max(innerStart, innerEnd) }];
}

export function parseHeredocTemplate(p: Parser): TemplateExpr {
  const open = p.next();
  const openText = p.tokenText(open);
  const indent = openText.charCodeAt(2) === 45; /* - */
  const marker = openText.slice(indent ? 3 : 2);
  p.openTemplates++;
  const items = collectItems(p, true);
  p.openTemplates--;
  let end: number;
  let innerEnd: number;
  if (!p.stopped && p.kinds[p.i] === T.CHeredoc) {
    const close = p.next();
    end = p.ends[close];
    innerEnd = p.starts[close];
  } else {
    end = items.length > 0 ? items[items.length - 1].end : p.ends[open];
    innerEnd = end;
  }
  if (indent) removeCommonIndent(items);
  const merged = mergeLiterals(items);
  applyStripMarkers(merged);
  const parts = buildParts(p, merged, p.ends[open], innerEnd);
  return { kind: 'Template', parts, heredoc: { marker, indent }, start: p.starts[open], end };
}

/** The value of a template made only of literal text, else undefined. */
export function staticTemplateValue(t: TemplateExpr): string | undefined {
  let value = '';
  for (const part of t.parts) {
    if (part.kind !== 'TemplateLiteral') return undefined;
    value += part.value;
  }
  return value;
}

function collectItems(p: Parser, heredoc: boolean): FlatItem[] {
  const items: FlatItem[] = [];
  while (!p.stopped && p.tick()) {
    const k = p.kinds[p.i];
    if (k === T.TemplateLit) {
      const t = p.next();
      const start = p.starts[t];
      const end = p.ends[t];
      const value = heredoc ? decodeHeredocText(p.text, start, end) : decodeQuotedText(p, start, end);
      items.push({ lit: true, start, end, value });
    } else if (k === T.TemplateInterp) items.push(parseInterpolation(p));
    else if (k === T.TemplateControl) items.push(parseDirective(p));
    else break;
  }
  return items;
}

function parseInterpolation(p: Parser): FlatSequence {
  const open = p.next();
  const stripLeft = p.ends[open] - p.starts[open] === 3;
  const saved = p.setNewlines(false);
  p.openSeqs++;
  const expr = parseExpression(p);
  p.openSeqs--;
  const seq: FlatSequence = {
    lit: false,
    seq: 'interp',
    start: p.starts[open],
    end: expr.end,
    stripLeft,
    stripRight: false,
    expr,
  };
  closeSequence(p, seq, 'interpolation');
  p.newlines = saved;
  return seq;
}

/** Expect the `}` / `~}` that ends a sequence; recover by skipping to it. */
function closeSequence(p: Parser, seq: FlatSequence, what: string): void {
  if (p.peek() !== T.TemplateSeqEnd) {
    if (p.peek() === T.EOF || p.atEnclosingCloser()) {
      p.reportHere(`Missing closing brace: expected "}" to end the template ${what}, but found ${p.describeCurrent()}.`);
      return;
    }
    p.reportHere(
      `Extra characters after ${what}: expected a closing brace to end the ${what}, but found ${p.describeCurrent()}.`,
    );
    p.skipToRecoveryPoint(false);
    if (p.peek() !== T.TemplateSeqEnd) return;
  }
  const close = p.next();
  seq.stripRight = p.ends[close] - p.starts[close] === 2;
  seq.end = p.ends[close];
}

function parseDirective(p: Parser): FlatSequence {
  const open = p.next();
  const stripLeft = p.ends[open] - p.starts[open] === 3;
  const saved = p.setNewlines(false);
  const seq: FlatSequence = {
    lit: false,
    seq: 'invalid',
    start: p.starts[open],
    end: p.ends[open],
    stripLeft,
    stripRight: false,
  };
  p.openSeqs++;
  const keyword = p.identText();
  switch (keyword) {
    case 'if':
      p.next();
      seq.seq = 'if';
      seq.expr = parseExpression(p);
      break;
    case 'else':
    case 'endif':
    case 'endfor':
      p.next();
      seq.seq = keyword;
      break;
    case 'for': {
      p.next();
      seq.seq = 'for';
      let first = directiveIdentifier(p);
      if (p.peek() === T.Comma) {
        p.next();
        seq.keyVar = first;
        first = directiveIdentifier(p);
      }
      seq.valueVar = first;
      if (p.identText() === 'in') p.next();
      else p.reportHere(`Invalid for directive: expected "in" after the iterator variables, but found ${p.describeCurrent()}.`);
      seq.expr = parseExpression(p);
      break;
    }
    default:
      p.reportHere(
        `Invalid template directive: expected "if", "else", "endif", "for" or "endfor", but found ${p.describeCurrent()}.`,
      );
  }
  p.openSeqs--;
  seq.end = Math.max(seq.end, p.lastEnd);
  closeSequence(p, seq, 'directive');
  p.newlines = saved;
  return seq;
}

function directiveIdentifier(p: Parser): Identifier {
  if (p.peek() === T.Ident) {
    const t = p.next();
    return { name: p.tokenText(t), start: p.starts[t], end: p.ends[t] };
  }
  p.reportHere(`Missing iterator variable: expected an identifier, but found ${p.describeCurrent()}.`);
  const at = p.start();
  return { name: '', start: at, end: at };
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Resolve `\n \r \t \" \\ \uNNNN \UNNNNNNNN` and `$${` / `%%{` in a quoted-string piece. */
export function decodeQuotedText(p: Parser, start: number, end: number): string {
  const text = p.text;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92 || c === 36 || c === 37) break;
    i++;
  }
  if (i === end) return text.slice(start, end);
  let out = text.slice(start, i);
  let chunk = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      out += text.slice(chunk, i);
      const n = text.charCodeAt(i + 1);
      let len = 2;
      switch (n) {
        case 110:
          out += '\n';
          break;
        case 114:
          out += '\r';
          break;
        case 116:
          out += '\t';
          break;
        case 34:
          out += '"';
          break;
        case 92:
          out += '\\';
          break;
        case 117 /* u */:
        case 85 /* U */: {
          const digits = n === 117 ? 4 : 8;
          let ok = i + 2 + digits <= end;
          for (let d = 0; ok && d < digits; d++) ok = isHexDigit(text.charCodeAt(i + 2 + d));
          const cp = ok ? parseInt(text.slice(i + 2, i + 2 + digits), 16) : -1;
          if (cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
            out += String.fromCodePoint(cp);
            len = 2 + digits;
          } else {
            p.report(i, Math.min(end, i + 2 + digits), `Invalid escape sequence: "\\${text[i + 1]}" must be followed by ${digits} hexadecimal digits of a valid Unicode code point.`);
          }
          break;
        }
        default:
          if (i + 1 >= end) {
            p.report(i, i + 1, 'Invalid escape sequence: a backslash must be followed by an escape character.');
            len = 1;
          } else {
            p.report(
              i,
              i + 2,
              `Invalid escape sequence: "\\${text[i + 1]}" is not a valid escape; use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN.`,
            );
            out += text[i + 1];
          }
      }
      i += len;
      chunk = i;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
      out += text.slice(chunk, i + 1) + '{';
      i += 3;
      chunk = i;
      continue;
    }
    i++;
  }
  return out + text.slice(chunk, end);
}

/** Heredocs resolve only the `$${` / `%%{` literal escapes. */
function decodeHeredocText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (raw.indexOf('$${') < 0 && raw.indexOf('%%{') < 0) return raw;
  return raw.replace(/([$%])\1\{/g, '$1{');
}

const unicodeSpace = /\s/;

/** Whitespace as HCL counts it for heredoc indentation (Unicode spaces, e.g. U+2003, included). */
function isSpaceChar(c: number): boolean {
  if (c < 128) return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
  return c === 0x85 || unicodeSpace.test(String.fromCharCode(c));
}

/**
 * `<<-` heredocs: find the smallest leading-whitespace width over the lines (a whitespace-only
 * line does not count; a line starting with a sequence counts as zero) and cut it from each line.
 */
function removeCommonIndent(items: FlatItem[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let atLineStart = true;
  const adjust: FlatLiteral[] = [];
  for (const item of items) {
    if (atLineStart) {
      atLineStart = false;
      if (item.lit) {
        const v = item.value;
        let n = 0;
        while (n < v.length && isSpaceChar(v.charCodeAt(n))) n++;
        const blank = n === v.length && v.endsWith('\n');
        if (!blank) {
          if (n < min) min = n;
          adjust.push(item);
        }
      } else min = 0;
    }
    if (item.lit && item.value.endsWith('\n')) atLineStart = true;
  }
  if (min === 0 || min === Number.MAX_SAFE_INTEGER) return;
  for (const lit of adjust) lit.value = lit.value.slice(min);
}

function mergeLiterals(items: FlatItem[]): FlatItem[] {
  const out: FlatItem[] = [];
  for (const item of items) {
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (item.lit && last !== undefined && last.lit) {
      out[out.length - 1] = { lit: true, start: last.start, end: item.end, value: last.value + item.value };
    } else out.push(item);
  }
  return out;
}

function applyStripMarkers(items: FlatItem[]): void {
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (item.lit) continue;
    if (item.stripLeft && j > 0) {
      const prev = items[j - 1];
      if (prev.lit) prev.value = prev.value.trimEnd();
    }
    if (item.stripRight && j + 1 < items.length) {
      const next = items[j + 1];
      if (next.lit) next.value = next.value.trimStart();
    }
  }
}

interface Frame {
  parts: TemplatePart[];
  node?: TemplateIf | TemplateFor;
  opener?: FlatSequence;
  inElse: boolean;
}

/** Nest directives into TemplateIf / TemplateFor parts; report unbalanced ones. */
function buildParts(p: Parser, items: FlatItem[], innerStart: number, innerEnd: number): TemplatePart[] {
  const root: Frame = { parts: [], inElse: false };
  const stack: Frame[] = [root];
  let sawSequence = false;
  for (const item of items) {
    const top = stack[stack.length - 1];
    if (item.lit) {
      if (item.value !== '') {
        const lit: TemplateLiteral = { kind: 'TemplateLiteral', value: item.value, start: item.start, end: item.end };
        top.parts.push(lit);
      }
      continue;
    }
    sawSequence = true;
    const expr = item.expr ?? { kind: 'Missing', start: item.end, end: item.end };
    switch (item.seq) {
      case 'interp':
        top.parts.push({
          kind: 'TemplateInterpolation',
          expr,
          stripLeft: item.stripLeft,
          stripRight: item.stripRight,
          start: item.start,
          end: item.end,
        });
        break;
      case 'if': {
        const node: TemplateIf = { kind: 'TemplateIf', cond: expr, then: [], start: item.start, end: item.end };
        top.parts.push(node);
        stack.push({ parts: node.then, node, opener: item, inElse: false });
        break;
      }
      case 'for': {
        const valueVar = item.valueVar ?? { name: '', start: item.end, end: item.end };
        const node: TemplateFor = {
          kind: 'TemplateFor',
          keyVar: item.keyVar,
          valueVar,
          collection: expr,
          body: [],
          start: item.start,
          end: item.end,
        };
        top.parts.push(node);
        stack.push({ parts: node.body, node, opener: item, inElse: false });
        break;
      }
      case 'else':
        if (top.node?.kind === 'TemplateIf' && !top.inElse) {
          top.node.else = [];
          top.parts = top.node.else;
          top.inElse = true;
        } else p.report(item.start, item.end, 'Unexpected else directive: there is no open %{if} for this %{else}.');
        break;
      case 'endif':
      case 'endfor': {
        const wanted = item.seq === 'endif' ? 'TemplateIf' : 'TemplateFor';
        if (top.node?.kind === wanted) {
          top.node.end = item.end;
          stack.pop();
        } else {
          const opener = item.seq === 'endif' ? 'if' : 'for';
          p.report(item.start, item.end, `Unexpected ${item.seq} directive: there is no open %{${opener}} for this %{${item.seq}}.`);
        }
        break;
      }
      case 'invalid':
        break;
    }
  }
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    const node = frame.node as TemplateIf | TemplateFor;
    const closer = node.kind === 'TemplateIf' ? 'endif' : 'endfor';
    const opener = frame.opener as FlatSequence;
    p.report(opener.start, opener.end, `Unterminated template directive: missing %{${closer}} for this directive.`);
    node.end = Math.max(node.end, innerEnd);
  }
  if (root.parts.length === 0 && !sawSequence) {
    root.parts.push({ kind: 'TemplateLiteral', value: '', start: innerStart, end: Math.max(innerStart, innerEnd) });
  }
  return trimmed(root.parts);
}
