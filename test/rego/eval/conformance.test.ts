// OPA's Rego conformance corpus through the evaluator (scripts/conformance.ts does the comparing).
// The floor below is the pass count reached when this test was last updated; raise it as the
// evaluator, parser and builtins improve, never lower it to hide a regression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../../helpers/corpora';
import { runCorpus } from '../../../scripts/conformance';

/**
 * Reached 2026-11-28: 1596 of 1,602 cases. The rest: net.lookup_ip_addr ×3 (refused: no network),
 * one reachable_paths cycle order (a Go slice-aliasing quirk), `with` inside a template string, and
 * `with time.now_ns as opa.runtime`.
 */
const PASS_FLOOR = 1596;

test('OPA conformance cases: pass count does not regress', { timeout: 300_000 }, (t) => {
  const dir = corpus('opa-cases');
  if (!dir) {
    t.skip('corpora not available (PALISADE_SKIP_CORPORA=1)');
    return;
  }
  const outcomes = runCorpus(dir);
  const passed = outcomes.filter((o) => o.status === 'pass').length;
  const failed = outcomes.filter((o) => o.status === 'fail');
  assert.equal(outcomes.length, 1602, 'every case of the corpus ran');
  assert.ok(
    passed >= PASS_FLOOR,
    `${passed} passed (floor ${PASS_FLOOR}); first failures:\n` + failed.slice(0, 15).map((f) => `  ${f.note}: ${f.detail}`).join('\n'),
  );
});
