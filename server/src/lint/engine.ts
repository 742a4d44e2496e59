// The lint engine: parses each file once, runs the enabled per-file rules, then the aggregate rules
// over every file's summary. Per-file results are cached by text, so re-linting after one file
// changed recomputes that file only (plus the cheap aggregate pass).
import { detectRegoVersion, lineIndex, parseModule, type ParseModuleResult, type RegoVersion } from '../rego';
import { isIgnoredFile, providedConfig, type LintConfig, type RuleConfig } from './config';
import { ignoreDirectives, isIgnored, type IgnoreMap } from './ignore-directives';
import { findingsAfterRuleEdit, findingsAfterStringEdit, localFindings, type LocalCache, type StringEditMemo } from './incremental';
import { allRules } from './rules';
import { docsUrl, type AggregateRule, type FileContext, type FileRule, type Finding, type LintRule, type Violation } from './types';

export interface LintFile {
  path: string;
  text: string;
  /** The caller's Rego v1 parse of `text`, reused when the file is linted as v1 (saves a parse). */
  parsedV1?: ParseModuleResult;
  /** The caller's `detectRegoVersion(text)`, when it has it cheaper (saves lexing the text again). */
  regoVersion?: RegoVersion;
}

export interface ParseFailure {
  file: string;
  row: number;
  col: number;
  message: string;
}

export interface LintReport {
  violations: Violation[];
  /** Files that did not parse (not linted). */
  errors: ParseFailure[];
  summary: { files_scanned: number; files_failed: number; rules_skipped: number; num_violations: number };
}

/** What the per-file phase computes for one file (plain data: it crosses worker threads). */
export interface FileResult {
  violations: Violation[];
  failures: ParseFailure[];
  /** rule name → that aggregate rule's summary of the file. */
  aggregates: Map<string, unknown>;
  ignores: IgnoreMap;
  text: string;
  /** Findings of the local rules per Rego rule, for the next edit of this file (incremental mode). */
  local?: LocalCache;
  /** Findings of the whole-file rules that can be reused across some edits, for the next edit of this file (incremental mode). */
  stringMemo?: StringEditMemo;
}

export interface LinterOptions {
  /**
   * For an editor: when a file changes, re-run local rules (FileRule.local) only in the Rego rules
   * whose text changed. Results are the same; the per-rule cache costs memory, so batch runs skip it.
   */
  incremental?: boolean;
}

export interface LintStats {
  /** Files whose per-file results were computed in the last run (the rest came from the cache). */
  analysed: string[];
  reused: string[];
}

export class Linter {
  private readonly cache = new Map<string, FileResult>();
  readonly config: LintConfig;
  private readonly rules: LintRule[];
  lastStats: LintStats = { analysed: [], reused: [] };
  private lastAggregate: { paths: string[]; keys: string[]; violations: Violation[] } | undefined;
  private readonly aggregateKeys = new WeakMap<FileResult, string>();
  /** Per result: its violations sorted by position (incremental mode). */
  private readonly sortedByResult = new WeakMap<FileResult, { path: string; sorted: Violation[] }>();
  private lastPathOrder: { paths: string[]; positions: number[] } | undefined;
  /** The rules the config enables, with their settings, in registry order (resolved once). */
  private readonly enabled: { rule: LintRule; settings: RuleConfig }[];

  private readonly incremental: boolean;

  constructor(config: LintConfig = providedConfig(), rules: LintRule[] = allRules, options: LinterOptions = {}) {
    this.config = config;
    this.rules = rules;
    this.incremental = options.incremental === true;
    this.enabled = [];
    for (const rule of rules) {
      const settings = this.settings(rule);
      if (settings) this.enabled.push({ rule, settings });
    }
  }

  private settings(rule: LintRule): RuleConfig | undefined {
    const s = this.config.rules.get(`${rule.meta.category}/${rule.meta.name}`);
    return s && s.level !== 'ignore' ? s : undefined;
  }

  /** Whether lint() looks at `path` at all (the config's ignore list leaves some files out). */
  lints(path: string): boolean {
    return !isIgnoredFile(path, this.config.ignoreFiles);
  }

  /**
   * The per-file phase alone, without touching the cache: for callers that spread files over
   * threads and hand the results back to lint() as `precomputed`.
   */
  analyseFile(f: LintFile): FileResult {
    return this.analyse(f, undefined);
  }

