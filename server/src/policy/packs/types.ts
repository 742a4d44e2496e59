// Team rule packs: where they come from (`.palisade.yaml` `packs:` and the `palisade.packs`
// setting), how their bytes are read (a PackReader the surface supplies), and what loading says.
import type { PolicyDiagnostic, RulePack, RuleSeverity } from '../types';

export type SignatureAlgorithm = 'RS256' | 'ES256' | 'HS256';
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['RS256', 'ES256', 'HS256'];

export interface PackSource {
  kind: 'folder' | 'git' | 'bundle';
  /** Shown in lists and diagnostics; defaults to the folder or archive name. */
  name: string;
  /** Absolute, `/`-separated: the folder, the git checkout or the `.tar.gz`. */
  location: string;
  /** `git` only: the commit the checkout must be at (full or abbreviated sha). */
  commit?: string;
  /** Key (from `keys`) that verifies this pack's `.signatures.json`; else the JWT's `kid`. */
  keyId?: string;
  /** Rego version for files the manifest does not decide (default: each module's own syntax). */
  regoVersion?: 'v0' | 'v1';
  /** Input shape of the pack's rules (wins over the manifest's `metadata.palisade.input`); policy/adapters.ts. */
  input?: 'palisade' | 'conftest' | 'raw';
  /** `conftest: true` = input `conftest`; `false` turns detection off. */
  conftest?: boolean;
  /** Packages whose `deny`/`violation`/`warn` rules run when they have no METADATA (default `main`); `all` = every package. */
  namespaces?: string[] | 'all';
  /** Severity of `deny`/`violation` results of rules without METADATA (default high). */
  severity?: RuleSeverity;
  /** Severity of `warn` results of document-shaped packs (default low). */
  warnSeverity?: RuleSeverity;
}

export interface PackKey {
  algorithm: SignatureAlgorithm;
  /** PEM text (RS256/ES256 public or private key) or the HS256 secret. */
  key?: string;
  /** Absolute path of a file holding `key`. */
  keyFile?: string;
}

export interface PackSettings {
  sources: PackSource[];
  /** `builtin: false` runs only the configured packs. */
  builtin: boolean;
  /** Refuse bundles without a valid `.signatures.json`. */
  requireSignature: boolean;
  keys: Record<string, PackKey>;
}

export const DEFAULT_PACK_SETTINGS: PackSettings = Object.freeze({ sources: [], builtin: true, requireSignature: false, keys: {} }) as PackSettings;

/** A directory entry as the reader sees it; links are reported, never followed. */
export interface PackDirEntry {
  name: string;
  kind: 'file' | 'dir' | 'link' | 'other';
}

/** Byte access for pack loading; the surface implements it over the disk (workspace/pack-reader.ts). */
export interface PackReader {
  readFile(path: string): Uint8Array | undefined;
  listDir(path: string): PackDirEntry[] | undefined;
}

/** What `palisade packs list` and the editor show about one pack. */
export interface PackStatus {
  name: string;
  kind: PackSource['kind'] | 'builtin';
  location: string;
  /** Manifest `metadata.version`, else the manifest `revision`, else the git HEAD. */
  version?: string;
  revision?: string;
  /** HEAD of a git checkout, when readable. */
  head?: string;
  signed: boolean;
  /** Rules of this pack that are running. */
  ruleCount: number;
  ruleIds: string[];
  /** Errors leave files or the whole pack out; warnings do not. */
  diagnostics: PolicyDiagnostic[];
  /** False when nothing of the pack runs. */
  loaded: boolean;
  /** Input shape of its rules when it is not (only) Palisade's model: `conftest` or `raw` (policy/adapters.ts). */
  input?: 'palisade' | 'conftest' | 'raw';
}

export interface LoadedPacks {
  /** Every running pack compiled together (built-in first); absent only when nothing runs. */
  pack: RulePack;
  packs: PackStatus[];
}
