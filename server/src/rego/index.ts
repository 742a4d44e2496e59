// The rego layer's door: what the policy layer, the linter and the surfaces use of the Rego language.
// Parse (syntax), evaluate (eval), format (format), runtime values and the builtin table.
export { parseModule, parseQuery, opaErrors, detectRegoVersion, lineIndex, reparseModule, singleEdit } from './syntax';
export type * from './syntax/ast';
export type { LineIndex, RowCol, ParseModuleResult, PreviousParse, ReparseResult, SingleEdit } from './syntax';
export { prepare, evalQuery, evalRule, evalRuleWithErrors, EvaluationSession, PreparedPolicy } from './eval';
export type { EvalOptions, ModuleSource, PrepareOptions, RuleOutline } from './eval';
export { ruleOutlines } from './eval';
export { explainRuleFailure } from './eval';
export type { FailureExplanation, ExplainedTerm } from './eval';
export { formatModule } from './format';
export type { FormatOptions, FormatResult } from './format';
export { fromJS, toJS, toRegoText, toJSONText, jsonQuote, compare, equal, parseJSON, parseYAML, yamlTooDeep } from './value';
export type { RegoValue, RegoNumber, RegoObject, RegoSet } from './value';
export { getBuiltin, builtins } from './builtins';
export type { Builtin, BuiltinType } from './builtins';
export { checkModules, CheckCache } from './check';
export type { CheckSource, CheckOptions } from './check';
// Read tracking for incremental re-evaluation (policy/evaluate.ts re-runs only rules whose reads changed).
export { ReadLog } from './eval';
export type { Reads } from './eval';
export { trackedInput, TrackedObject, ALL_FIELDS } from './value';
// Data documents (.json/.yaml files) placed under `data` by directory and merged as OPA's loader does.
export { isDataDocumentPath, dataDocumentPrefix, parseDataDocument, mergeDataDocuments } from './data-documents';
export type { DataDocument, DataDocumentProblem, MergedData } from './data-documents';
