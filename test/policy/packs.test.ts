// Team rule packs: configuration, loading folders / git checkouts / OPA bundles beside the
// built-in pack, Rego versions, data documents, and one broken pack beside a good one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPacks, parseConfig, type PackSettings } from '../../server/src/policy';
import { DiskPackReader } from '../../server/src/workspace/pack-reader';
import { scanFiles } from './helpers';
import { BUCKET_TF, FAKE_BUILTIN, bucketRule, bundleBytes, tempDir, writeTree } from './packs-helpers';

const reader = new DiskPackReader();
const load = (settings: Partial<PackSettings>, trusted = true) =>
  loadPacks({ sources: [], builtin: true, requireSignature: false, keys: {}, ...settings }, reader, { trusted, builtinFiles: () => FAKE_BUILTIN });

test('packs: in .palisade.yaml takes a list or a mapping; paths resolve against the config directory', () => {
  const list = parseConfig('packs: [./team, {bundle: dist/b.tar.gz, name: base}, {git: ../vendor/pci, commit: ABCDEF1}]\n', '/ws/.palisade.yaml');
  assert.deepEqual(list.diagnostics, []);
  assert.deepEqual(list.config?.packs, ['./team', 'dist/b.tar.gz', '../vendor/pci']);
  assert.deepEqual(list.config?.packSettings.sources, [
    { kind: 'folder', name: 'team', location: '/ws/team' },
    { kind: 'bundle', name: 'base', location: '/ws/dist/b.tar.gz' },
    { kind: 'git', name: 'pci', location: '/vendor/pci', commit: 'abcdef1' },
  ]);
  const mapping = parseConfig(['packs:', '  builtin: false', '  require_signature: true', '  keys:', '    team: {algorithm: HS256, key_file: keys/secret}', '  sources:', '    - path: rules'].join('\n'), '/ws/.palisade.yaml');
  assert.deepEqual(mapping.diagnostics, []);
  assert.equal(mapping.config?.packSettings.builtin, false);
  assert.equal(mapping.config?.packSettings.requireSignature, true);
  assert.deepEqual(mapping.config?.packSettings.keys, { team: { algorithm: 'HS256', keyFile: '/ws/keys/secret' } });
});

test('a malformed packs: entry is a config error with a range, naming what is wrong', () => {
  const text = 'packs:\n  - git: ./vendor\n';
  const { config, diagnostics } = parseConfig(text, '/ws/.palisade.yaml');
  assert.equal(config, undefined);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /must pin a commit/);
  assert.ok(diagnostics[0].start !== undefined && diagnostics[0].start > 0);
  const keys = parseConfig('packs:\n  keys:\n    k: {algorithm: PS512, key: x}\n', '/ws/.palisade.yaml');
  assert.match(keys.diagnostics[0].message, /algorithm must be one of RS256, ES256, HS256/);
});

test('a folder pack runs beside the built-in pack through the shared scan entry point', async () => {
  const dir = writeTree(tempDir(), { 'team/s3/rule.rego': bucketRule('TEAM-S3-001', 'team.s3.rule'), 'team/s3/rule_test.rego': 'package team.s3.rule_test\n' });
  const loaded = load({ sources: [{ kind: 'folder', name: 'team', location: `${dir}/team` }] });
  assert.deepEqual(loaded.packs.map((p) => [p.name, p.kind, p.ruleCount, p.loaded]), [['builtin', 'builtin', 1, true], ['team', 'folder', 1, true]]);
  assert.deepEqual(loaded.packs.flatMap((p) => p.diagnostics), []);
  const scan = await scanFiles(loaded.pack, { 'main.tf': BUCKET_TF });
  assert.deepEqual(scan.findings.map((f) => f.ruleId).sort(), ['PAL-FAKE-001', 'TEAM-S3-001']);
  assert.equal(loaded.pack.rules.find((r) => r.id === 'TEAM-S3-001')?.file, '@team/s3/rule.rego');
});

