// The one entry point the editor and the CLI share: analyse a Terraform unit, evaluate the pack,
// apply suppressions and configuration. Files arrive through the caller's FileHost.
import type { FileHost } from '../iac/model';
import { analyzeTerraformModule, analyzeTerraformModuleReusing, type ChildEvaluations, type TerraformUnitResult } from '../iac/terraform';
import { ConfigCache, DEFAULT_CONFIG, findConfigFile, isExcluded, ruleOverride, type PalisadeConfig } from './config';
import { terraformDocuments } from './adapters-scan';
import { evaluatePack, type EvaluateOptions } from './evaluate';
import type { EvaluationRecord } from './incremental';
import type { Placement } from './placement';
import { applySuppressions, type SuppressionContext } from './suppressions';
import { severityRank, type Finding, type PolicyDiagnostic, type RuleMetadata, type RulePack } from './types';

export interface ScanUnitOptions {
  /** Module directory, absolute, `/`-separated. */
  dir: string;
  /** Workspace root; finding files are relative to it. */
  root: string;
  /** Extra var files (absolute) from settings or the command line; the config's come after. */
  varFiles?: string[];
  pack: RulePack;
  config?: PalisadeConfig;
  isCancelled?: () => boolean;
  /** Awaited between rules (the server passes `setImmediate`) so a cancellation can land. */
  pause?: () => Promise<void>;
  budget?: { maxSteps?: number; maxMillis?: number };
  /** Keep what each rule read and returned (`UnitScan.record`), so a scan of an edited version can pass it as `reuse`. */
  record?: boolean;
  /** The record of a scan of an earlier version of this unit: rules the edit cannot affect are not run again (fix verification). */
  reuse?: EvaluationRecord;
  /**
   * Fix verification: the child module walks of earlier scans of this unit; child instances whose
   * files and inputs the edit left alone are replayed, not evaluated again (analyzeTerraformModuleReusing).
   */
  childEvaluations?: ChildEvaluations;
  /** Fix verification, asked once the front end is done: false skips the rules (the scan is `stopped`). */
  continueAfterFrontEnd?: (analysis: TerraformUnitResult) => boolean;
  /**
   * Fix verification: asked about each finding the configuration shows (threshold and excludes
   * applied) as soon as its rule has run; `suppressed()` tells (and marks) whether a suppression
   * comment silences it. True stops the remaining rules (the scan is `stopped`, with no findings).
   */
  stopOnFinding?: (finding: Finding, suppressed: () => boolean) => boolean;
  /** Told of each finding the unknown safety net withholds (EvaluateOptions.onWithheld). */
  onWithheld?: EvaluateOptions['onWithheld'];
}

export interface UnitScan {
  analysis: TerraformUnitResult;
  /** Shown and suppressed findings (threshold, disabled rules and excludes applied), by file then position. */
  findings: Finding[];
  /** Problems running the rules of this unit. */
  diagnostics: PolicyDiagnostic[];
  cancelled: boolean;
  /** Milliseconds in the front end and in the rules. */
  timing: { frontEndMs: number; policyMs: number };
  /** With `record`: what each rule read and returned. */
  record?: EvaluationRecord;
  /** `continueAfterFrontEnd` or `stopOnFinding` ended the scan early: `findings` is empty. */
  stopped?: boolean;
}

