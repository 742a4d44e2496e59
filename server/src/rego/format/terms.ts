// Terms: scalars, refs, calls and operators, composite literals and comprehensions.
// Layout follows source rows the way `opa fmt` does: elements that shared a line stay together,
// and a composite becomes multi-line (with a trailing comma) when its source spanned lines.
import type { Body, Expr, Ref, Term } from '../syntax/ast';
import { writeBody, writeExpr } from './exprs';
import { hasGeneratedVar } from './walk';
import { closingRow, type Pos, type RowOnly } from './source';
import { INFIX, KEYWORDS_V0, KEYWORDS_V1, goQuote, isVarCompatible, operatorName, termString } from './syntax-text';
import { FormatFailure, UnexpectedComment, type Writer } from './writer';

/** Writes a term; if a comment inside it cannot be placed, writes the term's source text instead. */
export function writeTerm(w: Writer, term: Term): void {
  if (w.comments.length === 0) {
    writeTermParens(w, false, term);
    return;
  }
  const length = w.length;
  // Comment lists are replaced, never mutated, so keeping the reference is a snapshot.
  const saved = w.comments;
  try {
    writeTermParens(w, false, term);
  } catch (e) {
    if (!(e instanceof UnexpectedComment)) throw e;
    w.truncate(length);
    w.writeUnformatted(w.pos(term), saved);
    throw e;
  }
}

export function writeTermParens(w: Writer, parens: boolean, term: Term): void {
  const v = term.value;
  // Vars, refs and scalars need their position only to place comments.
  if (v.type === 'var' || v.type === 'ref' || v.type === 'number' || v.type === 'boolean' || v.type === 'null') {
    w.insertCommentsBefore(term);
    if (!w.inline) w.startLine();
    if (v.type === 'ref') writeRef(w, v.terms);
    else if (v.type === 'var') w.write(formatVar(v.name));
    else w.write(termString(term));
    if (!w.inline) w.startLine();
    return;
  }
  const pos = w.pos(term);
  w.insertComments(pos);
  if (!w.inline) w.startLine();
  switch (v.type) {
    case 'object':
      writeCollection(w, '{', '}', mergeDuplicateKeys(v.items), pos, 'object');
      break;
    case 'array':
      writeCollection(w, '[', ']', v.items, pos, 'list');
      break;
    case 'set':
      if (v.items.length === 0) {
        w.write('set()');
        w.insertComments(closingRow(pos, '(', ')'));
      } else {
        writeCollection(w, '{', '}', dedupe(v.items), pos, 'list');
      }
      break;
    case 'arraycomprehension':
      w.write('[');
      try {
        writeComprehension(w, '[', ']', v.term, v.body, pos);
      } finally {
        w.write(']');
      }
      break;
    case 'setcomprehension':
      w.write('{');
      try {
        writeComprehension(w, '{', '}', v.term, v.body, pos);
      } finally {
        w.write('}');
      }
      break;
    case 'objectcomprehension':
      writeObjectComprehension(w, v.key, v.value, v.body, pos);
      break;
    case 'string':
      writeString(w, v.value, pos);
      break;
    case 'call':
      writeCall(w, parens, v.operator, v.args, pos);
      break;
    case 'templatestring':
      w.write(pos.text);
      break;
    default:
      w.write(termString(term));
  }
  if (!w.inline) w.startLine();
}

/** Strings are printed as written (raw strings stay raw); keys that came from `a.b` are quoted. */
function writeString(w: Writer, value: string, pos: Pos): void {
  const text = pos.text;
  if (text.startsWith('`')) {
    w.write(text);
    return;
  }
  const last = text[text.length - 1];
  const quote = last === '"' || last === '`' ? last : undefined;
  const at = quote ? text.indexOf(quote) : -1;
  if (at < 0) w.write(goQuote(value));
  else w.write(text.slice(at));
}

export function formatVar(name: string): string {
  return name.startsWith('$') ? '_' : name;
}

export function writeRef(w: Writer, ref: Ref): void {
  if (ref.length === 0) return;
  const head = ref[0];
  const parens = head.value.type === 'call' && w.pos(head).text.startsWith('(');
  writeTermParens(w, parens, head);
  for (const t of ref.slice(1)) {
    const v = t.value;
    if (v.type === 'string') {
      if (shouldBracket(w, v.value)) w.write('[' + goQuote(v.value) + ']');
      else w.write('.' + v.value);
    } else if (v.type === 'var') {
      w.write('[' + formatVar(v.name) + ']');
    } else {
      w.write('[');
      try {
        writeTerm(w, t);
      } catch (e) {
        if (!(e instanceof UnexpectedComment)) throw e;
        // Keep the closing bracket off the line of the comment that was written verbatim.
        w.write('\n');
      }
      w.write(']');
    }
  }
}

function shouldBracket(w: Writer, s: string): boolean {
  if (!isVarCompatible(s)) return true;
  const keywords = w.flags.regoV1 ? KEYWORDS_V1 : [...KEYWORDS_V0, ...w.flags.futureKeywords];
  return keywords.includes(s);
}

