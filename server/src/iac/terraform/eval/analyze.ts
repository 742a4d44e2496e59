// Entry point of the evaluator: one module directory (the unit) → model, source maps,
// diagnostics and a hover function.
import type { FileHost } from '../../model';
import type { TerraformUnitOptions, TerraformUnitResult } from '../api';
import type { ParsedFile } from '../ast';
import { describeAt } from './hover';
import { buildModel } from './model-builder';
import { ModuleInstance } from './module-instance';
import { dirName } from './text';
import { cachedAnalysis, RecordingHost, rememberAnalysis } from './result-cache';
import { ChildReuse, type ChildEvaluations } from './child-reuse';
import { CancelledSignal, UnitContext } from './unit';
import { isJsonConfigurationCandidate, isTerraformConfigName, isTerraformJsonConfiguration } from '../json-config';

/**
 * Analyses a unit. A result is reused while everything the analysis read is unchanged on `host`
 * (see result-cache.ts); callers must treat results as read-only.
 */
export function analyzeTerraformModule(host: FileHost, options: TerraformUnitOptions): TerraformUnitResult {
  const cached = cachedAnalysis(host, options);
  if (cached) return cached;
  const reads = new RecordingHost(host);
  const result = analyzeFresh(reads, options)!;
  rememberAnalysis(host, options, result, reads);
  return result;
}

/**
 * Like `analyzeTerraformModule`, for a unit analysed again and again with small edits (fix
 * verification): child module instances whose files and inputs are unchanged take the model
 * walk and diagnostics recorded in `evaluations` by an earlier run (child-reuse.ts). The model
 * and source maps are those a plain analysis gives, and so is the set of diagnostics (their order
 * may differ); hovers on this result do not reach into replayed children.
 */
export function analyzeTerraformModuleReusing(host: FileHost, options: TerraformUnitOptions, evaluations: ChildEvaluations): TerraformUnitResult {
  const cached = cachedAnalysis(host, options);
  if (cached) return cached;
  const reads = new RecordingHost(host);
  const result = analyzeFresh(reads, options, evaluations) ?? analyzeFresh(reads, options, evaluations, false)!;
  rememberAnalysis(host, options, result, reads);
  return result;
}

/** Undefined only when a run with `evaluations` replayed a walk it must not keep (ChildReuse.finish). */
function analyzeFresh(host: FileHost, options: TerraformUnitOptions, evaluations?: ChildEvaluations, replay = true): TerraformUnitResult | undefined {
  const ctx = new UnitContext(host, options);
  const root = new ModuleInstance(ctx, options.dir, '', options.dir, [], 0, []);
  // A unit that calls no module has no child to reuse: it is not tracked. (The root's own
  // declarations need no node: only children's walks are recorded.)
  const reuse = evaluations && root.decls.modules.size > 0 ? new ChildReuse(ctx, evaluations, replay) : undefined;
  let cancelled = false;
  let failed = false;
  let built: ReturnType<typeof buildModel> | undefined;
  try {
    ctx.checkCancelled();
    built = buildModel(root, reuse);
  } catch (err) {
    if (err instanceof CancelledSignal) cancelled = true;
    else {
      failed = true;
      // Last line of defence: report the bug on the unit instead of failing the caller.
      const at = root.decls.files[0]?.path ?? `${options.dir}/main.tf`;
      ctx.report(at, { start: 0, end: 0 }, 'error', 'tf-internal-error',
        `Palisade could not evaluate this module (internal error: ${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (reuse && !reuse.finish(!cancelled && !failed)) return undefined;
  const parsed = new Map<string, ParsedFile>(root.decls.files.map((f) => [f.path, f]));
  const instances = allInstances(root);
  return {
    cancelled,
    model: built?.model ?? { format: 'terraform', files: root.decls.files.map((f) => ctx.rel(f.path)), resources: [] },
    sourceMaps: built?.sourceMaps ?? new Map(),
    diagnostics: ctx.diagnostics,
    parsed,
    dependencies: [...ctx.dependencies],
    describeAt(file: string, offset: number) {
      // The first instance of the module whose directory holds the file answers for it.
      const inst = instances.find((i) => i.dir === dirName(file));
      const parsedFile = inst?.decls.files.find((f) => f.path === file);
      if (!inst || !parsedFile) return undefined;
      try {
        return describeAt(inst, parsedFile, offset);
      } catch (err) {
        if (err instanceof CancelledSignal) return undefined;
        throw err;
      }
    },
  };
}

function allInstances(root: ModuleInstance): ModuleInstance[] {
  const out: ModuleInstance[] = [];
  const visit = (i: ModuleInstance) => {
    out.push(i);
    i.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Directories under `root` (inclusive) that contain configuration files (.tf, .tf.json, JSON configuration), skipping tool and VCS folders. */
export function findModuleDirs(host: FileHost, root: string): string[] {
  const out: string[] = [];
  const skip = new Set(['.terraform', '.git', 'node_modules']);
  const visit = (dir: string, depth: number) => {
    const names = host.listDir(dir);
    if (!names || depth > 64) return;
    const sorted = names.slice().sort();
    const isJsonConfiguration = (n: string) => isJsonConfigurationCandidate(n) && isTerraformJsonConfiguration(host.readFile(`${dir}/${n}`) ?? '');
    if (sorted.some((n) => isTerraformConfigName(n) || isJsonConfiguration(n))) out.push(dir);
    for (const n of sorted) {
      if (skip.has(n) || isTerraformConfigName(n) || n.endsWith('.tfvars')) continue;
      const child = dir === '/' ? `/${n}` : `${dir}/${n}`;
      // listDir answers undefined for files, so only directories are entered.
      if (host.listDir(child)) visit(child, depth + 1);
    }
  };
  visit(root.replace(/\/+$/, '') || '/', 0);
  return out;
}
