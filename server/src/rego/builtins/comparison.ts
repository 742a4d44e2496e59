// Comparison operators over OPA's total order of values.

import { compare } from '../value/compare';
import { equal } from '../value/key';
import type { RegoValue } from '../value/types';
import { def, T } from './support';
import type { Builtin } from './types';

const cmp = (name: string, op: string, test: (a: RegoValue, b: RegoValue) => boolean): Builtin =>
  def(name, 'comparison', [['x', T.any], ['y', T.any]], ['result', T.boolean], `\`x ${op} y\` by the standard ordering of values.`,
    // Indexed, not `([a, b])`: destructuring an array allocates an iterator in V8's baseline tier,
    // and comparisons are among the most frequent calls.
    (args) => test(args[0], args[1]));

export const comparisonBuiltins: Builtin[] = [
  cmp('equal', '==', (a, b) => equal(a, b)),
  cmp('neq', '!=', (a, b) => !equal(a, b)),
  cmp('lt', '<', (a, b) => compare(a, b) < 0),
  cmp('gt', '>', (a, b) => compare(a, b) > 0),
  cmp('lte', '<=', (a, b) => compare(a, b) <= 0),
  cmp('gte', '>=', (a, b) => compare(a, b) >= 0),
];
