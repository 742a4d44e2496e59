// Collection, map and set functions; expectations follow Terraform's documentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown, isObject } from '../../../../server/src/iac/terraform/values';
import { assertCallError, call } from './context';

test('alltrue and anytrue', () => {
  assert.equal(call('alltrue', ['true', true]), true);
  assert.equal(call('alltrue', [true, false]), false);
  assert.equal(call('alltrue', []), true);
  assert.equal(call('anytrue', ['true']), true);
  assert.equal(call('anytrue', [true, false]), true);
  assert.equal(call('anytrue', []), false);
});

test('chunklist', () => {
  assert.deepEqual(call('chunklist', ['a', 'b', 'c', 'd', 'e'], 2), [['a', 'b'], ['c', 'd'], ['e']]);
  assert.deepEqual(call('chunklist', ['a', 'b', 'c', 'd', 'e'], 1), [['a'], ['b'], ['c'], ['d'], ['e']]);
  assert.deepEqual(call('chunklist', ['a', 'b'], 0), [['a', 'b']]);
  assertCallError('chunklist', [['a'], -1], /must be positive/);
});

test('coalesce skips null and empty strings; coalescelist skips empty lists', () => {
  assert.equal(call('coalesce', 'a', 'b'), 'a');
  assert.equal(call('coalesce', '', 'b'), 'b');
  assert.equal(call('coalesce', 1, 2), 1);
  assert.equal(call('coalesce', null, 'x'), 'x');
  assert.equal(call('coalesce', null, 2, 'x'), '2'); // unified to string
  assertCallError('coalesce', [null, ''], /no non-null, non-empty-string arguments/);
  assert.deepEqual(call('coalescelist', ['a', 'b'], ['c', 'd']), ['a', 'b']);
  assert.deepEqual(call('coalescelist', [], ['c', 'd']), ['c', 'd']);
  assertCallError('coalescelist', [[], []], /no non-null arguments/);
});

test('compact, concat, contains, distinct', () => {
  assert.deepEqual(call('compact', ['a', '', 'b', null, 'c']), ['a', 'b', 'c']);
  assert.deepEqual(call('concat', ['a', ''], ['b', 'c']), ['a', '', 'b', 'c']);
  assert.deepEqual(call('concat'), []);
  assert.equal(call('contains', ['a', 'b', 'c'], 'a'), true);
  assert.equal(call('contains', ['a', 'b', 'c'], 'd'), false);
  assert.equal(call('contains', [{ a: 1 }], { a: 1 }), true);
  assert.equal(call('contains', [1, 2], '1'), true); // the value converts to the element type
  assert.equal(call('contains', [1, 2], '3'), false);
  assert.deepEqual(call('distinct', ['a', 'b', 'a', 'c', 'd', 'b']), ['a', 'b', 'c', 'd']);
});

test('element wraps around; index finds the first match', () => {
  assert.equal(call('element', ['a', 'b', 'c'], 1), 'b');
  assert.equal(call('element', ['a', 'b', 'c'], 3), 'a');
  assert.equal(call('element', ['a', 'b', 'c'], 7), 'b');
  assertCallError('element', [['a'], -1], /negative index/);
  assertCallError('element', [[], 0], /empty list/);
  assert.equal(call('index', ['a', 'b', 'c'], 'b'), 1);
  assertCallError('index', [['a'], 'z'], /item not found/);
});

test('flatten recurses through nested lists', () => {
  assert.deepEqual(call('flatten', [['a', 'b'], [], ['c']]), ['a', 'b', 'c']);
  assert.deepEqual(call('flatten', [[['a', 'b'], []], ['c']]), ['a', 'b', 'c']);
  assert.deepEqual(call('flatten', [{ a: 1 }, [{ b: 2 }]]), [{ a: 1 }, { b: 2 }]);
});

