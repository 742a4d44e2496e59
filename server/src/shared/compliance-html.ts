// The compliance report as HTML. `palisade report --format html`: one self-contained page (inline
// CSS and SVG, no script, no external resource) that a manager can open from a CI artifact and
// print. The VS Code dashboard renders the same page with its own CSP, nonce, theme colours,
// location links and refresh button (client/src/dashboard.ts).
import { COMPLIANCE_SEVERITIES as SEVERITIES, percent, type ComplianceReport, type Counts } from './compliance';
import { bars, COLORS, donut, esc, rateRow, stacked } from './compliance-svg';
import { counted } from './plural';

/** The standalone file's policy: inline styles and data: images, nothing else. */
export const STANDALONE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ComplianceHtmlOptions {
  /** The page's Content-Security-Policy (default STANDALONE_CSP). */
  contentSecurityPolicy?: string;
  /** Set on the <style> and <script> elements, for a policy that allows only nonce'd ones. */
  nonce?: string;
  /** CSS appended to the report's own (the dashboard's theme colours). */
  extraStyle?: string;
  /** Already-escaped HTML placed under the title (the dashboard's toolbar). */
  toolbarHtml?: string;
  /** Finding locations become `<a class="location" data-file data-line>` links (for the script to open). */
  linkLocations?: boolean;
  /** Inline script (only written when `nonce` is set). */
  script?: string;
}

const MAX_FINDINGS = 500;

