// The "Rule Packs" view's request over stdio: every pack a workspace folder runs, with version,
// rules and problems; one broken pack is shown beside a good one; restricted mode lists the
// built-in pack alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACK_STATUS_REQUEST, type PackStatusResult } from '../../server/src/shared/packs-messages';
import { bucketRule, tempDir, writeTree, BUCKET_TF } from '../policy/packs-helpers';
import { writeFileSync } from 'node:fs';
import { TestServer, uriOf } from './harness';

function workspace(): string {
  return writeTree(tempDir(), {
    'main.tf': BUCKET_TF,
    '.palisade.yaml': 'packs:\n  sources:\n    - path: good\n    - path: broken\n',
    'good/.manifest': JSON.stringify({ revision: 'r7', metadata: { version: '1.2.0' } }),
    'good/team/rule.rego': bucketRule('TEAM-GOOD-001', 'team.rule'),
    'broken/team2/bad.rego': 'package team2.bad\n\ndeny contains x if {\n\tx := undefined_thing\n}\n',
  });
}

test('palisade/packs lists the built-in pack, a good team pack and a broken one with its file', async () => {
  const root = workspace();
  const server = await TestServer.start({ workspaceFolder: root });
  try {
    const result: PackStatusResult = await server.connection.sendRequest(PACK_STATUS_REQUEST, {});
    assert.equal(result.folders.length, 1);
    const folder = result.folders[0];
    assert.equal(folder.configFile, `${root}/.palisade.yaml`);
    assert.equal(folder.trusted, true);
    assert.deepEqual(folder.packs.map((p) => p.name), ['builtin', 'good', 'broken']);
    const [builtin, good, broken] = folder.packs;
    assert.ok(builtin.ruleIds.length >= 120 && builtin.loaded);
    assert.deepEqual({ version: good.version, revision: good.revision, rules: good.ruleIds, loaded: good.loaded, problems: good.problems }, { version: '1.2.0', revision: 'r7', rules: ['TEAM-GOOD-001'], loaded: true, problems: [] });
    assert.equal(broken.loaded, false);
    const error = broken.problems.find((p) => p.severity === 'error');
    assert.ok(error, JSON.stringify(broken.problems));
    assert.equal(error.file, `${root}/broken/team2/bad.rego`, 'a folder pack problem names the absolute file, so the view can open it');
  } finally {
    await server.stop();
  }
});

test('restricted mode: the view shows the built-in pack alone and says the folder is untrusted', async () => {
  const root = workspace();
  const server = await TestServer.start({ workspaceFolder: root, initializationOptions: { workspaceTrusted: false } });
  try {
    const result: PackStatusResult = await server.connection.sendRequest(PACK_STATUS_REQUEST, {});
    assert.equal(result.folders[0].trusted, false);
    assert.deepEqual(result.folders[0].packs.map((p) => p.name), ['builtin']);
  } finally {
    await server.stop();
  }
});

test('an open team pack file shows its pack problem; saving the fix reloads the pack for the Terraform units too', async () => {
  const broken = bucketRule('TEAM-OPEN-001', 'team.open').replace('severity: medium', 'severity: urgent');
  const root = writeTree(tempDir(), { 'main.tf': BUCKET_TF, '.palisade.yaml': 'packs:\n  sources:\n    - path: team\n', 'team/open.rego': broken });
  const server = await TestServer.start({ workspaceFolder: root });
  try {
    const rule = `${root}/team/open.rego`;
    const tf = `${root}/main.tf`;
    await server.open(uriOf(tf), BUCKET_TF);
    await server.open(uriOf(rule), broken, 1, 'rego');
    const shown = await server.waitForDiagnostics(uriOf(rule), (p) => p.diagnostics.some((d) => d.code === 'pack-metadata'), 0, 30_000);
    const problem = shown.diagnostics.find((d) => d.code === 'pack-metadata')!;
    assert.match(problem.message, /custom\.severity must be one of/);
    assert.equal(problem.range.start.line, 0, 'on the METADATA block');
    assert.ok(!server.latestDiagnostics(uriOf(tf))?.diagnostics.some((d) => d.code === 'TEAM-OPEN-001'));

    const fixed = bucketRule('TEAM-OPEN-001', 'team.open');
    writeFileSync(rule, fixed);
    const from = server.published.length;
    await server.change(uriOf(rule), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, text: fixed }]);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rule), type: 2 }] });
    await server.waitForDiagnostics(uriOf(rule), (p) => !p.diagnostics.some((d) => d.code === 'pack-metadata'), from, 30_000);
    await server.waitForDiagnostics(uriOf(tf), (p) => p.diagnostics.some((d) => d.code === 'TEAM-OPEN-001'), from, 30_000);
  } finally {
    await server.stop();
  }
});
