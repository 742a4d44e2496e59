// The compliance picture as plain data (docs/report.md defines every figure): what
// `palisade report --format json` prints and what the server sends the VS Code dashboard.
// Types and formatting helpers only, so both bundles (CLI/server and client) can import it.

/** The policy layer's severities, worst first (kept equal to policy's SEVERITIES by a test). */
export const COMPLIANCE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type ComplianceSeverity = (typeof COMPLIANCE_SEVERITIES)[number];

export interface Counts {
  evaluated: number;
  passing: number;
  failing: number;
  suppressed: number;
}

export interface ControlResult {
  id: string;
  rules: string[];
  /** Distinct resources evaluated by the control's rules; a resource fails when any of its evaluations fails. */
  resources: Counts;
  evaluations: Counts;
  /** passing / (passing + failing) over evaluations; null when nothing was evaluated. */
  complianceRate: number | null;
}

export interface FrameworkResult {
  name: string;
  rules: string[];
  controls: ControlResult[];
  resources: Counts;
  evaluations: Counts;
  complianceRate: number | null;
}

export interface ComplianceRule {
  id: string;
  title: string;
  severity: ComplianceSeverity;
  frameworks: string[];
  evaluations: Counts;
  complianceRate: number | null;
}

export interface ComplianceFinding {
  ruleId: string;
  severity: ComplianceSeverity;
  message: string;
  resource?: string;
  /** Relative to the directory the report ran in (the workspace folder in the editor), `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  suppressed: boolean;
  fixable: boolean;
}

export interface ComplianceReport {
  tool: { name: string; version: string; informationUri: string };
  scope: { units: number; files: number; resources: number; rules: number };
  overall: { evaluations: Counts; complianceRate: number | null };
  frameworks: FrameworkResult[];
  /** Unsuppressed findings of every kind (deny and warn) by severity. */
  findingsBySeverity: Record<ComplianceSeverity, number>;
  fixes: {
    /** `verified`: a fix verified through the fix layer exists; `rule-metadata`: the rule says `fixable: true`. */
    method: 'verified' | 'rule-metadata';
    findings: number;
    withAutomaticFix: number;
    share: number | null;
  };
  /** Rules with at least one evaluation, worst first. */
  rules: ComplianceRule[];
  findings: ComplianceFinding[];
  problems: number;
}

/** A rate as a percentage with one decimal, or "n/a". */
export function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}
