// The Rego syntax door: lexer + parser for Rego v1 and v0, with OPA's error messages and positions.
// Nothing here does IO or throws on bad input: every function returns a tree (when one can be
// built) plus errors.
import type { Body, RegoError, RegoVersion, Term } from './ast';
import { lex } from './lexer';
import { lineIndex } from './line-index';
import { ModuleParser } from './module-parser';
import { isTermExpr } from './parser-core';
import { parseModuleText, ParseModuleOptions, ParseModuleResult } from './module';

export * from './ast';
export { lineIndex } from './line-index';
export type { LineIndex, RowCol } from './line-index';
export { detectRegoVersion } from './version';
export type { ParseModuleOptions, ParseModuleResult } from './module';
export { reparseModule, singleEdit } from './reparse';
export type { PreviousParse, ReparseResult, TextEdit as SingleEdit } from './reparse';

/**
 * Parses a module. v1 is the default, as in OPA 1.x. `module` is returned whenever a package clause
 * was found, with every rule that could be parsed. Errors that `opa check` would report come first;
 * errors found after OPA would have stopped (it gives up at the first broken statement) carry
 * `details: { recovered: true }` — see `opaErrors`.
 */
export function parseModule(text: string, options?: ParseModuleOptions): ParseModuleResult {
  return parseModuleText(text, options);
}

/** The errors `opa check` itself reports: drops those found only thanks to error recovery. */
export function opaErrors(errors: RegoError[]): RegoError[] {
  return errors.filter((e) => !(e.details && (e.details as { recovered?: boolean }).recovered));
}

export interface ParseQueryOptions {
  regoVersion?: RegoVersion;
  file?: string;
  /** See ParseModuleOptions.keywordsInRefs. */
  keywordsInRefs?: boolean;
}

/** OPA's ParseBody: a query such as `data.x.p = y; y > 1` (as given to `opa eval`). */
export function parseQuery(text: string, options: ParseQueryOptions = {}): { body?: Body; errors: RegoError[] } {
  const parser = new ModuleParser(lex(text), options.regoVersion ?? 'v1', true, options.keywordsInRefs === true);
  const res = parser.parseQueryText();
  const idx = lineIndex(text);
  const errors = res.errors.map((e): RegoError => {
    const p = idx.opaPosition(e.start);
    return { code: 'rego_parse_error', message: e.message, loc: { start: e.start, end: e.end }, row: p.row, col: p.col, ...(options.file !== undefined ? { file: options.file } : {}) };
  });
  return errors.length > 0 ? { errors } : { body: res.body ?? [], errors };
}

/** OPA's ParseTerm: exactly one term (e.g. a conformance case's `input_term`). */
export function parseTerm(text: string, options: ParseQueryOptions = {}): { term?: Term; errors: RegoError[] } {
  const q = parseQuery(text, options);
  if (!q.body) return { errors: q.errors };
  const fail = (message: string): { errors: RegoError[] } => ({ errors: [{ code: 'rego_parse_error', message, loc: { start: 0, end: text.length }, row: 1, col: 1 }] });
  if (q.body.length !== 1) return fail(`expected exactly one term but got ${q.body.length} expressions`);
  const terms = q.body[0].terms;
  if (!isTermExpr(terms) || q.body[0].negated || q.body[0].with.length > 0) return fail('expected term');
  return { term: terms, errors: [] };
}
