// OverlappingFieldsCanBeMerged (GraphQL spec §5.3.2): fields answered under one response name must be
// the same field with the same arguments (unless their parents are different object types) and must
// return shapes that can be merged, recursively through sub-selections.

import type { Definition, Field, FieldDefinition, GqlType, Selection } from './ast';
import { isField, isInlineFragment, typeName, typeString, valueText } from './ast';
import type { Observers, Walker } from './walk';

interface FieldEntry {
  parent: Definition | null;
  field: Field;
  def: FieldDefinition | null;
}

/** Fields by response name, looking through inline fragments and fragment spreads. */
function collect(w: Walker, parent: Definition | null, selections: Selection[] | null, out = new Map<string, FieldEntry[]>(), seen = new Set<string>()): Map<string, FieldEntry[]> {
  for (const s of selections ?? []) {
    if (isField(s)) {
      const def = s.Name === '__typename' ? null : (parent?.Fields?.find((f) => f.Name === s.Name) ?? null);
      const key = s.Alias !== '' ? s.Alias : s.Name;
      const list = out.get(key) ?? [];
      list.push({ parent, field: s, def });
      out.set(key, list);
    } else if (isInlineFragment(s)) {
      const t = s.TypeCondition !== '' ? (w.schema.types.get(s.TypeCondition) ?? null) : parent;
      collect(w, t, s.SelectionSet, out, seen);
    } else if (!seen.has(s.Name)) {
      seen.add(s.Name);
      const frag = w.fragmentNamed(s.Name);
      if (frag) collect(w, w.schema.types.get(frag.TypeCondition) ?? null, frag.SelectionSet, out, seen);
    }
  }
  return out;
}

function typesConflict(w: Walker, a: GqlType | null, b: GqlType | null): boolean {
  if (!a || !b) return false;
  if (a.Elem) return b.Elem ? typesConflict(w, a.Elem, b.Elem) : true;
  if (b.Elem) return true;
  if (a.NonNull !== b.NonNull) return true;
  const ta = w.schema.types.get(a.NamedType);
  const tb = w.schema.types.get(b.NamedType);
  const leaf = (t: Definition | undefined): boolean => t?.Kind === 'SCALAR' || t?.Kind === 'ENUM';
  return leaf(ta) && leaf(tb) && ta!.Name !== tb!.Name;
}

function sameArguments(a: Field, b: Field): boolean {
  const argsA = a.Arguments ?? [];
  const argsB = b.Arguments ?? [];
  if (argsA.length !== argsB.length) return false;
  return argsA.every((arg) => {
    const other = argsB.find((o) => o.Name === arg.Name);
    return other !== undefined && valueText(other.Value) === valueText(arg.Value);
  });
}

/** Why two same-named fields cannot be merged, or undefined when they can. */
function conflictReason(w: Walker, a: FieldEntry, b: FieldEntry, parentsExclusive: boolean): string | undefined {
  const exclusive = parentsExclusive || (a.parent !== b.parent && a.parent?.Kind === 'OBJECT' && b.parent?.Kind === 'OBJECT');
  if (!exclusive) {
    if (a.field.Name !== b.field.Name) return `"${a.field.Name}" and "${b.field.Name}" are different fields`;
    if (!sameArguments(a.field, b.field)) return 'they have differing arguments';
  }
  const typeA = a.def?.Type ?? null;
  const typeB = b.def?.Type ?? null;
  if (typesConflict(w, typeA, typeB)) return `they return conflicting types "${typeString(typeA)}" and "${typeString(typeB)}"`;
  if (a.field.SelectionSet && b.field.SelectionSet) {
    const subA = collect(w, w.schema.types.get(typeName(typeA)) ?? null, a.field.SelectionSet);
    const subB = collect(w, w.schema.types.get(typeName(typeB)) ?? null, b.field.SelectionSet);
    const reasons: string[] = [];
    for (const [name, entriesA] of subA) {
      for (const ea of entriesA) {
        for (const eb of subB.get(name) ?? []) {
          const reason = conflictReason(w, ea, eb, exclusive);
          if (reason) reasons.push(`subfields "${name}" conflict because ${reason}`);
        }
      }
    }
    if (reasons.length) return reasons.join(' and ');
  }
  return undefined;
}

function check(w: Walker, parent: Definition | null, selections: Selection[] | null): void {
  for (const [name, entries] of collect(w, parent, selections)) {
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const reason = conflictReason(w, entries[i], entries[j], false);
        if (reason) {
          w.report(
            `Fields "${name}" conflict because ${reason}. Use different aliases on the fields to fetch both if this was intentional.`,
            entries[j].field.Position,
          );
        }
      }
    }
  }
}

export function overlappingFieldsCanBeMerged(): Observers {
  return {
    operation(w, op) {
      const root = op.Operation === 'mutation' ? w.schema.mutation : op.Operation === 'subscription' ? w.schema.subscription : w.schema.query;
      check(w, root ?? null, op.SelectionSet);
    },
    field(w, field) {
      const def = w.fieldDef.get(field);
      check(w, def ? (w.schema.types.get(typeName(def.Type)) ?? null) : null, field.SelectionSet);
    },
    inlineFragment(w, fragment) {
      const t = fragment.TypeCondition !== '' ? (w.schema.types.get(fragment.TypeCondition) ?? null) : (w.parentDef.get(fragment) ?? null);
      check(w, t, fragment.SelectionSet);
    },
    fragment(w, fragment) {
      check(w, w.fragmentType.get(fragment) ?? null, fragment.SelectionSet);
    },
  };
}
