// Read tracking (value/tracked.ts, eval/reads.ts): what a rule read of a tracked input, including
// the reads behind memoised rule values and function results it reuses from an earlier rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvaluationSession, fromJS, prepare, ReadLog, trackedInput, type PreparedPolicy, type Reads } from '../../../server/src/rego';

const POLICY = `package t

buckets := [r | some r in input.resources; r.type == "bucket"]

tagged(t) := [r | some r in input.resources; r.type == t; r.tags]

first contains b.name if some b in buckets
second contains b.acl if some b in buckets
third contains r.size if some r in tagged("disk")
fourth contains x if x := input.region
`;

const INPUT = {
  region: 'eu',
  resources: [
    { type: 'bucket', name: 'a', acl: 'private', tags: true },
    { type: 'disk', name: 'd', size: 8, tags: true },
  ],
};

/** Fields read, as `key[index].field` (`.field` for the top level). */
function describe(reads: Reads): string[] {
  const out: string[] = [];
  for (const [owner, fields] of reads) {
    const { key, index } = owner.place;
    for (const f of fields) out.push(key === undefined ? `.${f}` : `${key}[${index}].${f}`);
  }
  return out.sort();
}

/** A session over INPUT that records reads into its own log. */
function tracked(policy: PreparedPolicy): { log: ReadLog; session: EvaluationSession } {
  const log = new ReadLog();
  return { log, session: new EvaluationSession(policy, { input: trackedInput(fromJS(INPUT), log), reads: log }) };
}

function run(rules: string[]): Map<string, string[]> {
  const { policy, errors } = prepare([{ file: 't.rego', text: POLICY }]);
  assert.deepEqual(errors, []);
  const { log, session } = tracked(policy!);
  const out = new Map<string, string[]>();
  for (const rule of rules) {
    const frame = log.begin();
    const { errors: evalErrors } = session.evalRule(`data.t.${rule}`);
    assert.deepEqual(evalErrors, []);
    out.set(rule, describe(log.end(frame)));
  }
  return out;
}

test('a rule reads the fields it touches; a memoised value reused by a later rule counts its reads there too', () => {
  const reads = run(['first', 'second', 'third', 'fourth']);
  // `buckets` was computed while evaluating `first`; `second` reuses it and still reads every type.
  for (const rule of ['first', 'second']) {
    assert.ok(reads.get(rule)!.includes('resources[1].type'), `${rule} reads the disk's type through the memo`);
    assert.ok(reads.get(rule)!.includes('.resources'));
  }
  assert.ok(reads.get('first')!.includes('resources[0].name'));
  assert.ok(!reads.get('first')!.includes('resources[0].acl'));
  assert.ok(reads.get('second')!.includes('resources[0].acl'));
  assert.ok(reads.get('third')!.includes('resources[1].tags') && reads.get('third')!.includes('resources[1].size'));
  assert.ok(!reads.get('third')!.includes('resources[0].tags'), 'the bucket is filtered out by type before its tags are read');
  assert.deepEqual(reads.get('fourth'), ['.region']);
});

test('a function result memoised in one rule counts its reads in the next rule that calls it with the same argument', () => {
  const { policy, errors } = prepare([{ file: 't.rego', text: POLICY + '\nfifth contains n if {\n\tsome r in tagged("disk")\n\tn := r.name\n}\n' }]);
  assert.deepEqual(errors, []);
  const { log, session } = tracked(policy!);
  let frame = log.begin();
  session.evalRule('data.t.third');
  log.end(frame);
  frame = log.begin();
  session.evalRule('data.t.fifth');
  const fifth = describe(log.end(frame));
  assert.ok(fifth.includes('resources[1].tags'), 'reads made inside tagged("disk") during `third`');
  assert.ok(fifth.includes('resources[1].name'));
});

test('reads shared from a memo are not changed by a later rule that reads more of the same object', () => {
  const { policy, errors } = prepare([{ file: 't.rego', text: POLICY }]);
  assert.deepEqual(errors, []);
  const { log, session } = tracked(policy!);
  const readsOf = (rule: string): string[] => {
    const frame = log.begin();
    session.evalRule(`data.t.${rule}`);
    return describe(log.end(frame));
  };
  const first = readsOf('first');
  // `second` reuses `buckets` (whose reads include resources[0]) and then reads resources[0].acl itself
  assert.ok(readsOf('second').includes('resources[0].acl'));
  const again = readsOf('first');
  assert.deepEqual(again, first, 'the memoised value of `first` replays the reads it was computed with');
  assert.ok(!again.includes('resources[0].acl'));
});

