import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinError, builtins, getBuiltin } from '../../../server/src/rego/builtins';
import { lit, context, expectCall, expectError, call } from './helpers';

test('semver', () => {
  expectCall('semver.compare', ['"1.0.0-alpha"', '"1.0.0"'], '-1');
  expectCall('semver.compare', ['"1.0.0-alpha.1"', '"1.0.0-alpha.beta"'], '-1');
  expectCall('semver.compare', ['"1.0.0+build"', '"1.0.0"'], '0');
  expectCall('semver.compare', ['"2.10.0"', '"2.9.9"'], '1');
  expectCall('semver.is_valid', ['"v1.0.0"'], 'false');
  expectCall('semver.is_valid', ['1'], 'false');
  expectError('semver.compare', ['"1"', '"1.0.0"'], 'semver.compare: operand 1: string "1" is not a valid SemVer', 'eval_builtin_error');
});

test('units', () => {
  expectCall('units.parse', ['"500m"'], '0.5');
  expectCall('units.parse', ['"1.1Ki"'], '1126.4');
  expectCall('units.parse', ['"10E"'], '10000000000000000000');
  expectCall('units.parse', ['"-3.5E2m"'], '-0.35');
  expectCall('units.parse_bytes', ['"1.1KiB"'], '1126');
  expectCall('units.parse_bytes', ['"\\"100TIB\\""'], '109951162777600');
  expectCall('units.parse_bytes', ['"1e-2KB"'], '10');
  expectError('units.parse_bytes', ['"GB"'], 'units.parse_bytes: no byte amount provided', 'eval_builtin_error');
  expectError('units.parse_bytes', ['"0.0.0"'], 'units.parse_bytes: could not parse byte amount to a number', 'eval_builtin_error');
  expectError('units.parse_bytes', ['"100 kb"'], 'units.parse_bytes: spaces not allowed in resource strings', 'eval_builtin_error');
});

test('uuid', () => {
  expectCall('uuid.parse', ['"urn:uuid:000003e8-48b9-21ee-b200-325096b39f47"'],
    '{"clocksequence": 12800, "domain": "Person", "id": 1000, "macvariables": "local:unicast", "nodeid": "32-50-96-b3-9f-47", "time": 1693566990121469600, "variant": "RFC4122", "version": 2}');
  expectCall('uuid.parse', ['"{00000000-0000-4000-8000-000000000000}"'], '{"variant": "RFC4122", "version": 4}');
  assert.equal(call('uuid.parse', '"not-a-uuid"'), undefined);
  const ctx = context();
  const u = getBuiltin('uuid.rfc4122')!;
  const a = u.impl(['k'], ctx);
  assert.match(a as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(u.impl(['k'], ctx), a);
  assert.notEqual(u.impl(['other'], ctx), a);
});

test('graph.reachable and reachable_paths', () => {
  expectCall('graph.reachable', ['{"a": {"b"}, "b": {"c"}, "c": set(), "x": {"y"}}', '{"a"}'], '{"a", "b", "c"}');
  expectCall('graph.reachable_paths', ['{"a": {"b"}, "b": {"c"}, "c": {"a"}}', '{"a"}'], '{["a", "b", "c"]}');
  expectCall('graph.reachable_paths', ['{}', '{"a"}'], 'set()');
});

test('print formats strings raw and other values as terms; internal.print prints cross products', () => {
  const lines: string[] = [];
  getBuiltin('print')!.impl(['x', lit('{1, "a"}')], context({ print: (l) => lines.push(l) }));
  getBuiltin('internal.print')!.impl([lit('[{"a"}, set(), {1, 2}]')], context({ print: (l) => lines.push(l) }));
  assert.deepEqual(lines, ['x {1, "a"}', 'a <undefined> 1', 'a <undefined> 2']);
});

test('external builtins are marked and refused', () => {
  for (const name of ['http.send', 'net.lookup_ip_addr', 'opa.runtime']) {
    const b = getBuiltin(name)!;
    assert.equal(b.external, true, name);
    assert.throws(() => b.impl(b.args.map(() => lit('{}')), context()), BuiltinError);
  }
});

test('registry: every builtin is documented, typed and named once', () => {
  assert.ok(builtins.size >= 170, `only ${builtins.size} builtins`);
  for (const [name, b] of builtins) {
    assert.equal(b.name, name);
    assert.ok(b.description.length > 10, `${name} description`);
    assert.ok(b.category, `${name} category`);
    for (const a of b.args) assert.ok(a.name && a.type, `${name} arg`);
  }
  for (const name of ['count', 'sprintf', 'walk', 'json.marshal', 'object.get', 'regex.match', 'net.cidr_contains', 'time.parse_rfc3339_ns', 'base64.decode', 'to_number', 'io.jwt.decode_verify']) {
    assert.ok(builtins.has(name), name);
  }
});

test('resource guards: huge shifts and ranges are errors, not memory exhaustion', () => {
  expectError('bits.lsh', ['1', '100000000000'], 'bits.lsh: shift amount too large', 'eval_builtin_error');
  expectError('numbers.range', ['0', '100000000000'], 'numbers.range: range too large: 100000000001 elements (limit 10000000)', 'eval_builtin_error');
});
