// A fix can make a follow-up finding visible on the same resource: adding the missing
// `domain_endpoint_options` block for HTTPS lets the TLS-policy rule see that block. When every
// finding the edit introduces is on the fixed resource and carries its rule's own fix, those
// fixes are rendered on the edited text and applied on top, and the whole is verified again
// against the original unit. What is offered therefore still introduces nothing.
import type { Finding } from '../policy';
import { contentEdits, realignEdits } from './align';
import { applyEdits, editsByFile, editsOverlap } from './edits';
import { titleOfOperations } from './titles';
import type { FixCandidate, FixContext, FixTextEdit } from './types';
import { absolutePath, OverlayHost, parsedFile, verifyEdits, type UnitState } from './verify';

/** How many rounds of follow-up fixes one fix may pull in. */
const MAX_FOLLOW_UP_ROUNDS = 2;

export type RenderFn = (candidate: FixCandidate, finding: Finding, context: FixContext, state: UnitState) => { ok: true; edits: FixTextEdit[] } | { ok: false; reason: string };

export type Chained =
  | { ok: true; edits: FixTextEdit[]; followUps: string[]; gone: Set<string>; revealed: Finding[] }
  | { ok: false; reason: string; cancelled?: boolean };

/**
 * Verifies `edits` (which must remove `targets`); when they only fail by introducing findings on
 * `resource` that carry fixes, adds those fixes and verifies again. Edits of a chained fix are one
 * replacement per file covering everything that changed. With `stopEarly`, each re-scan stops as
 * soon as the chain is bound to fail (the same verdict; the reason may name another finding).
 */
export async function verifyWithFollowUps(edits: FixTextEdit[], targets: string[], resource: string | undefined, context: FixContext, state: UnitState, render: RenderFn, stopEarly = false): Promise<Chained> {
  let current = edits;
  const followUps: string[] = [];
  for (let round = 0; ; round++) {
    const early = stopEarly ? { followUpResource: round < MAX_FOLLOW_UP_ROUNDS ? resource : undefined } : undefined;
    const verdict = await verifyEdits(current, targets, context, state, early);
    if (verdict.ok) return { ok: true, edits: current, followUps, gone: verdict.gone, revealed: verdict.revealed ?? [] };
    const fail = { ok: false as const, reason: verdict.reason ?? 'not verified', cancelled: verdict.cancelled };
    const introduced = verdict.introduced;
    if (round >= MAX_FOLLOW_UP_ROUNDS || !verdict.after || introduced.length === 0 || resource === undefined) return fail;
    if (introduced.some((f) => f.resource !== resource || !f.fix || f.fix.length === 0)) return fail;
    if (targets.some((fp) => verdict.after!.findings.some((f) => f.fingerprint === fp))) return fail;

    // Render the follow-ups against the edited unit.
    const editedContext: FixContext = { ...context, host: new OverlayHost(context.host, verdict.after.texts) };
    const editedState: UnitState = {
      sourceMaps: verdict.after.sourceMaps,
      findings: verdict.after.findings,
      fingerprints: new Set(verdict.after.findings.map((f) => f.fingerprint)),
      errorMessages: state.errorMessages,
      parsed: new Map(),
      rescans: [],
      childEvaluations: state.childEvaluations,
    };
    let more: FixTextEdit[] = [];
    for (const finding of introduced) {
      const title = titleOfOperations(finding.fix!, finding.resource);
      const rendered = render({ title, source: 'rule', preferred: true, ops: finding.fix }, finding, editedContext, editedState);
      const content = rendered.ok ? contentEdits(rendered.edits) : [];
      if (!rendered.ok || editsOverlap(more, content)) return fail;
      more.push(...content);
      followUps.push(title);
    }
    // Several follow-ups in one run: its padding is derived for all of them together (fix/align.ts).
    more = realignEdits(more, (f) => parsedFile(editedContext, editedState, f));
    current = compose(context, current, verdict.after.texts, more);
  }
}

/** `first` (on the original texts, giving `editedTexts`) then `second` (on those) as edits on the original texts. */
function compose(context: FixContext, first: FixTextEdit[], editedTexts: Map<string, string>, second: FixTextEdit[]): FixTextEdit[] {
  const relative = new Map<string, string>();
  for (const e of [...first, ...second]) relative.set(absolutePath(context.root, e.file), e.file);
  const finalTexts = new Map(editedTexts);
  for (const [file, list] of editsByFile(second)) {
    const abs = absolutePath(context.root, file);
    const base = finalTexts.get(abs) ?? context.host.readFile(abs) ?? '';
    finalTexts.set(abs, applyEdits(base, list));
  }
  const out: FixTextEdit[] = [];
  for (const [abs, text] of finalTexts) {
    const original = context.host.readFile(abs) ?? '';
    if (original === text) continue;
    out.push({ file: relative.get(abs) ?? abs, ...changedRange(original, text) });
  }
  return out;
}

/** One replacement turning `before` into `after`: everything between their common prefix and suffix. */
export function changedRange(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let suffix = 0;
  while (suffix < before.length - start && suffix < after.length - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start, end: before.length - suffix, newText: after.slice(start, after.length - suffix) };
}
