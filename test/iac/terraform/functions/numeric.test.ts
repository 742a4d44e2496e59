// Numeric functions; expected values from Terraform's documentation examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCallError, call } from './context';

test('abs, ceil, floor, signum', () => {
  assert.equal(call('abs', 23), 23);
  assert.equal(call('abs', 0), 0);
  assert.equal(call('abs', -12.4), 12.4);
  assert.equal(call('ceil', 5), 5);
  assert.equal(call('ceil', 5.1), 6);
  assert.equal(call('floor', 4.9), 4);
  assert.equal(call('floor', -4.1), -5);
  assert.equal(call('signum', -13), -1);
  assert.equal(call('signum', 0), 0);
  assert.equal(call('signum', 344), 1);
});

test('max and min take any count of numbers (and numeric strings)', () => {
  assert.equal(call('max', 12, 54, 3), 54);
  assert.equal(call('min', 12, 54, 3), 3);
  assert.equal(call('max', '7', 2), 7);
  assertCallError('max', [], /at least one number/);
  assertCallError('min', ['x'], /number is required/);
});

test('log and pow', () => {
  assert.equal(call('log', 50, 10), 1.6989700043360185);
  assert.equal(call('log', 16, 2), 4);
  assert.equal(call('log', 1, 10), 0);
  assert.equal(call('pow', 3, 2), 9);
  assert.equal(call('pow', 4, 0), 1);
});

test('parseint handles bases 2 to 62 and signs', () => {
  assert.equal(call('parseint', '100', 10), 100);
  assert.equal(call('parseint', 'FF', 16), 255);
  assert.equal(call('parseint', '-10', 16), -16);
  assert.equal(call('parseint', '1011111011101111', 2), 48879);
  assert.equal(call('parseint', 'aA', 62), 656);
  assertCallError('parseint', ['12', 2], /cannot parse "12" as a base 2 integer/);
  assertCallError('parseint', ['1', 1], /base must be a whole number between 2 and 62/);
  assertCallError('parseint', ['', 10], /cannot parse/);
});
