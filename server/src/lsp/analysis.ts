// Runs the Terraform front end over one unit (a module directory) and returns plain data in
// absolute paths, ready for the LSP layer to convert. The only place the server calls the front end.
import type { FileHost, FrontEndDiagnostic, Model } from '../iac/model';
import { analyzeTerraformModule, type ValueDescription } from '../iac/terraform/index';
import type { Finding, PalisadeConfig, RulePack } from '../policy';
import { fileKind, isAbsolutePath, joinPath } from './paths';

export interface UnitRequest {
  /** Module directory, absolute. */
  dir: string;
  /** Workspace root the front end reports relative paths against. */
  root: string;
  /** Extra var files, absolute, in order. */
  varFiles: string[];
  /** The raw `palisade.packs` setting for this unit's folder, when set. */
  packs?: unknown;
  isCancelled: () => boolean;
}

export interface UnitAnalysis {
  cancelled: boolean;
  /** Diagnostics with absolute `file` paths. */
  diagnostics: FrontEndDiagnostic[];
  /** The unit's own files and every file with a diagnostic: the files to publish for. */
  files: string[];
  /** Every file whose change should re-run this unit. */
  dependencies: string[];
  describeAt(file: string, offset: number): ValueDescription | undefined;
  /** Hover text about the rule findings at a position (policy-support.ts), when rules ran. */
  findingHover?(file: string, offset: number): { markdown: string; start: number; end: number } | undefined;
  /** The rule findings of this run and what a fix needs to re-scan the unit, when rules ran. */
  policy?: UnitFindings;
  /** True when values were evaluated (false would mean syntax checking only). */
  evaluated: boolean;
  /** The unit's model (the policy input), for Rego completion's summary of types and attributes. */
  model?: Model;
}

/** What code actions start from (code-actions.ts): findings are workspace-relative, as the policy layer gives them. */
export interface UnitFindings {
  /** Everything the scan returned, suppressed findings included. */
  all: Finding[];
  /** The findings published as diagnostics. */
  shown: Finding[];
  root: string;
  dir: string;
  varFiles: string[];
  pack: RulePack;
  config: PalisadeConfig;
}

/** The `.tf` files of a module directory (absolute paths, sorted). */
export function unitFiles(host: FileHost, dir: string): string[] {
  const names = host.listDir(dir) ?? [];
  return names.filter((n) => fileKind(n) === 'terraform').sort().map((n) => joinPath(dir, n));
}

export function analyzeUnit(host: FileHost, request: UnitRequest): UnitAnalysis {
  const result = analyzeTerraformModule(host, {
    dir: request.dir,
    root: request.root,
    varFiles: request.varFiles,
    isCancelled: request.isCancelled,
  });
  const files = new Set(unitFiles(host, request.dir));
  for (const path of result.parsed.keys()) files.add(path);
  const diagnostics = result.diagnostics.map((d) => ({ ...d, file: absoluteIn(request.root, d.file) }));
  return {
    cancelled: result.cancelled,
    diagnostics,
    files: [...files],
    // The unit's own files count even when the front end did not report reading them.
    dependencies: [...new Set([...result.dependencies, ...files])],
    describeAt: (file, offset) => result.describeAt(file, offset),
    evaluated: true,
    model: result.model,
  };
}

/** Front ends report paths relative to the root; the server works in absolute paths. */
export function absoluteIn(root: string, file: string): string {
  return isAbsolutePath(file) ? file : joinPath(root, file);
}
