// Custom LSP messages between the Palisade client and server (names and payload types only).
// Plain method strings keep this file importable from both bundles without protocol libraries.

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
