// End to end through the bundled server: code actions on rule findings. Each applied edit goes
// back as didChange, and the next diagnostics must show the finding gone and nothing new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, tempWorkspace, uriOf, type PublishedDiagnostics } from './harness';
import { applyTextEdits, codeActions, editsFor, fingerprints, sendEdits, type FindingDiagnostic } from './code-actions-helpers';

const PAB = [
  'resource "aws_s3_bucket_public_access_block" "logs" {',
  '  bucket                  = "corp-logs"',
  '  block_public_acls       = false',
  '  block_public_policy     = true',
  '  ignore_public_acls      = false # keep this comment',
  '  restrict_public_buckets = true',
  '}',
  '',
].join('\n');

// Lines of PAB flagged by the built-in pack (whichever rules flag them): block_public_acls and ignore_public_acls.
const ACLS_LINE = 2;
const IGNORE_LINE = 4;
const WAIT_MS = 20_000;

async function opened(server: TestServer, uri: string, text: string): Promise<PublishedDiagnostics> {
  await server.open(uri, text, 1);
  return server.waitForDiagnostics(uri, (p) => p.version === 1 && findingOn(p, ACLS_LINE) !== undefined && findingOn(p, IGNORE_LINE) !== undefined, 0, WAIT_MS);
}

/** Rule findings (diagnostics with data) of a publication, optionally of one rule. */
function findingsOf(published: PublishedDiagnostics, ruleId?: string): FindingDiagnostic[] {
  return (published.diagnostics as FindingDiagnostic[]).filter((d) => d.data !== undefined && (ruleId === undefined || d.code === ruleId));
}

function findingOn(published: PublishedDiagnostics, line: number): FindingDiagnostic | undefined {
  return findingsOf(published).find((d) => d.range.start.line === line);
}

async function afterChange(server: TestServer, uri: string, version: number, from: number): Promise<PublishedDiagnostics> {
  return server.waitForDiagnostics(uri, (p) => p.version === version, from, WAIT_MS);
}

