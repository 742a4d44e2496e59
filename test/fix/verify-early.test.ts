// Two shortcuts of fix verification must not change a verdict: a re-scan that stops as soon as a
// rejection is certain (fixesForFinding, fix-all), and the edited model's Rego input built from the
// recorded conversion of the unit (policy/incremental.ts convertReusing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainFixes, fixAllInFile, fixesForFinding, type FixContext } from '../../server/src/fix';
import { DEFAULT_CONFIG, scanTerraformUnit, type RulePack } from '../../server/src/policy';
import { convertReusing, modelChange } from '../../server/src/policy/incremental';
import { equal, fromJS, type RegoObject, type RegoValue } from '../../server/src/rego';
import { MemoryHost, packOf, ruleModule } from '../policy/helpers';

const bucketRule = (id: string, pkg: string, condition: string, fix?: string) => ({
  path: `${pkg.replace(/\./g, '-')}.rego`,
  text: ruleModule({
    id,
    pkg,
    body: `deny contains {"msg": "${id}", "resource": r.address, "path": []${fix ? `, "fix": ${fix}` : ''}} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n\t${condition}\n}`,
  }),
});

// The finding being fixed: no versioning; its fix turns versioning on.
const VERSIONING = bucketRule('T-VER', 't.ver', 'not r.config.versioning', '[{"op": "set", "path": ["versioning"], "value": true}]');
// Brought by that fix on the same bucket: without a fix of its own (a rejection), or with one (a follow-up).
const MFA_NO_FIX = bucketRule('T-MFA', 't.mfa', 'r.config.versioning == true\n\tnot r.config.mfa_delete');
const MFA_WITH_FIX = bucketRule('T-MFA', 't.mfa', 'r.config.versioning == true\n\tnot r.config.mfa_delete', '[{"op": "set", "path": ["mfa_delete"], "value": true}]');
// Brought on another resource.
const TOPIC = {
  path: 't-topic.rego',
  text: ruleModule({ id: 'T-TOPIC', pkg: 't.topic', body: 'deny contains {"msg": "versioned bucket seen", "resource": t.address, "path": []} if {\n\tsome t in input.resources\n\tt.type == "aws_sns_topic"\n\tsome b in input.resources\n\tb.config.versioning == true\n}' }),
};
// A fix that does not remove its finding (its fingerprint stays).
const STUCK = bucketRule('T-STUCK', 't.stuck', 'not r.config.logging', '[{"op": "set", "path": ["acl"], "value": "private"}]');
// Runs after every other rule (files load in path order): shows whether a re-scan went on.
const LAST = { path: 'z-last.rego', text: ruleModule({ id: 'T-LAST', pkg: 't.last', body: 'deny contains "never" if false' }) };

const TEXT = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_sns_topic" "t" {\n  name = "t"\n}\n';

async function unit(pack: RulePack, text = TEXT) {
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, record: true });
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG, unitFindings: scan.findings, unitRecord: scan.record };
  return { host, scan, context };
}

const cases: { name: string; pack: () => RulePack; rule: string; offered: string[] }[] = [
  { name: 'a fix that brings a fix-less finding on its resource', pack: () => packOf(VERSIONING, MFA_NO_FIX, LAST), rule: 'T-VER', offered: [] },
  { name: 'a fix whose new finding carries a follow-up fix', pack: () => packOf(VERSIONING, MFA_WITH_FIX, LAST), rule: 'T-VER', offered: ['Set versioning = true; Set mfa_delete = true'] },
  { name: 'a fix that brings a finding on another resource', pack: () => packOf(VERSIONING, TOPIC, LAST), rule: 'T-VER', offered: [] },
  { name: 'a fix that leaves its finding in place', pack: () => packOf(STUCK, LAST), rule: 'T-STUCK', offered: [] },
  { name: 'a fix that introduces nothing', pack: () => packOf(VERSIONING, LAST), rule: 'T-VER', offered: ['Set versioning = true'] },
];

for (const c of cases) {
  test(`stopping early gives the full verification's verdict: ${c.name}`, async () => {
    const { scan, context } = await unit(c.pack());
    const finding = scan.findings.find((f) => f.ruleId === c.rule);
    assert.ok(finding, `${c.rule} fires on the unit`);
    const full = await explainFixes(finding, context);
    const early = await fixesForFinding(finding, context);
    assert.deepEqual(full.fixes.map((f) => f.title), c.offered);
    assert.deepEqual(early, full.fixes);
  });
}

test('fix-all stops early without changing what it fixes', async () => {
  const { scan, context } = await unit(packOf(VERSIONING, MFA_NO_FIX, STUCK, LAST));
  const result = await fixAllInFile('mod/main.tf', scan.findings, context);
  assert.deepEqual(result.edits, []);
  assert.deepEqual(result.fixed, []);
  const fixable = await unit(packOf(VERSIONING, MFA_WITH_FIX, LAST));
  const fixed = await fixAllInFile('mod/main.tf', fixable.scan.findings, fixable.context);
  assert.deepEqual(fixed.fixed.map((f) => f.ruleId), ['T-VER']);
});

