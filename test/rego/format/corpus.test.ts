// `opa fmt` goldens: the formatter must reproduce OPA v1.5.0 byte for byte on the opa-fmt corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../../helpers/corpora';
import { firstDiff, runFmtCorpus, runIdempotence } from '../../../scripts/rego-fmt-check';

// Reached when this test was written: 3016 of 3016 (inputs + messy variants), i.e. 100 %.
// The floor leaves no room for regressions; raise it never, lower it only with a reason.
const MIN_PASSED = 3016;

test('opa-fmt corpus: inputs and messy variants format to the goldens byte for byte', (t) => {
  const dir = corpus('opa-fmt');
  if (!dir) {
    t.skip('PALISADE_SKIP_CORPORA=1');
    return;
  }
  const report = runFmtCorpus(dir);
  const failures = report.cases.filter((c) => !c.ok && !c.skipped);
  const detail = failures
    .slice(0, 3)
    .map((c) => `\n${c.id} ${c.kind}: ${c.error ?? firstDiff(c.expected ?? '', c.actual)}`)
    .join('');
  assert.ok(report.passed >= MIN_PASSED, `${report.passed} passed, ${report.failed} failed (floor ${MIN_PASSED})${detail}`);
});

test('opa-fmt corpus: formatting an expected file returns it unchanged', (t) => {
  const dir = corpus('opa-fmt');
  if (!dir) {
    t.skip('PALISADE_SKIP_CORPORA=1');
    return;
  }
  const { passed, failed } = runIdempotence(dir);
  assert.ok(passed > 1500, `only ${passed} idempotent entries checked`);
  assert.deepEqual(failed, []);
});
