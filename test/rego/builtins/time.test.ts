import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getBuiltin } from '../../../server/src/rego/builtins';
import { intNumber } from '../../../server/src/rego/value/number';
import { toRegoText } from '../../../server/src/rego/value/format';
import { context, expectCall, expectError } from './helpers';

test('parse_rfc3339_ns and parse_ns with Go layouts', () => {
  expectCall('time.parse_rfc3339_ns', ['"2017-06-02T19:00:00-07:00"'], '1496455200000000000');
  expectCall('time.parse_rfc3339_ns', ['"1970-01-01T00:00:00.5Z"'], '500000000');
  expectCall('time.parse_ns', ['"2006-01-02"', '"2020-02-02"'], '1580601600000000000');
  expectCall('time.parse_ns', ['"01/02 03:04:05PM \'06 -0700"', '"06/02 07:00:00PM \'17 -0700"'], '1496455200000000000');
  expectCall('time.parse_ns', ['"02 Jan 06 15:04 -0700"', '"02 Jun 17 19:00 -0700"'], '1496455200000000000');
  expectCall('time.parse_ns', ['"RFC822Z"', '"02 Jun 17 19:00 -0700"'], '1496455200000000000');
  expectCall('time.parse_ns', ['"Mon Jan _2 15:04:05 2006"', '"Fri Jun  2 19:00:00 2017"'], '1496430000000000000');
});

test('the int64 nanosecond range is enforced exactly', () => {
  expectCall('time.parse_ns', ['"2006-01-02T15:04:05Z07:00"', '"1677-09-21T00:12:43.145224192-00:00"'], '-9223372036854775808');
  expectCall('time.parse_ns', ['"2006-01-02T15:04:05Z07:00"', '"2262-04-11T23:47:16.854775807-00:00"'], '9223372036854775807');
  expectError('time.parse_ns', ['"2006-01-02T15:04:05Z07:00"', '"1677-09-21T00:12:43.145224191-00:00"'], 'time.parse_ns: time outside of valid range', 'eval_builtin_error');
  expectError('time.date', ['1582977600000000000000'], 'time.date: timestamp too big', 'eval_builtin_error');
  expectError('time.add_date', ['-9223372036854775808', '0', '0', '-1'], 'time.add_date: time outside of valid range', 'eval_builtin_error');
});

test('format with default layout, zones and named layouts', () => {
  const ns = '1670006453141828752';
  expectCall('time.format', [ns], '"2022-12-02T18:40:53.141828752Z"');
  expectCall('time.format', [`[${ns}, "Asia/Kolkata", "RFC1123Z"]`], '"Sat, 03 Dec 2022 00:10:53 +0530"');
  expectCall('time.format', [`[${ns}, "Asia/Kolkata", "Mon Jan 02 15:04:05 -0700 2006"]`], '"Sat Dec 03 00:10:53 +0530 2022"');
  expectCall('time.format', [`[${ns}, "UTC", "2006-01-02 3:04PM .000"]`], '"2022-12-02 6:40PM .141"');
  expectError('time.format', [`[${ns}, "Nowhere/City"]`], 'time.format: unknown time zone Nowhere/City', 'eval_builtin_error');
});

test('date, clock and weekday in UTC and in a zone', () => {
  expectCall('time.date', ['1517814000000000000'], '[2018, 2, 5]');
  expectCall('time.date', ['[1517814000000000000, "America/Los_Angeles"]'], '[2018, 2, 4]');
  expectCall('time.clock', ['1517814000000000000'], '[7, 0, 0]');
  expectCall('time.weekday', ['1517918400000000000'], '"Tuesday"');
  expectCall('time.date', ['-1'], '[1969, 12, 31]');
});

test('add_date normalises like Go AddDate', () => {
  expectCall('time.add_date', ['1585852421593912000', '-1', '-1', '-1'], '1551465221593912000');
  // 2021-01-31 + 1 month = 2021-03-03
  expectCall('time.add_date', ['1612051200000000000', '0', '1', '0'], '1614729600000000000');
});

test('diff gives calendar differences', () => {
  const parse = (s: string) => getBuiltin('time.parse_ns')!.impl(['2006-01-02', s], context())!;
  const diff = (a: string, b: string) => toRegoText(getBuiltin('time.diff')!.impl([parse(a), parse(b)], context())!);
  assert.equal(diff('2020-02-02', '2020-03-01'), '[0, 0, 28, 0, 0, 0]');
  assert.equal(diff('2021-02-02', '2021-03-01'), '[0, 0, 27, 0, 0, 0]');
  assert.equal(diff('2004-02-29', '2005-03-01'), '[1, 0, 1, 0, 0, 0]');
  assert.equal(diff('2005-03-01', '2004-02-29'), '[1, 0, 1, 0, 0, 0]');
});

test('parse_duration_ns and now_ns', () => {
  expectCall('time.parse_duration_ns', ['"100ms"'], '100000000');
  expectCall('time.parse_duration_ns', ['"1h1.5m"'], '3690000000000');
  expectCall('time.parse_duration_ns', ['"-1µs"'], '-1000');
  expectError('time.parse_duration_ns', ['"1"'], 'time.parse_duration_ns: time: missing unit in duration "1"', 'eval_builtin_error');
  expectError('time.parse_duration_ns', ['"1y"'], 'time.parse_duration_ns: time: unknown unit "y" in duration "1y"', 'eval_builtin_error');
  const now = getBuiltin('time.now_ns')!.impl([], context({ nowNs: 42n }));
  assert.equal(toRegoText(now!), toRegoText(intNumber(42)));
});
