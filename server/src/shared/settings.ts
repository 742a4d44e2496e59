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
  return { terraform: { varFiles: [...varFiles] } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
