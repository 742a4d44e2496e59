// The dashboard's request (palisade/complianceReport) against the real bundled server: its report
// is exactly `palisade report <folder> --format json` of the same tree, and unsaved buffers count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COMPLIANCE_REPORT_REQUEST, type ComplianceReportParams, type ComplianceReportResult } from '../../server/src/shared/messages';
import type { ComplianceReport } from '../../server/src/shared/compliance';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { corpus, REPO_ROOT } from '../helpers/corpora';
import { TestServer, uriOf } from './harness';

const TREE = resolve(REPO_ROOT, 'test', 'fixtures', 'scan', 'tree');
const BIN = resolve(REPO_ROOT, 'bin', 'palisade.js');

/** `palisade report . --format json` run in `dir`. */
function cliReport(dir: string): ComplianceReport {
  const run = spawnSync(process.execPath, [BIN, 'report', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ComplianceReport;
}

async function request(server: TestServer, params: ComplianceReportParams): Promise<ComplianceReportResult> {
  const result = await server.connection.sendRequest<ComplianceReportResult | null>(COMPLIANCE_REPORT_REQUEST, params);
  assert.ok(result, `no answer; server log:\n${server.stderr.join('')}`);
  return result;
}

function reportOf(result: ComplianceReportResult): ComplianceReport {
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  return result.report;
}

test('palisade/complianceReport equals `palisade report` of the folder, and follows unsaved buffers', async () => {
  // A copy: the tree is fixture data, and the repository's own .gitignore must not apply to it.
  const folder = mkdtempSync(join(tmpdir(), 'palisade-dashboard-'));
  cpSync(TREE, folder, { recursive: true });
  const server = await TestServer.start({ workspaceFolder: folder });
  try {
    const result = await request(server, { folderUri: uriOf(folder) });
    const report = reportOf(result);
    assert.equal(result.folderUri, uriOf(folder));
    assert.ok(Number.isFinite(!('error' in result) && result.durationMs));
    const expected = cliReport(folder);
    assert.deepEqual(report, expected);
    // Not a vacuous equality: the tree has failing, suppressed and fixable findings in several units.
    assert.ok(report.overall.evaluations.failing > 0 && report.overall.evaluations.suppressed > 0, JSON.stringify(report.overall));
    assert.ok(report.scope.units >= 3 && report.frameworks.length > 0);
    assert.equal(report.fixes.method, 'verified');
    assert.ok(report.fixes.withAutomaticFix > 0);
    // network/main.tf: egress open to the world (low), and an unattached-group note (info).
    const egress = (r: ComplianceReport) => r.findings.filter((f) => f.file === 'network/main.tf' && f.severity === 'low' && !f.suppressed);
    assert.equal(egress(report).length, 1, JSON.stringify(report.findings));

    // An open buffer that closes the world-open egress: the dashboard sees it before it is saved.
    const file = join(folder, 'network', 'main.tf');
    const narrowed = readFileSync(file, 'utf8').replace('"0.0.0.0/0"', '"10.0.0.0/8"');
    await server.open(uriOf(file), narrowed);
    const edited = reportOf(await request(server, { folderUri: uriOf(folder) }));
    assert.deepEqual(egress(edited), [], JSON.stringify(edited.findings));
    assert.ok(edited.overall.evaluations.failing < report.overall.evaluations.failing);
    // …and it is what `palisade report` says once the buffer is saved.
    writeFileSync(file, narrowed);
    assert.deepEqual(edited, cliReport(folder));
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('palisade/complianceReport refuses a folder the server does not know, and --no-fixes counting on request', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'palisade-dashboard-'));
  cpSync(join(TREE, 'network'), folder, { recursive: true });
  const server = await TestServer.start({ workspaceFolder: folder });
  try {
    const outside = await request(server, { folderUri: uriOf(tmpdir()) });
    assert.ok('error' in outside && /not a workspace folder/.test(outside.error), JSON.stringify(outside));
    const bogus = await request(server, { folderUri: 'untitled:Untitled-1' });
    assert.ok('error' in bogus);
    const quick = reportOf(await request(server, { folderUri: uriOf(folder), verifyFixes: false }));
    assert.equal(quick.fixes.method, 'rule-metadata');
    assert.ok(quick.findings.length > 0);
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('palisade/complianceReport stops between units when the client cancels it', { skip: corpus('real-terraform') === undefined ? 'PALISADE_SKIP_CORPORA=1' : false }, async () => {
  // 225 module directories: a full report takes seconds, so the cancel lands while units remain.
  const folder = corpus('real-terraform')!;
  const server = await TestServer.start({ workspaceFolder: folder });
  try {
    const source = new CancellationTokenSource();
    const started = Date.now();
    const answer = server.connection.sendRequest<ComplianceReportResult | null>(COMPLIANCE_REPORT_REQUEST, { folderUri: uriOf(folder), verifyFixes: false }, source.token);
    setTimeout(() => source.cancel(), 300);
    const outcome = await answer.then(
      (result) => ('error' in (result ?? {}) ? (result as { error: string }).error : 'completed'),
      (err: { code?: number }) => `rejected ${err.code}`,
    );
    // Either the handler's own answer or JSON-RPC's RequestCancelled (-32800): never a full report.
    assert.ok(outcome === 'cancelled' || outcome === 'rejected -32800', `${outcome} after ${Date.now() - started} ms`);
    // The server is still serving: a new request completes.
    const full = reportOf(await request(server, { folderUri: uriOf(folder), verifyFixes: false }));
    assert.ok(full.scope.units > 100);
  } finally {
    await server.stop();
  }
});
