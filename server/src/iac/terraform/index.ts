// The Terraform front end's only door: parse files, analyse a module directory into the policy
// model (Contract 1, see docs/model.md), find module directories in a tree.
export { parseTerraform } from './parser';
export { analyzeTerraformModule, findModuleDirs } from './eval/analyze';
export type { TerraformUnitOptions, TerraformUnitResult, ValueDescription } from './api';
// Syntax-tree types for layers that edit Terraform text in place (the fix layer).
export type { ParsedFile, Body, BodyItem, Block, Attribute, Expr, ObjectExpr, ObjectItem, TupleExpr, Comment } from './ast';
