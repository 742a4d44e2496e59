// The GraphQL spec's executable-document validation rules (§5), with gqlparser's messages, in the
// order gqlparser registers them (alphabetical by rule file), which fixes which error comes first.

import type { Argument, Definition, FragmentDefinition, FragmentSpread, GqlValue, OperationDefinition, Selection } from './ast';
import { isField, isFragmentSpread, isInlineFragment, typeName, typeString, valueText, ValueKind } from './ast';
import { overlappingFieldsCanBeMerged } from './overlap';
import { isCompatible, isCompositeType, isInputType, possibleTypesOf } from './schema';
import type { Observers, Walker } from './walk';

/** graphql-js style "did you mean" suggestions: close names by edit distance, best first. */
function suggestionList(input: string, options: string[]): string[] {
  const threshold = Math.floor(input.length * 0.4) + 1;
  const scored = options
    .map((o) => ({ o, d: o.toLowerCase() === input.toLowerCase() ? 1 : distance(input.toLowerCase(), o.toLowerCase()) }))
    .filter((x) => x.d <= threshold);
  scored.sort((a, b) => a.d - b.d || a.o.localeCompare(b.o));
  return scored.map((x) => x.o);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.slice(0, 5).map((s) => `"${s}"`);
  const list = quoted.length <= 2 ? quoted.join(' or ') : `${quoted.slice(0, -1).join(', ')}, or ${quoted[quoted.length - 1]}`;
  return ` Did you mean ${list}?`;
}

function checkUniqueArgs(w: Walker, args: Argument[] | null): void {
  const seen = new Set<string>();
  for (const arg of args ?? []) {
    if (seen.has(arg.Name)) w.report(`There can be only one argument named "${arg.Name}".`, arg.Position);
    seen.add(arg.Name);
  }
}

/** Top-level fields of a selection set, looking through fragments (for subscriptions). */
function collectFields(w: Walker, selections: Selection[] | null, seen = new Set<string>()): Selection[] {
  const out: Selection[] = [];
  for (const s of selections ?? []) {
    if (isField(s)) out.push(s);
    else if (isInlineFragment(s)) out.push(...collectFields(w, s.SelectionSet, seen));
    else if (!seen.has(s.Name)) {
      seen.add(s.Name);
      out.push(...collectFields(w, w.fragmentNamed(s.Name)?.SelectionSet ?? null, seen));
    }
  }
  return out;
}

function rootFor(w: Walker, op: OperationDefinition): Definition | undefined {
  if (op.Operation === 'mutation') return w.schema.mutation;
  if (op.Operation === 'subscription') return w.schema.subscription;
  return w.schema.query;
}

const BUILTIN_SCALARS = ['Int', 'Float', 'String', 'Boolean', 'ID'];

function unexpectedTypeMessage(w: Walker, v: GqlValue): string {
  const expected = w.expectedType.get(v)!;
  const def = w.valueDef.get(v);
  if (def?.Kind === 'ENUM') return `Enum "${def.Name}" cannot represent non-enum value: ${valueText(v)}.`;
  if (expected.Elem === null && def) {
    switch (def.Name) {
      case 'Int':
        return `Int cannot represent non-integer value: ${valueText(v)}`;
      case 'Float':
        return `Float cannot represent non numeric value: ${valueText(v)}`;
      case 'String':
        return `String cannot represent a non string value: ${valueText(v)}`;
      case 'Boolean':
        return `Boolean cannot represent a non boolean value: ${valueText(v)}`;
      case 'ID':
        return `ID cannot represent a non-string and non-integer value: ${valueText(v)}`;
    }
  }
  return `Expected value of type "${typeString(expected)}", found ${valueText(v)}.`;
}

