// The Terraform front end's public contract (implemented in index.ts; the only door surfaces use).
import type { FrontEndDiagnostic, Model, ModelValue, SourceMapNode, SourceRange } from '../model';
import type { ParsedFile } from './ast';

export interface TerraformUnitOptions {
  /** Absolute, `/`-separated path of the module directory (the unit). */
  dir: string;
  /** Workspace root; file paths in the model and diagnostics are relative to it. */
  root: string;
  /**
   * Extra variable files (absolute paths), applied after terraform.tfvars and *.auto.tfvars,
   * in order, like `-var-file` on the command line.
   */
  varFiles?: string[];
  /** Polled between evaluation steps; when it returns true the analysis stops early and returns `cancelled: true`. */
  isCancelled?: () => boolean;
}

/** What a hover shows about an expression: its value and where the value came from. */
export interface ValueDescription {
  /** The expression the offset is in (innermost traversal / call / whole attribute value). */
  range: SourceRange;
  /** Its source text. */
  expr: string;
  /** The evaluated value, unknowns encoded as `{"$unknown": …}`. */
  value: ModelValue;
  /**
   * Human-readable provenance lines, most specific first, e.g.
   * "`var.env` = \"prod\" from terraform.tfvars:3", "default in variables.tf:12",
   * "unknown: variable `region` has no value", "unknown: computed attribute `id` of aws_s3_bucket.logs".
   */
  origin: string[];
}

export interface TerraformUnitResult {
  cancelled: boolean;
  model: Model;
  /** Source map per resource/data/module address in the model (addresses as in `model.resources[].address`). */
  sourceMaps: Map<string, SourceMapNode>;
  /** Syntax and evaluation problems, in every file the unit read (including var files and local modules). */
  diagnostics: FrontEndDiagnostic[];
  /** Parse trees of the unit's own .tf files, by absolute path. */
  parsed: Map<string, ParsedFile>;
  /** Absolute paths of every file the analysis read (so a surface knows when to re-run). */
  dependencies: string[];
  /** Hover support: describe the expression at `offset` in `file` (absolute path), if any. */
  describeAt(file: string, offset: number): ValueDescription | undefined;
}
