import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, expectCall, expectError } from './helpers';

test('arithmetic operators and their errors', () => {
  expectCall('plus', ['1', '2.5'], '3.5');
  expectCall('minus', ['{1, 2, 3}', '{2}'], '{1, 3}');
  expectCall('mul', ['9223372036854775807', '2'], '18446744073709551614');
  expectCall('div', ['7', '2'], '3.5');
  expectCall('rem', ['-7', '3'], '-1');
  expectError('plus', ['1', '"a"'], 'plus: operand 2 must be number but got string');
  expectError('minus', ['"a"', '1'], 'minus: operand 1 must be one of {number, set} but got string');
  expectError('minus', ['{1}', '1'], 'minus: operand 2 must be set but got number');
  expectError('div', ['1', '0'], 'div: divide by zero', 'eval_builtin_error');
  expectError('rem', ['1.1', '1'], 'rem: modulo on floating-point number', 'eval_builtin_error');
});

test('aggregates', () => {
  expectCall('sum', ['[1, 2, 3.5]'], '6.5');
  expectCall('sum', ['{1, 2}'], '3');
  expectCall('sum', ['[49649733057, 1]'], '49649733058');
  expectCall('product', ['{1, 2, 3, 4}'], '24');
  expectCall('max', ['[1, "a", null]'], '"a"');
  expectCall('min', ['{3, 1, 2}'], '1');
  assert.equal(call('max', '[]'), undefined);
  expectCall('sort', ['{3, "a", 1}'], '[1, 3, "a"]');
  expectCall('count', ['{"a": 1, "b": 2}'], '2');
  expectCall('any', ['[false, true]'], 'true');
  expectCall('all', ['[]'], 'true');
  expectError('sum', ['[1, "a"]'], 'sum: operand 1 must be array of numbers but got array containing string');
  expectError('sort', ['"x"'], 'sort: operand 1 must be one of {array, set} but got string');
});

test('comparison follows the total order', () => {
  expectCall('lt', ['1', '"a"'], 'true');
  expectCall('gt', ['{1}', '{"a": 1}'], 'true');
  expectCall('equal', ['1', '1.0'], 'true');
  expectCall('neq', ['[1]', '[1, 2]'], 'true');
  expectCall('lte', ['null', 'false'], 'true');
});

test('bits on arbitrary-size integers', () => {
  expectCall('bits.and', ['12', '10'], '8');
  expectCall('bits.or', ['12', '10'], '14');
  expectCall('bits.xor', ['12', '10'], '6');
  expectCall('bits.negate', ['5'], '-6');
  expectCall('bits.lsh', ['9223372036854775807', '1'], '18446744073709551614');
  expectCall('bits.rsh', ['-8', '1'], '-4');
  expectError('bits.and', ['1.5', '1'], 'bits.and: operand 1 must be integer number but got floating-point number');
  expectError('bits.rsh', ['1', '-1'], 'bits.rsh: operand 2 must be an unsigned integer number but got a negative integer');
});

test('sets', () => {
  expectCall('and', ['{1, 2}', '{2, 3}'], '{2}');
  expectCall('or', ['{1}', '{2}'], '{1, 2}');
  expectCall('intersection', ['{{1, 2}, {2, 3}}'], '{2}');
  expectCall('union', ['{{1}, {2}, set()}'], '{1, 2}');
  expectCall('intersection', ['set()'], 'set()');
  expectError('and', ['[1]', '{1}'], 'and: operand 1 must be set but got array');
});

test('types and conversions', () => {
  expectCall('is_number', ['1'], 'true');
  expectCall('is_string', ['1'], 'false');
  expectCall('type_name', ['{1}'], '"set"');
  expectCall('type_name', ['{}'], '"object"');
  expectCall('to_number', ['"-1.5"'], '-1.5');
  expectCall('to_number', ['true'], '1');
  expectCall('to_number', ['null'], '0');
  expectCall('to_number', ['"+007"'], '7');
  expectError('to_number', ['"abc"'], 'to_number: strconv.ParseFloat: parsing "abc": invalid syntax', 'eval_builtin_error');
  expectError('to_number', ['[]'], 'to_number: operand 1 must be one of {null, boolean, number, string} but got array');
  expectCall('numbers.range', ['3', '1'], '[3, 2, 1]');
  expectCall('numbers.range_step', ['0', '10', '4'], '[0, 4, 8]');
  expectCall('numbers.range_step', ['10', '0', '4'], '[10, 6, 2]');
  expectError('numbers.range', ['1', '2.5'], 'numbers.range: operand 2 must be integer number but got floating-point number');
  expectError('numbers.range_step', ['1', '2', '0'], 'numbers.range_step: step must be a positive integer', 'eval_builtin_error');
});

test('arrays', () => {
  expectCall('array.concat', ['[1]', '[2, 3]'], '[1, 2, 3]');
  expectCall('array.slice', ['[1, 2, 3, 4]', '1', '3'], '[2, 3]');
  expectCall('array.slice', ['[1, 2, 3]', '-5', '10'], '[1, 2, 3]');
  expectCall('array.slice', ['[1, 2, 3]', '2', '1'], '[]');
  expectCall('array.reverse', ['[1, 2, 3]'], '[3, 2, 1]');
  expectCall('array.flatten', ['[1, [2, [3]], []]'], '[1, 2, [3]]');
  expectError('array.concat', ['{}', '[]'], 'array.concat: operand 1 must be array but got object');
});

test('membership operators', () => {
  expectCall('internal.member_2', ['1', '[0, 1]'], 'true');
  expectCall('internal.member_2', ['"v"', '{"k": "v"}'], 'true');
  expectCall('internal.member_3', ['"k"', '"v"', '{"k": "v"}'], 'true');
  expectCall('internal.member_3', ['1', '"b"', '["a", "b"]'], 'true');
  expectCall('internal.member_3', ['2', '"b"', '["a", "b"]'], 'false');
});
