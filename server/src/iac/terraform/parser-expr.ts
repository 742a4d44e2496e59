// Expression parser: precedence climbing over the HCL operators, traversals and splats,
// function calls, tuples, objects and `for` expressions. Never throws; a missing operand is a
// zero-width Missing node, a token that cannot start an expression becomes an Invalid node.
import type { BinaryOp, Expr, ForExpr, Identifier, ObjectItem, TupleExpr, ObjectExpr, Span } from './ast';
import { T } from './lexer';
import { MAX_NESTING, type Parser } from './parser-core';
import { parseHeredocTemplate, parseQuotedTemplate } from './parser-template';

/** Binding power of binary operators (0 = not a binary operator). */
function precedence(kind: number): number {
  switch (kind) {
    case T.OrOr:
      return 1;
    case T.AndAnd:
      return 2;
    case T.EqEq:
    case T.NotEq:
      return 3;
    case T.Lt:
    case T.Le:
    case T.Gt:
    case T.Ge:
      return 4;
    case T.Plus:
    case T.Minus:
      return 5;
    case T.Star:
    case T.Slash:
    case T.Percent:
      return 6;
    default:
      return 0;
  }
}

const OPERATOR_TEXT: Record<number, BinaryOp> = {
  [T.OrOr]: '||',
  [T.AndAnd]: '&&',
  [T.EqEq]: '==',
  [T.NotEq]: '!=',
  [T.Lt]: '<',
  [T.Le]: '<=',
  [T.Gt]: '>',
  [T.Ge]: '>=',
  [T.Plus]: '+',
  [T.Minus]: '-',
  [T.Star]: '*',
  [T.Slash]: '/',
  [T.Percent]: '%',
};

export function parseExpression(p: Parser): Expr {
  if (p.depth >= MAX_NESTING) return tooDeep(p);
  p.depth++;
  const cond = parseBinary(p, 1);
  let result = cond;
  if (p.peek() === T.Question) {
    p.next();
    const then = parseExpression(p);
    let otherwise: Expr;
    if (p.peek() === T.Colon) {
      p.next();
      otherwise = parseExpression(p);
    } else {
      p.reportHere(
        `Missing false expression in conditional: the conditional operator (…?…:…) requires a false expression, delimited by a colon; found ${p.describeCurrent()}.`,
      );
      otherwise = p.missing();
    }
    result = { kind: 'Conditional', cond, then, else: otherwise, start: cond.start, end: otherwise.end };
  }
  p.depth--;
  return result;
}

/** Past the nesting limit: swallow the whole construct at the cursor as one Invalid node. */
function tooDeep(p: Parser): Expr {
  const start = p.start();
  if (!p.reportedTooDeep) {
    p.reportedTooDeep = true;
    p.report(start, p.end(), `Expression nesting too deep: more than ${MAX_NESTING} levels.`);
  }
  if (p.atEnclosingCloser() || p.peek() === T.Newline) return p.missing();
  p.skipBalanced();
  return { kind: 'Invalid', start, end: p.lastEnd };
}

function parseBinary(p: Parser, minPrec: number): Expr {
  let left = parseUnary(p);
  // Each operator of a chain nests the tree one level deeper on the left (`1+1+1` is
  // `(1+1)+1`), and the evaluator and every other walker recurse on it: a long chain counts
  // against the nesting limit like brackets do, or 50,000 `+` overflow the stack downstream.
  for (let chain = p.depth; ; chain++) {
    const k = p.peek();
    const prec = precedence(k);
    if (prec === 0 || prec < minPrec) return left;
    if (chain >= MAX_NESTING) return tooLongChain(p, left, k);
    p.next();
    const right = p.depth >= MAX_NESTING ? tooDeep(p) : parseBinaryNested(p, prec + 1);
    left = { kind: 'Binary', op: OPERATOR_TEXT[k], left, right, start: left.start, end: right.end };
  }
}