  /** `precomputed`: per-file results by path, computed by analyseFile (possibly in another thread). */
  lint(files: LintFile[], precomputed?: ReadonlyMap<string, FileResult>): LintReport {
    const stats: LintStats = { analysed: [], reused: [] };
    const results: { path: string; result: FileResult }[] = [];
    for (const f of files) {
      if (isIgnoredFile(f.path, this.config.ignoreFiles)) continue;
      let result = this.cache.get(f.path);
      // Comparing the texts is as cheap as hashing them, and free when editors hand back the same string.
      if (result && result.text === f.text) stats.reused.push(f.path);
      else {
        const given = precomputed?.get(f.path);
        result = given && given.text === f.text ? given : this.analyse(f, result);
        this.cache.set(f.path, result);
        stats.analysed.push(f.path);
      }
      results.push({ path: f.path, result });
    }
    // Forget files that are gone, so the cache does not grow without bound in a long-lived server.
    const present = new Set(files.map((f) => f.path));
    for (const k of [...this.cache.keys()]) if (!present.has(k)) this.cache.delete(k);
    this.lastStats = stats;

    const violations = this.incremental ? this.mergedViolations(results, this.aggregateReusing(results)) : sortedViolations(results, this.aggregate(results));
    const failures = results.flatMap((r) => r.result.failures);
    return {
      violations,
      errors: failures,
      summary: {
        files_scanned: results.length,
        files_failed: new Set(failures.map((f) => f.file)).size,
        rules_skipped: this.rules.length - this.enabled.length,
        num_violations: violations.length,
      },
    };
  }

  private analyse(f: LintFile, previous: FileResult | undefined): FileResult {
    const regoVersion: RegoVersion = this.config.regoVersion ?? f.regoVersion ?? detectRegoVersion(f.text);
    const parsed = f.parsedV1 && regoVersion === 'v1' ? f.parsedV1 : parseModule(f.text, { regoVersion, file: f.path });
    const index = lineIndex(f.text);
    const lines = splitLines(f.text);
    const comments = parsed.comments ?? [];
    const ignores = ignoreDirectives(comments, lines, (o) => index.position(o).row);
    const result: FileResult = { violations: [], failures: [], aggregates: new Map(), ignores, text: f.text };
    if (!parsed.module || parsed.errors.length > 0) {
      result.failures = (parsed.errors.length > 0 ? parsed.errors : [{ row: 1, col: 1, message: 'no package clause' }]).map((e) => ({ file: f.path, row: e.row, col: e.col, message: e.message }));
      return result;
    }
    const module = parsed.module;
    const ctx: FileContext = { file: f.path, text: f.text, module, comments, lines, index, regoVersion, roots: this.config.roots, rules: module.rules };
    const local: { rule: FileRule; settings: RuleConfig }[] = [];
    const reused = this.incremental ? (findingsAfterStringEdit(previous?.stringMemo, ctx) ?? findingsAfterRuleEdit(previous?.stringMemo, ctx)) : undefined;
    const blind = this.incremental ? new Map<FileRule, Finding[]>() : undefined;
    for (const { rule, settings } of this.enabled) {
      if (settings.ignoreFiles.length > 0 && isIgnoredFile(f.path, settings.ignoreFiles)) continue;
      if (this.incremental && rule.kind === 'file' && rule.local) {
        local.push({ rule, settings });
        continue;
      }
      try {
        if (rule.kind === 'aggregate') result.aggregates.set(rule.meta.name, rule.collect(ctx));
        else {
          const findings = reused?.get(rule) ?? rule.check(ctx, settings.options);
          if (blind && (rule.stringContentBlind || rule.cleanAfterRuleEdit)) blind.set(rule, findings);
          for (const finding of findings) this.push(result.violations, rule, settings, f.path, f.text, index, lines, ignores, finding);
        }
      } catch (e) {
        // A rule bug must not take the linter down; report it where it happened.
        result.failures.push({ file: f.path, row: 1, col: 1, message: `internal error in rule ${rule.meta.name}: ${(e as Error).message}` });
      }
    }
    if (local.length > 0) this.lintLocal(ctx, local, result, previous?.local);
    if (blind) result.stringMemo = { text: f.text, module, findings: blind };
    return result;
  }

