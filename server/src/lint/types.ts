// The lint layer's contracts: rule metadata, what a rule sees (FileContext), what it reports
// (Finding, turned into a Regal-shaped Violation by the engine) and quick-fix edits.
import type { LineIndex, Loc, Module, Comment, RegoVersion, Rule } from '../rego';

export type Category = 'bugs' | 'idiomatic' | 'imports' | 'performance' | 'style' | 'testing' | 'custom';
export const CATEGORIES: readonly Category[] = ['bugs', 'idiomatic', 'imports', 'performance', 'style', 'testing', 'custom'];

export type Level = 'error' | 'warning';
export type ConfiguredLevel = Level | 'ignore';

/** One replacement in a file's text: [start, end) UTF-16 offsets, as every AST Loc. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The shape of `regal lint --format json` violations (plus our optional `fix`). */
export interface Violation {
  title: string;
  description: string;
  category: Category;
  level: Level;
  location: { file: string; row: number; col: number; end?: { row: number; col: number }; text: string };
  related_resources: { description: string; ref: string }[];
  /** Edits that fix the violation; applying them yields a module that parses. */
  fix?: TextEdit[];
}

export interface RuleDocs {
  /** One sentence: what is reported (also the violation's description). */
  summary: string;
  /** Why it matters; shown in docs/lint/<rule>.md. */
  rationale: string;
  bad: string;
  good: string;
}

export interface RuleMeta {
  name: string;
  category: Category;
  docs: RuleDocs;
  /** Mechanically fixable: findings carry edits. */
  fixable?: boolean;
}

/** What a rule reports: a range in the file being linted (or, for aggregate rules, in `file`). */
export interface Finding {
  loc: Loc;
  /** Overrides the rule's summary when the message needs specifics. */
  description?: string;
  fix?: TextEdit[];
}

export interface AggregateFinding extends Finding {
  file: string;
}

export type RuleOptions = Record<string, unknown>;

export interface FileContext {
  file: string;
  text: string;
  module: Module;
  comments: Comment[];
  lines: string[];
  index: LineIndex;
  regoVersion: RegoVersion;
  /** `project.roots` from the config (directories package paths are relative to). */
  roots: string[];
  /**
   * The rules to report on: every rule of the module, except when the engine re-checks only the
   * rules an edit changed (see FileRule.local). Rules read the others through `module.rules`.
   */
  rules: readonly Rule[];
}

export interface FileRule {
  kind: 'file';
  meta: RuleMeta;
  check(ctx: FileContext, options: RuleOptions): Finding[];
  /**
   * Local rule: it reports only inside the rules of `ctx.rules`, and what it reports in one rule
   * depends on nothing but that rule's text, the package, the imports, the Rego version and the
   * other rules' signatures (names, arity, kind). The editor then re-checks only edited rules.
   */
  local?: boolean;
  /**
   * Whole-file rule whose findings an edit inside one plain string literal (not a ref segment,
   * object key or rule head segment) cannot change, except by moving them: the editor then reuses
   * its previous findings when none of them carries a fix (a fix may quote the edited text).
   */
  stringContentBlind?: boolean;
  /**
   * Whole-file rule that can tell, from the edited Rego rule alone, that an edit inside that rule's
   * lines left a clean file clean: `edited` is the rule's whole lines, `firstRuleStart` where the
   * first rule's line starts (what precedes it is the package, imports and comments). The editor
   * then skips the whole-file run; any other case runs the rule as usual.
   */
  cleanAfterRuleEdit?: (ctx: FileContext, edited: { start: number; end: number }, firstRuleStart: number) => boolean;
}

/**
 * A rule that needs every file: `collect` extracts a JSON-safe summary per file (cached with the
 * file), `report` sees all summaries at once.
 */
export interface AggregateRule<T = unknown> {
  kind: 'aggregate';
  meta: RuleMeta;
  collect(ctx: FileContext): T;
  report(entries: { file: string; data: T }[], options: RuleOptions): AggregateFinding[];
}

export type LintRule = FileRule | AggregateRule<any>;

export function docsUrl(meta: Pick<RuleMeta, 'name' | 'category'>): string {
  return `https://www.openpolicyagent.org/projects/regal/rules/${meta.category}/${meta.name}`;
}
