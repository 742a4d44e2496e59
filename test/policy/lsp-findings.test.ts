// End to end through the bundled language server (dist/server.js): rule findings are published
// with the front end's diagnostics, link to their docs, show in hovers, honour suppressions, and a
// malformed .palisade.yaml is reported on itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, tempWorkspace, uriOf, type Diagnostic } from '../lsp/harness';

const MAIN = [
  'resource "aws_s3_bucket_public_access_block" "logs" {',
  '  bucket                  = "corp-logs"',
  '  block_public_acls       = false',
  '  block_public_policy     = true',
  '  ignore_public_acls      = true',
  '  # palisade:ignore PAL-AWS-S3-002 the account-level block covers this',
  '  restrict_public_buckets = false',
  '}',
  '',
].join('\n');

type WithHref = Diagnostic & { codeDescription?: { href: string } };

test('findings are published as diagnostics with docs links, suppressions honoured, and hovers explain them', async () => {
  const ws = tempWorkspace({ 'main.tf': MAIN });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'PAL-AWS-S3-002'), 0, 15_000);
    const findings = published.diagnostics.filter((d) => d.code === 'PAL-AWS-S3-002') as WithHref[];
    assert.equal(findings.length, 1, 'the suppressed restrict_public_buckets finding is not shown');
    const f = findings[0];
    assert.deepEqual(f.range, { start: { line: 2, character: 28 }, end: { line: 2, character: 33 } });
    assert.equal(f.severity, 1, 'high → Error');
    assert.equal(f.source, 'palisade');
    assert.equal(f.codeDescription?.href, 'https://palisade.dev/rules/PAL-AWS-S3-002');
    assert.match(f.message, /block_public_acls/);
    const data = (f as { data?: { ruleId: string; fingerprint: string } }).data;
    assert.equal(data?.ruleId, 'PAL-AWS-S3-002');
    assert.match(data?.fingerprint ?? '', /^[0-9a-f]{16}$/);

    const hover = await server.hover(uri, { line: 2, character: 30 });
    assert.ok(hover);
    const text = hover.contents.value;
    assert.match(text, /PAL-AWS-S3-002/);
    assert.match(text, /Remediation/);
    assert.match(text, /cis-aws-2\.0 2\.1\.4/);
    assert.match(text, /```json\nfalse\n```/, 'the evaluated value');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('a malformed .palisade.yaml is reported on the config file and the defaults stay in force', async () => {
  const ws = tempWorkspace({ 'main.tf': MAIN, '.palisade.yaml': 'rules:\n  PAL-AWS-S3-002: {enabled: false\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    const config = await server.waitForDiagnostics(uriOf(ws.path('.palisade.yaml')), (p) => p.diagnostics.length > 0, 0, 15_000);
    assert.equal(config.diagnostics[0].code, 'config-error');
    assert.equal(config.diagnostics[0].severity, 1);
    const main = await server.waitForDiagnostics(uri, (p) => p.version === 1, 0, 15_000);
    assert.ok(main.diagnostics.some((d) => d.code === 'PAL-AWS-S3-002'), 'the broken config disables nothing');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('a valid .palisade.yaml disables a rule for the workspace', async () => {
  const ws = tempWorkspace({ 'main.tf': MAIN, '.palisade.yaml': 'rules:\n  PAL-AWS-S3-002: {enabled: false}\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    await server.waitFor(() => server.analysisDone.find((d) => d.unit.endsWith(ws.root.split('/').pop()!)), 15_000, 'analysis');
    const main = await server.waitForDiagnostics(uri, (p) => p.version === 1, 0, 15_000);
    assert.deepEqual(main.diagnostics.filter((d) => d.code === 'PAL-AWS-S3-002'), []);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('editing .palisade.yaml into a broken state keeps the last good configuration in force', async () => {
  const good = 'rules:\n  PAL-AWS-S3-002: {enabled: false}\n';
  const ws = tempWorkspace({ 'main.tf': MAIN, '.palisade.yaml': good });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const configUri = uriOf(ws.path('.palisade.yaml'));
    await server.open(uri, MAIN, 1);
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1, 0, 15_000);
    assert.deepEqual(first.diagnostics.filter((d) => d.code === 'PAL-AWS-S3-002'), []);
    await server.waitFor(() => (server.analysisDone.length > 0 ? true : undefined), 15_000, 'the first analysis');
    const from = server.published.length;
    const doneAt = server.analysisDone.length;
    await server.open(configUri, good + 'severity_threshold: [\n', 1, 'yaml');
    const broken = await server.waitForDiagnostics(configUri, (p) => p.diagnostics.some((d) => d.code === 'config-error'), from, 15_000);
    assert.equal(broken.version, 1);
    // analysisDone follows the publication of every file of the unit, main.tf included.
    await server.waitFor(() => (server.analysisDone.length > doneAt ? true : undefined), 15_000, 'the re-analysis');
    const latest = server.latestDiagnostics(uri);
    assert.deepEqual(latest?.diagnostics.filter((d) => d.code === 'PAL-AWS-S3-002'), [], 'the rule stays disabled');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
