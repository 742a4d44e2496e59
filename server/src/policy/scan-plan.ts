// The policy entry point for Terraform plan and state JSON, beside scanTerraformUnit: the same
// pack and configuration, rules written for `terraform` run unchanged on `terraform-plan`.
// Where the configuration's .tf files are at hand, findings are placed on them (docs/plan.md).
import type { FileHost, SourceMapNode } from '../iac/model';
import { analyzeTerraformModule, isTerraformConfigName } from '../iac/terraform';
import { analyzeTerraformPlan, overlaySourceMaps, type TerraformPlanResult } from '../iac/tfplan';
import { DEFAULT_CONFIG, isExcluded, ruleOverride, type PalisadeConfig } from './config';
import { evaluatePack } from './evaluate';
import { applySuppressions } from './suppressions';
import { severityRank, type Finding, type PolicyDiagnostic, type RuleMetadata, type RulePack } from './types';

export interface ScanPlanOptions {
  /** The plan or state file, absolute, `/`-separated. */
  file: string;
  /** Workspace root; finding files are relative to it. */
  root: string;
  pack: RulePack;
  config?: PalisadeConfig;
  /**
   * Root module directory whose .tf files the plan was made from (absolute). Default: the plan
   * file's directory. `null`: never look for source, findings stay on the JSON.
   */
  sourceDir?: string | null;
  varFiles?: string[];
  isCancelled?: () => boolean;
  pause?: () => Promise<void>;
  budget?: { maxSteps?: number; maxMillis?: number };
}

export interface PlanScan {
  analysis: TerraformPlanResult;
  findings: Finding[];
  diagnostics: PolicyDiagnostic[];
  cancelled: boolean;
  /** The directory whose .tf files findings were moved onto, and how many resources matched. */
  source?: { dir: string; matchedResources: number };
  /** The source maps findings were placed with (the .tf overlay when `source` is set). */
  sourceMaps: Map<string, SourceMapNode>;
  timing: { frontEndMs: number; policyMs: number };
}

export async function scanTerraformPlan(host: FileHost, options: ScanPlanOptions): Promise<PlanScan> {
  const config = options.config ?? DEFAULT_CONFIG;
  const started = performance.now();
  const relative = relativeTo(options.root, options.file);
  const text = host.readFile(options.file);
  const analysis: TerraformPlanResult = text === undefined
    ? { model: { format: 'terraform-plan', files: [relative], resources: [], data: [] }, sourceMaps: new Map(), diagnostics: [{ file: relative, start: 0, end: 0, severity: 'error', code: 'tfplan-unreadable', message: 'cannot read the file' }] }
    : analyzeTerraformPlan(text, relative);
  let sourceMaps: Map<string, SourceMapNode> = analysis.sourceMaps;
  let source: PlanScan['source'];
  const sourceDir = options.sourceDir === undefined ? parentOf(options.file) : options.sourceDir;
  if (sourceDir !== null && analysis.kind && host.listDir(sourceDir)?.some(isTerraformConfigName)) {
    const hcl = analyzeTerraformModule(host, { dir: sourceDir, root: options.root, varFiles: [...(options.varFiles ?? []), ...config.varFiles], isCancelled: options.isCancelled });
    const overlay = overlaySourceMaps(analysis.sourceMaps, hcl.sourceMaps);
    if (overlay.matched > 0) {
      sourceMaps = overlay.maps;
      source = { dir: sourceDir, matchedResources: overlay.matched };
    }
  }
  const frontEndDone = performance.now();
  const timing = () => ({ frontEndMs: frontEndDone - started, policyMs: performance.now() - frontEndDone });
  if (!analysis.kind || isExcluded(config, options.file)) return { analysis, findings: [], diagnostics: [], cancelled: false, source, sourceMaps, timing: timing() };

  const pack = planPack(options.pack);
  const evaluation = await evaluatePack(pack, analysis.model, {
    sourceMaps,
    budget: options.budget,
    isCancelled: options.isCancelled,
    pause: options.pause,
    enabled: (rule) => ruleOverride(config, rule.id)?.enabled !== false,
    severityOf: (rule) => ruleOverride(config, rule.id)?.severity ?? rule.severity,
  });
  if (evaluation.cancelled) return { analysis, findings: [], diagnostics: [], cancelled: true, source, sourceMaps, timing: timing() };
  // The plan itself has no comments: suppressions count only for findings placed on the source
  // (`#` comments in .tf, `"//"` properties in .tf.json).
  const onSource = evaluation.findings.filter((f) => f.range.file !== relative);
  if (onSource.length > 0) {
    applySuppressions(onSource, {
      textOf: (file) => host.readFile(joinRoot(options.root, file)),
      rules: new Map<string, RuleMetadata>(pack.rules.map((r) => [r.id, r])),
      placements: evaluation.placements,
      jsonComments: true,
    });
  }
  const threshold = config.severityThreshold ? severityRank(config.severityThreshold) : -1;
  const findings = evaluation.findings
    .filter((f) => ruleOverride(config, f.ruleId)?.enabled !== false && severityRank(f.severity) >= threshold)
    .sort((a, b) => (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : a.range.start - b.range.start || (a.ruleId < b.ruleId ? -1 : 1)));
  return { analysis, findings, diagnostics: evaluation.diagnostics, cancelled: false, source, sourceMaps, timing: timing() };
}

const packs = new WeakMap<RulePack, RulePack>();

/** The pack with every `terraform` rule also declaring `terraform-plan` (same model shape). */
export function planPack(pack: RulePack): RulePack {
  let adapted = packs.get(pack);
  if (!adapted) {
    const rules = pack.rules.map((r) => (r.formats.includes('terraform') && !r.formats.includes('terraform-plan') ? { ...r, formats: [...r.formats, 'terraform-plan'] } : r));
    packs.set(pack, (adapted = { ...pack, rules }));
  }
  return adapted;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

function relativeTo(root: string, file: string): string {
  const base = root.replace(/\/$/, '');
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}

function joinRoot(root: string, file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:\//.test(file)) return file;
  return `${root.replace(/\/$/, '')}/${file}`;
}