  /** The local rules, re-run only in the Rego rules an edit changed (incremental mode). */
  private lintLocal(ctx: FileContext, local: { rule: FileRule; settings: RuleConfig }[], result: FileResult, previous: LocalCache | undefined): void {
    const settingsOf = new Map(local.map((l) => [l.rule, l.settings]));
    const failed = new Set<FileRule>();
    const run = (rule: FileRule, c: FileContext): Finding[] | undefined => {
      try {
        return rule.check(c, settingsOf.get(rule)!.options);
      } catch (e) {
        if (!failed.has(rule)) result.failures.push({ file: ctx.file, row: 1, col: 1, message: `internal error in rule ${rule.meta.name}: ${(e as Error).message}` });
        failed.add(rule);
        return undefined;
      }
    };
    const { findings, cache } = localFindings(ctx, local.map((l) => l.rule), run, previous);
    result.local = cache;
    for (const { rule, finding } of findings) this.push(result.violations, rule, settingsOf.get(rule)!, ctx.file, ctx.text, ctx.index, ctx.lines, result.ignores, finding);
  }

  /**
   * The same list as sortedViolations, built from each file's violations sorted once per result
   * and merged in path order: a keystroke re-sorts only the edited file's violations, not the
   * workspace's thousands.
   */
  private mergedViolations(results: { path: string; result: FileResult }[], aggregate: Violation[]): Violation[] {
    const aggregateByFile = new Map<string, Violation[]>();
    for (const v of aggregate) {
      let list = aggregateByFile.get(v.location.file);
      if (!list) aggregateByFile.set(v.location.file, (list = []));
      list.push(v);
    }
    const order = this.pathOrder(results);
    if (!order) return sortedViolations(results, aggregate);
    const out: Violation[] = [];
    for (const r of order) {
      const own = this.sortedOwn(r);
      if (!own) return sortedViolations(results, aggregate);
      const extra = aggregateByFile.get(r.path);
      // On equal keys a file's own violations come before the aggregate ones, as in the full sort.
      const merged = extra ? stableSorted(own.concat(extra), byPosition) : own;
      for (const v of merged) out.push(v);
      aggregateByFile.delete(r.path);
    }
    // Aggregate findings on a file not linted in this run: keep the full sort's answer.
    return aggregateByFile.size > 0 ? sortedViolations(results, aggregate) : out;
  }

  /** The results in path order (reused while the paths are the same); undefined if a path repeats. */
  private pathOrder(results: { path: string; result: FileResult }[]): { path: string; result: FileResult }[] | undefined {
    const paths = results.map((r) => r.path);
    let positions = this.lastPathOrder && sameStrings(this.lastPathOrder.paths, paths) ? this.lastPathOrder.positions : undefined;
    if (!positions) {
      positions = paths.map((_, i) => i).sort((a, b) => cmp(paths[a], paths[b]) || a - b);
      for (let i = 1; i < positions.length; i++) if (paths[positions[i]] === paths[positions[i - 1]]) return undefined;
      this.lastPathOrder = { paths, positions };
    }
    return positions.map((i) => results[i]);
  }

  /** A file's own violations sorted by position (once per result); undefined if one names another file. */
  private sortedOwn(r: { path: string; result: FileResult }): Violation[] | undefined {
    const known = this.sortedByResult.get(r.result);
    if (known && known.path === r.path) return known.sorted;
    if (r.result.violations.some((v) => v.location.file !== r.path)) return undefined;
    const sorted = stableSorted(r.result.violations, byPosition);
    this.sortedByResult.set(r.result, { path: r.path, sorted });
    return sorted;
  }

  /**
   * The aggregate pass again only when some file's summaries, ignore directives or lines changed:
   * a keystroke inside a rule body leaves them as they were, so the last violations still hold.
   */
  private aggregateReusing(results: { path: string; result: FileResult }[]): Violation[] {
    // One-shot runs (the CLI) have nothing to reuse: skip building the keys.
    if (!this.incremental) return this.aggregate(results);
    // Paths and keys side by side: an unchanged file hands back the same key string, so comparing
    // is a pointer check rather than a walk over every file's summary.
    const paths = results.map((r) => r.path);
    const keys = results.map((r) => this.aggregateKey(r.result));
    const last = this.lastAggregate;
    if (last && sameStrings(last.paths, paths) && sameStrings(last.keys, keys)) return last.violations;
    const violations = this.aggregate(results);
    this.lastAggregate = { paths, keys, violations };
    return violations;
  }

