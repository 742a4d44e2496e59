// OPA hashes bundle JSON over Go's encoding with UseNumber: number literals keep their text
// (`1.0`, `1e3`, `-0`). A signature made that way — as `opa sign` does — must verify here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson, fileDigest, verifyBundleSignatures } from '../../server/src/policy';
import { parseJsonKeepingNumbers } from '../../server/src/policy/packs/json-literal';

const enc = (s: string) => new TextEncoder().encode(s);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const DATA = '{\n  "ratio": 1.0,\n  "limit": 1e3,\n  "offset": -0,\n  "big": 12345678901234567890,\n  "nested": {"z": [2.50, 1E-7], "a": "x"}\n}\n';
/** What OPA hashes for DATA: keys sorted, no whitespace, each number exactly as written. */
const OPA_CANONICAL = '{"big":12345678901234567890,"limit":1e3,"nested":{"a":"x","z":[2.50,1E-7]},"offset":-0,"ratio":1.0}';

/** A `.signatures.json` built independently of the code under test: HS256 over the given hashes. */
function hs256Signatures(hashes: Record<string, string>, secret: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'k' })}.${b64({ files: Object.entries(hashes).map(([name, hash]) => ({ name, hash, algorithm: 'SHA-256' })) })}`;
  return JSON.stringify({ signatures: [`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`] });
}

test('JSON number literals are hashed as written, like OPA (1.0, 1e3, -0, integers past 2^53)', () => {
  assert.equal(canonicalJson(parseJsonKeepingNumbers(DATA)), OPA_CANONICAL);
  assert.equal(fileDigest('team/cfg/data.json', enc(DATA)), sha(OPA_CANONICAL));
  // Reformatting is still not tampering; changing a literal is (OPA sees `1` and `1.0` differently too).
  assert.equal(fileDigest('d.json', enc(DATA.replace(/\n\s*/g, ''))), sha(OPA_CANONICAL));
  assert.notEqual(fileDigest('d.json', enc(DATA.replace('1.0', '1'))), sha(OPA_CANONICAL));
});

test('a bundle signed over literal numbers (as opa sign does) verifies; a changed literal is named', () => {
  const rego = 'package team.cfg\n';
  const files = new Map<string, Uint8Array>([
    ['team/cfg/data.json', enc(DATA)],
    ['team/cfg/p.rego', enc(rego)],
  ]);
  files.set('.signatures.json', enc(hs256Signatures({ 'team/cfg/data.json': sha(OPA_CANONICAL), 'team/cfg/p.rego': sha(rego) }, 'secret')));
  const keys = { k: { algorithm: 'HS256' as const, material: 'secret' } };
  assert.deepEqual(verifyBundleSignatures(files, keys, { required: true }).errors, []);
  files.set('team/cfg/data.json', enc(DATA.replace('1e3', '1000')));
  const tampered = verifyBundleSignatures(files, keys, { required: true });
  assert.deepEqual(tampered.errors.map((e) => e.file), ['team/cfg/data.json']);
});
