// Per-rule memo for the compile checks, so a keystroke inside one rule re-checks that rule only.
//
// What a rule's results depend on (a wrong key would be a silent wrong diagnostic):
// - Resolution (`resolveRule`) reads the rule's syntax tree and the module's globals: the names of
//   its package's rules (in every module checked together) and its imports (paths, aliases, order).
//   The tree is fixed by the rule's text, the module's Rego version and its imports (`future.keywords`,
//   `rego.v1`), so the memo key is `moduleDigest` (version + globals) plus the rule's source text.
//   The parser's wildcard counter (`_` → `$N`) runs across rules, so a reused rule may carry other
//   `$N` names than a fresh parse: no check reports or orders by those names (they are hidden).
// - Every per-rule stage reads the resolved rule and, besides it, only:
//   local vars: `strict`, and the generated-name counter on entry where two unused vars of one
//   scope are ordered by it (`LocalsChecker.orderUsedGen`); with targets, undefined functions,
//   safety: the rule tree's shape (which ground paths hold rules, the first rule's arity there:
//   the sequence of every rule's `treePart`); types: the statically known rule types (the map, as
//   JSON); head safety, deprecated builtins: nothing; `input`/`data` assignments: nothing (it reads
//   the source rule). Builtin signatures are fixed. Each stage result is stored under its stage id
//   with the digest of what it read, and recomputed when that digest differs.
// - The package-wide stages (imports, argument shadowing, conflicts, recursion) run every time,
//   except that recursion's result is kept for one graph digest: the tree digest plus each rule's
//   path text, clause count and `data` ref keys (`recursionPart`), in module and rule order.
// A memo's resolved copy keeps the positions of the text it was made from: its errors are stored
// relative to that text's rule start and moved to the current start when reported. An error outside
// the rule's span cannot be moved: `NotRebasable` makes the caller check again without the cache.
import type { Import, Loc, Rule, Term } from '../syntax/ast';
import { type CheckedModule, type ErrorCode, type ErrorSink, type StageErrors } from './model';
import type { Global, Resolved } from './resolve';
import { constantKey, groundPrefix } from './tree';

/** One error of a rule, its location relative to the rule's start. */
interface RuleError {
  code: ErrorCode;
  message: string;
  start: number;
  end: number;
  details?: unknown;
}

interface StageResult {
  env: string;
  errors: RuleError[];
}

interface LocalsResult extends StageResult {
  /** The counter on entry mattered (see LocalsChecker.orderUsedGen). */
  orderUsedGen: boolean;
  startGen: number;
  genUsed: number;
}

/** What is remembered about one rule text in one module environment. */
export interface RuleMemo {
  resolved: Rule;
  /** The rule's full path (`data`, package, head ref); read for its values only, never positions. */
  path: Term[];
  /** Span of the rule in the text `resolved` was made from. */
  start: number;
  end: number;
  /** Indices (in the module's imports) of the imports the rule's names use. */
  usedImports: number[];
  stages: Map<string, StageResult>;
  locals: Map<string, LocalsResult>;
  dataRefs?: Term[][][];
  treePart?: string;
  recursionPart?: string;
}

/** The recursion stage's last result, by rule position, for the graph digest it was found with. */
export interface RecursionResult {
  digest: string;
  errors: { module: number; rule: number; clause: number; message: string }[];
}

/** A rule of the current run and the memo that answers for it. */
export interface MemoSlot {
  memo: RuleMemo;
  /** The rule's span in the current text. */
  start: number;
  end: number;
}

export class NotRebasable extends Error {}

/**
 * Results of earlier checks, per rule, owned by the caller (one per editor analyzer). Entries a run
 * did not use are dropped at its end, so the cache holds at most the last run's rules.
 */
export class CheckCache {
  /** Memos by module digest id, then by rule text (two levels: no key string is built per rule). */
  private readonly entries = new Map<number, Map<string, RuleMemo>>();
  /** Module digests are long: keys use a short id per digest instead. */
  private digestIds = new Map<string, number>();
  private usedDigests = new Set<string>();
  private nextDigestId = 0;
  private claimed = new Set<RuleMemo>();
  /** The last recursion result (the dependency graph rarely changes while typing in a body). */
  recursion?: RecursionResult;
  /** Rules answered from the memo in the last run (for tests and tuning). */
  hits = 0;
  misses = 0;

  get size(): number {
    let n = 0;
    for (const byText of this.entries.values()) n += byText.size;
    return n;
  }

  beginRun(): void {
    this.claimed = new Set();
    this.usedDigests = new Set();
    this.hits = 0;
    this.misses = 0;
  }

