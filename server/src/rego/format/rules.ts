// Module layout: package, import groups, rules (with heads, `if`, bodies and `else` chains) and the
// comments between them. Mirrors the order in which `opa fmt` places each piece.
import type { Head, Import, Module, Rule, Term } from '../syntax/ast';
import { writeBody, writeExpr } from './exprs';
import { writeImports } from './imports';
import { closingRow } from './source';
import { termString } from './syntax-text';
import { writeIterable, writeRef, writeTerm } from './terms';
import { UnexpectedComment, type Writer } from './writer';

export function writeModule(w: Writer, module: Module, imports: Import[]): void {
  writePackage(w, module);
  const others: (Import | Rule)[] = [...imports, ...module.rules];
  const order = others.map((x, i) => ({ x, i, p: w.pos(x) }));
  order.sort((a, b) => a.p.row - b.p.row || a.p.offset - b.p.offset || a.i - b.i);
  let rest = order.map((o) => o.x);
  while (rest.length > 0) {
    let n = 0;
    while (n < rest.length && !isRule(rest[n])) n++;
    if (n > 0) writeImports(w, rest.slice(0, n) as Import[]);
    rest = rest.slice(n);
    n = 0;
    while (n < rest.length && isRule(rest[n])) n++;
    if (n > 0) writeRules(w, rest.slice(0, n) as Rule[]);
    rest = rest.slice(n);
  }
  const remaining = w.comments;
  w.comments = [];
  remaining.forEach((c, i) => {
    w.writeLine('#' + c.text);
    if (i === remaining.length - 1) w.write('\n');
  });
}

function isRule(x: Import | Rule): x is Rule {
  return 'head' in x;
}

function writePackage(w: Writer, module: Module): void {
  const pkg = module.package;
  w.insertComments(w.pos(pkg));
  w.startLine();
  const path = pkg.path;
  w.write('package ');
  if (path.length < 2) return;
  // The path is stored as `data.a.b`: print `a.b`, its first element as a plain name.
  const first = path[1];
  const name = first.value.type === 'string' ? first.value.value : termString(first);
  const head: Term = { value: { type: 'var', name }, loc: first.loc };
  const saved = w.comments;
  w.comments = [];
  try {
    writeRef(w, [head, ...path.slice(2)]);
  } finally {
    w.comments = saved;
  }
  w.blankLine();
}

function writeRules(w: Writer, rules: Rule[]): void {
  rules.forEach((rule, i) => {
    ignoreUnexpected(() => w.insertComments(w.pos(rule)));
    ignoreUnexpected(() => writeRule(w, rule, false));
    const next = rules[i + 1];
    // Adjacent one-liners stay grouped without a blank line between them.
    if (next && groupableOneLiner(w, rule) && groupableOneLiner(w, next) && w.pos(next).row === w.pos(rule).row + 1) return;
    w.blankLine();
  });
}

function ignoreUnexpected(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof UnexpectedComment)) throw e;
  }
}

function groupableOneLiner(w: Writer, rule: Rule): boolean {
  if (rule.body.length > 1 || rule.default) return false;
  return (w.flags.regoV1 || w.flags.ifs) && (w.flags.contains || rule.head.value !== undefined);
}

function isTrueTerm(t: Term | undefined): boolean {
  return !!t && t.value.type === 'boolean' && t.value.value === true;
}

/** OPA stores `p := 1` as `p := 1 { true }`; such a body is not printed. */
function isConstBody(rule: Rule): boolean {
  if (!rule.hasBody && rule.body.length === 0) return true;
  if (rule.body.length !== 1) return false;
  const e = rule.body[0];
  return !e.negated && e.with.length === 0 && !('kind' in e.terms) && isTrueTerm(e.terms);
}

