// `--jobs N` runs units in worker threads; the report must be identical to `--jobs 1`
// (same findings, fixes, problems and order), only the timing differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

test('--jobs 2 evaluates the same rules per unit as --jobs 1 when units sit under different configurations', () => {
  // Workers send a unit's active rules once per configuration (then "as before"): the JUnit
  // report, one test case per rule and resource evaluated, shows any unit that lost its list.
  const out = scratch(false);
  try {
    const bucket = (n: number) => `resource "aws_s3_bucket" "b${n}" {\n  bucket = "b${n}"\n}\n`;
    for (let i = 0; i < 8; i++) {
      mkdirSync(join(out.dir, 'plain', `u${i}`), { recursive: true });
      writeFileSync(join(out.dir, 'plain', `u${i}`, 'main.tf'), bucket(i));
      mkdirSync(join(out.dir, 'strict', `u${i}`), { recursive: true });
      writeFileSync(join(out.dir, 'strict', `u${i}`, 'main.tf'), bucket(i));
    }
    writeFileSync(join(out.dir, 'strict', '.palisade.yaml'), 'rules:\n  PAL-AWS-S3-008: {enabled: false}\n  PAL-AWS-S3-005: {enabled: false}\n');
    const junit = (jobs: string) => {
      const run = scan([out.dir, '--format', 'junit', '--jobs', jobs, '--no-fixes', '--fail-on', 'none'], out.dir);
      assert.equal(run.code, 0, run.stderr);
      return run.stdout.replace(/ time="[\d.]+"/g, '');
    };
    const one = junit('1');
    assert.ok(one.includes('classname="PAL-AWS-S3-005" file="plain/u7/main.tf"'), 'the plain units evaluate the rule the strict ones disable');
    assert.ok(!one.includes('classname="PAL-AWS-S3-005" file="strict/'));
    for (let i = 0; i < 3; i++) assert.equal(junit('2'), one);
  } finally {
    out.done();
  }
});

/** The timeline marks of a run (server/src/cli/scan-timeline.ts): thread → steps in the order written. */
function timeline(stderr: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of stderr.matchAll(/^palisade-timeline (\S+) (\S+) [\d.]+$/gm)) out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
  return out;
}

test('workers start before the units are found; whatever a worker marks comes in start-up order', () => {
  const r = scan([TREE, join(REPO_ROOT, 'examples'), '--format', 'json', '--jobs', '2'], REPO_ROOT, { PALISADE_SCAN_TIMELINE: '1' });
  assert.equal(r.code, 1, r.stderr);
  const marks = timeline(r.stderr);
  // The worker was started by bin/palisade.js before the program loaded, and adopted by it.
  assert.deepEqual(marks.get('main')?.slice(0, 4), ['start', 'workers-adopted', 'workers-started', 'units-found'], r.stderr);
  assert.ok(marks.get('main')?.includes('pack-loaded') && marks.get('main')?.includes('units-done'), r.stderr);
  // A worker may be ended before it marks anything (this thread can finish a small tree first).
  const workers = [...marks.keys()].filter((t) => t !== 'main');
  assert.ok(workers.length <= 1, 'at most one worker with --jobs 2');
  for (const worker of workers) {
    const steps = marks.get(worker) ?? [];
    assert.deepEqual(steps, ['start', 'pack-loaded', 'first-unit-done'].slice(0, steps.length), worker);
  }
});

test('without PALISADE_SCAN_TIMELINE nothing of the timeline is written', () => {
  const r = scan([TREE, '--format', 'json', '--jobs', '2']);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /palisade-timeline/);
});

test('workers started early are ended when the scan needs none: one unit, a usage error, no unit at all', () => {
  // Each run must end by itself (a live worker would keep the process up until spawnSync's timeout).
  const one = scan([join(TREE, 'app'), '--format', 'json', '--jobs', '4']);
  assert.equal(one.code, 1, one.stderr);
  assert.equal((JSON.parse(one.stdout) as { summary: { units: number } }).summary.units, 1);
  const usage = scan([TREE, '--var-file', join(TREE, 'no-such.tfvars'), '--jobs', '3']);
  assert.equal(usage.code, 2, usage.stderr);
  assert.match(usage.stderr, /cannot read variable file/);
  const empty = scratch(false);
  try {
    const none = scan([empty.dir, '--format', 'json', '--jobs', '2']);
    assert.equal(none.code, 0, none.stderr);
    assert.equal((JSON.parse(none.stdout) as { summary: { units: number } }).summary.units, 0);
  } finally {
    empty.done();
  }
});

test('with --jobs 1 no worker thread starts at all, early or late', () => {
  for (const jobs of [['--jobs', '1'], ['-j', '1'], ['--jobs=1']]) {
    const r = scan([TREE, '--format', 'json', ...jobs], REPO_ROOT, { PALISADE_SCAN_TIMELINE: '1' });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual([...timeline(r.stderr).keys()], ['main'], r.stderr);
    assert.ok(!timeline(r.stderr).get('main')?.includes('workers-adopted'), r.stderr);
  }
});

test('workers bin/palisade.js starts end with the process when the program never takes them (a bad option)', () => {
  const started = performance.now();
  const r = scan([TREE, '--jobs', '2', '--format', 'bogus']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /format/);
  assert.ok(performance.now() - started < 60_000, 'the run ended by itself');
});

test('runs with adopted workers end and agree with each other, time after time', () => {
  // A worker the program adopts badly (its messages stalled) leaves the scan waiting forever; it
  // showed in 5 of 6 runs of a small tree, so a handful of runs finds it.
  const one = scan([join(TREE, 'app'), TREE, '--format', 'json', '--jobs', '1']);
  assert.equal(one.code, 1, one.stderr);
  for (let run = 0; run < 4; run++) {
    const two = scan([join(TREE, 'app'), TREE, '--format', 'json', '--jobs', '2']);
    assert.equal(two.code, 1, two.stderr);
    assert.deepEqual(withoutTiming(two.stdout), withoutTiming(one.stdout));
  }
});
