// The compliance report's HTML: the dashboard's pages (client/src/dashboard-html.ts) are locked
// down by their Content-Security-Policy, load nothing from outside, run no script without the
// nonce and escape whatever the scan found; the CLI's standalone page runs no script at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardCsp, messagePage, parseDashboardMessage, reportPage } from '../../client/src/dashboard-html';
import { buildCompliance, type ComplianceInput } from '../../server/src/report/compliance';
import { formatHtml } from '../../server/src/shared/compliance-html';
import { COMPLIANCE_SEVERITIES, type ComplianceReport } from '../../server/src/shared/compliance';
import { SEVERITIES, type RuleMetadata } from '../../server/src/policy';

const HOSTILE = '<script>alert("x")</script><img src="https://evil.example/p.png">';
const CONTEXT = { nonce: 'bm9uY2UtZm9yLXRlc3Q=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

function rule(id: string, frameworks: Record<string, string[]>): RuleMetadata {
  // Only the fields buildCompliance reads matter here; the rest keeps the type honest.
  return { id, title: `${id} title ${HOSTILE}`, description: '', severity: 'high', formats: ['terraform'], resourceTypes: ['aws_s3_bucket'], frameworks, references: {}, fixable: true } as unknown as RuleMetadata;
}

/** A small report through the real computation, with markup in every free-text field. */
function sampleReport(): ComplianceReport {
  const input: ComplianceInput = {
    tool: { name: 'palisade', version: '0.1.0', informationUri: 'https://palisade.dev' },
    rules: [rule('PAL-T-001', { 'cis-aws-2.0': ['2.1.1'] }), rule('PAL-T-002', { 'pci-dss-4.0': ['3.5'] })],
    findings: [
      { ruleId: 'PAL-T-001', severity: 'high', message: `bucket ${HOSTILE}`, resource: 'aws_s3_bucket.a', location: { file: 'app/main "quoted".tf', startLine: 7 }, fixes: [{}] },
      { ruleId: 'PAL-T-002', severity: 'high', message: 'accepted', resource: 'aws_s3_bucket.b', location: { file: 'app/main.tf', startLine: 12 }, suppressed: { by: 'palisade:ignore' }, fixes: [] },
    ],
    diagnostics: [],
    units: 1,
    files: 1,
    fixesVerified: true,
    evaluated: ['a', 'b', 'c'].flatMap((n) => ['PAL-T-001', 'PAL-T-002'].map((ruleId) => ({ ruleId, resource: `aws_s3_bucket.${n}`, file: 'app/main.tf' }))),
  };
  return buildCompliance(input);
}

function cspOf(html: string): Map<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  assert.ok(m, 'a Content-Security-Policy meta tag');
  const text = m[1].replace(/&#39;/g, "'");
  return new Map(text.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

/**
 * What the page could fetch or navigate to: URL-looking attribute values (outside the CSP meta tag
 * and SVG's namespace name, an identifier that is never fetched), `href`s other than "#", and CSS
 * `url(` / `@import`. Escaped text that merely mentions a URL is not a resource.
 */
function externalUrls(html: string): string[] {
  const out: string[] = [];
  const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  for (const m of withoutCsp.matchAll(/\s([a-zA-Z:-]+)\s*=\s*"([^"]*)"/g)) {
    const [, name, value] = m;
    if (name === 'xmlns' && value === 'http://www.w3.org/2000/svg') continue;
    if ((name === 'href' && value !== '#') || /^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(value) && !/^\d/.test(value)) out.push(`${name}=${value}`);
  }
  for (const m of withoutCsp.matchAll(/url\(|@import/gi)) out.push(m[0]);
  return out;
}

function assertLockedDown(html: string, nonce: string): void {
  const csp = cspOf(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`]);
  assert.deepEqual(csp.get('img-src'), ['data:']);
  assert.deepEqual(csp.get('style-src'), [CONTEXT.cspSource, `'nonce-${nonce}'`]);
  assert.deepEqual([...csp.keys()].sort(), ['default-src', 'img-src', 'script-src', 'style-src']);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
  assert.ok(scripts.length > 0);
  for (const attrs of scripts) assert.equal(attrs.trim(), `nonce="${nonce}"`, 'inline script only, with the nonce');
  for (const m of html.matchAll(/<style\b([^>]*)>/gi)) assert.equal(m[1].trim(), `nonce="${nonce}"`);
  // The policy would block these silently; the page must not need them.
  assert.equal(/\son[a-z]+\s*=\s*["']/i.test(html), false, 'no inline event handler attributes');
  assert.equal(/\sstyle\s*=\s*["']/i.test(html), false, 'no style attributes');
  assert.equal(/<(iframe|object|embed|link|base|form)\b/i.test(html), false);
  assert.equal(/\ssrc\s*=\s*["']/i.test(html), false, 'nothing is loaded');
  assert.deepEqual(externalUrls(html), []);
}

test('dashboard report page: CSP default-src none, nonce-only script and styles, no external URL, markup escaped', () => {
  const report = sampleReport();
  const html = reportPage({ report, folderName: `ws ${HOSTILE}`, durationMs: 42, updatedAt: new Date(0) }, CONTEXT);
  assertLockedDown(html, CONTEXT.nonce);
  assert.equal(html.includes('<script>alert'), false);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  // The figures are the report's: the overall rate and a location link per finding.
  assert.ok(html.includes(`<strong id="overall-rate">`));
  assert.equal(report.overall.evaluations.failing, 1);
  assert.equal(report.overall.evaluations.suppressed, 1);
  assert.ok(html.includes('<a class="location" href="#" data-file="app/main &quot;quoted&quot;.tf" data-line="7">'));
  assert.ok(html.includes('data-file="app/main.tf" data-line="12"'));
  assert.ok(html.includes('<button id="refresh"'));
  assert.ok(html.includes('cis-aws-2.0') && html.includes('pci-dss-4.0'));
});

test('dashboard message page (computing / error) is locked down the same way', () => {
  const html = messagePage('Palisade', `No report: ${HOSTILE}`, CONTEXT, true);
  assertLockedDown(html, CONTEXT.nonce);
  assert.equal(html.includes('<script>alert'), false);
  assert.equal(dashboardCsp(CONTEXT).includes('unsafe'), false);
});

test('CLI standalone HTML: CSP meta, no script at all, no external URL, no location links', () => {
  const html = formatHtml(sampleReport());
  const csp = cspOf(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.equal(csp.has('script-src'), false);
  assert.equal(/<script\b/i.test(html), false);
  assert.deepEqual(externalUrls(html), []);
  assert.equal(html.includes('class="location"'), false);
  assert.ok(html.includes('app/main.tf:12'));
});

test('messages from the page are checked before the extension acts on them', () => {
  assert.deepEqual(parseDashboardMessage({ type: 'refresh' }), { type: 'refresh' });
  assert.deepEqual(parseDashboardMessage({ type: 'open', file: 'app/main.tf', line: 7 }), { type: 'open', file: 'app/main.tf', line: 7 });
  for (const bad of [
    { type: 'open', file: '../outside.tf', line: 1 },
    { type: 'open', file: 'app/../../x.tf', line: 1 },
    { type: 'open', file: '/etc/passwd', line: 1 },
    { type: 'open', file: 'C:/x.tf', line: 1 },
    { type: 'open', file: 'a\\b.tf', line: 1 },
    { type: 'open', file: 'a.tf', line: 0 },
    { type: 'open', file: 'a.tf', line: 1.5 },
    { type: 'open', file: 'a.tf', line: '3' },
    { type: 'run', command: 'x' },
    null,
    'refresh',
  ]) assert.equal(parseDashboardMessage(bad), undefined, JSON.stringify(bad));
});

test('the shared severity list is the policy layer\'s', () => {
  assert.deepEqual([...COMPLIANCE_SEVERITIES], [...SEVERITIES]);
});
