import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, expectCall, expectError } from './helpers';

test('concat joins arrays in order and sets sorted', () => {
  expectCall('concat', ['", "', '["b", "a"]'], '"b, a"');
  expectCall('concat', ['"-"', '{"b", "a", "c"}'], '"a-b-c"');
  expectError('concat', ['"-"', '["a", 1]'], 'concat: operand 2 must be array of strings but got array containing number');
  expectError('concat', ['"-"', '"ab"'], 'concat: operand 2 must be one of {set, array} but got string');
});

test('split, replace and strings.count follow Go for empty separators', () => {
  expectCall('split', ['"a.b.c"', '"."'], '["a", "b", "c"]');
  expectCall('split', ['"åb"', '""'], '["å", "b"]');
  expectCall('replace', ['"aaa"', '"a"', '"b"'], '"bbb"');
  expectCall('replace', ['"ab"', '""', '"-"'], '"-a-b-"');
  expectCall('strings.count', ['"cheese"', '"e"'], '3');
  expectCall('strings.count', ['"five"', '""'], '5');
});

test('indexof, substring and count work on code points', () => {
  expectCall('indexof', ['"åäöabc"', '"b"'], '4');
  expectCall('indexof', ['"abc"', '"x"'], '-1');
  expectCall('indexof_n', ['"aaa"', '"aa"'], '[0, 1]');
  expectCall('substring', ['"aåäö"', '2', '-1'], '"äö"');
  expectCall('substring', ['"abcdef"', '1', '3'], '"bcd"');
  expectCall('substring', ['"åäö"', '4', '1'], '""');
  expectError('substring', ['"abc"', '-1', '1'], 'substring: negative offset', 'eval_builtin_error');
  expectCall('count', ['"åäö"'], '3');
  expectError('count', ['1'], 'count: operand 1 must be one of {array, object, set, string} but got number');
});

test('trim family uses cutsets and Go white space', () => {
  expectCall('trim', ['"  xx ab xx  "', '" x"'], '"ab"');
  expectCall('trim_left', ['"aab"', '"a"'], '"b"');
  expectCall('trim_right', ['"abb"', '"b"'], '"a"');
  expectCall('trim_prefix', ['"prefix.x"', '"prefix."'], '"x"');
  expectCall('trim_suffix', ['"x.suffix"', '".suffix"'], '"x"');
  expectCall('trim_space', ['"\\t\\n x \\u00a0"'], '"x"');
  // Go does not treat the BOM as space, unlike JS String.trim.
  expectCall('trim_space', ['"\\ufeffx"'], '"\\ufeffx"');
});

test('case mapping is per code point', () => {
  expectCall('upper', ['"straße"'], '"STRAßE"');
  expectCall('lower', ['"ÅÄÖ"'], '"åäö"');
});

test('prefix/suffix helpers and their errors', () => {
  expectCall('startswith', ['"foobar"', '"foo"'], 'true');
  expectCall('endswith', ['"foobar"', '"foo"'], 'false');
  expectCall('contains', ['"foobar"', '"oba"'], 'true');
  expectCall('strings.any_prefix_match', ['["a/b", "c/d"]', '{"c/"}'], 'true');
  expectCall('strings.any_suffix_match', ['"x.tf"', '[".json", ".yaml"]'], 'false');
  expectError('strings.any_prefix_match', ['1', '"a"'], 'strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number');
  expectError('strings.any_suffix_match', ['"a"', '["a", 1]'], 'strings.any_suffix_match: operand 2 must be array of strings but got array containing number');
});

test('format_int, reverse and replace_n', () => {
  expectCall('format_int', ['255', '16'], '"ff"');
  expectCall('format_int', ['-5.9', '2'], '"-101"');
  expectError('format_int', ['1', '3'], 'format_int: operand 2 must be one of {2, 8, 10, 16}');
  expectCall('strings.reverse', ['"aåb"'], '"båa"');
  expectCall('strings.replace_n', ['{"a": "1", "ab": "2"}', '"abab"'], '"1b1b"');
  expectError('strings.replace_n', ['{"a": 1}', '"x"'], 'strings.replace_n: operand 1 non-string value found in pattern object');
  expectError('strings.reverse', ['1'], 'strings.reverse: operand 1 must be string but got number');
});

test('type errors name the operand', () => {
  expectError('lower', ['1'], 'lower: operand 1 must be string but got number');
  expectError('split', ['"a"', 'null'], 'split: operand 2 must be string but got null');
  assert.equal(call('contains', '"a"', '""'), true);
});

test('strings.render_template renders the common text/template subset', () => {
  expectCall('strings.render_template', ['"{{.test}}"', '{"test": 2023}'], '"2023"');
  expectCall('strings.render_template', ['"{{range $i, $name := .names}}{{if $i}},{{end}}hello {{$name}}{{end}}"', '{"names": ["a", "b"]}'], '"hello a,hello b"');
  expectCall('strings.render_template', ['"test {{.foo}} {{.baz}}"', '{"baz": 1}'], '"test <undefined> 1"');
  expectCall('strings.render_template', ['"{{with .a}}{{.b}}{{else}}none{{end}} {{- /* c */ -}} !"', '{"a": {"b": [1, "x"]}}'], '"[1 x]!"');
  expectCall('strings.render_template', ['"{{if .x}}yes{{else if .y}}maybe{{else}}no{{end}}"', '{"y": true}'], '"maybe"');
});
