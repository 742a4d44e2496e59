// Path helpers of the evaluator. relativePath has a fast path for a path below the root; these
// cases pin its answers, including the shapes that must take the general path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativePath } from '../../../../server/src/iac/terraform/eval/text';

test('relativePath gives the tail of a path below the root', () => {
  assert.equal(relativePath('/ws', '/ws/main.tf'), 'main.tf');
  assert.equal(relativePath('/ws/app', '/ws/app/modules/db/main.tf'), 'modules/db/main.tf');
  assert.equal(relativePath('/', '/ws/main.tf'), 'ws/main.tf');
});

test('relativePath climbs out of the root and answers "." for the root itself', () => {
  assert.equal(relativePath('/ws/app', '/ws/modules/db/main.tf'), '../modules/db/main.tf');
  assert.equal(relativePath('/ws/app', '/ws/app'), '.');
  assert.equal(relativePath('/ws/app', '/ws/application/main.tf'), '../application/main.tf');
  assert.equal(relativePath('/ws/app', '/other'), '../../other');
});

test('relativePath ignores empty segments (doubled and trailing slashes) on either side', () => {
  assert.equal(relativePath('/ws/', '/ws/main.tf'), 'main.tf');
  assert.equal(relativePath('/ws', '/ws//main.tf'), 'main.tf');
  assert.equal(relativePath('/ws', '/ws/dir/'), 'dir');
  assert.equal(relativePath('//ws', '/ws/a//b'), 'a/b');
  assert.equal(relativePath('/ws', '/ws/'), '.');
});
