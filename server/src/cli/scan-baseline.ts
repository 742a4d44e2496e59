// `--baseline FILE`: a previous `palisade scan` report (JSON or SARIF). A finding is known when the
// baseline holds one with the same rule, resource and fingerprint. Fingerprints hash rule,
// resource address and attribute path (not the line), so moving code does not make it new.
import type { ReportFinding, ScanReport } from './scan-report';

export interface Baseline {
  keys: Set<string>;
}

/** Parses a baseline report; `error` explains why the text is not one. */
export function parseBaseline(text: string): { baseline?: Baseline; error?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { error: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isRecord(doc)) return { error: 'not a palisade JSON or SARIF report' };
  const keys = new Set<string>();
  if (Array.isArray(doc.runs)) {
    for (const run of doc.runs) {
      if (!isRecord(run) || !Array.isArray(run.results)) continue;
      for (const result of run.results) {
        if (!isRecord(result)) continue;
        const ruleId = typeof result.ruleId === 'string' ? result.ruleId : undefined;
        const fingerprints = isRecord(result.partialFingerprints) ? result.partialFingerprints : {};
        const fingerprint = typeof fingerprints[FINGERPRINT_KEY] === 'string' ? fingerprints[FINGERPRINT_KEY] : undefined;
        const properties = isRecord(result.properties) ? result.properties : {};
        const resource = typeof properties.resource === 'string' ? properties.resource : '';
        if (ruleId && fingerprint) keys.add(keyOf(ruleId, resource, fingerprint));
      }
    }
    return { baseline: { keys } };
  }
  if (Array.isArray(doc.findings)) {
    for (const f of doc.findings) {
      if (!isRecord(f) || typeof f.ruleId !== 'string' || typeof f.fingerprint !== 'string') continue;
      keys.add(keyOf(f.ruleId, typeof f.resource === 'string' ? f.resource : '', f.fingerprint));
    }
    return { baseline: { keys } };
  }
  return { error: 'neither a palisade JSON report ({"findings": …}) nor SARIF ({"runs": …})' };
}

/** SARIF `partialFingerprints` key under which palisade stores its fingerprint. */
export const FINGERPRINT_KEY = 'palisade/v1';

export function baselineKey(f: Pick<ReportFinding, 'ruleId' | 'resource' | 'fingerprint'>): string {
  return keyOf(f.ruleId, f.resource ?? '', f.fingerprint);
}

/** Drops known findings from the report (in place) and records how many were known. */
export function applyBaseline(report: ScanReport, baseline: Baseline, file: string): void {
  report.known = report.findings.filter((f) => baseline.keys.has(baselineKey(f)));
  report.findings = report.findings.filter((f) => !baseline.keys.has(baselineKey(f)));
  report.baseline = { file, known: report.known.length };
}

function keyOf(ruleId: string, resource: string, fingerprint: string): string {
  return `${ruleId}\u0000${resource}\u0000${fingerprint}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
