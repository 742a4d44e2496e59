// Incremental re-parse after an edit: only the top-level rules around the edit are lexed and parsed
// again; the package, the imports and the rules before them are reused as they are, and the rules
// after them are reused with their positions moved by the edit's length. The result equals a full
// parse of the new text (test/rego/syntax/reparse.test.ts checks that over random edits of real
// files); whenever that cannot be guaranteed cheaply, this falls back to a full parse:
// - the edit touches the package/import lines, or an import follows a rule (imports are reused
//   where they were), or the previous parse had an error and no
//   error-free parse came before it (with one, the text is re-parsed against that parse instead);
// - the re-parsed slice has an error, or does not give back as many rules as it replaced;
// - the edit lies between a `# METADATA` line and the rule its block attaches to, or adds or
//   removes a METADATA comment (blocks attach by rows and take in the comment lines below them);
// - Rego v0 (imports can change the keywords a slice is lexed with).
//
// The slice runs from the newline before the rule preceding the edit to the end of the rule that
// follows it, so the statements next to the edited one are parsed against the same neighbouring
// tokens as in a full parse (a rule's parse looks one token past its end: `else`, `contains`, …).
import type { Annotation, Comment, Module, Rule } from './ast';
import { lex } from './lexer';
import { checkRegoV1, parseModuleText, ruleFromBody, toRule, type ParseModuleOptions, type ParseModuleResult } from './module';
import { ModuleParser } from './module-parser';
import { movedLoc, shiftedRule } from './shift';
import type { ParsedRule } from './statements';

export interface PreviousParse {
  text: string;
  result: ParseModuleResult;
}

export interface ReparseResult {
  result: ParseModuleResult;
  /** True when the previous parse was reused (only part of the text was parsed again). */
  incremental: boolean;
  /** Why the text was parsed in full (for tests and tuning). */
  fullParseReason?: string;
}

/**
 * The parse of `text`, reusing `previous` (the parse of an earlier version of the same file, made
 * with the same options) for the statements an edit did not touch. Never throws.
 *
 * While the file does not parse (half-typed), each keystroke would otherwise parse it in full:
 * a parse with errors remembers the last error-free parse it came from, and the next text is
 * re-parsed against that one (the edit then spans everything typed since, usually one rule).
 */
export function reparseModule(previous: PreviousParse, text: string, options: ParseModuleOptions = {}): ReparseResult {
  if (previous.text === text) return { result: previous.result, incremental: true };
  const base = previous.result.errors.length > 0 ? (lastGoodParse.get(previous.result) ?? previous) : previous;
  let result: ParseModuleResult | string;
  try {
    result = base.text === text ? base.result : reparseSlice(base, text, options);
  } catch (e) {
    result = `internal error: ${(e as Error).message}`; // the full parse below reports it properly
  }
  const out: ReparseResult = typeof result !== 'string' ? { result, incremental: true } : { result: parseModuleText(text, options), incremental: false, fullParseReason: result };
  if (out.result.errors.length > 0 && base.result.errors.length === 0) lastGoodParse.set(out.result, base);
  return out;
}

/** A parse with errors → the last error-free parse of the same file before it. */
const lastGoodParse = new WeakMap<ParseModuleResult, PreviousParse>();

/** The edit between two texts: [start, oldEnd) of the old text became `delta` characters longer. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  delta: number;
}

/**
 * The one replaced span between two different texts (common prefix and suffix removed). Callers
 * along one keystroke's path (re-parse, lint, compile-check reuse) ask about the same pair of
 * texts, so the last answer is kept.
 */
export function singleEdit(before: string, after: string): TextEdit {
  const last = lastEdit;
  if (last && last.before === before && last.after === after) return { ...last.edit };
  const start = commonPrefixLength(before, after);
  const tail = commonSuffixLength(before, after, Math.min(before.length, after.length) - start);
  const edit = { start, oldEnd: before.length - tail, delta: after.length - before.length };
  lastEdit = { before, after, edit };
  return { ...edit };
}

let lastEdit: { before: string; after: string; edit: TextEdit } | undefined;

