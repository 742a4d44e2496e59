// gqlparser's grammar for executable documents (ParseQuery) and type-system documents (ParseSchema),
// including its quirks: fragment variable definitions, extensions that must add something, and the
// "expected at least one definition" error for empty braces.

import type {
  ArgumentDefinition, Definition, DirectiveDefinition, EnumValueDefinition, FieldDefinition, FragmentDefinition,
  OperationDefinition, OperationTypeDefinition, QueryDocument, SchemaDefinition, SchemaDocument, Selection,
  VariableDefinition,
} from './ast';
import { GraphQLError } from './lexer';
import { ParserCore } from './parser-core';

const DIRECTIVE_LOCATIONS = new Set([
  'QUERY', 'MUTATION', 'SUBSCRIPTION', 'FIELD', 'FRAGMENT_DEFINITION', 'FRAGMENT_SPREAD', 'INLINE_FRAGMENT',
  'VARIABLE_DEFINITION', 'SCHEMA', 'SCALAR', 'OBJECT', 'FIELD_DEFINITION', 'ARGUMENT_DEFINITION', 'INTERFACE',
  'UNION', 'ENUM', 'ENUM_VALUE', 'INPUT_OBJECT', 'INPUT_FIELD_DEFINITION',
]);

const TYPE_KINDS: Record<string, string> = {
  scalar: 'SCALAR', type: 'OBJECT', interface: 'INTERFACE', union: 'UNION', enum: 'ENUM', input: 'INPUT_OBJECT',
};

export type ParseResult<T> = { doc: T } | { error: GraphQLError };

export function parseQuery(text: string): ParseResult<QueryDocument> {
  return run(() => new DocumentParser(text).queryDocument());
}

export function parseSchema(text: string, builtIn = false): ParseResult<SchemaDocument> {
  return run(() => new DocumentParser(text).schemaDocument(builtIn));
}

function run<T>(parse: () => T): ParseResult<T> {
  try {
    return { doc: parse() };
  } catch (e) {
    if (e instanceof GraphQLError) return { error: e };
    throw e;
  }
}

const orNull = <T>(list: T[]): T[] | null => (list.length ? list : null);

class DocumentParser extends ParserCore {
  queryDocument(): QueryDocument {
    const operations: OperationDefinition[] = [];
    const fragments: FragmentDefinition[] = [];
    while (this.peek().kind !== 'EOF') {
      const tok = this.peek();
      if (tok.kind === 'BraceL' || (tok.kind === 'Name' && ['query', 'mutation', 'subscription'].includes(tok.value))) {
        operations.push(this.operationDefinition());
      } else if (tok.kind === 'Name' && tok.value === 'fragment') {
        fragments.push(this.fragmentDefinition());
      } else {
        this.unexpected();
      }
    }
    return { Operations: orNull(operations), Fragments: orNull(fragments) };
  }

  private operationDefinition(): OperationDefinition {
    const pos = this.peekPos();
    if (this.peek().kind === 'BraceL') {
      return { Operation: 'query', Name: '', VariableDefinitions: null, Directives: null, SelectionSet: this.requiredSelectionSet(), Position: pos };
    }
    const operation = this.parseOperationType();
    const name = this.peek().kind === 'Name' ? this.next().value : '';
    return {
      Operation: operation,
      Name: name,
      VariableDefinitions: this.variableDefinitions(),
      Directives: this.parseDirectives(false),
      SelectionSet: this.requiredSelectionSet(),
      Position: pos,
    };
  }

  private variableDefinitions(): VariableDefinition[] | null {
    const defs: VariableDefinition[] = [];
    this.many('ParenL', 'ParenR', () => {
      const pos = this.peekPos();
      const variable = this.parseVariable();
      this.expect('Colon');
      const type = this.parseTypeReference();
      const defaultValue = this.skip('Equals') ? this.parseValueLiteral(true) : null;
      defs.push({ Variable: variable, Type: type, DefaultValue: defaultValue, Directives: this.parseDirectives(false), Used: false, Position: pos });
    });
    return orNull(defs);
  }

  private selectionList(): Selection[] {
    const selections: Selection[] = [];
    this.some('BraceL', 'BraceR', () => selections.push(this.selection()));
    return selections;
  }

  private requiredSelectionSet(): Selection[] | null {
    if (this.peek().kind !== 'BraceL') this.expect('BraceL');
    return orNull(this.selectionList());
  }

