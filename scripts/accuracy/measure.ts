// Measures a rule pack against a KICS corpus: for each query some rule maps to (its
// `references.kics`), every sample is scanned as its own unit with only the mapped rules, through
// the same entry points as the CLI (scanTerraformUnit for .tf and for Terraform JSON configuration,
// scanTerraformPlan for plan and state JSON), and recall, false positives and fixes are counted.
import { posix } from 'node:path';
import { isTerraformJsonConfiguration } from '../../server/src/iac/terraform';
import { detectTerraformJson } from '../../server/src/iac/tfplan';
import { DEFAULT_CONFIG, scanTerraformPlan, scanTerraformUnit, type Finding, type RuleMetadata, type RulePack, type UnitScan } from '../../server/src/policy';
import { isTerraformSample, type KicsCorpus, type KicsQuery } from './corpus';
import type { FixDoorState } from './fix-door';
import { NO_HONEST_FIX, noHonestFix, type NoHonestFix } from './no-honest-fix';
import { CorpusTexts, SampleHost } from './sample-host';

export interface FindingAt {
  ruleId: string;
  line: number;
  message: string;
}

export interface Miss {
  /** Corpus-relative; undefined when KICS gave no file (any positive sample would do). */
  file?: string;
  line: number;
  /** Lines where mapped rules did report in that file (all positive files when `file` is undefined). */
  foundLines: number[];
  /** Why it could not be hit: the sample's format has no front end (see `unsupportedWhy`). */
  unsupported?: boolean;
}

export interface FalsePositive {
  file: string;
  findings: FindingAt[];
}

export interface FixFailure {
  file: string;
  reason: string;
}

export interface FixOutcome {
  /** Positive samples with at least one finding of a fixable mapped rule. */
  attemptedFiles: number;
  fixedFiles: number;
  fixableFindings: number;
  fixedFindings: number;
  /** Findings of fixable rules listed in no-honest-fix.ts (not counted above). */
  withoutHonestFix: number;
  failures: FixFailure[];
}

export interface QueryReport {
  id: string;
  name: string;
  dir: string;
  rules: string[];
  fixableRules: string[];
  positiveSamples: number;
  negativeSamples: number;
  /** Samples not scanned because no front end reads their format, with the reason per sample. */
  unsupportedSamples: string[];
  unsupportedWhy: Record<string, string>;
  /** JSON samples scanned as Terraform plan or state files (scanTerraformPlan, as `palisade scan` does). */
  planSamples: string[];
  /** JSON samples in Terraform's JSON configuration syntax (CDKTF output), scanned as their module's configuration. */
  configJsonSamples: string[];
  /** Expected results as KICS lists them (one per result; several may share a line). */
  expectedResults: number;
  /** Distinct expected (file, line) locations: the recall denominator. */
  locations: number;
  hits: number;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Findings on positive samples at lines KICS does not expect (informational). */
  extraFindings: FindingAt[];
  /** null: not applicable (no fixable mapped rule) or not measurable (see `fixNote`). */
  fix: FixOutcome | null;
  fixNote?: string;
  /** Rule errors and front-end errors met while scanning this query's samples. */
  problems: string[];
  passed: boolean;
}

export interface AccuracyReport {
  corpus: string;
  corpusDir: string;
  totalQueries: number;
  /** Queries considered after `--query` (mapped or not). */
  selectedQueries: number;
  pack: { rules: number; fixableRules: number; mappedRules: number; mappedFixableRules: number; problems: string[] };
  /** KICS ids named by rules that the corpus does not contain. */
  unknownKicsIds: { ruleId: string; kicsId: string }[];
  fixLayer: { available: boolean; note?: string };
  queries: QueryReport[];
  totals: {
    locations: number;
    hits: number;
    unsupportedLocations: number;
    unsupportedSamples: number;
    negativeSamples: number;
    falsePositiveFiles: number;
    fix: FixOutcome | null;
  };
  passed: number;
  failed: number;
  elapsedMs: number;
}

export interface MeasureOptions {
  corpus: KicsCorpus;
  pack: RulePack;
  fixDoor: FixDoorState;
  /** Only queries whose id, name or folder contains this (case-insensitive). */
  query?: string;
  /** Findings without an honest fix (default: no-honest-fix.ts's reviewed list). */
  noHonestFix?: readonly NoHonestFix[];
}

export function kicsIdsOf(rule: RuleMetadata): string[] {
  return (rule.references.kics ?? []).map((id) => id.trim().toLowerCase()).filter((id) => id !== '');
}