test('builtin: false runs only the configured packs; an untrusted workspace runs only the built-in pack', () => {
  const dir = writeTree(tempDir(), { 'r.rego': bucketRule('TEAM-1', 'team.one') });
  const sources: PackSettings['sources'] = [{ kind: 'folder', name: 'team', location: dir }];
  assert.deepEqual(load({ sources, builtin: false }).pack.rules.map((r) => r.id), ['TEAM-1']);
  const untrusted = load({ sources, builtin: false }, false);
  assert.deepEqual(untrusted.pack.rules.map((r) => r.id), ['PAL-FAKE-001']);
  assert.deepEqual(untrusted.packs.map((p) => p.name), ['builtin']);
});

test('a git pack reads HEAD itself: a matching pin is quiet, a different HEAD is a warning and the pack still runs', () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';
  const other = 'fedcba9876543210fedcba9876543210fedcba98';
  const dir = writeTree(tempDir(), {
    'pci/.git/HEAD': 'ref: refs/heads/main\n',
    'pci/.git/packed-refs': `# pack-refs with: peeled fully-peeled sorted\n${sha} refs/heads/main\n`,
    'pci/.git/objects/x.rego': 'this is not a pack file',
    'pci/rules/r.rego': bucketRule('PCI-1', 'pci.one'),
    'loose/.git/HEAD': 'ref: refs/heads/dev\n',
    'loose/.git/refs/heads/dev': `${other}\n`,
    'loose/r.rego': bucketRule('LOOSE-1', 'loose.one'),
  });
  const loaded = load({
    sources: [
      { kind: 'git', name: 'pci', location: `${dir}/pci`, commit: sha.slice(0, 10) },
      { kind: 'git', name: 'loose', location: `${dir}/loose`, commit: sha },
    ],
  });
  const [, pci, loose] = loaded.packs;
  assert.equal(pci.head, sha);
  assert.deepEqual(pci.diagnostics, []);
  assert.equal(pci.ruleCount, 1);
  assert.equal(loose.head, other);
  assert.deepEqual(loose.diagnostics.map((d) => [d.code, d.severity]), [['pack-git-pin', 'warning']]);
  assert.match(loose.diagnostics[0].message, /at fedcba987654, not the pinned commit 0123456789abcdef/);
  assert.equal(loose.ruleCount, 1);
});

test('an OPA bundle: manifest revision and metadata, data.json mounted at its directory, per-file Rego versions', async () => {
  const dir = tempDir();
  const manifest = { revision: 'r42', roots: ['corp'], rego_version: 1, file_rego_versions: { '/corp/legacy/old.rego': 0 }, metadata: { version: '1.2.0' } };
  writeTree(dir, {
    'corp.tar.gz': bundleBytes({
      '/.manifest': JSON.stringify(manifest),
      '/corp/settings/data.json': JSON.stringify({ suffix: 'from data' }),
      '/corp/s3/rule.rego': bucketRule('CORP-1', 'corp.s3.rule', { dataRef: 'data.corp.settings.suffix' }),
      '/corp/legacy/old.rego': bucketRule('CORP-V0', 'corp.legacy.old', { v0: true }),
    }),
  });
  const loaded = load({ sources: [{ kind: 'bundle', name: 'corp', location: `${dir}/corp.tar.gz` }], builtin: false });
  const corp = loaded.packs[1];
  assert.deepEqual(corp.diagnostics, []);
  assert.equal(corp.revision, 'r42');
  assert.equal(corp.version, '1.2.0');
  assert.deepEqual(corp.ruleIds.sort(), ['CORP-1', 'CORP-V0']);
  const scan = await scanFiles(loaded.pack, { 'main.tf': BUCKET_TF });
  assert.deepEqual(scan.findings.map((f) => f.message).sort(), ['CORP-1: from data', 'CORP-V0 flags the bucket']);
});

test('the manifest decides the Rego version: a v0 file parsed as v1 is reported on that file only', () => {
  const dir = tempDir();
  writeTree(dir, {
    'b.tar.gz': bundleBytes({
      '.manifest': JSON.stringify({ rego_version: 1 }),
      'a/old.rego': bucketRule('OLD-1', 'a.old', { v0: true }),
      'a/new.rego': bucketRule('NEW-1', 'a.new'),
    }),
  });
  const status = load({ sources: [{ kind: 'bundle', name: 'b', location: `${dir}/b.tar.gz` }] }).packs[1];
  assert.deepEqual(status.ruleIds, ['NEW-1']);
  assert.ok(status.diagnostics.some((d) => d.severity === 'error' && d.file === 'a/old.rego'), JSON.stringify(status.diagnostics));
});

