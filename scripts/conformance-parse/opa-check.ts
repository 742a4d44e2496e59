// Compares our parse errors with the real-OPA goldens in corpus('opa-check').
// Only OPA-reported errors take part (errors found thanks to our error recovery are dropped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { opaErrors, parseModule } from '../../server/src/rego/syntax';

interface GoldenError {
  code: string;
  message: string;
  row: number;
  col: number;
}

interface IndexEntry {
  id: string;
  file: string;
  expected: string;
  kind: string;
  mutation: string | null;
}

export interface CaseResult {
  id: string;
  kind: string;
  mutation: string | null;
  /** The golden has rego_parse_error. */
  expectsParseError: boolean;
  expected: GoldenError[];
  actual: GoldenError[];
  /** Same list of (code, row). */
  rowMatch: boolean;
  /** Same list of (code, row, message). */
  messageMatch: boolean;
  /** Same list of (code, row, col, message). */
  exactMatch: boolean;
}

export interface Summary {
  results: CaseResult[];
  /** Modules with parse errors expected. */
  parseCases: number;
  rowPassed: number;
  messagePassed: number;
  exactPassed: number;
  /** Modules with no parse error expected. */
  cleanCases: number;
  /** Of those, how many we parse without error. */
  cleanPassed: number;
}

const key = (e: GoldenError, withMessage: boolean, withCol: boolean): string =>
  [e.code, e.row, withCol ? e.col : '', withMessage ? e.message : ''].join('\u0000');

function sameList(a: GoldenError[], b: GoldenError[], withMessage: boolean, withCol: boolean): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => key(e, withMessage, withCol) === key(b[i], withMessage, withCol));
}

export function runOpaCheck(dir: string): Summary {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: IndexEntry[] };
  const results: CaseResult[] = [];
  for (const entry of index.entries) {
    const golden = JSON.parse(readFileSync(join(dir, entry.expected), 'utf8')) as { check: { errors: GoldenError[] } };
    const text = readFileSync(join(dir, entry.file), 'utf8');
    const expectsParseError = golden.check.errors.some((e) => e.code === 'rego_parse_error');
    const expected = expectsParseError ? golden.check.errors : [];
    const actual = opaErrors(parseModule(text, { file: entry.file }).errors).map((e) => ({ code: e.code, message: e.message, row: e.row, col: e.col }));
    results.push({
      id: entry.id,
      kind: entry.kind,
      mutation: entry.mutation,
      expectsParseError,
      expected,
      actual,
      rowMatch: sameList(expected, actual, false, false),
      messageMatch: sameList(expected, actual, true, false),
      exactMatch: sameList(expected, actual, true, true),
    });
  }
  const parse = results.filter((r) => r.expectsParseError);
  const clean = results.filter((r) => !r.expectsParseError);
  return {
    results,
    parseCases: parse.length,
    rowPassed: parse.filter((r) => r.rowMatch).length,
    messagePassed: parse.filter((r) => r.messageMatch).length,
    exactPassed: parse.filter((r) => r.exactMatch).length,
    cleanCases: clean.length,
    cleanPassed: clean.filter((r) => r.actual.length === 0).length,
  };
}
