// Schema document → validated schema, as gqlparser's ValidateSchemaDocument does after OPA merges in
// the built-in prelude: extensions fold into their types (creating types that do not exist yet), root
// operation types are resolved, and type and directive definitions are checked in name order.

import type { ArgumentDefinition, Definition, Directive, DirectiveDefinition, GqlType, SchemaDocument } from './ast';
import { namedType, typeName, typeString } from './ast';
import type { Position } from './lexer';
import { goQuote } from './lexer';
import { parseSchema } from './parser';
import { PRELUDE } from './prelude';

export interface Schema {
  types: Map<string, Definition>;
  directives: Map<string, DirectiveDefinition>;
  possibleTypes: Map<string, Definition[]>;
  query?: Definition;
  mutation?: Definition;
  subscription?: Definition;
}

/** A validation error with gqlparser's message and, when the node has one, its position. */
export class SchemaError extends Error {
  constructor(
    message: string,
    readonly pos: Position | null | undefined,
  ) {
    super(message);
  }
}

let preludeCache: SchemaDocument | undefined;

function prelude(): SchemaDocument {
  if (!preludeCache) {
    const r = parseSchema(PRELUDE, true);
    if ('error' in r) throw new Error(`GraphQL prelude does not parse: ${r.error.message}`);
    preludeCache = r.doc;
  }
  return structuredClone(preludeCache);
}

export function isInputType(def: Definition | undefined): boolean {
  return def !== undefined && (def.Kind === 'SCALAR' || def.Kind === 'ENUM' || def.Kind === 'INPUT_OBJECT');
}

export function isCompositeType(def: Definition | undefined): boolean {
  return def !== undefined && (def.Kind === 'OBJECT' || def.Kind === 'INTERFACE' || def.Kind === 'UNION');
}

export function possibleTypesOf(schema: Schema, def: Definition): Definition[] {
  return schema.possibleTypes.get(def.Name) ?? [];
}

/** OPA's convertSchema: prelude + the given document, validated. Never mutates `doc`. */
export function buildSchema(doc: SchemaDocument): Schema {
  const merged = prelude();
  const own = structuredClone(doc);
  for (const key of ['Schema', 'SchemaExtension', 'Directives', 'Definitions', 'Extensions'] as const) {
    const list = [...((merged[key] ?? []) as unknown[]), ...((own[key] ?? []) as unknown[])];
    (merged as unknown as Record<string, unknown[] | null>)[key] = list.length ? list : null;
  }
  return validateSchemaDocument(merged);
}

function append<T>(a: T[] | null, b: T[] | null): T[] | null {
  if (!b || b.length === 0) return a;
  return [...(a ?? []), ...b];
}

function validateSchemaDocument(doc: SchemaDocument): Schema {
  const schema: Schema = { types: new Map(), directives: new Map(), possibleTypes: new Map() };
  for (const def of doc.Definitions ?? []) {
    if (schema.types.has(def.Name)) throw new SchemaError(`Cannot redeclare type ${def.Name}.`, def.Position);
    schema.types.set(def.Name, def);
  }
  const defs = [...(doc.Definitions ?? [])];
  for (const ext of doc.Extensions ?? []) {
    let def = schema.types.get(ext.Name);
    if (!def) {
      def = {
        Kind: ext.Kind, Description: '', Name: ext.Name, Directives: null, Interfaces: null, Fields: null, Types: null,
        EnumValues: null, BuiltIn: false, Position: ext.Position,
      };
      schema.types.set(ext.Name, def);
      defs.push(def);
    }
    if (def.Kind !== ext.Kind) {
      throw new SchemaError(`Cannot extend type ${ext.Name} because the base type is a ${def.Kind}, not ${ext.Kind}.`, ext.Position);
    }
    def.Directives = append(def.Directives, ext.Directives);
    def.Interfaces = append(def.Interfaces, ext.Interfaces);
    def.Fields = append(def.Fields, ext.Fields);
    def.Types = append(def.Types, ext.Types);
    def.EnumValues = append(def.EnumValues, ext.EnumValues);
  }
  const addPossible = (name: string, def: Definition | undefined): void => {
    if (!def) return;
    const list = schema.possibleTypes.get(name) ?? [];
    list.push(def);
    schema.possibleTypes.set(name, list);
  };
  for (const def of defs) {
    if (def.Kind === 'UNION') {
      for (const t of def.Types ?? []) addPossible(def.Name, schema.types.get(t));
    } else if (def.Kind === 'OBJECT' || def.Kind === 'INPUT_OBJECT' || def.Kind === 'INTERFACE') {
      for (const intf of def.Interfaces ?? []) addPossible(intf, def);
      if (def.Kind !== 'INTERFACE') addPossible(def.Name, def);
    }
  }
  for (const dir of doc.Directives ?? []) {
    if (schema.directives.has(dir.Name) && !['include', 'skip', 'deprecated', 'specifiedBy'].includes(dir.Name)) {
      throw new SchemaError(`Cannot redeclare directive ${dir.Name}.`, dir.Position);
    }
    schema.directives.set(dir.Name, dir);
  }
  const schemaDefs = doc.Schema ?? [];
  if (schemaDefs.length > 1) {
    throw new SchemaError('Cannot have multiple schema entry points, consider schema extensions instead.', schemaDefs[1].Position);
  }
  for (const entry of [...schemaDefs, ...(doc.SchemaExtension ?? [])]) {
    for (const op of entry.OperationTypes ?? []) {
      const def = schema.types.get(op.Type);
      if (!def) throw new SchemaError(`Schema root ${op.Operation} refers to a type ${op.Type} that does not exist.`, op.Position);
      if (op.Operation === 'query') schema.query = def;
      else if (op.Operation === 'mutation') schema.mutation = def;
      else if (op.Operation === 'subscription') schema.subscription = def;
    }
  }
  for (const name of [...schema.types.keys()].sort()) validateDefinition(schema, schema.types.get(name)!);
  for (const name of [...schema.directives.keys()].sort()) {
    const dir = schema.directives.get(name)!;
    validateName(dir.Position, dir.Name);
    validateArgs(schema, dir.Arguments, dir);
  }
  if (schemaDefs.length === 0) {
    schema.query ??= schema.types.get('Query');
    schema.mutation ??= schema.types.get('Mutation');
    schema.subscription ??= schema.types.get('Subscription');
  }
  if (schema.query) {
    schema.query.Fields = [
      ...(schema.query.Fields ?? []),
      { Description: '', Name: '__schema', Arguments: null, DefaultValue: null, Type: namedType('__Schema', true), Directives: null },
      {
        Description: '', Name: '__type', DefaultValue: null, Type: namedType('__Type'), Directives: null,
        Arguments: [{ Description: '', Name: 'name', DefaultValue: null, Type: namedType('String', true), Directives: null }],
      },
    ];
  }
  return schema;
}

