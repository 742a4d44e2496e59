// The scan's result in output-neutral form: findings with 1-based line/column locations, their
// verified fixes as positioned edits, and every problem met on the way. Output writers
// (output/*.ts) only format this; nothing here decides what is a finding.
import { posix } from 'node:path';
import type { VerifiedFix } from '../fix';
import type { FileHost } from '../iac/model';
import { severityRank, type Finding, type FixOperation, type PolicyDiagnostic, type RuleMetadata, type RuleSeverity } from '../policy';
import { positionIn } from './positions';
import { reportKeyOf, type UnitOutcome } from './scan-engine';

export interface ReportLocation {
  /** Relative to the directory palisade ran in, `/`-separated. */
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  /** Exclusive, like SARIF's endColumn. */
  endColumn: number;
}

export interface ReportEdit {
  location: ReportLocation;
  newText: string;
}

export interface ReportFix {
  title: string;
  source: string;
  preferred: boolean;
  detail?: string;
  edits: ReportEdit[];
}

export interface ReportFinding {
  ruleId: string;
  severity: RuleSeverity;
  kind: 'deny' | 'warn';
  message: string;
  location: ReportLocation;
  resource?: string;
  path?: (string | number)[];
  fingerprint: string;
  suppressed?: { by: string; reason?: string };
  /** The rule's own fix operations (format-neutral). */
  fix?: FixOperation[];
  related: { message: string; location: ReportLocation }[];
  /** Verified fixes, preferred first; empty when none was verified (or verification was off). */
  fixes: ReportFix[];
}

