// Incremental re-evaluation (policy/incremental.ts): a scan of an edited unit that reuses the
// record of the scan before the edit must report exactly what a full scan reports, re-running the
// rules whose reads the edit touches and replaying the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanTerraformUnit, type RulePack, type UnitScan } from '../../server/src/policy';
import { deepEqual, modelChange, readsAffected } from '../../server/src/policy/incremental';
import { MemoryHost, packOf, ruleModule } from './helpers';

function denyRule(id: string, body: string, path = `${id.toLowerCase().replace(/-/g, '_')}.rego`) {
  return { path, text: ruleModule({ id, pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`, body }) };
}

const BUCKET_RULE = denyRule('T-ACL', 'deny contains {"msg": "public", "resource": r.address, "path": ["acl"]} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n\tr.config.acl == "public-read"\n}');
const TOPIC_RULE = denyRule('T-TOPIC', 'deny contains {"msg": "no kms", "resource": r.address, "path": []} if {\n\tsome r in input.resources\n\tr.type == "aws_sns_topic"\n\tnot r.config.kms_master_key_id\n}');

async function scanBoth(pack: RulePack, before: string, after: string): Promise<{ first: UnitScan; reused: UnitScan; full: UnitScan }> {
  const options = { dir: '/ws/mod', root: '/ws', pack };
  const first = await scanTerraformUnit(new MemoryHost({ '/ws/mod/main.tf': before }), { ...options, record: true });
  assert.ok(first.record);
  const reused = await scanTerraformUnit(new MemoryHost({ '/ws/mod/main.tf': after }), { ...options, reuse: first.record, record: true });
  const full = await scanTerraformUnit(new MemoryHost({ '/ws/mod/main.tf': after }), options);
  return { first, reused, full };
}

const summary = (scan: UnitScan) => scan.findings.map((f) => ({ rule: f.ruleId, fp: f.fingerprint, range: f.range, suppressed: f.suppressed ?? null }));

test('an edit to one resource re-runs the rules that read it and replays the others, with the same findings as a full scan', async () => {
  const before = 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n\nresource "aws_s3_bucket" "b" {\n  acl = "private"\n}\n';
  const after = 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n\nresource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  tags = { a = "b" }\n}\n';
  const { first, reused, full } = await scanBoth(packOf(BUCKET_RULE, TOPIC_RULE), before, after);
  assert.deepEqual(summary(reused), summary(full));
  assert.deepEqual(summary(full).map((f) => f.rule).sort(), ['T-ACL', 'T-TOPIC']);
  // The topic rule read the bucket's type only: its record is carried over as it was.
  assert.equal(reused.record!.rules.get('T-TOPIC'), first.record!.rules.get('T-TOPIC'));
  assert.notEqual(reused.record!.rules.get('T-ACL'), first.record!.rules.get('T-ACL'));
});

test('a rule that walks a resource re-runs when it changes, though an earlier rule walked it first (no memo hides the read)', async () => {
  // T-A walks every resource first; T-B's walks of the same objects must still count as reads.
  const first = denyRule('T-A', 'deny contains "deep" if {\n\tsome r in input.resources\n\twalk(r, [path, _])\n\tcount(path) > 20\n}', 'a.rego');
  const walker = denyRule('T-B', 'deny contains {"msg": "public somewhere", "resource": r.address, "path": []} if {\n\tsome r in input.resources\n\twalk(r, [_, "public-read"])\n}', 'b.rego');
  const before = 'resource "aws_s3_bucket" "x" {\n  acl = "private"\n}\n';
  const after = before.replace('private', 'public-read');
  const { reused, full } = await scanBoth(packOf(first, walker), before, after);
  assert.deepEqual(summary(full).map((f) => f.rule), ['T-B']);
  assert.deepEqual(summary(reused), summary(full));
});

test('a finding replayed from the record is placed on the edited text', async () => {
  const before = 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n';
  const after = '# a comment that moves everything down\n\n' + before;
  const { reused, full } = await scanBoth(packOf(TOPIC_RULE), before, after);
  assert.equal(full.findings.length, 1);
  assert.deepEqual(summary(reused), summary(full));
  assert.ok(reused.findings[0].range.start > 0);
});

test('model changes: element fields, whole keys; reads that touch them', () => {
  const model = (acl: string, extra: Record<string, unknown> = {}) => ({
    format: 'terraform' as const,
    files: ['main.tf'],
    resources: [{ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', name: 'b', file: 'main.tf', mode: 'managed' as const, config: { acl } }],
    ...extra,
  });
  const change = modelChange(model('private') as never, model('public-read', { variables: { a: 1 } }) as never);
  assert.deepEqual([...change.keys], ['variables']);
  assert.deepEqual([...(change.elements.get('resources')?.get(0) ?? [])], ['config']);
  const owner = (place: { key?: string; index?: number }) => ({ place }) as never;
  assert.equal(readsAffected(new Map([[owner({ key: 'resources', index: 0 }), new Set(['type'])]]), change), false);
  assert.equal(readsAffected(new Map([[owner({ key: 'resources', index: 0 }), new Set(['config'])]]), change), true);
  assert.equal(readsAffected(new Map([[owner({ key: 'resources', index: 0 }), new Set(['*'])]]), change), true);
  assert.equal(readsAffected(new Map([[owner({}), new Set(['resources'])]]), change), false);
  assert.equal(readsAffected(new Map([[owner({}), new Set(['variables'])]]), change), true);
  // A null that was absent is a change (the input shows null for it).
  assert.equal(deepEqual({ a: undefined }, {}), false);
  assert.equal(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
});
