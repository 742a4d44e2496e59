// Verification yields and stops: a FixContext's `pause` is awaited between candidates and between
// the rules of every re-scan, and `isCancelled` ends the work there, returning no fix that was not
// verified to the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainFixes, fixAllInFile, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

function rule(id: string, attribute: string) {
  return {
    path: `${id}.rego`,
    text: ruleModule({
      id,
      pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`,
      body: `deny contains {"msg": "${id} fires", "resource": r.address, "path": ["${attribute}"], "fix": [{"op": "set", "path": ["${attribute}"], "value": true}]} if {\n\tsome r in input.resources\n\tr.type == "aws_kms_key"\n\tobject.get(r.config, "${attribute}", false) != true\n}`,
    }),
  };
}

const PACK: RulePack = packOf(rule('T-ROT', 'enable_key_rotation'), rule('T-MR', 'multi_region'), rule('T-ON', 'is_enabled'));
const TEXT = 'resource "aws_kms_key" "k" {\n  description = "keys"\n}\n';

/** A context whose pause counts the turns it gives away and cancels after `cancelAfter` of them. */
async function setup(cancelAfter = Infinity) {
  const host = new MemoryHost({ '/ws/mod/main.tf': TEXT });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: PACK });
  const counter = { pauses: 0 };
  const context: FixContext = {
    host,
    root: '/ws',
    dir: '/ws/mod',
    pack: PACK,
    config: DEFAULT_CONFIG,
    unitFindings: scan.findings,
    pause: async () => {
      counter.pauses++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    isCancelled: () => counter.pauses >= cancelAfter,
  };
  const rotation = scan.findings.find((f) => f.ruleId === 'T-ROT')!;
  return { context, findings: scan.findings, rotation, counter };
}

test('an uncancelled verification pauses between candidates and between the rules of its re-scan', async () => {
  const { context, findings, rotation, counter } = await setup();
  assert.equal(findings.length, 3);
  const report = await explainFixes(rotation, context);
  assert.deepEqual(report.fixes.map((f) => f.title), ['Set enable_key_rotation = true']);
  // One pause before the candidate, one before its re-scan, one per rule of the re-scan.
  assert.equal(counter.pauses, 2 + PACK.rules.length);
});

test('a verification cancelled before its candidate or inside its re-scan offers nothing and stops there', async () => {
  for (const cancelAfter of [1, 3]) {
    const { context, rotation, counter } = await setup(cancelAfter);
    const report = await explainFixes(rotation, context);
    assert.deepEqual(report.fixes, [], `cancelled after ${cancelAfter} pauses`);
    // Nothing was judged: a cancelled candidate is neither offered nor reported as rejected.
    assert.deepEqual(report.rejected, []);
    assert.equal(counter.pauses, cancelAfter, 'no pause after the cancellation: the re-scan stopped');
  }
});

test('fix-all cancelled while rendering returns no edits and every finding skipped; uncancelled it fixes all three', async () => {
  const cancelled = await setup(1);
  const partial = await fixAllInFile('mod/main.tf', cancelled.findings, cancelled.context);
  assert.deepEqual(partial.edits, []);
  assert.equal(partial.skipped.length, 3);
  assert.equal(cancelled.counter.pauses, 1);

  const whole = await setup();
  const all = await fixAllInFile('mod/main.tf', whole.findings, whole.context);
  assert.equal(all.fixed.length, 3);
});
