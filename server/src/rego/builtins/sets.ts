// Set operators (`&`, `|`) and intersection/union over sets of sets.

import { isSet, SetValue } from '../value/collections';
import type { RegoSet, RegoValue } from '../value/types';
import { def, operandError, set, T } from './support';
import type { Builtin } from './types';

function intersect(sets: RegoSet[]): SetValue {
  if (sets.length === 0) return new SetValue();
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new SetValue([...first.values()].filter((x) => rest.every((s) => s.has(x))));
}

function unite(sets: RegoSet[]): SetValue {
  const out = new SetValue();
  for (const s of sets) for (const x of s.values()) out.add(x);
  return out;
}

function setOfSets(v: RegoValue): RegoSet[] {
  const outer = set(v, 1);
  return [...outer.values()].map((x) => {
    if (!isSet(x)) throw operandError(1, v, 'set of sets');
    return x;
  });
}

export const setBuiltins: Builtin[] = [
  def('and', 'sets', [['x', T.set()], ['y', T.set()]], ['z', T.set()], 'The intersection of two sets (`x & y`).',
    ([a, b]) => intersect([set(a, 1), set(b, 2)])),
  def('or', 'sets', [['x', T.set()], ['y', T.set()]], ['z', T.set()], 'The union of two sets (`x | y`).',
    ([a, b]) => unite([set(a, 1), set(b, 2)])),
  def('intersection', 'sets', [['xs', T.set(T.set())]], ['y', T.set()], 'The intersection of a set of sets.',
    ([a]) => intersect(setOfSets(a))),
  def('union', 'sets', [['xs', T.set(T.set())]], ['y', T.set()], 'The union of a set of sets.',
    ([a]) => unite(setOfSets(a))),
];
