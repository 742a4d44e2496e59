// Runs the scan a compliance report is built from: the same units and engine as `palisade scan`
// (UnitScanner, buildReport), plus Terraform plan/state files found among the paths. The language
// server's dashboard calls it too (server/src/lsp/compliance.ts), on its overlay of editor buffers.
import type { FileHost } from '../../iac/model';
import { ConfigCache, type RulePack } from '../../policy';
import { loadBuiltinPack, UnitScanner, type ScanSettings, type UnitOutcome } from '../scan-engine';
import { buildReport, type ScanReport } from '../scan-report';
import { discoverUnits } from '../units';
import { scanPlanFile } from './plan-outcome';

export interface CollectOptions {
  /** Absolute, `/`-separated. */
  paths: string[];
  cwd: string;
  varFiles: string[];
  configFile?: string;
  /** Verify fixes through the fix layer (else the share of fixable findings uses the rules' `fixable`). */
  verifyFixes: boolean;
  gitignore: boolean;
  version: string;
  /** The built-in pack already loaded by the caller (the language server keeps one); else read from disk. */
  pack?: { pack: RulePack; packDir: string };
  /** Awaited between units, so a server can answer other messages meanwhile. */
  pause?: () => Promise<void>;
  /** Checked between units: true stops the scan with the error 'cancelled'. */
  isCancelled?: () => boolean;
}

export type Collected = { report: ScanReport; units: number; plans: number } | { error: string; usage?: boolean };

export async function collectScan(disk: FileHost, options: CollectOptions): Promise<Collected> {
  const configs = new ConfigCache();
  const configText = options.configFile === undefined ? undefined : disk.readFile(options.configFile);
  if (options.configFile !== undefined && configText === undefined) return { error: `cannot read config file ${options.configFile}`, usage: true };
  const explicit = options.configFile !== undefined && configText !== undefined ? configs.resolve(options.configFile, configText).config : undefined;
  const discovered = discoverUnits(disk, options.paths, { configs, gitignore: options.gitignore, config: explicit });
  if (discovered.missing.length > 0) return { error: `${discovered.missing[0]} is not a .tf file, a plan/state file or a directory`, usage: true };
  // The same rule set as `palisade scan`: the built-in pack plus the team packs of the config file.
  const { pack, packDir } = options.pack ?? loadBuiltinPack({ cwd: options.cwd, configFile: options.configFile });
  if (!pack || !packDir) return { error: 'the built-in rule pack (policies/) was not found next to the program' };

  const settings: ScanSettings = {
    cwd: options.cwd,
    varFiles: options.varFiles,
    configFile: options.configFile,
    rules: [],
    skipRules: [],
    verifyFixes: options.verifyFixes,
    gitignore: options.gitignore,
    gitignoreScope: discovered.gitignoreScope,
    namedFiles: discovered.namedFiles,
  };
  const scanner = new UnitScanner(pack, settings, disk);
  const outcomes: UnitOutcome[] = [];
  const interrupted = async () => {
    await options.pause?.();
    return options.isCancelled?.() === true;
  };
  for (const dir of discovered.dirs) {
    if (await interrupted()) return { error: 'cancelled' };
    outcomes.push(await scanner.scan(dir, outcomes.length));
  }
  const scannedDirs = new Set(discovered.dirs);
  for (const file of discovered.plans) {
    if (await interrupted()) return { error: 'cancelled' };
    outcomes.push(await scanPlanFile(scanner.host, file, pack, settings, { configs, skipFixesIn: scannedDirs }));
  }
  const report = buildReport({ outcomes, rules: pack.rules, packDiagnostics: pack.diagnostics, packDir, cwd: options.cwd, host: disk, fixesVerified: options.verifyFixes, version: options.version });
  return { report, units: discovered.dirs.length, plans: discovered.plans.length };
}

