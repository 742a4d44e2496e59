// Builtins that reach outside the policy: refused by default, opa.runtime only on explicit opt-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalQuery, fromJS, prepare, toJS } from '../../../server/src/rego';

const { policy } = prepare([{ file: 'p.rego', text: 'package p\n\nenv := opa.runtime().env\n\nresp := http.send({"method": "get", "url": "http://127.0.0.1:1"})\n' }]);

test('opa.runtime is refused unless the host provides runtime information', () => {
  const refused = evalQuery(policy!, 'x := data.p.env', { strictBuiltinErrors: true });
  assert.equal(refused.results.length, 0);
  assert.match(refused.errors.map((e) => e.message).join('\n'), /opa\.runtime is disabled/);
  const given = evalQuery(policy!, 'x := data.p.env', { runtime: fromJS({ env: { STAGE: 'prod' } }) });
  assert.deepEqual(given.results.map((r) => toJS(r.x)), [{ STAGE: 'prod' }]);
});

test('http.send is always refused: no network at run time', () => {
  const r = evalQuery(policy!, 'x := data.p.resp', { strictBuiltinErrors: true, runtime: fromJS({}) });
  assert.equal(r.results.length, 0);
  assert.match(r.errors.map((e) => e.message).join('\n'), /http\.send is disabled/);
});
