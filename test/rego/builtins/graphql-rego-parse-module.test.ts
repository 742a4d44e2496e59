import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toRegoText } from '../../../server/src/rego/value/format';
import { call, expectError } from './helpers';

const parse = (text: string): string => toRegoText(call('rego.parse_module', '"p.rego"', JSON.stringify(text))!);

test('rego.parse_module returns the module in OPA JSON shape', () => {
  assert.equal(parse('package foo.bar\nimport data.a as b\np if { a = true }'),
    '{"imports": [{"alias": "b", "path": {"type": "ref", "value": [{"type": "var", "value": "data"}, {"type": "string", "value": "a"}]}}], ' +
    '"package": {"path": [{"type": "var", "value": "data"}, {"type": "string", "value": "foo"}, {"type": "string", "value": "bar"}]}, ' +
    '"rules": [{"body": [{"index": 0, "terms": [{"type": "ref", "value": [{"type": "var", "value": "eq"}]}, {"type": "var", "value": "a"}, {"type": "boolean", "value": true}]}], ' +
    '"head": {"name": "p", "ref": [{"type": "var", "value": "p"}], "value": {"type": "boolean", "value": true}}}]}');
  assert.equal(parse('package x\ndefault q := 1'),
    '{"package": {"path": [{"type": "var", "value": "data"}, {"type": "string", "value": "x"}]}, "rules": [{"body": [{"index": 0, "terms": {"type": "boolean", "value": true}}], ' +
    '"default": true, "head": {"assign": true, "name": "q", "ref": [{"type": "var", "value": "q"}], "value": {"type": "number", "value": 1}}}]}');
  const withComment = parse('package x\n# note\nf(x) := y if { not x; y := {"b": 1, "a": 2} }');
  for (const part of [
    '"comments": [{"Location": {"col": 1, "file": "p.rego", "row": 2}, "Text": "IG5vdGU="}]',
    '"args": [{"type": "var", "value": "x"}]',
    '{"index": 0, "negated": true, "terms": {"type": "var", "value": "x"}}',
    // Object literal keys come out sorted, as ast.Object marshals them.
    '[[{"type": "string", "value": "a"}, {"type": "number", "value": 2}], [{"type": "string", "value": "b"}, {"type": "number", "value": 1}]]',
  ]) {
    assert.ok(withComment.includes(part), part);
  }
});

test('rego.parse_module errors', () => {
  expectError('rego.parse_module', ['"p.rego"', '"package x\\np if {"'], 'rego.parse_module: 1 error occurred: p.rego:2: rego_parse_error: unexpected eof token', 'eval_builtin_error');
  expectError('rego.parse_module', ['"p.rego"', '1'], 'rego.parse_module: operand 1 must be string but got number');
});