function writeRule(w: Writer, rule: Rule, isElse: boolean): void {
  if (!isElse) w.startLine();
  if (rule.default) w.write('default ');
  const expandedConst = isConstBody(rule) && !rule.else;
  w.writeCommentOnFinalLine = expandedConst;
  let unexpected = false;
  try {
    writeHead(w, rule, expandedConst, isElse);
  } catch (e) {
    if (!(e instanceof UnexpectedComment)) throw e;
    unexpected = true;
  }
  if (rule.body.length === 0 || expandedConst) {
    w.endLine();
    return;
  }
  w.writeCommentOnFinalLine = true;
  const head = rule.head;
  if ((w.flags.regoV1 || w.flags.ifs) && (w.flags.contains || head.value !== undefined)) {
    w.write(' if');
    if (rule.body.length === 1 && w.pos(rule.body[0]).row === w.pos(head).row) {
      w.write(' ');
      writeExpr(w, rule.body[0]);
      w.endLine();
      if (rule.else) writeElse(w, rule);
      return;
    }
  }
  if (unexpected && w.comments.length > 0) {
    w.write(' { ');
  } else {
    w.write(' {');
    w.endLine();
  }
  w.up();
  ignoreUnexpected(() => writeBody(w, rule.body));
  const rulePos = w.pos(rule);
  let close;
  if (head.args && head.args.length > 0) close = closingRow(rulePos, '{', '}', '(', ')');
  else if (head.key) close = closingRow(rulePos, '{', '}', '[', ']');
  else close = closingRow(rulePos, '{', '}');
  w.insertComments(close);
  w.down();
  w.startLine();
  w.write('}');
  if (rule.else) writeElse(w, rule);
}

function writeElse(w: Writer, rule: Rule): void {
  const elseRule = rule.else!;
  // `} else` stays on one line if it was; an `else` that started its own line keeps it.
  const rulePos = w.pos(rule);
  const ruleLines = rulePos.text.split('\n');
  const elsePos = w.pos(elseRule);
  const relative = elsePos.row - rulePos.row;
  let wasInline = false;
  if (relative > 0 && relative < ruleLines.length && !ruleLines[relative].trim().startsWith('else')) wasInline = true;
  const elseHeadPos = w.pos(elseRule.head);
  const hasCommentAbove = (w.comments.length > 0 && w.comments[0].row < elseHeadPos.row) || w.beforeEnd !== undefined;
  if (!hasCommentAbove && wasInline) {
    w.write(' ');
  } else {
    w.blankLine();
    w.startLine();
  }
  w.insertComments(elseHeadPos);
  if (hasCommentAbove && !wasInline) w.startLine();
  writeRule(w, elseRule, true);
}

function writeHead(w: Writer, rule: Rule, expandedConst: boolean, isElse: boolean): void {
  const head = rule.head;
  const headPos = w.pos(head);
  const ref = isElse ? [elseVar(w, head)] : head.ref;
  if (w.flags.refHeads || ref.length === 1) {
    writeRef(w, ref);
  } else {
    // A comment inside the key of `p[k]` keeps the head as written.
    if (w.comments.length > 0 && w.pos(ref[1]).row === w.comments[0].row) {
      w.writeUnformatted(headPos, w.comments);
      return;
    }
    w.write(termString(ref[0]) + '[' + termString(ref[1]) + ']');
  }
  const args = isElse ? [] : (head.args ?? []);
  if (args.length > 0) {
    w.write('(');
    try {
      writeIterable(w, args, closingRow(headPos, '(', ')'), (t) => writeTerm(w, t as Term));
    } finally {
      w.write(')');
    }
  }
  if (head.key) {
    if (w.flags.contains && !head.value) {
      w.write(' contains ');
      writeTerm(w, head.key);
    } else if (!head.value) {
      w.write('[');
      writeTerm(w, head.key);
      w.write(']');
    }
  }
  const value = head.value;
  if (!value || !(head.key || !isTrueTerm(value) || expandedConst || rule.default)) return;
  const regoV1RefConst = w.flags.regoV1 && expandedConst && !head.key && args.length === 0;
  if (!isElse && isTrueTerm(value) && isGeneratedValue(w, value) && !regoV1RefConst) return;
  w.write(head.assign || w.flags.regoV1 ? ' := ' : ' = ');
  if (isElse) w.posOverride.set(value, headPos);
  writeTerm(w, value);
}

/** The implicit `true` of `p if …` / `f(x) if …` has no source text of its own. */
function isGeneratedValue(w: Writer, value: Term): boolean {
  return w.src.text.slice(value.loc.start, value.loc.end) !== 'true';
}

/** An else branch prints its head as the keyword `else`, placed where the keyword is. */
function elseVar(w: Writer, head: Head): Term {
  const t: Term = { value: { type: 'var', name: 'else' }, loc: head.loc };
  w.posOverride.set(t, w.pos(head));
  return t;
}
