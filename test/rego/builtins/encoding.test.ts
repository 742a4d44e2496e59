import { test } from 'node:test';
import { expectCall, expectError } from './helpers';

test('base64 and base64url are strict like Go', () => {
  expectCall('base64.encode', ['"hello"'], '"aGVsbG8="');
  expectCall('base64.decode', ['"aGVsbG8="'], '"hello"');
  expectCall('base64.is_valid', ['"aGVsbG8"'], 'false');
  expectError('base64.decode', ['"aGVsbG8"'], 'base64.decode: illegal base64 data at input byte 4', 'eval_builtin_error');
  expectError('base64.decode', ['"a$=="'], 'base64.decode: illegal base64 data at input byte 1', 'eval_builtin_error');
  expectCall('base64url.encode', ['"??>"'], '"Pz8-"');
  expectCall('base64url.encode_no_pad', ['"hello"'], '"aGVsbG8"');
  expectCall('base64url.decode', ['"aGVsbG8"'], '"hello"');
  expectCall('base64url.decode', ['"aGVsbG8="'], '"hello"');
});

test('hex and urlquery', () => {
  expectCall('hex.encode', ['"lorem ipsum"'], '"6c6f72656d20697073756d"');
  expectCall('hex.decode', ['"6c6f72656d"'], '"lorem"');
  expectError('hex.decode', ['"abc"'], 'hex.decode: encoding/hex: odd length hex string', 'eval_builtin_error');
  expectCall('urlquery.encode', ['"a b&c=d/é"'], '"a+b%26c%3Dd%2F%C3%A9"');
  expectCall('urlquery.decode', ['"a+b%26c"'], '"a b&c"');
  expectError('urlquery.decode', ['"%zz"'], 'urlquery.decode: invalid URL escape "%zz"', 'eval_builtin_error');
  expectCall('urlquery.encode_object', ['{"b": ["2", "1"], "a": "x y"}'], '"a=x+y&b=2&b=1"');
  expectCall('urlquery.decode_object', ['"a=1&b=2&a=3"'], '{"a": ["1", "3"], "b": ["2"]}');
});

test('json.marshal is compact with sorted keys; options pretty-print', () => {
  expectCall('json.marshal', ['{"b": {1, 2}, "a": "<x>"}'], '"{\\"a\\":\\"\\\\u003cx\\\\u003e\\",\\"b\\":[1,2]}"');
  expectCall('json.marshal', ['[1234500000, 2000000, 1e3]'], '"[1234500000,2000000,1e3]"');
  expectCall('json.marshal_with_options', ['{"a": [1]}', '{"pretty": true}'], '"{\\n\\t\\"a\\": [\\n\\t\\t1\\n\\t]\\n}"');
  expectCall('json.marshal_with_options', ['{"a": 1}', '{"indent": "  ", "prefix": "> "}'], '"> {\\n>   \\"a\\": 1\\n> }"');
  expectCall('json.marshal_with_options', ['{"a": 1}', '{"pretty": false, "indent": "  "}'], '"{\\"a\\":1}"');
});

test('json.unmarshal and yaml round trips keep big numbers', () => {
  expectCall('json.unmarshal', ['"{\\"n\\": 18446744073709551614}"'], '{"n": 18446744073709551614}');
  expectCall('json.is_valid', ['"{"'], 'false');
  expectCall('yaml.unmarshal', ['"a: 1\\nb: [x, 2]"'], '{"a": 1, "b": ["x", 2]}');
  expectCall('yaml.marshal', ['{"b": 1, "a": ["x"]}'], '"a:\\n- x\\nb: 1\\n"');
  expectCall('yaml.is_valid', ['"a: [1"'], 'false');
});