function isParenthesisedUnion(w: Writer, t: Term): boolean {
  return t.value.type === 'call' && operatorName(t.value.operator) === 'or' && w.pos(t).text.startsWith('(');
}

/** A call used as a term: infix operators print infix (nested ones parenthesised), others plainly. */
function writeCall(w: Writer, parens: boolean, operator: Term, args: Term[], pos: Pos): void {
  const infix = INFIX[operatorName(operator)];
  if (!infix) {
    writeFunctionCallPlain(w, operator, args);
    return;
  }
  if (infix.op === 'in') {
    writeInOperator(w, true, args, pos, operator);
    return;
  }
  if (parens) w.write('(');
  if (infix.arity !== args.length) throw arityMismatch(w, operatorName(operator), pos);
  writeTermParens(w, true, args[0]);
  w.write(' ' + infix.op + ' ');
  writeTermParens(w, true, args[1]);
  if (parens) w.write(')');
}

export function arityMismatch(w: Writer, name: string, pos: Pos): FormatFailure {
  const rc = { row: pos.row, col: 1 };
  return new FormatFailure({ code: 'rego_type_error', message: `${name}: arity mismatch`, loc: { start: pos.offset, end: pos.offset + pos.text.length }, ...rc });
}

export function writeFunctionCallPlain(w: Writer, operator: Term, args: Term[]): void {
  if (operator.value.type === 'ref') writeRef(w, operator.value.terms);
  else w.write(termString(operator));
  w.write('(');
  try {
    const opPos = w.pos(operator);
    writeIterable(w, args, closingRow(opPos, '(', ')'), (t) => writeListItem(w, t as Term));
  } finally {
    w.write(')');
  }
}

/** `x in xs` / `k, v in xs`; nested operands are parenthesised when they are calls. */
export function writeInOperator(w: Writer, parens: boolean, operands: Term[], pos: Pos, operator: Term): void {
  if (operands.length === 2) {
    writeTermParens(w, true, operands[0]);
    w.write(' in ');
    writeTermParens(w, true, operands[1]);
    return;
  }
  if (operands.length !== 3) throw arityMismatch(w, operatorName(operator), pos);
  if (parens) w.write('(');
  try {
    writeTermParens(w, true, operands[0]);
    w.write(', ');
    writeTermParens(w, true, operands[1]);
    w.write(' in ');
    writeTermParens(w, true, operands[2]);
  } finally {
    if (parens) w.write(')');
  }
}