test('roots are enforced, and a policy.wasm that is not a valid module is a pack-wasm error that leaves the Rego rules running', () => {
  const dir = tempDir();
  writeTree(dir, {
    'b.tar.gz': bundleBytes({
      '.manifest': JSON.stringify({ roots: ['inside'], wasm: [{ entrypoint: 'inside/allow', module: '/policy.wasm' }] }),
      'policy.wasm': new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
      'inside/r.rego': bucketRule('IN-1', 'inside.r'),
      'outside/r.rego': bucketRule('OUT-1', 'outside.r'),
    }),
  });
  const status = load({ sources: [{ kind: 'bundle', name: 'b', location: `${dir}/b.tar.gz` }] }).packs[1];
  assert.deepEqual(status.ruleIds, ['IN-1']);
  assert.deepEqual(status.diagnostics.map((d) => d.code).sort(), ['pack-roots', 'pack-wasm']);
  assert.equal(status.diagnostics.find((d) => d.code === 'pack-wasm')!.file, 'policy.wasm');
});

test('one broken pack never disables another: its errors are its own', async () => {
  const dir = writeTree(tempDir(), {
    'good/r.rego': bucketRule('GOOD-1', 'good.r'),
    'broken/bad.rego': 'package broken.bad\n\ndeny contains x if {\n',
    'broken/unsafe.rego': bucketRule('BROKEN-2', 'broken.unsafe').replace('r.type == "aws_s3_bucket"', 'r.type == undefined_var'),
  });
  writeTree(dir, { 'notgz.tar.gz': 'plain text, not gzip' });
  const loaded = load({
    sources: [
      { kind: 'folder', name: 'broken', location: `${dir}/broken` },
      { kind: 'bundle', name: 'notgz', location: `${dir}/notgz.tar.gz` },
      { kind: 'folder', name: 'missing', location: `${dir}/nope` },
      { kind: 'folder', name: 'good', location: `${dir}/good` },
    ],
  });
  const byName = Object.fromEntries(loaded.packs.map((p) => [p.name, p]));
  assert.equal(byName.good.ruleCount, 1);
  assert.deepEqual(byName.good.diagnostics, []);
  assert.equal(byName.broken.loaded, false);
  assert.deepEqual([...new Set(byName.broken.diagnostics.map((d) => d.file))].sort(), ['bad.rego', 'unsafe.rego']);
  assert.match(byName.notgz.diagnostics[0].message, /not a gzip archive/);
  assert.match(byName.missing.diagnostics[0].message, /cannot read the folder/);
  const scan = await scanFiles(loaded.pack, { 'main.tf': BUCKET_TF });
  assert.deepEqual(scan.findings.map((f) => f.ruleId).sort(), ['GOOD-1', 'PAL-FAKE-001']);
});

test('a rule id declared by two packs loads once and the second pack is told', () => {
  const dir = writeTree(tempDir(), { 'a/r.rego': bucketRule('DUP-1', 'a.r'), 'b/r.rego': bucketRule('DUP-1', 'b.r') });
  const loaded = load({ sources: [{ kind: 'folder', name: 'a', location: `${dir}/a` }, { kind: 'folder', name: 'b', location: `${dir}/b` }] });
  assert.deepEqual(loaded.pack.rules.filter((r) => r.id === 'DUP-1').map((r) => r.file), ['@a/r.rego']);
  assert.match(loaded.packs[2].diagnostics[0].message, /DUP-1 is declared twice/);
});

test('a folder pack does not follow symbolic links; it says so and loads the rest', () => {
  const dir = writeTree(tempDir(), { 'team/r.rego': bucketRule('LINKED-1', 'team.r'), 'secret/s.rego': bucketRule('SECRET-1', 'secret.s') });
  require('node:fs').symlinkSync(`${dir}/secret/s.rego`, `${dir}/team/s.rego`);
  const status = load({ sources: [{ kind: 'folder', name: 'team', location: `${dir}/team` }] }).packs[1];
  assert.deepEqual(status.ruleIds, ['LINKED-1']);
  assert.deepEqual(status.diagnostics.map((d) => d.message), ['team: s.rego is a symbolic link; links are not followed']);
});
