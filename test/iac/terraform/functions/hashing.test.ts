// Hash and UUID functions; values from Terraform's documentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/iac/terraform/values';
import { assertCallError, call } from './context';

test('hex digests', () => {
  assert.equal(call('md5', 'hello world'), '5eb63bbbe01eeed093cb22bb8f5acdc3');
  assert.equal(call('sha1', 'hello world'), '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed');
  assert.equal(call('sha256', 'hello world'), 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
  assert.equal(
    call('sha512', 'hello world'),
    '309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f',
  );
});

test('base64 digests', () => {
  assert.equal(call('base64sha256', 'hello world'), 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=');
  assert.equal(
    call('base64sha512', 'hello world'),
    'MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==',
  );
});

test('uuidv5', () => {
  assert.equal(call('uuidv5', 'dns', 'www.terraform.io'), 'a5008fae-b28c-5ba5-96cd-82b4c53552d6');
  assert.equal(call('uuidv5', 'url', 'https://www.terraform.io/'), '9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5');
  assert.equal(call('uuidv5', 'oid', '1.3.6.1.4'), 'af9d40a5-7a36-5c07-b23a-851cd99fbfa5');
  assert.equal(call('uuidv5', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.terraform.io'), 'a5008fae-b28c-5ba5-96cd-82b4c53552d6');
  assertCallError('uuidv5', ['nope', 'x'], /doesn't support namespace/);
});

test('impure functions are unknown', () => {
  assert.ok(call('uuid') instanceof Unknown);
  assert.ok(call('bcrypt', 'secret') instanceof Unknown);
  assert.ok(call('timestamp') instanceof Unknown);
  assert.ok(call('plantimestamp') instanceof Unknown);
  assert.ok(call('rsadecrypt', 'x', 'y') instanceof Unknown);
});
