// Scans one unit for `palisade scan`: the same entry point as the editor (scanTerraformUnit),
// then verified fixes from the fix layer. Runs on the main thread (--jobs 1) or in a worker;
// settings and results are plain data so they cross thread boundaries unchanged.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fixesForFinding, type FixContext, type VerifiedFix } from '../fix';
import {
  ArtefactModules,
  ConfigCache,
  isPolicyFile,
  configForUnit,
  loadPack,
  ruleOverride,
  scanTerraformUnit,
  severityRank,
  type Finding,
  type PalisadeConfig,
  type PolicyDiagnostic,
  type RuleMetadata,
  type RulePack,
  type RuleSeverity,
  readPackArtefact,
  BUILTIN_PACK_ARTEFACT,
  type ArtefactText,
} from '../policy';
import type { FileHost } from '../iac/model';
import { ChildEvaluations, relativePath } from '../iac/terraform';
import { DiskHost } from '../workspace/disk-host';
import { builtinPackDir, readPackFiles } from '../workspace/policy-files';
import { absolutePackDiagnostics, PackLoader, readCliConfig } from '../workspace/pack-reader';
import { matchRuleIds } from './scan-options';
import { onlyFilesHost, visibleFilesHost, type GitignoreScope } from './units';

/** Everything a scanner needs, as plain data (sent to workers). */
export interface ScanSettings {
  /** Finding files are relative to this directory (absolute, `/`-separated). */
  cwd: string;
  varFiles: string[];
  /** `--config`: absolute path used for every unit instead of the nearest `.palisade.yaml`. */
  configFile?: string;
  rules: string[];
  skipRules: string[];
  severity?: RuleSeverity;
  verifyFixes: boolean;
  gitignore: boolean;
  gitignoreScope: GitignoreScope;
  /** Units named only through files → those files (absolute): only they are reported (units.ts). */
  namedFiles?: Record<string, string[]>;
}

export interface UnitDiagnostic {
  file: string;
  start: number;
  end: number;
  severity: string;
  code: string;
  message: string;
}

export interface UnitResource {
  address: string;
  type: string;
  file: string;
  /** Same for one resource block seen from two units (a local module scanned alone and through its caller). */
  key: string;
}

export interface UnitOutcome {
  dir: string;
  /** Shown and suppressed findings, in the policy layer's order; `value` is dropped. */
  findings: Finding[];
  /** Verified fixes by finding fingerprint (only for unsuppressed findings, when asked). */
  fixes: Record<string, VerifiedFix[]>;
  frontEnd: UnitDiagnostic[];
  /** Problems running rules; files are relative to the pack directory. */
  policy: PolicyDiagnostic[];
  configFile?: string;
  configDiagnostics: PolicyDiagnostic[];
  /** Files of the unit's model, relative to `cwd`. */
  files: string[];
  /** Managed resources of the unit (for JUnit's passing test cases). */
  resources: UnitResource[];
  /** Rules that ran on this unit and whose findings are shown (enabled, at or above the threshold). */
  activeRules: string[];
  timing: { frontEndMs: number; policyMs: number; fixMs: number };
  /** An internal error while scanning this unit (reported, exit 2). */
  error?: string;
}

/**
 * The built-in pack, loaded once per thread; with `settings`, plus the team packs of the config
 * file (`--config`, else the nearest `.palisade.yaml` above `cwd`) through the editor's loader.
 */
export function loadBuiltinPack(settings?: Pick<ScanSettings, 'cwd' | 'configFile'>): { pack?: RulePack; packDir?: string; packDiagnostics?: PolicyDiagnostic[] } {
  const packDir = builtinPackDir();
  if (!packDir) return {};
  const packSettings = settings ? readCliConfig(settings.cwd, settings.configFile).config.packSettings : undefined;
  if (packSettings && (packSettings.sources.length > 0 || !packSettings.builtin)) {
    const loaded = new PackLoader({ builtinDir: packDir }).load(packSettings, true);
    return { pack: loaded.pack, packDir: packDir.split('\\').join('/'), packDiagnostics: absolutePackDiagnostics(loaded) };
  }
  // The built-in pack passes OPA's compile checks in CI (test/policy/fixtures.test.ts). Its tests
  // (half its files) are not read: loadPack would skip them.
  const parsed = builtinPackArtefact(packDir);
  return { pack: loadPack(readPackFiles(packDir, isPolicyFile), { name: 'builtin', check: false, parsed }), packDir: packDir.split('\\').join('/') };
}