const STYLE = `
body{font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#212121;margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.4rem}
.meta{color:#616161}.warn{background:#fff3e0;border-left:4px solid #ef6c00;padding:.5rem .8rem}
.cards{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #e0e0e0;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart text{font-size:13px;fill:#212121}.chart text.big{font-size:22px;font-weight:600}
.sev{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:12px}
.sev.critical{background:${COLORS.critical}}.sev.high{background:${COLORS.high}}.sev.medium{background:${COLORS.medium}}.sev.low{background:${COLORS.low};color:#212121}.sev.info{background:${COLORS.info}}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}tr,svg{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

export function formatHtml(report: ComplianceReport, options: ComplianceHtmlOptions = {}): string {
  const o = report.overall.evaluations;
  const parts: string[] = [];
  const nonce = options.nonce === undefined ? '' : ` nonce="${esc(options.nonce)}"`;
  const csp = options.contentSecurityPolicy ?? STANDALONE_CSP;
  parts.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8"/>', `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}"/>`, '<meta name="viewport" content="width=device-width, initial-scale=1"/>', '<title>Palisade compliance report</title>', `<style${nonce}>${STYLE}${options.extraStyle ?? ''}</style>`, '</head>', '<body>');
  parts.push('<h1>Palisade compliance report</h1>');
  if (options.toolbarHtml) parts.push(options.toolbarHtml);
  const scope = report.scope;
  parts.push(`<p class="meta">${counted(scope.units, 'unit')}, ${counted(scope.files, 'file')}, ${counted(scope.resources, 'resource')} evaluated by ${counted(scope.rules, 'rule')} · ${esc(report.tool.name)} ${esc(report.tool.version)}</p>`);
  if (report.problems > 0) parts.push(`<p class="warn">${counted(report.problems, 'error')} occurred while scanning; figures may be incomplete (run <code>palisade scan</code> for details).</p>`);

  parts.push('<h2>Overall policy compliance</h2>', '<div class="cards">');
  parts.push(donut([
    { label: 'passing', value: o.passing, color: COLORS.passing },
    { label: 'failing', value: o.failing, color: COLORS.failing },
    { label: 'suppressed', value: o.suppressed, color: COLORS.suppressed },
  ], percent(report.overall.complianceRate), 'Rule × resource evaluations'));
  parts.push(`<p>Policy compliance rate <strong id="overall-rate">${percent(report.overall.complianceRate)}</strong>: ${o.passing} of ${o.passing + o.failing} rule × resource evaluations pass (${o.suppressed} suppressed, not counted).</p>`);
  parts.push('</div>');

  parts.push('<h2>Frameworks</h2>');
  if (report.frameworks.length === 0) parts.push('<p>The rule pack maps no rule to a framework.</p>');
  else {
    parts.push(bars(report.frameworks.map((f) => rateRow(f.name, f.complianceRate)), 'Compliance rate per framework'));
    parts.push(table(['Framework', 'Compliance rate', 'Resources evaluated', 'Passing', 'Failing', 'Suppressed', 'Controls'], report.frameworks.map((f) => [esc(f.name), num(percent(f.complianceRate)), ...countCells(f.resources), num(String(f.controls.length))])));
  }
  for (const f of report.frameworks) {
    parts.push(`<h3>${esc(f.name)}</h3>`);
    parts.push(table(['Control', 'Rules', 'Resources evaluated', 'Passing', 'Failing', 'Suppressed', 'Compliance rate', ''], f.controls.map((c) => [esc(c.id), c.rules.map(esc).join('<br/>'), ...countCells(c.resources), num(percent(c.complianceRate)), stacked(c.resources.passing, c.resources.suppressed, c.resources.failing)])));
  }

  parts.push('<h2>Findings by severity</h2>');
  const maxSeverity = Math.max(1, ...SEVERITIES.map((s) => report.findingsBySeverity[s]));
  parts.push(bars(SEVERITIES.map((s) => ({ label: s, value: report.findingsBySeverity[s], max: maxSeverity, color: COLORS[s], text: String(report.findingsBySeverity[s]) })), 'Unsuppressed findings by severity'));

  const fx = report.fixes;
  parts.push('<h2>Automatic fixes</h2>');
  parts.push(`<p><strong id="fix-share">${percent(fx.share)}</strong> of unsuppressed findings (${fx.withAutomaticFix} of ${fx.findings}) have an automatic fix (${fx.method === 'verified' ? 'verified by re-scanning the fixed code' : "according to the rules' fixable flag"}).</p>`);

  parts.push('<h2>Rules</h2>');
  parts.push(table(['Rule', 'Severity', 'Frameworks', 'Evaluations', 'Failing', 'Suppressed', 'Compliance rate'], report.rules.map((r) => [`${esc(r.id)}<br/>${esc(r.title)}`, sev(r.severity), esc(r.frameworks.join(', ') || '—'), num(String(r.evaluations.evaluated)), num(String(r.evaluations.failing)), num(String(r.evaluations.suppressed)), num(percent(r.complianceRate))])));

  parts.push('<h2>Findings</h2>');
  if (report.findings.length === 0) parts.push('<p>No findings.</p>');
  else {
    const rows = report.findings.slice(0, MAX_FINDINGS).map((f) => [sev(f.severity), esc(f.ruleId), esc(f.resource ?? ''), location(f.file, f.line, options.linkLocations === true), esc(f.message), f.suppressed ? 'suppressed' : f.fixable ? 'open, fix available' : 'open']);
    parts.push(table(['Severity', 'Rule', 'Resource', 'Location', 'Message', 'Status'], rows));
    if (report.findings.length > MAX_FINDINGS) parts.push(`<p>…and ${report.findings.length - MAX_FINDINGS} more (see the JSON report).</p>`);
  }
  if (options.script !== undefined && options.nonce !== undefined) parts.push(`<script${nonce}>${options.script}</script>`);
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}

function num(text: string): string {
  return `<td class="n">${text}</td>`;
}

function countCells(c: Counts): string[] {
  return [num(String(c.evaluated)), num(String(c.passing)), num(String(c.failing)), num(String(c.suppressed))];
}

function sev(severity: string): string {
  return `<span class="sev ${esc(severity)}">${esc(severity)}</span>`;
}

function location(file: string, line: number, link: boolean): string {
  const text = esc(`${file}:${line}`);
  return link ? `<a class="location" href="#" data-file="${esc(file)}" data-line="${line}">${text}</a>` : text;
}