test('a scan with stopOnFinding stops after the rule that returned the decisive finding', async () => {
  const pack = packOf(VERSIONING, MFA_NO_FIX, LAST);
  const host = new MemoryHost({ '/ws/mod/main.tf': TEXT });
  const stopped = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, record: true, stopOnFinding: (f) => f.ruleId === 'T-VER' });
  assert.equal(stopped.stopped, true);
  assert.deepEqual(stopped.findings, []);
  // Rules run in file order: t-mfa, t-ver, z-last.
  assert.deepEqual([...stopped.record!.rules.keys()], ['T-MFA', 'T-VER'], 'the rule after it did not run');
  const went = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, stopOnFinding: (f) => f.ruleId === 'T-NONE' });
  assert.equal(went.stopped, undefined);
  assert.deepEqual(went.findings.map((f) => f.ruleId), ['T-VER']);
});

test('stopOnFinding can ask whether a suppression comment silences a finding', async () => {
  const text = '# palisade:ignore T-VER accepted for the test\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n';
  const host = new MemoryHost({ '/ws/mod/main.tf': text });
  const seen: boolean[] = [];
  await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: packOf(VERSIONING), stopOnFinding: (f, suppressed) => (seen.push(suppressed(), f.suppressed !== undefined), false) });
  assert.deepEqual(seen, [true, true]);
});

test('continueAfterFrontEnd answering false skips the rules', async () => {
  const host = new MemoryHost({ '/ws/mod/main.tf': TEXT });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack: packOf(VERSIONING), record: true, continueAfterFrontEnd: () => false });
  assert.equal(scan.stopped, true);
  assert.equal(scan.record, undefined);
  assert.ok(scan.analysis.model.resources.length > 0, 'the front end ran');
});

const EDITS: { name: string; text: string }[] = [
  { name: 'an attribute changed', text: TEXT.replace('bucket = "b"', 'bucket = "c"') },
  { name: 'an attribute added', text: TEXT.replace('bucket = "b"', 'bucket = "b"\n  versioning = true') },
  { name: 'a resource added', text: `${TEXT}\nresource "aws_s3_bucket" "d" {\n  bucket = "d"\n}\n` },
  { name: 'a resource removed', text: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' },
  { name: 'nothing changed', text: TEXT },
];

for (const edit of EDITS) {
  test(`the edited model's input reuses the recorded conversion and equals a fresh one: ${edit.name}`, async () => {
    const pack = packOf(VERSIONING);
    const before = await unit(pack);
    const record = before.scan.record!;
    assert.ok(record.input, 'the record keeps the converted input');
    const after = await unit(pack, edit.text);
    const model = after.scan.analysis.model;
    const change = modelChange(record.model, model);
    const reused = convertReusing(record, change, model);
    const fresh = fromJS(model);
    assert.ok(equal(reused, fresh), 'the same Rego value as fromJS');
    assert.deepEqual([...(reused as RegoObject).keys()], [...(fresh as RegoObject).keys()], 'keys in the same order');
    // An unchanged resource is the very value of the record, not a copy.
    const resources = (v: RegoValue) => (v as RegoObject).get('resources') as RegoValue[];
    const topic = (v: RegoValue) => resources(v).find((r) => (r as RegoObject).get('type') === 'aws_sns_topic');
    if (edit.name === 'an attribute changed' || edit.name === 'an attribute added' || edit.name === 'nothing changed') {
      assert.equal(topic(reused), topic(record.input!));
    }
  });
}

/** Counts directory listings: each analysis of the unit lists its directory once. */
class CountingHost extends MemoryHost {
  listings = 0;
  override listDir(path: string): string[] | undefined {
    this.listings++;
    return super.listDir(path);
  }
}

test('candidates that edit the text alike (two instances of one counted block) are judged on one re-scan', async () => {
  const text = 'resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "b"\n}\n';
  const pack = packOf(VERSIONING, LAST);
  const host = new CountingHost({ '/ws/mod/main.tf': text });
  const scan = await scanTerraformUnit(host, { dir: '/ws/mod', root: '/ws', pack, record: true });
  assert.deepEqual(scan.findings.map((f) => f.resource), ['aws_s3_bucket.b[0]', 'aws_s3_bucket.b[1]']);
  const context: FixContext = { host, root: '/ws', dir: '/ws/mod', pack, config: DEFAULT_CONFIG, unitFindings: scan.findings, unitRecord: scan.record };
  const before = host.listings;
  const first = await fixesForFinding(scan.findings[0], context);
  const afterFirst = host.listings;
  const second = await fixesForFinding(scan.findings[1], context);
  assert.ok(afterFirst > before, 'the first candidate was re-scanned');
  assert.equal(host.listings, afterFirst, 'the second, with the same edited text, was not');
  assert.deepEqual(first.map((f) => f.edits), second.map((f) => f.edits));
  assert.equal(second.length, 1);
  assert.equal(second[0].fingerprint, scan.findings[1].fingerprint);
});
