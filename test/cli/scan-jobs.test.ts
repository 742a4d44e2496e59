// `--jobs N` runs units in worker threads; the report must be identical to `--jobs 1`
// (same findings, fixes, problems and order), only the timing differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { scan, scratch, TREE } from './scan-run';

function withoutTiming(text: string): unknown {
  const report = JSON.parse(text) as { summary: { timing?: unknown } };
  delete report.summary.timing;
  return report;
}

test('--jobs 3 gives the same JSON and SARIF as --jobs 1 (fixes verified in the workers)', () => {
  const out = scratch(false);
  try {
    const paths = [TREE, join(REPO_ROOT, 'examples')];
    const one = scan([...paths, '--format', 'json,sarif', '--output-dir', join(out.dir, 'one'), '--jobs', '1']);
    const three = scan([...paths, '--format', 'json,sarif', '--output-dir', join(out.dir, 'three'), '--jobs', '3']);
    assert.equal(one.code, 1, one.stderr);
    assert.equal(three.code, 1, three.stderr);
    const json1 = withoutTiming(readFileSync(join(out.dir, 'one', 'palisade.json'), 'utf8')) as { summary: { units: number; fixable: number } };
    assert.ok(json1.summary.units >= 5, 'enough units to spread over the workers');
    assert.ok(json1.summary.fixable > 0);
    assert.deepEqual(withoutTiming(readFileSync(join(out.dir, 'three', 'palisade.json'), 'utf8')), json1);
    assert.equal(readFileSync(join(out.dir, 'three', 'palisade.sarif'), 'utf8'), readFileSync(join(out.dir, 'one', 'palisade.sarif'), 'utf8'));
  } finally {
    out.done();
  }
});