test('length counts characters, elements and keys', () => {
  assert.equal(call('length', []), 0);
  assert.equal(call('length', ['a', 'b']), 2);
  assert.equal(call('length', { a: 'b' }), 1);
  assert.equal(call('length', 'hello'), 5);
  assert.equal(call('length', '👾🕹️'), 2);
  assertCallError('length', [5], /must be a string, a collection type/);
});

test('keys and values are ordered by key; lookup with and without a default', () => {
  assert.deepEqual(call('keys', { c: 3, a: 1, d: 2 }), ['a', 'c', 'd']);
  assert.deepEqual(call('values', { c: 3, a: 1, d: 2 }), [1, 3, 2]);
  assert.equal(call('lookup', { a: 'ay', b: 'bee' }, 'a', 'what?'), 'ay');
  assert.equal(call('lookup', { a: 'ay', b: 'bee' }, 'c', 'what?'), 'what?');
  assert.equal(call('lookup', { a: 'ay' }, 'a'), 'ay');
  assertCallError('lookup', [{ a: 'ay' }, 'c'], /lookup failed to find key "c"/);
});

test('matchkeys', () => {
  assert.deepEqual(call('matchkeys', ['i-123', 'i-abc', 'i-def'], ['us-west', 'us-east', 'us-east'], ['us-east']), ['i-abc', 'i-def']);
  assertCallError('matchkeys', [['a'], [], []], /length of keys and values should be equal/);
});

test('merge: later arguments win, null arguments are skipped', () => {
  assert.deepEqual(call('merge', { a: 'b', c: 'd' }, { e: 'f', c: 'z' }), { a: 'b', e: 'f', c: 'z' });
  assert.deepEqual(call('merge', { a: 'b' }, null, { a: [1] }), { a: [1] });
  assert.deepEqual(call('merge'), {});
  assertCallError('merge', [{ a: 1 }, ['x']], /arguments must be maps or objects/);
});

test('one', () => {
  assert.equal(call('one', []), null);
  assert.equal(call('one', ['hello']), 'hello');
  assertCallError('one', [['a', 'b']], /either zero or one elements/);
});

test('range', () => {
  assert.deepEqual(call('range', 3), [0, 1, 2]);
  assert.deepEqual(call('range', 1, 4), [1, 2, 3]);
  assert.deepEqual(call('range', 1, 8, 2), [1, 3, 5, 7]);
  assert.deepEqual(call('range', 1, 4, 0.5), [1, 1.5, 2, 2.5, 3, 3.5]);
  assert.deepEqual(call('range', 4, 1), [4, 3, 2]);
  assert.deepEqual(call('range', 10, 5, -2), [10, 8, 6]);
  assert.deepEqual(call('range', 0), []);
  assertCallError('range', [1, 4, -1], /step must be positive/);
  assertCallError('range', [1, 4, 0], /step must not be zero/);
  assertCallError('range', [2000], /more than 1024/);
});

test('reverse, slice, sort, sum', () => {
  assert.deepEqual(call('reverse', [1, 2, 3]), [3, 2, 1]);
  assert.deepEqual(call('slice', ['a', 'b', 'c', 'd'], 1, 3), ['b', 'c']);
  assertCallError('slice', [['a'], 0, 2], /ending index must not be greater than the length/);
  assertCallError('slice', [['a', 'b'], 2, 1], /must not be greater than the ending index/);
  assert.deepEqual(call('sort', ['e', 'd', 'a', 'x']), ['a', 'd', 'e', 'x']);
  assert.deepEqual(call('sort', [3, 11, 1]), ['1', '11', '3']); // elements become strings
  assert.equal(call('sum', [10, 13, 6, 4.5]), 33.5);
  assertCallError('sum', [[]], /cannot sum an empty list/);
});

