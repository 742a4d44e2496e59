// The dashboard's request (palisade/complianceReport): the compliance report of one workspace
// folder, computed exactly as `palisade report <folder> --format json` computes it (the CLI's
// collection over the same scan engine, then buildCompliance), but read through the server's
// overlay host so unsaved editor buffers count. Units are scanned one by one with a pause
// between them, so diagnostics keep flowing while a large folder is reported.
import type { FileHost } from '../iac/model';
import type { RulePack } from '../policy';
import { collectScan } from '../cli/report/collect';
import { buildCompliance } from '../report/compliance';
import type { ComplianceReportParams, ComplianceReportResult } from '../shared/messages';
import { builtinPackDir } from '../workspace/policy-files';
import { normalizePath, uriToPath } from './paths';

export interface ComplianceSources {
  /** Open buffers over disk. */
  host: FileHost;
  /** The workspace folder that holds `path`, if any. */
  folderOf(path: string): string | undefined;
  /** The built-in pack the server already prepared. */
  /** The rules the folder's units run: the built-in pack plus the folder's team packs. */
  rulePack(folder: string): Promise<RulePack>;
  /** The folder's extra variable files (the `palisade.terraform.varFiles` setting), absolute. */
  varFiles(folder: string): Promise<string[]>;
  isCancelled?: () => boolean;
  version: string;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function complianceReport(params: ComplianceReportParams, sources: ComplianceSources): Promise<ComplianceReportResult> {
  const folderUri = params.folderUri;
  const raw = typeof folderUri === 'string' ? uriToPath(folderUri) : undefined;
  const folder = raw === undefined ? undefined : normalizePath(raw);
  if (folder === undefined || sources.folderOf(folder) !== folder) return { folderUri, error: `${folderUri} is not a workspace folder of this server` };
  const packDir = builtinPackDir();
  if (!packDir) return { folderUri, error: 'the built-in rule pack (policies/) was not found next to the server' };
  const started = performance.now();
  const collected = await collectScan(sources.host, {
    paths: [folder],
    cwd: folder,
    varFiles: await sources.varFiles(folder),
    verifyFixes: params.verifyFixes !== false,
    gitignore: true,
    version: sources.version,
    pack: { pack: await sources.rulePack(folder), packDir: normalizePath(packDir) },
    pause: nextTurn,
    isCancelled: sources.isCancelled,
  });
  if ('error' in collected) return { folderUri, error: collected.error };
  return { folderUri, report: buildCompliance(collected.report), durationMs: Math.round(performance.now() - started) };
}
