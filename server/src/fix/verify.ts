// The verification guarantee (docs/fixes.md): edits are applied in memory over the caller's
// FileHost, every edited file is re-parsed, the unit is re-scanned with the same pack and
// configuration, and the fix stands only when the targeted findings are gone (by fingerprint),
// no finding appears that was not there before and no new Terraform error appears.
import type { FileHost, SourceMapNode } from '../iac/model';
import { analyzeTerraformModule, ChildEvaluations, parseTerraformCached, type ParsedFile, type TerraformUnitResult } from '../iac/terraform';
import { rulesByIdOf, scanTerraformUnit, type EvaluationRecord, type Finding, type UnitScan } from '../policy';
import { applyEdits, editsByFile } from './edits';
import type { FixContext, FixTextEdit } from './types';

/** What a fix is rendered and judged against: the unit as the caller's host shows it now. */
export interface UnitState {
  sourceMaps: Map<string, SourceMapNode>;
  findings: Finding[];
  fingerprints: Set<string>;
  /** Messages of the unit's Terraform errors (syntax and evaluation) before any fix. */
  errorMessages: Set<string>;
  parsed: Map<string, ParsedFile | undefined>;
  /** What each rule read and returned on the unit as it is (when known): a re-scan re-runs only the rules an edit can affect. */
  record?: EvaluationRecord;
  /**
   * Complete re-scans of edited versions of the unit, by edited texts: candidates that edit the
   * text alike (the same fix for two instances of one counted block) are judged on one re-scan.
   */
  rescans: { texts: Map<string, string>; scan: UnitScan }[];
  /** Child module walks of earlier re-scans: an edit that leaves a child's files and inputs alone does not evaluate it again. */
  childEvaluations: ChildEvaluations;
}

/** Re-scans kept per unit state (each holds a model of the unit). */
const RESCANS_KEPT = 8;

const states = new WeakMap<FixContext, Promise<UnitState>>();

/** The unit's state, computed once per context object (a context is one snapshot of the files). */
export function unitState(context: FixContext): Promise<UnitState> {
  let state = states.get(context);
  if (!state) {
    state = computeState(context);
    states.set(context, state);
    // A state computed while being cancelled may be partial: do not keep it.
    void state.then(() => {
      if (context.isCancelled?.()) states.delete(context);
    });
  }
  return state;
}

const analyses = new WeakMap<FixContext, TerraformUnitResult>();

/**
 * The unit's analysis, once per context (a context is one snapshot of the files): the scan's own
 * when the caller handed it over (`unitAnalysis`), else analysed here. The before-state and the
 * providers (IAM statements, CIDRs, module inputs) all read this one.
 */
export function unitAnalysis(context: FixContext): TerraformUnitResult {
  if (context.unitAnalysis) return context.unitAnalysis;
  let a = analyses.get(context);
  if (!a) {
    const varFiles = [...(context.varFiles ?? []), ...context.config.varFiles];
    a = analyzeTerraformModule(context.host, { dir: context.dir, root: context.root, varFiles, isCancelled: context.isCancelled });
    analyses.set(context, a);
  }
  return a;
}

async function computeState(context: FixContext): Promise<UnitState> {
  if (context.unitFindings) {
    const analysis = unitAnalysis(context);
    return stateOf(analysis.sourceMaps, context.unitFindings, analysis.diagnostics, context.unitRecord, context.unitChildEvaluations);
  }
  const scan = await scanTerraformUnit(context.host, { ...scanOptions(context), record: true });
  return stateOf(scan.analysis.sourceMaps, scan.findings, scan.analysis.diagnostics, scan.record);
}

function stateOf(sourceMaps: Map<string, SourceMapNode>, findings: Finding[], diagnostics: { severity: string; message: string }[], record: EvaluationRecord | undefined, childEvaluations = new ChildEvaluations()): UnitState {
  return {
    sourceMaps,
    findings,
    fingerprints: new Set(findings.map((f) => f.fingerprint)),
    errorMessages: errorMessagesOf(diagnostics),
    parsed: new Map(),
    rescans: [],
    childEvaluations,
    ...(record ? { record } : {}),
  };
}

/**
 * Errors are compared by message: an edit that mentions a resource the module already references
 * without declaring it (`aws_sns_topic.alerts` of a fragment) adds no new problem, while a new
 * undeclared target, a duplicate resource or any other new message does.
 */
export function errorMessagesOf(diagnostics: readonly { severity: string; message: string }[]): Set<string> {
  return new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
}

function scanOptions(context: FixContext) {
  return { dir: context.dir, root: context.root, varFiles: context.varFiles, pack: context.pack, config: context.config, isCancelled: context.isCancelled, pause: context.pause };
}

