// The language server's side of the policy layer: holds the prepared built-in pack and the last
// good `.palisade.yaml` per file, runs the shared scan entry point for a unit, and turns findings
// into diagnostics (published with the front end's), hover text (finding-hover.ts) and the
// findings code actions start from.
import type { FileHost, FrontEndDiagnostic, Severity } from '../iac/model';
import {
  ConfigCache,
  configForUnit,
  loadPack,
  packReadsDocuments,
  scanDocumentFile,
  scanTerraformUnit,
  type LoadedPacks,
  type PackFile,
  type PalisadeConfig,
  type RuleMetadata,
  type RulePack,
  type RuleSeverity,
} from '../policy';
import { builtinPackDir, readPackFiles } from '../workspace/policy-files';
import { PackLoader, packSettingsFromSetting } from '../workspace/pack-reader';
import { absoluteIn, unitFiles, type UnitAnalysis, type UnitRequest } from './analysis';
import type { Logger } from './guard';
import { findingHoverText } from './finding-hover';
import { dirOf } from './paths';
import { folderPacks } from './pack-statuses';
import type { FolderPacks } from '../shared/packs-messages';

/** A diagnostic the publisher links to the rule's docs page. */
export type FindingDiagnostic = FrontEndDiagnostic & { href?: string; data?: { ruleId: string; fingerprint: string } };

