// Rego object → GraphQL AST, as OPA does it: the object is marshalled to JSON and decoded into
// gqlparser's Go structs. So missing fields take Go zero values, unknown keys are ignored, a wrongly
// typed field is an error, and each selection decodes as a Field whenever it can (gqlparser tries
// Field first, so fragments given as objects come back as fields — OPA's behaviour, kept).

import { isArray, isObject } from '../../value/collections';
import type { RegoValue } from '../../value/types';
import type { QueryDocument, SchemaDocument } from './ast';

type FieldSpec = 'string' | 'bool' | 'int' | 'strings' | 'selections' | { one: string } | { list: string };

interface StructSpec {
  fields: Record<string, FieldSpec>;
  /** Types with gqlparser's own UnmarshalJSON match keys exactly; encoding/json ignores case. */
  exactKeys?: boolean;
}

const directives: FieldSpec = { list: 'Directive' };
const STRUCTS: Record<string, StructSpec> = {
  QueryDocument: { fields: { Operations: { list: 'OperationDefinition' }, Fragments: { list: 'FragmentDefinition' } } },
  OperationDefinition: {
    exactKeys: true,
    fields: { Operation: 'string', Name: 'string', VariableDefinitions: { list: 'VariableDefinition' }, Directives: directives, SelectionSet: 'selections' },
  },
  FragmentDefinition: {
    exactKeys: true,
    fields: { Name: 'string', VariableDefinition: { list: 'VariableDefinition' }, TypeCondition: 'string', Directives: directives, SelectionSet: 'selections' },
  },
  Field: { exactKeys: true, fields: { Alias: 'string', Name: 'string', Arguments: { list: 'Argument' }, Directives: directives, SelectionSet: 'selections' } },
  FragmentSpread: { fields: { Name: 'string', Directives: directives } },
  InlineFragment: { exactKeys: true, fields: { TypeCondition: 'string', Directives: directives, SelectionSet: 'selections' } },
  VariableDefinition: { fields: { Variable: 'string', Type: { one: 'Type' }, DefaultValue: { one: 'Value' }, Directives: directives, Used: 'bool' } },
  Type: { fields: { NamedType: 'string', Elem: { one: 'Type' }, NonNull: 'bool' } },
  Value: { fields: { Raw: 'string', Children: { list: 'ChildValue' }, Kind: 'int', ExpectedTypeHasDefault: 'bool' } },
  ChildValue: { fields: { Name: 'string', Value: { one: 'Value' } } },
  Argument: { fields: { Name: 'string', Value: { one: 'Value' } } },
  Directive: { fields: { Name: 'string', Arguments: { list: 'Argument' }, Location: 'string' } },
  SchemaDocument: {
    fields: {
      Schema: { list: 'SchemaDefinition' }, SchemaExtension: { list: 'SchemaDefinition' }, Directives: { list: 'DirectiveDefinition' },
      Definitions: { list: 'Definition' }, Extensions: { list: 'Definition' },
    },
  },
  SchemaDefinition: { fields: { Description: 'string', Directives: directives, OperationTypes: { list: 'OperationTypeDefinition' } } },
  OperationTypeDefinition: { fields: { Operation: 'string', Type: 'string' } },
  Definition: {
    fields: {
      Kind: 'string', Description: 'string', Name: 'string', Directives: directives, Interfaces: 'strings',
      Fields: { list: 'FieldDefinition' }, Types: 'strings', EnumValues: { list: 'EnumValueDefinition' }, BuiltIn: 'bool',
    },
  },
  FieldDefinition: {
    fields: {
      Description: 'string', Name: 'string', Arguments: { list: 'ArgumentDefinition' }, DefaultValue: { one: 'Value' },
      Type: { one: 'Type' }, Directives: directives,
    },
  },
  ArgumentDefinition: { fields: { Description: 'string', Name: 'string', DefaultValue: { one: 'Value' }, Type: { one: 'Type' }, Directives: directives } },
  EnumValueDefinition: { fields: { Description: 'string', Name: 'string', Directives: directives } },
  DirectiveDefinition: { fields: { Description: 'string', Name: 'string', Arguments: { list: 'ArgumentDefinition' }, Locations: 'strings', IsRepeatable: 'bool' } },
};

