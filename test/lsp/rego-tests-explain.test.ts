// The rego layer's failure explanation that Test Explorer failures are built from
// (`explainRuleFailure`, server/src/rego/eval/explain.ts): which expression failed, and its terms'
// values in the branch that got furthest, under the expression's `with` modifiers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalRuleWithErrors, explainRuleFailure, prepare, toJSONText, type FailureExplanation } from '../../server/src/rego/index';

const POLICY = `package p

deny contains "a" if input.x == 1
`;

const TESTS = `package p

test_with if {
	count(deny) == 1 with input as {"x": 2}
}

test_furthest_branch if {
	some v in [1, 2, 3]
	v > 1
	v == 5
}

test_membership if {
	x := 3
	x in [1, 2]
}

test_passes if count(deny) == 1 with input as {"x": 1}

test_false := false
`;

function setup() {
  const r = prepare([
    { file: 'p.rego', text: POLICY },
    { file: 'p_test.rego', text: TESTS },
  ]);
  assert.deepEqual(r.errors, []);
  return r.policy!;
}

/** The explanation as source texts and JSON values, for readable assertions. */
function shown(why: FailureExplanation | undefined): { expr?: string; negated: boolean; terms: [string, string | undefined][] } | undefined {
  if (!why) return undefined;
  return {
    expr: why.expr ? TESTS.slice(why.expr.start, why.expr.end) : undefined,
    negated: why.negated,
    terms: why.terms.map((t) => [t.loc ? TESTS.slice(t.loc.start, t.loc.end) : '?', t.value === undefined ? undefined : toJSONText(t.value)]),
  };
}

test('the failing comparison and its sides, evaluated under the expression\'s with', () => {
  const policy = setup();
  assert.equal(evalRuleWithErrors(policy, 'data.p.test_with').value, undefined);
  assert.deepEqual(shown(explainRuleFailure(policy, 'data.p.test_with')), {
    expr: 'count(deny) == 1 with input as {"x": 2}',
    negated: false,
    terms: [
      ['count(deny)', '0'],
      ['1', '1'],
    ],
  });
});

test('the expression no branch got past, with the bindings of the first branch that reached it', () => {
  const policy = setup();
  assert.deepEqual(shown(explainRuleFailure(policy, 'data.p.test_furthest_branch')), {
    expr: 'v == 5',
    negated: false,
    terms: [
      ['v', '2'],
      ['5', '5'],
    ],
  });
  assert.deepEqual(shown(explainRuleFailure(policy, 'data.p.test_membership'))?.terms, [
    ['x', '3'],
    ['[1, 2]', '[1,2]'],
  ]);
});

test('a body that holds: no failing expression (the value was false); an unknown rule: no explanation', () => {
  const policy = setup();
  assert.deepEqual(shown(explainRuleFailure(policy, 'data.p.test_passes')), { expr: undefined, negated: false, terms: [] });
  assert.deepEqual(shown(explainRuleFailure(policy, 'data.p.test_false')), { expr: undefined, negated: false, terms: [] });
  assert.equal(explainRuleFailure(policy, 'data.p.no_such_rule'), undefined);
});
