// The compliance picture as data: a pure function over a scan's result (docs/report.md defines
// every figure). An *evaluation* is one (rule, resource) pair where the resource's type is in the
// rule's resource_types; it fails when the rule reported an unsuppressed finding on that resource.
// Surface-neutral: `palisade report` and the language server's dashboard request both call it.
import { posix } from 'node:path';
import { SEVERITIES, type RuleMetadata, type RuleSeverity } from '../policy';
import type { ComplianceReport, ControlResult, Counts, FrameworkResult } from '../shared/compliance';

export type { ComplianceReport, ControlResult, Counts, FrameworkResult } from '../shared/compliance';
export { percent } from '../shared/compliance';

export type EvaluationStatus = 'passing' | 'failing' | 'suppressed';

/** What the computation reads of a scan (the CLI's ScanReport has this shape). */
export interface ComplianceInput {
  tool: ComplianceReport['tool'];
  rules: RuleMetadata[];
  /** Shown and suppressed findings, 1-based lines, files relative to where the scan ran. */
  findings: ScannedFinding[];
  diagnostics: { severity: string }[];
  units: number;
  files: number;
  /** Whether `fixes` were verified through the fix layer. */
  fixesVerified: boolean;
  /** Every (rule, resource) pair a rule with `resource_types` evaluated. */
  evaluated: { ruleId: string; resource: string; file: string }[];
}

export interface ScannedFinding {
  ruleId: string;
  severity: RuleSeverity;
  message: string;
  resource?: string;
  location: { file: string; startLine: number };
  suppressed?: unknown;
  fixes: unknown[];
}

interface Evaluation {
  ruleId: string;
  /** Resource identity: unit directory of the declaring file + address. */
  resource: string;
  status: EvaluationStatus;
}

export function buildCompliance(report: ComplianceInput): ComplianceReport {
  const rulesById = new Map(report.rules.map((r) => [r.id, r]));
  const evaluations = evaluationsOf(report, rulesById);
  const byRule = groupBy(evaluations, (e) => e.ruleId);

  const frameworkNames = [...new Set(report.rules.flatMap((r) => Object.keys(r.frameworks)))].sort();
  const frameworks: FrameworkResult[] = frameworkNames.map((name) => {
    const rules = report.rules.filter((r) => (r.frameworks[name] ?? []).length > 0);
    const controlIds = [...new Set(rules.flatMap((r) => r.frameworks[name]))].sort(naturalCompare);
    const controls = controlIds.map((id): ControlResult => {
      const ids = rules.filter((r) => r.frameworks[name].includes(id)).map((r) => r.id).sort(naturalCompare);
      const evals = ids.flatMap((r) => byRule.get(r) ?? []);
      const counts = countEvaluations(evals);
      return { id, rules: ids, resources: countResources(evals), evaluations: counts, complianceRate: rate(counts) };
    });
    const evals = rules.flatMap((r) => byRule.get(r.id) ?? []);
    const counts = countEvaluations(evals);
    return { name, rules: rules.map((r) => r.id).sort(naturalCompare), controls, resources: countResources(evals), evaluations: counts, complianceRate: rate(counts) };
  });

  const shown = report.findings.filter((f) => !f.suppressed);
  const findingsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, shown.filter((f) => f.severity === s).length])) as Record<RuleSeverity, number>;
  const fixable = (f: ScannedFinding) => (report.fixesVerified ? f.fixes.length > 0 : rulesById.get(f.ruleId)?.fixable === true);
  const withFix = shown.filter(fixable).length;

  const overall = countEvaluations(evaluations);
  const rules = [...byRule.entries()]
    .map(([id, evals]) => {
      const rule = rulesById.get(id)!;
      const counts = countEvaluations(evals);
      return { id, title: rule.title, severity: rule.severity, frameworks: Object.keys(rule.frameworks).filter((k) => rule.frameworks[k].length > 0).sort(), evaluations: counts, complianceRate: rate(counts) };
    })
    .sort((a, b) => b.evaluations.failing - a.evaluations.failing || (a.id < b.id ? -1 : 1));

  return {
    tool: report.tool,
    scope: { units: report.units, files: report.files, resources: new Set(evaluations.map((e) => e.resource)).size, rules: byRule.size },
    overall: { evaluations: overall, complianceRate: rate(overall) },
    frameworks,
    findingsBySeverity,
    fixes: { method: report.fixesVerified ? 'verified' : 'rule-metadata', findings: shown.length, withAutomaticFix: withFix, share: shown.length === 0 ? null : withFix / shown.length },
    rules,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...(f.resource !== undefined ? { resource: f.resource } : {}),
      file: f.location.file,
      line: f.location.startLine,
      suppressed: f.suppressed !== undefined,
      fixable: !f.suppressed && fixable(f),
    })),
    problems: report.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

/**
 * Every evaluation with its status. The scan lists the (rule, resource) pairs it evaluated; a
 * finding of a pack rule on a resource outside that list (a rule without resource_types, a
 * companion resource, a module call) adds its own evaluation.
 */
function evaluationsOf(report: ComplianceInput, rules: Map<string, RuleMetadata>): Evaluation[] {
  const status = new Map<string, Evaluation>();
  const keyOf = (ruleId: string, resource: string) => `${ruleId}\u0000${resource}`;
  for (const e of report.evaluated) {
    const resource = resourceIdentity(e.file, e.resource);
    status.set(keyOf(e.ruleId, resource), { ruleId: e.ruleId, resource, status: 'passing' });
  }
  for (const f of report.findings) {
    if (!rules.has(f.ruleId)) continue;
    const resource = resourceIdentity(f.location.file, f.resource ?? '(unit)');
    const key = keyOf(f.ruleId, resource);
    const current = status.get(key);
    const next: EvaluationStatus = f.suppressed ? 'suppressed' : 'failing';
    if (!current) status.set(key, { ruleId: f.ruleId, resource, status: next });
    else if (current.status !== 'failing') current.status = next === 'failing' ? 'failing' : 'suppressed';
  }
  return [...status.values()];
}

/** A resource is known by the directory of the file it sits in and its address. */
function resourceIdentity(file: string, address: string): string {
  return `${posix.dirname(file)}\u0000${address}`;
}

function countEvaluations(evals: Evaluation[]): Counts {
  const counts: Counts = { evaluated: evals.length, passing: 0, failing: 0, suppressed: 0 };
  for (const e of evals) counts[e.status]++;
  return counts;
}

/** Resources: failing when any evaluation fails, suppressed when none fails and one is suppressed. */
function countResources(evals: Evaluation[]): Counts {
  const worst = new Map<string, EvaluationStatus>();
  const rank: Record<EvaluationStatus, number> = { passing: 0, suppressed: 1, failing: 2 };
  for (const e of evals) {
    const current = worst.get(e.resource);
    if (!current || rank[e.status] > rank[current]) worst.set(e.resource, e.status);
  }
  const counts: Counts = { evaluated: worst.size, passing: 0, failing: 0, suppressed: 0 };
  for (const s of worst.values()) counts[s]++;
  return counts;
}

function rate(c: Counts): number | null {
  const denominator = c.passing + c.failing;
  return denominator === 0 ? null : c.passing / denominator;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** "2.1.4" < "2.10" < "10.1"; "AC-6" < "AC-17". */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
