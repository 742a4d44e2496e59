// Fix verification re-scans reuse the walks of child modules whose files and inputs are unchanged
// (iac/terraform/eval/child-reuse.ts). A fix in the root that changes what a child is given must
// still be judged on the child as it now evaluates: here fixing bucket `b` turns on the topic
// the child builds from it, which another rule forbids, so that fix is refused, while fixes that
// leave the child's input alone are judged on the replayed child.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainFixes, type FixContext } from '../../server/src/fix';
import { unitState } from '../../server/src/fix/verify';
import { ChildEvaluations } from '../../server/src/iac/terraform';
import { DEFAULT_CONFIG, scanTerraformUnit } from '../../server/src/policy';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

const VERSIONING = {
  path: 'ver.rego',
  text: ruleModule({
    id: 'T-VER',
    pkg: 't.ver',
    body: 'deny contains {"msg": "no versioning", "resource": r.address, "path": ["versioning"], "fix": [{"op": "set", "path": ["versioning"], "value": true}]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n\tnot r.config.versioning\n}',
  }),
};

const FIFO = {
  path: 'fifo.rego',
  text: ruleModule({
    id: 'T-FIFO',
    pkg: 't.fifo',
    body: 'deny contains {"msg": "fifo topic", "resource": r.address, "path": ["fifo_topic"]} if {\n\tsome r in input.resources\n\tr.type == "aws_sns_topic"\n\tr.config.fifo_topic == true\n}',
  }),
};

const ROOT = `resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket" "c" {
  bucket = "c"
}

resource "aws_s3_bucket" "d" {
  bucket = "d"
}

module "child" {
  source = "./child"
  fifo   = aws_s3_bucket.b.versioning
}
`;

const CHILD = `variable "fifo" {}

resource "aws_sns_topic" "t" {
  name       = "t"
  fifo_topic = var.fifo
}
`;

test('a root fix that changes a child\'s input is judged on the child evaluated again; the others on the replayed child', async () => {
  const host = new MemoryHost({ '/ws/mod/main.tf': ROOT, '/ws/mod/child/main.tf': CHILD });
  const pack = packOf(VERSIONING, FIFO);
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, record: true });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG, unitFindings: scan.findings, unitRecord: scan.record };
  const byResource = new Map(scan.findings.map((f) => [f.resource, f]));
  assert.deepEqual([...byResource.keys()].sort(), ['aws_s3_bucket.b', 'aws_s3_bucket.c', 'aws_s3_bucket.d']);
  const evaluations = (await unitState(context)).childEvaluations;

  // The child's input (an unknown: `b` has no versioning yet) is the same after fixing `c`: first walk, recorded.
  assert.equal((await explainFixes(byResource.get('aws_s3_bucket.c')!, context)).fixes.length, 1);
  assert.deepEqual(evaluations.lastReplayed, []);
  assert.equal((await explainFixes(byResource.get('aws_s3_bucket.d')!, context)).fixes.length, 1);
  assert.deepEqual(evaluations.lastReplayed, ['module.child']);

  // Fixing `b` gives the child `fifo = true`: a replay of the recorded child would miss T-FIFO.
  const report = await explainFixes(byResource.get('aws_s3_bucket.b')!, context);
  assert.deepEqual(evaluations.lastReplayed, []);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /introduces T-FIFO/);
});

test('with the scan\'s own child walks (unitChildEvaluations), the first re-scan already replays the child, and the verdicts are the same', async () => {
  const host = new MemoryHost({ '/ws/mod/main.tf': ROOT, '/ws/mod/child/main.tf': CHILD });
  const pack = packOf(VERSIONING, FIFO);
  const recorded = new ChildEvaluations();
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, record: true, childEvaluations: recorded });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG, unitFindings: scan.findings, unitRecord: scan.record, unitAnalysis: scan.analysis, unitChildEvaluations: recorded };
  const byResource = new Map(scan.findings.map((f) => [f.resource, f]));
  const state = await unitState(context);
  assert.equal(state.childEvaluations, recorded);
  assert.equal(state.sourceMaps, scan.analysis.sourceMaps, 'the before-state is the scan\'s analysis, not a new one');

  assert.equal((await explainFixes(byResource.get('aws_s3_bucket.c')!, context)).fixes.length, 1);
  assert.deepEqual(recorded.lastReplayed, ['module.child']);
  const report = await explainFixes(byResource.get('aws_s3_bucket.b')!, context);
  assert.deepEqual(recorded.lastReplayed, []);
  assert.deepEqual(report.fixes, []);
  assert.match(report.rejected[0].reason, /introduces T-FIFO/);
});
