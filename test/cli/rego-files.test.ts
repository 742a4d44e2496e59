// Data documents on the command line (`palisade test`, `palisade rego eval -d`): placement by
// directory, OPA's `prefix:path` form, and a conflict or a bad document stopping the run, named.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { run } from '../../server/src/cli/commands/test';
import { loadPaths, mergeData, splitDataPrefix } from '../../server/src/cli/rego/files';
import { toJSONText } from '../../server/src/rego/index';
import { capture, tempTree } from './rego-capture';

const TESTS = 'package app_test\n\ntest_x if data.config.x == 1\n';

test('documents go under data by directory; a prefix places a file or a folder further down', () => {
  const dir = tempTree({ 'config/data.json': '{"x": 1}', 'top.yaml': 'y: 2\n', 'a.rego': 'package a\n' });
  const loaded = loadPaths([dir], { data: true });
  assert.equal(toJSONText(mergeData(loaded.data)), '{"config":{"x":1},"y":2}');
  const prefixed = loadPaths([`team.limits:${join(dir, 'config/data.json')}`, `other:${join(dir, 'config')}`], { data: true });
  assert.equal(toJSONText(mergeData(prefixed.data)), '{"other":{"x":1},"team":{"limits":{"x":1}}}');
  assert.deepEqual(splitDataPrefix('C:\\ws\\data.json'), { prefix: [], path: 'C:\\ws\\data.json' });
  assert.deepEqual(splitDataPrefix('file:///ws/data.json'), { prefix: [], path: 'file:///ws/data.json' });
  assert.deepEqual(splitDataPrefix('a.b:x/data.json'), { prefix: ['a', 'b'], path: 'x/data.json' });
  assert.equal(loadPaths([`${dir}:x`]).missing.length, 1, 'without data loading there is no prefix form');
});

test('palisade test: a conflicting document is a merge error naming both files, exit 1', async () => {
  const dir = tempTree({ 'app_test.rego': TESTS, 'config/data.json': '{"x": 1}', 'config/more.json': '{"x": 1}' });
  const r = await capture(run, [dir]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `${join(dir, 'config/more.json')}: merge error: data.config.x is also defined by ${join(dir, 'config/data.json')}\n`);
});

test('palisade test: a non-object document at the root is a bad document type, exit 1', async () => {
  const dir = tempTree({ 'app_test.rego': TESTS, 'config/data.json': '{"x": 1}', 'list.json': '[1]' });
  const r = await capture(run, [dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /list\.json: bad document type/);
});
