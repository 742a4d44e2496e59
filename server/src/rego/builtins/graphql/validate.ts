// Query-against-schema validation and OPA's wording of every GraphQL error: gqlparser's
// `file:line:col: message` text, split and re-joined exactly as topdown/graphql.go does.

import type { QueryDocument, SchemaDocument } from './ast';
import type { GraphQLError } from './lexer';
import { standardRules } from './rules';
import type { Schema } from './schema';
import { buildSchema, SchemaError } from './schema';
import type { ValidationError } from './walk';
import { Walker } from './walk';

/** A parse error as OPA words it (`… in GraphQL string at location L:C`). */
export function parseErrorMessage(e: GraphQLError): string {
  return `${e.message} in GraphQL string at location ${e.line}:${e.column}`;
}

function locatedText(message: string, pos: { line: number; column: number } | null | undefined): string {
  return pos ? `input:${pos.line}:${pos.column}: ${message}` : `input: ${message}`;
}

/** OPA's convertSchema: the schema, or its error message. */
export function convertSchema(doc: SchemaDocument): { schema: Schema } | { error: string } {
  try {
    return { schema: buildSchema(doc) };
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    return { error: `Error in gqlparser SchemaDocument to Schema conversion: ${locatedText(e.message, e.pos)}` };
  }
}

/** Runs the standard rules; returns the errors in gqlparser's order. */
export function validateQuery(schema: Schema, doc: QueryDocument): ValidationError[] {
  const walker = new Walker(schema, doc, standardRules());
  walker.walk();
  return walker.errors;
}

/**
 * OPA's validateQuery message: gqlparser's error list as text (one `input:L:C: msg` line each), split
 * at the first three colons, the trailing ".\n" trimmed, and the first error's location appended.
 */
export function validationErrorMessage(errors: ValidationError[]): string {
  const text = errors.map((e) => `${locatedText(e.message, e.pos)}\n`).join('');
  const parts = splitN(text, ':', 4);
  if (parts.length < 4) return text.replace(/^input: /, '').replace(/\.?\n$/, '');
  let msg = parts[3].replace(/^ +/, '');
  if (msg.endsWith('.\n')) msg = msg.slice(0, -2);
  return `${msg} in GraphQL query string at location ${parts[1]}:${parts[2]}`;
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts: string[] = [];
  let rest = s;
  while (parts.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  parts.push(rest);
  return parts;
}