function validateName(pos: Position | null | undefined, name: string): void {
  if (name.startsWith('__')) {
    throw new SchemaError(`Name "${name}" must not begin with "__", which is reserved by GraphQL introspection.`, pos);
  }
}

function validateTypeRef(schema: Schema, t: GqlType | null): void {
  if (!schema.types.has(typeName(t))) throw new SchemaError(`Undefined type ${typeName(t)}.`, t?.Position);
}

function validateArgs(schema: Schema, args: ArgumentDefinition[] | null, current: DirectiveDefinition | null): void {
  for (const arg of args ?? []) {
    validateName(arg.Position, arg.Name);
    validateTypeRef(schema, arg.Type);
    const def = schema.types.get(typeName(arg.Type));
    if (!isInputType(def)) {
      throw new SchemaError(`cannot use ${typeString(arg.Type)} as argument ${arg.Name} because ${def?.Kind} is not a valid input type`, arg.Position);
    }
    validateDirectives(schema, arg.Directives, 'ARGUMENT_DEFINITION', current);
  }
}

function validateDirectives(schema: Schema, dirs: Directive[] | null, location: string, current: DirectiveDefinition | null): void {
  for (const dir of dirs ?? []) {
    validateName(dir.Position, dir.Name);
    if (current && dir.Name === current.Name) throw new SchemaError(`Directive ${current.Name} cannot refer to itself.`, dir.Position);
    const def = schema.directives.get(dir.Name);
    if (!def) throw new SchemaError(`Undefined directive ${dir.Name}.`, dir.Position);
    if (!(def.Locations ?? []).includes(location)) {
      throw new SchemaError(`Directive ${dir.Name} is not applicable on ${location}.`, dir.Position);
    }
  }
}

