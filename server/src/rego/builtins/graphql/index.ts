// OPA's graphql.* builtins: parse GraphQL queries and schemas (as text, or as the AST objects these
// builtins return) and validate a query against a schema, with OPA's results and error texts. The
// AST is gqlparser's, marshalled and pruned as OPA does (see ast.ts).

import { isObject } from '../../value/collections';
import { fromJS } from '../../value/json';
import type { RegoValue } from '../../value/types';
import { ObjectValue } from '../../value/collections';
import { builtinError, def, operandError, str, T } from '../support';
import type { Builtin } from '../types';
import type { QueryDocument, SchemaDocument } from './ast';
import { pruneForOutput } from './ast';
import { decodeQueryDocument, decodeSchemaDocument } from './decode';
import { parseQuery, parseSchema } from './parser';
import { convertSchema, parseErrorMessage, validateQuery, validationErrorMessage } from './validate';

type Outcome<T> = { doc: T } | { error: string };

function queryFromText(text: string): Outcome<QueryDocument> {
  const r = parseQuery(text);
  return 'error' in r ? { error: parseErrorMessage(r.error) } : r;
}

function schemaFromText(text: string): Outcome<SchemaDocument> {
  const r = parseSchema(text);
  return 'error' in r ? { error: parseErrorMessage(r.error) } : r;
}

/** A query operand: GraphQL text or an AST object; undefined when it is neither. */
function queryOperand(v: RegoValue): Outcome<QueryDocument> | undefined {
  if (typeof v === 'string') return queryFromText(v);
  if (isObject(v)) return decodeQueryDocument(v);
  return undefined;
}

function schemaOperand(v: RegoValue): Outcome<SchemaDocument> | undefined {
  if (typeof v === 'string') return schemaFromText(v);
  if (isObject(v)) return decodeSchemaDocument(v);
  return undefined;
}

/** The AST as OPA returns it. */
function astValue(doc: QueryDocument | SchemaDocument): RegoValue {
  return fromJS(pruneForOutput(doc));
}

type Checked = { query: QueryDocument; schema: SchemaDocument } | { error: string; typeError?: boolean };

/** Parses both operands and validates the query against the schema, stopping at the first problem. */
function parseAndValidate(args: RegoValue[]): Checked {
  const query = queryOperand(args[0]);
  if (!query) return { error: '', typeError: true };
  if ('error' in query) return query;
  const schemaDoc = schemaOperand(args[1]);
  if (!schemaDoc) return { error: '', typeError: true };
  if ('error' in schemaDoc) return schemaDoc;
  const schema = convertSchema(schemaDoc.doc);
  if ('error' in schema) return schema;
  const errors = validateQuery(schema.schema, query.doc);
  if (errors.length) return { error: validationErrorMessage(errors) };
  return { query: query.doc, schema: schemaDoc.doc };
}

const strOrObj = T.union(T.string, T.object(T.any, T.any));
const CATEGORY = 'graphql';

export const graphqlBuiltins: Builtin[] = [
  def('graphql.parse', CATEGORY, [['query', strOrObj], ['schema', strOrObj]], ['output', T.array(T.object(T.any, T.any))],
    'Returns AST objects for a given GraphQL query and schema after validating the query against the schema. Returns undefined if errors were encountered during parsing or validation. The query and/or schema can be either GraphQL strings or AST objects from the other GraphQL builtin functions.',
    (args) => {
      for (const [i, a] of args.entries()) if (typeof a !== 'string' && !isObject(a)) throw operandError(i + 1, a, 'string', 'object');
      const r = parseAndValidate(args);
      if ('error' in r) throw builtinError(r.error);
      return [astValue(r.query), astValue(r.schema)];
    }),
  def('graphql.parse_and_verify', CATEGORY, [['query', strOrObj], ['schema', strOrObj]], ['output', T.array(T.any)],
    'Returns a boolean indicating success or failure alongside the parsed ASTs for a given GraphQL query and schema after validating the query against the schema. The query and/or schema can be either GraphQL strings or AST objects from the other GraphQL builtin functions.',
    (args) => {
      const r = parseAndValidate(args);
      if ('error' in r) return [false, new ObjectValue(), new ObjectValue()];
      return [true, astValue(r.query), astValue(r.schema)];
    }),
  def('graphql.parse_query', CATEGORY, [['query', T.string]], ['output', T.object(T.any, T.any)],
    'Returns an AST object for a GraphQL query.',
    (args) => {
      const r = queryFromText(str(args[0], 1));
      if ('error' in r) throw builtinError(r.error);
      return astValue(r.doc);
    }),
  def('graphql.parse_schema', CATEGORY, [['schema', T.string]], ['output', T.object(T.any, T.any)],
    'Returns an AST object for a GraphQL schema.',
    (args) => {
      const r = schemaFromText(str(args[0], 1));
      if ('error' in r) throw builtinError(r.error);
      return astValue(r.doc);
    }),
  def('graphql.is_valid', CATEGORY, [['query', strOrObj], ['schema', strOrObj]], ['output', T.boolean],
    'Checks that a GraphQL query is valid against a given schema. The query and/or schema can be either GraphQL strings or AST objects from the other GraphQL builtin functions.',
    (args) => !('error' in parseAndValidate(args))),
  def('graphql.schema_is_valid', CATEGORY, [['schema', strOrObj]], ['output', T.boolean],
    'Checks that the input is a valid GraphQL schema. The schema can be either a GraphQL string or an AST object from the other GraphQL builtin functions.',
    (args) => {
      const doc = schemaOperand(args[0]);
      if (!doc || 'error' in doc) return false;
      return !('error' in convertSchema(doc.doc));
    }),
];
