// Type conversion functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/iac/terraform/values';
import { assertCallError, call } from './context';

test('tostring prints numbers as Terraform does', () => {
  assert.equal(call('tostring', 'hello'), 'hello');
  assert.equal(call('tostring', 1), '1');
  assert.equal(call('tostring', 1.5), '1.5');
  assert.equal(call('tostring', -0.001), '-0.001');
  assert.equal(call('tostring', 1e21), '1000000000000000000000');
  assert.equal(call('tostring', 1e-7), '0.0000001');
  assert.equal(call('tostring', true), 'true');
  assert.equal(call('tostring', null), null);
  assertCallError('tostring', [[]], /cannot convert tuple to string/);
});

test('tonumber and tobool', () => {
  assert.equal(call('tonumber', 1), 1);
  assert.equal(call('tonumber', '1'), 1);
  assert.equal(call('tonumber', '-1.5e3'), -1500);
  assert.equal(call('tonumber', null), null);
  assertCallError('tonumber', ['no'], /cannot convert "no" to number/);
  assert.equal(call('tobool', true), true);
  assert.equal(call('tobool', 'false'), false);
  assert.equal(call('tobool', null), null);
  assertCallError('tobool', ['no'], /cannot convert string to bool/);
  assertCallError('tobool', [1], /cannot convert number to bool/);
});

test('tolist unifies primitive element types', () => {
  assert.deepEqual(call('tolist', ['a', 'b', 'c']), ['a', 'b', 'c']);
  assert.deepEqual(call('tolist', ['a', 'b', 3]), ['a', 'b', '3']);
  assert.equal(call('tolist', null), null);
  assertCallError('tolist', [['a', ['b']]], /all elements must have the same type/);
  assertCallError('tolist', [{ a: 1 }], /cannot convert object to list/);
});

test('toset removes duplicates and orders elements', () => {
  assert.deepEqual(call('toset', ['a', 'b', 'c']), ['a', 'b', 'c']);
  assert.deepEqual(call('toset', ['c', 'b', 'b']), ['b', 'c']);
  assert.deepEqual(call('toset', ['a', 'b', 3]), ['3', 'a', 'b']);
  assert.deepEqual(call('toset', [10, 2, 2, -1]), [-1, 2, 10]);
  assert.deepEqual(call('toset', ['b', 'B', 'a', 'é']), ['B', 'a', 'b', 'é']);
});

test('tomap unifies value types', () => {
  assert.deepEqual(call('tomap', { a: 1, b: 2 }), { a: 1, b: 2 });
  assert.deepEqual(call('tomap', { a: 'foo', b: true }), { a: 'foo', b: 'true' });
  assertCallError('tomap', [['a']], /cannot convert tuple to map/);
});

test('sensitive and nonsensitive pass values through; issensitive is unknown', () => {
  assert.deepEqual(call('sensitive', { a: 1 }), { a: 1 });
  assert.equal(call('nonsensitive', 'x'), 'x');
  assert.ok(call('issensitive', 'x') instanceof Unknown);
});

test('tolist keeps unknown elements; toset of them is unknown', () => {
  const u = new Unknown('var.x');
  const list = call('tolist', ['a', u]);
  assert.ok(Array.isArray(list) && list.length === 2 && list[1] instanceof Unknown);
  assert.ok(call('toset', ['a', u]) instanceof Unknown);
});
