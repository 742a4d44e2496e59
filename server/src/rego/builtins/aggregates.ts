// Aggregates: count, sum, product, max, min, sort, any, all.

import { compare, sortValues } from '../value/compare';
import { BigFloat } from '../value/number';
import type { RegoValue } from '../value/types';
import { collection, def, elementError, isNumber, n, operandError, T } from './support';
import type { Builtin } from './types';

const collectionOfNumbers = T.union(T.set(T.number), T.array(T.number));

function numbersOf(v: RegoValue): BigFloat[] {
  return collection(v, 1, 'set', 'array').map((x) => {
    if (!isNumber(x)) throw elementError(1, v, x, 'number');
    return BigFloat.fromNumber(x);
  });
}

export const aggregateBuiltins: Builtin[] = [
  def('count', 'aggregates', [['collection', T.union(T.string, T.array(), T.object(), T.set())]], ['n', T.number],
    'Counts the elements of an array, set or object, or the characters (code points) of a string.',
    ([c]) => {
      if (typeof c === 'string') return n([...c].length);
      if (Array.isArray(c)) return n(c.length);
      if (c !== null && typeof c === 'object' && 'size' in c) return n((c as { size: number }).size);
      throw operandError(1, c, 'array', 'object', 'set', 'string');
    }),
  def('sum', 'aggregates', [['collection', collectionOfNumbers]], ['n', T.number],
    'Sums the numbers of an array or set.',
    ([c]) => numbersOf(c).reduce((acc, x) => acc.add(x), BigFloat.zero).toRegoNumber()),
  def('product', 'aggregates', [['collection', collectionOfNumbers]], ['n', T.number],
    'Multiplies the numbers of an array or set.',
    ([c]) => numbersOf(c).reduce((acc, x) => acc.mul(x), BigFloat.fromBigInt(1n)).toRegoNumber()),
  def('max', 'aggregates', [['collection', T.union(T.set(), T.array())]], ['n', T.any],
    'The largest element of an array or set (by the standard ordering); undefined when empty.',
    ([c]) => {
      const items = collection(c, 1, 'set', 'array');
      if (items.length === 0) return undefined;
      return items.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
    }),
  def('min', 'aggregates', [['collection', T.union(T.set(), T.array())]], ['n', T.any],
    'The smallest element of an array or set (by the standard ordering); undefined when empty.',
    ([c]) => {
      const items = collection(c, 1, 'set', 'array');
      if (items.length === 0) return undefined;
      return items.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    }),
  def('sort', 'aggregates', [['collection', T.union(T.array(), T.set())]], ['n', T.array()],
    'Returns the elements of an array or set as a sorted array.',
    ([c]) => sortValues(collection(c, 1, 'array', 'set'))),
  def('any', 'aggregates', [['collection', T.union(T.set(), T.array())]], ['b', T.boolean],
    'Deprecated (Rego v0): true if any element of the collection is true.',
    ([c]) => collection(c, 1, 'set', 'array').some((x) => x === true), { deprecated: true }),
  def('all', 'aggregates', [['collection', T.union(T.set(), T.array())]], ['b', T.boolean],
    'Deprecated (Rego v0): true if every element of the collection is true.',
    ([c]) => collection(c, 1, 'set', 'array').every((x) => x === true), { deprecated: true }),
];