/** Past the nesting limit in a chain of operators: the rest of the chain is one Invalid operand. */
function tooLongChain(p: Parser, left: Expr, operator: number): Expr {
  const start = p.start();
  if (!p.reportedTooDeep) {
    p.reportedTooDeep = true;
    p.report(start, p.end(), `Expression nesting too deep: more than ${MAX_NESTING} levels (a chain of operators nests one level per operator).`);
  }
  p.skipToRecoveryPoint(true);
  const right: Expr = { kind: 'Invalid', start, end: Math.max(start, p.lastEnd) };
  return { kind: 'Binary', op: OPERATOR_TEXT[operator], left, right, start: left.start, end: right.end };
}

function parseBinaryNested(p: Parser, minPrec: number): Expr {
  p.depth++;
  const e = parseBinary(p, minPrec);
  p.depth--;
  return e;
}

function parseUnary(p: Parser): Expr {
  const k = p.peek();
  if (k === T.Minus || k === T.Bang) {
    const start = p.start();
    p.next();
    if (p.depth >= MAX_NESTING) return tooDeep(p);
    p.depth++;
    const operand = parseUnary(p);
    p.depth--;
    return { kind: 'Unary', op: k === T.Minus ? '-' : '!', operand, start, end: operand.end };
  }
  return parseTraversals(p, parsePrimary(p), SPLAT_NONE);
}

const SPLAT_NONE = 0;
const SPLAT_ATTR = 1; // inside `a.*.…`: only attribute / legacy-index steps belong to the splat
const SPLAT_FULL = 2; // inside `a[*].…`: attribute and index steps belong to the splat

/** Postfix steps: `.name`, `.0`, `[key]`, and the splats `.*` / `[*]`. */
function parseTraversals(p: Parser, expr: Expr, splat: number): Expr {
  for (;;) {
    if (!p.tick()) return expr;
    const k = p.peek();
    if (k === T.Dot) {
      const second = p.peekSecond();
      if (second === T.Star) {
        if (splat !== SPLAT_NONE) return expr; // a splat inside a splat ends the inner traversal
        const opStart = p.start();
        p.next();
        p.next();
        expr = makeSplat(p, expr, { start: opStart, end: p.lastEnd }, SPLAT_ATTR);
        continue;
      }
      const dot = p.next();
      if (second === T.Ident) {
        const t = p.next();
        const name: Identifier = { name: p.tokenText(t), start: p.starts[t], end: p.ends[t] };
        expr = { kind: 'GetAttr', object: expr, name, start: expr.start, end: name.end };
        continue;
      }
      if (second === T.Number) {
        const t = p.next();
        const raw = p.tokenText(t);
        const key: Expr = { kind: 'Literal', value: Number(raw), raw, start: p.starts[t], end: p.ends[t] };
        expr = { kind: 'Index', object: expr, key, start: expr.start, end: key.end };
        continue;
      }
      p.report(
        p.starts[dot],
        p.ends[dot],
        `Invalid attribute name: an attribute name is required after a dot; found ${p.describeCurrent()}.`,
      );
      const at = p.ends[dot];
      const name: Identifier = { name: '', start: at, end: at };
      expr = { kind: 'GetAttr', object: expr, name, start: expr.start, end: at };
      return expr;
    }
    if (k === T.LBrack) {
      if (splat === SPLAT_ATTR) return expr;
      const open = p.next();
      if (p.peek() === T.Star && p.peekSecond() === T.RBrack) {
        if (splat !== SPLAT_NONE) {
          p.i = open; // give the `[` back: the outer traversal starts a new splat here
          return expr;
        }
        p.next();
        p.next();
        expr = makeSplat(p, expr, { start: p.starts[open], end: p.lastEnd }, SPLAT_FULL);
        continue;
      }
      const saved = p.setNewlines(false);
      p.openBracks++;
      const key = parseExpression(p);
      p.openBracks--;
      let end: number;
      if (p.peek() === T.RBrack) end = p.ends[p.next()];
      else {
        reportMissingCloser(p, open, ']', 'index');
        end = Math.max(key.end, p.ends[open]);
      }
      p.newlines = saved;
      expr = { kind: 'Index', object: expr, key, start: expr.start, end };
      continue;
    }
    return expr;
  }
}

function makeSplat(p: Parser, object: Expr, op: Span, mode: number): Expr {
  const item: Expr = { kind: 'Variable', name: '*', start: op.start, end: op.end };
  const each = parseTraversals(p, item, mode);
  return { kind: 'Splat', object, each, full: mode === SPLAT_FULL, start: object.start, end: each.end };
}

