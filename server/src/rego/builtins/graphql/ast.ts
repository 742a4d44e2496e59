// The GraphQL AST in gqlparser's shape: field names are Go's exported names, so marshalling a node is
// just dropping what OPA prunes (nulls, empty lists/objects, positions). Positions live in `Position`,
// which OPA drops; the validator needs them for its messages.

import type { Position } from './lexer';
import { goQuote } from './lexer';

/** gqlparser's ValueKind numbering. */
export const ValueKind = {
  Variable: 0,
  Int: 1,
  Float: 2,
  String: 3,
  Block: 4,
  Boolean: 5,
  Null: 6,
  Enum: 7,
  List: 8,
  Object: 9,
} as const;

export interface GqlType {
  NamedType: string;
  Elem: GqlType | null;
  NonNull: boolean;
  Position?: Position | null;
}

export interface ChildValue {
  Name: string;
  Value: GqlValue | null;
  Position?: Position | null;
}

export interface GqlValue {
  Raw: string;
  Children: ChildValue[] | null;
  Kind: number;
  ExpectedTypeHasDefault: boolean;
  Position?: Position | null;
}

export interface Argument {
  Name: string;
  Value: GqlValue | null;
  Position?: Position | null;
}

export interface Directive {
  Name: string;
  Arguments: Argument[] | null;
  Location: string;
  Position?: Position | null;
}

export interface Field {
  Alias: string;
  Name: string;
  Arguments: Argument[] | null;
  Directives: Directive[] | null;
  SelectionSet: Selection[] | null;
  Position?: Position | null;
}

export interface FragmentSpread {
  Name: string;
  Directives: Directive[] | null;
  Position?: Position | null;
}

export interface InlineFragment {
  TypeCondition: string;
  Directives: Directive[] | null;
  SelectionSet: Selection[] | null;
  Position?: Position | null;
}

export type Selection = Field | FragmentSpread | InlineFragment;

export interface VariableDefinition {
  Variable: string;
  Type: GqlType | null;
  DefaultValue: GqlValue | null;
  Directives: Directive[] | null;
  Used: boolean;
  Position?: Position | null;
}

export interface OperationDefinition {
  Operation: string;
  Name: string;
  VariableDefinitions: VariableDefinition[] | null;
  Directives: Directive[] | null;
  SelectionSet: Selection[] | null;
  Position?: Position | null;
}

export interface FragmentDefinition {
  Name: string;
  VariableDefinition: VariableDefinition[] | null;
  TypeCondition: string;
  Directives: Directive[] | null;
  SelectionSet: Selection[] | null;
  Position?: Position | null;
}

export interface QueryDocument {
  Operations: OperationDefinition[] | null;
  Fragments: FragmentDefinition[] | null;
}

export interface ArgumentDefinition {
  Description: string;
  Name: string;
  DefaultValue: GqlValue | null;
  Type: GqlType | null;
  Directives: Directive[] | null;
  Position?: Position | null;
}

export interface FieldDefinition extends ArgumentDefinition {
  Arguments: ArgumentDefinition[] | null;
}

export interface EnumValueDefinition {
  Description: string;
  Name: string;
  Directives: Directive[] | null;
  Position?: Position | null;
}

export interface Definition {
  Kind: string;
  Description: string;
  Name: string;
  Directives: Directive[] | null;
  Interfaces: string[] | null;
  Fields: FieldDefinition[] | null;
  Types: string[] | null;
  EnumValues: EnumValueDefinition[] | null;
  BuiltIn: boolean;
  Position?: Position | null;
}

export interface OperationTypeDefinition {
  Operation: string;
  Type: string;
  Position?: Position | null;
}

export interface SchemaDefinition {
  Description: string;
  Directives: Directive[] | null;
  OperationTypes: OperationTypeDefinition[] | null;
  Position?: Position | null;
}

export interface DirectiveDefinition {
  Description: string;
  Name: string;
  Arguments: ArgumentDefinition[] | null;
  Locations: string[] | null;
  IsRepeatable: boolean;
  Position?: Position | null;
}

export interface SchemaDocument {
  Schema: SchemaDefinition[] | null;
  SchemaExtension: SchemaDefinition[] | null;
  Directives: DirectiveDefinition[] | null;
  Definitions: Definition[] | null;
  Extensions: Definition[] | null;
}

export function isField(s: Selection): s is Field {
  return 'Alias' in s;
}

export function isInlineFragment(s: Selection): s is InlineFragment {
  return !('Alias' in s) && 'TypeCondition' in s;
}

export function isFragmentSpread(s: Selection): s is FragmentSpread {
  return !('Alias' in s) && !('TypeCondition' in s);
}

/** The innermost named type of a type reference (gqlparser's Type.Name()). */
export function typeName(t: GqlType | null): string {
  if (!t) return '';
  return t.Elem ? typeName(t.Elem) : t.NamedType;
}

/** GraphQL notation of a type reference (`[String!]!`). */
export function typeString(t: GqlType | null): string {
  if (!t) return '';
  const inner = t.Elem ? `[${typeString(t.Elem)}]` : t.NamedType;
  return t.NonNull ? `${inner}!` : inner;
}

export function namedType(name: string, nonNull = false): GqlType {
  return { NamedType: name, Elem: null, NonNull: nonNull };
}

/** gqlparser's Value.String(): the value as GraphQL source. */
export function valueText(v: GqlValue | null): string {
  if (!v) return '<nil>';
  switch (v.Kind) {
    case ValueKind.Variable:
      return `$${v.Raw}`;
    case ValueKind.String:
    case ValueKind.Block:
      return goQuote(v.Raw);
    case ValueKind.List:
      return `[${(v.Children ?? []).map((c) => valueText(c.Value)).join(',')}]`;
    case ValueKind.Object:
      return `{${(v.Children ?? []).map((c) => `${c.Name}:${valueText(c.Value)}`).join(',')}}`;
    default:
      return v.Raw;
  }
}

/**
 * OPA's pruneIrrelevantGraphQLASTNodes over the marshalled node: drops `Position`, nulls, and lists or
 * objects that are empty after pruning; keeps empty strings, false and 0. Returns plain JSON data.
 */
export function pruneForOutput(node: unknown): unknown {
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const item of node) {
      if (item === null || item === undefined) continue;
      const pruned = pruneForOutput(item);
      if (isEmptyComposite(pruned)) continue;
      out.push(pruned);
    }
    return out;
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Position' || value === null || value === undefined) continue;
      const pruned = pruneForOutput(value);
      if (isEmptyComposite(pruned)) continue;
      out[key] = pruned;
    }
    return out;
  }
  return node;
}

function isEmptyComposite(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}
