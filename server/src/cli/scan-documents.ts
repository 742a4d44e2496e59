// YAML/JSON files scanned for `palisade scan` when a Conftest or raw pack is configured
// (docs/rule-packs.md "Input shapes"): each file is one unit, in the UnitOutcome shape the report takes,
// with the same configuration and command-line rule filters as the Terraform units.
import type { FileHost } from '../iac/model';
import { ConfigCache, configForUnit, packReadsDocuments, scanDocumentFile, type RulePack } from '../policy';
import { readCliConfig } from '../workspace/pack-reader';
import { disabledRules, loadBuiltinPack, type ScanSettings, type UnitOutcome } from './scan-engine';
import { matchRuleIds } from './scan-options';
import { parentOf } from './units';

export function scanDocumentOutcome(host: FileHost, file: string, pack: RulePack, settings: ScanSettings, configs: ConfigCache): UnitOutcome {
  const outcome: UnitOutcome = { dir: parentOf(file), findings: [], fixes: {}, frontEnd: [], policy: [], configDiagnostics: [], files: [], resources: [], activeRules: [], timing: { frontEndMs: 0, policyMs: 0, fixMs: 0 } };
  try {
    const resolved = settings.configFile !== undefined
      ? { ...configs.resolve(settings.configFile, host.readFile(settings.configFile) ?? ''), file: settings.configFile }
      : configForUnit(host, parentOf(file), undefined, configs);
    outcome.configFile = resolved.file;
    outcome.configDiagnostics = resolved.diagnostics;
    const disabled = disabledRules(pack.rules, settings);
    const rules = { ...resolved.config.rules };
    for (const id of disabled) rules[id] = { ...rules[id], enabled: false };
    const config = { ...resolved.config, rules, severityThreshold: settings.severity ?? resolved.config.severityThreshold };
    const scan = scanDocumentFile(host, { file, root: settings.cwd, pack, config });
    const shown = (id: string) => !disabled.has(id) && (settings.rules.length === 0 || matchRuleIds(settings.rules, [id]).matched.size > 0);
    outcome.findings = scan.findings.filter((f) => shown(f.ruleId)).map(({ value: _value, ...rest }) => rest);
    outcome.frontEnd = scan.frontEnd.map((d) => ({ file: d.file, start: d.start, end: d.end, severity: d.severity, code: d.code, message: d.message }));
    outcome.policy = scan.diagnostics;
    outcome.files = [scan.relative];
    outcome.activeRules = scan.rulesRun.filter(shown);
    outcome.timing.frontEndMs = scan.timing.frontEndMs;
    outcome.timing.policyMs = scan.timing.policyMs;
  } catch (err) {
    outcome.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  return outcome;
}

/**
 * The rule set to scan YAML/JSON files with, only when the configuration names team packs and one
 * of them reads documents; plain scans never load it (nor open such files).
 */
export function documentPack(cwd: string, configFile: string | undefined): RulePack | undefined {
  if (readCliConfig(cwd, configFile).config.packSettings.sources.length === 0) return undefined;
  const { pack } = loadBuiltinPack({ cwd, configFile });
  return pack && packReadsDocuments(pack) ? pack : undefined;
}