export function reportMissingCloser(p: Parser, openIndex: number, closer: string, what: string): void {
  const name = closer === ')' ? 'parenthesis' : closer === ']' ? 'bracket' : 'brace';
  const line = p.lineOf(p.starts[openIndex]);
  p.reportHere(
    `Missing closing ${name}: expected "${closer}" to close the ${what} opened on line ${line}; found ${p.describeCurrent()}.`,
  );
}

function parsePrimary(p: Parser): Expr {
  const k = p.peek();
  const start = p.start();
  // An identifier starting the next `name =` line is not an operand (see atEnclosingCloser).
  const foreign = k === T.Ident && p.atEnclosingCloser();
  switch (foreign ? T.EOF : k) {
    case T.Number: {
      const t = p.next();
      const raw = p.tokenText(t);
      return { kind: 'Literal', value: Number(raw), raw, start, end: p.ends[t] };
    }
    case T.Ident:
      return parseIdentExpr(p);
    case T.OQuote:
      return parseQuotedTemplate(p);
    case T.OHeredoc:
      return parseHeredocTemplate(p);
    case T.LParen: {
      const open = p.next();
      const saved = p.setNewlines(false);
      p.openParens++;
      const inner = parseExpression(p);
      p.openParens--;
      let end: number;
      if (p.peek() === T.RParen) end = p.ends[p.next()];
      else {
        reportMissingCloser(p, open, ')', 'parenthesised expression');
        end = inner.end;
      }
      p.newlines = saved;
      return { kind: 'Paren', expr: inner, start, end };
    }
    case T.LBrack:
      return parseTupleOrFor(p);
    case T.LBrace:
      return parseObjectOrFor(p);
  }
  // Not the start of an expression.
  if (p.atEnclosingCloser() || k === T.Newline || k === T.Comma || k === T.Equal || k === T.Colon) {
    p.reportHere(`Missing expression: expected the start of an expression, but found ${p.describeCurrent()}.`);
    return p.missing();
  }
  p.reportHere(`Invalid expression: expected the start of an expression, but found ${p.describeCurrent()}.`);
  p.next();
  return { kind: 'Invalid', start, end: p.lastEnd };
}

function parseIdentExpr(p: Parser): Expr {
  const t = p.next();
  const start = p.starts[t];
  const name = p.tokenText(t);
  const after = p.peek();
  if (after === T.LParen || after === T.DoubleColon) return parseCall(p, t);
  switch (name) {
    case 'true':
      return { kind: 'Literal', value: true, raw: name, start, end: p.ends[t] };
    case 'false':
      return { kind: 'Literal', value: false, raw: name, start, end: p.ends[t] };
    case 'null':
      return { kind: 'Literal', value: null, raw: name, start, end: p.ends[t] };
  }
  return { kind: 'Variable', name, start, end: p.ends[t] };
}

/** `name(args)`, including provider functions `provider::aws::arn_parse(x)` and `f(list...)`. */
function parseCall(p: Parser, first: number): Expr {
  const start = p.starts[first];
  let nameEnd = p.ends[first];
  while (p.peek() === T.DoubleColon) {
    p.next();
    if (p.peek() !== T.Ident) {
      p.reportHere(`Invalid function name: expected a name after "::", but found ${p.describeCurrent()}.`);
      break;
    }
    nameEnd = p.ends[p.next()];
  }
  const name: Identifier = { name: p.text.slice(start, nameEnd), start, end: nameEnd };
  if (p.peek() !== T.LParen) {
    p.reportHere(`Missing function call: expected "(" after "${name.name}", but found ${p.describeCurrent()}.`);
    return { kind: 'Call', name, args: [], expandFinal: false, start, end: nameEnd };
  }
  const open = p.next();
  const base = p.listStart();
  let expandFinal = false;
  let close: Span | undefined;
  const saved = p.setNewlines(false);
  p.openParens++;
  while (p.tick()) {
    const k = p.peek();
    if (k === T.RParen) break;
    if (k === T.EOF || (p.atEnclosingCloser() && k !== T.RParen)) break;
    const before = p.i;
    p.listPush(parseExpression(p));
    const sep = p.peek();
    if (sep === T.Ellipsis) {
      p.next();
      expandFinal = true;
      if (p.peek() !== T.RParen) {
        p.reportHere(
          `Missing closing parenthesis: an expanded argument ("...") must be the last argument; found ${p.describeCurrent()}.`,
        );
      }
      break;
    }
    if (sep === T.Comma) {
      p.next();
      continue;
    }
    if (sep === T.RParen) break;
    if (p.atEnclosingCloser()) break;
    p.reportHere(
      `Missing argument separator: a comma is required to separate each function argument from the next; found ${p.describeCurrent()}.`,
    );
    if (p.i === before) p.next();
    p.skipToRecoveryPoint(true);
    if (p.peek() === T.Comma) p.next();
  }
  p.openParens--;
  const args = p.listTake<Expr>(base);
  if (p.peek() === T.RParen) close = p.spanOf(p.next());
  else if (!p.stopped) reportMissingCloser(p, open, ')', 'function call');
  p.newlines = saved;
  const end = close ? close.end : Math.max(p.lastEnd, p.ends[open], args.length > 0 ? args[args.length - 1].end : 0);
  return { kind: 'Call', name, args, expandFinal, close, start, end };
}

