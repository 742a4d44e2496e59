// The language server's side of team packs (lsp/policy-support.ts): packs from `.palisade.yaml`
// and the `palisade.packs` setting run beside the built-in pack, pack problems show on the config
// file, and an untrusted workspace runs the built-in pack only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicySupport } from '../../server/src/lsp/policy-support';
import { DiskHost } from '../../server/src/workspace/disk-host';
import { BUCKET_TF, FAKE_BUILTIN, bucketRule, bundleBytes, tempDir, writeTree } from './packs-helpers';

function workspace(config: string) {
  return writeTree(tempDir(), {
    'infra/main.tf': BUCKET_TF,
    'team/r.rego': bucketRule('TEAM-1', 'team.r'),
    'other/r.rego': bucketRule('SETTING-1', 'other.r'),
    'evil.tar.gz': bundleBytes({ '../x.rego': 'package x\n' }),
    '.palisade.yaml': config,
  });
}

async function analyze(root: string, options: { trusted?: boolean; packs?: unknown } = {}) {
  const logged: string[] = [];
  const policy = new PolicySupport({ error: (m) => logged.push(m) }, () => FAKE_BUILTIN, { trusted: options.trusted });
  const result = await policy.analyze(new DiskHost(), { dir: `${root}/infra`, root, varFiles: [], packs: options.packs, isCancelled: () => false });
  return { result, logged, codes: result.diagnostics.map((d) => d.code).sort() };
}

test('team packs from .palisade.yaml and the palisade.packs setting both run in the editor', async () => {
  const root = workspace('packs: [team]\n');
  const { codes, logged } = await analyze(root, { packs: [{ path: 'other' }] });
  assert.deepEqual(codes, ['PAL-FAKE-001', 'SETTING-1', 'TEAM-1']);
  assert.deepEqual(logged, []);
});

test('a refused pack is reported on .palisade.yaml at its packs: key; the other packs still run', async () => {
  const config = 'severity_threshold: info\npacks: [team, {bundle: evil.tar.gz}]\n';
  const root = workspace(config);
  const { result, codes } = await analyze(root);
  assert.deepEqual(codes, ['PAL-FAKE-001', 'TEAM-1', 'pack-archive']);
  const problem = result.diagnostics.find((d) => d.code === 'pack-archive')!;
  assert.equal(problem.file, `${root}/.palisade.yaml`);
  assert.equal(problem.severity, 'error');
  assert.equal(config.slice(problem.start, problem.end), 'packs');
  assert.match(problem.message, /climbs out of the bundle/);
});

test('an untrusted workspace runs only the built-in pack, even with builtin: false', async () => {
  const root = workspace('packs:\n  builtin: false\n  sources: [team]\n');
  assert.deepEqual((await analyze(root, { trusted: false, packs: [{ path: 'other' }] })).codes, ['PAL-FAKE-001', 'pack-untrusted']);
  assert.deepEqual((await analyze(root, { trusted: true })).codes, ['TEAM-1']);
});
