// Outcomes travel from scan workers to the main thread with each configuration's list of active
// rules sent once (server/src/cli/scan-workers.ts, packOutcome/unpackOutcome): the main thread
// must see every outcome's list exactly as the worker had it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packOutcome, unpackOutcome } from '../../server/src/cli/scan-workers';
import type { UnitOutcome } from '../../server/src/cli/scan-engine';

function outcome(dir: string, activeRules: string[]): UnitOutcome {
  return { dir, findings: [], fixes: {}, frontEnd: [], policy: [], configDiagnostics: [], files: [], resources: [], activeRules, timing: { frontEndMs: 0, policyMs: 0, fixMs: 0 } };
}

test('a run of outcomes keeps every unit its active rules, and sends a repeated list once', () => {
  const plain = ['R-1', 'R-2', 'R-3'];
  const strict = ['R-1'];
  const sent = [outcome('a', plain), outcome('b', plain), outcome('c', strict), outcome('d', strict), outcome('e', plain), outcome('f', ['R-1', 'R-2', 'R-3'])];
  let previousSent: string[] | undefined;
  let previousReceived: string[] | undefined;
  let repeated = 0;
  for (const original of sent) {
    // Structured clone, as postMessage copies it.
    const packed = structuredClone(packOutcome(original, previousSent));
    previousSent = original.activeRules;
    if (packed.activeRulesAsBefore) {
      repeated++;
      assert.deepEqual(packed.outcome.activeRules, [], 'a repeated list is not copied');
    }
    const received = unpackOutcome(packed, previousReceived);
    previousReceived = received.activeRules;
    assert.deepEqual(received, original);
  }
  // b and d repeat their predecessor's list; f has an equal list that is another array (sent again).
  assert.equal(repeated, 2);
});
