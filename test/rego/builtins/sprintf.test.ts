import { test } from 'node:test';
import { expectCall } from './helpers';

const sprintf = (format: string, args: string, expected: string) => expectCall('sprintf', [JSON.stringify(format), args], JSON.stringify(expected));

test('%v prints Rego terms; strings and numbers print plainly', () => {
  sprintf('hi %v', '[["there", 5, 3.14]]', 'hi ["there", 5, 3.14]');
  sprintf('%v|%v|%v', '[{"b", "a"}, {"z": 1, "a": set()}, null]', '{"a", "b"}|{"a": set(), "z": 1}|null');
  sprintf('%s %v', '["x", 1.5]', 'x 1.5');
  sprintf('%v', '[1e6]', '1e+06');
  sprintf('%d', '[18446744073709551616]', '18446744073709551616');
});

test('integer verbs with flags, width and precision', () => {
  sprintf('%02X.%02X', '[127, 1]', '7F.01');
  sprintf('%05d|%-4d|%+d|% d', '[-42, 7, 7, 7]', '-0042|7   |+7| 7');
  sprintf('%x %o %b %#x %#o %c %U', '[255, 8, 5, 255, 8, 65, 9731]', 'ff 10 101 0xff 010 A U+2603');
  sprintf('%.3d', '[7]', '007');
});

test('float verbs round half to even on exact ties like Go', () => {
  sprintf('%.2f', '[3.1415]', '3.14');
  sprintf('%.0f %.0f %.1f', '[0.5, 2.5, 0.05]', '0 2 0.1');
  sprintf('%e %E', '[123456.789, 0.000123]', '1.234568e+05 1.230000E-04');
  sprintf('%g %g %.3g %G', '[100000.0, 1e6, 3.14159, 1e-7]', '100000 1e+06 3.14 1E-07');
  // Integers are Go ints: float verbs do not apply.
  sprintf('%g', '[100000]', '%!g(int=100000)');
  sprintf('%8.3f|%-8.2f|', '[2.5, 2.5]', '   2.500|2.50    |');
});

test('string verbs', () => {
  sprintf('%q %x %X % x', '["a\\"b", "hi", "hi", "hi"]', '"a\\"b" 6869 6869 68 69');
  sprintf('%5s|%-5s|%.2s', '["ab", "ab", "abc"]', '   ab|ab   |ab');
});

test('bad verbs, missing and extra operands print Go diagnostics', () => {
  sprintf('%d', '["x"]', '%!d(string=x)');
  sprintf('%t', '[true]', '%!t(string=true)');
  sprintf('%f', '[1]', '%!f(int=1)');
  sprintf('%d %d', '[1]', '1 %!d(MISSING)');
  sprintf('%d', '[1, "a"]', '1%!(EXTRA string=a)');
  sprintf('100%%', '[]', '100%');
  sprintf('%', '[]', '%!(NOVERB)');
});