/** Set elements are unique in OPA's AST: a repeated literal is printed once. */
function dedupe(items: Term[]): Term[] {
  if (items.length < 2) return items;
  const seen = new Set<string>();
  // Distinct string values print distinctly, so a set of strings is keyed by value (no quoting).
  const keyOf = items.every(isStringTerm) ? stringValue : identityKey;
  return items.filter((t) => {
    const key = keyOf(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** OPA's object literal keeps one entry per key: the first key's place with the last value. */
function mergeDuplicateKeys(items: [Term, Term][]): [Term, Term][] {
  if (items.length < 2) return items;
  const byKey = new Map<string, number>();
  const out: [Term, Term][] = [];
  const keyOf = items.every(([k]) => isStringTerm(k)) ? stringValue : identityKey;
  for (const [k, v] of items) {
    const key = keyOf(k);
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push([k, v]);
    } else {
      out[at] = [out[at][0], v];
    }
  }
  return out;
}

/**
 * What makes two elements one in OPA's AST. `termString` abbreviates comprehension bodies and
 * template strings (`{x | …}`), so two comprehensions with the same head would print alike and one
 * would be dropped: such terms are keyed by their whole structure, source positions left out.
 */
function identityKey(t: Term): string {
  const printed = termString(t);
  if (!printed.includes('…')) return printed;
  return JSON.stringify(t.value, (key, value: unknown) => (key === 'loc' ? undefined : value));
}

function isStringTerm(t: Term): boolean {
  return t.value.type === 'string';
}

function stringValue(t: Term): string {
  return (t.value as { value: string }).value;
}

type Element = Term | [Term, Term] | Expr;

function writeCollection(w: Writer, open: string, close: string, items: Element[], pos: Pos, kind: 'object' | 'list'): void {
  w.write(open);
  try {
    const write = kind === 'object' ? (e: Element) => writeObjectItem(w, e as [Term, Term]) : (e: Element) => writeListItem(w, e as Term);
    writeIterable(w, items, closingRow(pos, open, close), write);
  } finally {
    w.write(close);
  }
}

/** A set union (`a | b`) inside a composite keeps the parentheses it was written with. */
function writeListItem(w: Writer, t: Term): void {
  if (isParenthesisedUnion(w, t)) {
    w.write('(');
    try {
      writeTerm(w, t);
    } finally {
      w.write(')');
    }
    return;
  }
  writeTerm(w, t);
}

function writeObjectItem(w: Writer, [key, value]: [Term, Term]): void {
  const paren = isParenthesisedUnion(w, key);
  if (paren) w.write('(');
  writeTerm(w, key);
  if (paren) w.write(')');
  w.write(': ');
  if (isParenthesisedUnion(w, value)) {
    w.write('(');
    try {
      writeTerm(w, value);
    } finally {
      w.write(')');
    }
    return;
  }
  writeTerm(w, value);
}

/** The node that places an element: an object item is placed by its key. */
function elementNode(e: Element): Term | Expr {
  return Array.isArray(e) ? e[0] : e;
}

/** Groups elements into output lines: a new line wherever an element started on a later row. */
export function groupIterable<T extends Element>(w: Writer, elements: T[]): T[][] {
  // OPA does not trust the positions of compiler-generated vars (`__local0__`): such lists stay as they are.
  if (w.mayHaveGeneratedVars && elements.some((e) => (Array.isArray(e) ? e.some(hasGeneratedVar) : hasGeneratedVar(e)))) return [elements];
  // Rows and offsets only: no position object per element (this runs for every composite and body).
  const n = elements.length;
  const rows = new Array<number>(n);
  let inOrder = true;
  let prevOffset = -1;
  for (let i = 0; i < n; i++) {
    const node = elementNode(elements[i]);
    rows[i] = w.rowOf(node);
    const offset = w.offsetOf(node);
    if (i > 0 && inOrder) inOrder = rows[i - 1] < rows[i] || (rows[i - 1] === rows[i] && prevOffset <= offset);
    prevOffset = offset;
  }
  // Elements nearly always come in source order; sort (stably) only when they do not.
  if (!inOrder) return linesByRow(w, elements, rows);
  const lines: T[][] = [];
  let cur: T[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && rows[i] > rows[i - 1]) {
      lines.push(cur);
      cur = [];
    }
    cur.push(elements[i]);
  }
  lines.push(cur);
  return lines;
}

/** groupIterable for elements out of source order: sorted by row, then offset, then input order. */
function linesByRow<T extends Element>(w: Writer, elements: T[], rows: number[]): T[][] {
  const sorted = elements
    .map((e, i) => ({ e, i, row: rows[i], offset: w.offsetOf(elementNode(e)) }))
    .sort((a, b) => a.row - b.row || a.offset - b.offset || a.i - b.i);
  const lines: T[][] = [];
  let cur: T[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i].row > sorted[i - 1].row) {
      lines.push(cur);
      cur = [];
    }
    cur.push(sorted[i].e);
  }
  lines.push(cur);
  return lines;
}

export function writeIterable(w: Writer, elements: Element[], close: RowOnly, write: (e: Element) => void): void {
  // OPA 1.5 decides purely by rows: one source row → one output line, whatever sits between.
  const lines = groupIterable(w, elements);
  const multiline = lines.length > 1;
  if (multiline) {
    w.delayBeforeEnd();
    w.startMultilineSeq();
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    for (let j = 0; j < line.length; j++) {
      if (j > 0) w.write(', ');
      write(line[j]);
    }
    if (i < lines.length - 1) {
      w.write(',');
      w.endLine();
      w.startLine();
    }
  }
  if (multiline) {
    w.write(',');
    w.endLine();
    w.insertComments(close);
    w.down();
    w.startLine();
  }
}

function writeObjectComprehension(w: Writer, key: Term, value: Term, body: Body, pos: Pos): void {
  w.write('{');
  try {
    // OPA moves the value to the key's position so it never starts a line of its own.
    const keyPos = w.pos(key);
    w.posOverride.set(value, keyPos);
    if (keyPos.row - pos.row > 1) {
      w.endLine();
      w.startLine();
    }
    writeTerm(w, key);
    w.write(': ');
    writeComprehension(w, '{', '}', value, body, pos);
  } finally {
    w.write('}');
  }
}

function writeComprehension(w: Writer, open: string, close: string, term: Term, body: Body, pos: Pos): void {
  const termPos = w.pos(term);
  if (termPos.row - pos.row >= 1) {
    w.endLine();
    w.startLine();
  }
  const parens = term.value.type === 'call' && termPos.text.startsWith('(');
  writeTermParens(w, parens, term);
  w.write(' |');
  writeComprehensionBody(w, open, close, body, termPos, pos);
}

/** A comprehension or `every` body: one line (`; `-separated) if it was one line, else a block. */
export function writeComprehensionBody(w: Writer, open: string, close: string, body: Body, termPos: Pos, comprPos: Pos): void {
  const lines = groupIterable(w, body);
  const closing = closingRow(comprPos, open, close);
  if ((body.length > 0 && w.pos(body[0]).row - termPos.row > 0) || lines.length > 1) {
    w.endLine();
    w.up();
    try {
      writeBody(w, body);
      w.insertComments(closing);
    } finally {
      w.down();
      w.startLine();
    }
    return;
  }
  w.write(' ');
  body.forEach((expr, i) => {
    if (i > 0) w.write('; ');
    writeExpr(w, expr);
  });
  w.insertComments(closing);
}
