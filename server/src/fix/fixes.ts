// Fixes for findings: the rule's own operations plus every provider's candidates, each rendered
// into text edits and verified by a re-scan; fix-all combines the preferred fixes of one file.
import type { Block, ParsedFile } from '../iac/terraform';
import { rulesByIdOf, type Finding, type FixOperation } from '../policy';
import { alignEdits, contentEdits, realignEdits } from './align';
import { renderDocumentSets } from './document-set';
import { editsOverlap } from './edits';
import { verifyWithFollowUps } from './follow-ups';
import { DEFAULT_PROVIDERS } from './providers';
import { isJsonSyntaxFile, renderJsonOperations } from './json-render';
import { renderOperations } from './terraform-render';
import { blockAt, derivedFromReason } from './terraform-locate';
import { titleOfOperations } from './titles';
import type { FixCandidate, FixContext, FixProvider, FixTextEdit, VerifiedFix } from './types';
import { parsedFile, unitState, verifyEdits, type UnitState } from './verify';

/** A candidate that was not offered, and why (for `palisade fix` output and tests). */
export interface RejectedFix {
  title: string;
  source: string;
  reason: string;
}

export interface FixReport {
  fixes: VerifiedFix[];
  rejected: RejectedFix[];
}

/** Verified fixes for one finding, preferred first. */
export async function fixesForFinding(finding: Finding, context: FixContext, providers: readonly FixProvider[] = DEFAULT_PROVIDERS): Promise<VerifiedFix[]> {
  // No reasons are shown, so a candidate's re-scan may stop as soon as it is bound to be rejected.
  return (await verifyCandidates(finding, context, providers, true)).fixes;
}

/** Like `fixesForFinding`, and also every candidate that was rejected with the reason (the first decisive finding in file order). */
export async function explainFixes(finding: Finding, context: FixContext, providers: readonly FixProvider[] = DEFAULT_PROVIDERS): Promise<FixReport> {
  return verifyCandidates(finding, context, providers, false);
}

async function verifyCandidates(finding: Finding, context: FixContext, providers: readonly FixProvider[], stopEarly: boolean): Promise<FixReport> {
  const state = await unitState(context);
  const candidates = await candidatesFor(finding, context, providers);
  const report: FixReport = { fixes: [], rejected: [] };
  if (candidates.length === 0) report.rejected.push({ title: finding.ruleId, source: 'rule', reason: `${finding.ruleId} offers no fix operations for this finding` });
  for (const candidate of candidates) {
    if (await stopped(context)) break;
    const rendered = renderCandidate(candidate, finding, context, state);
    if (!rendered.ok) {
      report.rejected.push({ title: candidate.title, source: candidate.source, reason: rendered.reason });
      continue;
    }
    const verdict = await verifyWithFollowUps(rendered.edits, [finding.fingerprint], finding.resource, context, state, renderCandidate, stopEarly);
    if (!verdict.ok && verdict.cancelled) break;
    if (!verdict.ok) {
      report.rejected.push({ title: candidate.title, source: candidate.source, reason: verdict.reason });
      continue;
    }
    const title = [candidate.title, ...verdict.followUps].join('; ') + revealedNote(verdict.revealed, context);
    report.fixes.push(toVerified({ ...candidate, title }, finding, verdict.edits));
  }
  markPreferred(report.fixes);
  return report;
}

/** ` (reveals PAL-AWS-S3-008: <its title>)` when the fix brings a following rule's findings into view (verify.ts). */
function revealedNote(revealed: readonly Finding[], context: FixContext): string {
  if (revealed.length === 0) return '';
  const rules = rulesByIdOf(context.pack);
  const ids = [...new Set(revealed.map((f) => f.ruleId))];
  return ` (reveals ${ids.map((id) => `${id}: ${rules.get(id)?.title ?? id}`).join('; ')})`;
}

/**
 * The rule's own operations first, then providers' candidates. A provider candidate marked
 * preferred goes before the rule's; the order is the order fixes are tried and shown.
 */
