// Bitwise operations on arbitrary-size integers (Go big.Int semantics: two's complement for negatives).

import { builtinError, typeError } from './support';
import { bigInt, def, n, T } from './support';
import type { Builtin } from './types';

const two = (name: string, description: string, op: (a: bigint, b: bigint) => bigint): Builtin =>
  def(name, 'bits', [['x', T.number], ['y', T.number]], ['z', T.number], description, ([a, b]) => n(op(bigInt(a, 1), bigInt(b, 2))));

/** Shifts beyond this many bits are refused rather than allocating unbounded memory (OPA would try). */
const MAX_SHIFT = 1n << 16n;

function shiftAmount(v: bigint): bigint {
  if (v < 0n) throw typeError('operand 2 must be an unsigned integer number but got a negative integer');
  if (v > MAX_SHIFT) throw builtinError('shift amount too large');
  return v;
}

export const bitsBuiltins: Builtin[] = [
  two('bits.and', 'Bitwise AND of two integers.', (a, b) => a & b),
  two('bits.or', 'Bitwise OR of two integers.', (a, b) => a | b),
  two('bits.xor', 'Bitwise XOR of two integers.', (a, b) => a ^ b),
  def('bits.negate', 'bits', [['x', T.number]], ['z', T.number], 'Bitwise negation (two\'s complement) of an integer.',
    ([a]) => n(~bigInt(a, 1))),
  two('bits.lsh', 'Shifts x left by s bits.', (a, b) => a << shiftAmount(b)),
  two('bits.rsh', 'Shifts x right by s bits (arithmetic shift).', (a, b) => a >> shiftAmount(b)),
];
