import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { getBuiltin } from '../../../server/src/rego/builtins';
import { fromJS } from '../../../server/src/rego/value/json';
import { toRegoText } from '../../../server/src/rego/value/format';
import type { RegoObject, RegoValue } from '../../../server/src/rego/value/types';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../../helpers/corpora';
import { parseYAML } from '../../../server/src/rego/value/json';
import { context, expectCall, expectError } from './helpers';

const run = (name: string, ...args: RegoValue[]) => getBuiltin(name)!.impl(args, context());

test('digests and HMACs (hex)', () => {
  expectCall('crypto.sha256', ['"abc"'], '"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"');
  expectCall('crypto.md5', ['""'], '"d41d8cd98f00b204e9800998ecf8427e"');
  expectCall('crypto.sha1', ['"abc"'], '"a9993e364706816aba3e25717850c26c9cd0d89d"');
  expectCall('crypto.hmac.sha256', ['"The quick brown fox jumps over the lazy dog"', '"key"'], '"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"');
  expectCall('crypto.hmac.equal', ['"abc"', '"abc"'], 'true');
  expectCall('crypto.hmac.equal', ['"abc"', '"abd"'], 'false');
});

const JWK = '{"k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kty": "oct"}';

test('io.jwt.encode_sign reproduces RFC 7515 A.1 (HS256)', () => {
  expectCall('io.jwt.encode_sign', ['{"alg": "HS256", "typ": "JWT"}', '{}', JWK], '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8"');
  expectCall('io.jwt.encode_sign', [
    '{"alg": "HS256", "typ": "JWT"}',
    '{"aud": ["bob", "saul"], "exp": 1300819380, "http://example.com/is_root": true, "iss": "joe", "privateParams": {"private_one": "one", "private_two": "two"}}',
    JWK,
  ], '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOlsiYm9iIiwic2F1bCJdLCJleHAiOjEzMDA4MTkzODAsImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlLCJpc3MiOiJqb2UiLCJwcml2YXRlUGFyYW1zIjp7InByaXZhdGVfb25lIjoib25lIiwicHJpdmF0ZV90d28iOiJ0d28ifX0.-Or2eol8bzly-Ztb0v7_7UkcKBkN_aNNpK33HK0MeOY"');
});

test('decode, verify and decode_verify (HS256)', () => {
  const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8';
  const decoded = run('io.jwt.decode', token)!;
  assert.equal(toRegoText((decoded as RegoValue[])[0]), '{"alg": "HS256", "typ": "JWT"}');
  assert.equal(run('io.jwt.verify_hs256', token, 'wrong'), false);
  expectError('io.jwt.decode', ['"a.b"'], 'io.jwt.decode: encoded JWT must have 3 sections, found 2', 'eval_builtin_error');
  const ok = run('io.jwt.decode_verify', token, fromJS({ secret: 'wrong' }))!;
  assert.equal(toRegoText(ok), '[false, {}, {}]');
});

/**
 * A generated key pair as PEM strings, encoded inside the generation job. Exporting a KeyObject
 * straight from generateKeyPairSync could deadlock Node 20 (CI, 2026-12-01: a GC during the JWK
 * export destroyed the previous KeyGenJob, which waited on the key's own mutex); keys re-read with
 * createPrivateKey are not tied to a job.
 */
function pemKeyPair(type: 'rsa' | 'ec', options: { modulusLength: number } | { namedCurve: string }): { privateKey: string; publicKey: string } {
  const encoding = { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } } as const;
  return generateKeyPairSync(type as 'rsa', { ...(options as { modulusLength: number }), ...encoding }) as unknown as { privateKey: string; publicKey: string };
}

