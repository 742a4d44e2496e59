// The KICS accuracy harness (scripts/accuracy.ts) on a tiny synthetic corpus with a hit, a miss,
// a false positive, a failing fix, plan-JSON samples scanned through scanTerraformPlan, a
// Terraform-JSON-syntax sample scanned as configuration and a JSON sample no front end reads
// (test/fixtures/accuracy/), and a smoke run
// on the real KICS Terraform corpus that checks every mapped query is reported (no thresholds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAccuracy } from '../../scripts/accuracy';
import { readKicsCorpus } from '../../scripts/accuracy/corpus';
import { fixLayerDoor } from '../../scripts/accuracy/fix-door';
import { measureAccuracy, type AccuracyReport } from '../../scripts/accuracy/measure';
import { loadPack } from '../../server/src/policy';
import { builtinPackDir, readPackFiles } from '../../server/src/workspace/policy-files';
import { corpus, REPO_ROOT } from '../helpers/corpora';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'accuracy');
const FIXTURE_ARGS = ['--kics', join(FIXTURE, 'kics'), '--pack', join(FIXTURE, 'pack')];

async function run(args: string[]): Promise<{ status: number; text: string; report?: AccuracyReport }> {
  let text = '';
  const { status, report } = await runAccuracy(args, (t) => (text += t));
  return { status, text, report };
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? '';
}