/** Absolute, normalised path of a workspace-relative file (`../x.tf` when outside the root). */
export function absolutePath(root: string, file: string): string {
  const joined = file.startsWith('/') || /^[A-Za-z]:\//.test(file) ? file : `${root.replace(/\/$/, '')}/${file}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '.') continue;
    if (part === '..' && out.length > 1) out.pop();
    else if (part !== '..') out.push(part);
  }
  return out.join('/') || '/';
}

/** The parsed text of a workspace-relative file as the host shows it (cached in the state). */
export function parsedFile(context: FixContext, state: UnitState, file: string): ParsedFile | undefined {
  if (state.parsed.has(file)) return state.parsed.get(file);
  const parsed = parsedFromHost(context, file);
  state.parsed.set(file, parsed);
  return parsed;
}

/** The parsed text of a workspace-relative file as the host shows it (the parser's own cache only). */
export function parsedFromHost(context: FixContext, file: string): ParsedFile | undefined {
  const abs = absolutePath(context.root, file);
  const text = context.host.readFile(abs);
  return text === undefined ? undefined : parseTerraformCached(text, abs);
}

/** A FileHost that serves edited texts over the caller's host. */
export class OverlayHost implements FileHost {
  constructor(
    private readonly base: FileHost,
    private readonly texts: Map<string, string>,
  ) {}

  readFile(path: string): string | undefined {
    return this.texts.get(path) ?? this.base.readFile(path);
  }

  listDir(path: string): string[] | undefined {
    return this.base.listDir(path);
  }
}

export interface Verification {
  ok: boolean;
  /** Why the edits were rejected. */
  reason?: string;
  /** Fingerprints of the unit's findings that the edits removed. */
  gone: Set<string>;
  /** Findings that appeared, not counting revealed ones. */
  introduced: Finding[];
  /**
   * Findings that appeared of rules that follow a target's rule (`custom.follows`), on the target's
   * resource or on one the edit adds: the fix brought them into view, it did not introduce them.
   */
  revealed?: Finding[];
  cancelled?: boolean;
  /** The edited unit (texts by absolute path, and its re-scan), when the re-scan ran. */
  after?: { texts: Map<string, string>; sourceMaps: Map<string, SourceMapNode>; findings: Finding[] };
}

/**
 * What lets a verification stop as soon as its verdict is known (the caller then gets a rejection
 * whose reason names the first decisive finding, not necessarily the first in file order): a
 * target that is still reported, or a new finding that no follow-up fix could take away.
 */
export interface EarlyVerdict {
  /** The resource whose new findings may still be fixed by follow-ups (follow-ups.ts), when more rounds are allowed. */
  followUpResource?: string;
}

/**
 * Applies `edits` in memory and re-scans. `ok` when every fingerprint of `targets` is gone, none
 * is introduced, every edited file parses at least as well as before and no Terraform error appears.
 * With `early`, the re-scan stops at the first finding that decides a rejection (same verdict).
 */