export async function measureAccuracy(options: MeasureOptions): Promise<AccuracyReport> {
  const started = performance.now();
  const { corpus, pack, fixDoor } = options;
  const texts = new CorpusTexts(corpus.dir.split('\\').join('/'));
  const rulesByQuery = new Map<string, RuleMetadata[]>();
  for (const rule of pack.rules) {
    for (const id of kicsIdsOf(rule)) rulesByQuery.set(id, [...(rulesByQuery.get(id) ?? []), rule]);
  }
  const corpusIds = new Set(corpus.queries.map((q) => q.id.toLowerCase()));
  const unknownKicsIds = pack.rules.flatMap((rule) => kicsIdsOf(rule).filter((id) => !corpusIds.has(id)).map((kicsId) => ({ ruleId: rule.id, kicsId })));

  const needle = options.query?.toLowerCase();
  const selected = corpus.queries.filter((q) => !needle || [q.id, q.name, q.dir].some((s) => s.toLowerCase().includes(needle)));
  const reports: QueryReport[] = [];
  for (const query of selected) {
    const rules = rulesByQuery.get(query.id.toLowerCase());
    if (rules) reports.push(await measureQuery(query, rules, { pack, texts, fixDoor, noHonestFix: options.noHonestFix ?? NO_HONEST_FIX }));
  }

  const mappedRules = pack.rules.filter((r) => kicsIdsOf(r).some((id) => corpusIds.has(id)));
  const fixTotals = sumFixes(reports.map((r) => r.fix));
  const passed = reports.filter((r) => r.passed).length;
  return {
    corpus: corpus.name,
    corpusDir: corpus.dir,
    totalQueries: corpus.queries.length,
    selectedQueries: selected.length,
    pack: {
      rules: pack.rules.length,
      fixableRules: pack.rules.filter((r) => r.fixable).length,
      mappedRules: mappedRules.length,
      mappedFixableRules: mappedRules.filter((r) => r.fixable).length,
      problems: pack.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}: ${d.message}`),
    },
    unknownKicsIds,
    fixLayer: fixDoor.door ? { available: true } : { available: false, note: fixDoor.reason },
    queries: reports,
    totals: {
      locations: sum(reports.map((r) => r.locations)),
      hits: sum(reports.map((r) => r.hits)),
      unsupportedLocations: sum(reports.map((r) => r.misses.filter((m) => m.unsupported).length)),
      unsupportedSamples: sum(reports.map((r) => r.unsupportedSamples.length)),
      negativeSamples: sum(reports.map((r) => r.negativeSamples)),
      falsePositiveFiles: sum(reports.map((r) => r.falsePositives.length)),
      fix: fixTotals,
    },
    passed,
    failed: reports.length - passed,
    elapsedMs: performance.now() - started,
  };
}

interface QueryContext {
  pack: RulePack;
  texts: CorpusTexts;
  fixDoor: FixDoorState;
  noHonestFix: readonly NoHonestFix[];
}

interface SampleScan {
  scan: UnitScan;
  findings: Finding[];
  host: SampleHost;
  dir: string;
}

async function measureQuery(query: KicsQuery, rules: RuleMetadata[], ctx: QueryContext): Promise<QueryReport> {
  // The pack's compiled policy with only this query's rules evaluated.
  const pack: RulePack = { ...ctx.pack, rules };
  const fixable = new Set(rules.filter((r) => r.fixable).map((r) => r.id));
  const problems = new Set<string>();
  const unsupportedSamples: string[] = [];
  const unsupportedWhy: Record<string, string> = {};
  const planSamples: string[] = [];
  const configJsonSamples: string[] = [];
  const found = new Map<string, FindingAt[]>();
  const scans = new Map<string, SampleScan>();

  for (const sample of [...query.positiveFiles, ...query.negativeFiles]) {
    if (!isTerraformSample(sample)) {
      const text = ctx.texts.text(sample);
      if (text !== undefined && detectTerraformJson(text)) {
        planSamples.push(sample);
        const findings = await scanPlanSample(sample, query, pack, ctx.texts, problems);
        found.set(sample, findings.map((f) => at(f, ctx.texts)));
        continue;
      }
      if (text === undefined || !isTerraformJsonConfiguration(text)) {
        unsupportedSamples.push(sample);
        unsupportedWhy[sample] = 'not a Terraform, plan or state file';
        continue;
      }
      // Terraform JSON configuration: the module beside it reads it, as `palisade scan` does.
      configJsonSamples.push(sample);
    }
    const scanned = await scanSample(sample, query, pack, ctx.texts);
    for (const p of problemsOf(scanned.scan)) problems.add(`${posix.basename(sample)}: ${p}`);
    scans.set(sample, scanned);
    found.set(sample, scanned.findings.map((f) => at(f, ctx.texts)));
  }

  // Recall over distinct (file, line) locations: KICS repeats a line once per result (e.g. per port).
  const locations = new Map<string, { file?: string; line: number }>();
  for (const e of query.expected) locations.set(`${e.file ?? '*'}:${e.line}`, e);
  const misses: Miss[] = [];
  let hits = 0;
  for (const { file, line } of locations.values()) {
    const candidates = file === undefined ? query.positiveFiles : [file];
    const lines = candidates.flatMap((f) => (found.get(f) ?? []).map((x) => x.line));
    if (lines.includes(line)) hits++;
    else misses.push({ file, line, foundLines: [...new Set(lines)].sort((a, b) => a - b), ...(file !== undefined && unsupportedSamples.includes(file) ? { unsupported: true } : {}) });
  }

  misses.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line);
  const expectedLines = new Set([...locations.values()].map((l) => `${l.file ?? '*'}:${l.line}`));
  const extraFindings = query.positiveFiles.flatMap((file) => (found.get(file) ?? []).filter((f) => !expectedLines.has(`${file}:${f.line}`) && !expectedLines.has(`*:${f.line}`)).map((f) => ({ ...f, message: `${posix.basename(file)}: ${f.message}` })));
  const falsePositives = query.negativeFiles.filter((file) => (found.get(file) ?? []).length > 0).map((file) => ({ file, findings: found.get(file)! }));

  let fix: FixOutcome | null = null;
  let fixNote: string | undefined;
  if (fixable.size === 0) fixNote = 'no fixable mapped rule';
  else if (!ctx.fixDoor.door) fixNote = 'fix layer not available';
  else {
    fix = { attemptedFiles: 0, fixedFiles: 0, fixableFindings: 0, fixedFindings: 0, withoutHonestFix: 0, failures: [] };
    for (const sample of query.positiveFiles) {
      const scanned = scans.get(sample);
      if (scanned) await checkFixes(sample, scanned, query, pack, fixable, ctx, fix);
    }
  }

  const passed = misses.length === 0 && falsePositives.length === 0 && (fix === null || fix.failures.length === 0);
  return {
    id: query.id,
    name: query.name,
    dir: query.dir,
    rules: rules.map((r) => r.id),
    fixableRules: [...fixable],
    positiveSamples: query.positiveFiles.length,
    negativeSamples: query.negativeFiles.filter((f) => !unsupportedSamples.includes(f)).length,
    unsupportedSamples,
    unsupportedWhy,
    planSamples,
    configJsonSamples,
    expectedResults: query.expected.length,
    locations: locations.size,
    hits,
    misses,
    falsePositives,
    extraFindings,
    fix,
    ...(fixNote ? { fixNote } : {}),
    problems: [...problems],
    passed,
  };
}

async function scanSample(sample: string, query: KicsQuery, pack: RulePack, texts: CorpusTexts, overrides?: Map<string, string>): Promise<SampleScan> {
  const host = new SampleHost(texts, sample, query.otherFiles, overrides);
  const dir = posix.dirname(posix.join(texts.root, sample));
  const scan = await scanTerraformUnit(host, { dir, root: texts.root, pack, config: DEFAULT_CONFIG });
  // KICS honours its own ignore comments too, so a suppressed finding is not a result.
  return { scan, findings: scan.findings.filter((f) => !f.suppressed), host, dir };
}

/** A plan or state sample, scanned as `palisade scan` scans one (findings on the JSON: no .tf beside it). */
async function scanPlanSample(sample: string, query: KicsQuery, pack: RulePack, texts: CorpusTexts, problems: Set<string>): Promise<Finding[]> {
  const host = new SampleHost(texts, sample, query.otherFiles);
  const scan = await scanTerraformPlan(host, { file: posix.join(texts.root, sample), root: texts.root, pack, config: DEFAULT_CONFIG });
  for (const d of scan.diagnostics) problems.add(`${posix.basename(sample)}: ${d.code}: ${d.message}`);
  for (const d of scan.analysis.diagnostics) if (d.severity === 'error') problems.add(`${posix.basename(sample)}: ${d.code}: ${d.message}`);
  return scan.findings.filter((f) => !f.suppressed);
}

/** Applies the verified fixes for one positive sample and checks the edited file. */
async function checkFixes(sample: string, scanned: SampleScan, query: KicsQuery, pack: RulePack, fixable: Set<string>, ctx: QueryContext, out: FixOutcome): Promise<void> {
  const door = ctx.fixDoor.door!;
  const name = posix.basename(sample);
  const fail = (reason: string) => out.failures.push({ file: sample, reason });
  const fixContext = { host: scanned.host, root: ctx.texts.root, dir: scanned.dir, pack, config: DEFAULT_CONFIG, unitFindings: scanned.scan.findings };
  // A listed finding must carry no fix at all; it is then neither fixed nor a failure.
  const excused = new Set<string>();
  for (const f of scanned.findings.filter((f) => fixable.has(f.ruleId))) {
    const line = at(f, ctx.texts).line;
    if (!noHonestFix(ctx.noHonestFix, sample, f.ruleId, line)) continue;
    // explainFixes reports "no candidate at all" as one rejected rule entry; anything else is an offer.
    const rejected = await door.rejectedFixes(f, fixContext).catch(() => []);
    const offered = (f.fix?.length ?? 0) > 0 || rejected.some((r) => !(r.source === 'rule' && r.reason === `${f.ruleId} offers no fix operations for this finding`));
    if (offered) fail(`${f.ruleId} at ${name}:${line} is listed in no-honest-fix.ts but a fix is offered: remove the entry`);
    else excused.add(f.fingerprint);
  }
  out.withoutHonestFix += excused.size;
  const toFix = scanned.findings.filter((f) => fixable.has(f.ruleId) && !excused.has(f.fingerprint));
  if (toFix.length === 0) return;
  out.attemptedFiles++;
  out.fixableFindings += toFix.length;
  let result;
  try {
    result = await door.fixAllInFile(sample, scanned.findings.filter((f) => f.range.file === sample), fixContext);
  } catch (err) {
    fail(`fixAllInFile threw: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const skipped = result.skipped.filter((f) => fixable.has(f.ruleId) && !excused.has(f.fingerprint));
  for (const f of skipped) {
    const rejected = await door.rejectedFixes(f, fixContext).catch(() => []);
    const why = rejected.length > 0 ? `: ${rejected.map((r) => r.reason).join('; ')}` : '';
    fail(`no verified fix for ${f.ruleId} at ${name}:${at(f, ctx.texts).line}${why}`);
  }

  const overrides = new Map<string, string>();
  for (const file of new Set(result.edits.map((e) => e.file))) {
    const original = ctx.texts.text(file);
    if (original === undefined) {
      fail(`fix edits ${file}, which is not part of the sample`);
      return;
    }
    overrides.set(file, door.applyEdits(original, result.edits.filter((e) => e.file === file)));
  }
  const after = await scanSample(sample, query, pack, ctx.texts, overrides);
  const errorsBefore = new Set(scanned.scan.analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}:${d.message}`));
  const newErrors = after.scan.analysis.diagnostics.filter((d) => d.severity === 'error' && !errorsBefore.has(`${d.code}:${d.message}`));
  if (newErrors.length > 0) fail(`edited ${name} has a new error (${newErrors[0].code}): ${newErrors[0].message}`);
  // A skipped finding is already reported; anything else of a fixable rule left over is a failure.
  const skippedPrints = new Set(skipped.map((f) => f.fingerprint));
  const remaining = after.findings.filter((f) => fixable.has(f.ruleId) && !excused.has(f.fingerprint));
  const editedText = (file: string) => overrides.get(file) ?? ctx.texts.text(file) ?? '';
  for (const f of remaining) if (!skippedPrints.has(f.fingerprint)) fail(`${f.ruleId} reported at ${name}:${lineOf(editedText(f.range.file), f.range.start)} after the fixes`);
  if (newErrors.length === 0 && remaining.length === 0) out.fixedFiles++;
  const remainingPrints = new Set(remaining.map((f) => f.fingerprint));
  if (newErrors.length === 0) out.fixedFindings += toFix.filter((f) => !remainingPrints.has(f.fingerprint)).length;
}

function problemsOf(scan: UnitScan): string[] {
  const out = scan.diagnostics.map((d) => `${d.code}: ${d.message}`);
  for (const d of scan.analysis.diagnostics) if (d.severity === 'error' && d.code.startsWith('hcl-')) out.push(`${d.code}: ${d.message}`);
  return out;
}

function at(f: Finding, texts: CorpusTexts): FindingAt {
  return { ruleId: f.ruleId, line: lineOf(texts.text(f.range.file) ?? '', f.range.start), message: f.message };
}

/** 1-based line of a UTF-16 offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function sumFixes(outcomes: (FixOutcome | null)[]): FixOutcome | null {
  const present = outcomes.filter((o): o is FixOutcome => o !== null);
  if (present.length === 0) return null;
  return {
    attemptedFiles: sum(present.map((o) => o.attemptedFiles)),
    fixedFiles: sum(present.map((o) => o.fixedFiles)),
    fixableFindings: sum(present.map((o) => o.fixableFindings)),
    fixedFindings: sum(present.map((o) => o.fixedFindings)),
    withoutHonestFix: sum(present.map((o) => o.withoutHonestFix)),
    failures: present.flatMap((o) => o.failures),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
