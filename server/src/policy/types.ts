// The policy layer's data: rule metadata, packs, findings and the diagnostics about them.
// Plain data in UTF-16 offsets and workspace-relative paths; surfaces convert to lines/columns.
import type { ModelValue, SourceRange } from '../iac/model';
import type { PreparedPolicy } from '../rego';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type RuleSeverity = (typeof SEVERITIES)[number];

/** Higher is more severe: info 0 … critical 4. */
export function severityRank(severity: RuleSeverity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is RuleSeverity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** What the package METADATA of one rule says (DESIGN.md Contract 2). */
export interface RuleMetadata {
  id: string;
  /** `palisade.aws.s3.bucket_public_acl` (without `data.`). */
  packagePath: string;
  /** Pack-relative path of the rule's .rego file. */
  file: string;
  title: string;
  description: string;
  severity: RuleSeverity;
  /** Empty = every format. */
  formats: string[];
  /** Empty = the rule runs on every unit. */
  resourceTypes: string[];
  frameworks: Record<string, string[]>;
  /** Equivalent ids in other tools (checkov, trivy, tfsec, kics), lower-cased tool names. */
  references: Record<string, string[]>;
  /** `custom.cwe`: the CWE weaknesses the rule detects, normalised to `CWE-<n>`. */
  cwe: string[];
  remediation?: string;
  fixable: boolean;
  /** `custom.allow_unknown: true`: keep findings whose path points at a wholly unknown value. */
  allowUnknown: boolean;
  /**
   * `custom.follows`: ids of rules whose remedy this rule presupposes (MFA delete applies only to a
   * versioned bucket). A verified fix of such a rule may bring this rule's findings into view on the
   * resource it fixes or adds; they are named in the fix, not counted as introduced (docs/fixes.md).
   */
  follows?: string[];
  /** The rule's docs page: `https://palisade.dev/rules/<id>`, else the first `related_resources` link. */
  docsUrl: string;
  /** Every `related_resources` link. */
  links: string[];
}

/** A problem with the pack or with running one of its rules (not a finding about the user's code). */
export interface PolicyDiagnostic {
  /** `pack-parse-error`, `pack-compile-error`, `pack-metadata`, `rule-error`, `rule-budget`, `config-error`, … */
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Pack file or config file the problem is in, when there is one. */
  file?: string;
  start?: number;
  end?: number;
  ruleId?: string;
}

/** A rule evaluated outside the Rego engine (a wasm entrypoint): the value of its `deny` or `warn`. */
export interface ExternalRule {
  evaluate(kind: 'deny' | 'warn', input: unknown): { value?: unknown; error?: string };
  /** The input shape it reads (its pack's adapter, policy/adapters.ts): absent or `palisade` = the unit's model; else once per document. */
  input?: 'palisade' | 'conftest' | 'raw';
  /** Severity of its `warn` results (document-shaped packs; default low). */
  warnSeverity?: RuleSeverity;
}

export interface RulePack {
  name: string;
  rules: RuleMetadata[];
  /** One compiled module set for the whole pack; absent when nothing could be compiled. */
  policy?: PreparedPolicy;
  /** Rules (by id) that `policy` does not hold: wasm entrypoints of OPA bundles. */
  external?: Map<string, ExternalRule>;
  diagnostics: PolicyDiagnostic[];
}

export interface FixOperation {
  op: string;
  path?: (string | number)[];
  [key: string]: unknown;
}

/** One part's equivalent ids per peer tool (lower-cased); a missing tool means none. */
export interface PeerIds {
  checkov?: string[];
  /** Trivy AVD ids and tfsec long ids: one namespace, as in `references`. */
  trivy?: string[];
  /** KICS query ids; a non-empty list lets `kics-scan ignore-line|ignore-block` silence the part. */
  kics?: string[];
}

export interface RelatedLocation {
  message: string;
  range: SourceRange;
  resource?: string;
  path?: (string | number)[];
}

export interface Finding {
  ruleId: string;
  /** After config overrides. */
  severity: RuleSeverity;
  /** `deny` or `warn`. */
  kind: 'deny' | 'warn';
  message: string;
  /** Primary location; `range.file` is workspace-relative like the model's files. */
  range: SourceRange;
  resource?: string;
  path?: (string | number)[];
  fix?: FixOperation[];
  related?: RelatedLocation[];
  /**
   * The peers' ids of the part(s) of the rule that produced this finding (`result.with_peers`),
   * lower-cased; tfsec ids are in `trivy`. Absent: the rule's `references` decide suppression.
   * Several entries: the finding reports several parts at once, and a peer comment silences it
   * only when every part is named (DESIGN.md Contract 3, docs/rules-authoring.md).
   */
  peers?: PeerIds[];
  /** Rule id + resource address + path, hashed: stable across edits that move lines. */
  fingerprint: string;
  /** The evaluated value at `path` (for hovers); undefined when the path does not exist. */
  value?: ModelValue;
  suppressed?: { by: string; reason?: string };
}
