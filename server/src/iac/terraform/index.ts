// The Terraform front end's only door: parse files, analyse a module directory into the policy
// model (Contract 1, see docs/model.md), find module directories in a tree.
// `parseTerraform` picks the syntax by file name: native for `.tf`, JSON for `.tf.json` and `.tfvars.json`.
export { parseTerraformFile as parseTerraform, isTerraformConfigName, isTerraformJsonConfiguration, isJsonConfigurationCandidate } from './json-config';
export { analyzeTerraformModule, analyzeTerraformModuleReusing, findModuleDirs } from './eval/analyze';
export { ChildEvaluations } from './eval/child-reuse';
// The same tree as `parseTerraform`, from the cache the analyses share (trees are read-only).
export { parseCached as parseTerraformCached } from './eval/unit';
export type { TerraformUnitOptions, TerraformUnitResult, ValueDescription } from './api';
// Syntax-tree types for layers that edit Terraform text in place (the fix layer).
export type { ParsedFile, Body, BodyItem, Block, Attribute, Expr, ObjectExpr, ObjectItem, TupleExpr, Comment } from './ast';
export { soleInterpolation } from './ast';
export { readJsonSpans, type JsonSpanNode } from './json-spans';
/** Root-relative file paths as the model writes them (findings, diagnostics). */
export { relativePath } from './eval/text';
/** Lines with their `=` and trailing-comment cells, as `terraform fmt` aligns them (for the fix layer). */
export { formatLines, type FormatLine } from './format-lines';
