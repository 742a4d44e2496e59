// Array patterns and function parameters made of variables and constants bind without
// continuations (Evaluator.unifyFlat): the same answers as element-by-element unification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvaluationSession, fromJS, prepare, ReadLog, trackedInput, type Reads } from '../../../server/src/rego';
import { input, policyOf, valueOf } from './helpers';

const POLICY = `package t

pairs := [[1, 1], [1, 2], ["a", "b"], [3]]

# a variable repeated in one pattern must take one value
same contains x if {
	some p in pairs
	[x, x] = p
}

# a constant in the pattern filters
second_of_one contains y if {
	some p in pairs
	[1, y] = p
}

# a bound variable compares
bound contains y if {
	x := "a"
	some p in pairs
	[x, y] = p
}

first(x, _) := x

tag("a", v) := concat("", ["a:", v])

tag("b", v) := concat("", ["b:", v])

calls := [first(1, 2), tag("a", "x"), tag("b", "y")]

no_match if tag("c", "z")

walked contains [path, v] if {
	walk(input.config, [path, v])
	is_number(v)
}
`;

test('array patterns: repeated variables, constants and bound variables', () => {
  const p = policyOf(POLICY);
  assert.deepEqual(valueOf(p, 'data.t.same'), [1]);
  assert.deepEqual(valueOf(p, 'data.t.second_of_one'), [1, 2]);
  assert.deepEqual(valueOf(p, 'data.t.bound'), ['b']);
  assert.deepEqual(valueOf(p, 'data.t.walked', { input: input({ config: { a: [1, { b: 2 }], c: 'x' } }) }), [
    [['a', 0], 1],
    [['a', 1, 'b'], 2],
  ]);
});

test('function parameters: variables, wildcards and constants select the definition', () => {
  const p = policyOf(POLICY);
  assert.deepEqual(valueOf(p, 'data.t.calls'), [1, 'a:x', 'b:y']);
  assert.equal(valueOf(p, 'data.t.no_match'), undefined);
});

const READS = `package r

types := {r.type | some r in input.resources}

uses contains n if {
	some r in input.resources
	types[r.type]
	n := r.name
}
`;

function describe(reads: Reads): string[] {
  const out: string[] = [];
  for (const [owner, fields] of reads) for (const f of fields) out.push(`${owner.place.key ?? ''}[${owner.place.index ?? ''}].${f}`);
  return out.sort();
}

test('a memoised value replayed once per loop iteration counts its reads in every frame that uses it', () => {
  const { policy, errors } = prepare([{ file: 'r.rego', text: READS }]);
  assert.deepEqual(errors, []);
  const log = new ReadLog();
  const session = new EvaluationSession(policy!, { input: trackedInput(fromJS({ resources: [{ type: 'a', name: 'x' }, { type: 'b', name: 'y' }] }), log), reads: log });
  const runs: string[][] = [];
  for (let i = 0; i < 2; i++) {
    const frame = log.begin();
    assert.deepEqual(session.evalRule('data.r.uses').errors, []);
    runs.push(describe(log.end(frame)));
  }
  // The second run finds `types` memoised: its reads are replayed into that frame too.
  for (const reads of runs) for (const f of ['resources[0].type', 'resources[1].type', 'resources[0].name', 'resources[1].name']) assert.ok(reads.includes(f), `${f} in ${reads}`);
});
