// Fixture tests: test/fixtures/terraform-parser/{ok,err}/*.tf, each with a checked-in tree dump
// (`<name>.tree`) that includes its diagnostics. ok-files must parse with no diagnostics,
// err-files with at least one. `UPDATE_EXPECT=1` rewrites the dumps; review them as diffs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/corpora';
import { parseTerraform } from '../../../server/src/iac/terraform/parser';
import { dumpTerraformTree, spanProblems } from '../../../server/src/iac/terraform/parser-dump';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'terraform-parser');
const update = process.env.UPDATE_EXPECT === '1';

for (const group of ['ok', 'err'] as const) {
  const dir = join(FIXTURES, group);
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  test(`${group} fixtures exist`, () => assert.ok(files.length >= 4, `too few fixtures in ${dir}`));
  for (const name of files) {
    test(`${group}/${name}`, () => {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      const file = parseTerraform(text, path);
      assert.deepEqual(spanProblems(file), []);
      if (group === 'ok') assert.deepEqual(file.diagnostics, [], 'ok fixture must parse without diagnostics');
      else assert.ok(file.diagnostics.length > 0, 'err fixture must report at least one diagnostic');
      const dump = dumpTerraformTree(file);
      const expectPath = path.replace(/\.tf$/, '.tree');
      if (update) writeFileSync(expectPath, dump);
      assert.ok(existsSync(expectPath), `missing ${expectPath}; run with UPDATE_EXPECT=1 to create it`);
      assert.equal(dump, readFileSync(expectPath, 'utf8'), `${expectPath} is stale; rerun with UPDATE_EXPECT=1 and review the diff`);
    });
  }
}