test('transpose and zipmap', () => {
  assert.deepEqual(call('transpose', { a: ['1', '2'], b: ['2', '3'] }), { '1': ['a'], '2': ['a', 'b'], '3': ['b'] });
  assert.deepEqual(call('zipmap', ['a', 'b'], [1, 2]), { a: 1, b: 2 });
  assert.deepEqual(call('zipmap', ['a', 'b'], [['x'], { y: 1 }]), { a: ['x'], b: { y: 1 } });
  assertCallError('zipmap', [['a'], [1, 2]], /number of keys \(1\) does not match number of values \(2\)/);
});

test('set functions produce distinct, ordered sets', () => {
  assert.deepEqual(call('setintersection', ['a', 'b'], ['b', 'c'], ['b', 'd']), ['b']);
  assert.deepEqual(call('setsubtract', ['a', 'b', 'c'], ['a', 'c']), ['b']);
  assert.deepEqual(call('setunion', ['a', 'b'], ['b', 'c'], ['d']), ['a', 'b', 'c', 'd']);
  assert.deepEqual(call('setunion', ['b', 'a'], ['a']), ['a', 'b']);
  assert.deepEqual(call('setproduct', ['development', 'staging'], ['app1', 'app2']), [
    ['development', 'app1'],
    ['development', 'app2'],
    ['staging', 'app1'],
    ['staging', 'app2'],
  ]);
  assert.deepEqual(call('setproduct', ['a'], []), []);
  assertCallError('setproduct', [['a']], /at least two arguments/);
});

// The AZ list of most examples: slice(data.aws_availability_zones.available.names, 0, 3) has
// three (unknown) elements, so subnets counted per AZ stay countable.
test('slice of an unknown list with known bounds keeps its length', () => {
  const names = new Unknown('data.aws_availability_zones.available.names', ['data.aws_availability_zones.available']);
  const azs = call('slice', names, 0, 3);
  assert.ok(Array.isArray(azs) && azs.length === 3 && azs.every((v) => v instanceof Unknown));
  assert.deepEqual((azs as Unknown[])[0].refs, ['data.aws_availability_zones.available']);
  assert.deepEqual(call('slice', names, 2, 2), []);
  assert.ok(call('slice', names, 0, new Unknown('var.n')) instanceof Unknown);
  assertCallError('slice', [names, 2, 1], /must not be greater than the ending index/);
  assertCallError('slice', [names, -1, 1], /must not be negative/);
});

test('unknown-aware collection functions keep what is known', () => {
  const u = new Unknown('var.unset', [], 'variable has no value');
  assert.equal(call('length', [u]), 1);
  assert.ok(call('length', u) instanceof Unknown);
  const joined = call('concat', ['a'], [u]);
  assert.ok(Array.isArray(joined) && joined[0] === 'a' && joined[1] instanceof Unknown);
  assert.deepEqual(call('keys', { a: u, b: 1 }), ['a', 'b']);
  assert.equal(call('lookup', { a: 'x', b: u }, 'a'), 'x');
  assert.ok(call('lookup', { a: 'x', b: u }, 'b') instanceof Unknown);
  assert.equal(call('element', ['a', u], 0), 'a');
  assert.ok(call('coalesce', null, u, 'b') instanceof Unknown);
  assert.equal(call('coalesce', 'a', u), 'a');
  const merged = call('merge', { a: 1 }, { b: u });
  assert.ok(isObject(merged) && merged.a === 1 && merged.b instanceof Unknown);
  assert.ok(call('distinct', ['a', u]) instanceof Unknown);
  assert.ok(call('merge', { a: 1 }, u) instanceof Unknown);
  assert.equal(call('alltrue', [false, u]), false);
  assert.ok(call('alltrue', [true, u]) instanceof Unknown);
  assert.equal(call('anytrue', [u, true]), true);
  assert.ok(call('anytrue', [false, u]) instanceof Unknown);
  assert.equal(call('contains', ['a', u], 'a'), true);
  assert.ok(call('contains', ['a', u], 'b') instanceof Unknown);
  assert.ok(call('contains', ['a'], u) instanceof Unknown);
});
