// Test helpers: call a registered builtin on values written as Rego literals.

import assert from 'node:assert/strict';
import { BuiltinError, getBuiltin, type BuiltinContext } from '../../../server/src/rego/builtins';
import { toRegoText } from '../../../server/src/rego/value/format';
import type { RegoValue } from '../../../server/src/rego/value/types';
import { TermReader } from './term-literal';

/** Parses a Rego literal term: `{"a": [1, {2}]}`, `set()`, `"x"`, … */
export function lit(text: string): RegoValue {
  const r = new TermReader(text);
  const v = r.term();
  assert.equal(r.peek(), '', `trailing text in literal ${text}`);
  return v;
}

export function context(overrides: Partial<BuiltinContext> = {}): BuiltinContext {
  return { nowNs: 1_700_000_000_000_000_000n, strictBuiltinErrors: true, print: () => {}, cache: new Map(), ...overrides };
}

/** Calls a builtin with literal arguments and returns the result (undefined when undefined). */
export function call(name: string, ...args: string[]): RegoValue | undefined {
  const b = getBuiltin(name);
  assert.ok(b, `builtin ${name} is registered`);
  return b.impl(args.map(lit), context());
}

/** Asserts a call's result, written as Rego term text (sets sorted). */
export function expectCall(name: string, args: string[], expected: string): void {
  const got = call(name, ...args);
  assert.notEqual(got, undefined, `${name}(${args.join(', ')}) is undefined`);
  assert.equal(toRegoText(got!), toRegoText(lit(expected)), `${name}(${args.join(', ')})`);
}

/** Asserts a call raises a BuiltinError with exactly this message (and code). */
export function expectError(name: string, args: string[], message: string, code: BuiltinError['code'] = 'eval_type_error'): void {
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => e instanceof BuiltinError && e.message === message && e.code === code,
    `${name}(${args.join(', ')}) should fail with ${code}: ${message}`,
  );
}