function valuesOfCorrectType(w: Walker, v: GqlValue): void {
  const expected = w.expectedType.get(v);
  const def = w.valueDef.get(v);
  if (!expected || !def) return;
  const report = (message: string): void => w.report(message, v.Position);
  if (v.Kind === ValueKind.Null) {
    if (expected.NonNull) report(`Expected value of type "${typeString(expected)}", found ${valueText(v)}.`);
    return;
  }
  if (v.Kind === ValueKind.Variable) return;
  if (expected.Elem) {
    // A list type accepts a list, or a single item coerced to a one-item list (checked as the item).
    if (v.Kind === ValueKind.List) return;
  } else if (v.Kind === ValueKind.List) {
    report(unexpectedTypeMessage(w, v));
    return;
  }
  if (def.Kind === 'SCALAR' && !BUILTIN_SCALARS.includes(def.Name)) return; // custom scalars accept any literal
  const isOneOf = (...names: string[]): boolean => def.Kind === 'SCALAR' && names.includes(def.Name);
  switch (v.Kind) {
    case ValueKind.Int:
      if (!isOneOf('Int', 'Float', 'ID')) report(unexpectedTypeMessage(w, v));
      else if (def.Name === 'Int' && Math.abs(Number(v.Raw)) > 2147483647 && Number(v.Raw) !== -2147483648) {
        report(`Int cannot represent non 32-bit signed integer value: ${v.Raw}`);
      }
      return;
    case ValueKind.Float:
      if (!isOneOf('Float')) report(unexpectedTypeMessage(w, v));
      return;
    case ValueKind.String:
    case ValueKind.Block:
      if (!isOneOf('String', 'ID')) report(unexpectedTypeMessage(w, v));
      return;
    case ValueKind.Boolean:
      if (!isOneOf('Boolean')) report(unexpectedTypeMessage(w, v));
      return;
    case ValueKind.Enum:
      if (def.Kind !== 'ENUM') report(unexpectedTypeMessage(w, v));
      else if (!(def.EnumValues ?? []).some((e) => e.Name === v.Raw)) {
        report(`Value "${v.Raw}" does not exist in "${def.Name}" enum.`);
      }
      return;
    case ValueKind.Object: {
      if (def.Kind !== 'INPUT_OBJECT') {
        report(unexpectedTypeMessage(w, v));
        return;
      }
      const children = v.Children ?? [];
      for (const field of def.Fields ?? []) {
        if (field.Type?.NonNull && !field.DefaultValue && !children.some((c) => c.Name === field.Name)) {
          report(`Field "${def.Name}.${field.Name}" of required type "${typeString(field.Type)}" was not provided.`);
        }
      }
      for (const child of children) {
        if (!(def.Fields ?? []).some((f) => f.Name === child.Name)) {
          const hint = didYouMean(suggestionList(child.Name, (def.Fields ?? []).map((f) => f.Name)));
          w.report(`Field "${child.Name}" is not defined by type "${def.Name}".${hint}`, child.Position);
        }
      }
      return;
    }
  }
}

/** The cycle check of NoFragmentCycles: each fragment is explored once, reporting every cycle found. */
function fragmentCycles(): Observers {
  const visited = new Set<string>();
  return {
    fragment(w, fragment) {
      if (visited.has(fragment.Name)) return;
      const path: string[] = [];
      const pathIndex = new Map<string, number>();
      const spreadsOf = (selections: Selection[] | null, out: FragmentSpread[] = []): FragmentSpread[] => {
        for (const s of selections ?? []) {
          if (isFragmentSpread(s)) out.push(s);
          else spreadsOf(s.SelectionSet, out);
        }
        return out;
      };
      const detect = (frag: FragmentDefinition): void => {
        if (visited.has(frag.Name)) return;
        visited.add(frag.Name);
        const spreads = spreadsOf(frag.SelectionSet);
        if (spreads.length === 0) return;
        pathIndex.set(frag.Name, path.length);
        for (const spread of spreads) {
          const cycleIndex = pathIndex.get(spread.Name);
          path.push(spread.Name);
          if (cycleIndex === undefined) {
            const target = w.fragmentNamed(spread.Name);
            if (target) detect(target);
          } else {
            const via = path.slice(cycleIndex, -1).map((name) => `"${name}"`);
            const suffix = via.length ? ` via ${via.join(', ')}` : '';
            w.report(`Cannot spread fragment "${spread.Name}" within itself${suffix}.`, spread.Position);
          }
          path.pop();
        }
        pathIndex.delete(frag.Name);
      };
      detect(fragment);
    },
  };
}