/** The build's artefact of the built-in pack (dist/builtin-pack.json beside policies/), when there is a readable one. */
export function builtinPackArtefact(packDir: string): ArtefactModules | undefined {
  const text = openArtefact(join(packDir, '..', 'dist', BUILTIN_PACK_ARTEFACT));
  const artefact = text && readPackArtefact(text);
  return artefact ? new ArtefactModules(artefact) : undefined;
}

/**
 * The artefact file as its header line, with module bodies read from the file when first needed:
 * a thread reads ~0.5 of its 3.8 MB, not all of it. The file stays open for the thread's life; a
 * body read fails (an evaluation error, never a silent difference) if the file changed since.
 */
function openArtefact(path: string): ArtefactText | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const opened = fstatSync(fd);
    const headerLine = readHeaderLine(fd, opened.size);
    const header = headerLine && asciiText(headerLine);
    if (!headerLine || header === undefined) throw new Error('no header line');
    const headerEnd = headerLine.length;
    const bodiesStart = headerEnd + 1;
    return {
      header,
      bodiesLength: opened.size - bodiesStart,
      bodies: (start, end) => {
        const now = fstatSync(fd);
        if (now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) throw new Error(`${path} changed during the scan; run it again`);
        const text = asciiText(readRange(fd, bodiesStart + start, bodiesStart + end));
        if (text === undefined) throw new Error(`${path} is not ASCII text as written by the build`);
        return text;
      },
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** The bytes before the file's first newline, read in growing chunks (the header is ~0.4 MB). */
function readHeaderLine(fd: number, size: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  for (let chunk = 1 << 19, from = 0; from < size; chunk *= 2) {
    const buffer = readRange(fd, from, Math.min(size, from + chunk));
    const at = buffer.indexOf(10);
    if (at >= 0) return Buffer.concat([...chunks, buffer.subarray(0, at)]);
    chunks.push(buffer);
    from += buffer.length;
  }
  return undefined;
}

function readRange(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(end - start);
  let filled = 0;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, start + filled);
    if (n === 0) throw new Error('unexpected end of file');
    filled += n;
  }
  return buffer;
}

/** The build writes the artefact ASCII-only, so its byte offsets are string offsets; anything else is refused. */
function asciiText(buffer: Buffer): string | undefined {
  return isAscii(buffer) ? buffer.toString('latin1') : undefined;
}

/**
 * The report's identity of a finding: the report keeps, per key, the finding of the first unit in
 * unit order (scan-report.ts), so the same module finding seen through several callers is shown once.
 * File-level findings (string results, Conftest packs) share a range: their message tells them apart.
 */
export function reportKeyOf(f: Finding): string {
  return `${f.ruleId}|${f.range.file}|${f.range.start}|${f.range.end}${f.resource === undefined ? `|${f.message}` : ''}`;
}

export class UnitScanner {
  readonly host: FileHost;
  private readonly configs = new ConfigCache();
  private readonly disabled: Set<string>;
  /**
   * Report key → the earliest unit (in unit order) known to report it. A finding whose key an
   * earlier unit reports is never the one the report shows, so its fixes are not verified: a module
   * scanned through ten callers verifies its fixes once. What this thread has not heard of is
   * verified anyway, so the report is the same whichever thread scans what.
   */
  private readonly firstReporter = new Map<string, number>();

