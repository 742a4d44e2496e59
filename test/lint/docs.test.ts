// docs/lint is generated from the rules' metadata: it must be up to date, one page per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { allRules } from '../../server/src/lint';
import { expectedFiles } from '../../scripts/gen-lint-docs';

test('docs/lint has an up-to-date page for every rule (run `npx tsx scripts/gen-lint-docs.ts`)', () => {
  const files = expectedFiles();
  assert.equal(files.size, allRules.length + 1);
  for (const [path, text] of files) {
    const committed = resolve(REPO_ROOT, 'docs', 'lint', path.split(/[\\/]/).pop()!);
    assert.ok(existsSync(committed), `missing ${committed}`);
    assert.equal(readFileSync(committed, 'utf8'), text, `stale ${committed}`);
  }
});
