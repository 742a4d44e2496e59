// OPA bundle signatures: verified before anything in the bundle loads; tampering names the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalJson, createSignatures, fileDigest, loadPacks, readTarGz, verifyBundleSignatures, type PackSettings } from '../../server/src/policy';
import { DiskPackReader } from '../../server/src/workspace/pack-reader';
import { FAKE_BUILTIN, bucketRule, bundleBytes, ecKeys, rsaKeys, tempDir, writeTree } from './packs-helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const FILES = { '.manifest': '{"revision": "7", "roots": ["team"]}', 'team/r.rego': bucketRule('SIG-1', 'team.r'), 'team/cfg/data.json': '{"b": 1, "a": "<x>"}' };

function filesOf(record: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(record).map(([k, v]) => [k, enc(v)]));
}

function signed(record: Record<string, string>, key: { algorithm: 'RS256' | 'ES256' | 'HS256'; material: string }, keyId?: string): Map<string, Uint8Array> {
  const files = filesOf(record);
  files.set('.signatures.json', enc(createSignatures(files, key, keyId)));
  return files;
}

test('JSON files hash over their canonical form (sorted keys, no whitespace, Go escaping); others over bytes', () => {
  assert.equal(canonicalJson({ b: [1, true, null], a: '<&>' }), '{"a":"\\u003c\\u0026\\u003e","b":[1,true,null]}');
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  assert.equal(fileDigest('x/data.json', enc('{ "b": 1,\n "a": 2 }')), sha('{"a":2,"b":1}'));
  assert.equal(fileDigest('x/data.yaml', enc('b: 1\na: 2\n')), sha('{"a":2,"b":1}'));
  assert.equal(fileDigest('.manifest', enc('{"roots": [""]}')), sha('{"roots":[""]}'));
  assert.equal(fileDigest('x/p.rego', enc('package p\n')), sha('package p\n'));
});

test('RS256, ES256 and HS256 signatures verify with the matching key', () => {
  const rsa = rsaKeys();
  const ec = ecKeys();
  const cases = [
    { sign: { algorithm: 'RS256' as const, material: rsa.privatePem }, verify: { algorithm: 'RS256' as const, material: rsa.publicPem } },
    { sign: { algorithm: 'ES256' as const, material: ec.privatePem }, verify: { algorithm: 'ES256' as const, material: ec.publicPem } },
    { sign: { algorithm: 'HS256' as const, material: 's3cret' }, verify: { algorithm: 'HS256' as const, material: 's3cret' } },
  ];
  for (const c of cases) {
    const check = verifyBundleSignatures(signed(FILES, c.sign, 'team'), { team: c.verify }, { required: true });
    assert.deepEqual(check, { signed: true, errors: [], keyId: 'team' }, c.sign.algorithm);
  }
  // The payload OPA reads: files with name, hash, algorithm; kid in the header.
  const token = JSON.parse(new TextDecoder().decode(signed(FILES, cases[2].sign, 'team').get('.signatures.json'))).signatures[0] as string;
  const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
  assert.deepEqual(header, { alg: 'HS256', typ: 'JWT', kid: 'team' });
  assert.deepEqual(payload.files.map((f: { name: string; algorithm: string }) => `${f.name}:${f.algorithm}`), ['.manifest:SHA-256', 'team/cfg/data.json:SHA-256', 'team/r.rego:SHA-256']);
});

test('a tampered file, an added file and a removed file are each named', () => {
  const key = { algorithm: 'HS256' as const, material: 'k' };
  const files = signed(FILES, key);
  files.set('team/r.rego', enc(FILES['team/r.rego'].replace('medium', 'info')));
  files.set('team/extra.rego', enc('package team.extra\n'));
  files.delete('team/cfg/data.json');
  const check = verifyBundleSignatures(files, { k: key }, { required: false });
  assert.deepEqual(check.errors.map((e) => e.file).sort(), ['team/cfg/data.json', 'team/extra.rego', 'team/r.rego']);
  assert.match(check.errors.find((e) => e.file === 'team/r.rego')!.message, /does not match its signature/);
  // Reformatting a JSON file is not tampering.
  const reformatted = signed(FILES, key);
  reformatted.set('team/cfg/data.json', enc('{\n  "a": "<x>",\n  "b": 1\n}\n'));
  assert.deepEqual(verifyBundleSignatures(reformatted, { k: key }, { required: false }).errors, []);
});

