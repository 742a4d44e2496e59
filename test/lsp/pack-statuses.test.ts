// The "Rule Packs" view's request over stdio: every pack a workspace folder runs, with version,
// rules and problems; one broken pack is shown beside a good one; restricted mode lists the
// built-in pack alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACK_STATUS_REQUEST, type PackStatusResult } from '../../server/src/shared/packs-messages';
import { bucketRule, tempDir, writeTree, BUCKET_TF } from '../policy/packs-helpers';
import { TestServer } from './harness';

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
