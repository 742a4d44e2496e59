// Inline suppressions (DESIGN.md Contract 3): a comment on the line before a resource or an
// attribute silences a rule there and in everything the resource/attribute contains.
// Palisade's own form plus the peers' forms (checkov, tfsec, trivy, kics) for rules that declare
// the equivalent id, or, when the finding names the ids of the part of the rule that produced it
// (`peers`, set by result.with_peers), for findings whose own ids the comment names.
// Suppressed findings are kept, marked, for reports that list them (SARIF).
import { fingerprintOf } from './evaluate';
import type { Placement } from './placement';
import { jsonCommentTexts } from './suppressions-json';
import type { Finding, PeerIds, RuleMetadata } from './types';

export const NO_REASON_RULE_ID = 'PAL-SUPPRESS-NO-REASON';

export interface Suppression {
  tool: 'palisade' | 'checkov' | 'tfsec' | 'trivy' | 'kics-line' | 'kics-block';
  /** Rule ids named by the comment (Palisade ids or the tool's own); empty for kics forms. */
  ids: string[];
  reason?: string;
  file: string;
  /** The comment itself. */
  start: number;
  end: number;
  /** 0-based line the suppression applies to (the next line holding code); -1 with `scope`. */
  targetLine: number;
  /** Terraform JSON: the object holding the `"//"` property, which the suppression covers whole. */
  scope?: { start: number; end: number };
  text: string;
}

const COMMENT_LINE = /^([ \t]*)(#|\/\/)(.*)$/;
const FORMS: { tool: Suppression['tool']; re: RegExp }[] = [
  { tool: 'palisade', re: /^\s*palisade:ignore\s+([A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*)(?:\s+(.*))?$/ },
  { tool: 'checkov', re: /^\s*checkov:skip=([A-Za-z0-9_\-]+)(?::(.*))?$/ },
  { tool: 'tfsec', re: /^\s*tfsec:ignore:([A-Za-z0-9_\-]+)(?::exp:\S+)?(?:\s+(.*))?$/ },
  { tool: 'trivy', re: /^\s*trivy:ignore:([A-Za-z0-9_\-]+)(?::exp:\S+)?(?:\s+(.*))?$/ },
  { tool: 'kics-line', re: /^\s*kics-scan\s+ignore-line()(?:\s+(.*))?$/ },
  { tool: 'kics-block', re: /^\s*kics-scan\s+ignore-block()(?:\s+(.*))?$/ },
];

/** Every form needs one of these words, so a file without any has no suppression to parse. */
const MARKERS = ['palisade:ignore', 'checkov:skip=', 'tfsec:ignore:', 'trivy:ignore:', 'kics-scan'];

/**
 * Every suppression comment in a file (full-line `#` or `//` comments); with `jsonComments`, a
 * `.json` file is Terraform JSON configuration and its `"//"` properties are read instead.
 */
export function parseSuppressions(file: string, text: string, options: { jsonComments?: boolean } = {}): Suppression[] {
  const out: Suppression[] = [];
  if (!MARKERS.some((m) => text.includes(m))) return out;
  if (options.jsonComments && file.endsWith('.json')) return jsonSuppressions(file, text);
  const lines = text.split('\n');
  let offset = 0;
  const pending: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const lineStart = offset;
    offset += lines[i].length + 1;
    const comment = COMMENT_LINE.exec(line);
    if (!comment) {
      if (line.trim() === '') continue;
      for (const s of pending.splice(0)) out.push({ ...s, targetLine: i });
      continue;
    }
    const form = formOf(comment[3]);
    if (form) pending.push({ ...form, file, start: lineStart + comment[1].length, end: lineStart + line.length, targetLine: -1, text: line.trim() });
  }
  return out;
}

function jsonSuppressions(file: string, text: string): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of jsonCommentTexts(text)) {
    const form = formOf(comment.text);
    if (form) out.push({ ...form, file, start: comment.start, end: comment.end, targetLine: -1, scope: comment.scope, text: comment.text.trim() });
  }
  return out;
}

/** The tool, ids and reason of a suppression comment's text, or undefined when it is none. */
function formOf(text: string): Pick<Suppression, 'tool' | 'ids' | 'reason'> | undefined {
  for (const { tool, re } of FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const ids = m[1] ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
    return { tool, ids, reason: m[2]?.trim() || undefined };
  }
  return undefined;
}

export interface SuppressionContext {
  /** Text of a workspace-relative file (the unit's files). */
  textOf(file: string): string | undefined;
  rules: Map<string, RuleMetadata>;
  placements: Map<string, Placement>;
  /** The unit is Terraform: its `.json` files are JSON configuration, with `"//"` comments. */
  jsonComments?: boolean;
}

/**
 * Marks suppressed findings (returned in place, with `suppressed`) and adds one
 * `PAL-SUPPRESS-NO-REASON` finding per suppression that gives no reason: always for
 * `palisade:ignore`, and for the peers' forms when they silence something.
 */