function isForKeyword(p: Parser): boolean {
  return p.peek() === T.Ident && p.identText() === 'for' && p.peekSecond() === T.Ident;
}

function parseTupleOrFor(p: Parser): Expr {
  const open = p.next();
  const saved = p.setNewlines(false);
  p.openBracks++;
  let result: Expr;
  if (isForKeyword(p)) {
    const f = parseForBody(p, open, false);
    p.openBracks--;
    result = finishBracket(p, f, open, T.RBrack);
  } else {
    const base = p.listStart();
    while (p.tick()) {
      const k = p.peek();
      if (k === T.RBrack || k === T.EOF || p.atEnclosingCloser()) break;
      const before = p.i;
      p.listPush(parseExpression(p));
      const sep = p.peek();
      if (sep === T.Comma) {
        p.next();
        continue;
      }
      if (sep === T.RBrack || p.atEnclosingCloser()) break;
      p.reportHere(
        `Missing item separator: expected a comma or "]" after a tuple item, but found ${p.describeCurrent()}.`,
      );
      if (p.i === before) p.next();
      p.skipToRecoveryPoint(true);
      if (p.peek() === T.Comma) p.next();
    }
    p.openBracks--;
    const tuple: TupleExpr = { kind: 'Tuple', items: p.listTake<Expr>(base), start: p.starts[open], end: 0 };
    result = finishBracket(p, tuple, open, T.RBrack);
  }
  p.newlines = saved;
  return result;
}

/** Consume the closer of a tuple / object / for, or report it missing; sets the node's end. */
function finishBracket<E extends Expr>(p: Parser, node: E, open: number, closer: number): E {
  if (p.peek() === closer) node.end = p.ends[p.next()];
  else {
    if (!p.stopped) reportMissingCloser(p, open, closer === T.RBrack ? ']' : '}', node.kind === 'For' ? 'for expression' : closer === T.RBrack ? 'tuple' : 'object');
    node.end = Math.max(p.lastEnd, p.ends[open], maxChildEnd(node));
  }
  return node;
}

/** The furthest end of a node's direct children (a trailing Missing node may lie past lastEnd). */
export function maxChildEnd(node: object): number {
  let end = 0;
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) {
      const last = v[v.length - 1];
      if (last && typeof last.end === 'number') end = Math.max(end, last.end);
    } else if (v && typeof v === 'object' && typeof (v as { end?: unknown }).end === 'number') {
      end = Math.max(end, (v as { end: number }).end);
    }
  }
  return end;
}

