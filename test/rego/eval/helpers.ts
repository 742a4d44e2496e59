// Small helpers for evaluator tests: prepare modules, run a query, read results as plain JSON.
import assert from 'node:assert/strict';
import { evalQuery, prepare, type EvalOptions, type PreparedPolicy } from '../../../server/src/rego/eval';
import { fromJS, toJSONText, type RegoValue } from '../../../server/src/rego/value';

export function policyOf(...modules: string[]): PreparedPolicy {
  const p = prepare(modules.map((text, i) => ({ file: `m${i}.rego`, text })));
  assert.deepEqual(p.errors, [], 'modules should compile');
  assert.ok(p.policy);
  return p.policy;
}

/** Plain JSON of a value: sets become arrays in OPA's sorted order. */
export function plain(v: RegoValue | undefined): unknown {
  return v === undefined ? undefined : JSON.parse(toJSONText(v));
}

/** Query results as plain JSON, or throws with the errors. */
export function query(policy: PreparedPolicy, q: string, options?: EvalOptions): Record<string, unknown>[] {
  const r = evalQuery(policy, q, options);
  assert.deepEqual(r.errors, [], `query ${q} should not fail`);
  return r.results.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, plain(v)])));
}

/** The single value of `x` in `<ref> = x`, or undefined when the query has no result. */
export function valueOf(policy: PreparedPolicy, ref: string, options?: EvalOptions): unknown {
  const rs = query(policy, `${ref} = x`, options);
  assert.ok(rs.length <= 1, `expected at most one result, got ${rs.length}`);
  return rs[0]?.x;
}

export function errorOf(policy: PreparedPolicy, q: string, options?: EvalOptions): { code: string; message: string; row: number } {
  const r = evalQuery(policy, q, options);
  assert.equal(r.errors.length, 1, `query ${q} should fail once, got ${JSON.stringify(r.results.length)} results`);
  return r.errors[0];
}

export const input = (j: unknown): RegoValue => fromJS(j);
