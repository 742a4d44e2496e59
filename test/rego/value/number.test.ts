import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as N from '../../../server/src/rego/value/number';
import type { RegoNumber } from '../../../server/src/rego/value/types';

const num = (s: string): RegoNumber => {
  const n = N.parseNumber(s);
  assert.ok(n, `parse ${s}`);
  return n;
};
const text = (r: RegoNumber | string): string => (typeof r === 'string' ? r : r.text);

test('parsing keeps the written text and exact integers', () => {
  assert.equal(num('18446744073709551614').int, 18446744073709551614n);
  assert.equal(num('-9223372036854775808').int, -9223372036854775808n);
  assert.equal(num('1.0').text, '1.0');
  assert.equal(num('1.0').int, 1n);
  assert.equal(num('1e400').text, '1e400');
  assert.equal(num('1.5').int, undefined);
  assert.equal(N.parseNumber('01'), undefined);
  assert.equal(N.parseNumber('1.'), undefined);
  assert.equal(N.parseNumber('+1'), undefined);
  assert.ok(N.parseLooseNumber('+1.'));
});

test('small integers use exact arithmetic, others big.Float with a 64-bit mantissa', () => {
  assert.equal(text(N.add(num('1'), num('2'))), '3');
  assert.equal(text(N.multiply(num('-7'), num('6'))), '-42');
  // Within 64 bits the float path is still exact.
  assert.equal(text(N.add(num('18446744073709551614'), num('1'))), '18446744073709551615');
  assert.equal(text(N.multiply(num('9223372036854775807'), num('2'))), '18446744073709551614');
  // Integral float results print as integers (OPA's FloatToNumber uses 'f' for integers).
  assert.equal(text(N.multiply(num('1e6'), num('2'))), '2000000');
  assert.equal(text(N.add(num('1234500000'), num('67890'))), '1234567890');
  assert.equal(text(N.divide(num('1e109'), num('1e100'))), '1000000000');
  assert.equal(text(N.subtract(num('3.5'), num('1.25'))), '2.25');
  assert.equal(text(N.add(num('0.1'), num('0.2'))), '0.3');
});

test('division prints like Go big.Float Text(g, -1)', () => {
  assert.equal(text(N.divide(num('1'), num('3'))), '0.33333333333333333334');
  assert.equal(text(N.divide(num('6'), num('3'))), '2');
  assert.equal(text(N.divide(num('1'), num('4'))), '0.25');
  assert.equal(text(N.divide(num('1'), num('0'))), 'divide by zero');
  assert.equal(text(N.divide(num('1'), num('0.0'))), 'divide by zero');
  // Exponent form for non-integers with exponent < -4 or >= 6.
  assert.equal(text(N.divide(num('1'), num('100000'))), '1e-05');
  assert.equal(text(N.multiply(num('1234567.5'), num('1'))), '1.2345675e+06');
});

test('remainder follows Go big.Int Rem and refuses floats', () => {
  assert.equal(text(N.remainder(num('7'), num('3'))), '1');
  assert.equal(text(N.remainder(num('-7'), num('3'))), '-1');
  assert.equal(text(N.remainder(num('1.1'), num('1'))), 'modulo on floating-point number');
  assert.equal(text(N.remainder(num('1'), num('0'))), 'modulo by zero');
});

test('rounding helpers', () => {
  assert.equal(text(N.round(num('2.5'))), '3');
  assert.equal(text(N.round(num('-2.5'))), '-3');
  assert.equal(text(N.round(num('2.4'))), '2');
  assert.equal(text(N.ceil(num('1.01'))), '2');
  assert.equal(text(N.ceil(num('-1.5'))), '-1');
  assert.equal(text(N.floor(num('-1.5'))), '-2');
  assert.equal(text(N.floor(num('1.5'))), '1');
  assert.equal(text(N.abs(num('-18446744073709551614'))), '18446744073709551614');
});

test('comparison is exact across integer and decimal text', () => {
  assert.equal(N.compareNumbers(num('1'), num('1.0')), 0);
  assert.equal(N.compareNumbers(num('1e3'), num('1000')), 0);
  assert.equal(N.compareNumbers(num('0.1'), num('0.10000000000000000001')), -1);
  assert.equal(N.compareNumbers(num('-2'), num('1e-400')), -1);
  assert.equal(N.compareNumbers(num('18446744073709551615'), num('18446744073709551614')), 1);
  assert.equal(N.numberKey(num('1.50')), N.numberKey(num('1.5')));
  assert.equal(N.numberKey(num('100')), N.numberKey(num('1e2')));
});

test('floatNumber prints as strconv.FormatFloat(f, g, -1, 64)', () => {
  assert.equal(N.floatNumber(1e6)!.text, '1e+06');
  assert.equal(N.floatNumber(123456)!.text, '123456');
  assert.equal(N.floatNumber(0.0001)!.text, '0.0001');
  assert.equal(N.floatNumber(0.00001)!.text, '1e-05');
  assert.equal(N.floatNumber(Number.NaN), undefined);
});