test('RS256 and ES256 sign/verify round trips with generated keys', () => {
  for (const [alg, type, options] of [
    ['RS256', 'rsa', { modulusLength: 2048 }],
    ['ES256', 'ec', { namedCurve: 'P-256' }],
    ['PS256', 'rsa', { modulusLength: 2048 }],
  ] as const) {
    const { privateKey, publicKey: pem } = pemKeyPair(type, options);
    const jwk = fromJS(createPrivateKey(privateKey).export({ format: 'jwk' }));
    const token = run('io.jwt.encode_sign', fromJS({ alg }), fromJS({ sub: 'x', exp: 4102444800 }), jwk) as string;
    assert.equal(run(`io.jwt.verify_${alg.toLowerCase()}`, token, pem), true, alg);
    const [valid, , payload] = run('io.jwt.decode_verify', token, fromJS({ cert: pem, alg })) as RegoValue[];
    assert.equal(valid, true, alg);
    assert.equal(toRegoText(payload), '{"exp": 4102444800, "sub": "x"}');
    const expired = run('io.jwt.decode_verify', token, fromJS({ cert: pem, time: 4102444800n * 1_000_000_000n })) as RegoValue[];
    assert.equal(expired[0], false, `${alg} expired`);
  }
});

test('PEM errors use OPA wording', () => {
  expectError('io.jwt.verify_rs256', ['"a.b.c"', '"-----BEGIN CERT-----\\nAAAA\\n-----END CERT-----"'], 'io.jwt.verify_rs256: failed to extract a Key from the PEM certificate', 'eval_builtin_error');
  expectError('crypto.x509.parse_rsa_private_key', ['"invalid"'], 'crypto.x509.parse_rsa_private_key: illegal base64 data at input byte 4', 'eval_builtin_error');
});

test('providers.aws.sign_req computes AWS SigV4 headers (OPA conformance expectation)', () => {
  const req = '{"method": "get", "url": "http://example.com", "headers": {"foo": "bar"}}';
  const cfg = '{"aws_access_key": "MYAWSACCESSKEYGOESHERE", "aws_secret_access_key": "MYAWSSECRETACCESSKEYGOESHERE", "aws_service": "s3", "aws_region": "us-east-1"}';
  expectCall('providers.aws.sign_req', [req, cfg, '1451311705000000000'], `{"headers": {"Authorization": "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature=8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952", "foo": "bar", "host": "example.com", "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "x-amz-date": "20151228T140825Z"}, "method": "get", "url": "http://example.com"}`);
  expectError('providers.aws.sign_req', ['{}', cfg, '0'], 'providers.aws.sign_req: operand 1 missing required request parameters(s): {"method", "url"}');
  expectError('providers.aws.sign_req', [req, cfg, '-1000000000'], 'providers.aws.sign_req: operand 3 could not convert time_ns value into a unix timestamp');
});

test('crypto.x509.parse_certificate_request reads the subject of OPA conformance CSRs', { skip: corpus('opa-cases') === undefined ? 'corpora not available' : false }, () => {
  const dir = join(corpus('opa-cases')!, 'v1', 'cryptox509parsecertificaterequest');
  let checked = 0;
  for (const file of readdirSync(dir)) {
    const doc = parseYAML(readFileSync(join(dir, file), 'utf8')).value;
    for (const c of ((doc as RegoObject).get('cases') as RegoValue[]) ?? []) {
      const modules = (c as RegoObject).get('modules');
      const literal = Array.isArray(modules) ? /csr := ("(?:[^"\\]|\\.)*")/.exec(String(modules[0])) : null;
      const csr = literal ? (JSON.parse(literal[1]) as string) : undefined;
      const want = (c as RegoObject).get('want_result');
      if (csr === undefined || !Array.isArray(want) || want.length !== 1) continue;
      const out = run('crypto.x509.parse_certificate_request', csr) as RegoObject;
      assert.equal((out.get('Subject') as RegoObject).get('CommonName'), (want[0] as RegoObject).get('x'));
      checked++;
    }
  }
  assert.ok(checked >= 3, `checked ${checked}`);
});

test('crypto.parse_private_keys returns JWKs for each PEM private key', () => {
  const pem = pemKeyPair('ec', { namedCurve: 'P-256' }).privateKey;
  const keys = run('crypto.parse_private_keys', pem + pem) as RegoValue[];
  assert.equal(keys.length, 2);
  assert.equal((keys[0] as RegoObject).get('kty'), 'EC');
  assert.equal(toRegoText(run('crypto.parse_private_keys', '')!), '[]');
});
