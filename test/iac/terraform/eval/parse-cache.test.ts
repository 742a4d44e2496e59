// The parse trees analyses share (eval/unit.ts `parseCached`, exported as parseTerraformCached):
// one tree per text, and an edited text of a file (fix verification) does not push out the tree
// of the text every other unit still reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerraform, parseTerraformCached } from '../../../../server/src/iac/terraform';

const PATH = '/parse-cache-test/main.tf';
const ORIGINAL = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';
const EDITED = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  force_destroy = true\n}\n';

test('the cached tree of a text is the tree parseTerraform gives, and is shared', () => {
  const first = parseTerraformCached(ORIGINAL, PATH);
  assert.deepEqual(first, parseTerraform(ORIGINAL, PATH));
  assert.equal(parseTerraformCached(ORIGINAL, PATH), first);
});

test('an edited text of the same file keeps the original tree; a third text drops the oldest', () => {
  const original = parseTerraformCached(ORIGINAL, `${PATH}.versions`);
  const edited = parseTerraformCached(EDITED, `${PATH}.versions`);
  assert.notEqual(edited, original);
  assert.equal(edited.body.items.length, 1);
  assert.equal(parseTerraformCached(ORIGINAL, `${PATH}.versions`), original, 'the original survives one edited version');
  assert.equal(parseTerraformCached(EDITED, `${PATH}.versions`), edited);
  // Two versions per file: a third text pushes out the least recently used one (ORIGINAL).
  parseTerraformCached(`${EDITED}# note\n`, `${PATH}.versions`);
  assert.equal(parseTerraformCached(EDITED, `${PATH}.versions`), edited);
  const reparsed = parseTerraformCached(ORIGINAL, `${PATH}.versions`);
  assert.notEqual(reparsed, original, 'parsed afresh after being dropped');
  assert.deepEqual(reparsed, original);
});
