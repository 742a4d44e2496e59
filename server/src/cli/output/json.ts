// `--format json`: the issue-4 shape — findings with a 1-based `location` and `fixable` (a
// verified fix exists) — plus fingerprint, suppression, fix edits, problems and a summary.
import type { ReportFinding, ScanReport } from '../scan-report';
import { severityCounts } from './summary';

export interface JsonFinding {
  ruleId: string;
  severity: string;
  kind: 'deny' | 'warn';
  message: string;
  location: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number };
  resource?: string;
  path?: (string | number)[];
  fixable: boolean;
  fingerprint: string;
  suppressed?: { by: string; reason?: string };
  /** The rule's own fix operations. */
  fix?: unknown[];
  /** Verified fixes, preferred first, as text edits (1-based, end exclusive). */
  fixes?: { title: string; source: string; preferred: boolean; edits: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number; newText: string }[] }[];
  related?: { message: string; location: JsonFinding['location'] }[];
}

export function formatJson(report: ScanReport): string {
  const shown = report.findings.filter((f) => !f.suppressed);
  const out = {
    tool: report.tool,
    findings: report.findings.map(toJson),
    diagnostics: report.diagnostics,
    summary: {
      units: report.units,
      files: report.files,
      findings: shown.length,
      suppressed: report.findings.length - shown.length,
      bySeverity: severityCounts(shown),
      fixable: shown.filter((f) => f.fixes.length > 0).length,
      fixesVerified: report.fixesVerified,
      ...(report.baseline ? { baseline: report.baseline } : {}),
      /** Wall time of the run and CPU time summed over units (ms); not stable between runs. */
      timing: Object.fromEntries(Object.entries(report.timing).map(([k, v]) => [k, Math.round(v)])),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function toJson(f: ReportFinding): JsonFinding {
  const out: JsonFinding = { ruleId: f.ruleId, severity: f.severity, kind: f.kind, message: f.message, location: f.location, fixable: f.fixes.length > 0, fingerprint: f.fingerprint };
  if (f.resource !== undefined) out.resource = f.resource;
  if (f.path !== undefined) out.path = f.path;
  if (f.suppressed) out.suppressed = f.suppressed;
  if (f.fix) out.fix = f.fix;
  if (f.fixes.length > 0) out.fixes = f.fixes.map((x) => ({ title: x.title, source: x.source, preferred: x.preferred, edits: x.edits.map((e) => ({ ...e.location, newText: e.newText })) }));
  if (f.related.length > 0) out.related = f.related;
  return out;
}