test('a wrong key, a wrong algorithm and an unknown key id are refused', () => {
  const a = rsaKeys();
  const b = rsaKeys();
  const files = signed(FILES, { algorithm: 'RS256', material: a.privatePem }, 'team');
  assert.match(verifyBundleSignatures(files, { team: { algorithm: 'RS256', material: b.publicPem } }, { required: false }).errors[0].message, /does not verify with key 'team'/);
  assert.match(verifyBundleSignatures(files, { team: { algorithm: 'HS256', material: a.publicPem } }, { required: false }).errors[0].message, /uses RS256 but key 'team' is HS256/);
  assert.match(verifyBundleSignatures(files, { other: { algorithm: 'RS256', material: a.publicPem } }, { required: false }).errors[0].message, /needs key 'team', which is not in packs.keys/);
});

test('unsigned bundles load unless require_signature; then they are refused before anything loads', () => {
  const dir = writeTree(tempDir(), { 'plain.tar.gz': bundleBytes(FILES) });
  const settings = (requireSignature: boolean): PackSettings => ({ sources: [{ kind: 'bundle', name: 'plain', location: `${dir}/plain.tar.gz` }], builtin: true, requireSignature, keys: {} });
  const open = loadPacks(settings(false), new DiskPackReader(), { trusted: true, builtinFiles: () => FAKE_BUILTIN });
  assert.deepEqual(open.packs[1].ruleIds, ['SIG-1']);
  assert.equal(open.packs[1].signed, false);
  const strict = loadPacks(settings(true), new DiskPackReader(), { trusted: true, builtinFiles: () => FAKE_BUILTIN });
  assert.equal(strict.packs[1].loaded, false);
  assert.deepEqual(strict.packs[1].ruleIds, []);
  assert.match(strict.packs[1].diagnostics[0].message, /not signed \(no \.signatures\.json\) and packs\.require_signature is true/);
  assert.deepEqual(strict.pack.rules.map((r) => r.id), ['PAL-FAKE-001']);
});

test('a signed bundle on disk verifies with a key_file; tampering after signing refuses it, naming the file', () => {
  const { privatePem, publicPem } = ecKeys();
  const files = signed(FILES, { algorithm: 'ES256', material: privatePem }, 'team');
  const tampered = new Map(files);
  tampered.set('team/cfg/data.json', enc('{"a": "<y>", "b": 1}'));
  const toRecord = (m: Map<string, Uint8Array>) => Object.fromEntries([...m].map(([k, v]) => [k, v]));
  const dir = writeTree(tempDir(), { 'good.tar.gz': bundleBytes(toRecord(files)), 'bad.tar.gz': bundleBytes(toRecord(tampered)), 'keys/team.pem': publicPem });
  assert.equal(readTarGz(new DiskPackReader().readFile(`${dir}/good.tar.gz`)!).files.size, 4);
  const loaded = loadPacks(
    {
      sources: [{ kind: 'bundle', name: 'good', location: `${dir}/good.tar.gz` }, { kind: 'bundle', name: 'bad', location: `${dir}/bad.tar.gz` }],
      builtin: false,
      requireSignature: true,
      keys: { team: { algorithm: 'ES256', keyFile: `${dir}/keys/team.pem` } },
    },
    new DiskPackReader(),
    { trusted: true, builtinFiles: () => FAKE_BUILTIN },
  );
  const [, good, bad] = loaded.packs;
  assert.equal(good.signed, true);
  assert.deepEqual(good.ruleIds, ['SIG-1']);
  assert.equal(bad.loaded, false);
  assert.deepEqual(bad.diagnostics.map((d) => [d.code, d.file]), [['pack-signature', 'team/cfg/data.json']]);
});
