// The rule packs of one workspace folder as the "Rule Packs" view shows them: the same packs the
// folder's Terraform units run (built-in, then `.palisade.yaml` and `palisade.packs` sources).
import { configForUnit, type ConfigCache, type LoadedPacks, type PackStatus, type RulePack } from '../policy';
import type { FileHost } from '../iac/model';
import type { FolderPacks, PackProblemRow, PackRow } from '../shared/packs-messages';
import { isAbsolutePath, joinPath } from './paths';

export interface PackStatusSources {
  host: FileHost;
  configs: ConfigCache;
  trusted: boolean;
  /** Team packs for a config + setting, as analysis loads them (undefined: built-in pack only). */
  packsFor(config: ReturnType<typeof configForUnit>['config'], setting: unknown, root: string): LoadedPacks | undefined;
  builtin(): RulePack;
  builtinLocation?: string;
}

export function folderPacks(sources: PackStatusSources, folder: string, setting: unknown): FolderPacks {
  const config = configForUnit(sources.host, folder, folder, sources.configs);
  const loaded = sources.packsFor(config.config, setting, folder);
  const packs: PackRow[] = loaded ? loaded.packs.map((p) => row(p, folder)) : [builtinRow(sources)];
  return { folder, ...(config.file ? { configFile: config.file } : {}), trusted: sources.trusted, packs };
}

function row(status: PackStatus, folder: string): PackRow {
  const base = status.kind === 'builtin' ? undefined : status.location;
  return {
    name: status.name,
    kind: status.kind,
    source: status.location,
    ...(status.version ? { version: status.version } : {}),
    ...(status.revision ? { revision: status.revision } : {}),
    ...(status.head ? { head: status.head } : {}),
    signed: status.signed,
    loaded: status.loaded,
    ruleIds: status.ruleIds,
    problems: status.diagnostics.map((d): PackProblemRow => ({
      severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
      message: d.message,
      code: d.code,
      ...(d.file ? { file: absolute(d.file, base ?? folder, status.kind) } : {}),
      ...(d.start !== undefined ? { start: d.start, end: d.end ?? d.start } : {}),
    })),
  };
}

/** Pack files are named inside their pack; only folders and checkouts have a file to open. */
function absolute(file: string, base: string, kind: PackStatus['kind']): string | undefined {
  if (isAbsolutePath(file)) return file;
  return kind === 'folder' || kind === 'git' ? joinPath(base, file) : undefined;
}

function builtinRow(sources: PackStatusSources): PackRow {
  const pack = sources.builtin();
  return {
    name: 'builtin',
    kind: 'builtin',
    source: sources.builtinLocation ?? '',
    signed: false,
    loaded: true,
    ruleIds: pack.rules.map((r) => r.id),
    problems: pack.diagnostics.map((d) => ({ severity: d.severity === 'warning' ? 'warning' : 'error', message: d.message, code: d.code })),
  };
}

/** Pack problems the Rego editor does not report itself: parse and compile errors it shows already. */
const EDITOR_REPORTS = new Set(['pack-parse-error', 'pack-compile-error']);

/** The problems of folder or git packs that lie in `file` (absolute), for its open editor. */
export function problemsInFile(folders: FolderPacks[], file: string): PackProblemRow[] {
  return folders.flatMap((f) => f.packs.flatMap((p) => p.problems)).filter((p) => p.file === file && !EDITOR_REPORTS.has(p.code));
}

/** Folder and git pack locations (absolute): a change below one reloads the packs. */
export function packLocations(folders: FolderPacks[]): string[] {
  return folders.flatMap((f) => f.packs.filter((p) => p.kind === 'folder' || p.kind === 'git').map((p) => p.source));
}
