// Child reuse (child-reuse.ts) replays a module only when its inputs compare equal with
// `sameValue`: everything evaluation can observe in a value must count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/iac/terraform/values';
import { markComputed } from '../../../../server/src/iac/terraform/eval/computed';
import { PartialJson } from '../../../../server/src/iac/terraform/eval/json-template';
import { sameValue } from '../../../../server/src/iac/terraform/eval/value-equal';

test('plain values compare by structure, key order included', () => {
  assert.ok(sameValue({ a: [1, 'x', null, true], b: { c: 2 } }, { a: [1, 'x', null, true], b: { c: 2 } }));
  assert.ok(!sameValue({ a: 1, b: 2 }, { b: 2, a: 1 }));
  assert.ok(!sameValue([1, 2], [1, 2, 3]));
  assert.ok(!sameValue({ a: [1] }, { a: { 0: 1 } }));
  assert.ok(!sameValue(1, '1'));
  assert.ok(sameValue(Number.NaN, Number.NaN));
});

test('unknowns compare by expression text, dependencies and reason', () => {
  assert.ok(sameValue(new Unknown('var.a', ['x'], 'no value'), new Unknown('var.a', ['x'], 'no value')));
  assert.ok(!sameValue(new Unknown('var.a'), new Unknown('var.b')));
  assert.ok(!sameValue(new Unknown('var.a', ['x']), new Unknown('var.a', ['y'])));
  assert.ok(!sameValue(new Unknown('var.a', [], 'one'), new Unknown('var.a', [], 'two')));
  assert.ok(!sameValue(new Unknown('var.a'), { $unknown: 'var.a' }));
  assert.ok(!sameValue(new Unknown('x'), new PartialJson('x', [], undefined, {})));
  assert.ok(sameValue(new PartialJson('x', [], undefined, { a: 1 }), new PartialJson('x', [], undefined, { a: 1 })));
  assert.ok(!sameValue(new PartialJson('x', [], undefined, { a: 1 }), new PartialJson('x', [], undefined, { a: 2 })));
});

test('an object standing for a resource instance differs from an equal plain object', () => {
  const instance = markComputed({ id: 'x' }, 'aws_s3_bucket.b');
  assert.ok(!sameValue(instance, { id: 'x' }));
  assert.ok(sameValue(instance, markComputed({ id: 'x' }, 'aws_s3_bucket.b')));
  assert.ok(!sameValue(instance, markComputed({ id: 'x' }, 'aws_s3_bucket.c')));
});