function validateDefinition(schema: Schema, def: Definition): void {
  for (const field of def.Fields ?? []) {
    validateName(field.Position, field.Name);
    validateTypeRef(schema, field.Type);
    validateArgs(schema, field.Arguments, null);
    validateDirectives(schema, field.Directives, def.Kind === 'INPUT_OBJECT' ? 'INPUT_FIELD_DEFINITION' : 'FIELD_DEFINITION', null);
  }
  for (const t of def.Types ?? []) {
    const member = schema.types.get(t);
    if (!member) throw new SchemaError(`Undefined type ${goQuote(t)}.`, def.Position);
    if (member.Kind !== 'OBJECT') throw new SchemaError(`${def.Kind} type ${goQuote(t)} must be OBJECT.`, def.Position);
  }
  for (const intf of def.Interfaces ?? []) validateImplements(schema, def, intf);
  const fieldKindError = (kinds: string[], fieldType: Definition | undefined): boolean =>
    fieldType !== undefined && !kinds.includes(fieldType.Kind);
  switch (def.Kind) {
    case 'OBJECT':
    case 'INTERFACE': {
      if (!def.Fields?.length) throw new SchemaError(`${def.Kind} ${def.Name}: must define one or more fields.`, def.Position);
      const kinds = ['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM'];
      for (const field of def.Fields) {
        if (fieldKindError(kinds, schema.types.get(typeName(field.Type)))) {
          throw new SchemaError(`${def.Kind} ${def.Name}: field must be one of ${kinds.join(', ')}.`, field.Position);
        }
      }
      break;
    }
    case 'ENUM':
      if (!def.EnumValues?.length) throw new SchemaError(`${def.Kind} ${def.Name}: must define one or more unique enum values.`, def.Position);
      for (const v of def.EnumValues) {
        if (['true', 'false', 'null'].includes(v.Name)) throw new SchemaError(`${def.Kind} ${def.Name}: non-enum value ${v.Name}.`, def.Position);
      }
      break;
    case 'INPUT_OBJECT': {
      if (!def.Fields?.length) throw new SchemaError(`${def.Kind} ${def.Name}: must define one or more input fields.`, def.Position);
      const kinds = ['SCALAR', 'ENUM', 'INPUT_OBJECT'];
      for (const field of def.Fields) {
        const fieldType = schema.types.get(typeName(field.Type));
        if (fieldKindError(kinds, fieldType)) {
          throw new SchemaError(`${fieldType!.Kind} ${field.Name}: field must be one of ${kinds.join(', ')}.`, field.Position);
        }
      }
      break;
    }
  }
  const fields = def.Fields ?? [];
  for (let i = 0; i < fields.length; i++) {
    for (const other of fields.slice(i + 1)) {
      if (other.Name === fields[i].Name) throw new SchemaError(`Field ${def.Name}.${other.Name} can only be defined once.`, other.Position);
    }
  }
  if (!def.BuiltIn) validateName(def.Position, def.Name);
  validateDirectives(schema, def.Directives, def.Kind, null);
}

function validateImplements(schema: Schema, def: Definition, intfName: string): void {
  const intf = schema.types.get(intfName);
  if (!intf) throw new SchemaError(`Undefined type ${goQuote(intfName)}.`, def.Position);
  if (intf.Kind !== 'INTERFACE') throw new SchemaError(`${goQuote(intfName)} is a non interface type ${intf.Kind}.`, def.Position);
  const prefix = `For ${def.Name} to implement ${intf.Name}`;
  for (const required of intf.Fields ?? []) {
    const found = (def.Fields ?? []).find((f) => f.Name === required.Name);
    if (!found) throw new SchemaError(`${prefix} it must have a field called ${required.Name}.`, def.Position);
    if (!isCovariant(schema, required.Type, found.Type)) {
      throw new SchemaError(`${prefix} the field ${required.Name} must have type ${typeString(required.Type)}.`, found.Position);
    }
    for (const reqArg of required.Arguments ?? []) {
      const foundArg = (found.Arguments ?? []).find((a) => a.Name === reqArg.Name);
      if (!foundArg) {
        throw new SchemaError(`${prefix} the field ${required.Name} must have the same arguments but it is missing ${reqArg.Name}.`, found.Position);
      }
      if (!isCompatible(reqArg.Type, foundArg.Type)) {
        throw new SchemaError(`${prefix} the field ${required.Name} must have the same arguments but ${reqArg.Name} has the wrong type.`, foundArg.Position);
      }
    }
    for (const arg of found.Arguments ?? []) {
      if (!(required.Arguments ?? []).some((a) => a.Name === arg.Name) && arg.Type?.NonNull && !arg.DefaultValue) {
        throw new SchemaError(
          `${prefix} any additional arguments on ${found.Name} must be optional or have a default value but ${arg.Name} is required.`,
          arg.Position,
        );
      }
    }
  }
  for (const transitive of intf.Interfaces ?? []) {
    if ((def.Interfaces ?? []).includes(transitive)) continue;
    if (transitive === def.Name) {
      throw new SchemaError(`Type ${def.Name} cannot implement ${intfName} because it would create a circular reference.`, def.Position);
    }
    throw new SchemaError(`Type ${def.Name} must implement ${transitive} because it is implemented by ${intfName}.`, def.Position);
  }
}

function isCovariant(schema: Schema, required: GqlType | null, actual: GqlType | null): boolean {
  if (!required || !actual) return required === actual;
  if (required.NonNull && !actual.NonNull) return false;
  if (required.NamedType !== '') {
    if (required.NamedType === actual.NamedType) return true;
    return (schema.possibleTypes.get(required.NamedType) ?? []).some((t) => t.Name === actual.NamedType);
  }
  if (required.Elem && !actual.Elem) return false;
  return isCovariant(schema, required.Elem, actual.Elem);
}

/** gqlparser's Type.IsCompatible: can a value of type `t` be used where `other` is expected? */
export function isCompatible(t: GqlType | null, other: GqlType | null): boolean {
  if (!t || !other) return t === other;
  if (t.NamedType !== other.NamedType) return false;
  if (t.Elem && !other.Elem) return false;
  if (t.Elem && !isCompatible(t.Elem, other.Elem)) return false;
  if (other.NonNull) return t.NonNull;
  return true;
}
