// A Terraform plan/state file scanned for the CLI like a unit (scanTerraformPlan), in the
// UnitOutcome shape buildReport takes, with the command line's rule filters and, for findings
// placed on .tf source, verified fixes. Used by `palisade report` (and `palisade scan`).
import type { FileHost } from '../../iac/model';
import { ConfigCache, configForUnit, ruleOverride, scanTerraformPlan, severityRank, type PalisadeConfig, type RuleMetadata, type RulePack } from '../../policy';
import { collectFixes, disabledRules, type ScanSettings, type UnitOutcome } from '../scan-engine';
import { parentOf } from '../units';

export interface PlanScanExtras {
  configs?: ConfigCache;
  /** Directories whose own scan already verified fixes for the same .tf findings. */
  skipFixesIn?: Set<string>;
}

export async function scanPlanFile(host: FileHost, file: string, pack: RulePack, settings: ScanSettings, extras: PlanScanExtras = {}): Promise<UnitOutcome> {
  const outcome: UnitOutcome = { dir: parentOf(file), findings: [], fixes: {}, frontEnd: [], policy: [], configDiagnostics: [], files: [], resources: [], activeRules: [], timing: { frontEndMs: 0, policyMs: 0, fixMs: 0 } };
  try {
    const configs = extras.configs ?? new ConfigCache();
    const resolved = settings.configFile !== undefined
      ? { ...configs.resolve(settings.configFile, host.readFile(settings.configFile) ?? ''), file: settings.configFile }
      : configForUnit(host, parentOf(file), undefined, configs);
    outcome.configFile = resolved.file;
    outcome.configDiagnostics = resolved.diagnostics;
    const config = withCommandLine(resolved.config, pack, settings);
    const scan = await scanTerraformPlan(host, { file, root: settings.cwd, pack, config, varFiles: settings.varFiles });
    outcome.findings = scan.findings.filter((f) => ruleOverride(config, f.ruleId)?.enabled !== false).map(({ value: _value, ...rest }) => rest);
    outcome.frontEnd = scan.analysis.diagnostics.map((d) => ({ file: d.file, start: d.start, end: d.end, severity: d.severity, code: d.code, message: d.message }));
    outcome.policy = scan.diagnostics;
    outcome.files = scan.analysis.model.files.slice();
    // Keyed like the HCL scan's resources when placed on the same .tf block, so a plan beside its
    // configuration does not count a resource twice.
    outcome.resources = scan.analysis.model.resources
      .filter((r) => r.mode === 'managed')
      .map((r) => {
        const range = scan.sourceMaps.get(r.address)?.range;
        const onSource = range !== undefined && range.file !== r.file;
        const key = onSource ? `${range.file}:${range.start}:${r.index ?? ''}:${r.type}.${r.name}` : `${r.file}:${r.address}`;
        return { address: r.address, type: r.type, file: onSource ? range.file : r.file, key };
      });
    outcome.activeRules = pack.rules.filter((r) => activeOnPlans(r, config)).map((r) => r.id);
    outcome.timing.frontEndMs = scan.timing.frontEndMs;
    outcome.timing.policyMs = scan.timing.policyMs;
    // Findings moved onto .tf text can be fixed there, unless that directory's own scan already did.
    if (settings.verifyFixes && scan.source && !extras.skipFixesIn?.has(scan.source.dir)) {
      // Only findings traced back to the Terraform source can be fixed.
      const inSource = scan.findings.filter((f) => f.range.file.endsWith('.tf'));
      await collectFixes(outcome, inSource, { host, root: settings.cwd, dir: scan.source.dir, pack, config, varFiles: settings.varFiles });
    }
  } catch (err) {
    outcome.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  return outcome;
}

/** `--rule`, `--skip-rule` and `--severity` laid over the file configuration. */
function withCommandLine(config: PalisadeConfig, pack: RulePack, settings: ScanSettings): PalisadeConfig {
  const disabled = disabledRules(pack.rules, settings);
  if (disabled.size === 0 && !settings.severity) return config;
  const rules = { ...config.rules };
  for (const id of disabled) rules[id] = { ...rules[id], enabled: false };
  return { ...config, rules, severityThreshold: settings.severity ?? config.severityThreshold };
}

function activeOnPlans(rule: RuleMetadata, config: PalisadeConfig): boolean {
  const override = ruleOverride(config, rule.id);
  if (override?.enabled === false) return false;
  if (rule.formats.length > 0 && !rule.formats.includes('terraform') && !rule.formats.includes('terraform-plan')) return false;
  const threshold = config.severityThreshold;
  return !threshold || severityRank(override?.severity ?? rule.severity) >= severityRank(threshold);
}
