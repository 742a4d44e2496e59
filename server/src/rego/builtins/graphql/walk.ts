// gqlparser's validation walker: visits operations then fragments in document order, resolving each
// node against the schema and calling the rules' observers after a node's children, as gqlparser does
// (so the first error is the one OPA would report). Resolutions are kept in side tables, not on the
// AST, because the AST is also the builtins' output.

import type {
  Definition, Directive, DirectiveDefinition, Field, FieldDefinition, FragmentDefinition, FragmentSpread, GqlType,
  GqlValue, InlineFragment, OperationDefinition, QueryDocument, Selection, VariableDefinition,
} from './ast';
import { isField, isInlineFragment, namedType, typeName, ValueKind } from './ast';
import type { Position } from './lexer';
import type { Schema } from './schema';

export interface Observers {
  operation?(w: Walker, op: OperationDefinition): void;
  field?(w: Walker, field: Field): void;
  fragment?(w: Walker, fragment: FragmentDefinition): void;
  inlineFragment?(w: Walker, fragment: InlineFragment): void;
  fragmentSpread?(w: Walker, spread: FragmentSpread): void;
  directive?(w: Walker, directive: Directive): void;
  directiveList?(w: Walker, directives: Directive[]): void;
  value?(w: Walker, value: GqlValue): void;
  variable?(w: Walker, variable: VariableDefinition): void;
}

export interface ValidationError {
  message: string;
  pos: Position | null | undefined;
}

export class Walker {
  readonly errors: ValidationError[] = [];
  currentOperation: OperationDefinition | null = null;
  /** Field → its definition on the parent type (`Field.Definition`). */
  readonly fieldDef = new WeakMap<Field, FieldDefinition | null>();
  /** Selection → the type it is selected on (`ObjectDefinition`). */
  readonly parentDef = new WeakMap<Selection, Definition | null>();
  readonly spreadTarget = new WeakMap<FragmentSpread, FragmentDefinition | null>();
  readonly fragmentType = new WeakMap<FragmentDefinition, Definition | null>();
  readonly directiveDef = new WeakMap<Directive, DirectiveDefinition | null>();
  readonly directiveLocation = new WeakMap<Directive, string>();
  readonly expectedType = new WeakMap<GqlValue, GqlType>();
  readonly expectedTypeHasDefault = new WeakSet<GqlValue>();
  readonly valueDef = new WeakMap<GqlValue, Definition | null>();
  readonly variableDef = new WeakMap<GqlValue, VariableDefinition | null>();
  readonly usedVariables = new WeakSet<VariableDefinition>();
  private validatedSpreads = new Set<string>();

  constructor(
    readonly schema: Schema,
    readonly doc: QueryDocument,
    private readonly observers: Observers[],
  ) {}

  report(message: string, pos: Position | null | undefined): void {
    this.errors.push({ message, pos });
  }

  fragmentNamed(name: string): FragmentDefinition | null {
    return (this.doc.Fragments ?? []).find((f) => f.Name === name) ?? null;
  }

  private emit<K extends keyof Observers>(kind: K, ...args: Parameters<NonNullable<Observers[K]>> extends [Walker, ...infer R] ? R : never): void {
    for (const o of this.observers) {
      const fn = o[kind] as ((w: Walker, ...rest: unknown[]) => void) | undefined;
      fn?.call(o, this, ...args);
    }
  }

  walk(): void {
    for (const op of this.doc.Operations ?? []) {
      this.validatedSpreads = new Set();
      this.walkOperation(op);
    }
    for (const fragment of this.doc.Fragments ?? []) {
      this.validatedSpreads = new Set();
      this.walkFragment(fragment);
    }
  }

  private walkOperation(op: OperationDefinition): void {
    this.currentOperation = op;
    for (const v of op.VariableDefinitions ?? []) {
      this.emit('variable', v);
      if (v.DefaultValue && v.Type) {
        this.expectedType.set(v.DefaultValue, v.Type);
        this.valueDef.set(v.DefaultValue, this.schema.types.get(typeName(v.Type)) ?? null);
      }
    }
    const [root, location] =
      op.Operation === 'mutation' ? [this.schema.mutation, 'MUTATION']
      : op.Operation === 'subscription' ? [this.schema.subscription, 'SUBSCRIPTION']
      : [this.schema.query, 'QUERY'];
    for (const v of op.VariableDefinitions ?? []) {
      if (v.DefaultValue) this.walkValue(v.DefaultValue);
      this.walkDirectives(v.Directives, 'VARIABLE_DEFINITION');
    }
    this.walkDirectives(op.Directives, location);
    this.walkSelectionSet(root ?? null, op.SelectionSet);
    this.emit('operation', op);
    this.currentOperation = null;
  }