  /** A short stand-in for a module digest, stable while the digest is in use. */
  digestId(digest: string): number {
    let id = this.digestIds.get(digest);
    if (id === undefined) this.digestIds.set(digest, (id = this.nextDigestId++));
    this.usedDigests.add(digest);
    return id;
  }

  /** The memo for a rule text under a module digest, unless another rule of this run holds it. */
  claim(digestId: number, text: string): RuleMemo | 'taken' | undefined {
    const memo = this.entries.get(digestId)?.get(text);
    if (!memo) return undefined;
    if (this.claimed.has(memo)) return 'taken';
    this.claimed.add(memo);
    this.hits++;
    return memo;
  }

  store(digestId: number, text: string, memo: RuleMemo): void {
    let byText = this.entries.get(digestId);
    if (!byText) this.entries.set(digestId, (byText = new Map()));
    byText.set(text, memo);
    this.claimed.add(memo);
    this.misses++;
  }

  /** Drops the entries this run did not use. */
  endRun(): void {
    for (const [id, byText] of this.entries) {
      for (const [text, memo] of byText) if (!this.claimed.has(memo)) byText.delete(text);
      if (byText.size === 0) this.entries.delete(id);
    }
    for (const digest of this.digestIds.keys()) if (!this.usedDigests.has(digest)) this.digestIds.delete(digest);
  }

  clear(): void {
    this.recursion = undefined;
    this.entries.clear();
    this.digestIds.clear();
    this.claimed = new Set();
  }
}

/** The text span a rule's syntax tree comes from (a chained body `{ … }` shares the head before it). */
export function ruleSpan(rule: Rule): { start: number; end: number } {
  const head = rule.head.ref[0]?.loc.start ?? rule.loc.start;
  return { start: Math.min(rule.loc.start, head), end: rule.loc.end };
}

/** Everything outside a rule that its resolution reads: Rego version and the module's globals. */
export function moduleDigest(m: CheckedModule, globals: Map<string, Global>): string {
  const imports = m.module.imports;
  const parts: string[] = [m.module.regoVersion ?? '', String(imports.length)];
  for (const name of [...globals.keys()].sort()) {
    const g = globals.get(name) as Global;
    parts.push(name, g.ref.map(termKey).join('.'), g.imps.map((i) => imports.indexOf(i)).join(','));
  }
  return parts.join('\u0001');
}

function termKey(t: Term): string {
  const v = t.value;
  if (v.type === 'string') return `s${JSON.stringify(v.value)}`;
  if (v.type === 'var') return `v${v.name}`;
  return JSON.stringify(v, (k, x) => (k === 'loc' ? undefined : x));
}

/**
 * One rule's part of the rule tree's digest: the keys of its path's ground prefix and its arity.
 * The tree is built from these in module and rule order, so the sequence of parts fixes everything
 * the per-rule stages read from it (which ground paths hold rules, the first rule's arity there).
 */
export function treePart(r: Resolved): string {
  return `${groundPrefix(r.path)
    .slice(1)
    .map((t) => constantKey(t))
    .join('\u0001')}\u0002${r.rule.head.args?.length ?? 0}`;
}

export function newMemo(r: Resolved, span: { start: number; end: number }, used: Set<Import>, imports: Import[]): RuleMemo {
  const usedImports = imports.map((imp, i) => (used.has(imp) ? i : -1)).filter((i) => i >= 0);
  return { resolved: r.rule, path: r.path, start: span.start, end: span.end, usedImports, stages: new Map(), locals: new Map() };
}

/**
 * Runs `compute` (over a rule whose span is `span` in the text its positions come from: the memo's
 * resolved copy, or the current source rule), keeping its errors relative to the span's start.
 */
export function captureErrors(span: { start: number; end: number }, compute: (sink: ErrorSink) => void): RuleError[] {
  const out: RuleError[] = [];
  compute({
    add(code: ErrorCode, message: string, _m: CheckedModule, loc: Loc, details?: unknown) {
      if (loc.start < span.start || loc.end > span.end || loc.end < loc.start) throw new NotRebasable(`error outside its rule: ${message}`);
      const e: RuleError = { code, message, start: loc.start - span.start, end: loc.end - span.start };
      if (details !== undefined) e.details = details;
      out.push(e);
    },
  });
  return out;
}

/** Reports a rule's stored errors at the rule's current position. */
export function emitErrors(errors: RuleError[], slot: MemoSlot, r: Resolved, errs: StageErrors): void {
  for (const e of errors) errs.add(e.code, e.message, r.m, { start: slot.start + e.start, end: slot.start + e.end }, e.details);
}