const SEVERITY_MAP: Record<RuleSeverity, Severity> = { critical: 'error', high: 'error', medium: 'warning', low: 'info', info: 'hint' };
/** Per rule on the keystroke path: a rule that needs more is reported, not waited for. */
const EDITOR_BUDGET = { maxSteps: 1_000_000, maxMillis: 500 };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class PolicySupport {
  private pack: RulePack | undefined;
  private readonly configs = new ConfigCache();
  private readonly reportedRuleProblems = new Set<string>();
  private readonly packLoader: PackLoader;

  constructor(
    private readonly log: Logger,
    private readonly packFiles: () => PackFile[] = builtinPackFiles,
    /** `trusted: false` (VS Code restricted mode): the built-in pack only, whatever the configuration says. */
    private readonly options: { trusted?: boolean } = {},
  ) {
    this.packLoader = new PackLoader({ builtinFiles: packFiles });
    // Prepare the pack right after startup rather than on the first keystroke.
    setImmediate(() => {
      try {
        this.rulePack();
      } catch (err) {
        this.log.error(`palisade: could not load the rule pack: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }

  /** The prepared pack, loaded on first use; its problems go to the server log once. */
  rulePack(): RulePack {
    if (!this.pack) {
      // The built-in pack passes OPA's compile checks in CI (test/policy/fixtures.test.ts); skipping
      // them here saves seconds at startup.
      this.pack = loadPack(this.packFiles(), { name: 'builtin', check: false });
      for (const d of this.pack.diagnostics) this.log.error(`palisade: rule pack: ${d.message}`);
    }
    return this.pack;
  }

  /**
   * Team packs for a unit (`.palisade.yaml` `packs:` plus the `palisade.packs` setting), compiled
   * with the built-in pack and cached per pack configuration; undefined when only the built-in pack runs.
   */
  packsFor(config: PalisadeConfig, setting: unknown, root: string): LoadedPacks | undefined {
    const trusted = this.options.trusted !== false;
    const fromSetting = setting !== undefined && trusted ? packSettingsFromSetting(setting, root) : undefined;
    for (const problem of fromSetting?.problems ?? []) this.logOnce(`palisade: ${problem}`);
    const own = config.packSettings;
    if (!trusted || (own.sources.length === 0 && own.builtin && (!fromSetting || (fromSetting.settings.sources.length === 0 && fromSetting.settings.builtin)))) return undefined;
    return this.packLoader.forConfig(config, trusted, fromSetting?.settings);
  }

  /** The rules a workspace folder's units run (built-in plus its team packs), for the dashboard. */
  folderRulePack(host: FileHost, folder: string, setting: unknown): RulePack {
    const config = configForUnit(host, folder, folder, this.configs);
    return this.packsFor(config.config, setting, folder)?.pack ?? this.rulePack();
  }

  /** The packs a workspace folder runs, with their problems, for the Rule Packs view. */
  folderPacks(host: FileHost, folder: string, setting: unknown): FolderPacks {
    return folderPacks(
      {
        host,
        configs: this.configs,
        trusted: this.options.trusted !== false,
        packsFor: (config, s, root) => this.packsFor(config, s, root),
        builtin: () => this.rulePack(),
        builtinLocation: builtinPackDir()?.split('\\').join('/'),
      },
      folder,
      setting,
    );
  }

  /** Forget compiled team packs (their files changed). */
  reloadPacks(): void {
    this.packLoader.clear();
  }

  private logOnce(message: string): void {
    if (this.reportedRuleProblems.has(message)) return;
    this.reportedRuleProblems.add(message);
    this.log.error(message);
  }

  /** The configuration in force for a directory (the nearest `.palisade.yaml`, last good one kept). */
  configFor(host: FileHost, dir: string, root: string): PalisadeConfig {
    return configForUnit(host, dir, root, this.configs).config;
  }

  rule(id: string): RuleMetadata | undefined {
    return this.rulePack().rules.find((r) => r.id === id);
  }

  /** Front end + rules for one unit, as the scheduler's analysis (cancellable between rules). */
  async analyze(host: FileHost, request: UnitRequest): Promise<UnitAnalysis> {
    const config = configForUnit(host, request.dir, request.root, this.configs);
    const packs = this.packsFor(config.config, request.packs, request.root);
    const pack = packs?.pack ?? this.rulePack();
    const ruleOf = (id: string) => pack.rules.find((r) => r.id === id);
    const scan = await scanTerraformUnit(host, {
      dir: request.dir,
      root: request.root,
      varFiles: request.varFiles,
      pack,
      config: config.config,
      isCancelled: request.isCancelled,
      pause: nextTurn,
      budget: EDITOR_BUDGET,
    });
    const result = scan.analysis;
    const files = new Set(unitFiles(host, request.dir));
    for (const path of result.parsed.keys()) files.add(path);
    if (config.file) files.add(config.file);
    const diagnostics: FindingDiagnostic[] = result.diagnostics.map((d) => ({ ...d, file: absoluteIn(request.root, d.file) }));
    for (const d of config.diagnostics) {
      diagnostics.push({ file: config.file!, start: d.start ?? 0, end: d.end ?? 0, severity: d.severity === 'warning' ? 'warning' : 'error', message: d.message, code: d.code });
    }
    // Pack problems show on `.palisade.yaml` (at its `packs:` key) when there is one, else in the log.
    const packsAt = config.file ? packsKeyRange(host.readFile(config.file)) : undefined;
    for (const d of packs?.packs.flatMap((p) => p.diagnostics) ?? []) {
      if (config.file && packsAt) diagnostics.push({ file: config.file, start: packsAt.start, end: packsAt.end, severity: d.severity === 'info' ? 'info' : d.severity, message: d.file ? `${d.message} (${d.file})` : d.message, code: d.code });
      else this.logOnce(`palisade: rule pack: ${d.message}`);
    }
    // Restricted Mode says why the configured packs are silent, where they are configured.
    if (this.options.trusted === false && config.file && packsAt && packsConfigured(config.config)) {
      diagnostics.push({ file: config.file, start: packsAt.start, end: packsAt.end, severity: 'info', message: UNTRUSTED_PACKS_MESSAGE, code: 'pack-untrusted' });
    }
    for (const d of scan.diagnostics) {
      const key = `${d.ruleId}|${d.code}`;
      if (!this.reportedRuleProblems.has(key)) this.log.error(`palisade: ${d.message}`);
      this.reportedRuleProblems.add(key);
    }
    // Findings in a local module's files belong to that module's own unit (no duplicates).
    const shown = scan.findings.filter((f) => !f.suppressed && dirOf(absoluteIn(request.root, f.range.file)) === request.dir);
    for (const f of shown) {
      const rule = ruleOf(f.ruleId);
      diagnostics.push({
        file: absoluteIn(request.root, f.range.file),
        start: f.range.start,
        end: f.range.end,
        severity: SEVERITY_MAP[f.severity],
        message: f.message,
        code: f.ruleId,
        href: rule ? rule.docsUrl : undefined,
        data: { ruleId: f.ruleId, fingerprint: f.fingerprint },
      });
    }
    const dependencies = [...new Set([...result.dependencies, ...files])];
    return {
      cancelled: scan.cancelled,
      diagnostics,
      files: [...files],
      dependencies,
      describeAt: (file, offset) => result.describeAt(file, offset),
      findingHover: (file, offset) =>
        findingHoverText(
          shown.filter((f) => absoluteIn(request.root, f.range.file) === file && f.range.start <= offset && offset <= f.range.end),
          ruleOf,
        ),
      policy: { all: scan.findings, shown, root: request.root, dir: request.dir, varFiles: request.varFiles, pack, config: config.config },
      evaluated: true,
      model: result.model,
    };
  }
}

/**
 * Findings of Conftest/raw packs (policy/adapters.ts) on one open YAML/JSON file, as diagnostics;
 * undefined when no pack for that file reads documents (a plain setup never looks at YAML/JSON).
 */
export function documentDiagnostics(support: PolicySupport, host: FileHost, file: string, root: string, packsSetting: unknown): FindingDiagnostic[] | undefined {
  const config = support.configFor(host, dirOf(file), root);
  const pack = support.packsFor(config, packsSetting, root)?.pack;
  if (!pack || !packReadsDocuments(pack)) return undefined;
  const scan = scanDocumentFile(host, { file, root, pack, config });
  const diagnostics: FindingDiagnostic[] = scan.frontEnd.map((d) => ({ ...d, file: absoluteIn(root, d.file) }));
  for (const f of scan.findings) {
    if (f.suppressed) continue;
    const rule = pack.rules.find((r) => r.id === f.ruleId);
    diagnostics.push({ file: absoluteIn(root, f.range.file), start: f.range.start, end: f.range.end, severity: SEVERITY_MAP[f.severity], message: f.message, code: f.ruleId, href: rule?.docsUrl, data: { ruleId: f.ruleId, fingerprint: f.fingerprint } });
  }
  return diagnostics;
}

/** Shown on `packs:` in Restricted Mode (VS Code's untrusted workspaces). */
export const UNTRUSTED_PACKS_MESSAGE = 'Restricted Mode: team rule packs are not loaded until you trust this workspace; only the built-in pack runs.';

/** True when the configuration asks for more than the built-in pack alone. */
function packsConfigured(config: PalisadeConfig): boolean {
  return config.packSettings.sources.length > 0 || !config.packSettings.builtin;
}

function builtinPackFiles(): PackFile[] {
  const dir = builtinPackDir();
  return dir ? readPackFiles(dir) : [];
}

/** The `packs:` key of a config file's text (pack diagnostics are shown there). */
function packsKeyRange(text: string | undefined): { start: number; end: number } | undefined {
  const m = text === undefined ? null : /^packs\s*:/m.exec(text);
  return m ? { start: m.index, end: m.index + 5 } : undefined;
}
