import { test } from 'node:test';
import { expectCall, expectError } from './helpers';

const SCHEMA = '{"properties": {"id": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}, "name": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5}}, "required": ["id"], "additionalProperties": false}';

test('json.match_schema reports gojsonschema-style errors', () => {
  expectCall('json.match_schema', ['{"id": 5}', SCHEMA], '[true, []]');
  expectCall('json.match_schema', ['"{\\"id\\": 5}"', SCHEMA], '[true, []]');
  expectCall('json.match_schema', ['{"id": "foo"}', SCHEMA],
    '[false, [{"desc": "Invalid type. Expected: integer, given: string", "error": "id: Invalid type. Expected: integer, given: string", "field": "id", "type": "invalid_type"}]]');
  expectCall('json.match_schema', ['{"x": 1}', SCHEMA],
    '[false, [{"desc": "id is required", "error": "(root): id is required", "field": "(root)", "type": "required"}, {"desc": "Additional property x is not allowed", "error": "(root): Additional property x is not allowed", "field": "(root)", "type": "additional_property_not_allowed"}]]');
  expectCall('json.match_schema', ['{"id": 1, "tags": ["a", 2], "name": "ABCDEFG"}', SCHEMA],
    '[false, [{"desc": "Invalid type. Expected: string, given: integer", "error": "tags.1: Invalid type. Expected: string, given: integer", "field": "tags.1", "type": "invalid_type"}, {"desc": "String length must be less than or equal to 5", "error": "name: String length must be less than or equal to 5", "field": "name", "type": "string_lte"}, {"desc": "Does not match pattern \'^[a-z]+$\'", "error": "name: Does not match pattern \'^[a-z]+$\'", "field": "name", "type": "pattern"}]]');
});

test('invalid schemas', () => {
  expectCall('json.verify_schema', ['{"type": "boolean"}'], '[true, null]');
  expectCall('json.verify_schema', ['"{\\"type\\": \\"unknown_type\\"}"'],
    '[false, "jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]"]');
  expectError('json.match_schema', ['{}', '{"properties": {"id": {"type": "unknown"}}}'],
    'json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:[array boolean integer number null object string]', 'eval_builtin_error');
});
