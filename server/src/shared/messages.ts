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
