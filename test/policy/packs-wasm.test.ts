// Wasm bundles: `policy.wasm` modules speaking OPA's wasm ABI (assembled here from WebAssembly text,
// test/policy/wasm-modules.ts) run through @open-policy-agent/opa-wasm, with Palisade answering
// the builtins the SDK lacks; their deny results become findings; broken modules cost only their pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { loadWasmPolicy } from '../../server/src/policy/packs/wasm';
import { wasmRules } from '../../server/src/policy/packs/wasm-rules';
import { WasmSandbox } from '../../server/src/policy/packs/wasm-sandbox';
import { json, scan } from '../cli/scan-run';
import { bucketRule, bundleBytes, tempDir, writeTree, BUCKET_TF } from './packs-helpers';
import { buildWasmPolicy } from './wasm-modules';

const ADDRESS_OF_FIRST = { builtin: 'object.get', args: ['["resources",0,"address"]', '""'], message: 'flagged by the wasm policy' };
const INPUT = { resources: [{ type: 'aws_s3_bucket', address: 'aws_s3_bucket.logs' }] };

test('a module calling a builtin the SDK lacks gets Palisade\'s implementation', async () => {
  const { policy, error } = loadWasmPolicy(await buildWasmPolicy(ADDRESS_OF_FIRST));
  assert.equal(error, undefined);
  assert.deepEqual(policy!.builtins, ['object.get']);
  assert.deepEqual(policy!.evaluate('main/deny', INPUT), { value: [{ msg: 'flagged by the wasm policy', resource: 'aws_s3_bucket.logs' }] });
  // An undefined builtin result (object.get of a non-object is an error; non-strict: undefined).
  assert.deepEqual(policy!.evaluate('main/deny', 'not an object'), {}, 'an empty result set: the rule is undefined');
});

test('modules Palisade cannot run are refused when they load, with the reason', async () => {
  assert.match(loadWasmPolicy(new Uint8Array([1, 2, 3])).error!, /not a valid WebAssembly module/);
  const http = await buildWasmPolicy({ builtin: 'http.send', args: [], message: 'x' });
  assert.match(loadWasmPolicy(http).error!, /needs builtins Palisade does not provide: http\.send/);
  const unknown = await buildWasmPolicy({ builtin: 'custom.company_lookup', args: [], message: 'x' });
  assert.match(loadWasmPolicy(unknown).error!, /custom\.company_lookup/);
});

test('a trap or an abort during evaluation is an error for that evaluation, not a crash', async () => {
  for (const behaviour of ['trap', 'abort'] as const) {
    const { policy } = loadWasmPolicy(await buildWasmPolicy({ ...ADDRESS_OF_FIRST, behaviour }));
    const result = policy!.evaluate('main/deny', INPUT);
    assert.equal(result.value, undefined);
    assert.match(result.error!, behaviour === 'abort' ? /aborted by the policy/ : /main\/deny failed in policy\.wasm: unreachable/);
  }
});

test('entrypoints become rules: METADATA from the manifest annotations, else the package', async () => {
  const bytes = await buildWasmPolicy({ ...ADDRESS_OF_FIRST, entrypoint: 'team/s3/deny' });
  const annotated = wasmRules('team', new Map([['policy.wasm', bytes]]), [{ entrypoint: 'team/s3/deny', module: '/policy.wasm', annotations: [{ scope: 'package', title: 'No logs bucket', custom: { id: 'TEAM-WASM-001', severity: 'medium' } }] }], [], (p) => `@team/${p}`);
  assert.deepEqual(annotated.diagnostics, []);
  assert.deepEqual(annotated.rules.map((r) => [r.id, r.severity, r.title, r.packagePath, r.file]), [['TEAM-WASM-001', 'medium', 'No logs bucket', 'team.s3', '@team/policy.wasm']]);
  assert.deepEqual(annotated.external.get('TEAM-WASM-001')!.evaluate('deny', INPUT).value, [{ msg: 'flagged by the wasm policy', resource: 'aws_s3_bucket.logs' }]);
  assert.deepEqual(annotated.external.get('TEAM-WASM-001')!.evaluate('warn', INPUT), {});

  const plain = wasmRules('team', new Map([['policy.wasm', bytes]]), [], [], (p) => p);
  assert.deepEqual(plain.rules.map((r) => [r.id, r.severity]), [['team/team.s3', 'high']]);
  const missing = wasmRules('team', new Map([['policy.wasm', bytes]]), [{ entrypoint: 'other/deny', module: '/policy.wasm' }], [], (p) => p);
  assert.match(missing.diagnostics[0].message, /entrypoint other\/deny, which policy\.wasm does not export/);
});

