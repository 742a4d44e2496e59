// The language server (the real bundled server over stdio) publishes Conftest-pack findings on an
// open YAML document, and nothing for YAML when no pack reads documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { TestServer, tempWorkspace, uriOf } from '../lsp/harness';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'packs').split('\\').join('/');
const DEPLOYMENT = readFileSync(join(FIXTURES, 'inputs', 'deployment.yaml'), 'utf8');

test('an open YAML file gets the findings of a Conftest pack, on its document; without one it gets none', async () => {
  const ws = tempWorkspace({ 'k8s/deployment.yaml': DEPLOYMENT, 'plain/deployment.yaml': DEPLOYMENT, '.palisade.yaml': `packs:\n  builtin: false\n  sources: [${FIXTURES}/conftest-v0]\n` });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('k8s/deployment.yaml'));
    await server.open(uri, DEPLOYMENT, 1, 'yaml');
    const published = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 0, 60_000);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.line]), [['conftest-v0/main', 1, 'Deployment web must set runAsNonRoot', 5]]);
  } finally {
    await server.stop();
    ws.cleanup();
  }
  const plain = tempWorkspace({ 'deployment.yaml': DEPLOYMENT });
  const quiet = await TestServer.start({ workspaceFolder: plain.root });
  try {
    const uri = uriOf(plain.path('deployment.yaml'));
    await quiet.open(uri, DEPLOYMENT, 1, 'yaml');
    // Give it the debounce and a run; a plain workspace publishes nothing (or nothing but empty lists) for YAML.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(quiet.published.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics), []);
  } finally {
    await quiet.stop();
    plain.cleanup();
  }
});