export interface ReportDiagnostic {
  source: 'terraform' | 'policy' | 'config' | 'scan';
  severity: string;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ScanReport {
  tool: { name: string; version: string; informationUri: string };
  rules: RuleMetadata[];
  /** Shown and suppressed findings (after the baseline), by file then position. */
  findings: ReportFinding[];
  diagnostics: ReportDiagnostic[];
  units: number;
  files: number;
  /** Whether fixes were verified (json `fixable` means something only then). */
  fixesVerified: boolean;
  baseline?: { file: string; known: number };
  /** Findings the baseline already knew (removed from `findings`). */
  known: ReportFinding[];
  /** Every (rule, resource) pair a rule with `resource_types` evaluated: JUnit's test cases. */
  evaluated: { ruleId: string; resource: string; file: string }[];
  timing: { totalMs: number; frontEndMs: number; policyMs: number; fixMs: number };
}

export interface BuildReportInput {
  outcomes: UnitOutcome[];
  rules: RuleMetadata[];
  packDiagnostics: PolicyDiagnostic[];
  packDir: string;
  cwd: string;
  host: FileHost;
  fixesVerified: boolean;
  version: string;
}

export const INFORMATION_URI = 'https://palisade.dev';

/** Turns unit outcomes into one report; a finding seen by two units (a local module) is kept once. */
export function buildReport(input: BuildReportInput): ScanReport {
  const { cwd, host } = input;
  const locate = (file: string, start: number, end: number): ReportLocation => {
    const abs = isAbsolute(file) ? file : posix.join(cwd, file);
    const [startLine, startColumn] = positionIn(host, abs, start);
    const [endLine, endColumn] = positionIn(host, abs, end);
    return { file: isAbsolute(file) ? posix.relative(cwd, file) || file : file, startLine, startColumn, endLine, endColumn };
  };
  const diagnostics: ReportDiagnostic[] = input.packDiagnostics.map((d) => policyDiagnostic(d, input.packDir, locate));
  const findings: ReportFinding[] = [];
  const reported = new Set<string>();
  const seenDiagnostics = new Set<string>();
  const seenConfigs = new Set<string>();
  const files = new Set<string>();
  const timing = { totalMs: 0, frontEndMs: 0, policyMs: 0, fixMs: 0 };
  const evaluated: ScanReport['evaluated'] = [];
  const seenPairs = new Set<string>();
  const rulesByType = new Map<string, RuleMetadata[]>();
  for (const rule of input.rules) {
    for (const type of rule.resourceTypes) {
      const list = rulesByType.get(type);
      if (list) list.push(rule);
      else rulesByType.set(type, [rule]);
    }
  }
  const pushDiagnostic = (d: ReportDiagnostic) => {
    const key = JSON.stringify(d);
    if (seenDiagnostics.has(key)) return;
    seenDiagnostics.add(key);
    diagnostics.push(d);
  };

  for (const outcome of input.outcomes) {
    if (outcome.error) pushDiagnostic({ source: 'scan', severity: 'error', code: 'internal-error', message: `scanning ${posix.relative(cwd, outcome.dir) || '.'} failed: ${outcome.error.split('\n')[0]}`, file: posix.relative(cwd, outcome.dir) || '.' });
    if (outcome.configFile && !seenConfigs.has(outcome.configFile)) {
      seenConfigs.add(outcome.configFile);
      for (const d of outcome.configDiagnostics) pushDiagnostic({ ...policyDiagnostic({ ...d, file: outcome.configFile }, '', locate), source: 'config' });
    }
    for (const f of outcome.files) files.add(f);
    const active = new Set(outcome.activeRules);
    for (const r of outcome.resources) {
      for (const rule of rulesByType.get(r.type) ?? []) {
        const pair = `${rule.id}|${r.key}`;
        if (!active.has(rule.id) || seenPairs.has(pair)) continue;
        seenPairs.add(pair);
        evaluated.push({ ruleId: rule.id, resource: r.address, file: r.file });
      }
    }
    for (const d of outcome.frontEnd) {
      const loc = locate(d.file, d.start, d.end);
      pushDiagnostic({ source: 'terraform', severity: d.severity, code: d.code, message: d.message, file: loc.file, line: loc.startLine, column: loc.startColumn });
    }
    for (const d of outcome.policy) pushDiagnostic(policyDiagnostic(d, input.packDir, locate));
    timing.frontEndMs += outcome.timing.frontEndMs;
    timing.policyMs += outcome.timing.policyMs;
    timing.fixMs += outcome.timing.fixMs;
    for (const f of outcome.findings) {
      const key = reportKeyOf(f);
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push(toReportFinding(f, outcome.fixes[f.fingerprint] ?? [], locate));
    }
  }
  findings.sort(compareFindings);
  return {
    tool: { name: 'palisade', version: input.version, informationUri: INFORMATION_URI },
    rules: input.rules,
    findings,
    diagnostics,
    units: input.outcomes.length,
    files: files.size,
    fixesVerified: input.fixesVerified,
    known: [],
    evaluated,
    timing,
  };
}

type Locate = (file: string, start: number, end: number) => ReportLocation;

function toReportFinding(f: Finding, fixes: VerifiedFix[], locate: Locate): ReportFinding {
  const out: ReportFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    kind: f.kind,
    message: f.message,
    location: locate(f.range.file, f.range.start, f.range.end),
    fingerprint: f.fingerprint,
    related: (f.related ?? []).map((r) => ({ message: r.message, location: locate(r.range.file, r.range.start, r.range.end) })),
    fixes: fixes.map((fix) => ({
      title: fix.title,
      source: fix.source,
      preferred: fix.preferred,
      ...(fix.detail ? { detail: fix.detail } : {}),
      edits: fix.edits.map((e) => ({ location: locate(e.file, e.start, e.end), newText: e.newText })),
    })),
  };
  if (f.resource !== undefined) out.resource = f.resource;
  if (f.path !== undefined) out.path = f.path;
  if (f.suppressed) out.suppressed = f.suppressed;
  if (f.fix) out.fix = f.fix;
  return out;
}

function policyDiagnostic(d: PolicyDiagnostic, baseDir: string, locate: Locate): ReportDiagnostic {
  const out: ReportDiagnostic = { source: 'policy', severity: d.severity, code: d.code, message: d.message };
  if (d.file) {
    const abs = isAbsolute(d.file) ? d.file : posix.join(baseDir, d.file);
    const loc = locate(abs, d.start ?? 0, d.end ?? d.start ?? 0);
    out.file = loc.file;
    if (d.start !== undefined) [out.line, out.column] = [loc.startLine, loc.startColumn];
  }
  return out;
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    compare(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/** Findings that fail the run: shown, unsuppressed, at or above `failOn`. */
export function failingFindings(report: ScanReport, failOn: RuleSeverity | 'none'): ReportFinding[] {
  if (failOn === 'none') return [];
  const threshold = severityRank(failOn);
  return report.findings.filter((f) => !f.suppressed && severityRank(f.severity) >= threshold);
}