test('palisade scan runs a signed-off wasm bundle beside a broken one and a Rego pack', async () => {
  const good = await buildWasmPolicy({ ...ADDRESS_OF_FIRST, entrypoint: 'team/s3/deny' });
  const trapping = await buildWasmPolicy({ ...ADDRESS_OF_FIRST, entrypoint: 'bad/deny', behaviour: 'trap' });
  const manifest = (entrypoint: string, id: string) => JSON.stringify({ revision: '1', roots: [''], wasm: [{ entrypoint, module: '/policy.wasm', annotations: [{ scope: 'package', title: id, custom: { id, severity: 'high' } }] }] });
  const dir = writeTree(tempDir(), {
    'main.tf': BUCKET_TF,
    'rego/r.rego': bucketRule('TEAM-REGO-001', 'team.rego'),
    '.palisade.yaml': 'packs:\n  sources:\n    - bundle: wasm.tar.gz\n    - bundle: trapping.tar.gz\n    - bundle: garbage.tar.gz\n    - path: rego\n',
  });
  writeFileSync(`${dir}/wasm.tar.gz`, bundleBytes({ '/.manifest': manifest('team/s3/deny', 'TEAM-WASM-001'), '/policy.wasm': good }));
  writeFileSync(`${dir}/trapping.tar.gz`, bundleBytes({ '/.manifest': manifest('bad/deny', 'TEAM-WASM-002'), '/policy.wasm': trapping }));
  writeFileSync(`${dir}/garbage.tar.gz`, bundleBytes({ '/policy.wasm': new Uint8Array([0, 97, 115, 109, 9, 9]) }));
  const report = json(scan(['.', '--format', 'json', '--fail-on', 'none', '--jobs', '1'], dir));
  const ids = report.findings.map((f) => f.ruleId);
  assert.ok(ids.includes('TEAM-WASM-001') && ids.includes('TEAM-REGO-001'), ids.join(', '));
  const wasmFinding = report.findings.find((f) => f.ruleId === 'TEAM-WASM-001')!;
  assert.equal(wasmFinding.message, 'flagged by the wasm policy');
  assert.equal(wasmFinding.location.startLine, 1, 'on the bucket resource');
  const problems = report.diagnostics.map((d) => `${d.code} ${d.file ?? ''}`);
  assert.ok(problems.some((p) => p.startsWith('rule-error')), `the trapping module is reported: ${problems.join('; ')}`);
  assert.ok(problems.some((p) => p.startsWith('pack-wasm')), `the garbage module is reported: ${problems.join('; ')}`);
});

test('a module that never returns is stopped at the deadline; the next evaluation gets a fresh worker', async () => {
  const looping = new WasmSandbox(await buildWasmPolicy({ ...ADDRESS_OF_FIRST, behaviour: 'loop' }), {}, 300);
  assert.deepEqual(looping.describe(), { entrypoints: { 'main/deny': 0 } });
  const started = Date.now();
  assert.match(looping.evaluate('main/deny', INPUT).error!, /ran longer than 300 ms in policy\.wasm and was stopped/);
  assert.ok(Date.now() - started < 5000);
  assert.match(looping.evaluate('main/deny', INPUT).error!, /was stopped/);
  looping.stop();

  const fine = new WasmSandbox(await buildWasmPolicy(ADDRESS_OF_FIRST), {});
  assert.deepEqual(fine.evaluate('main/deny', INPUT).value, [{ msg: 'flagged by the wasm policy', resource: 'aws_s3_bucket.logs' }]);
  fine.stop();
});
