// `palisade scan` with Conftest-style packs: YAML/JSON files become units only when such a pack is
// configured, and their findings reach the report beside the Terraform ones; plain scans are unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { tempDir, writeTree } from '../policy/packs-helpers';
import { capture } from './rego-capture';
import { scan } from './scan-run';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'packs').split('\\').join('/');
const input = (name: string) => readFileSync(join(FIXTURES, 'inputs', name), 'utf8');

/** The real `palisade scan` (bin/palisade.js → dist/) in `dir`, JSON report on stdout. */
async function scanIn(dir: string, args: string[]) {
  return scan(['--format', 'json', '--no-progress', ...args], dir);
}

interface Reported {
  findings: { ruleId: string; severity: string; message: string; location: { file: string; startLine: number } }[];
}

test('palisade scan reads YAML and JSON files for Conftest packs, each document, beside the .tf units', async () => {
  const dir = writeTree(tempDir(), {
    'infra/main.tf': input('main.tf'),
    'k8s/deployment.yaml': input('deployment.yaml'),
    'svc/service.json': input('service.json'),
    '.palisade.yaml': ['packs:', '  builtin: false', '  sources:', `    - path: ${FIXTURES}/conftest-v0`, `    - {path: ${FIXTURES}/conftest-v1, severity: medium}`].join('\n'),
  });
  const r = await scanIn(dir, ['.']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Reported;
  const seen = report.findings.map((f) => [f.location.file, f.location.startLine, f.ruleId, f.severity, f.message]).sort();
  assert.deepEqual(seen, [
    ['infra/main.tf', 1, 'conftest-v0/main', 'high', 'ALB `front` is using HTTP rather than HTTPS'],
    ['infra/main.tf', 1, 'conftest-v0/main', 'high', 'aws_s3_bucket.public is public-read'],
    ['infra/main.tf', 1, 'conftest-v0/main', 'low', 'bucket public has no versioning resource in this file'],
    ['infra/main.tf', 1, 'conftest-v1/main', 'medium', 'bucket public is not encrypted'],
    ['k8s/deployment.yaml', 6, 'conftest-v0/main', 'high', 'Deployment web must set runAsNonRoot'],
    ['k8s/deployment.yaml', 6, 'conftest-v1/main', 'low', 'replicas below 2'],
    ['svc/service.json', 1, 'conftest-v1/main', 'medium', 'the api service must not listen on port 80'],
  ]);
  // A file named on the command line is scanned too.
  const named = await scanIn(dir, ['svc/service.json', '--fail-on', 'medium']);
  assert.equal(named.code, 1, named.stderr);
  assert.deepEqual((JSON.parse(named.stdout) as Reported).findings.map((f) => f.location.file), ['svc/service.json']);
});

test('without a Conftest or raw pack, scan neither reads YAML/JSON nor accepts one named', async () => {
  const dir = writeTree(tempDir(), {
    'k8s/deployment.yaml': input('deployment.yaml'),
    '.palisade.yaml': ['packs:', '  builtin: false', '  sources:', `    - {path: ${FIXTURES}/conftest-v0, conftest: false}`].join('\n'),
  });
  const all = await scanIn(dir, ['.']);
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual((JSON.parse(all.stdout) as Reported).findings, []);
  const named = await scanIn(dir, ['k8s/deployment.yaml']);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /is not a \.tf file, a plan\/state file or a directory/);
});

test('packs list shows the input shape of each pack', async () => {
  const { run: packs } = await import('../../server/src/cli/commands/packs');
  const dir = writeTree(tempDir(), { '.palisade.yaml': ['packs:', '  builtin: false', '  sources:', `    - path: ${FIXTURES}/conftest-v0`, `    - path: ${FIXTURES}/raw-manifest`].join('\n') });
  const r = await capture(packs, ['list', '--json', '--config', `${dir}/.palisade.yaml`]);
  assert.equal(r.code, 0, r.stderr);
  const rows = (JSON.parse(r.stdout) as { packs: { name: string; input: string; rules: number }[] }).packs;
  assert.deepEqual(rows.map((p) => [p.name, p.input, p.rules]), [['builtin', 'palisade', 0], ['conftest-v0', 'conftest', 1], ['raw-manifest', 'raw', 1]]);
  const text = await capture(packs, ['list', '--config', `${dir}/.palisade.yaml`]);
  assert.match(text.stdout, /conftest-v0 .*\(input: conftest\)/);
});
