// Date functions; values from Terraform's documentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCallError, call } from './context';

test('formatdate', () => {
  const ts = '2018-01-02T23:12:01Z';
  assert.equal(call('formatdate', 'DD MMM YYYY hh:mm ZZZ', ts), '02 Jan 2018 23:12 UTC');
  assert.equal(call('formatdate', 'EEEE, DD-MMM-YY hh:mm:ss ZZZ', ts), 'Tuesday, 02-Jan-18 23:12:01 UTC');
  assert.equal(call('formatdate', 'EEE, DD MMM YYYY hh:mm:ss ZZZ', '2018-01-02T23:12:01-08:00'), 'Tue, 02 Jan 2018 23:12:01 -0800');
  assert.equal(call('formatdate', 'MMM DD, YYYY', ts), 'Jan 02, 2018');
  assert.equal(call('formatdate', 'HH:mmaa', ts), '11:12pm');
  assert.equal(call('formatdate', "h'h'mm", ts), '23h12');
  assert.equal(call('formatdate', "YYYY-MM-DD'T'hh:mm:ssZ", '2018-01-02T23:12:01+05:30'), '2018-01-02T23:12:01+05:30');
  assert.equal(call('formatdate', "M/D H AA 'it''s' ZZZZ ZZZZZ", '2018-03-04T00:05:06Z'), "3/4 12 AM it's +0000 +00:00");
  assert.equal(call('formatdate', 'MMMM', '2018-09-04T00:05:06.123Z'), 'September');
  assertCallError('formatdate', ['YYY', ts], /invalid date format verb "YYY"/);
  assertCallError('formatdate', ['q', ts], /invalid date format verb "q"/);
  assertCallError('formatdate', ['YYYY', '2018-01-02'], /not a valid RFC3339 timestamp/);
  assertCallError('formatdate', ['YYYY', '2018-02-30T00:00:00Z'], /not a valid RFC3339 timestamp/);
});

test('timeadd keeps the offset and drops fractional seconds', () => {
  assert.equal(call('timeadd', '2017-11-22T00:00:00Z', '10m'), '2017-11-22T00:10:00Z');
  assert.equal(call('timeadd', '2017-11-22T00:00:00Z', '-1h30m'), '2017-11-21T22:30:00Z');
  assert.equal(call('timeadd', '2017-11-22T00:00:00+01:00', '24h'), '2017-11-23T00:00:00+01:00');
  assert.equal(call('timeadd', '2017-11-22T00:00:00.5Z', '1.5s'), '2017-11-22T00:00:02Z');
  assert.equal(call('timeadd', '2024-02-28T12:00:00Z', '24h'), '2024-02-29T12:00:00Z');
  assertCallError('timeadd', ['2017-11-22T00:00:00Z', '10 minutes'], /invalid duration/);
});

test('timecmp compares instants across offsets', () => {
  assert.equal(call('timecmp', '2017-11-22T00:00:00Z', '2017-11-22T00:00:00Z'), 0);
  assert.equal(call('timecmp', '2017-11-22T00:00:00Z', '2017-11-22T01:00:00Z'), -1);
  assert.equal(call('timecmp', '2017-11-22T01:00:00Z', '2017-11-22T00:00:00Z'), 1);
  assert.equal(call('timecmp', '2017-11-22T01:00:00+01:00', '2017-11-22T00:00:00Z'), 0);
});