  private selection(): Selection {
    if (this.peek().kind === 'Spread') return this.fragment();
    const pos = this.peekPos();
    const alias = this.parseName();
    const name = this.skip('Colon') ? this.parseName() : alias;
    const args = this.parseArguments(false);
    const directives = this.parseDirectives(false);
    const selectionSet = this.peek().kind === 'BraceL' ? orNull(this.selectionList()) : null;
    return { Alias: alias, Name: name, Arguments: args, Directives: directives, SelectionSet: selectionSet, Position: pos };
  }

  private fragment(): Selection {
    this.expect('Spread');
    const peek = this.peek();
    if (peek.kind === 'Name' && peek.value !== 'on') {
      const pos = this.peekPos();
      return { Name: this.fragmentName(), Directives: this.parseDirectives(false), Position: pos };
    }
    const pos = this.peekPos();
    let typeCondition = '';
    if (this.peek().value === 'on') {
      this.next();
      typeCondition = this.parseName();
    }
    const directives = this.parseDirectives(false);
    return { TypeCondition: typeCondition, Directives: directives, SelectionSet: this.requiredSelectionSet(), Position: pos };
  }

  private fragmentDefinition(): FragmentDefinition {
    const pos = this.peekPos();
    this.expectKeyword('fragment');
    const name = this.fragmentName();
    const variables = this.variableDefinitions();
    this.expectKeyword('on');
    const typeCondition = this.parseName();
    const directives = this.parseDirectives(false);
    return { Name: name, VariableDefinition: variables, TypeCondition: typeCondition, Directives: directives, SelectionSet: this.requiredSelectionSet(), Position: pos };
  }

  private fragmentName(): string {
    if (this.peek().value === 'on') this.unexpected();
    return this.parseName();
  }

  schemaDocument(builtIn: boolean): SchemaDocument {
    const doc: SchemaDocument = { Schema: null, SchemaExtension: null, Directives: null, Definitions: null, Extensions: null };
    const lists = doc as unknown as Record<keyof SchemaDocument, unknown[] | null>;
    const push = (key: keyof SchemaDocument, item: unknown): void => {
      (lists[key] ??= []).push(item);
    };
    while (this.peek().kind !== 'EOF') {
      let description = '';
      if (this.peek().kind === 'BlockString' || this.peek().kind === 'String') description = this.next().value;
      const tok = this.peek();
      if (tok.kind !== 'Name') this.unexpected();
      if (TYPE_KINDS[tok.value]) {
        const def = this.typeDefinition(description);
        def.BuiltIn = builtIn;
        push('Definitions', def);
      } else if (tok.value === 'schema') {
        push('Schema', this.schemaDefinition(description, false));
      } else if (tok.value === 'directive') {
        push('Directives', this.directiveDefinition(description));
      } else if (tok.value === 'extend') {
        if (description !== '') this.unexpected(this.prev);
        this.expectKeyword('extend');
        const what = this.peek().value;
        if (what === 'schema') {
          push('SchemaExtension', this.schemaDefinition('', true));
        } else if (TYPE_KINDS[what]) {
          const ext = this.typeExtension();
          ext.BuiltIn = builtIn;
          push('Extensions', ext);
        } else {
          this.unexpected();
        }
      } else {
        this.unexpected();
      }
    }
    return doc;
  }

  private schemaDefinition(description: string, extension: boolean): SchemaDefinition {
    this.expectKeyword('schema');
    const def: SchemaDefinition = { Description: description, Directives: null, OperationTypes: null, Position: this.peekPos() };
    def.Directives = this.parseDirectives(true);
    const ops: OperationTypeDefinition[] = [];
    this.some('BraceL', 'BraceR', () => {
      const pos = this.peekPos();
      const operation = this.parseOperationType();
      this.expect('Colon');
      ops.push({ Operation: operation, Type: this.parseName(), Position: pos });
    });
    def.OperationTypes = orNull(ops);
    if (extension && !def.Directives && !def.OperationTypes) this.unexpected();
    return def;
  }

  private emptyDefinition(kind: string, description: string): Definition {
    return {
      Kind: kind, Description: description, Name: '', Directives: null, Interfaces: null, Fields: null, Types: null,
      EnumValues: null, BuiltIn: false, Position: this.peekPos(),
    };
  }

