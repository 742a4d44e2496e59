// Every builtin, called with values of every kind, returns a value, undefined, or a BuiltinError —
// never another exception (a builtin must not crash the evaluator on bad input).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinError, builtins } from '../../../server/src/rego/builtins';
import type { RegoValue } from '../../../server/src/rego/value/types';
import { context, lit } from './helpers';

const SAMPLES: RegoValue[] = [
  'null', 'true', '0', '-1', '1.5', '18446744073709551616', '""', '"a.b/c"', '"10.0.0.0/8"', '"1h"',
  '[]', '[1, "a"]', '{}', '{"a": {"b": 1}}', 'set()', '{1, "a"}', '"eyJhbGciOiJIUzI1NiJ9.e30.e30"',
].map(lit);

function* combinations(arity: number): Generator<RegoValue[]> {
  if (arity === 0) {
    yield [];
    return;
  }
  if (arity <= 2) {
    for (const head of SAMPLES) for (const rest of combinations(arity - 1)) yield [head, ...rest];
    return;
  }
  // Larger arities: a deterministic spread instead of the full product.
  for (let i = 0; i < 400; i++) yield Array.from({ length: arity }, (_, j) => SAMPLES[(i * (j + 3) + j * 7) % SAMPLES.length]);
}

test('no builtin throws anything but BuiltinError', () => {
  const crashes: string[] = [];
  let calls = 0;
  for (const [name, b] of builtins) {
    for (const args of combinations(b.args.length)) {
      calls++;
      try {
        b.impl(args, context());
      } catch (e) {
        if (!(e instanceof BuiltinError)) crashes.push(`${name}: ${e instanceof Error ? e.stack?.split('\n').slice(0, 2).join(' ') : String(e)}`);
      }
    }
  }
  assert.ok(calls > 10_000, `only ${calls} calls`);
  assert.deepEqual(crashes.slice(0, 20), []);
});
