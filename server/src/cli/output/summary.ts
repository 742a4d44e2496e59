// Counting helpers shared by the output writers.
import { SEVERITIES, type RuleSeverity } from '../../policy';
import type { ReportFinding } from '../scan-report';

/** Findings per severity, every severity present (most severe first). */
export function severityCounts(findings: readonly ReportFinding[]): Record<RuleSeverity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<RuleSeverity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
