import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, context, expectCall, expectError, lit } from './helpers';
import { getBuiltin } from '../../../server/src/rego/builtins';
import { toRegoText } from '../../../server/src/rego/value/format';

test('object.get with keys, paths and defaults', () => {
  expectCall('object.get', ['{"a": {"b": [10, 20]}}', '"a"', 'null'], '{"b": [10, 20]}');
  expectCall('object.get', ['{"a": {"b": [10, 20]}}', '["a", "b", 1]', 'null'], '20');
  expectCall('object.get', ['{"a": {"b": [10, 20]}}', '["a", "x"]', '"dflt"'], '"dflt"');
  expectCall('object.get', ['{"a": 1}', '[]', 'null'], '{"a": 1}');
  expectCall('object.get', ['{["a"]: "direct"}', '["a"]', 'null'], '"direct"');
  expectError('object.get', ['"x"', '"a"', '1'], 'object.get: operand 1 must be object but got string');
});

test('object.union merges recursively, the right side winning', () => {
  expectCall('object.union', ['{"a": {"b": 1, "c": 2}, "d": 1}', '{"a": {"b": 3}, "e": 4}'], '{"a": {"b": 3, "c": 2}, "d": 1, "e": 4}');
  expectCall('object.union', ['{"a": {"b": 1}}', '{"a": 2}'], '{"a": 2}');
  expectCall('object.union_n', ['[{"a": 1}, {"b": 2}, {"a": 3}]'], '{"a": 3, "b": 2}');
  expectCall('object.union_n', ['[]'], '{}');
  expectError('object.union', ['[]', '{}'], 'object.union: operand 1 must be object but got array');
});

test('object.remove, object.filter and object.keys', () => {
  expectCall('object.remove', ['{"a": 1, "b": 2, "c": 3}', '["a", "c"]'], '{"b": 2}');
  expectCall('object.remove', ['{"a": 1, "b": 2}', '{"a": 0}'], '{"b": 2}');
  expectCall('object.filter', ['{"a": 1, "b": 2, "c": 3}', '{"a", "c", "z"}'], '{"a": 1, "c": 3}');
  expectCall('object.keys', ['{"a": 1, 2: 3}'], '{2, "a"}');
  expectError('object.remove', ['{}', '"a"'], 'object.remove: operand 2 must be one of {object, set, array} but got string');
  expectError('object.filter', ['null', '[]'], 'object.filter: operand 1 must be object but got null');
});

test('object.subset', () => {
  expectCall('object.subset', ['{"a": {"b": 1, "c": 2}, "d": 3}', '{"a": {"b": 1}}'], 'true');
  expectCall('object.subset', ['{"a": 1}', '{"a": 2}'], 'false');
  expectCall('object.subset', ['[1, 2, 3, 4]', '[2, 3]'], 'true');
  expectCall('object.subset', ['[1, 2, 3, 4]', '[2, 4]'], 'false');
  expectCall('object.subset', ['[1, 2, 3]', '{3, 1}'], 'true');
  expectCall('object.subset', ['{1, 2}', '{1}'], 'true');
});

test('walk yields [path, value] pairs parents first', () => {
  const out = getBuiltin('walk')!.impl([lit('{"a": [1, {"b": 2}]}')], context());
  assert.equal(
    toRegoText(out!),
    toRegoText(lit('[[[], {"a": [1, {"b": 2}]}], [["a"], [1, {"b": 2}]], [["a", 0], 1], [["a", 1], {"b": 2}], [["a", 1, "b"], 2]]')),
  );
  assert.equal(getBuiltin('walk')!.relation, true);
});

test('json.filter and json.remove with string and array paths', () => {
  expectCall('json.filter', ['{"a": {"b": {"c": 7, "d": 8}}, "e": 9}', '["a/b/c", "e"]'], '{"a": {"b": {"c": 7}}, "e": 9}');
  expectCall('json.filter', ['{"a": {"b": 7}}', '{"a", "a/b"}'], '{"a": {"b": 7}}');
  expectCall('json.filter', ['{"a": [{"x": 1}, {"x": 2}]}', '["a/1/x"]'], '{"a": [{"x": 2}]}');
  expectCall('json.remove', ['{"a": {"b": {"c": 7, "d": 8}}, "e": 9}', '{["a", "b", "c"], ["e"]}'], '{"a": {"b": {"d": 8}}}');
  expectCall('json.remove', ['{"a": [{"1": ["b", "c", "d"]}, {"x": "y"}]}', '{"a/0/1/2"}'], '{"a": [{"1": ["b", "c"]}, {"x": "y"}]}');
  expectError('json.remove', ['{}', '"a"'], 'json.remove: operand 2 must be one of {set, array} but got string');
  expectError('json.remove', ['{}', '[{}]'], 'json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got object');
});

test('json.patch applies RFC 6902 operations', () => {
  expectCall('json.patch', ['{"a": {"b": 1}}', '[{"op": "add", "path": "/a/c", "value": 2}]'], '{"a": {"b": 1, "c": 2}}');
  expectCall('json.patch', ['{"a": [1, 2]}', '[{"op": "add", "path": "/a/-", "value": 3}, {"op": "remove", "path": "/a/0"}]'], '{"a": [2, 3]}');
  expectCall('json.patch', ['{"a": 1}', '[{"op": "replace", "path": "/a", "value": 5}, {"op": "copy", "from": "/a", "path": "/b"}]'], '{"a": 5, "b": 5}');
  expectCall('json.patch', ['{"a": 1}', '[{"op": "move", "from": "/a", "path": "/b"}]'], '{"b": 1}');
  expectCall('json.patch', ['{"a/b": 1}', '[{"op": "remove", "path": "/a~1b"}]'], '{}');
  assert.equal(call('json.patch', '{"a": 1}', '[{"op": "test", "path": "/a", "value": 2}]'), undefined);
  assert.equal(call('json.patch', '{}', '[{"op": "remove", "path": "/missing"}]'), undefined);
});
