// Runs the OPA conformance cases whose rule is a single builtin call on literal arguments directly
// against the registry (no evaluator needed), and checks result, undefinedness or error message.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../../helpers/corpora';
import { BuiltinError, getBuiltin, type BuiltinContext } from '../../../server/src/rego/builtins';
import { parseJSON, parseYAML } from '../../../server/src/rego/value/json';
import { compare } from '../../../server/src/rego/value/compare';
import { toJSONText } from '../../../server/src/rego/value/format';
import { isObject } from '../../../server/src/rego/value/collections';
import { toRegoText } from '../../../server/src/rego/value/format';
import type { RegoValue } from '../../../server/src/rego/value/types';
import { literalCall } from './term-literal';

/** Cases checked by hand to differ for documented reasons (see docs/rego-builtins.md). */
const KNOWN_DIFFERENCES = new Set<string>([]);

/** The fraction of recognised cases that must pass; raised as gaps close. */
const MIN_PASS_RATE = 0.9;

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

const ctx = (): BuiltinContext => ({ nowNs: 1_700_000_000_000_000_000n, strictBuiltinErrors: true, print: () => {}, cache: new Map() });

const dir = corpus('opa-cases');

function jsonOf(v: RegoValue, sortArrays: boolean): string {
  const parsed = parseJSON(toJSONText(v));
  const value = parsed.value!;
  return toJSONText(sortArrays && Array.isArray(value) ? [...value].sort(compare) : value);
}

test('OPA conformance cases that are one builtin call on literals', { skip: dir === undefined ? 'corpora not available' : false }, () => {
  let recognised = 0;
  let passed = 0;
  const failures: string[] = [];
  for (const file of yamlFiles(join(dir!, 'v1'))) {
    const doc = parseYAML(readFileSync(file, 'utf8'));
    if (doc.error !== undefined || !isObject(doc.value)) continue;
    const cases = doc.value.get('cases');
    if (!Array.isArray(cases)) continue;
    for (const c of cases as RegoValue[]) {
      if (!isObject(c)) continue;
      const modules = c.get('modules');
      const query = c.get('query');
      const note = String(c.get('note'));
      if (!Array.isArray(modules) || modules.length !== 1 || typeof query !== 'string' || !/^data\.\w+\.p = x$/.test(query)) continue;
      if (c.has('input') || c.has('input_term') || KNOWN_DIFFERENCES.has(note)) continue;
      const call = literalCall(String(modules[0]), (name) => getBuiltin(name) !== undefined);
      if (!call) continue;
      const builtin = getBuiltin(call.name)!;
      // Relations, nondeterministic and evaluator-provided builtins need the evaluator.
      if (builtin.nondeterministic || builtin.relation || call.name.startsWith('rego.metadata.') || builtin.args.length !== call.args.length) continue;
      recognised++;
      const want = c.get('want_result');
      const wantError = c.get('want_error');
      const wantCode = c.get('want_error_code');
      let got: RegoValue | undefined;
      let error: BuiltinError | undefined;
      try {
        got = builtin.impl(call.args, ctx());
      } catch (e) {
        if (!(e instanceof BuiltinError)) throw e;
        error = e;
      }
      let ok: boolean;
      if (typeof wantError === 'string' || typeof wantCode === 'string') {
        ok = error !== undefined && (typeof wantCode !== 'string' || error.code === wantCode) &&
          (typeof wantError !== 'string' || `${error.code}: ${error.message}`.includes(wantError));
      }
      else if (Array.isArray(want) && want.length === 0) ok = error === undefined && got === undefined;
      else if (Array.isArray(want) && want.length === 1 && isObject(want[0])) {
        const x = want[0].get('x');
        // Compare as OPA's harness does: through JSON (sets become sorted arrays).
        const sortBindings = c.get('sort_bindings') === true;
        ok = error === undefined && got !== undefined && x !== undefined && jsonOf(got, sortBindings) === jsonOf(x, sortBindings);
      } else ok = false;
      if (ok) passed++;
      else failures.push(`${note}: ${call.name} → ${error ? 'error ' + error.message : got === undefined ? 'undefined' : toRegoText(got)}; want ${typeof wantError === 'string' ? 'error ' + wantError : want === undefined ? '?' : toRegoText(want as RegoValue)}`);
    }
  }
  const rate = passed / recognised;
  if (process.env.PALISADE_SHOW_FAILURES === '1') console.log(failures.join('\n'));
  console.log(`opa-cases single-call builtin cases: ${passed}/${recognised} pass`);
  assert.ok(recognised >= 150, `expected at least 150 recognised cases, got ${recognised}`);
  assert.ok(rate >= MIN_PASS_RATE, `pass rate ${passed}/${recognised}; failures:\n${failures.slice(0, 40).join('\n')}`);
});
