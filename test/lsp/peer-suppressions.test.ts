// Per-part peer suppression through the language server (not only the CLI): a #checkov:skip that
// names one part of PAL-AWS-MQ-002 leaves the other part's diagnostic; an edit that adds the other
// part's skip (the rule's earlier output replayed or re-run by the incremental evaluation) clears it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, tempWorkspace, uriOf, type PublishedDiagnostics } from './harness';
import type { FindingDiagnostic } from './code-actions-helpers';
import { mqBrokerLogsOff } from '../policy/helpers';

const RULE = 'PAL-AWS-MQ-002';
const WAIT_MS = 20_000;

const broker = mqBrokerLogsOff;

/** A change replacing the whole of `before` with `after`. */
function replaceAll(before: string, after: string) {
  const lines = before.split('\n');
  return [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, text: after }];
}

/** The MQ-002 diagnostics of a publication, as the lines they start on. */
function mqLines(published: PublishedDiagnostics): number[] {
  return (published.diagnostics as FindingDiagnostic[]).filter((d) => d.code === RULE).map((d) => d.range.start.line).sort((a, b) => a - b);
}

test('LSP: a skip of one MQ-002 part leaves the other reported; adding the other part\'s skip clears it', async () => {
  const first = broker(['#checkov:skip=CKV_AWS_197:audit events go to the SIEM']);
  const ws = tempWorkspace({ 'main.tf': first });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, first, 1);
    // general is on line 7 (0-based), audit on line 8; only general stays.
    const opened = await server.waitForDiagnostics(uri, (p) => p.version === 1 && mqLines(p).length > 0, 0, WAIT_MS);
    assert.deepEqual(mqLines(opened), [7]);
    const from = server.published.length;
    const second = broker(['#checkov:skip=CKV_AWS_197:audit events go to the SIEM', '#checkov:skip=CKV_AWS_48:general logs off on this test broker']);
    await server.change(uri, 2, replaceAll(first, second));
    const after = await server.waitForDiagnostics(uri, (p) => p.version === 2, from, WAIT_MS);
    assert.deepEqual(mqLines(after), []);
    // A trivy comment naming the audit part's AVD id, in lower case, silences that part only.
    const from3 = server.published.length;
    await server.change(uri, 3, replaceAll(second, broker(['#trivy:ignore:avd-aws-0070 audit events go to the SIEM'])));
    const third = await server.waitForDiagnostics(uri, (p) => p.version === 3, from3, WAIT_MS);
    assert.deepEqual(mqLines(third), [7]);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
