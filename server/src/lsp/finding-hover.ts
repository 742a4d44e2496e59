// Hover text for rule findings: what the rule checks, why it matters, how to fix it, which
// compliance controls it maps to and the value the rule saw — appended to the value hover
// (hover.ts) when the position has both.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Finding, RuleMetadata } from '../policy';
import type { LineIndex } from './line-index';

/** Longest evaluated value shown before the JSON is cut (the value hover above may show it whole). */
const MAX_VALUE_CHARS = 1500;

export interface FindingHoverText {
  markdown: string;
  /** Offsets covering every finding described. */
  start: number;
  end: number;
}

/** Markdown about the findings at one position (several rules may flag the same range). */
export function findingHoverText(findings: Finding[], ruleOf: (id: string) => RuleMetadata | undefined): FindingHoverText | undefined {
  if (findings.length === 0) return undefined;
  const sections = findings.map((f) => describeFinding(f, ruleOf(f.ruleId)));
  return {
    markdown: sections.join('\n\n---\n\n'),
    start: Math.min(...findings.map((f) => f.range.start)),
    end: Math.max(...findings.map((f) => f.range.end)),
  };
}

function describeFinding(f: Finding, rule: RuleMetadata | undefined): string {
  const lines = [`**${f.ruleId}** · ${f.severity} — ${rule?.title ?? f.message}`, '', f.message];
  if (rule?.description && rule.description !== f.message) lines.push('', rule.description);
  if (rule?.remediation) lines.push('', `*Remediation:* ${rule.remediation}`);
  const frameworks = Object.entries(rule?.frameworks ?? {}).filter(([, ids]) => ids.length > 0);
  if (frameworks.length > 0) {
    lines.push('', '*Compliance:*');
    for (const [name, ids] of frameworks) lines.push(`- ${name} ${ids.join(', ')}`);
  }
  const peers = Object.entries(rule?.references ?? {}).filter(([, ids]) => ids.length > 0);
  if (peers.length > 0) lines.push('', `*Same check in:* ${peers.map(([tool, ids]) => `${tool} ${ids.join(', ')}`).join('; ')}`);
  // A whole resource's config (path []) is the resource as written: noise in a hover.
  if (f.value !== undefined && (f.path ?? []).length > 0) {
    let json = JSON.stringify(f.value, null, 2) ?? 'null';
    if (json.length > MAX_VALUE_CHARS) json = json.slice(0, MAX_VALUE_CHARS) + '\n… (truncated)';
    const fence = json.includes('```') ? '````' : '```';
    const where = [f.resource, ...(f.path ?? []).map(String)].filter(Boolean).join('.');
    lines.push('', `*Evaluated \`${where}\`:*`, fence + 'json', json, fence);
  }
  const suppress = f.range.file.endsWith('.json') ? `"//": "palisade:ignore ${f.ruleId} <reason>"` : `# palisade:ignore ${f.ruleId} <reason>`;
  const links = [rule ? `[Rule documentation](${rule.docsUrl})` : undefined, `suppress with \`${suppress}\``];
  lines.push('', links.filter(Boolean).join(' · '));
  return lines.join('\n');
}

/** Appends what the rules found at a position to the value hover, or stands alone. */
export function withFindingHover(hover: Hover | null, found: FindingHoverText | undefined, index: LineIndex): Hover | null {
  if (!found) return hover;
  if (!hover) return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: index.rangeOf(found.start, found.end) };
  const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  return { ...hover, contents: { kind: MarkupKind.Markdown, value: `${value}\n\n---\n\n${found.markdown}` } };
}
