// Restricted Mode (VS Code's untrusted workspaces) in the language server: configured team packs
// do not load, `.palisade.yaml` says so at its `packs:` key instead of staying silent, and no
// workspace Rego is evaluated (the Rego test runner refuses; server/src/lsp/rego-tests-service.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicySupport, UNTRUSTED_PACKS_MESSAGE } from '../../server/src/lsp/policy-support';
import { DiskHost } from '../../server/src/workspace/disk-host';
import { BUCKET_TF, FAKE_BUILTIN, bucketRule, tempDir, writeTree } from '../policy/packs-helpers';
import { REGO_RUN_TESTS_REQUEST, type RunRegoTestsResult } from '../../server/src/shared/messages';
import { TestServer, tempWorkspace } from './harness';

function workspace(config: string): string {
  return writeTree(tempDir(), { 'infra/main.tf': BUCKET_TF, 'team/r.rego': bucketRule('TEAM-1', 'team.r'), '.palisade.yaml': config });
}

async function analyze(root: string, trusted: boolean) {
  const policy = new PolicySupport({ error: () => undefined }, () => FAKE_BUILTIN, { trusted });
  return (await policy.analyze(new DiskHost(), { dir: `${root}/infra`, root, varFiles: [], isCancelled: () => false })).diagnostics;
}

test('Restricted Mode: the team pack stays unloaded and .palisade.yaml says why at packs:', async () => {
  const config = 'severity_threshold: info\npacks: [team]\n';
  const root = workspace(config);
  const diagnostics = await analyze(root, false);
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['PAL-FAKE-001', 'pack-untrusted']);
  const note = diagnostics.find((d) => d.code === 'pack-untrusted')!;
  assert.equal(note.file, `${root}/.palisade.yaml`);
  assert.equal(note.severity, 'info');
  assert.equal(config.slice(note.start, note.end), 'packs');
  assert.equal(note.message, UNTRUSTED_PACKS_MESSAGE);
});

test('a trusted workspace runs the team pack and gets no Restricted Mode note', async () => {
  const codes = (await analyze(workspace('packs: [team]\n'), true)).map((d) => d.code).sort();
  assert.deepEqual(codes, ['PAL-FAKE-001', 'TEAM-1']);
});

test('Restricted Mode without configured packs adds no note', async () => {
  const codes = (await analyze(workspace('severity_threshold: info\n'), false)).map((d) => d.code).sort();
  assert.deepEqual(codes, ['PAL-FAKE-001']);
});

const REGO_POLICY = 'package team.p\n\nimport rego.v1\n\nallow if input.ok\n';
const REGO_TESTS = 'package team.p_test\n\nimport rego.v1\n\nimport data.team.p\n\ntest_allow if p.allow with input as {"ok": true}\n';

/** The Rego test runner over the real server (dist/server.js), with or without trust. */
async function runRegoTests(trusted: boolean) {
  const ws = tempWorkspace({ 'p.rego': REGO_POLICY, 'p_test.rego': REGO_TESTS });
  const server = await TestServer.start({ workspaceFolder: ws.root, initializationOptions: { workspaceTrusted: trusted } });
  try {
    return (await server.connection.sendRequest<RunRegoTestsResult>(REGO_RUN_TESTS_REQUEST, {})).results.map((r) => ({ name: r.name, status: r.status, message: r.message }));
  } finally {
    await server.stop();
    ws.cleanup();
  }
}

test('Restricted Mode evaluates no workspace Rego: a passing Rego test is not run, and says why', async () => {
  const refused = await runRegoTests(false);
  assert.deepEqual(refused.map((r) => `${r.name}:${r.status}`), ['test_allow:errored']);
  assert.match(refused[0].message ?? '', /Restricted Mode/);
  assert.deepEqual((await runRegoTests(true)).map((r) => `${r.name}:${r.status}`), ['test_allow:passed']);
});