export function standardRules(): Observers[] {
  let inFragmentDefinition = false;
  const usedFragments = new Set<string>();
  const fragmentNames = new Set<string>();
  const operationNames = new Set<string>();
  return [
    // FieldsOnCorrectType
    {
      field(w, field) {
        const parent = w.parentDef.get(field);
        if (!parent || w.fieldDef.get(field)) return;
        const hint = didYouMean(suggestionList(field.Name, (parent.Fields ?? []).map((f) => f.Name)));
        w.report(`Cannot query field "${field.Name}" on type "${parent.Name}".${hint}`, field.Position);
      },
    },
    // FragmentsOnCompositeTypes
    {
      inlineFragment(w, fragment) {
        const t = w.schema.types.get(fragment.TypeCondition);
        if (fragment.TypeCondition === '' || !t || isCompositeType(t)) return;
        w.report(`Fragment cannot condition on non composite type "${fragment.TypeCondition}".`, fragment.Position);
      },
      fragment(w, fragment) {
        const t = w.fragmentType.get(fragment);
        if (!t || fragment.TypeCondition === '' || isCompositeType(t)) return;
        w.report(`Fragment "${fragment.Name}" cannot condition on non composite type "${fragment.TypeCondition}".`, fragment.Position);
      },
    },
    // KnownArgumentNames
    {
      field(w, field) {
        const def = w.fieldDef.get(field);
        const parent = w.parentDef.get(field);
        if (!def || !parent) return;
        for (const arg of field.Arguments ?? []) {
          if (def.Arguments?.some((a) => a.Name === arg.Name)) continue;
          const hint = didYouMean(suggestionList(arg.Name, (def.Arguments ?? []).map((a) => a.Name)));
          w.report(`Unknown argument "${arg.Name}" on field "${parent.Name}.${field.Name}".${hint}`, field.Position);
        }
      },
      directive(w, dir) {
        const def = w.directiveDef.get(dir);
        if (!def) return;
        for (const arg of dir.Arguments ?? []) {
          if (def.Arguments?.some((a) => a.Name === arg.Name)) continue;
          const hint = didYouMean(suggestionList(arg.Name, (def.Arguments ?? []).map((a) => a.Name)));
          w.report(`Unknown argument "${arg.Name}" on directive "@${dir.Name}".${hint}`, dir.Position);
        }
      },
    },
    // KnownDirectives
    {
      directive(w, dir) {
        const def = w.directiveDef.get(dir);
        if (!def) {
          w.report(`Unknown directive "@${dir.Name}".`, dir.Position);
          return;
        }
        const location = w.directiveLocation.get(dir) ?? '';
        if (!(def.Locations ?? []).includes(location)) w.report(`Directive "@${dir.Name}" may not be used on ${location}.`, dir.Position);
      },
    },
    // KnownFragmentNames
    {
      fragmentSpread(w, spread) {
        if (!w.spreadTarget.get(spread)) w.report(`Unknown fragment "${spread.Name}".`, spread.Position);
      },
    },
    // KnownRootType
    {
      operation(w, op) {
        if (!rootFor(w, op)) w.report(`Schema does not support operation type "${op.Operation}"`, op.Position);
      },
    },
    // KnownTypeNames
    {
      variable(w, v) {
        const name = typeName(v.Type);
        if (!w.schema.types.has(name)) w.report(`Unknown type "${name}".`, v.Position);
      },
      inlineFragment(w, fragment) {
        if (fragment.TypeCondition === '' || w.schema.types.has(fragment.TypeCondition)) return;
        w.report(`Unknown type "${fragment.TypeCondition}".`, fragment.Position);
      },
      fragment(w, fragment) {
        if (w.schema.types.has(fragment.TypeCondition)) return;
        w.report(`Unknown type "${fragment.TypeCondition}".`, fragment.Position);
      },
    },
    // LoneAnonymousOperation
    {
      operation(w, op) {
        if (op.Name === '' && (w.doc.Operations ?? []).length > 1) {
          w.report('This anonymous operation must be the only defined operation.', op.Position);
        }
      },
    },
    fragmentCycles(),
    // NoUndefinedVariables
    {
      value(w, v) {
        const op = w.currentOperation;
        if (!op || v.Kind !== ValueKind.Variable || w.variableDef.get(v)) return;
        const message = op.Name !== '' ? `Variable "${valueText(v)}" is not defined by operation "${op.Name}".` : `Variable "${valueText(v)}" is not defined.`;
        w.report(message, v.Position);
      },
    },
    // NoUnusedFragments
    {
      fragmentSpread(_w, spread) {
        if (!inFragmentDefinition) usedFragments.add(spread.Name);
      },
      fragment(w, fragment) {
        inFragmentDefinition = true;
        if (!usedFragments.has(fragment.Name)) w.report(`Fragment "${fragment.Name}" is never used.`, fragment.Position);
      },
    },
    // NoUnusedVariables
    {
      operation(w, op) {
        for (const v of op.VariableDefinitions ?? []) {
          if (w.usedVariables.has(v)) continue;
          const message = op.Name !== '' ? `Variable "$${v.Variable}" is never used in operation "${op.Name}".` : `Variable "$${v.Variable}" is never used.`;
          w.report(message, v.Position);
        }
      },
    },
    overlappingFieldsCanBeMerged(),
    // PossibleFragmentSpreads
    {
      inlineFragment(w, fragment) {
        const parent = w.parentDef.get(fragment);
        const fragType = w.schema.types.get(fragment.TypeCondition);
        if (!parent || !fragType || typesOverlap(w, parent, fragType)) return;
        w.report(`Fragment cannot be spread here as objects of type "${parent.Name}" can never be of type "${fragType.Name}".`, fragment.Position);
      },
      fragmentSpread(w, spread) {
        const target = w.spreadTarget.get(spread);
        const parent = w.parentDef.get(spread);
        const fragType = target ? w.schema.types.get(target.TypeCondition) : undefined;
        if (!parent || !fragType || typesOverlap(w, parent, fragType)) return;
        w.report(`Fragment "${spread.Name}" cannot be spread here as objects of type "${parent.Name}" can never be of type "${fragType.Name}".`, spread.Position);
      },
    },
    // ProvidedRequiredArguments
    {
      field(w, field) {
        const def = w.fieldDef.get(field);
        for (const argDef of def?.Arguments ?? []) {
          if (!argDef.Type?.NonNull || argDef.DefaultValue) continue;
          if ((field.Arguments ?? []).some((a) => a.Name === argDef.Name)) continue;
          w.report(`Field "${field.Name}" argument "${argDef.Name}" of type "${typeString(argDef.Type)}" is required, but it was not provided.`, field.Position);
        }
      },
      directive(w, dir) {
        const def = w.directiveDef.get(dir);
        for (const argDef of def?.Arguments ?? []) {
          if (!argDef.Type?.NonNull || argDef.DefaultValue) continue;
          if ((dir.Arguments ?? []).some((a) => a.Name === argDef.Name)) continue;
          w.report(`Directive "@${dir.Name}" argument "${argDef.Name}" of type "${typeString(argDef.Type)}" is required, but it was not provided.`, dir.Position);
        }
      },
    },
    // ScalarLeafs
    {
      field(w, field) {
        const def = w.fieldDef.get(field);
        const fieldType = def ? w.schema.types.get(typeName(def.Type)) : undefined;
        if (!def || !fieldType) return;
        const hasSelection = (field.SelectionSet ?? []).length > 0;
        if ((fieldType.Kind === 'SCALAR' || fieldType.Kind === 'ENUM') && hasSelection) {
          w.report(`Field "${field.Name}" must not have a selection since type "${fieldType.Name}" has no subfields.`, field.Position);
        } else if (isCompositeType(fieldType) && !hasSelection) {
          w.report(`Field "${field.Name}" of type "${typeString(def.Type)}" must have a selection of subfields.`, field.Position);
        }
      },
    },
    // SingleFieldSubscriptions
    {
      operation(w, op) {
        if (op.Operation !== 'subscription' || !w.schema.subscription) return;
        const fields = collectFields(w, op.SelectionSet);
        const who = op.Name === '' ? 'Anonymous Subscription' : `Subscription "${op.Name}"`;
        if (fields.length > 1) w.report(`${who} must select only one top level field.`, fields[1].Position);
        for (const f of fields) {
          if (isField(f) && f.Name.startsWith('__')) w.report(`${who} must not select an introspection top level field.`, f.Position);
        }
      },
    },
    // UniqueArgumentNames
    {
      field: (w, field) => checkUniqueArgs(w, field.Arguments),
      directive: (w, dir) => checkUniqueArgs(w, dir.Arguments),
    },
    // UniqueDirectivesPerLocation
    {
      directiveList(w, directives) {
        const seen = new Set<string>();
        for (const dir of directives) {
          if (w.schema.directives.get(dir.Name)?.IsRepeatable) continue;
          if (seen.has(dir.Name)) w.report(`The directive "@${dir.Name}" can only be used once at this location.`, dir.Position);
          seen.add(dir.Name);
        }
      },
    },
    // UniqueFragmentNames
    {
      fragment(w, fragment) {
        if (fragmentNames.has(fragment.Name)) w.report(`There can be only one fragment named "${fragment.Name}".`, fragment.Position);
        fragmentNames.add(fragment.Name);
      },
    },
    // UniqueInputFieldNames
    {
      value(w, v) {
        if (v.Kind !== ValueKind.Object) return;
        const seen = new Set<string>();
        for (const child of v.Children ?? []) {
          if (seen.has(child.Name)) w.report(`There can be only one input field named "${child.Name}".`, child.Position);
          seen.add(child.Name);
        }
      },
    },
    // UniqueOperationNames
    {
      operation(w, op) {
        if (op.Name !== '' && operationNames.has(op.Name)) w.report(`There can be only one operation named "${op.Name}".`, op.Position);
        operationNames.add(op.Name);
      },
    },
    // UniqueVariableNames
    {
      operation(w, op) {
        const seen = new Set<string>();
        for (const v of op.VariableDefinitions ?? []) {
          if (seen.has(v.Variable)) w.report(`There can be only one variable named "$${v.Variable}".`, v.Position);
          seen.add(v.Variable);
        }
      },
    },
    // ValuesOfCorrectType
    { value: valuesOfCorrectType },
    // VariablesAreInputTypes
    {
      variable(w, v) {
        const def = w.schema.types.get(typeName(v.Type));
        if (def && !isInputType(def)) w.report(`Variable "$${v.Variable}" cannot be non-input type "${typeString(v.Type)}".`, v.Position);
      },
    },
    // VariablesInAllowedPosition
    {
      value(w, v) {
        const expected = w.expectedType.get(v);
        const varDef = w.variableDef.get(v);
        if (v.Kind !== ValueKind.Variable || !expected || !varDef || !w.currentOperation) return;
        const relaxed = { ...expected };
        const hasDefault = (varDef.DefaultValue && varDef.DefaultValue.Kind !== ValueKind.Null) || w.expectedTypeHasDefault.has(v);
        if (hasDefault && expected.NonNull) relaxed.NonNull = false;
        if (!isCompatible(varDef.Type, relaxed)) {
          w.report(`Variable "${valueText(v)}" of type "${typeString(varDef.Type)}" used in position expecting type "${typeString(expected)}".`, v.Position);
        }
      },
    },
  ];
}

function typesOverlap(w: Walker, a: Definition, b: Definition): boolean {
  const aTypes = possibleTypesOf(w.schema, a).map((d) => d.Name);
  return possibleTypesOf(w.schema, b).some((d) => aTypes.includes(d.Name));
}
