// Shared helpers for builtin implementations: the type language, OPA's operand error messages, and
// argument coercions. Error messages here are OPA's, word for word (`operand 1 must be …`).

import { BigFloat, intNumber } from '../value/number';
import { isArray, isObject, isSet, ObjectValue, SetValue } from '../value/collections';
import type { RegoNumber, RegoObject, RegoSet, RegoValue } from '../value/types';
import type { Builtin, BuiltinType } from './types';
import { BuiltinError } from './types';

export const T = {
  any: { kind: 'any' } as BuiltinType,
  null: { kind: 'null' } as BuiltinType,
  boolean: { kind: 'boolean' } as BuiltinType,
  number: { kind: 'number' } as BuiltinType,
  string: { kind: 'string' } as BuiltinType,
  array: (of?: BuiltinType): BuiltinType => ({ kind: 'array', of }),
  set: (of?: BuiltinType): BuiltinType => ({ kind: 'set', of }),
  object: (key?: BuiltinType, value?: BuiltinType): BuiltinType => ({ kind: 'object', key, value }),
  union: (...of: BuiltinType[]): BuiltinType => ({ kind: 'union', of }),
};

/** Short form for defining a builtin: positional args as [name, type] pairs. */
export function def(
  name: string,
  category: string,
  args: [string, BuiltinType][],
  result: [string, BuiltinType],
  description: string,
  impl: Builtin['impl'],
  extra: Partial<Builtin> = {},
): Builtin {
  return {
    name,
    category,
    args: args.map(([n, type]) => ({ name: n, type })),
    result: { name: result[0], type: result[1] },
    description,
    impl,
    ...extra,
  };
}

/** OPA's value type names (ast.ValueName / TypeName). */
export function typeName(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return (v as RegoNumber | RegoObject | RegoSet).kind;
}

export function typeError(message: string): BuiltinError {
  return new BuiltinError('eval_type_error', message);
}

export function builtinError(message: string): BuiltinError {
  return new BuiltinError('eval_builtin_error', message);
}

/** builtins.NewOperandTypeErr: `operand N must be X but got Y` / `must be one of {X, Y}`. */
export function operandError(pos: number, got: RegoValue, ...expected: string[]): BuiltinError {
  const want = expected.length === 1 ? expected[0] : `one of {${expected.join(', ')}}`;
  return typeError(`operand ${pos} must be ${want} but got ${typeName(got)}`);
}

export function isNumber(v: RegoValue | undefined): v is RegoNumber {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as RegoNumber).kind === 'number';
}

export function str(v: RegoValue, pos: number): string {
  if (typeof v !== 'string') throw operandError(pos, v, 'string');
  return v;
}

export function num(v: RegoValue, pos: number): RegoNumber {
  if (!isNumber(v)) throw operandError(pos, v, 'number');
  return v;
}

export function bool(v: RegoValue, pos: number): boolean {
  if (typeof v !== 'boolean') throw operandError(pos, v, 'boolean');
  return v;
}

export function arr(v: RegoValue, pos: number): readonly RegoValue[] {
  if (!isArray(v)) throw operandError(pos, v, 'array');
  return v;
}

export function obj(v: RegoValue, pos: number): RegoObject {
  if (!isObject(v)) throw operandError(pos, v, 'object');
  return v;
}

export function set(v: RegoValue, pos: number): RegoSet {
  if (!isSet(v)) throw operandError(pos, v, 'set');
  return v;
}

/** builtins.IntOperand: an integer that fits a Go int. */
export function int(v: RegoValue, pos: number): number {
  const n = num(v, pos);
  if (n.int === undefined) throw operandError(pos, v, 'integer');
  return Number(n.int);
}

/** An integer number or OPA's "must be integer number but got floating-point number". */
export function bigInt(v: RegoValue, pos: number): bigint {
  const n = num(v, pos);
  if (n.int === undefined) throw typeError(`operand ${pos} must be integer number but got floating-point number`);
  return n.int;
}

/** Elements of an array or set. */
export function collection(v: RegoValue, pos: number, ...expected: string[]): RegoValue[] {
  if (isArray(v)) return [...v];
  if (isSet(v)) return [...v.values()];
  throw operandError(pos, v, ...(expected.length ? expected : ['array', 'set']));
}

/** Strings from a set or array of strings (builtins.StringSliceOperand-style). */
export function stringsOf(v: RegoValue, pos: number): string[] {
  const items = collection(v, pos);
  return items.map((x) => {
    if (typeof x !== 'string') throw operandError(pos, x, 'string');
    return x;
  });
}

export const n = (i: bigint | number): RegoNumber => intNumber(i);
export const f = (x: RegoNumber): BigFloat => BigFloat.fromNumber(x);
export const newSet = (values?: Iterable<RegoValue>) => new SetValue(values);
export const newObject = (entries?: Iterable<readonly [RegoValue, RegoValue]>) => new ObjectValue(entries);

/** UTF-8 bytes of a JS string (Go strings are bytes). */
export function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

/** Decodes bytes as Go would treat them as a string (invalid sequences become U+FFFD). */
export function fromUtf8(b: Uint8Array): string {
  return Buffer.from(b).toString('utf8');
}

/** builtins.NewOperandElementErr: `operand 1 must be array of numbers but got array containing string`. */
export function elementError(pos: number, composite: RegoValue, got: RegoValue, ...expected: string[]): BuiltinError {
  const kind = typeName(composite);
  const want = expected.length === 1 ? `${expected[0]}s` : `one of {${expected.join(', ')}}`;
  return typeError(`operand ${pos} must be ${kind} of ${want} but got ${kind} containing ${typeName(got)}`);
}
