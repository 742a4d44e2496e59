// Statements → Module (OPA's parseModule): the package clause, imports, rules (including rules
// written as bare statements such as `p := 1`), the Rego v1 checks, and METADATA annotations.
import type { Annotation, Body, Comment, Head, Import, Loc, Module, Package, RegoError, RegoVersion, Rule, Term } from './ast';
import { attachAnnotations, AttachTarget, decodeBlock, metadataBlocks } from './annotations';
import { BUILTIN_NAMES } from './builtin-names';
import { lex } from './lexer';
import { lineIndex } from './line-index';
import { isKeywordIn, ModuleParser } from './module-parser';
import { isTermExpr } from './parser-core';
import { memberName, ParsedHead, ParsedRule, Statement, termString, trueExpr } from './statements';

export interface ParseModuleOptions {
  regoVersion?: RegoVersion;
  file?: string;
  /**
   * Accept keywords as ref segments (`package foo.if.bar`, `contains.x := 1`, `foo.else`), as OPA
   * does after 1.5.0 (its conformance cases' `keywordrefs` category). On by default, as current OPA
   * releases behave; `false` reproduces OPA 1.5.0, which rejected them.
   */
  keywordsInRefs?: boolean;
}

export interface ParseModuleResult {
  module?: Module;
  errors: RegoError[];
  comments: Comment[];
}

interface PendingError {
  message: string;
  loc: Loc;
  recovered: boolean;
  /** OPA reports `empty module` at row 0, col 0. */
  zeroPosition?: boolean;
}

export function parseModuleText(text: string, options: ParseModuleOptions = {}): ParseModuleResult {
  const version: RegoVersion = options.regoVersion ?? 'v1';
  const toks = lex(text);
  const parser = new ModuleParser(toks, version, false, options.keywordsInRefs !== false);
  let res: ReturnType<ModuleParser['parseStatements']>;
  try {
    res = parser.parseStatements(true);
  } catch (e) {
    // Defensive: a parser bug must never take the server down; report it as a parse error.
    return finish(text, options, undefined, [{ message: `internal parser error: ${(e as Error).message}`, loc: { start: 0, end: 0 }, recovered: false }], []);
  }
  const comments: Comment[] = toks.comments.map((c) => ({ text: text.slice(c.start + 1, c.end), loc: { start: c.start, end: c.end } }));
  const errors: PendingError[] = res.errors.map((e) => ({ message: e.message, loc: { start: e.start, end: e.end }, recovered: e.recovered }));
  const parseFailed = errors.length > 0;
  let idx: ReturnType<typeof lineIndex> | undefined;
  const rowOf = (o: number): number => (idx ??= lineIndex(text)).position(o).row;

  // METADATA blocks: OPA decodes those it scanned before stopping, even after a parse error.
  const blocks = comments.some((c) => c.text.includes('METADATA')) ? metadataBlocks(comments, text, rowOf) : [];
  const decoded: { block: (typeof blocks)[number]; fields: Record<string, unknown> }[] = [];
  for (const block of blocks) {
    const d = decodeBlock(block);
    const seenByOpa = block.head.loc.start < res.stopOffset;
    if (d.error) errors.push({ message: d.error.message, loc: d.error.loc, recovered: !seenByOpa });
    else if (d.fields) decoded.push({ block, fields: d.fields });
  }

  const stmts = res.statements;
  if (stmts.length === 0) {
    if (!parseFailed) errors.push({ message: 'empty module', loc: { start: 0, end: 0 }, recovered: false, zeroPosition: true });
    return finish(text, options, undefined, errors, comments);
  }

  // From here on OPA only reports errors when parsing succeeded.
  const later = parseFailed;
  const first = stmts[0];
  let pkg: Package | undefined;
  if (first.kind === 'package') pkg = { path: first.path, loc: first.loc };
  else errors.push({ message: 'package expected', loc: statementLoc(first), recovered: later });

  let regoVersion: RegoVersion = version;
  const imports: Import[] = [];
  const parsedRules: ParsedRule[] = [];
  const targets: AttachTarget[] = [];
  if (pkg) targets.push({ kind: 'package', start: pkg.loc.start, ruleIndex: -1 });
  for (const st of stmts.slice(1)) {
    switch (st.kind) {
      case 'import':
        imports.push({ path: st.path, ...(st.alias ? { alias: st.alias } : {}), loc: st.loc });
        targets.push({ kind: 'import', start: st.loc.start, ruleIndex: -1 });
        if (regoVersion === 'v0' && termString(st.path) === 'rego.v1') regoVersion = 'v1';
        break;
      case 'rule':
        targets.push({ kind: 'rule', start: st.loc.start, ruleIndex: parsedRules.length });
        parsedRules.push(st);
        break;
      case 'body': {
        const r = ruleFromBody(st.body);
        if (typeof r === 'string') {
          errors.push({ message: r, loc: st.body[0].loc, recovered: later });
          continue;
        }
        targets.push({ kind: 'rule', start: r.loc.start, ruleIndex: parsedRules.length });
        parsedRules.push(r);
        break;
      }
      case 'package':
        errors.push({ message: 'unexpected package', loc: st.loc, recovered: later });
        break;
    }
  }
  // A v0 module that imports rego.v1 must also be valid v1 (OPA's RegoV0CompatV1).
  if (regoVersion === 'v1') {
    for (const rule of parsedRules) for (let r: ParsedRule | undefined = rule; r; r = r.else) for (const m of checkRegoV1(r, options.keywordsInRefs !== false)) errors.push({ message: m, loc: r.loc, recovered: later });
  }
  const moduleErrorsSoFar = errors.some((e) => !e.recovered);

  const rules = parsedRules.map(toRule);
  const attached = attachAnnotations(decoded, targets, rowOf);
  for (const e of attached.errors) errors.push({ message: e.message, loc: e.loc, recovered: later || moduleErrorsSoFar });

  const module: Module | undefined = pkg || rules.length > 0
    ? {
        package: pkg ?? { path: [{ value: { type: 'var', name: 'data' }, loc: { start: 0, end: 0 } }], loc: { start: 0, end: 0 } },
        imports,
        rules,
        comments,
        annotations: attached.annotations as Annotation[],
        regoVersion: version,
        loc: { start: 0, end: text.length },
      }
    : undefined;
  return finish(text, options, pkg ? module : undefined, errors, comments);
}