  /** A type definition; `extension` applies gqlparser's rule that an extension must add something. */
  private typeDefinition(description: string, extension = false): Definition {
    const keyword = this.peek().value;
    this.expectKeyword(keyword);
    const def = this.emptyDefinition(TYPE_KINDS[keyword], description);
    def.Name = this.parseName();
    switch (keyword) {
      case 'scalar':
        def.Directives = this.parseDirectives(true);
        if (extension && !def.Directives) this.unexpected();
        break;
      case 'type':
      case 'interface':
        // gqlparser's interface extension takes no `implements` clause.
        if (!(extension && keyword === 'interface')) def.Interfaces = this.implementsInterfaces();
        def.Directives = this.parseDirectives(true);
        def.Fields = this.fieldsDefinition(false);
        if (extension && !def.Interfaces && !def.Directives && !def.Fields) this.unexpected();
        break;
      case 'union':
        def.Directives = this.parseDirectives(true);
        def.Types = this.unionMemberTypes();
        if (extension && !def.Directives && !def.Types) this.unexpected();
        break;
      case 'enum':
        def.Directives = this.parseDirectives(true);
        def.EnumValues = this.enumValues();
        if (extension && !def.Directives && !def.EnumValues) this.unexpected();
        break;
      default: // input
        def.Directives = this.parseDirectives(!extension);
        def.Fields = this.fieldsDefinition(true);
        if (extension && !def.Directives && !def.Fields) this.unexpected();
    }
    return def;
  }

  private typeExtension(): Definition {
    return this.typeDefinition('', true);
  }

  private implementsInterfaces(): string[] | null {
    if (this.peek().value !== 'implements') return null;
    this.next();
    this.skip('Amp');
    const types = [this.parseName()];
    while (this.skip('Amp')) types.push(this.parseName());
    return types;
  }

  private unionMemberTypes(): string[] | null {
    if (!this.skip('Equals')) return null;
    this.skip('Pipe');
    const types = [this.parseName()];
    while (this.skip('Pipe')) types.push(this.parseName());
    return types;
  }

  private enumValues(): EnumValueDefinition[] | null {
    const values: EnumValueDefinition[] = [];
    this.some('BraceL', 'BraceR', () => {
      const pos = this.peekPos();
      const description = this.description();
      const name = this.parseName();
      values.push({ Description: description, Name: name, Directives: this.parseDirectives(true), Position: pos });
    });
    return orNull(values);
  }

  private description(): string {
    const kind = this.peek().kind;
    return kind === 'BlockString' || kind === 'String' ? this.next().value : '';
  }

  private fieldsDefinition(input: boolean): FieldDefinition[] | null {
    const fields: FieldDefinition[] = [];
    this.some('BraceL', 'BraceR', () => {
      const pos = this.peekPos();
      const description = this.description();
      const name = this.parseName();
      const args = input ? null : this.argumentDefinitions();
      this.expect('Colon');
      const type = this.parseTypeReference();
      const defaultValue = input && this.skip('Equals') ? this.parseValueLiteral(true) : null;
      fields.push({
        Description: description, Name: name, Arguments: args, DefaultValue: defaultValue, Type: type,
        Directives: this.parseDirectives(true), Position: pos,
      });
    });
    return orNull(fields);
  }

  private argumentDefinitions(): ArgumentDefinition[] | null {
    const args: ArgumentDefinition[] = [];
    this.some('ParenL', 'ParenR', () => {
      const pos = this.peekPos();
      const description = this.description();
      const name = this.parseName();
      this.expect('Colon');
      const type = this.parseTypeReference();
      const defaultValue = this.skip('Equals') ? this.parseValueLiteral(true) : null;
      args.push({ Description: description, Name: name, DefaultValue: defaultValue, Type: type, Directives: this.parseDirectives(true), Position: pos });
    });
    return orNull(args);
  }

  private directiveDefinition(description: string): DirectiveDefinition {
    this.expectKeyword('directive');
    this.expect('At');
    const pos = this.peekPos();
    const name = this.parseName();
    const args = this.argumentDefinitions();
    let repeatable = false;
    const peek = this.peek();
    if (peek.kind === 'Name' && peek.value === 'repeatable') {
      repeatable = true;
      this.next();
    }
    this.expectKeyword('on');
    this.skip('Pipe');
    const locations = [this.directiveLocation()];
    while (this.skip('Pipe')) locations.push(this.directiveLocation());
    return { Description: description, Name: name, Arguments: args, Locations: locations, IsRepeatable: repeatable, Position: pos };
  }

  private directiveLocation(): string {
    const tok = this.expect('Name');
    if (!DIRECTIVE_LOCATIONS.has(tok.value)) this.unexpected(tok);
    return tok.value;
  }
}
