// Scanning with document-shaped packs (policy/adapters.ts): the documents of a Terraform unit (each
// .tf file as Conftest presents HCL), and the scan entry point for a YAML/JSON file, which only
// packs reading `conftest` or `raw` input look at (plain scans of Terraform never open such files).
import type { FileHost } from '../iac/model';
import { parseDocuments, type ParsedDocument } from '../iac/documents';
import type { ParsedFile } from '../iac/terraform';
import { evaluateAdapted, type AdapterDocument, type DocumentShape } from './adapters';
import { DEFAULT_CONFIG, isExcluded, ruleOverride, type PalisadeConfig } from './config';
import { conftestTerraformInput } from './conftest-input';
import { fingerprintOf } from './evaluate';
import { applySuppressions } from './suppressions';
import { severityRank, type ExternalRule, type Finding, type PolicyDiagnostic, type RuleMetadata, type RulePack } from './types';
import type { FrontEndDiagnostic } from '../iac/model';

/** Whether some rule of the pack reads documents (a Conftest or raw pack): only then are YAML/JSON files scanned. */
export function packReadsDocuments(pack: RulePack): boolean {
  for (const rule of pack.external?.values() ?? []) if (isDocumentRule(rule)) return true;
  return false;
}

function isDocumentRule(rule: ExternalRule | undefined): rule is ExternalRule & { input: DocumentShape } {
  return rule?.input === 'conftest' || rule?.input === 'raw';
}

/**
 * A Terraform unit's documents for document-shaped rules: each of its `.tf` files (by absolute path in
 * `parsed`) in Conftest's HCL shape — for `raw` too, as HCL has no other parsed-document form.
 */
export function terraformDocuments(parsed: Map<string, ParsedFile>, root: string): () => AdapterDocument[] {
  let cached: AdapterDocument[] | undefined;
  return () =>
    (cached ??= [...parsed.entries()]
      .filter(([path]) => path.endsWith('.tf'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, file]) => ({ file: relativeTo(root, path), index: 0, input: conftestTerraformInput(file), start: 0 })));
}

export interface DocumentScanOptions {
  /** The YAML/JSON file, absolute, `/`-separated. */
  file: string;
  root: string;
  pack: RulePack;
  config?: PalisadeConfig;
}

export interface DocumentScan {
  file: string;
  /** Relative file path, as in findings. */
  relative: string;
  documents: ParsedDocument[];
  findings: Finding[];
  frontEnd: FrontEndDiagnostic[];
  diagnostics: PolicyDiagnostic[];
  /** Ids of the rules that looked at the file. */
  rulesRun: string[];
  timing: { frontEndMs: number; policyMs: number };
}

/** `kubernetes`, `cloudformation`, else `yaml` / `json`: what `formats` in METADATA can name for a document. */
export function documentFormat(file: string, value: unknown): string {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (typeof record.apiVersion === 'string' && typeof record.kind === 'string') return 'kubernetes';
  if ('AWSTemplateFormatVersion' in record || (typeof record.Resources === 'object' && record.Resources !== null)) return 'cloudformation';
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Runs every document-shaped rule of the pack over each document of one YAML/JSON file. */
export function scanDocumentFile(host: FileHost, options: DocumentScanOptions): DocumentScan {
  const config = options.config ?? DEFAULT_CONFIG;
  const relative = relativeTo(options.root, options.file);
  const started = performance.now();
  const text = host.readFile(options.file);
  const parsed = text === undefined ? { documents: [], diagnostics: [{ file: relative, start: 0, end: 0, severity: 'error' as const, code: 'document-read', message: 'cannot read the file' }] } : parseDocuments(text, relative);
  const parsedDone = performance.now();
  const out: DocumentScan = { file: options.file, relative, documents: parsed.documents, findings: [], frontEnd: parsed.diagnostics, diagnostics: [], rulesRun: [], timing: { frontEndMs: parsedDone - started, policyMs: 0 } };
  if (isExcluded(config, options.file)) return out;

  const documents: AdapterDocument[] = parsed.documents.map((d) => ({ file: relative, index: d.index, input: d.value, start: d.start }));
  const formats = new Set(parsed.documents.map((d) => documentFormat(relative, d.value)));
  const found: Finding[] = [];
  for (const rule of options.pack.rules) {
    const external = options.pack.external?.get(rule.id);
    if (!isDocumentRule(external) || ruleOverride(config, rule.id)?.enabled === false) continue;
    if (rule.formats.length > 0 && !rule.formats.some((f) => formats.has(f))) continue;
    out.rulesRun.push(rule.id);
    const severity = ruleOverride(config, rule.id)?.severity ?? rule.severity;
    const run = evaluateAdapted(rule, external, documents, { sourceMaps: new Map(), severity, fingerprint: fingerprintOf });
    found.push(...run.findings);
    out.diagnostics.push(...run.diagnostics);
  }
  const rules = new Map<string, RuleMetadata>(options.pack.rules.map((r) => [r.id, r]));
  const withSuppressions = applySuppressions(found, { textOf: () => text, rules, placements: new Map() });
  const threshold = config.severityThreshold ? severityRank(config.severityThreshold) : -1;
  out.findings = withSuppressions
    .filter((f) => ruleOverride(config, f.ruleId)?.enabled !== false && severityRank(f.severity) >= threshold)
    .sort((a, b) => a.range.start - b.range.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  out.timing.policyMs = performance.now() - parsedDone;
  return out;
}

function relativeTo(root: string, path: string): string {
  const base = root.replace(/\/$/, '');
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
}
