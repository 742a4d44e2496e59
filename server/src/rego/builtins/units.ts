// units.parse and units.parse_bytes: SI (k, M, G…) and binary (Ki, Mi, Gi…) suffixes, computed exactly
// in decimal.

import { decimalOf, type Decimal, intNumber, parseNumber } from '../value/number';
import type { RegoNumber } from '../value/types';
import { builtinError, def, str, T } from './support';
import type { Builtin } from './types';

const NUMBER_PREFIX = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;

interface Split {
  amount: string;
  unit: string;
}

function split(input: string): Split {
  let s = input;
  if (s.includes(' ')) throw builtinError('spaces not allowed in resource strings');
  s = s.replace(/^"+|"+$/g, '');
  const m = NUMBER_PREFIX.exec(s);
  if (!m) {
    if (/^[0-9.]/.test(s)) throw builtinError('could not parse byte amount to a number');
    throw builtinError('no byte amount provided');
  }
  return { amount: m[0], unit: s.slice(m[0].length) };
}

/** (power of 10, power of 2) multipliers for a unit. */
function multiplier(unit: string, caseSensitiveMilli: boolean): { pow10: number; pow2: number } | undefined {
  if (unit === '') return { pow10: 0, pow2: 0 };
  if (caseSensitiveMilli && unit === 'm') return { pow10: -3, pow2: 0 };
  const u = unit.toLowerCase();
  const order = 'kmgtpe';
  const idx = order.indexOf(u[0]);
  if (idx < 0) return undefined;
  const rest = u.slice(1);
  if (rest === '' || rest === 'b') return { pow10: 3 * (idx + 1), pow2: 0 };
  if (rest === 'i' || rest === 'ib') return { pow10: 0, pow2: 10 * (idx + 1) };
  return undefined;
}

function decimalNumber(d: Decimal): RegoNumber {
  if (d.exp10 >= 0) return intNumber(d.coef * 10n ** BigInt(d.exp10));
  const neg = d.coef < 0n;
  const digits = (neg ? -d.coef : d.coef).toString().padStart(-d.exp10 + 1, '0');
  const point = digits.length + d.exp10;
  let text = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/0+$/, '').replace(/\.$/, '');
  if (neg && text !== '0') text = '-' + text;
  return parseNumber(text)!;
}

function scaled(input: string, caseSensitiveMilli: boolean, bytesSuffixes: boolean): Decimal {
  const { amount, unit } = split(input);
  if (/\.[0-9]*\./.test(input)) throw builtinError('could not parse byte amount to a number');
  const m = multiplier(unit, caseSensitiveMilli);
  if (!m || (!bytesSuffixes && /b$/i.test(unit))) throw builtinError(`unit not recognized`);
  const d = decimalOf(amount.replace(/^\+/, ''));
  return { coef: d.coef * 2n ** BigInt(m.pow2), exp10: d.exp10 + m.pow10 };
}

export const unitBuiltins: Builtin[] = [
  def('units.parse', 'units', [['x', T.string]], ['y', T.number],
    'Parses an amount with an SI (m, k, M, G, T, P, E) or binary (Ki, Mi, Gi, …) suffix into a number.',
    ([x]) => decimalNumber(scaled(str(x, 1), true, false))),
  def('units.parse_bytes', 'units', [['x', T.string]], ['y', T.number],
    'Parses a byte amount ("10KB", "5MiB", "1e3kb") into an integer number of bytes.',
    ([x]) => {
      const d = scaled(str(x, 1), false, true);
      const whole = d.exp10 >= 0 ? d.coef * 10n ** BigInt(d.exp10) : d.coef / 10n ** BigInt(-d.exp10);
      return intNumber(whole);
    }),
];