export function applySuppressions(findings: Finding[], context: SuppressionContext): Finding[] {
  const byFile = new Map<string, { suppressions: Suppression[]; lineStarts: number[] }>();
  const fileInfo = (file: string) => {
    let info = byFile.get(file);
    if (!info) {
      const text = context.textOf(file) ?? '';
      const suppressions = parseSuppressions(file, text, { jsonComments: context.jsonComments });
      // Line starts only matter where a suppression may apply.
      info = { suppressions, lineStarts: suppressions.length > 0 ? lineStartsOf(text) : [] };
      byFile.set(file, info);
    }
    return info;
  };
  const used = new Set<Suppression>();
  for (const finding of findings) {
    const info = fileInfo(finding.range.file);
    if (info.suppressions.length === 0) continue;
    const rule = context.rules.get(finding.ruleId);
    const findingLine = lineOf(info.lineStarts, finding.range.start);
    const placement = context.placements.get(finding.fingerprint);
    const chainLines = new Set<number>([findingLine]);
    const chainStarts = [finding.range.start];
    for (const node of placement?.chain ?? []) {
      if (node.range.file !== finding.range.file) continue;
      chainLines.add(lineOf(info.lineStarts, node.range.start));
      chainStarts.push(node.range.start);
    }
    const hits = (s: Suppression) => {
      const scope = s.scope;
      if (scope) return chainStarts.some((at) => at >= scope.start && at < scope.end);
      if (s.tool === 'kics-line') return s.targetLine === findingLine;
      return chainLines.has(s.targetLine) || (s.tool === 'checkov' && insideBlock(s, placement?.chain[0]));
    };
    const parts = finding.peers;
    // Per-part ids (result.with_peers): a peer comment counts only for the parts whose own ids it
    // names, and the finding is silenced once every part it reports is named by a comment here.
    let namers: Suppression[] | undefined;
    for (const s of info.suppressions) {
      if (parts && s.tool !== 'palisade') {
        if (parts.some((part) => partNamedBy(s, part)) && hits(s)) (namers ??= []).push(s);
        continue;
      }
      if (!appliesToRule(s, finding.ruleId, rule)) continue;
      if (!hits(s)) continue;
      used.add(s);
      markSuppressed(finding, s);
    }
    if (parts && parts.length > 0 && namers && parts.every((part) => namers!.some((s) => partNamedBy(s, part)))) {
      for (const s of namers) used.add(s);
      markSuppressed(finding, namers[0]);
    }
  }
  const extra: Finding[] = [];
  for (const file of new Set(findings.map((f) => f.range.file))) fileInfo(file);
  for (const { suppressions } of byFile.values()) {
    for (const s of suppressions) {
      if (s.reason || (s.tool !== 'palisade' && !used.has(s))) continue;
      extra.push({
        ruleId: NO_REASON_RULE_ID,
        severity: 'info',
        kind: 'warn',
        message: `Suppression without a reason: add why the finding is accepted after the id (${s.text})`,
        range: { file: s.file, start: s.start, end: s.end },
        fingerprint: fingerprintOf(NO_REASON_RULE_ID, s.file, [], s.text),
      });
    }
  }
  return [...findings, ...extra];
}

/** The first suppression that applies is the one a report names. */
function markSuppressed(finding: Finding, s: Suppression): void {
  finding.suppressed ??= { by: s.text, ...(s.reason ? { reason: s.reason } : {}) };
}

/** Whether a peer comment names one part of a finding (its ids for the comment's tool). */
function partNamedBy(s: Suppression, part: PeerIds): boolean {
  if (s.tool === 'kics-line' || s.tool === 'kics-block') return (part.kics ?? []).length > 0;
  const own = s.tool === 'checkov' ? part.checkov : part.trivy;
  if (!own || own.length === 0) return false;
  return s.ids.some((id) => own.includes(id.toLowerCase()));
}

function appliesToRule(s: Suppression, ruleId: string, rule: RuleMetadata | undefined): boolean {
  if (s.tool === 'palisade') return s.ids.some((id) => id.toUpperCase() === ruleId.toUpperCase());
  if (!rule) return false;
  const refs = rule.references;
  if (s.tool === 'kics-line' || s.tool === 'kics-block') return (refs.kics ?? []).length > 0;
  const wanted = peerIdsOf(rule)[s.tool === 'checkov' ? 'checkov' : 'trivy'];
  return s.ids.some((id) => wanted.has(id.toLowerCase()));
}

/** Each rule's peer ids, lower-cased once: a file with many comments asks for them per finding. */
const peerIdSets = new WeakMap<RuleMetadata, { checkov: Set<string>; trivy: Set<string> }>();

function peerIdsOf(rule: RuleMetadata): { checkov: Set<string>; trivy: Set<string> } {
  let sets = peerIdSets.get(rule);
  if (!sets) {
    const lower = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => id.toLowerCase());
    const refs = rule.references;
    // tfsec ids live on in trivy (AVD ids and long ids alike), so the two lists are one namespace.
    sets = { checkov: new Set(lower(refs.checkov)), trivy: new Set([...lower(refs.trivy), ...lower(refs.tfsec)]) };
    peerIdSets.set(rule, sets);
  }
  return sets;
}

/**
 * Checkov reads a skip comment anywhere inside a resource block as covering the whole resource (its
 * documented placement), so a finding on the header or on another attribute is covered too.
 */
function insideBlock(s: Suppression, root: Placement['chain'][number] | undefined): boolean {
  return root !== undefined && root.range.file === s.file && s.start > root.range.start && s.start < root.range.end;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
