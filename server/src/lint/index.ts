// The lint layer's door: Regal-compatible linting of Rego modules given as (path, text) pairs,
// configured by `.regal/config.yaml` text. No IO here; surfaces read files and config.
export { Linter, lintFiles, applyEdits } from './engine';
export type { LintFile, LintReport, LintStats, ParseFailure, FileResult as FileLintResult } from './engine';
export { loadConfig, providedConfig, isIgnoredFile } from './config';
export type { LintConfig, RuleConfig, ConfigResult } from './config';
export { allRules, ruleByName } from './rules';
export { docsUrl, CATEGORIES } from './types';
export type { Violation, TextEdit, LintRule, RuleMeta, Category, Level } from './types';
export { renderJSON, renderPretty } from './report';
// Read-only AST helpers, also used by the editor's Rego navigation and completion.
export { walkTerm, walkRuleTerms, allExprs, refText, ruleName, ruleRefName, isFunction, isTestRule, termVars, isCallExpr, isSome, isEvery, operatorName, packagePath } from './ast-utils';
