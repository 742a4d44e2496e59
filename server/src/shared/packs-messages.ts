// Custom LSP request behind the "Palisade: Rule Packs" view (names and payload types only; imported
// by both bundles, so no protocol libraries here).

/** Request (client → server): every rule pack that runs for each workspace folder, with its problems. */
export const PACK_STATUS_REQUEST = 'palisade/packs';

export interface PackProblemRow {
  severity: 'error' | 'warning' | 'info';
  message: string;
  code: string;
  /** Absolute file the problem is about, when known (a pack file, or `.palisade.yaml`). */
  file?: string;
  /** UTF-16 offsets in `file`, when the problem has a place. */
  start?: number;
  end?: number;
}

export interface PackRow {
  name: string;
  kind: 'builtin' | 'folder' | 'git' | 'bundle';
  /** Folder, checkout or archive path (absolute). */
  source: string;
  version?: string;
  revision?: string;
  /** HEAD commit of a git checkout. */
  head?: string;
  signed: boolean;
  /** False when nothing of the pack runs (refused, unreadable, every file broken, or restricted mode). */
  loaded: boolean;
  ruleIds: string[];
  problems: PackProblemRow[];
}

export interface FolderPacks {
  /** Workspace folder (absolute, `/`-separated). */
  folder: string;
  /** The `.palisade.yaml` that configures the folder's packs, when there is one. */
  configFile?: string;
  /** False in VS Code's restricted mode: only the built-in pack runs. */
  trusted: boolean;
  packs: PackRow[];
}

export interface PackStatusResult {
  folders: FolderPacks[];
}
