// array.* builtins.

import { isArray } from '../value/collections';
import type { RegoValue } from '../value/types';
import { arr, def, int, T } from './support';
import type { Builtin } from './types';

/** One level of flattening, as OPA's array.flatten. */
function flatten(v: readonly RegoValue[]): RegoValue[] {
  const out: RegoValue[] = [];
  for (const x of v) {
    if (isArray(x)) out.push(...x);
    else out.push(x);
  }
  return out;
}

export const arrayBuiltins: Builtin[] = [
  def('array.concat', 'arrays', [['x', T.array()], ['y', T.array()]], ['z', T.array()], 'Concatenates two arrays.',
    ([a, b]) => [...arr(a, 1), ...arr(b, 2)]),
  def('array.slice', 'arrays', [['arr', T.array()], ['start', T.number], ['stop', T.number]], ['slice', T.array()],
    'The elements from index `start` up to (not including) `stop`; indexes are clamped to the array bounds.',
    ([a, s, e]) => {
      const items = arr(a, 1);
      let start = int(s, 2);
      let stop = int(e, 3);
      if (start < 0) start = 0;
      if (stop > items.length) stop = items.length;
      if (start >= stop) return [];
      return items.slice(start, stop);
    }),
  def('array.reverse', 'arrays', [['arr', T.array()]], ['rev', T.array()], 'The array in reverse order.',
    ([a]) => [...arr(a, 1)].reverse()),
  def('array.flatten', 'arrays', [['arr', T.array()]], ['flat', T.array()], 'Flattens one level of nested arrays: [[1], [2, [3]]] gives [1, 2, [3]].',
    ([a]) => flatten(arr(a, 1))),
];