export async function scanTerraformUnit(host: FileHost, options: ScanUnitOptions): Promise<UnitScan> {
  const config = options.config ?? DEFAULT_CONFIG;
  const started = performance.now();
  const unit = { dir: options.dir, root: options.root, varFiles: [...(options.varFiles ?? []), ...config.varFiles], isCancelled: options.isCancelled };
  const analysis = options.childEvaluations ? analyzeTerraformModuleReusing(host, unit, options.childEvaluations) : analyzeTerraformModule(host, unit);
  const frontEndDone = performance.now();
  const empty = (cancelled: boolean): UnitScan => ({ analysis, findings: [], diagnostics: [], cancelled, timing: { frontEndMs: frontEndDone - started, policyMs: 0 } });
  if (analysis.cancelled) return empty(true);
  if (isExcluded(config, options.dir)) return empty(false);
  if (options.continueAfterFrontEnd && !options.continueAfterFrontEnd(analysis)) return { ...empty(false), stopped: true };

  const rulesById = rulesByIdOf(options.pack);
  const absolute = (file: string) => joinRoot(options.root, file);
  const threshold = config.severityThreshold ? severityRank(config.severityThreshold) : -1;
  const shown = (f: Finding) => ruleOverride(config, f.ruleId)?.enabled !== false && severityRank(f.severity) >= threshold && !isExcluded(config, absolute(f.range.file));
  // One suppression context for the early verdict below and the final findings, so both read the same comments.
  const suppressions = (placements: Map<string, Placement>): SuppressionContext => ({ textOf: (file) => host.readFile(absolute(file)), rules: rulesById, placements, jsonComments: true });
  const stopOnFinding = options.stopOnFinding;
  const evaluation = await evaluatePack(options.pack, analysis.model, {
    sourceMaps: analysis.sourceMaps,
    budget: options.budget,
    isCancelled: options.isCancelled,
    pause: options.pause,
    enabled: (rule) => ruleOverride(config, rule.id)?.enabled !== false,
    severityOf: (rule) => ruleOverride(config, rule.id)?.severity ?? rule.severity,
    // Conftest/raw packs read each .tf file as Conftest presents it (policy/adapters.ts).
    documents: terraformDocuments(analysis.parsed, options.root),
    record: options.record,
    reuse: options.reuse,
    onWithheld: options.onWithheld,
    // The same filters and suppressions as below, one finding at a time.
    stopWhen: stopOnFinding && ((finding, placement) => shown(finding) && stopOnFinding(finding, () => {
      applySuppressions([finding], suppressions(new Map(placement ? [[finding.fingerprint, placement]] : [])));
      return finding.suppressed !== undefined;
    })),
  });
  // (A stopped run's record holds the rules that ran: a later `reuse` of it runs the others.)
  if (evaluation.stopped) return { ...empty(false), stopped: true, timing: { frontEndMs: frontEndDone - started, policyMs: performance.now() - frontEndDone }, ...(evaluation.record ? { record: evaluation.record } : {}) };
  if (evaluation.cancelled) return { ...empty(true), timing: { frontEndMs: frontEndDone - started, policyMs: performance.now() - frontEndDone } };

  const withSuppressions = applySuppressions(evaluation.findings, suppressions(evaluation.placements));
  const findings = withSuppressions
    .filter(shown)
    .sort((a, b) => (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : a.range.start - b.range.start || (a.ruleId < b.ruleId ? -1 : 1)));
  const timing = { frontEndMs: frontEndDone - started, policyMs: performance.now() - frontEndDone };
  return { analysis, findings, diagnostics: evaluation.diagnostics, cancelled: false, timing, ...(evaluation.record ? { record: evaluation.record } : {}) };
}

/** The configuration for a unit: the nearest `.palisade.yaml`, with the last good one kept on errors. */
export function configForUnit(host: FileHost, dir: string, root: string | undefined, cache: ConfigCache): { config: PalisadeConfig; file?: string; diagnostics: PolicyDiagnostic[] } {
  const file = findConfigFile(host, dir, root);
  if (!file) return { config: DEFAULT_CONFIG, diagnostics: [] };
  const text = host.readFile(file);
  if (text === undefined) return { config: DEFAULT_CONFIG, diagnostics: [] };
  return { ...cache.resolve(file, text), file };
}

/** The pack's rules by id, built once per rule list: every unit and every fix's re-scan needs it. */
const rulesByIdCache = new WeakMap<readonly RuleMetadata[], Map<string, RuleMetadata>>();

/** The pack's rules by id (built once per rule list). */
export function rulesByIdOf(pack: RulePack): Map<string, RuleMetadata> {
  let byId = rulesByIdCache.get(pack.rules);
  // A loader still adding rules changes the length: the map is then built again.
  if (byId === undefined || byId.size !== pack.rules.length) {
    byId = new Map(pack.rules.map((r) => [r.id, r]));
    rulesByIdCache.set(pack.rules, byId);
  }
  return byId;
}

function joinRoot(root: string, file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:\//.test(file)) return file;
  return `${root.replace(/\/$/, '')}/${file}`;
}
