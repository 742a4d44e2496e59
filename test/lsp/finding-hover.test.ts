// End to end through the bundled server: hovering a flagged range explains the rule (title,
// description, remediation, compliance controls, docs link, peers) and shows the value the rule
// saw; on an expression the value hover comes first and the finding follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPack, type RuleMetadata } from '../../server/src/policy';
import { builtinPackDir, readPackFiles } from '../../server/src/workspace/policy-files';
import { TestServer, tempWorkspace, uriOf } from './harness';

/** The built-in rules' metadata, as the server reads it (the expectations come from the pack, not from here). */
function builtinRule(id: string): RuleMetadata {
  const pack = loadPack(readPackFiles(builtinPackDir()!), { name: 'builtin', check: false });
  const rule = pack.rules.find((r) => r.id === id);
  assert.ok(rule, `${id} is a built-in rule`);
  return rule;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MAIN = [
  'variable "block_acls" {',
  '  default = false',
  '}',
  '',
  'resource "aws_s3_bucket_public_access_block" "logs" {',
  '  bucket                  = "corp-logs"',
  '  block_public_acls       = var.block_acls',
  '  block_public_policy     = true',
  '  ignore_public_acls      = true',
  '  restrict_public_buckets = true',
  '}',
  '',
].join('\n');

test('hover on a finding shows the rule, its controls and the evaluated value, merged with the value hover', async () => {
  const ws = tempWorkspace({ 'main.tf': MAIN });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.range.start.line === 6 && 'data' in d), 0, 20_000);
    const finding = published.diagnostics.find((d) => d.range.start.line === 6 && 'data' in d)!;
    const rule = builtinRule(String(finding.code));

    const hover = await server.hover(uri, { line: 6, character: 32 });
    assert.ok(hover, 'a hover on the flagged value');
    const text = hover.contents.value;
    assert.equal(hover.contents.kind, 'markdown');
    // The value hover first: the expression, its value and where it came from.
    assert.ok(text.startsWith('`var.block_acls`'), text.slice(0, 80));
    const separator = text.indexOf('\n\n---\n\n');
    assert.ok(separator > 0, 'the finding follows the value hover');
    const about = text.slice(separator);
    assert.ok(about.includes(`**${rule.id}** · ${rule.severity} — ${rule.title}`), 'id, severity and title');
    assert.ok(about.includes(finding.message), 'the finding message');
    assert.ok(about.includes(rule.description.trim()), 'the description');
    assert.ok(rule.remediation && about.includes(`*Remediation:* ${rule.remediation}`), 'the remediation');
    const controls = Object.entries(rule.frameworks);
    assert.ok(controls.length > 0, 'the rule maps to compliance controls');
    for (const [framework, ids] of controls) assert.ok(about.includes(`- ${framework} ${ids.join(', ')}`), framework);
    for (const [tool, ids] of Object.entries(rule.references)) if (ids.length > 0) assert.match(about, new RegExp(`${escape(tool)} ${escape(ids.join(', '))}`), tool);
    assert.match(about, /\*Evaluated `aws_s3_bucket_public_access_block\.logs\.block_public_acls`:\*\n```json\nfalse\n```/);
    assert.ok(about.includes(`[Rule documentation](${rule.docsUrl})`), 'the docs link');
    assert.ok(about.includes(`# palisade:ignore ${rule.id} <reason>`), 'how to suppress');

    const elsewhere = await server.hover(uri, { line: 7, character: 30 });
    assert.ok(!(elsewhere?.contents.value ?? '').includes(rule.id), 'no finding text on an unflagged attribute');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('hover on a finding placed on a resource header stands alone and covers the flagged range', async () => {
  const text = 'resource "aws_s3_bucket" "data" {\n  bucket = "corp-data"\n}\n';
  const ws = tempWorkspace({ 'main.tf': text });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, text, 1);
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'PAL-AWS-S3-003'), 0, 20_000);
    const finding = published.diagnostics.find((d) => d.code === 'PAL-AWS-S3-003')!;
    const hover = await server.hover(uri, { line: finding.range.start.line, character: finding.range.start.character + 1 });
    assert.ok(hover);
    assert.ok(hover.contents.value.startsWith('**'), 'the finding text starts the hover (no value hover on a header)');
    assert.match(hover.contents.value, /PAL-AWS-S3-003/);
    assert.match(hover.contents.value, /has no public access block/);
    assert.doesNotMatch(hover.contents.value, /\*Evaluated/, 'a whole resource is not dumped as "the value"');
    assert.ok(hover.range, 'the hover names its range');
    const start = hover.range.start;
    assert.ok(start.line < finding.range.start.line || (start.line === finding.range.start.line && start.character <= finding.range.start.character));
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