test('frames include the reads of inner and replayed frames by reference; the union is the same as copying', () => {
  const log = new ReadLog();
  const input = trackedInput(fromJS(INPUT), log) as { get(key: string): unknown };
  const [bucket, disk] = input.get('resources') as { get(key: string): unknown }[];
  const outer = log.begin();
  bucket.get('name');
  const inner = log.begin();
  disk.get('size');
  const quiet = log.begin();
  const nothing = log.end(quiet);
  assert.ok(nothing.isEmpty, 'a frame that read nothing');
  const innerReads = log.end(inner);
  const memo = log.begin();
  disk.get('tags');
  const memoReads = log.end(memo);
  // A memo hit inside a loop: the same reads replayed again and again are counted once.
  for (let i = 0; i < 3; i++) log.replay(memoReads);
  log.replay(nothing);
  const all = log.end(outer);
  assert.deepEqual(describe(innerReads), ['resources[1].size']);
  assert.deepEqual(describe(all), ['resources[0].name', 'resources[1].size', 'resources[1].tags']);
  // Closed frames never change: the inner frame's reads are still its own.
  assert.deepEqual(describe(innerReads), ['resources[1].size']);
  assert.equal(log.active, false);
});

test('a view of a tracked object computed in one rule (key, sorted entries, walk) counts as a whole read in every later rule', () => {
  const views = `package t
keys_a contains r if some r in input.resources
keys_b contains r if some r in input.resources
fields_a contains k if some k, _ in input.resources[0]
fields_b contains k if some k, _ in input.resources[0]
paths_a := [p | walk(input.resources[1], [p, _])]
paths_b := [p | walk(input.resources[1], [p, _])]
whole_a := {input}
whole_b := {input}
`;
  const { policy, errors } = prepare([{ file: 't.rego', text: views }]);
  assert.deepEqual(errors, []);
  const { log, session } = tracked(policy!);
  const readsOf = (rule: string): string[] => {
    const frame = log.begin();
    assert.deepEqual(session.evalRule(`data.t.${rule}`).errors, []);
    return describe(log.end(frame));
  };
  for (const [view, expected] of [
    ['keys', ['.resources', 'resources[0].*', 'resources[1].*']],
    ['fields', ['.resources', 'resources[0].*']],
    ['paths', ['.resources', 'resources[1].*']],
    ['whole', ['.*', 'resources[0].*', 'resources[1].*']],
  ] as const) {
    // (A walk also names each field it reads the first time; `*` already stands for those.)
    const whole = (reads: string[]) => reads.filter((r) => r.startsWith('.') || r.endsWith('.*'));
    assert.deepEqual(whole(readsOf(`${view}_a`)), expected, `${view}: computed`);
    assert.deepEqual(whole(readsOf(`${view}_b`)), expected, `${view}: reused`);
  }
});

test('someRead answers as the union of the reads would, before and after the union is formed', () => {
  const { policy, errors } = prepare([{ file: 't.rego', text: POLICY }]);
  assert.deepEqual(errors, []);
  const { log, session } = tracked(policy!);
  let checked = 0;
  for (const rule of ['first', 'second', 'third', 'fourth', 'first']) {
    const frame = log.begin();
    assert.deepEqual(session.evalRule(`data.t.${rule}`).errors, []);
    const reads = log.end(frame);
    // Questions: every field of every resource and the top level, by place and name.
    const places = [undefined, 0, 1, 2];
    const names = ['type', 'name', 'acl', 'tags', 'size', 'region', 'resources', 'nothing'];
    const questions = places.flatMap((index) => names.map((name) => (owner: { place: { key?: string; index?: number } }, field: string) => owner.place.index === index && field === name));
    // Asked first, while the reads are still frames (no union formed yet)...
    const early = questions.map((q) => reads.someRead(q));
    // ...then answered from the union, and asked again (someRead now uses the union).
    const union = reads.fields();
    const expected = questions.map((q) => [...union].some(([owner, fields]) => [...fields].some((f) => q(owner, f))));
    assert.deepEqual(early, expected, rule);
    assert.deepEqual(questions.map((q) => reads.someRead(q)), expected, rule);
    assert.ok(expected.some((x) => x), `${rule} read something`);
    checked += expected.filter((x) => x).length;
  }
  assert.ok(checked > 10);
});
