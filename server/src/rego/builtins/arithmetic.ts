// Arithmetic operators and rounding, with OPA's number semantics (see value/number.ts).

import { isSet, SetValue } from '../value/collections';
import * as N from '../value/number';
import type { RegoNumber, RegoValue } from '../value/types';
import { builtinError, def, isNumber, num, operandError, T } from './support';
import type { Builtin } from './types';

const numOp = (name: string, description: string, op: (a: RegoNumber, b: RegoNumber) => RegoValue): Builtin =>
  def(name, 'numbers', [['x', T.number], ['y', T.number]], ['z', T.number], description, ([a, b]) => op(num(a, 1), num(b, 2)));

const unary = (name: string, description: string, op: (a: RegoNumber) => RegoValue): Builtin =>
  def(name, 'numbers', [['x', T.number]], ['y', T.number], description, ([a]) => op(num(a, 1)));

export const arithmeticBuiltins: Builtin[] = [
  numOp('plus', 'Adds two numbers (`x + y`).', N.add),
  numOp('mul', 'Multiplies two numbers (`x * y`).', N.multiply),
  numOp('div', 'Divides two numbers (`x / y`); dividing by zero is an error.', (a, b) => {
    const r = N.divide(a, b);
    if (typeof r === 'string') throw builtinError(r);
    return r;
  }),
  def('minus', 'numbers', [['x', T.union(T.number, T.set())], ['y', T.union(T.number, T.set())]], ['z', T.union(T.number, T.set())],
    'Subtracts numbers (`x - y`), or takes the difference of two sets.',
    ([a, b]) => {
      if (isNumber(a) && isNumber(b)) return N.subtract(a, b);
      if (isSet(a) && isSet(b)) return new SetValue([...a.values()].filter((x) => !b.has(x)));
      if (!isNumber(a) && !isSet(a)) throw operandError(1, a, 'number', 'set');
      if (isNumber(a)) throw operandError(2, b, 'number');
      throw operandError(2, b, 'set');
    }),
  def('rem', 'numbers', [['x', T.number], ['y', T.number]], ['z', T.number],
    'The remainder of integer division (`x % y`), with the sign of x.',
    ([a, b]) => {
      if (!isNumber(a)) throw operandError(1, a, 'number');
      if (!isNumber(b)) throw operandError(2, b, 'number');
      const r = N.remainder(a, b);
      if (typeof r === 'string') throw builtinError(r);
      return r;
    }),
  unary('abs', 'The absolute value of x.', N.abs),
  unary('round', 'Rounds x to the nearest integer, halves away from zero.', N.round),
  unary('ceil', 'Rounds x up to the nearest integer.', N.ceil),
  unary('floor', 'Rounds x down to the nearest integer.', N.floor),
];