export async function verifyEdits(edits: readonly FixTextEdit[], targets: readonly string[], context: FixContext, state: UnitState, early?: EarlyVerdict): Promise<Verification> {
  const rejected = (reason: string, extra: Partial<Verification> = {}): Verification => ({ ok: false, reason, gone: new Set(), introduced: [], ...extra });
  if (edits.length === 0) return rejected('the fix changes nothing');
  if (context.isCancelled?.()) return rejected('cancelled', { cancelled: true });
  const texts = new Map<string, string>();
  for (const [file, fileEdits] of editsByFile(edits)) {
    const abs = absolutePath(context.root, file);
    const before = context.host.readFile(abs);
    if (before === undefined) return rejected(`${file} cannot be read`);
    const after = applyEdits(before, fileEdits);
    if (after === before) continue;
    // Shared trees: the unit's analyses already parsed `before`, and the re-scan reads `after`.
    const errorsBefore = parseErrors(parseTerraformCached(before, abs));
    const errorsAfter = parseErrors(parseTerraformCached(after, abs));
    if (errorsAfter.length > errorsBefore.length) return rejected(`the edited ${file} does not parse: ${errorsAfter[0]}`);
    texts.set(abs, after);
  }
  if (texts.size === 0) return rejected('the fix changes nothing');
  // Re-parsing took a while: let the caller's event loop breathe before the re-scan.
  await context.pause?.();
  if (context.isCancelled?.()) return rejected('cancelled', { cancelled: true });
  // Rules whose reads the edit does not change keep their recorded output (policy/incremental.ts):
  // the same findings a full re-scan gives, at a fraction of the cost.
  // A new Terraform error rejects the edit whatever the rules say: they are not run then.
  const newErrorIn = (diagnostics: readonly { severity: string; message: string }[]) => [...errorMessagesOf(diagnostics)].find((m) => !state.errorMessages.has(m));
  let decisive: Finding | undefined;
  const isRevealed = revealedBy(targets, context, state);
  // Evaluation is deterministic: the same edited texts give the same re-scan, whatever the targets.
  const earlier = state.rescans.find((r) => sameTexts(r.texts, texts))?.scan;
  const scan = earlier ?? await scanTerraformUnit(new OverlayHost(context.host, texts), {
    ...scanOptions(context),
    reuse: state.record,
    // Child modules the edit leaves alone are replayed from earlier re-scans (child-reuse.ts).
    childEvaluations: state.childEvaluations,
    continueAfterFrontEnd: (analysis) => newErrorIn(analysis.diagnostics) === undefined,
    ...(early ? { stopOnFinding: (f: Finding, suppressed: () => boolean) => (decides(f, suppressed, targets, state, early, isRevealed) ? ((decisive = f), true) : false) } : {}),
  });
  if (scan.cancelled) return rejected('cancelled', { cancelled: true });
  if (!earlier && !scan.stopped) {
    state.rescans.push({ texts, scan });
    if (state.rescans.length > RESCANS_KEPT) state.rescans.shift();
  }
  const newError = newErrorIn(scan.analysis.diagnostics);
  if (newError !== undefined) return rejected(`the edited unit has a new Terraform error: ${newError}`);
  if (decisive) return rejected(targets.includes(decisive.fingerprint) ? 'after the edit the finding remains' : `the edit introduces ${decisive.ruleId}: ${decisive.message}`);
  const editedUnit = { texts, sourceMaps: scan.analysis.sourceMaps, findings: scan.findings };
  const after = new Set(scan.findings.map((f) => f.fingerprint));
  const gone = new Set([...state.fingerprints].filter((fp) => !after.has(fp)));
  // A suppressed finding is not shown, and callers may pass only the shown ones as the baseline.
  const appeared = scan.findings.filter((f) => !f.suppressed && !state.fingerprints.has(f.fingerprint));
  const revealed = appeared.filter(isRevealed);
  const introduced = appeared.filter((f) => !isRevealed(f));
  if (introduced.length > 0) {
    const f = introduced[0];
    return { ok: false, reason: `the edit introduces ${f.ruleId}: ${f.message}`, gone, introduced, after: editedUnit };
  }
  const remaining = targets.filter((fp) => after.has(fp));
  if (remaining.length > 0) {
    const still = state.findings.find((f) => f.fingerprint === remaining[0]);
    return { ok: false, reason: `after the edit the finding remains${still ? ` (${still.ruleId}: ${still.message})` : ''}`, gone, introduced, after: editedUnit };
  }
  return { ok: true, gone, introduced, after: editedUnit, ...(revealed.length > 0 ? { revealed } : {}) };
}

/**
 * Which new findings a fix of `targets` reveals rather than introduces: a finding of a rule that
 * declares it follows a target's rule (`custom.follows`: it presupposes that rule's remedy, as MFA
 * delete presupposes versioning), on the target's resource or on a resource the edit adds. Anything
 * else that appears is a new finding and rejects the fix.
 */
function revealedBy(targets: readonly string[], context: FixContext, state: UnitState): (f: Finding) => boolean {
  const rules = rulesByIdOf(context.pack);
  const fixed = state.findings.filter((t) => targets.includes(t.fingerprint));
  return (f) => {
    const follows = rules.get(f.ruleId)?.follows;
    if (!follows || follows.length === 0 || f.resource === undefined) return false;
    const added = !state.sourceMaps.has(f.resource);
    return fixed.some((t) => follows.includes(t.ruleId) && (added || f.resource === t.resource));
  };
}

/** A finding of the edited unit that makes the verdict a rejection, whatever else the re-scan finds. */
function decides(f: Finding, suppressed: () => boolean, targets: readonly string[], state: UnitState, early: EarlyVerdict, isRevealed: (f: Finding) => boolean): boolean {
  if (targets.includes(f.fingerprint)) return true;
  if (state.fingerprints.has(f.fingerprint) || isRevealed(f)) return false;
  const followUp = early.followUpResource !== undefined && f.resource === early.followUpResource && f.fix !== undefined && f.fix.length > 0;
  // Suppression is the costly question (the file's comments), so it comes last.
  return !followUp && !suppressed();
}

function sameTexts(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, text] of a) if (b.get(path) !== text) return false;
  return true;
}

function parseErrors(file: ParsedFile): string[] {
  return file.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}
