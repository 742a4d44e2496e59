// `palisade scan <path>...`: the CI surface. Finds the units, scans them with the same entry point
// as the editor (in worker threads with --jobs), verifies fixes through the fix layer, filters by
// baseline, writes text/json/sarif/junit and maps the result onto an exit status (docs/ci.md).
// Everything here is wiring; the pieces live in ../scan-*.ts and ../output/*.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { ConfigCache } from '../../policy';
import { DiskHost, toHostPath } from '../../workspace/disk-host';
import { printUsage, usageError, type CommandUsage } from '../args';
import { styleFor, useColor } from '../output/colors';
import { formatJson } from '../output/json';
import { formatJunit } from '../output/junit';
import { formatSarif } from '../output/sarif';
import { formatText } from '../output/text';
import { applyBaseline, parseBaseline, type Baseline } from '../scan-baseline';
import { loadBuiltinPack, UnitScanner, type ScanSettings, type UnitOutcome } from '../scan-engine';
import { changedFilesSince, unitsWithChanges } from '../scan-git';
import { matchRuleIds, OUTPUT_FILE_NAMES, parseScanArgs, SCAN_USAGE, type OutputFormat, type ScanOptions } from '../scan-options';
import { Progress } from '../scan-progress';
import { markTimeline } from '../scan-timeline';
import { buildReport, failingFindings, type ScanReport } from '../scan-report';
import { EARLY_WORKERS, isScanWorker, runScanWorker, ScanWorkers, scanInWorkers, tuneForBatchScan, WORKER_ARG, type PoolResult } from '../scan-workers';
import { scanPlanFile } from '../report/plan-outcome';
import { documentPack, scanDocumentOutcome } from '../scan-documents';
import { discoverUnits, parentOf, visibleFilesHost } from '../units';

export const summary = 'scan Terraform modules for CI: text, json, sarif, junit; baseline, filters, --jobs; exit 1 on findings';

const SCAN: CommandUsage = { name: 'palisade scan', usage: SCAN_USAGE };

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === WORKER_ARG && isScanWorker()) return runScanWorker();
  markTimeline('start');
  tuneForBatchScan();
  const started = performance.now();
  const parsed = parseScanArgs(argv);
  if (parsed.help) return printUsage(SCAN);
  if (!parsed.options) return usageError(SCAN, parsed.error ?? 'bad arguments');
  const options = parsed.options;
  const cwd = toHostPath(process.cwd());
  const configFile = options.config === undefined ? undefined : toHostPath(resolve(options.config));
  // Workers start now, before the units are found, so their start-up overlaps this thread's
  // preparation; the ones the scan turns out not to need are ended (all of them by the `finally`).
  const workers = options.jobs > 1 ? new ScanWorkers(Math.min(options.jobs - 1, EARLY_WORKERS), { cwd, configFile }) : undefined;
  markTimeline('workers-started');
  try {
    return await scanWith(options, cwd, configFile, workers, started);
  } finally {
    workers?.stop();
  }
}