test('a quick fix for a finding removes it and introduces nothing; it is preferred and versioned', async () => {
  const ws = tempWorkspace({ 'main.tf': PAB });
  const server = await TestServer.start({ workspaceFolder: ws.root, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const first = await opened(server, uri, PAB);
    const target = findingOn(first, ACLS_LINE)!;
    const actions = (await codeActions(server, uri, target.range, [target])) ?? [];
    const fixes = actions.filter((a) => a.kind === 'quickfix' && a.edit && !a.title.startsWith('Suppress'));
    assert.ok(fixes.length >= 1, `a verified fix is offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fixes.filter((a) => a.isPreferred).length, 1, 'exactly one preferred fix');
    const preferred = fixes.find((a) => a.isPreferred)!;
    assert.deepEqual(preferred.diagnostics?.map((d) => d.range), [target.range]);
    const { edits, version } = editsFor(preferred.edit, uri);
    assert.equal(version, 1, 'the edit names the document version it was computed on');
    const fixed = applyTextEdits(PAB, edits);
    assert.match(fixed, /block_public_acls\s+= true/);
    assert.match(fixed, /ignore_public_acls      = false # keep this comment/, 'other lines are untouched');

    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await afterChange(server, uri, 2, from);
    const before = fingerprints(first.diagnostics);
    const now = fingerprints(after.diagnostics);
    assert.ok(!now.has(target.data!.fingerprint), 'the fixed finding is gone');
    assert.deepEqual([...now].filter((f) => !before.has(f)), [], 'no new finding');
    assert.ok(findingOn(after, IGNORE_LINE), 'the other flag is still reported');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('fix-all is offered as source.fixAll.palisade, resolved lazily, and clears every fixable finding of the file', async () => {
  const ws = tempWorkspace({ 'main.tf': PAB });
  const server = await TestServer.start({
    workspaceFolder: ws.root,
    capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } }, resolveSupport: { properties: ['edit'] } } } },
  });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const first = await opened(server, uri, PAB);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = (await codeActions(server, uri, whole, [], ['source.fixAll.palisade'])) ?? [];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.palisade'], 'only the asked-for kind');
    assert.equal(actions[0].edit, undefined, 'the edit waits for codeAction/resolve');
    const resolved = (await server.connection.sendRequest('codeAction/resolve', actions[0])) as typeof actions[0];
    assert.match(resolved.title, /^Fix all Palisade problems in file/);
    const { edits } = editsFor(resolved.edit, uri);
    assert.ok(edits.length >= 2, 'both flags are edited');

    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await afterChange(server, uri, 2, from);
    assert.equal(findingOn(after, ACLS_LINE), undefined, 'block_public_acls is fixed');
    assert.equal(findingOn(after, IGNORE_LINE), undefined, 'ignore_public_acls is fixed');
    const before = fingerprints(first.diagnostics);
    assert.deepEqual([...fingerprints(after.diagnostics)].filter((f) => !before.has(f)), [], 'no new finding');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('without resolve support fix-all carries its edit, and is left out of automatic lightbulb requests', async () => {
  const ws = tempWorkspace({ 'main.tf': PAB });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const first = await opened(server, uri, PAB);
    const target = findingOn(first, ACLS_LINE)!;
    const automatic = (await codeActions(server, uri, target.range, [target], undefined, 2)) ?? [];
    assert.ok(!automatic.some((a) => a.kind === 'source.fixAll.palisade'), 'no fix-all computed for the lightbulb');
    const asked = (await codeActions(server, uri, target.range, [], ['source.fixAll'])) ?? [];
    assert.equal(asked.length, 1);
    assert.equal(asked[0].kind, 'source.fixAll.palisade');
    const text = applyTextEdits(PAB, editsFor(asked[0].edit, uri).edits);
    assert.doesNotMatch(text, /= false/, 'both flags set to true');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('suppress without a prompt inserts the comment above the line with its indentation; the reason is still asked for', async () => {
  const ws = tempWorkspace({ 'main.tf': PAB });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const first = await opened(server, uri, PAB);
    const target = findingOn(first, ACLS_LINE)!;
    const rule = String(target.code);
    const actions = (await codeActions(server, uri, target.range, [target], ['quickfix'])) ?? [];
    const suppress = actions.find((a) => a.title.startsWith(`Suppress ${rule}`));
    assert.ok(suppress?.edit, `a suppress action with an edit: ${JSON.stringify(actions.map((a) => a.title))}`);
    const { edits } = editsFor(suppress.edit, uri);
    assert.deepEqual(edits, [{ range: { start: { line: ACLS_LINE, character: 0 }, end: { line: ACLS_LINE, character: 0 } }, newText: `  # palisade:ignore ${rule}\n` }]);

    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await afterChange(server, uri, 2, from);
    assert.ok(!fingerprints(after.diagnostics).has(target.data!.fingerprint), 'the finding is suppressed');
    assert.ok(findingOn(after, IGNORE_LINE + 1), 'the other flag (one line lower now) is still reported');
    const noReason = findingsOf(after, 'PAL-SUPPRESS-NO-REASON');
    assert.equal(noReason.length, 1, 'a suppression without a reason is reported until one is typed');
    assert.equal(noReason[0].range.start.line, ACLS_LINE);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('suppress with a prompt: the client command gets the finding, and executeCommand applies the comment with the reason', async () => {
  const ws = tempWorkspace({ 'main.tf': PAB });
  const server = await TestServer.start({
    workspaceFolder: ws.root,
    initializationOptions: { promptsForSuppressionReason: true },
    capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } },
  });
  const applied: Array<{ label?: string; edit: Parameters<typeof editsFor>[0] }> = [];
  server.connection.onRequest('workspace/applyEdit', (p: { label?: string; edit: Parameters<typeof editsFor>[0] }) => {
    applied.push(p);
    return { applied: true };
  });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const first = await opened(server, uri, PAB);
    const target = findingOn(first, IGNORE_LINE)!;
    const rule = String(target.code);
    const actions = (await codeActions(server, uri, target.range, [target])) ?? [];
    const suppress = actions.find((a) => a.title.startsWith(`Suppress ${rule}`));
    assert.equal(suppress?.command?.command, 'palisade.suppressWithReason');
    assert.equal(suppress?.edit, undefined);
    const args = suppress!.command!.arguments![0] as Record<string, string>;
    assert.deepEqual({ uri: args.uri, ruleId: args.ruleId, fingerprint: args.fingerprint }, { uri, ruleId: rule, fingerprint: target.data!.fingerprint });

    const result = await server.connection.sendRequest('workspace/executeCommand', {
      command: 'palisade.applySuppression',
      arguments: [{ ...args, reason: 'legacy bucket,\nremoved in Q3' }],
    });
    assert.deepEqual(result, { applied: true });
    assert.equal(applied.length, 1);
    const { edits, version } = editsFor(applied[0].edit, uri);
    assert.equal(version, 1);
    assert.deepEqual(edits.map((e) => e.newText), [`  # palisade:ignore ${rule} legacy bucket, removed in Q3\n`]);
    assert.equal(edits[0].range.start.line, IGNORE_LINE);

    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await afterChange(server, uri, 2, from);
    assert.ok(!fingerprints(after.diagnostics).has(target.data!.fingerprint), 'the finding is suppressed');
    assert.deepEqual(findingsOf(after, 'PAL-SUPPRESS-NO-REASON'), [], 'the reason counts');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('a diagnostic without data is matched by rule id and range; unknown or foreign diagnostics get nothing', async () => {
  const ws = tempWorkspace({ 'main.tf': PAB });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const first = await opened(server, uri, PAB);
    const target = findingOn(first, ACLS_LINE)!;
    const bare = { range: target.range, message: target.message, code: target.code, source: 'palisade' };
    const actions = (await codeActions(server, uri, target.range, [bare], ['quickfix'])) ?? [];
    assert.ok(actions.some((a) => a.isPreferred && a.edit), 'the fix is found without data');
    const foreign = { ...bare, source: 'tflint' };
    const stale = { ...target, data: { ruleId: String(target.code), fingerprint: '0000000000000000' } };
    assert.deepEqual(await codeActions(server, uri, target.range, [foreign, stale], ['quickfix']), []);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

const SQS_POLICY = [
  'resource "aws_iam_role_policy" "worker" {',
  '  role = "worker"',
  '  policy = jsonencode({',
  '    Version = "2012-10-17"',
  '    Statement = [',
  '      {',
  '        Effect   = "Allow"',
  '        Action   = "sqs:*"',
  '        Resource = "arn:aws:sqs:us-east-1:111122223333:jobs"',
  '      },',
  '    ]',
  '  })',
  '}',
  '',
].join('\n');
const ACTION_LINE = 7;

test('least-privilege alternatives arrive as separate quick fixes; applying one clears the finding', async () => {
  const ws = tempWorkspace({ 'main.tf': SQS_POLICY });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, SQS_POLICY, 1);
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1 && findingOn(p, ACTION_LINE) !== undefined, 0, WAIT_MS);
    const target = findingOn(first, ACTION_LINE)!;
    const actions = (await codeActions(server, uri, target.range, [target], ['quickfix'])) ?? [];
    const fixes = actions.filter((a) => a.edit && !a.title.startsWith('Suppress'));
    const narrow = fixes.find((a) => /^Narrow sqs:\* to read-only \(\d+ actions\)/.test(a.title));
    assert.ok(narrow, `a read-only alternative: ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.ok(fixes.length >= 2, 'more than one way to fix it');
    assert.ok(fixes.filter((a) => a.isPreferred).length <= 1, 'at most one preferred');

    const { edits } = editsFor(narrow.edit, uri);
    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await afterChange(server, uri, 2, from);
    const before = fingerprints(first.diagnostics);
    const now = fingerprints(after.diagnostics);
    assert.ok(!now.has(target.data!.fingerprint), 'the wildcard finding is gone');
    assert.deepEqual([...now].filter((f) => !before.has(f)), [], 'no new finding');
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'hcl-syntax' || d.severity === 1 && !('data' in d)), [], 'no syntax or evaluation error');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('a suppression inside a jsonencode object lands on its own line there and silences the finding', async () => {
  const ws = tempWorkspace({ 'main.tf': SQS_POLICY });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, SQS_POLICY, 1);
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1 && findingOn(p, ACTION_LINE) !== undefined, 0, WAIT_MS);
    const target = findingOn(first, ACTION_LINE)!;
    const actions = (await codeActions(server, uri, target.range, [target], ['quickfix'])) ?? [];
    const suppress = actions.find((a) => a.title.startsWith(`Suppress ${target.code}`))!;
    const { edits } = editsFor(suppress.edit, uri);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[ACTION_LINE, `        # palisade:ignore ${target.code}\n`]]);
    const from = server.published.length;
    await sendEdits(server, uri, 2, edits);
    const after = await afterChange(server, uri, 2, from);
    assert.ok(!fingerprints(after.diagnostics).has(target.data!.fingerprint), 'suppressed');
    assert.deepEqual(after.diagnostics.filter((d) => !('data' in d)), [], 'the comment keeps the file valid');
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
