// Custom LSP messages between the Palisade client and server (names and payload types only).
// Plain method strings keep this file importable from both bundles without protocol libraries.
import type { ComplianceReport } from './compliance';

/** Request (client → server): memory and workload figures, used by the status UI and the benchmark. */
export const SERVER_INFO_REQUEST = 'palisade/serverInfo';

export interface ServerInfo {
  /** Resident set size of the server process, in bytes. */
  rssBytes: number;
  heapUsedBytes: number;
  /** Units (Terraform module directories) the server keeps results for. */
  units: number;
  /** Documents open in the editor. */
  openDocuments: number;
  /** Whether the Terraform evaluator is in use (false: syntax-only diagnostics). */
  evaluator: boolean;
}

/** Notification (server → client): an analysis run finished for a unit (for status display and tests). */
export const ANALYSIS_DONE_NOTIFICATION = 'palisade/analysisDone';

export interface AnalysisDone {
  /** Module directory (absolute, `/`-separated). */
  unit: string;
  /** Wall time spent analysing, milliseconds. */
  durationMs: number;
  /** From the first change the result covers to its publication, milliseconds (server-side latency). */
  sinceChangeMs: number;
  /** Number of diagnostics published across the unit's files. */
  diagnostics: number;
}

/**
 * Client command (VS Code client only): asks the user why a finding is accepted, then runs
 * APPLY_SUPPRESSION_COMMAND with the reason. Offered by the "Suppress … with a reason" code action
 * when the client sets `promptsForSuppressionReason` in its initialization options.
 */
export const SUPPRESS_WITH_REASON_CLIENT_COMMAND = 'palisade.suppressWithReason';

/** Server command (workspace/executeCommand): inserts the suppression comment via workspace/applyEdit. */
export const APPLY_SUPPRESSION_COMMAND = 'palisade.applySuppression';

export interface SuppressionCommandArgs {
  /** Document holding the finding. */
  uri: string;
  ruleId: string;
  /** The finding's key; the server looks up where the finding is now (the text may have moved). */
  fingerprint: string;
  /** Filled in by the client before it calls APPLY_SUPPRESSION_COMMAND. */
  reason?: string;
}

// --- Rego tests (Test Explorer) and rule evaluation (code lenses); see docs/rego-editing.md ---

/** Zero-based line/character position and range, as in LSP (kept here so the client needs no LSP types). */
export interface MessagePosition {
  line: number;
  character: number;
}
export interface MessageRange {
  start: MessagePosition;
  end: MessagePosition;
}

/** Request (client → server): the `test_*` rules of every `*_test.rego` file (open buffers included). */
export const REGO_TESTS_REQUEST = 'palisade/rego/tests';

export interface RegoTestsParams {
  /** Only this document (a file URI); every workspace folder when absent. */
  uri?: string;
}

export interface RegoTestCase {
  /** Stable id: `<file uri>#<full name>`. */
  id: string;
  /** The rule name (`test_allows_admin`). */
  name: string;
  /** Full name (`data.pkg.test_allows_admin`). */
  fullName: string;
  /** The rule head (all definitions' heads share the name; this is the first one). */
  range: MessageRange;
  /** `todo_test_*`: listed, never run (as `opa test` does). */
  skip: boolean;
}

export interface RegoTestFile {
  uri: string;
  /** `data.pkg` of the file's package clause. */
  package: string;
  /** The package clause. */
  packageRange: MessageRange;
  tests: RegoTestCase[];
  /** Set when the file does not parse: its tests are the ones of its last parse, or none. */
  parseError?: string;
}

export interface RegoTestsResult {
  files: RegoTestFile[];
}

/** Request (client → server): runs tests with the engine; every discovered test when no filter is given. */
export const REGO_RUN_TESTS_REQUEST = 'palisade/rego/runTests';

export interface RunRegoTestsParams {
  /** Only the tests of this file. */
  uri?: string;
  /** Only the tests of this package (`data.pkg`). */
  package?: string;
  /** Only these tests (rule names or full names). */
  names?: string[];
  /**
   * Part of a run over many files: compile the whole folder once (reused across requests while
   * its files are unchanged) instead of each file's dependency closure.
   */
  wholeFolder?: boolean;
}

