import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockStringValue, Lexer } from '../../../server/src/rego/builtins/graphql/lexer';
import { call, expectCall, expectError } from './helpers';

const q = (text: string): string => JSON.stringify(text);

test('graphql.parse_query returns the pruned gqlparser AST', () => {
  expectCall('graphql.parse_query', [q('{ node(id: 4) { id, name } }')],
    '{"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [{"Alias": "node", "Arguments": [{"Name": "id", "Value": {"ExpectedTypeHasDefault": false, "Kind": 1, "Raw": "4"}}], "Name": "node", "SelectionSet": [{"Alias": "id", "Name": "id"}, {"Alias": "name", "Name": "name"}]}]}]}');
  expectCall('graphql.parse_query', [q('query Q($v: [Int!]! = [1]) @d { a: f(x: $v, e: RED, o: {k: null}) ... on T { g } ...F } fragment F on T { h }')],
    '{"Fragments": [{"Name": "F", "SelectionSet": [{"Alias": "h", "Name": "h"}], "TypeCondition": "T"}], "Operations": [{"Directives": [{"Location": "", "Name": "d"}], "Name": "Q", "Operation": "query", "SelectionSet": [{"Alias": "a", "Arguments": [{"Name": "x", "Value": {"ExpectedTypeHasDefault": false, "Kind": 0, "Raw": "v"}}, {"Name": "e", "Value": {"ExpectedTypeHasDefault": false, "Kind": 7, "Raw": "RED"}}, {"Name": "o", "Value": {"Children": [{"Name": "k", "Value": {"ExpectedTypeHasDefault": false, "Kind": 6, "Raw": "null"}}], "ExpectedTypeHasDefault": false, "Kind": 9, "Raw": ""}}], "Name": "f"}, {"SelectionSet": [{"Alias": "g", "Name": "g"}], "TypeCondition": "T"}, {"Name": "F"}], "VariableDefinitions": [{"DefaultValue": {"Children": [{"Name": "", "Value": {"ExpectedTypeHasDefault": false, "Kind": 1, "Raw": "1"}}], "ExpectedTypeHasDefault": false, "Kind": 8, "Raw": ""}, "Type": {"Elem": {"NamedType": "Int", "NonNull": true}, "NamedType": "", "NonNull": true}, "Used": false, "Variable": "v"}]}]}');
  expectCall('graphql.parse_query', [q('')], '{}');
});

test('graphql.parse_query reports gqlparser syntax errors with their location', () => {
  const err = (text: string, msg: string) => expectError('graphql.parse_query', [q(text)], `graphql.parse_query: ${msg}`, 'eval_builtin_error');
  err('{', 'Expected Name, found <EOF> in GraphQL string at location 1:2');
  err('{ field: {} }', 'Expected Name, found { in GraphQL string at location 1:10');
  err('\n{ ...M }\nfragment M Type', 'Expected "on", found Name "Type" in GraphQL string at location 3:12');
  err('query ($x: T = $y) { f }', 'Unexpected $ in GraphQL string at location 1:16');
  err('{ f(a: "open) }', 'Unexpected <Invalid> in GraphQL string at location 1:16');
  err('{ f }\n  }', 'Unexpected } in GraphQL string at location 2:3');
  expectError('graphql.parse_query', ['1'], 'graphql.parse_query: operand 1 must be string but got number');
});

test('graphql.parse_schema returns definitions, extensions, directives and schema blocks', () => {
  expectCall('graphql.parse_schema', [q('"Doc" type A implements I & J @d { f(x: Int = 1): [A!] }')],
    '{"Definitions": [{"BuiltIn": false, "Description": "Doc", "Directives": [{"Location": "", "Name": "d"}], "Fields": [{"Arguments": [{"DefaultValue": {"ExpectedTypeHasDefault": false, "Kind": 1, "Raw": "1"}, "Description": "", "Name": "x", "Type": {"NamedType": "Int", "NonNull": false}}], "Description": "", "Name": "f", "Type": {"Elem": {"NamedType": "A", "NonNull": true}, "NamedType": "", "NonNull": false}}], "Interfaces": ["I", "J"], "Kind": "OBJECT", "Name": "A"}]}');
  expectCall('graphql.parse_schema', [q('schema { query: Q } extend union U = A directive @x(a: Int) repeatable on FIELD | QUERY')],
    '{"Directives": [{"Arguments": [{"Description": "", "Name": "a", "Type": {"NamedType": "Int", "NonNull": false}}], "Description": "", "IsRepeatable": true, "Locations": ["FIELD", "QUERY"], "Name": "x"}], "Extensions": [{"BuiltIn": false, "Description": "", "Kind": "UNION", "Name": "U", "Types": ["A"]}], "Schema": [{"Description": "", "OperationTypes": [{"Operation": "query", "Type": "Q"}]}]}');
});

test('graphql.parse_schema errors', () => {
  const err = (text: string, msg: string) => expectError('graphql.parse_schema', [q(text)], `graphql.parse_schema: ${msg}`, 'eval_builtin_error');
  err('type Hello {}', 'expected at least one definition, found } in GraphQL string at location 1:13');
  err('extend type Hello', 'Unexpected <EOF> in GraphQL string at location 1:18');
  err('input I { f(a: Int): Int }', 'Expected :, found ( in GraphQL string at location 1:12');
  err('directive @d on NOWHERE', 'Unexpected Name "NOWHERE" in GraphQL string at location 1:17');
  err('"""\r', 'Unexpected <Invalid> in GraphQL string at location 2:1');
  err('"D" extend type A { f: Int }', 'Unexpected String "D" in GraphQL string at location 1:2');
});

test('lexer: block strings, escapes, numbers and lexer errors', () => {
  assert.equal(blockStringValue('\n    a\n      b\n    '), 'a\n  b');
  const tokens = (text: string) => {
    const lx = new Lexer(text);
    const out: string[] = [];
    for (let t = lx.readToken(); t.kind !== 'EOF'; t = lx.readToken()) {
      out.push(t.error ? `!${t.error.message}` : `${t.kind}:${t.value}`);
      if (t.error) break; // the parser stops at the first lexer error
    }
    return out;
  };
  assert.deepEqual(tokens('"a\\u0041\\n" -1.5e3 0 ...'), ['String:aA\n', 'Float:-1.5e3', 'Int:0', 'Spread:']);
  assert.deepEqual(tokens('01'), ['!Invalid number, unexpected digit after 0: "1".']);
  assert.deepEqual(tokens("'"), [`!Unexpected single quote character ('), did you mean to use a double quote (")?`]);
});

test('a multi-byte character counts as one column', () => {
  expectError('graphql.parse_query', [q('# ਊ\n{ "ਊ" }')], 'graphql.parse_query: Expected Name, found String in GraphQL string at location 2:4', 'eval_builtin_error');
  assert.ok(call('graphql.parse_query', q('{ f(a: "ਊ") }')));
});