  /** What the aggregate findings of a file depend on, as a string (computed once per result). */
  private aggregateKey(result: FileResult): string {
    let key = this.aggregateKeys.get(result);
    if (key === undefined) {
      const ignores = [...result.ignores].map(([row, names]) => [row, [...names]]);
      // Findings sit on imports and package clauses at the top; their line text is part of the result.
      const head = result.text.slice(0, headEnd(result));
      key = JSON.stringify([[...result.aggregates], ignores, head]);
      this.aggregateKeys.set(result, key);
    }
    return key;
  }

  private aggregate(results: { path: string; result: FileResult }[]): Violation[] {
    const out: Violation[] = [];
    const byPath = new Map(results.map((r) => [r.path, r.result]));
    // Line tables of the files that received findings, built once per file rather than per finding.
    const tables = new Map<string, { lines: string[]; index: ReturnType<typeof lineIndex> }>();
    for (const { rule, settings } of this.enabled) {
      if (rule.kind !== 'aggregate') continue;
      const entries = results.filter((r) => r.result.aggregates.has(rule.meta.name)).map((r) => ({ file: r.path, data: r.result.aggregates.get(rule.meta.name) }));
      if (entries.length === 0) continue;
      let findings;
      try {
        findings = (rule as AggregateRule).report(entries, settings.options);
      } catch {
        continue;
      }
      for (const finding of findings) {
        const r = byPath.get(finding.file);
        if (!r) continue;
        let table = tables.get(finding.file);
        if (!table) tables.set(finding.file, (table = { lines: splitLines(r.text), index: lineIndex(r.text) }));
        this.push(out, rule, settings, finding.file, r.text, table.index, table.lines, r.ignores, finding);
      }
    }
    return out;
  }

  private push(out: Violation[], rule: LintRule, settings: RuleConfig, file: string, text: string, index: ReturnType<typeof lineIndex>, lines: string[], ignores: IgnoreMap, finding: Finding): void {
    const start = index.position(Math.min(finding.loc.start, text.length));
    if (isIgnored(ignores, start.row, rule.meta.name)) return;
    const end = index.position(Math.min(Math.max(finding.loc.end, finding.loc.start), text.length));
    const v: Violation = {
      title: rule.meta.name,
      description: finding.description ?? rule.meta.docs.summary,
      category: rule.meta.category,
      level: settings.level === 'warning' ? 'warning' : 'error',
      location: { file, row: start.row, col: start.col, end: { row: end.row, col: end.col }, text: lines[start.row - 1] ?? '' },
      related_resources: [{ description: 'documentation', ref: docsUrl(rule.meta) }],
    };
    if (finding.fix && finding.fix.length > 0) v.fix = finding.fix;
    out.push(v);
  }
}

/** End of the line holding the last import or package clause location any aggregate summary names. */
function headEnd(result: FileResult): number {
  let end = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.end === 'number' && typeof o.start === 'number') end = Math.max(end, o.end);
      else Object.values(o).forEach(visit);
    }
  };
  for (const data of result.aggregates.values()) visit(data);
  const lineEnd = result.text.indexOf('\n', end);
  return lineEnd < 0 ? result.text.length : lineEnd;
}

/** Every violation of a run, ordered by file, row, column and rule name (ties keep their order). */
function sortedViolations(results: { result: FileResult }[], aggregate: Violation[]): Violation[] {
  const violations: Violation[] = [];
  for (const r of results) for (const v of r.result.violations) violations.push(v);
  for (const v of aggregate) violations.push(v);
  return violations.sort((a, b) => cmp(a.location.file, b.location.file) || byPosition(a, b));
}

function byPosition(a: Violation, b: Violation): number {
  return a.location.row - b.location.row || a.location.col - b.location.col || cmp(a.title, b.title);
}

/** A sorted copy (Array.prototype.sort is stable). */
function stableSorted<T>(items: readonly T[], order: (a: T, b: T) => number): T[] {
  return items.slice().sort(order);
}

function sameStrings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The file's lines without their line terminators (`\n` or `\r\n`). */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.includes('\r')) for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  return lines;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One-shot lint with a fresh engine. */
export function lintFiles(files: LintFile[], config?: LintConfig): LintReport {
  return new Linter(config).lint(files);
}

/** Applies non-overlapping edits to a text (used by tests and by callers offering quick fixes). */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
