import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BuiltinError } from '../../../server/src/rego/builtins';
import { call, expectCall, expectError } from './helpers';

test('cidr_contains for addresses and networks, IPv4 and IPv6', () => {
  expectCall('net.cidr_contains', ['"10.0.0.0/8"', '"10.1.2.3"'], 'true');
  expectCall('net.cidr_contains', ['"10.0.0.0/8"', '"10.1.0.0/24"'], 'true');
  expectCall('net.cidr_contains', ['"172.17.0.0/24"', '"172.17.0.0/16"'], 'false');
  expectCall('net.cidr_contains', ['"2001:4860::/32"', '"2001:4860:4860::8888"'], 'true');
  expectCall('net.cidr_contains', ['"2001:4860::/32"', '"fd1e:5bfe:8af3:9ddc::/64"'], 'false');
  expectCall('net.cidr_contains', ['"0.0.0.0/0"', '"::1"'], 'false');
  expectError('net.cidr_contains', ['"10.0.0.0"', '"10.0.0.1"'], 'net.cidr_contains: invalid CIDR address: 10.0.0.0', 'eval_builtin_error');
});

test('cidr_intersects, is_valid and expand', () => {
  expectCall('net.cidr_intersects', ['"192.168.1.0/25"', '"192.168.1.64/25"'], 'true');
  expectCall('net.cidr_intersects', ['"192.168.1.0/25"', '"192.168.1.128/25"'], 'false');
  expectCall('net.cidr_is_valid', ['"10.0.0.0/33"'], 'false');
  expectCall('net.cidr_is_valid', ['"::/0"'], 'true');
  expectCall('net.cidr_expand', ['"192.168.1.0/30"'], '{"192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"}');
  expectCall('net.cidr_expand', ['"fe80::/127"'], '{"fe80::", "fe80::1"}');
});

test('cidr_merge merges siblings, drops contained networks, uses classful masks for bare IPv4', () => {
  expectCall('net.cidr_merge', ['["192.0.128.0/24", "192.0.129.0/24"]'], '{"192.0.128.0/23"}');
  expectCall('net.cidr_merge', ['["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"]'], '{"192.0.2.112/29"}');
  expectCall('net.cidr_merge', ['["192.0.128.0", "192.0.129.0"]'], '{"192.0.128.0/23"}');
  expectCall('net.cidr_merge', ['["10.0.0.0/8", "10.1.0.0/16", "2001:db8::/33", "2001:db8:8000::/33"]'], '{"10.0.0.0/8", "2001:db8::/32"}');
  expectError('net.cidr_merge', ['["::1"]'], 'net.cidr_merge: IPv6 invalid: needs prefix length', 'eval_builtin_error');
});

test('cidr_contains_matches pairs keys of both operands', () => {
  expectCall('net.cidr_contains_matches', ['["1.1.2.0/24", "1.1.1.0/24"]', '["1.1.1.1", "1.1.2.1"]'], '{[0, 1], [1, 0]}');
  expectCall('net.cidr_contains_matches', ['{"k1": "1.1.1.1/24", "k2": ["1.1.2.2/24", 1]}', '"1.1.1.128"'], '{["k1", "1.1.1.128"]}');
  expectError('net.cidr_contains_matches', ['"1.1.1.0/24"', '[1]'], 'net.cidr_contains_matches: operand 2: element must be string or non-empty array', 'eval_builtin_error');
});

test('DNS lookup is refused: no network at run time', () => {
  assert.throws(() => call('net.lookup_ip_addr', '"localhost"'), (e: unknown) => e instanceof BuiltinError && /disabled/.test(e.message));
});