function finish(text: string, options: ParseModuleOptions, module: Module | undefined, pending: PendingError[], comments: Comment[]): ParseModuleResult {
  const idx = pending.length > 0 ? lineIndex(text) : undefined;
  const errors: RegoError[] = pending.map((e) => {
    const p = e.zeroPosition || !idx ? { row: 0, col: 0 } : idx.opaPosition(e.loc.start);
    const err: RegoError = { code: 'rego_parse_error', message: e.message, loc: e.loc, row: p.row, col: p.col };
    if (options.file !== undefined) err.file = options.file;
    if (e.recovered) err.details = { recovered: true };
    return err;
  });
  return { ...(module ? { module } : {}), errors, comments };
}

function statementLoc(st: Statement): Loc {
  return st.kind === 'body' ? st.body[0].loc : st.loc;
}

function toHead(h: ParsedHead): Head {
  const head: Head = { ref: h.ref, assign: h.assign, contains: h.keywordContains, loc: h.loc };
  if (h.args) head.args = h.args;
  if (h.key) head.key = h.key;
  if (h.value) head.value = h.value;
  if (h.generatedValue) head.generatedValue = true;
  return head;
}

export function toRule(r: ParsedRule): Rule {
  const rule: Rule = { default: r.default, head: toHead(r.head), body: r.body, hasBody: !r.generatedBody && !r.default, loc: r.loc };
  if (r.else) rule.else = toRule(r.else);
  return rule;
}

/** OPA's CheckRegoV1 for one rule: keyword names, `if` and `contains` required, no empty rules. */
export function checkRegoV1(r: ParsedRule, keywordsInRefs: boolean): string[] {
  const out: string[] = [];
  const kind = r.head.args && r.head.args.length > 0 ? 'function' : 'rule';
  const name = r.head.name ?? '';
  // With keyword refs, only a rule named by the keyword alone (`if := 1`) is refused.
  if (name && isKeywordIn(name, 'v1') && (!keywordsInRefs || r.head.ref.length === 1)) out.push(`${name} keyword cannot be used for rule name`);
  if (r.generatedBody && r.head.generatedValue) out.push(`${kind} must have value assignment and/or body declaration`);
  if (!r.generatedBody && !r.head.keywordIf && !r.default) out.push(`\`if\` keyword is required before ${kind} body`);
  if (r.head.key && !r.head.value && !r.head.keywordContains) out.push('`contains` keyword is required for partial set rules');
  return out;
}