async function candidatesFor(finding: Finding, context: FixContext, providers: readonly FixProvider[]): Promise<FixCandidate[]> {
  const out: FixCandidate[] = [];
  if (finding.fix && finding.fix.length > 0) {
    out.push({ title: titleOfOperations(finding.fix, finding.resource), source: 'rule', preferred: true, ops: finding.fix });
  }
  for (const provider of providers) {
    try {
      out.push(...(await provider(finding, context)).map((c) => ({ ...c, preferred: c.preferred === true })));
    } catch {
      // A failing provider costs its own candidates, never the finding's other fixes.
    }
  }
  const rank = (c: FixCandidate) => (c.source !== 'rule' && c.preferred ? 0 : c.source === 'rule' ? 1 : 2);
  return out.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

type Rendered = { ok: true; edits: FixTextEdit[] } | { ok: false; reason: string };

/** Never throws: an unexpected failure rejects the one candidate. */
function renderCandidate(candidate: FixCandidate, finding: Finding, context: FixContext, state: UnitState): Rendered {
  try {
    return renderUnguarded(candidate, finding, context, state);
  } catch (err) {
    return { ok: false, reason: `internal error while rendering: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function renderUnguarded(candidate: FixCandidate, finding: Finding, context: FixContext, state: UnitState): Rendered {
  if (candidate.edits && candidate.edits.length > 0) {
    // Ready-made edits are native-syntax text: never into a Terraform JSON file.
    const json = candidate.edits.find((e) => isJsonSyntaxFile(e.file));
    if (json) return { ok: false, reason: `${json.file} is Terraform JSON; this fix is written in native syntax only` };
    // A provider's replacement can change a value's length or lines: its runs are aligned too.
    return { ok: true, edits: realignEdits(candidate.edits, (f) => parsedFile(context, state, f)) };
  }
  if (!candidate.ops || candidate.ops.length === 0) return { ok: false, reason: 'the candidate has neither operations nor edits' };
  // An operation names the resource its path is inside (`resource`), else the finding's: a
  // module-level finding can complete another resource (a CIS metric filter's pattern).
  const groups = new Map<string, FixOperation[]>();
  for (const op of candidate.ops) {
    const address = typeof op.resource === 'string' ? op.resource : finding.resource;
    if (!address) return { ok: false, reason: 'the finding names no resource to edit' };
    groups.set(address, [...(groups.get(address) ?? []), op]);
  }
  const edits: FixTextEdit[] = [];
  for (const [address, ops] of groups) {
    const node = state.sourceMaps.get(address);
    if (!node) return { ok: false, reason: `${address} is not in this unit` };
    const file = parsedFile(context, state, node.range.file);
    if (!file) return { ok: false, reason: `${node.range.file} cannot be read` };
    const block = blockAt(file, node.range.start);
    if (!block) return { ok: false, reason: `${address} is not a block in ${node.range.file}` };
    for (const op of ops) {
      const why = op.derived_from === undefined ? undefined : derivedAcrossReason(op.derived_from, address, { file, block }, context, state);
      if (why) return { ok: false, reason: why };
    }
    let r = (isJsonSyntaxFile(node.range.file) ? renderJsonOperations : renderOperations)({ file, block, address }, ops);
    // A scalar inside a JSON document attribute (jsonencode, heredoc): where the source map puts it.
    if (!r.ok && !isJsonSyntaxFile(node.range.file)) {
      const inDocument = renderDocumentSets(file, node.range.file, block, node, ops);
      if (inDocument.ok) r = { ok: true, edits: alignEdits(file, inDocument.edits) };
      else if (inDocument.reason) r = { ok: false, reason: `${address}: ${inDocument.reason}` };
    }
    if (!r.ok) return r;
    const mine = r.edits.map((e) => ({ file: node.range.file, ...e }));
    if (editsOverlap(edits, mine)) return { ok: false, reason: `the operations on ${address} and another resource edit the same text` };
    edits.push(...mine);
  }
  return { ok: true, edits };
}

/**
 * `derived_from` entries name paths in the edited block, or — with `"resource": "<address>"` — in
 * another block of the unit: a fix that copies a sibling's value (the log bucket another load
 * balancer already writes to) holds only while that sibling spells it literally or reads exactly
 * the reference copied, not a variable's default another caller may change. Returns why not.
 */
function derivedAcrossReason(entries: unknown, address: string, own: { file: ParsedFile; block: Block }, context: FixContext, state: UnitState): string | undefined {
  if (!Array.isArray(entries)) {
    const why = derivedFromReason(own.file, own.block, entries);
    return why ? `${address}: ${why}` : undefined;
  }
  const groups = new Map<string, unknown[]>();
  for (const entry of entries) {
    const other = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as { resource?: unknown; path?: unknown; text?: unknown }) : undefined;
    if (other && typeof other.resource === 'string') {
      groups.set(other.resource, [...(groups.get(other.resource) ?? []), other.text === undefined ? other.path : { path: other.path, text: other.text }]);
    } else groups.set(address, [...(groups.get(address) ?? []), entry]);
  }
  for (const [where, list] of groups) {
    let target = own;
    if (where !== address) {
      const node = state.sourceMaps.get(where);
      const file = node ? parsedFile(context, state, node.range.file) : undefined;
      const block = node && file ? blockAt(file, node.range.start) : undefined;
      if (!node || !file || !block) return `${where}, which the value is copied from, is not a block in this unit`;
      target = { file, block };
    }
    const why = derivedFromReason(target.file, target.block, list);
    if (why) return `${where}: ${why}`;
  }
  return undefined;
}

/** Yields to the caller's event loop (context.pause), then tells whether to stop. */
async function stopped(context: FixContext): Promise<boolean> {
  if (context.isCancelled?.()) return true;
  await context.pause?.();
  return context.isCancelled?.() === true;
}

function toVerified(candidate: FixCandidate, finding: Finding, edits: FixTextEdit[]): VerifiedFix {
  const fix: VerifiedFix = { title: candidate.title, ruleId: finding.ruleId, fingerprint: finding.fingerprint, source: candidate.source, preferred: candidate.preferred === true, edits };
  if (candidate.detail !== undefined) fix.detail = candidate.detail;
  return fix;
}

/** At most one preferred fix: the first verified candidate that asked to be (or the rule's). */
function markPreferred(fixes: VerifiedFix[]): void {
  let taken = false;
  for (const f of fixes) {
    if (f.preferred && !taken) taken = true;
    else f.preferred = false;
  }
}

export interface FixAllResult {
  edits: FixTextEdit[];
  fixed: Finding[];
  skipped: Finding[];
}

/**
 * Preferred fixes for `findings` of `file`, non-overlapping, verified together. When the
 * combination fails verification, fixes are added one at a time while the whole stays verified.
 */
export async function fixAllInFile(file: string, findings: Finding[], context: FixContext, providers: readonly FixProvider[] = DEFAULT_PROVIDERS): Promise<FixAllResult> {
  const state = await unitState(context);
  const targets = findings.filter((f) => f.range.file === file && !f.suppressed);
  const others = findings.filter((f) => !targets.includes(f));
  const done = (r: { edits: FixTextEdit[]; fixed: Finding[] }): FixAllResult => ({ ...r, skipped: [...others, ...targets.filter((f) => !r.fixed.includes(f))] });
  // Per finding, the candidates that may be preferred (a provider's marked preferred, the rule's), rendered.
  const eligible: { finding: Finding; options: FixTextEdit[][] }[] = [];
  for (const finding of targets) {
    if (await stopped(context)) return done({ edits: [], fixed: [] });
    const options: FixTextEdit[][] = [];
    for (const candidate of (await candidatesFor(finding, context, providers)).filter((c) => c.preferred)) {
      const rendered = renderCandidate(candidate, finding, context, state);
      if (rendered.ok) options.push(rendered.edits);
    }
    if (options.length > 0) eligible.push({ finding, options });
  }
  // Fast path: the first option of every finding that does not overlap the others, verified once.
  // Fixes are combined by their content edits; the padding of the runs they touch is derived
  // again for the combination (fix/align.ts), so two fixes re-padding one run both apply.
  const realign = (edits: FixTextEdit[]) => realignEdits(edits, (f) => parsedFile(context, state, f));
  const chosen: { finding: Finding; edits: FixTextEdit[] }[] = [];
  for (const { finding, options } of eligible) {
    const content = contentEdits(options[0]);
    if (!chosen.some((c) => editsOverlap(c.edits, content))) chosen.push({ finding, edits: content });
  }
  const combined = await tryCombination(chosen, realign, context, state, targets);
  if (combined) return done(combined);
  if (context.isCancelled?.()) return done({ edits: [], fixed: [] });

  // Slow path: add one fix at a time (each finding's options in order, with their follow-ups)
  // while the whole stays verified.
  let edits: FixTextEdit[] = [];
  let fixedPrints: string[] = [];
  let result: { edits: FixTextEdit[]; fixed: Finding[] } = { edits: [], fixed: [] };
  for (const { finding, options } of eligible) {
    if (result.fixed.includes(finding)) continue;
    for (const option of options) {
      if (await stopped(context)) return done(result);
      const content = contentEdits(option);
      if (editsOverlap(edits, content)) continue;
      const attempt = await verifyWithFollowUps(realign([...edits, ...content]), [...fixedPrints, finding.fingerprint], finding.resource, context, state, renderCandidate, true);
      if (!attempt.ok) continue;
      edits = contentEdits(attempt.edits);
      fixedPrints = [...fixedPrints, finding.fingerprint];
      result = { edits: attempt.edits, fixed: targets.filter((f) => attempt.gone.has(f.fingerprint)) };
      break;
    }
  }
  return done(result);
}

async function tryCombination(chosen: { finding: Finding; edits: FixTextEdit[] }[], realign: (edits: FixTextEdit[]) => FixTextEdit[], context: FixContext, state: UnitState, targets: Finding[]): Promise<{ edits: FixTextEdit[]; fixed: Finding[] } | undefined> {
  if (chosen.length === 0) return undefined;
  const edits = realign(chosen.flatMap((c) => c.edits));
  const verdict = await verifyEdits(edits, chosen.map((c) => c.finding.fingerprint), context, state, {});
  if (!verdict.ok) return undefined;
  // A finding the combined edits removed as a side effect counts as fixed too.
  return { edits, fixed: targets.filter((f) => verdict.gone.has(f.fingerprint)) };
}

