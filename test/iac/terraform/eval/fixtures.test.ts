// Each folder under test/fixtures/terraform-eval/ is one unit; its expected.json is the inspect
// JSON for that unit, written by hand from Terraform's documented semantics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { inspectUnit } from '../../../../server/src/cli/commands/inspect';
import { DiskHost, toHostPath } from '../../../../server/src/workspace/disk-host';
import { REPO_ROOT } from '../../../helpers/corpora';

const FIXTURES = `${toHostPath(REPO_ROOT)}/test/fixtures/terraform-eval`;

const features = readdirSync(FIXTURES).filter((name) => existsSync(`${FIXTURES}/${name}/expected.json`)).sort();

test('there are evaluation fixtures', () => {
  assert.ok(features.length >= 7, `found ${features.length}`);
});

for (const feature of features) {
  test(`fixture ${feature} evaluates as expected.json says`, () => {
    const dir = `${FIXTURES}/${feature}`;
    const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'));
    const actual = inspectUnit(new DiskHost(), dir, dir, []);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), expected);
  });
}
