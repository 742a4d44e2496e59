// The fix layer's contract (DESIGN.md Contract 2, layer 4). Surfaces (LSP code actions, `palisade
// fix`, SARIF `fixes`) consume only these shapes, through the layer's door `fix/index.ts`.
// Offsets are UTF-16 code units into the file's current text, like the source map's.
import type { FileHost } from '../iac/model';
import type { ChildEvaluations, TerraformUnitResult } from '../iac/terraform';
import type { EvaluationRecord, Finding, FixOperation, PalisadeConfig, RulePack } from '../policy';

/** One replacement in one file. `file` is workspace-relative, like `Finding.range.file`. */
export interface FixTextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
  /**
   * Whitespace only: re-pads an aligned run of `=` or comments that the fix's other edits changed,
   * as `terraform fmt` would (fix/align.ts). Fix-all drops these and derives them again for the
   * fixes it combines, so two fixes re-padding one run do not overlap.
   */
  layout?: boolean;
}

/** A fix that has been rendered and verified: applying `edits` yields files that parse, the
 *  finding (by fingerprint) is gone and no finding that was not there before appears. */
export interface VerifiedFix {
  /** Shown to the user: "Set block_public_acls = true", "Scope Resource to aws_s3_bucket.data". */
  title: string;
  ruleId: string;
  /** The fingerprint of the finding this fix removes. */
  fingerprint: string;
  /** `rule` = the rule's own fix operations; otherwise the provider's name (`iam-scope`, `trusted-cidrs`, …). */
  source: string;
  /** The one fix VS Code may apply on "auto fix" (`isPreferred`); at most one per finding. */
  preferred: boolean;
  edits: FixTextEdit[];
  /** Extra facts for the UI, e.g. `grants 12 actions (was 1,432)`. */
  detail?: string;
}

/** A candidate before rendering: operations in the rule's vocabulary, or ready-made text edits. */
export interface FixCandidate {
  title: string;
  source: string;
  preferred?: boolean;
  detail?: string;
  ops?: FixOperation[];
  edits?: FixTextEdit[];
}

/** Everything a fix needs to re-run the scan of the finding's unit on edited text. */
export interface FixContext {
  /** Reads files as the scan saw them (editor buffers overlaid on disk). */
  host: FileHost;
  /** Workspace root, absolute, `/`-separated. */
  root: string;
  /** Module directory of the unit, absolute, `/`-separated. */
  dir: string;
  pack: RulePack;
  config: PalisadeConfig;
  varFiles?: string[];
  /** The unit's current findings when the caller already has them (spares one re-scan). */
  unitFindings?: Finding[];
  /** The record of the scan that gave `unitFindings` (scanTerraformUnit with `record`): re-scans then re-run only the rules an edit can affect. */
  unitRecord?: EvaluationRecord;
  /** The analysis of the scan that gave `unitFindings`: spares the fix layer analysing the unit again (verify.ts `unitAnalysis`). */
  unitAnalysis?: TerraformUnitResult;
  /** The child module walks that scan recorded (scanTerraformUnit with `childEvaluations`): the first re-scan replays them too. */
  unitChildEvaluations?: ChildEvaluations;
  /** Stops the work between candidates and inside each re-scan; what was verified so far is returned. */
  isCancelled?: () => boolean;
  /** Awaited between candidates and between rules of each re-scan, so a server's event loop can
   *  take a cancellation or an edit while fixes are verified (e.g. `setImmediate`). */
  pause?: () => Promise<void>;
}

/** Extra fixes beyond the rule's own operations (least-privilege IAM, trusted CIDRs, …). */
export type FixProvider = (finding: Finding, context: FixContext) => FixCandidate[] | Promise<FixCandidate[]>;
