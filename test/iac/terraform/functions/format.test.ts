// format and formatlist: Terraform's printf dialect (cty), compared with Go fmt's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/iac/terraform/values';
import { callFunction } from '../../../../server/src/iac/terraform/functions';
import { assertCallError, call, makeContext } from './context';

test('documentation examples', () => {
  assert.equal(call('format', 'Hello, %s!', 'Ander'), 'Hello, Ander!');
  assert.equal(call('format', 'There are %d lights', 4), 'There are 4 lights');
  assert.equal(call('format', '%-5s|%5s|', 'ab', 'cd'), 'ab   |   cd|');
});

test('%v picks a format by type; %#v is JSON', () => {
  assert.equal(call('format', '%v', 'text'), 'text');
  assert.equal(call('format', '%v', 1.5), '1.5');
  assert.equal(call('format', '%v', 100000), '100000');
  assert.equal(call('format', '%v', 1234567), '1.234567e+06'); // %g, as Terraform prints it
  assert.equal(call('format', '%v', true), 'true');
  assert.equal(call('format', '%v', null), 'null');
  assert.equal(call('format', '%v', ['a', 1]), '["a",1]');
  assert.equal(call('format', '%#v', 'a<b'), '"a\\u003cb"');
  assert.equal(call('format', '%#v', { b: 1, a: [true] }), '{"a":[true],"b":1}');
});

test('%t, %s and %q convert their argument', () => {
  assert.equal(call('format', '%t', true), 'true');
  assert.equal(call('format', '%t', 'false'), 'false');
  assert.equal(call('format', '%s', 12), '12');
  assert.equal(call('format', '%q', 'say "hi"'), '"say \\"hi\\""');
  assert.equal(call('format', '%.3s', 'abcdef'), 'abc');
  assert.equal(call('format', '%5.1s|', '☃☃☃'), '    ☃|');
  assertCallError('format', ['%t', 'yes'], /unsupported value for "%t"/);
  assertCallError('format', ['%s', ['a']], /unsupported value for "%s"/);
  assertCallError('format', ['%s', null], /null value cannot be formatted/);
});

test('integer verbs with flags, width and precision', () => {
  assert.equal(call('format', '%b|%o|%x|%X|%d', 5, 8, 255, 255, -7), '101|10|ff|FF|-7');
  assert.equal(call('format', '%+d|% d|%05d|%-4d|%4d|', 3, 3, -42, 7, 7), '+3| 3|-0042|7   |   7|');
  assert.equal(call('format', '%#x|%#o|%.4d', 255, 8, 7), '0xff|010|0007');
  assert.equal(call('format', '%d', '12'), '12');
  assertCallError('format', ['%d', 1.5], /an integer is required/);
  assertCallError('format', ['%d', 'abc'], /a number is required/);
});

test('float verbs round like Go (half to even on the decimal value)', () => {
  assert.equal(call('format', '%f', 3.14159), '3.141590');
  assert.equal(call('format', '%.2f', 3.14159), '3.14');
  assert.equal(call('format', '%8.3f|', -3.14159), '  -3.142|');
  assert.equal(call('format', '%e', 12345.678), '1.234568e+04');
  assert.equal(call('format', '%.2E', 0.000123), '1.23E-04');
  assert.equal(call('format', '%g|%g|%g', 0.00001234, 123456, 1e21), '1.234e-05|123456|1e+21');
  assert.equal(call('format', '%.3g', 1234.5678), '1.23e+03');
  assert.equal(call('format', '%G', 1e-7), '1E-07');
  assert.equal(call('format', '%.0f|%.0f|%.1f', 2.5, 3.5, 0.25), '2|4|0.2');
  assert.equal(call('format', '%+.1f|%06.2f', 2, -1.5), '+2.0|-01.50');
});

test('%% and explicit argument indexes', () => {
  assert.equal(call('format', '100%%'), '100%');
  assert.equal(call('format', '%[2]s %[1]s', 'a', 'b'), 'b a');
  assert.equal(call('format', '%[2]s %s', 'a', 'b', 'c'), 'b c'); // continues from n+1
  assertCallError('format', ['%[2]s %s', 'a', 'b'], /not enough arguments for "%s"/);
  assertCallError('format', ['%s %s', 'a'], /not enough arguments/);
  assertCallError('format', ['no verbs', 'a'], /too many arguments; no verbs in format string/);
  assertCallError('format', ['%s', 'a', 'b'], /too many arguments; only 1 used by format string/);
});

test('malformed format strings are errors, not crashes', () => {
  assertCallError('format', ['%z', 1], /unsupported format verb 'z'/);
  assertCallError('format', ['abc %', 1], /invalid format string/);
  assertCallError('format', ['%!', 1], /unrecognized format character/);
  assertCallError('format', ['%[x]s', 1], /unrecognized format character/);
  assertCallError('format', ['%💃 x', 1], /unrecognized format character '💃' at offset 1/);
});

test('formatlist iterates lists in step and repeats single values', () => {
  assert.deepEqual(call('formatlist', 'Hello, %s!', ['Valentina', 'Ander', 'Olivia', 'Sam']), [
    'Hello, Valentina!',
    'Hello, Ander!',
    'Hello, Olivia!',
    'Hello, Sam!',
  ]);
  assert.deepEqual(call('formatlist', '%s, %s!', 'Salutations', ['Valentina', 'Ander']), ['Salutations, Valentina!', 'Salutations, Ander!']);
  assert.deepEqual(call('formatlist', '%s=%s', ['a', 'b'], ['1', '2']), ['a=1', 'b=2']);
  assert.deepEqual(call('formatlist', 'x%s', []), []);
  assert.deepEqual(call('formatlist', 'only'), ['only']);
  assertCallError('formatlist', ['%s%s', ['a'], ['b', 'c']], /inconsistent with argument 2/);
});

test('formatlist keeps known rows when one element is unknown', () => {
  const unknown = new Unknown('var.name', ['var.name']);
  const out = callFunction('formatlist', ['Hi %s', ['a', unknown]], makeContext());
  assert.ok(Array.isArray(out));
  assert.equal(out[0], 'Hi a');
  assert.ok(out[1] instanceof Unknown);
  const whole = callFunction('format', ['%s', unknown], makeContext());
  assert.ok(whole instanceof Unknown);
});

test('oversized widths are refused, not built', () => {
  assertCallError('format', ['%999999999d', 1], /too large/);
});
