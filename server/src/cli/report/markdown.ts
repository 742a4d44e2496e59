// `palisade report --format md`: the compliance report as GitHub-flavoured Markdown.
import { SEVERITIES } from '../../policy';
import { percent, type ComplianceReport, type Counts } from '../../shared/compliance';
import { counted } from '../../shared/plural';

const MAX_FINDINGS = 200;

export function formatMarkdown(report: ComplianceReport): string {
  const out: string[] = [];
  const o = report.overall.evaluations;
  out.push('# Palisade compliance report', '');
  out.push(`Policy compliance rate: **${percent(report.overall.complianceRate)}** (${o.passing} of ${o.passing + o.failing} rule × resource evaluations pass; ${o.suppressed} suppressed).`, '');
  const scope = report.scope;
  out.push(`Scope: ${counted(scope.units, 'unit')}, ${counted(scope.files, 'file')}, ${counted(scope.resources, 'resource')} evaluated by ${counted(scope.rules, 'rule')}. ${report.tool.name} ${report.tool.version}.`, '');
  if (report.problems > 0) out.push(`> **Warning:** ${counted(report.problems, 'error')} occurred while scanning; figures may be incomplete (run \`palisade scan\` for details).`, '');

  out.push('## Frameworks', '');
  if (report.frameworks.length === 0) out.push('The rule pack maps no rule to a framework.', '');
  else {
    out.push('| Framework | Compliance rate | Resources evaluated | Passing | Failing | Suppressed | Controls |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const f of report.frameworks) out.push(`| ${cell(f.name)} | ${percent(f.complianceRate)} | ${countsRow(f.resources)} | ${f.controls.length} |`);
    out.push('');
  }
  for (const f of report.frameworks) {
    out.push(`### ${f.name}`, '');
    out.push('| Control | Rules | Resources evaluated | Passing | Failing | Suppressed | Compliance rate |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const c of f.controls) out.push(`| ${cell(c.id)} | ${c.rules.map(cell).join(', ')} | ${countsRow(c.resources)} | ${percent(c.complianceRate)} |`);
    out.push('');
  }

  out.push('## Findings by severity', '', '| Severity | Findings |', '| --- | ---: |');
  for (const s of SEVERITIES) out.push(`| ${s} | ${report.findingsBySeverity[s]} |`);
  out.push('');
  const fx = report.fixes;
  out.push('## Automatic fixes', '');
  out.push(`${fx.withAutomaticFix} of ${counted(fx.findings, 'unsuppressed finding')} (${percent(fx.share)}) ${fx.withAutomaticFix === 1 ? 'has' : 'have'} an automatic fix (${fx.method === 'verified' ? 'verified by re-scanning the fixed code' : "according to the rules' fixable flag"}).`, '');

  out.push('## Rules', '', '| Rule | Severity | Frameworks | Evaluations | Failing | Suppressed | Compliance rate |', '| --- | --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of report.rules) out.push(`| ${cell(r.id)} ${cell(r.title)} | ${r.severity} | ${cell(r.frameworks.join(', ') || '—')} | ${r.evaluations.evaluated} | ${r.evaluations.failing} | ${r.evaluations.suppressed} | ${percent(r.complianceRate)} |`);
  out.push('');

  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('No findings.', '');
  else {
    out.push('| Severity | Rule | Resource | Location | Message | Status |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of report.findings.slice(0, MAX_FINDINGS)) {
      const status = f.suppressed ? 'suppressed' : f.fixable ? 'open, fix available' : 'open';
      out.push(`| ${f.severity} | ${cell(f.ruleId)} | ${cell(f.resource ?? '')} | ${cell(`${f.file}:${f.line}`)} | ${cell(f.message)} | ${status} |`);
    }
    if (report.findings.length > MAX_FINDINGS) out.push('', `…and ${report.findings.length - MAX_FINDINGS} more (see the JSON report).`);
    out.push('');
  }
  return out.join('\n');
}

function countsRow(c: Counts): string {
  return `${c.evaluated} | ${c.passing} | ${c.failing} | ${c.suppressed}`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