  constructor(readonly pack: RulePack, readonly settings: ScanSettings, disk: FileHost = new DiskHost({ snapshot: true })) {
    this.host = visibleFilesHost(disk, settings.gitignore, settings.gitignoreScope);
    this.disabled = disabledRules(pack.rules, settings);
  }

  /** `order`: the unit's place in the report (unit order); without it every fix is verified. */
  async scan(dir: string, order?: number): Promise<UnitOutcome> {
    const outcome: UnitOutcome = { dir, findings: [], fixes: {}, frontEnd: [], policy: [], configDiagnostics: [], files: [], resources: [], activeRules: [], timing: { frontEndMs: 0, policyMs: 0, fixMs: 0 } };
    try {
      const resolved = this.configFor(dir);
      outcome.configFile = resolved.file;
      outcome.configDiagnostics = resolved.diagnostics;
      const config = this.withCommandLine(resolved.config);
      const varFiles = this.settings.varFiles;
      const named = this.settings.namedFiles?.[dir];
      const reported = named && new Set(named.map((f) => relativePath(this.settings.cwd, f)));
      const inReport = (file: string) => !reported || reported.has(file);
      let host = this.host;
      // With fixes to verify, the scan records what each rule read, so each fix's re-scan re-runs only the rules its edit can affect.
      let childEvaluations = this.settings.verifyFixes ? new ChildEvaluations() : undefined;
      let scan = await scanTerraformUnit(host, { dir, root: this.settings.cwd, varFiles, pack: this.pack, config, record: this.settings.verifyFixes, childEvaluations });
      if (named && scan.analysis.diagnostics.some((d) => d.code === 'tf-duplicate')) {
        // Terraform would refuse this directory as one module (a folder of independent examples):
        // the named files are scanned on their own instead.
        host = onlyFilesHost(this.host, dir, named);
        childEvaluations = this.settings.verifyFixes ? new ChildEvaluations() : undefined;
        scan = await scanTerraformUnit(host, { dir, root: this.settings.cwd, varFiles, pack: this.pack, config, record: this.settings.verifyFixes, childEvaluations });
      }
      const shown = scan.findings.filter((f) => this.ruleShown(f.ruleId) && inReport(f.range.file));
      outcome.findings = shown.map(({ value: _value, ...rest }) => rest);
      outcome.frontEnd = scan.analysis.diagnostics.filter((d) => inReport(d.file)).map((d) => ({ file: d.file, start: d.start, end: d.end, severity: d.severity, code: d.code, message: d.message }));
      outcome.policy = scan.diagnostics;
      outcome.files = scan.analysis.model.files.filter(inReport);
      outcome.resources = scan.analysis.model.resources
        .filter((r) => r.mode === 'managed' && inReport(r.file))
        .map((r) => ({ address: r.address, type: r.type, file: r.file, key: `${r.file}:${scan.analysis.sourceMaps.get(r.address)?.range.start ?? ''}:${r.index ?? ''}:${r.type}.${r.name}` }));
      outcome.activeRules = this.activeRules(resolved.config, config);
      outcome.timing.frontEndMs = scan.timing.frontEndMs;
      outcome.timing.policyMs = scan.timing.policyMs;
      // outcome.findings are `shown` without their values, in the same order: one key each.
      const keys = order === undefined ? [] : outcome.findings.map(reportKeyOf);
      if (order !== undefined) this.noteReported(keys.map((key) => [key, order]));
      if (this.settings.verifyFixes) {
        const owned = order === undefined ? shown : shown.filter((_, i) => this.firstReporter.get(keys[i])! >= order);
        await collectFixes(outcome, owned, { host, root: this.settings.cwd, dir, pack: this.pack, config, varFiles, unitFindings: scan.findings, unitRecord: scan.record, unitAnalysis: scan.analysis, unitChildEvaluations: childEvaluations });
      }
    } catch (err) {
      outcome.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    }
    return outcome;
  }