async function scanWith(options: ScanOptions, cwd: string, configFile: string | undefined, workers: ScanWorkers | undefined, started: number): Promise<number> {
  const disk = new DiskHost({ snapshot: true });
  const varFiles = options.varFiles.map((f) => toHostPath(resolve(f)));
  for (const f of varFiles) if (disk.readFile(f) === undefined) return usageError(SCAN, `cannot read variable file ${f}`);
  const configs = new ConfigCache();
  const configText = configFile === undefined ? undefined : disk.readFile(configFile);
  if (configFile !== undefined && configText === undefined) return usageError(SCAN, `cannot read config file ${configFile}`);
  let baseline: Baseline | undefined;
  if (options.baseline !== undefined) {
    const text = disk.readFile(toHostPath(resolve(options.baseline)));
    if (text === undefined) return usageError(SCAN, `cannot read baseline ${options.baseline}`);
    const read = parseBaseline(text);
    if (!read.baseline) return usageError(SCAN, `baseline ${options.baseline}: ${read.error}`);
    baseline = read.baseline;
  }

  const explicitConfig = configFile !== undefined && configText !== undefined ? configs.resolve(configFile, configText).config : undefined;
  const discovered = discoverUnits(disk, options.paths.map((p) => toHostPath(resolve(p))), { configs, gitignore: options.gitignore, config: explicitConfig });
  // YAML/JSON files are units only for Conftest/raw packs (docs/rule-packs.md); a plain scan refuses a named one as before.
  const docsPack = discovered.documents.length > 0 ? documentPack(cwd, configFile) : undefined;
  const missing = discovered.missing.filter((m) => !(docsPack && discovered.namedDocuments.includes(m)));
  if (missing.length > 0) return usageError(SCAN, `${missing[0]} is not a .tf file, a plan/state file or a directory`);
  let documents = docsPack ? discovered.documents : [];
  let dirs = discovered.dirs;
  // Terraform plan/state JSON found by content (docs/plan.md), scanned in this thread after the units.
  let plans = discovered.plans;
  if (options.changedSince !== undefined) {
    const changed = changedFilesSince(options.changedSince, cwd);
    if (!changed.files) return usageError(SCAN, `--changed-since ${options.changedSince}: ${changed.error}`);
    dirs = unitsWithChanges(dirs, changed.files);
    plans = plans.filter((p) => unitsWithChanges([parentOf(p)], changed.files as string[]).length > 0);
    documents = documents.filter((d) => (changed.files as string[]).includes(d));
  }

  if (dirs.length <= 1) workers?.stop();
  markTimeline('units-found');

  const settings: ScanSettings = {
    cwd,
    varFiles,
    configFile,
    rules: options.rules,
    skipRules: options.skipRules,
    severity: options.severity,
    verifyFixes: options.verifyFixes,
    gitignore: options.gitignore,
    gitignoreScope: discovered.gitignoreScope,
    namedFiles: discovered.namedFiles,
  };
  const progress = new Progress(process.stderr, dirs.length, options.progress === true ? 'on' : options.progress === false ? 'off' : 'auto');
  let scanned: PoolResult;
  try {
    scanned = workers && dirs.length > 1 ? await scanInWorkers(dirs, settings, options.jobs, workers, (n) => progress.update(n)) : await scanInProcess(dirs, settings, disk, (n) => progress.update(n));
  } catch (err) {
    progress.finish();
    process.stderr.write(`palisade scan: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  progress.finish();
  markTimeline('units-done');
  if (plans.length > 0) {
    const { pack } = loadBuiltinPack();
    if (pack) {
      const host = visibleFilesHost(disk, settings.gitignore, settings.gitignoreScope);
      for (const file of plans) scanned.outcomes.push(await scanPlanFile(host, file, pack, settings, { skipFixesIn: new Set(dirs) }));
    }
  }
  if (docsPack) {
    const host = visibleFilesHost(disk, settings.gitignore, settings.gitignoreScope);
    for (const file of documents) scanned.outcomes.push(scanDocumentOutcome(host, file, docsPack, settings, configs));
  }
  const unknownRules = [...matchRuleIds(options.rules, scanned.rules.map((r) => r.id)).unmatched, ...matchRuleIds(options.skipRules, scanned.rules.map((r) => r.id)).unmatched];
  if (unknownRules.length > 0) return usageError(SCAN, `no rule matches ${unknownRules.map((r) => `'${r}'`).join(', ')} (see \`palisade rules\`)`);

  const report = buildReport({ ...scanned, cwd, host: disk, fixesVerified: options.verifyFixes, version: packageVersion() });
  if (baseline) applyBaseline(report, baseline, options.baseline as string);
  report.timing.totalMs = performance.now() - started;

  try {
    writeOutputs(report, options, cwd, disk);
  } catch (err) {
    process.stderr.write(`palisade scan: cannot write the report: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (report.diagnostics.some((d) => d.source === 'scan' && d.severity === 'error')) {
    process.stderr.write('palisade scan: some units could not be scanned (see the report)\n');
    return 2;
  }
  return failingFindings(report, options.failOn).length > 0 ? 1 : 0;
}

async function scanInProcess(dirs: string[], settings: ScanSettings, disk: DiskHost, onProgress: (done: number) => void): Promise<PoolResult> {
  const { pack, packDir, packDiagnostics } = loadBuiltinPack(settings);
  if (!pack || !packDir) throw new Error('the built-in rule pack (policies/) was not found next to the program');
  markTimeline('pack-loaded');
  const scanner = new UnitScanner(pack, settings, disk);
  const outcomes: UnitOutcome[] = [];
  for (const dir of dirs) {
    outcomes.push(await scanner.scan(dir, outcomes.length));
    markTimeline('first-unit-done');
    onProgress(outcomes.length);
  }
  return { outcomes, rules: pack.rules, packDiagnostics: packDiagnostics ?? pack.diagnostics, packDir };
}

function writeOutputs(report: ScanReport, options: ScanOptions, cwd: string, disk: DiskHost): void {
  const render = (format: OutputFormat, colour: boolean): string => {
    switch (format) {
      case 'json':
        return formatJson(report);
      case 'sarif':
        return formatSarif(report, cwd);
      case 'junit':
        return formatJunit(report);
      case 'text':
        return formatText(report, { style: styleFor(colour), source: (file) => disk.readFile(posix.join(cwd, file)) });
    }
  };
  if (options.outputDir !== undefined) {
    mkdirSync(options.outputDir, { recursive: true });
    for (const format of options.formats) writeFileSync(resolve(options.outputDir, OUTPUT_FILE_NAMES[format]), render(format, useColor(false)));
    return;
  }
  const format = options.formats[0];
  if (options.output !== undefined) writeFileSync(resolve(options.output), render(format, useColor(false)));
  else process.stdout.write(render(format, useColor(process.stdout.isTTY)));
}

function packageVersion(): string {
  return (require('../../../../package.json') as { version: string }).version;
}
