// Contract 1 (shared/DESIGN.md): the model every front end produces, i.e. the policy `input`.
// Plain JSON data plus source ranges; nothing here knows a file format or LSP.

/** A range in one file: [start, end) in UTF-16 offsets. Surfaces convert to line/column. */
export interface SourceRange {
  file: string;
  start: number;
  end: number;
}

/**
 * JSON values as policies see them. An unknown value (not knowable without running Terraform)
 * is encoded as `{"$unknown": "<source expression text>"}` — an object with exactly that key,
 * so it can never be mistaken for a real value. See docs/model.md.
 */
export type ModelValue = null | boolean | number | string | ModelValue[] | { [key: string]: ModelValue };

/** Where a resource/block/attribute/list element of `config` sits in its file. */
export interface SourceMapNode {
  /** Whole block, whole attribute (name through value), or one list element. */
  range: SourceRange;
  /** Attribute name, or the block header (type and labels). */
  nameRange?: SourceRange;
  /** Attribute value expression. */
  valueRange?: SourceRange;
  /** Children by key: attributes and nested block types (a nested block type's node has `items`). */
  fields?: Record<string, SourceMapNode>;
  /** List elements, or one node per repeated nested block. */
  items?: SourceMapNode[];
}

/** A reference from one resource's attribute to another object (resource, data source, module). */
export interface ModelReference {
  /** Path inside the referring resource's `config` where the reference appears. */
  path: (string | number)[];
  /** Address of the referenced object, e.g. `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`. */
  target: string;
  /** The attribute read from it (`id`, `arn`, …), if any. */
  attribute?: string;
}

export interface ModelResource {
  address: string;
  /** `managed` for resources, `data` for data sources. */
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** Workspace-relative path of the file declaring it. */
  file: string;
  /** `module.a.module.b` for resources inside modules; absent at the root. */
  module?: string;
  /** Instance key from count/for_each expansion. */
  index?: number | string;
  /**
   * Set when count/for_each could not be expanded (unknown, or over the evaluation budget): the
   * one resource stands for instances Terraform addresses with keys, so another block must name
   * it with one (`aws_s3_bucket.b[0]`), never by the plain address a fix would otherwise write.
   */
  unexpanded?: true;
  /**
   * Terraform only: the provider configuration the `provider` meta-argument names (`aws.west`),
   * absent for the default one. A fix that adds a resource beside this one, or reads the account
   * or region, must use the same configuration.
   */
  provider?: string;
  /**
   * Terraform only, managed resources: what `lifecycle { ignore_changes }` leaves to others, `all`
   * or the top-level arguments it names (`rule`, `tags`). Terraform applies such an argument at
   * creation and never again, so whatever manages it later (another configuration, a service, a
   * person) decides its value: a rule may then leave that argument's check to them.
   */
  ignore_changes?: readonly string[] | 'all';
  config: { [key: string]: ModelValue };
  references: ModelReference[];
}

export interface ModelModuleCall {
  address: string;
  name: string;
  source: string;
  file: string;
  /** Evaluated call arguments. */
  config: { [key: string]: ModelValue };
  /** Resolved local directory, when the module's code is available. */
  dir?: string;
  /** The call's `version` constraint, when it is a literal string (registry modules). */
  version?: string;
}

export interface ModelProvider {
  /** `provider.<name>[.<alias>]`, after the module path in a child module: where findings on it go. */
  address?: string;
  name: string;
  alias?: string;
  file: string;
  config: { [key: string]: ModelValue };
}

export interface Model {
  format: 'terraform' | 'cloudformation' | 'kubernetes' | 'terraform-plan';
  files: string[];
  resources: ModelResource[];
  /** Terraform only. */
  variables?: { [name: string]: ModelValue };
  locals?: { [name: string]: ModelValue };
  data?: ModelResource[];
  modules?: ModelModuleCall[];
  providers?: ModelProvider[];
  /**
   * Terraform only: every literal `required_providers` version constraint of the unit and of the
   * modules it calls, by provider name (`{"aws": [">= 3.72, < 4.0.0"]}`); absent when none is written.
   * Terraform installs one version of a provider that satisfies all of them.
   */
  required_providers?: { [name: string]: string[] };
  /**
   * Terraform only: the variables declared `sensitive = true`, by address (`var.db_password` at
   * the root, `module.app.var.password` in a module instance); absent when none is.
   */
  sensitive_variables?: string[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A front-end problem (syntax error, evaluation error) located in a file. */
export interface FrontEndDiagnostic {
  file: string;
  start: number;
  end: number;
  severity: Severity;
  message: string;
  /** Stable code, e.g. `hcl-syntax`, `tf-local-cycle`, `tf-unknown-function`. */
  code: string;
}

/**
 * Read-only access to files, supplied by the surface (disk with editor buffers overlaid).
 * Front ends never touch the file system themselves. Paths are absolute, `/`-separated.
 */
export interface FileHost {
  readFile(path: string): string | undefined;
  /** Entries (names only) of a directory, or undefined when it does not exist. */
  listDir(path: string): string[] | undefined;
}