  /** Keys reported by units in `order` (this thread's, or another's passed on by the main thread). */
  noteReported(keys: Iterable<[key: string, order: number]>): void {
    for (const [key, order] of keys) {
      const known = this.firstReporter.get(key);
      if (known === undefined || order < known) this.firstReporter.set(key, order);
    }
  }

  /** Active rule ids per configuration file's config: units sharing a .palisade.yaml (or none) share the list. */
  private readonly activeByConfig = new WeakMap<PalisadeConfig, string[]>();

  /** The ids of the pack's rules that are shown and active under `config` (`resolved` with the command line laid over it). */
  private activeRules(resolved: PalisadeConfig, config: PalisadeConfig): string[] {
    let ids = this.activeByConfig.get(resolved);
    if (!ids) this.activeByConfig.set(resolved, (ids = this.pack.rules.filter((r) => this.ruleShown(r.id) && ruleActive(r, config)).map((r) => r.id)));
    return ids;
  }

  /** `ruleShown` per rule id: asked for every rule of the pack on every unit. */
  private readonly shown = new Map<string, boolean>();

  /** Findings that come from no pack rule (e.g. a suppression without a reason) obey the filters too. */
  private ruleShown(ruleId: string): boolean {
    let shown = this.shown.get(ruleId);
    if (shown === undefined) this.shown.set(ruleId, (shown = this.computeRuleShown(ruleId)));
    return shown;
  }

  private computeRuleShown(ruleId: string): boolean {
    if (this.disabled.has(ruleId)) return false;
    if (this.settings.rules.length > 0 && matchRuleIds(this.settings.rules, [ruleId]).matched.size === 0) return false;
    return matchRuleIds(this.settings.skipRules, [ruleId]).matched.size === 0;
  }

  private configFor(dir: string): { config: PalisadeConfig; file?: string; diagnostics: PolicyDiagnostic[] } {
    const explicit = this.settings.configFile;
    if (explicit === undefined) return configForUnit(this.host, dir, undefined, this.configs);
    const text = this.host.readFile(explicit) ?? '';
    return { ...this.configs.resolve(explicit, text), file: explicit };
  }

  /** `--rule`, `--skip-rule` and `--severity` laid over the file configuration. */
  private withCommandLine(config: PalisadeConfig): PalisadeConfig {
    if (this.disabled.size === 0 && !this.settings.severity) return config;
    const rules = { ...config.rules };
    for (const id of this.disabled) rules[id] = { ...rules[id], enabled: false };
    return { ...config, rules, severityThreshold: this.settings.severity ?? config.severityThreshold };
  }
}

function ruleActive(rule: RuleMetadata, config: PalisadeConfig): boolean {
  const override = ruleOverride(config, rule.id);
  if (override?.enabled === false) return false;
  if (rule.formats.length > 0 && !rule.formats.includes('terraform')) return false;
  const threshold = config.severityThreshold;
  return !threshold || severityRank(override?.severity ?? rule.severity) >= severityRank(threshold);
}

/** Rules switched off by `--rule` (everything not named) and `--skip-rule`. */
export function disabledRules(rules: RuleMetadata[], settings: Pick<ScanSettings, 'rules' | 'skipRules'>): Set<string> {
  const ids = rules.map((r) => r.id);
  const out = new Set<string>();
  if (settings.rules.length > 0) {
    const keep = matchRuleIds(settings.rules, ids).matched;
    for (const id of ids) if (!keep.has(id)) out.add(id);
  }
  for (const id of matchRuleIds(settings.skipRules, ids).matched) out.add(id);
  return out;
}

/** The verified fixes of each unsuppressed finding, by fingerprint, timed as `outcome.timing.fixMs`. */
export async function collectFixes(outcome: UnitOutcome, findings: Finding[], context: FixContext): Promise<void> {
  const started = performance.now();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const fixes = await fixesForFinding(finding, context);
    if (fixes.length > 0) outcome.fixes[finding.fingerprint] = fixes;
  }
  outcome.timing.fixMs = performance.now() - started;
}
