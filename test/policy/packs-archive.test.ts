// The bundle reader refuses hostile archives with a clear error and loads nothing from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { loadPacks, readTarGz, safeMemberPath, writeTarGz } from '../../server/src/policy';
import { DiskPackReader } from '../../server/src/workspace/pack-reader';
import { FAKE_BUILTIN, bucketRule, bundleBytes, tempDir, writeTree } from './packs-helpers';

const GOOD = { 'p/r.rego': bucketRule('ARCH-1', 'p.r') };

test('a well-formed bundle reads back; a leading / is the bundle root, as opa build writes it', () => {
  const long = `deep/${'d'.repeat(120)}/data.json`;
  const r = readTarGz(bundleBytes({ '/.manifest': '{}', ...GOOD, [long]: '{}' }, [{ name: 'p/', type: '5' }]));
  assert.deepEqual(r.errors, []);
  assert.deepEqual([...r.files.keys()].sort(), ['.manifest', long, 'p/r.rego'].sort());
  assert.equal(new TextDecoder().decode(r.files.get('p/r.rego')), GOOD['p/r.rego']);
});

test('path traversal, drive and backslash member names are refused', () => {
  for (const name of ['../evil.rego', 'p/../../evil.rego', 'C:/evil.rego', '//host/evil.rego', 'p\\..\\evil.rego']) {
    const r = readTarGz(bundleBytes({ ...GOOD, [name]: 'package evil\n' }));
    assert.equal(r.files.size, 0, name);
    assert.equal(r.errors.length, 1, name);
    assert.match(r.errors[0], /refused/, name);
  }
  assert.deepEqual(safeMemberPath('./a/./b.rego'), 'a/b.rego');
  assert.deepEqual(safeMemberPath('a/../b'), { error: "climbs out of the bundle with '..'" });
});

test('symbolic and hard link members are refused, naming the member', () => {
  const sym = readTarGz(bundleBytes(GOOD, [{ name: 'p/link.rego', type: '2', linkName: '/etc/passwd' }]));
  assert.deepEqual(sym.errors, ["member 'p/link.rego' is a symbolic link; links are refused"]);
  assert.equal(sym.files.size, 0);
  const hard = readTarGz(bundleBytes(GOOD, [{ name: 'p/hard.rego', type: '1', linkName: 'p/r.rego' }]));
  assert.match(hard.errors[0], /'p\/hard\.rego' is a hard link/);
});

test('an oversize member and an archive that inflates past the total limit are refused', () => {
  const big = new Uint8Array(70_000).fill(32);
  const member = readTarGz(bundleBytes({ ...GOOD, 'p/data.json': big }), { maxMemberBytes: 64 * 1024 });
  assert.deepEqual(member.errors, ["member 'p/data.json' is 70000 bytes, over the 65536-byte limit"]);
  // A zip bomb: 4 MB of zeros compress to a few KB.
  const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
  assert.ok(bomb.length < 10_000);
  const total = readTarGz(bomb, { maxTotalBytes: 1024 * 1024 });
  assert.deepEqual(total.errors, ['archive inflates past 1048576 bytes (limit)']);
});

test('corrupt and truncated archives are errors, not crashes', () => {
  const good = Buffer.from(require('node:zlib').gunzipSync(writeTarGz([{ name: 'a.rego', data: Buffer.from('package a\n') }])));
  good[10] ^= 0xff; // header byte flipped: the checksum no longer holds
  assert.match(readTarGz(gzipSync(good)).errors[0], /corrupt tar header/);
  const truncated = require('node:zlib').gunzipSync(writeTarGz([{ name: 'a.rego', data: Buffer.alloc(2000, 65) }])).subarray(0, 1024);
  assert.match(readTarGz(gzipSync(truncated)).errors[0], /truncated/);
  assert.match(readTarGz(new Uint8Array([1, 2, 3])).errors[0], /not a gzip archive/);
});

test('a refused bundle loads nothing and says why; the other packs still run', () => {
  const dir = writeTree(tempDir(), {
    'evil.tar.gz': bundleBytes({ ...GOOD, '../../outside.rego': bucketRule('EVIL-1', 'evil') }),
    'ok/r.rego': bucketRule('OK-1', 'ok.r'),
  });
  const loaded = loadPacks(
    { sources: [{ kind: 'bundle', name: 'evil', location: `${dir}/evil.tar.gz` }, { kind: 'folder', name: 'ok', location: `${dir}/ok` }], builtin: true, requireSignature: false, keys: {} },
    new DiskPackReader(),
    { trusted: true, builtinFiles: () => FAKE_BUILTIN },
  );
  assert.deepEqual(loaded.pack.rules.map((r) => r.id).sort(), ['OK-1', 'PAL-FAKE-001']);
  const evil = loaded.packs[1];
  assert.equal(evil.loaded, false);
  assert.equal(evil.diagnostics[0].code, 'pack-archive');
  assert.match(evil.diagnostics[0].message, /evil: member '\.\.\/\.\.\/outside\.rego' climbs out of the bundle/);
});
