// Settings and initialization options shared by the VS Code client and the language server.
// Both bundles import this file, so it must stay free of `vscode` and of server-only modules.

/** The configuration section the server pulls per resource (`workspace/configuration`). */
export const SETTINGS_SECTION = 'palisade';

/** Resource-scoped settings, as declared under "contributes.configuration" in package.json. */
export interface PalisadeSettings {
  terraform: {
    /** Extra variable files, relative to the workspace folder (or absolute), applied in order. */
    varFiles: string[];
  };
  /**
   * `palisade.packs`: team rule packs in `.palisade.yaml`'s `packs:` shape (a list of sources or
   * {sources, builtin, require_signature, keys}); kept raw here, validated by the server.
   * Absent when unset.
   */
  packs?: unknown;
}

export const DEFAULT_SETTINGS: PalisadeSettings = Object.freeze({
  terraform: Object.freeze({ varFiles: [] as string[] }),
}) as PalisadeSettings;

/** What the client passes in `initialize.initializationOptions`. Every field is optional for other editors. */
export interface PalisadeInitializationOptions {
  /** VS Code's workspace trust; other editors default to trusted. */
  workspaceTrusted?: boolean;
  /** The client watches *.tf, *.tfvars and .palisade.yaml itself and sends didChangeWatchedFiles. */
  clientWatchesFiles?: boolean;
  /** Delay between an edit and the analysis it triggers, in milliseconds (default 0: at once; bursts are coalesced). */
  debounceMs?: number;
  /** How much the server logs (`palisade.server.logLevel`): error, warn, info (default) or debug. */
  logLevel?: string;
  /** The client has the `palisade.suppressWithReason` command (shared/messages.ts) and prompts for a suppression's reason. */
  promptsForSuppressionReason?: boolean;
}

/**
 * Normalises whatever a client answered for the `palisade` section into settings, keeping
 * defaults for missing or malformed parts (a client may answer null or a partial object).
 */
export function toSettings(raw: unknown): PalisadeSettings {
  const terraform = isRecord(raw) && isRecord(raw.terraform) ? raw.terraform : {};
  const varFiles = Array.isArray(terraform.varFiles)
    ? terraform.varFiles.filter((f): f is string => typeof f === 'string' && f.trim() !== '')
    : DEFAULT_SETTINGS.terraform.varFiles;
  const settings: PalisadeSettings = { terraform: { varFiles: [...varFiles] } };
  const packs = isRecord(raw) ? raw.packs : undefined;
  if ((Array.isArray(packs) && packs.length > 0) || isRecord(packs)) settings.packs = packs;
  return settings;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