export type RegoTestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/** One term of the failing expression with its value in the failing branch. */
export interface RegoTermValue {
  /** Source text of the term (`count(deny)`). */
  text: string;
  /** JSON text of the value; absent when undefined. */
  value?: string;
  range?: MessageRange;
}

export interface RegoTestResult {
  id: string;
  uri: string;
  name: string;
  fullName: string;
  status: RegoTestStatus;
  durationMs: number;
  /** Failure or error text (`count(deny) == 1` failed: `count(deny)` = 0). */
  message?: string;
  /** Where the failure is: the failing expression, an error's location, or the test head. */
  location?: { uri: string; range: MessageRange };
  /** Terms of the failing expression with their values. */
  terms?: RegoTermValue[];
  /** For a failed comparison (`a == b`): the right side's value (expected) and the left's (actual), JSON text. */
  expected?: string;
  actual?: string;
}

export interface RunRegoTestsResult {
  results: RegoTestResult[];
}

/** Client command behind the "Evaluate" code lens: asks for an input file, then sends REGO_EVALUATE_REQUEST. */
export const EVALUATE_RULE_CLIENT_COMMAND = 'palisade.rego.evaluate';
/** Client command behind "Evaluate on <file>.tf": sends REGO_EVALUATE_REQUEST with that file's unit model as input. */
export const EVALUATE_RULE_ON_TERRAFORM_CLIENT_COMMAND = 'palisade.rego.evaluateOnTerraform';

/** The code lens command's argument (both commands). */
export interface EvaluateRuleArgs {
  /** The .rego document. */
  uri: string;
  /** Full data path of the rule (`data.pkg.deny`). */
  rule: string;
  /** The rule head's range (where the client shows the result). */
  range: MessageRange;
  /** EVALUATE_RULE_ON_TERRAFORM_CLIENT_COMMAND: the Terraform file whose module is the input. */
  terraformUri?: string;
  /** EVALUATE_RULE_CLIENT_COMMAND: the input file; when absent the client asks the user. */
  inputUri?: string;
}

/** Request (client → server): evaluates a rule under the engine's budget. */
export const REGO_EVALUATE_REQUEST = 'palisade/rego/evaluate';

export interface RegoEvaluateParams {
  uri: string;
  rule: string;
  /** A JSON or YAML file used as `input` (an open buffer's text wins over disk). */
  inputUri?: string;
  /** A Terraform file: the model of its module directory is `input`. */
  terraformUri?: string;
}

/** Stands for the input file in `commandLine` when the input is a Terraform model (see `input`). */
export const EVALUATE_INPUT_PLACEHOLDER = '<input.json>';

export interface RegoEvaluateResult {
  rule: string;
  /** JSON text of the value (pretty-printed); absent when the rule is undefined or on error. */
  value?: string;
  /** One-line summary for inline display (`2 items`, `true`, `undefined`, `error: …`). */
  summary: string;
  errors: string[];
  durationMs: number;
  /** The equivalent `palisade rego eval …` argument list (after `palisade`), run from `cwd`. */
  commandLine: string[];
  cwd: string;
  /** The input document as JSON text when it is a Terraform model (written by the client for `commandLine`). */
  input?: string;
}

/**
 * Request (client → server): the compliance report of one workspace folder, as
 * `palisade report <folder> --format json` computes it, over the editor's open buffers and disk.
 * Shown by the "Palisade: Compliance Dashboard" webview (client/src/dashboard.ts).
 */
export const COMPLIANCE_REPORT_REQUEST = 'palisade/complianceReport';

export interface ComplianceReportParams {
  /** A workspace folder the server knows (`file:` URI). */
  folderUri: string;
  /** Verify a fix per finding through the fix layer (default true, like `palisade report`). */
  verifyFixes?: boolean;
}

export type ComplianceReportResult =
  | {
      folderUri: string;
      /** Finding files are relative to the folder. */
      report: ComplianceReport;
      /** Wall time of the computation in the server, milliseconds. */
      durationMs: number;
    }
  | { folderUri: string; error: string };