  private walkFragment(fragment: FragmentDefinition): void {
    const def = this.schema.types.get(fragment.TypeCondition) ?? null;
    this.fragmentType.set(fragment, def);
    this.walkDirectives(fragment.Directives, 'FRAGMENT_DEFINITION');
    this.walkSelectionSet(def, fragment.SelectionSet);
    this.emit('fragment', fragment);
  }

  private walkDirectives(directives: Directive[] | null, location: string): void {
    const list = directives ?? [];
    this.emit('directiveList', list);
    for (const dir of list) {
      const def = this.schema.directives.get(dir.Name) ?? null;
      this.directiveDef.set(dir, def);
      this.directiveLocation.set(dir, location);
      for (const arg of dir.Arguments ?? []) {
        const argDef = def?.Arguments?.find((a) => a.Name === arg.Name);
        if (argDef && arg.Value && argDef.Type) {
          this.expectedType.set(arg.Value, argDef.Type);
          this.valueDef.set(arg.Value, this.schema.types.get(typeName(argDef.Type)) ?? null);
        }
        if (arg.Value) this.walkValue(arg.Value);
      }
      this.emit('directive', dir);
    }
  }

  private walkValue(value: GqlValue): void {
    if (value.Kind === ValueKind.Variable && this.currentOperation) {
      const def = (this.currentOperation.VariableDefinitions ?? []).find((v) => v.Variable === value.Raw) ?? null;
      this.variableDef.set(value, def);
      if (def) this.usedVariables.add(def);
    }
    const expected = this.expectedType.get(value);
    const def = this.valueDef.get(value);
    for (const child of value.Children ?? []) {
      if (!child.Value) continue;
      if (value.Kind === ValueKind.Object && def) {
        const fieldDef = def.Fields?.find((f) => f.Name === child.Name);
        if (fieldDef?.Type) {
          this.expectedType.set(child.Value, fieldDef.Type);
          this.valueDef.set(child.Value, this.schema.types.get(typeName(fieldDef.Type)) ?? null);
        }
      } else if (value.Kind === ValueKind.List && expected?.Elem) {
        this.expectedType.set(child.Value, expected.Elem);
        this.valueDef.set(child.Value, def ?? null);
      }
      if (value.Kind === ValueKind.Object || value.Kind === ValueKind.List) this.walkValue(child.Value);
    }
    this.emit('value', value);
  }

  private walkSelectionSet(parent: Definition | null, selections: Selection[] | null): void {
    for (const s of selections ?? []) this.walkSelection(parent, s);
  }

  private walkSelection(parent: Definition | null, s: Selection): void {
    this.parentDef.set(s, parent);
    if (isField(s)) {
      const fieldDef: FieldDefinition | null =
        s.Name === '__typename'
          ? { Description: '', Name: '__typename', Arguments: null, DefaultValue: null, Type: namedType('String'), Directives: null }
          : (parent?.Fields?.find((f) => f.Name === s.Name) ?? null);
      this.fieldDef.set(s, fieldDef);
      const next = fieldDef ? (this.schema.types.get(typeName(fieldDef.Type)) ?? null) : null;
      for (const arg of s.Arguments ?? []) {
        const argDef = fieldDef?.Arguments?.find((a) => a.Name === arg.Name);
        if (argDef && arg.Value && argDef.Type) {
          this.expectedType.set(arg.Value, argDef.Type);
          this.valueDef.set(arg.Value, this.schema.types.get(typeName(argDef.Type)) ?? null);
          if (argDef.DefaultValue && argDef.DefaultValue.Kind !== ValueKind.Null) this.expectedTypeHasDefault.add(arg.Value);
        }
        if (arg.Value) this.walkValue(arg.Value);
      }
      this.walkDirectives(s.Directives, 'FIELD');
      this.walkSelectionSet(next, s.SelectionSet);
      this.emit('field', s);
    } else if (isInlineFragment(s)) {
      const next = s.TypeCondition !== '' ? (this.schema.types.get(s.TypeCondition) ?? null) : parent;
      this.walkDirectives(s.Directives, 'INLINE_FRAGMENT');
      this.walkSelectionSet(next, s.SelectionSet);
      this.emit('inlineFragment', s);
    } else {
      const def = this.fragmentNamed(s.Name);
      this.spreadTarget.set(s, def);
      const next = def ? (this.schema.types.get(def.TypeCondition) ?? null) : null;
      this.walkDirectives(s.Directives, 'FRAGMENT_SPREAD');
      if (def && !this.validatedSpreads.has(def.Name)) {
        this.validatedSpreads.add(def.Name);
        this.walkSelectionSet(next, def.SelectionSet);
      }
      this.emit('fragmentSpread', s);
    }
  }
}