function parseObjectOrFor(p: Parser): Expr {
  const open = p.next();
  const saved = p.setNewlines(false);
  if (isForKeyword(p)) {
    p.openBraces++;
    const f = parseForBody(p, open, true);
    p.openBraces--;
    const result = finishBracket(p, f, open, T.RBrace);
    p.newlines = saved;
    return result;
  }
  p.newlines = true;
  p.openBraces++;
  const base = p.listStart();
  while (p.tick()) {
    let k = p.peek();
    if (k === T.Newline || k === T.Comma) {
      if (k === T.Comma) p.reportHere('Unexpected comma: expected an object item before the comma.');
      p.next();
      continue;
    }
    if (k === T.RBrace || k === T.EOF || p.atEnclosingCloser()) break;
    const before = p.i;
    const key = parseExpression(p);
    let value: Expr;
    k = p.peek();
    if (k === T.Equal || k === T.Colon) {
      p.next();
      value = parseExpression(p);
    } else {
      p.reportHere(
        `Missing key/value separator: expected an equals sign ("=") to mark the beginning of the value, but found ${p.describeCurrent()}.`,
      );
      value = p.missing();
    }
    p.listPush({ key, value, start: key.start, end: Math.max(value.end, key.end) } satisfies ObjectItem);
    k = p.peek();
    if (k === T.Comma || k === T.Newline) {
      p.next();
      continue;
    }
    if (k === T.RBrace || p.atEnclosingCloser()) break;
    if (p.atLineStart()) continue;
    p.reportHere(
      `Missing attribute separator: expected a newline or comma after an object item, but found ${p.describeCurrent()}.`,
    );
    if (p.i === before) p.next();
    p.skipToRecoveryPoint(true);
  }
  p.openBraces--;
  const obj: ObjectExpr = { kind: 'Object', items: p.listTake<ObjectItem>(base), start: p.starts[open], end: 0 };
  const result = finishBracket(p, obj, open, T.RBrace);
  p.newlines = saved;
  return result;
}

function parseIdentifier(p: Parser, what: string): Identifier {
  if (p.peek() === T.Ident) {
    const t = p.next();
    return { name: p.tokenText(t), start: p.starts[t], end: p.ends[t] };
  }
  p.reportHere(`Missing ${what}: expected an identifier, but found ${p.describeCurrent()}.`);
  const at = p.start();
  return { name: '', start: at, end: at };
}

function expectKeyword(p: Parser, keyword: string, message: string): boolean {
  if (p.identText() === keyword) {
    p.next();
    return true;
  }
  p.reportHere(`${message}; found ${p.describeCurrent()}.`);
  return false;
}

/** The inside of `[for …]` / `{for …}`, from the `for` keyword up to (not including) the closer. */
function parseForBody(p: Parser, open: number, isObject: boolean): ForExpr {
  p.next(); // `for`
  let keyVar: Identifier | undefined;
  let valueVar = parseIdentifier(p, 'iterator variable');
  if (p.peek() === T.Comma) {
    p.next();
    keyVar = valueVar;
    valueVar = parseIdentifier(p, 'value iterator variable');
  }
  expectKeyword(p, 'in', 'Invalid for expression: expected "in" after the iterator variables');
  const collection = parseExpression(p);
  if (p.peek() === T.Colon) p.next();
  else p.reportHere(`Missing colon: expected ":" after the for expression's collection, but found ${p.describeCurrent()}.`);
  let keyExpr: Expr | undefined;
  let valueExpr = parseExpression(p);
  let grouping = false;
  if (isObject) {
    keyExpr = valueExpr;
    if (p.peek() === T.FatArrow) {
      p.next();
      valueExpr = parseExpression(p);
    } else {
      p.reportHere(
        `Missing "=>": an object for expression needs a key and a value separated by "=>"; found ${p.describeCurrent()}.`,
      );
      valueExpr = p.missing();
    }
    if (p.peek() === T.Ellipsis) {
      p.next();
      grouping = true;
    }
  }
  let cond: Expr | undefined;
  if (p.identText() === 'if') {
    p.next();
    cond = parseExpression(p);
  }
  const closer = isObject ? T.RBrace : T.RBrack;
  if (p.peek() !== closer && !p.atEnclosingCloser()) {
    p.reportHere(`Invalid for expression: unexpected ${p.describeCurrent()} at the end of the for expression.`);
    p.skipToRecoveryPoint(false);
  }
  return {
    kind: 'For',
    keyVar,
    valueVar,
    collection,
    keyExpr,
    valueExpr,
    cond,
    grouping,
    isObject,
    start: p.starts[open],
    end: 0,
  };
}
