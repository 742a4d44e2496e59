// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (docs/ci.md). Every pack rule is
// a reportingDescriptor; results carry a stable partial fingerprint, in-source suppressions with
// their justification, and each verified fix as a SARIF `fix` (artifactChanges/replacements).
// Regions are 1-based with an exclusive end column, in UTF-16 code units (`columnKind`).
import { pathToFileURL } from 'node:url';
import type { RuleMetadata, RuleSeverity } from '../../policy';
import { FINGERPRINT_KEY } from '../scan-baseline';
import type { ReportDiagnostic, ReportFinding, ReportLocation, ScanReport } from '../scan-report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * GitHub's `security-severity` (0–10): its bands are critical > 9.0, high 7.0–8.9, medium
 * 4.0–6.9, low 0.1–3.9; each palisade severity maps into the middle of its band.
 */
export const SECURITY_SEVERITY: Record<RuleSeverity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

/** SARIF result level: failing severities are errors, medium a warning, the rest notes. */
export const SARIF_LEVEL: Record<RuleSeverity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

type Json = Record<string, unknown>;

export function formatSarif(report: ScanReport, cwd: string): string {
  const rules = [...report.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const descriptors: Json[] = rules.map(ruleDescriptor);
  const indexById = new Map(rules.map((r, i) => [r.id, i]));
  // Findings from outside the pack (e.g. a suppression without a reason) still need a descriptor.
  for (const f of report.findings) {
    if (indexById.has(f.ruleId)) continue;
    indexById.set(f.ruleId, descriptors.length);
    descriptors.push({ id: f.ruleId, name: f.ruleId, shortDescription: { text: f.ruleId }, defaultConfiguration: { level: SARIF_LEVEL[f.severity] }, properties: { 'security-severity': SECURITY_SEVERITY[f.severity], tags: ['security'] } });
  }
  const failed = report.diagnostics.some((d) => d.source === 'scan' && d.severity === 'error');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Palisade', version: report.tool.version, semanticVersion: report.tool.version, informationUri: report.tool.informationUri, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, indexById.get(f.ruleId) ?? -1)),
        invocations: [{ executionSuccessful: !failed, toolExecutionNotifications: report.diagnostics.filter((d) => d.severity !== 'info' && d.severity !== 'hint').map(notification) }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: RuleMetadata): Json {
  const tags = ['security', ...rule.formats, ...Object.keys(rule.frameworks), ...cweTags(rule)];
  return {
    id: rule.id,
    name: pascalCase(rule.packagePath.split('.').pop() ?? rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description.trim() || rule.title },
    helpUri: rule.docsUrl,
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.severity],
      tags: [...new Set(tags)],
      precision: 'high',
      'problem.severity': rule.severity === 'critical' || rule.severity === 'high' ? 'error' : rule.severity === 'medium' ? 'warning' : 'recommendation',
      severity: rule.severity,
      ...(Object.keys(rule.frameworks).length > 0 ? { frameworks: rule.frameworks } : {}),
      ...(Object.keys(rule.references).length > 0 ? { equivalents: rule.references } : {}),
      ...(rule.cwe && rule.cwe.length > 0 ? { cwe: rule.cwe } : {}),
      fixable: rule.fixable,
    },
  };
}

/**
 * `custom.cwe: [CWE-284]` in a rule's METADATA (also the older `references: {cwe: …}`) becomes
 * GitHub's `external/cwe/cwe-284` tag, which code scanning shows and filters on.
 */
export function cweTags(rule: RuleMetadata): string[] {
  return [...(rule.cwe ?? []), ...(rule.references.cwe ?? [])]
    .map((c) => String(c).toLowerCase().replace(/^cwe-?/, ''))
    .filter((n) => /^\d+$/.test(n))
    .map((n) => `external/cwe/cwe-${Number(n)}`);
}

function helpText(rule: RuleMetadata): string {
  return [rule.title, rule.description.trim(), rule.remediation ? `Remediation: ${rule.remediation}` : '', `Documentation: ${rule.docsUrl}`].filter((s) => s !== '').join('\n\n');
}

function helpMarkdown(rule: RuleMetadata): string {
  const lines = [`**${rule.title}** (\`${rule.id}\`, ${rule.severity})`, '', rule.description.trim()];
  if (rule.remediation) lines.push('', `**Remediation:** ${rule.remediation}`);
  const frameworks = Object.entries(rule.frameworks);
  if (frameworks.length > 0) lines.push('', '**Frameworks:** ' + frameworks.map(([name, controls]) => `${name} ${controls.join(', ')}`).join('; '));
  const equivalents = Object.entries(rule.references).filter(([tool]) => tool !== 'cwe');
  if (equivalents.length > 0) lines.push('', '**Equivalent checks:** ' + equivalents.map(([tool, ids]) => `${tool} ${ids.join(', ')}`).join('; '));
  lines.push('', `[Rule documentation](${rule.docsUrl})`);
  for (const link of rule.links.filter((l) => l !== rule.docsUrl)) lines.push(`- <${link}>`);
  return lines.join('\n');
}

function result(f: ReportFinding, ruleIndex: number): Json {
  const out: Json = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physical(f.location), ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] } : {}) }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { severity: f.severity, 'security-severity': SECURITY_SEVERITY[f.severity], ...(f.resource ? { resource: f.resource } : {}), ...(f.path ? { path: f.path } : {}) },
  };
  if (f.related.length > 0) out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.location), message: { text: r.message } }));
  if (f.suppressed) out.suppressions = [{ kind: 'inSource', justification: f.suppressed.reason ?? f.suppressed.by, properties: { comment: f.suppressed.by } }];
  if (f.fixes.length > 0) {
    out.fixes = f.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: groupByFile(fix.edits).map(([file, edits]) => ({
        artifactLocation: artifact(file),
        replacements: edits.map((e) => ({ deletedRegion: region(e.location), insertedContent: { text: e.newText } })),
      })),
    }));
  }
  return out;
}

function groupByFile<T extends { location: ReportLocation }>(edits: T[]): [string, T[]][] {
  const byFile = new Map<string, T[]>();
  for (const e of edits) {
    const list = byFile.get(e.location.file);
    if (list) list.push(e);
    else byFile.set(e.location.file, [e]);
  }
  return [...byFile];
}

function physical(loc: ReportLocation): Json {
  return { artifactLocation: artifact(loc.file), region: region(loc) };
}

function artifact(file: string): Json {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(loc: ReportLocation): Json {
  return { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn };
}

function notification(d: ReportDiagnostic): Json {
  const out: Json = { level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note', message: { text: d.message }, descriptor: { id: d.code } };
  if (d.file) out.locations = [{ physicalLocation: { artifactLocation: artifact(d.file), ...(d.line ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}) } }];
  return out;
}

function pascalCase(name: string): string {
  return name.split(/[_\-\s]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
