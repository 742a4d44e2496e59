// Bodies and expressions: one expression per line (blank lines kept, one at most), `not`,
// infix operators, `some`, `every` and `with` modifiers.
import type { Body, CallTerms, Every, Expr, SomeDecl, Term, With } from '../syntax/ast';
import { lastRow } from './source';
import { INFIX, MEMBER_2, MEMBER_3, operatorName } from './syntax-text';
import { arityMismatch, writeComprehensionBody, writeFunctionCallPlain, writeInOperator, writeTerm } from './terms';
import { UnexpectedComment, type Writer } from './writer';

export function writeBody(w: Writer, body: Body): void {
  if (body.length === 0) return;
  w.insertComments(w.pos(body[0]));
  body.forEach((expr, i) => {
    if (i > 0) {
      if (w.pos(expr).row > lastRow(w.pos(body[i - 1])) + 1) w.blankLine();
    }
    w.startLine();
    try {
      writeExpr(w, expr);
    } catch (e) {
      if (!(e instanceof UnexpectedComment)) throw e;
    }
    w.endLine();
  });
}

export function writeExpr(w: Writer, expr: Expr): void {
  w.insertComments(w.pos(expr));
  if (!w.inline) w.startLine();
  if (expr.negated) w.write('not ');
  const t = expr.terms;
  if ('kind' in t) {
    if (t.kind === 'some') dropCommentsOnFailure(w, () => writeSomeDecl(w, t));
    else if (t.kind === 'every') dropCommentsOnFailure(w, () => writeEvery(w, t));
    else dropCommentsOnFailure(w, () => writeFunctionCall(w, t, expr));
  } else {
    writeTerm(w, t);
  }
  writeWiths(w, expr.with);
}

/**
 * OPA's formatter forgets the pending comments when a verbatim fallback escapes an expression's
 * operands (its error path returns no comment list); mirror that so the output matches.
 */
function dropCommentsOnFailure(w: Writer, write: () => void): void {
  try {
    write();
  } catch (e) {
    if (e instanceof UnexpectedComment) w.comments = [];
    throw e;
  }
}

/** The first `with` stays on the expression's line; later ones on new rows go one level deeper. */
function writeWiths(w: Writer, withs: With[]): void {
  let indented = false;
  withs.forEach((with_, i) => {
    if (i === 0 || w.pos(with_).row === w.pos(withs[i - 1]).row) {
      writeWith(w, with_, false);
      return;
    }
    if (!indented) {
      indented = true;
      w.up();
    }
    w.endLine();
    w.startLine();
    writeWith(w, with_, true);
  });
  if (indented) w.down();
}

function writeWith(w: Writer, with_: With, indented: boolean): void {
  w.insertComments(w.pos(with_));
  if (!indented) w.write(' ');
  w.write('with ');
  dropCommentsOnFailure(w, () => writeTerm(w, with_.target));
  w.write(' as ');
  dropCommentsOnFailure(w, () => writeTerm(w, with_.value));
}

function writeFunctionCall(w: Writer, call: CallTerms, expr: Expr): void {
  const name = operatorName(call.operator);
  if (name === MEMBER_2 || name === MEMBER_3) {
    writeInOperator(w, false, call.args, w.pos(call.operator), call.operator);
    return;
  }
  const infix = INFIX[name];
  if (!infix) {
    writeFunctionCallPlain(w, call.operator, call.args);
    return;
  }
  const args = call.args;
  if (args.length === infix.arity) {
    writeTerm(w, args[0]);
    w.write(' ' + infix.op + ' ');
    writeTerm(w, args[1]);
    return;
  }
  if (args.length === infix.arity + 1) {
    // The output argument form `plus(a, b, c)` prints as `c = a + b`.
    writeTerm(w, args[2]);
    w.write(' = ');
    writeTerm(w, args[0]);
    w.write(' ' + infix.op + ' ');
    writeTerm(w, args[1]);
    return;
  }
  throw arityMismatch(w, name, w.pos(expr));
}

function writeSomeDecl(w: Writer, decl: SomeDecl): void {
  const pos = w.pos(decl);
  w.insertComments(pos);
  w.write('some ');
  let row = pos.row;
  decl.symbols.forEach((term: Term, i) => {
    const v = term.value;
    if (v.type === 'call') {
      writeInOperator(w, false, v.args, w.pos(term), v.operator);
      return;
    }
    const termRow = w.pos(term).row;
    if (termRow > row) {
      w.endLine();
      w.startLine();
      w.write('\t');
      row = termRow;
    } else if (i > 0) {
      w.write(' ');
    }
    writeTerm(w, term);
    if (i < decl.symbols.length - 1) w.write(',');
  });
}

function writeEvery(w: Writer, every: Every): void {
  const pos = w.pos(every);
  w.insertComments(pos);
  w.write('every ');
  if (every.key) {
    writeTerm(w, every.key);
    w.write(', ');
  }
  writeTerm(w, every.value);
  w.write(' in ');
  writeTerm(w, every.domain);
  w.write(' {');
  try {
    writeComprehensionBody(w, '{', '}', every.body, pos, pos);
  } catch (e) {
    if (!(e instanceof UnexpectedComment)) throw e;
  }
  if (every.body.length === 1 && w.pos(every.body[0]).row === pos.row) w.write(' ');
  w.write('}');
}