function ruleHead(ref: Term[], loc: Loc, extra: Partial<ParsedHead> = {}): ParsedHead {
  return { ref, assign: false, generatedValue: false, keywordIf: false, keywordContains: false, loc, ...extra };
}

function bodyRule(head: ParsedHead, loc: Loc): ParsedRule {
  return { kind: 'rule', default: false, head, body: [trueExpr(loc)], generatedBody: true, loc };
}

/** OPA's ParseRuleFromBody: a bare statement such as `p := 1`, `f(x) = y`, `a.b.c` or `p.q` as a rule. */
export function ruleFromBody(body: Body): ParsedRule | string {
  if (body.length !== 1) return 'multiple expressions cannot be used for rule head';
  const expr = body[0];
  if (expr.with.length > 0) return 'expressions using with keyword cannot be used for rule head';
  if (expr.negated) return 'negated expressions cannot be used for rule head';
  const terms = expr.terms;
  if ('kind' in terms && terms.kind === 'some') return "'some' declarations cannot be used for rule head";
  if ('kind' in terms && terms.kind === 'every') return 'expression cannot be used for rule head';
  if (isTermExpr(terms)) {
    const v = terms.value;
    if (v.type !== 'ref') return `${v.type} cannot be used for rule name`;
    const ref = v.terms;
    if (ref.length > 2) {
      if (ref[0].value.type !== 'var') return `invalid rule head: ${termString(terms)}`;
      return bodyRule(ruleHead(ref, terms.loc, { generatedValue: true, value: { value: { type: 'boolean', value: true }, loc: terms.loc } }), terms.loc);
    }
    if (ref.length === 1) return 'refs cannot be used for rule head';
    if (ref[0].value.type !== 'var') return `invalid rule head: ${termString(terms)}`;
    return bodyRule(ruleHead([ref[0]], terms.loc, { name: ref[0].value.name, key: ref[1] }), terms.loc);
  }
  if (terms.kind !== 'call') return 'expression cannot be used for rule head';
  const opName = memberName(terms.operator);
  if (opName === 'eq' || opName === 'assign') {
    const [lhs, rhs] = terms.args;
    if (!lhs || !rhs) return 'assignment requires two operands';
    const r = completeRuleFromEq(lhs, rhs, expr.loc);
    if (typeof r !== 'string' && opName === 'assign') r.head.assign = true;
    return r;
  }
  if (BUILTIN_NAMES.has(opName)) return 'rule name conflicts with built-in function';
  if (terms.args.length === 0) return 'rule argument list must take at least one argument';
  const op = terms.operator.value;
  if (op.type !== 'ref' || op.terms[0].value.type !== 'var') return `invalid rule head: ${termString(terms.operator)}`;
  const loc = terms.operator.loc;
  return bodyRule(ruleHead(op.terms, loc, { args: terms.args, value: { value: { type: 'boolean', value: true }, loc } }), expr.loc);
}

function completeRuleFromEq(lhs: Term, rhs: Term, loc: Loc): ParsedRule | string {
  const l = lhs.value;
  if (l.type === 'call') {
    const op = l.operator.value;
    if (op.type === 'ref' && op.terms[0].value.type === 'var') {
      return bodyRule(ruleHead(op.terms, loc, { args: l.args, value: rhs }), loc);
    }
  }
  if (l.type === 'ref' && l.terms[0].value.type === 'var') {
    const extra: Partial<ParsedHead> = { value: rhs };
    if (l.terms.length === 2) {
      extra.name = l.terms[0].value.name;
      extra.key = l.terms[1];
    }
    return bodyRule(ruleHead(l.terms, loc, extra), loc);
  }
  if (l.type === 'var') return bodyRule(ruleHead([lhs], loc, { name: l.name, value: rhs }), loc);
  if (l.type === 'ref') return `invalid rule head: ${termString(lhs)}`;
  return `${l.type} cannot be used for rule name`;
}