test('synthetic corpus: a hit, a miss, a false positive, a failed fix, plan JSON and an unsupported format are counted', async () => {
  const { status, text, report } = await run([...FIXTURE_ARGS, '--verbose']);
  assert.ok(report);
  assert.equal(status, 1);
  assert.equal(report.totalQueries, 4);
  assert.deepEqual(report.queries.map((q) => q.dir), ['bucket_public_acl', 'queue_unencrypted', 'plan_only'], 'the unmapped query is not measured');
  assert.deepEqual(report.pack, { rules: 2, fixableRules: 2, mappedRules: 2, mappedFixableRules: 2, problems: [] });
  assert.deepEqual(report.unknownKicsIds, [{ ruleId: 'TEST-ACC-001', kicsId: '99999999-9999-4999-8999-999999999999' }]);

  const [acl, queue, plan] = report.queries;
  // fileName and filename keys both name the positive file.
  assert.equal(acl.locations, 2);
  assert.equal(acl.hits, 1);
  assert.deepEqual(acl.misses, [{ file: 'bucket_public_acl/test/positive2.tf', line: 7, foundLines: [2] }]);
  assert.deepEqual(acl.falsePositives.map((fp) => [fp.file, fp.findings.map((f) => [f.ruleId, f.line])]), [['bucket_public_acl/test/negative2.tf', [['TEST-ACC-001', 3]]]]);
  assert.ok(acl.fix);
  assert.equal(acl.fix.attemptedFiles, 2);
  assert.equal(acl.fix.fixedFiles, 1);
  assert.deepEqual(acl.fix.failures.map((f) => f.file), ['bucket_public_acl/test/positive2.tf']);
  assert.equal(acl.passed, false);

  // No file name + one positive file: that file; the finding needs the query's terraform.tfvars.
  assert.deepEqual([queue.hits, queue.locations, queue.falsePositives.length, queue.negativeSamples], [1, 1, 0, 1]);
  assert.deepEqual(queue.fix && [queue.fix.attemptedFiles, queue.fix.fixedFiles, queue.fix.failures.length], [1, 1, 0]);
  assert.equal(queue.passed, true);

  // Plan JSON goes through scanTerraformPlan (a hit, a clean negative); Terraform JSON syntax is
  // scanned as configuration (a hit, fixed by a JSON edit); other JSON is skipped.
  assert.deepEqual(plan.planSamples, ['plan_only/test/positive1.json', 'plan_only/test/negative1.json']);
  assert.deepEqual(plan.configJsonSamples, ['plan_only/test/positive2.json']);
  assert.deepEqual(plan.unsupportedSamples, ['plan_only/test/positive3.json']);
  assert.match(plan.unsupportedWhy['plan_only/test/positive3.json'], /not a Terraform, plan or state file/);
  assert.equal(plan.hits, 2);
  assert.deepEqual(plan.misses, [{ file: 'plan_only/test/positive3.json', line: 3, foundLines: [], unsupported: true }]);
  assert.deepEqual(plan.fix && [plan.fix.attemptedFiles, plan.fix.fixedFiles, plan.fix.failures.length], [1, 1, 0]);
  assert.equal(plan.falsePositives.length, 0);
  assert.equal(plan.negativeSamples, 1);
  assert.equal(plan.passed, false);

  assert.deepEqual(report.totals, {
    locations: 6,
    hits: 4,
    unsupportedLocations: 1,
    unsupportedSamples: 1,
    negativeSamples: 4,
    falsePositiveFiles: 1,
    fix: report.totals.fix,
  });
  assert.deepEqual(report.totals.fix && [report.totals.fix.attemptedFiles, report.totals.fix.fixedFiles, report.totals.fix.fixableFindings, report.totals.fix.fixedFindings], [4, 3, 4, 3]);
  assert.deepEqual([report.passed, report.failed], [1, 2]);

  assert.match(text, /^FAIL +1\/2 +50\.0 % +1\/2 +1\/2 +bucket_public_acl \(TEST-ACC-001\)$/m);
  assert.match(text, /^PASS +1\/1 +100 % +0\/1 +1\/1 +queue_unencrypted \(TEST-ACC-002\)$/m);
  assert.match(text, /miss positive2\.tf:7 \(found lines 2\)/);
  assert.match(text, /FP +negative2\.tf: TEST-ACC-001 line 3/);
  assert.match(text, /fix +positive2\.tf: no verified fix for TEST-ACC-001/);
  assert.match(text, /2 Terraform plan\/state JSON sample\(s\) scanned/);
  assert.match(text, /1 sample\(s\) in a format no front end reads are not scanned/);
  assert.match(text, /1 Terraform JSON configuration sample\(s\) scanned as their module's configuration/);
  assert.match(text, /skip positive3\.json \(not a Terraform, plan or state file/);
  assert.match(text, /^line-exact recall: 4\/6 expected locations \(66\.7 %\)/m);
  assert.match(text, /^false-positive files: 1 of 4 negative samples$/m);
  assert.equal(lastLine(text), '1 passed, 2 failed');
});

test('--query filters queries; a run where every query passes exits 0', async () => {
  const { status, text, report } = await run([...FIXTURE_ARGS, '--query', 'QUEUE']);
  assert.equal(status, 0);
  assert.deepEqual(report?.queries.map((q) => q.dir), ['queue_unencrypted']);
  assert.doesNotMatch(text, /miss /, 'misses are listed only with --verbose');
  assert.equal(lastLine(text), '1 passed, 0 failed');
});

test('--json writes the report; --no-fix reports fix success as n/a', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-accuracy-'));
  try {
    const file = join(dir, 'report.json');
    const { text, report } = await run([...FIXTURE_ARGS, '--no-fix', '--json', file]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as AccuracyReport;
    assert.deepEqual(written.queries.map((q) => [q.dir, q.hits, q.locations, q.fix]), [
      ['bucket_public_acl', 1, 2, null],
      ['queue_unencrypted', 1, 1, null],
      ['plan_only', 2, 3, null],
    ]);
    assert.equal(written.fixLayer.available, false);
    assert.equal(report?.passed, 1);
    assert.match(text, /^fix success: n\/a$/m);
    assert.equal(lastLine(text), '1 passed, 2 failed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a finding listed as having no honest fix: a failure when a fix is offered after all', async () => {
  // positive2's finding carries a (rejected) fix, so listing it must not excuse it.
  const pack = loadPack(readPackFiles(join(FIXTURE, 'pack')), { name: 'acc-test', check: false });
  const noHonestFix = [{ sample: 'bucket_public_acl/test/positive2.tf', ruleId: 'TEST-ACC-001', line: 2, reason: 'test' }];
  const report = await measureAccuracy({ corpus: readKicsCorpus(join(FIXTURE, 'kics')), pack, fixDoor: fixLayerDoor(), query: 'bucket_public_acl', noHonestFix });
  const fix = report.queries[0].fix;
  assert.ok(fix);
  assert.equal(fix.withoutHonestFix, 0);
  assert.match(fix.failures.map((f) => f.reason).join('\n'), /TEST-ACC-001 at positive2\.tf:2 is listed in no-honest-fix\.ts but a fix is offered/);
});

test('usage errors exit 2 with the usage text', async () => {
  const unknown = await run(['--frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.text, /unknown argument --frobnicate[\s\S]*usage: npm run accuracy/);
  const missing = await run(['--kics', join(FIXTURE, 'no-such-corpus')]);
  assert.equal(missing.status, 2);
  assert.match(missing.text, /index\.json not found/);
});

test('real KICS Terraform corpus: the harness reports every query the built-in pack maps', async (t) => {
  const dir = corpus('kics-terraform-aws');
  if (!dir) return t.skip('PALISADE_SKIP_CORPORA=1');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { queries: { id: string; queryDir: string }[] };
  const packDir = builtinPackDir();
  assert.ok(packDir);
  const pack = loadPack(readPackFiles(packDir), { name: 'builtin', check: false });
  const referenced = new Set(pack.rules.flatMap((r) => (r.references.kics ?? []).map((id) => id.toLowerCase())));
  const mapped = index.queries.filter((q) => referenced.has(q.id.toLowerCase())).map((q) => q.queryDir);
  assert.ok(mapped.length > 0, 'the built-in pack maps no KICS query');

  const { status, text, report } = await run(['--kics', dir]);
  assert.ok(report);
  assert.ok(status === 0 || status === 1, text);
  assert.deepEqual(report.queries.map((q) => q.dir).sort(), [...mapped].sort());
  for (const q of mapped) assert.match(text, new RegExp(`^(PASS|FAIL) .* ${q.replace(/[.]/g, '\\.')} \\(`, 'm'));
  assert.equal(lastLine(text), `${report.passed} passed, ${report.failed} failed`);
  assert.equal(report.passed + report.failed, mapped.length);
});
