import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toRegoText } from '../../../server/src/rego/value/format';
import type { RegoValue } from '../../../server/src/rego/value/types';
import { call, expectCall, expectError } from './helpers';

const q = (text: string): string => JSON.stringify(text);

const SCHEMA = q(`
  type Query { employee(id: String!): Employee, color: Color, find(by: Filter): Int, node: Node }
  type Employee implements Node { id: String!, salary: Int!, manager: Employee }
  interface Node { id: String! }
  enum Color { RED GREEN }
  input Filter { a: Int!, b: String }
`);

function isValid(query: string, schema = SCHEMA): boolean {
  return call('graphql.is_valid', q(query), schema) === true;
}

test('graphql.is_valid accepts valid queries and rejects each kind of spec violation', () => {
  assert.equal(isValid('{ employee(id: "a") { salary manager { id } } }'), true);
  assert.equal(isValid('query Q($id: String!) { employee(id: $id) { ...E } node { ... on Employee { salary } } } fragment E on Employee { id }'), true);
  assert.equal(isValid('{ find(by: {a: 1}) color __typename }'), true);
  for (const invalid of [
    '{ employee { salary } }', // required argument missing
    '{ employee(id: "a") { salry } }', // unknown field
    '{ employee(id: "a") }', // object without sub-selection
    '{ color { x } }', // sub-selection on an enum
    'query Q($x: Int) { color }', // unused variable
    '{ employee(id: $v) { id } }', // undefined variable
    '{ find(by: {b: "x"}) }', // missing required input field
    '{ find(by: {a: "x"}) }', // wrong literal type
    '{ color(x: 1) }', // unknown argument
    '{ ...F } fragment F on Employee { id }', // impossible spread
    '{ ...F } fragment F on Query { ...F }', // fragment cycle
    'query ($id: Int) { employee(id: $id) { id } }', // variable in a wrong position
    'mutation { x }', // no mutation root
    '{ a: color a: find }', // overlapping fields
    '{ color } { color }', // anonymous operation not alone
    '{ color @unknown }', // unknown directive
  ]) {
    assert.equal(isValid(invalid), false, invalid);
  }
});

test('graphql.parse returns both ASTs, or the first validation error in OPA wording', () => {
  expectCall('graphql.parse', [q('{ color }'), q('type Query { color: Int }')],
    '[{"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [{"Alias": "color", "Name": "color"}]}]}, {"Definitions": [{"BuiltIn": false, "Description": "", "Fields": [{"Description": "", "Name": "color", "Type": {"NamedType": "Int", "NonNull": false}}], "Kind": "OBJECT", "Name": "Query"}]}]');
  expectError('graphql.parse', [q('{ employee { salary } }'), SCHEMA],
    'graphql.parse: Field "employee" argument "id" of type "String!" is required, but it was not provided in GraphQL query string at location 1:3', 'eval_builtin_error');
  expectError('graphql.parse', [q('{ a }'), q('type Query { a: Missing }')],
    'graphql.parse: Error in gqlparser SchemaDocument to Schema conversion: input:1:17: Undefined type Missing.', 'eval_builtin_error');
  expectError('graphql.parse', [q('{'), SCHEMA], 'graphql.parse: Expected Name, found <EOF> in GraphQL string at location 1:2', 'eval_builtin_error');
  expectError('graphql.parse', ['1', SCHEMA], 'graphql.parse: operand 1 must be one of {string, object} but got number');
});

test('graphql.parse_and_verify: [true, query AST, schema AST] or [false, {}, {}]', () => {
  const ok = call('graphql.parse_and_verify', q('{ color }'), SCHEMA) as RegoValue[];
  assert.equal(ok[0], true);
  assert.equal(toRegoText(ok[1]), '{"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [{"Alias": "color", "Name": "color"}]}]}');
  expectCall('graphql.parse_and_verify', [q('{ nope }'), SCHEMA], '[false, {}, {}]');
  expectCall('graphql.parse_and_verify', [q('{ color }'), '42'], '[false, {}, {}]');
});

test('schemas and queries may be given as the AST objects the builtins return', () => {
  const schemaAst = toRegoText(call('graphql.parse_schema', SCHEMA)!);
  const queryAst = toRegoText(call('graphql.parse_query', q('{ employee(id: "a") { id } }'))!);
  expectCall('graphql.is_valid', [queryAst, schemaAst], 'true');
  expectCall('graphql.schema_is_valid', [schemaAst], 'true');
  const [valid, queryOut, schemaOut] = call('graphql.parse_and_verify', queryAst, schemaAst) as RegoValue[];
  assert.equal(valid, true);
  assert.equal(toRegoText(queryOut), queryAst);
  assert.equal(toRegoText(schemaOut), schemaAst);
  // Missing fields take Go zero values; wrongly typed ones fail decoding.
  expectCall('graphql.parse', ['{"Operations": [{"SelectionSet": [{"Name": "color"}]}]}', SCHEMA],
    '[{"Operations": [{"Name": "", "Operation": "", "SelectionSet": [{"Alias": "", "Name": "color"}]}]}, ' + schemaAst + ']');
  expectCall('graphql.is_valid', ['{"Operations": [{"Name": 5}]}', SCHEMA], 'false');
});

test('graphql.schema_is_valid', () => {
  expectCall('graphql.schema_is_valid', [SCHEMA], 'true');
  expectCall('graphql.schema_is_valid', [q('extend type User { id: ID! } union U = User')], 'true');
  expectCall('graphql.schema_is_valid', [q('type Query { a: Missing }')], 'false');
  expectCall('graphql.schema_is_valid', [q('type A { a: Int } type A { b: Int }')], 'false');
  expectCall('graphql.schema_is_valid', [q('type A implements Node { x: Int } interface Node { id: ID }')], 'false');
  expectCall('graphql.schema_is_valid', [q('scalar String')], 'false');
  expectCall('graphql.schema_is_valid', [q('type {')], 'false');
  expectCall('graphql.schema_is_valid', ['7'], 'false');
});