class DecodeError extends Error {}

function jsonKind(v: RegoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (isArray(v)) return 'array';
  if (isObject(v)) return 'object';
  return 'number';
}

function mismatch(v: RegoValue, struct: string, field: string, goType: string): DecodeError {
  return new DecodeError(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${field} of type ${goType}`);
}

/** The value for a struct field: exact key first, then (for encoding/json) a case-insensitive match. */
function lookup(obj: RegoValue, name: string, exact: boolean): RegoValue | undefined {
  if (!isObject(obj)) return undefined;
  const direct = obj.get(name);
  if (direct !== undefined || exact) return direct;
  const lower = name.toLowerCase();
  for (const [k, v] of obj.entries()) if (typeof k === 'string' && k.toLowerCase() === lower) return v;
  return undefined;
}

function decodeStruct(v: RegoValue, name: string): Record<string, unknown> | null {
  if (v === null) return null;
  if (!isObject(v)) throw new DecodeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type ast.${name}`);
  const spec = STRUCTS[name];
  const out: Record<string, unknown> = {};
  for (const [field, fieldSpec] of Object.entries(spec.fields)) {
    out[field] = decodeField(lookup(v, field, spec.exactKeys ?? false), fieldSpec, name, field);
  }
  return out;
}

function decodeField(v: RegoValue | undefined, spec: FieldSpec, struct: string, field: string): unknown {
  const zero = spec === 'string' ? '' : spec === 'bool' ? false : spec === 'int' ? 0 : null;
  if (v === undefined || v === null) return zero;
  switch (spec) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(v, struct, field, 'string');
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw mismatch(v, struct, field, 'bool');
      return v;
    case 'int': {
      const n = typeof v === 'object' && !isArray(v) && v.kind === 'number' ? v : undefined;
      if (!n || n.int === undefined) throw mismatch(v, struct, field, 'int');
      return Number(n.int);
    }
    case 'strings':
      if (!isArray(v)) throw mismatch(v, struct, field, '[]string');
      return v.map((s) => {
        if (s !== null && typeof s !== 'string') throw mismatch(s, struct, field, 'string');
        return s ?? '';
      });
    case 'selections':
      if (!isArray(v)) throw mismatch(v, struct, field, 'ast.SelectionSet');
      return decodeSelections(v);
    default:
      if ('one' in spec) return decodeStruct(v, spec.one);
      if (!isArray(v)) throw mismatch(v, struct, field, `ast.${spec.list}List`);
      return v.map((item) => decodeStruct(item, spec.list)).filter((item) => item !== null);
  }
}

/** gqlparser's UnmarshalSelectionSet: Field, else FragmentSpread, else InlineFragment, else dropped. */
function decodeSelections(items: readonly RegoValue[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    for (const kind of ['Field', 'FragmentSpread', 'InlineFragment']) {
      try {
        const decoded = decodeStruct(item, kind);
        if (decoded) out.push(decoded);
        break;
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
      }
    }
  }
  return out;
}

export type DecodeResult<T> = { doc: T } | { error: string };

function decodeDocument<T>(v: RegoValue, name: string): DecodeResult<T> {
  try {
    return { doc: decodeStruct(v, name) as T };
  } catch (e) {
    if (e instanceof DecodeError) return { error: e.message };
    throw e;
  }
}

export function decodeQueryDocument(v: RegoValue): DecodeResult<QueryDocument> {
  return decodeDocument(v, 'QueryDocument');
}

export function decodeSchemaDocument(v: RegoValue): DecodeResult<SchemaDocument> {
  return decodeDocument(v, 'SchemaDocument');
}
