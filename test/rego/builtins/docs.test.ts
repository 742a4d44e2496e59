import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../../helpers/corpora';
import { render } from '../../../scripts/gen-builtin-docs';

test('docs/rego-builtins.md is generated from the current registry', () => {
  const committed = readFileSync(resolve(REPO_ROOT, 'docs', 'rego-builtins.md'), 'utf8');
  assert.equal(committed, render(), 'stale: run npx tsx scripts/gen-builtin-docs.ts');
});
