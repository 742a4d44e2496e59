// applyEdits, the overlap rule fix-all uses, and fix titles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/fix';
import { editsOverlap } from '../../server/src/fix/edits';
import { titleOfOperations } from '../../server/src/fix/titles';

const e = (start: number, end: number, newText = '', file = 'a.tf') => ({ file, start, end, newText });

test('applyEdits applies non-overlapping edits in any order; insertions at one offset keep their order', () => {
  assert.equal(applyEdits('abcdef', [e(4, 5, 'E'), e(0, 1, 'A')]), 'AbcdEf');
  assert.equal(applyEdits('abc', [e(1, 1, 'x'), e(1, 1, 'y'), e(1, 2, 'B')]), 'axyBc');
  assert.equal(applyEdits('abc', [e(3, 3, '!')]), 'abc!');
  assert.equal(applyEdits('abc', []), 'abc');
});

test('editsOverlap: shared text overlaps, touching ranges and same-offset insertions do not', () => {
  assert.equal(editsOverlap([e(0, 3)], [e(2, 4)]), true);
  assert.equal(editsOverlap([e(0, 3)], [e(3, 4)]), false);
  assert.equal(editsOverlap([e(2, 2, 'x')], [e(2, 2, 'y')]), false);
  assert.equal(editsOverlap([e(2, 2, 'x')], [e(1, 3)]), true, 'an insertion inside a replaced range');
  assert.equal(editsOverlap([e(0, 3)], [e(0, 3, '', 'b.tf')]), false, 'different files');
});

test('titles say what the fix does', () => {
  assert.equal(titleOfOperations([{ op: 'set', path: ['enable_key_rotation'], value: true }], 'aws_kms_key.k'), 'Set enable_key_rotation = true');
  assert.equal(titleOfOperations([{ op: 'set', path: ['versioning', 0, 'status'], value: 'Enabled' }], undefined), 'Set versioning.status = "Enabled"');
  assert.equal(titleOfOperations([{ op: 'set', path: ['bucket'], value: { $expr: 'aws_s3_bucket.logs.id' } }], undefined), 'Set bucket = aws_s3_bucket.logs.id');
  assert.equal(titleOfOperations([{ op: 'remove', path: ['ingress', 1] }], undefined), 'Remove ingress[1]');
  assert.equal(titleOfOperations([{ op: 'add_block', path: [], type: 'metadata_options', config: { http_tokens: 'required' } }], undefined), 'Add metadata_options { http_tokens = "required" } block');
  assert.equal(
    titleOfOperations([{ op: 'add_resource', type: 'aws_s3_bucket_public_access_block', name: 'logs', config: {} }], 'aws_s3_bucket.logs'),
    'Add aws_s3_bucket_public_access_block for aws_s3_bucket.logs',
  );
  assert.equal(
    titleOfOperations([{ op: 'set', path: ['a'], value: 1 }, { op: 'set', path: ['b'], value: 2 }, { op: 'remove', path: ['c'] }], undefined),
    'Set a = 1 and 2 more changes',
  );
});

test('editsOverlap: two insertions of a block of the same type at one place overlap', () => {
  const block = (type: string) => e(5, 5, `\n\n  ${type} {\n    x = 1\n  }`);
  assert.equal(editsOverlap([block('domain_endpoint_options')], [block('domain_endpoint_options')]), true);
  assert.equal(editsOverlap([block('domain_endpoint_options')], [block('encrypt_at_rest')]), false);
  assert.equal(editsOverlap([e(5, 5, '\n  a = 1')], [e(5, 5, '\n  b = { c = 1 }')]), false, 'attributes, even with object values');
  const res = (name: string) => e(9, 9, `\n\nresource "aws_x" "${name}" {\n}`);
  assert.equal(editsOverlap([res('a')], [res('a')]), true);
  assert.equal(editsOverlap([res('a')], [res('b')]), false);
});
