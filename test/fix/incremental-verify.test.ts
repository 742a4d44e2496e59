// Fix verification re-runs only the rules an edit can affect (policy/incremental.ts); the guarantee
// must not weaken: a fix that brings a finding of another rule, on another resource, through a
// library value memoised by an earlier rule, is still refused, whether or not the caller passes
// the record of its own scan (the CLI does, with `unitFindings`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainFixes, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

const LIB = {
  path: 'lib/buckets.rego',
  text: 'package t.lib\n\nversioned_buckets := [r | some r in input.resources; r.type == "aws_s3_bucket"; object.get(r.config, "versioning", null) == true]\n',
};

// Runs first (files load in path order) and computes the library value, so later rules get it from the memo.
const FIRST = {
  path: 'a-first.rego',
  text: ruleModule({ id: 'T-FIRST', pkg: 't.first', body: 'import data.t.lib\n\ndeny contains "too many versioned buckets" if count(lib.versioned_buckets) > 100' }),
};

// The rule being fixed: a bucket without versioning; its fix turns versioning on.
const MIDDLE = {
  path: 'm-versioning.rego',
  text: ruleModule({
    id: 'T-VER',
    pkg: 't.ver',
    body: 'deny contains {"msg": "no versioning", "resource": r.address, "path": ["versioning"], "fix": [{"op": "set", "path": ["versioning"], "value": true}]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n\tnot r.config.versioning\n}',
  }),
};

// Another resource's finding that depends on the bucket only through the memoised library value.
const LATE = {
  path: 'z-late.rego',
  text: ruleModule({
    id: 'T-LATE',
    pkg: 't.late',
    body: 'import data.t.lib\n\ndeny contains {"msg": "a versioned bucket exists", "resource": t.address, "path": []} if {\n\tsome t in input.resources\n\tt.type == "aws_sns_topic"\n\tcount(lib.versioned_buckets) > 0\n}',
  }),
};

const TEXT = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_sns_topic" "t" {\n  name = "t"\n}\n';

async function contextFor(pack: RulePack, withRecord: boolean) {
  const host = new MemoryHost({ '/ws/mod/main.tf': TEXT });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, record: withRecord });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG };
  if (withRecord) {
    assert.ok(scan.record, 'a recorded scan returns its record');
    context.unitFindings = scan.findings;
    context.unitRecord = scan.record;
  }
  return { context, findings: scan.findings };
}

for (const withRecord of [true, false]) {
  test(`a fix that brings another rule's finding through a memoised library value is refused (${withRecord ? 'record passed by the caller' : 'record made by the fix layer'})`, async () => {
    const { context, findings } = await contextFor(packOf(LIB, FIRST, MIDDLE, LATE), withRecord);
    assert.deepEqual(findings.map((f) => f.ruleId), ['T-VER']);
    const report = await explainFixes(findings[0], context);
    assert.deepEqual(report.fixes, []);
    assert.match(report.rejected[0].reason, /introduces T-LATE/);
  });
}

test('without the rule that depends on it, the same fix is verified and offered', async () => {
  const { context, findings } = await contextFor(packOf(LIB, FIRST, MIDDLE), true);
  const report = await explainFixes(findings[0], context);
  assert.equal(report.fixes.length, 1);
  assert.equal(report.fixes[0].title, 'Set versioning = true');
});