// Binary searches over native comparisons of spans (startsWith/endsWith compare memory at once),
// about ten times faster than a loop over character codes on a 40 KB file.

function commonPrefixLength(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.startsWith(b.slice(lo, mid), lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common suffix, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let lo = 0;
  let hi = limit;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.endsWith(b.slice(b.length - mid, b.length - lo), a.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function reparseSlice(previous: PreviousParse, text: string, options: ParseModuleOptions): ParseModuleResult | string {
  if ((options.regoVersion ?? 'v1') !== 'v1') return 'Rego v0';
  const module = previous.result.module;
  if (!module || previous.result.errors.length > 0) return 'the previous parse had errors';
  const rules = module.rules;
  const n = rules.length;
  const old = previous.text;
  const edit = singleEdit(old, text);
  if (n === 0 || edit.start <= rules[0].loc.start) return 'edit before the first rule';
  // Imports are reused unmoved: one written after a rule (half-typed, or pasted) would keep its old
  // position when an edit before it moves the text.
  const lastImport = module.imports[module.imports.length - 1];
  if (lastImport && lastImport.loc.start > rules[0].loc.start) return 'an import after the first rule';

  // The rules whose text the edit touches (or whose gap it is in), plus one on each side.
  let first = firstEndingAtOrAfter(rules, edit.start);
  if (first === n) first = n - 1;
  const last = Math.max(first, lastStartingAtOrBefore(rules, edit.oldEnd));
  const k = first > 0 ? first - 1 : 0;
  // Without a rule before it, the first rule's first token must stay as it was: the import before
  // it was parsed looking at that token.
  if (k === first && edit.start <= identifierEnd(old, rules[0].loc.start)) return "edit in the first rule's first token";
  const m = Math.min(n - 1, last + 1);

  const lineStart = old.lastIndexOf('\n', rules[k].loc.start - 1) + 1;
  if (lineStart === 0 || !/^[ \t]*$/.test(old.slice(lineStart, rules[k].loc.start))) return 'rule does not start its line';
  const sliceStart = lineStart - 1; // the newline, so the first token carries the same flags
  const oldEnd = m === n - 1 ? old.length : rules[m].loc.end;
  if (edit.oldEnd > oldEnd) return 'edit beyond the slice';
  const newEnd = oldEnd + edit.delta;
  const slice = text.slice(sliceStart, newEnd);

  const oldComments = previous.result.comments;
  const firstComment = firstCommentAtOrAfter(oldComments, sliceStart);
  const afterComment = firstCommentAtOrAfter(oldComments, oldEnd);
  // METADATA blocks attach to the first statement on a later row and take in the comment lines
  // right below them: an edit between a block's first line and its rule could change either.
  for (const a of module.annotations) {
    const ruleStart = a.target >= 0 ? rules[a.target].loc.start : 0;
    if (edit.start <= ruleStart && edit.oldEnd >= a.loc.start) return 'edit in a METADATA block or between it and its rule';
  }
  let metadataComments = 0;
  for (let i = firstComment; i < afterComment; i++) if (oldComments[i].text.includes('METADATA')) metadataComments++;

  // `_` is numbered across the module ($0, $1, …): the slice continues the count of the rules
  // before it and must end where the old rules ended, or every later wildcard would be renumbered.
  const wildcards = wildcardCounts(module);
  const toks = lex(slice);
  const parser = new ModuleParser(toks, 'v1', false, options.keywordsInRefs !== false);
  parser.startWildcardsAt(k > 0 ? wildcards[k - 1] : wildcardsBefore(module));
  const parsed = parser.parseStatements(true);
  if (parsed.errors.length > 0) return 'the slice has errors';
  if (parsed.statements.length !== m - k + 1) return 'the slice has a different number of statements';
  const sliceComments: Comment[] = [];
  for (const c of toks.comments) {
    const body = slice.slice(c.start + 1, c.end);
    if (body.includes('METADATA')) metadataComments--;
    sliceComments.push({ text: body, loc: { start: c.start + sliceStart, end: c.end + sliceStart } });
  }
  if (metadataComments !== 0) return 'a METADATA comment appeared or went';
  const keywordsInRefs = options.keywordsInRefs !== false;
  const parsedRules: ParsedRule[] = [];
  for (const st of parsed.statements) {
    const rule = st.kind === 'rule' ? st : st.kind === 'body' ? ruleFromBody(st.body) : 'not a rule';
    if (typeof rule === 'string') return rule;
    for (let r: ParsedRule | undefined = rule; r; r = r.else) if (checkRegoV1(r, keywordsInRefs).length > 0) return 'a Rego v1 check fails';
    parsedRules.push(rule);
  }

  const newRules: Rule[] = rules.slice(0, k);
  const newCounts = wildcards.slice();
  let count = k > 0 ? wildcards[k - 1] : wildcardsBefore(module);
  for (const r of parsedRules) {
    const rule = shiftedRule(toRule(r), sliceStart);
    count = Math.max(count, maxWildcard(rule) + 1);
    newCounts[newRules.length] = count;
    newRules.push(rule);
  }
  if (count !== wildcards[m] || parser.nextWildcard !== count) return 'the wildcards after the slice would be renumbered';
  for (let i = m + 1; i < n; i++) newRules.push(shiftedRule(rules[i], edit.delta));
  const comments: Comment[] = oldComments.slice(0, firstComment);
  comments.push(...sliceComments);
  for (let i = afterComment; i < oldComments.length; i++) comments.push({ text: oldComments[i].text, loc: movedLoc(oldComments[i].loc, edit.delta) });
  const annotations: Annotation[] = module.annotations.map((a) => (a.loc.start >= edit.oldEnd ? { ...a, loc: movedLoc(a.loc, edit.delta) } : a));
  const next: Module = {
    package: module.package,
    imports: module.imports,
    rules: newRules,
    comments,
    annotations,
    regoVersion: module.regoVersion,
    loc: { start: 0, end: text.length },
  };
  wildcardCountsOf.set(next, newCounts);
  return { module: next, errors: [], comments };
}

/** Per module: how many `_` were numbered up to the end of each rule (computed once per tree). */
const wildcardCountsOf = new WeakMap<Module, number[]>();

function wildcardCounts(module: Module): number[] {
  let counts = wildcardCountsOf.get(module);
  if (!counts) {
    counts = [];
    let count = wildcardsBefore(module);
    for (const rule of module.rules) counts.push((count = Math.max(count, maxWildcard(rule) + 1)));
    wildcardCountsOf.set(module, counts);
  }
  return counts;
}

/** Wildcards numbered in the package and import lines. */
function wildcardsBefore(module: Module): number {
  return Math.max(maxWildcard(module.package), ...module.imports.map(maxWildcard)) + 1;
}

/** The highest N of a `$N` wildcard variable in a tree; -1 when there is none. */
function maxWildcard(node: unknown): number {
  if (typeof node !== 'object' || node === null) return -1;
  let max = -1;
  if (Array.isArray(node)) {
    for (const x of node) max = Math.max(max, maxWildcard(x));
    return max;
  }
  const o = node as Record<string, unknown>;
  if (o.type === 'var' && typeof o.name === 'string' && o.name.startsWith('$')) return Number(o.name.slice(1));
  for (const key in o) if (key !== 'loc') max = Math.max(max, maxWildcard(o[key]));
  return max;
}

/** Index of the first rule ending at or after `offset` (rules are in source order); n if none. */
function firstEndingAtOrAfter(rules: Rule[], offset: number): number {
  let lo = 0;
  let hi = rules.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rules[mid].loc.end >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last rule starting at or before `offset`; -1 if none. */
function lastStartingAtOrBefore(rules: Rule[], offset: number): number {
  let lo = 0;
  let hi = rules.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rules[mid].loc.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function firstCommentAtOrAfter(comments: Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].loc.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** End of the identifier or keyword starting at `start` (a rule's first token). */
function identifierEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
  return Math.max(i, start + 1);
}
