// IP network functions; values from Terraform's documentation (IPv4 and IPv6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCallError, call } from './context';

test('cidrhost', () => {
  assert.equal(call('cidrhost', '10.12.112.0/20', 16), '10.12.112.16');
  assert.equal(call('cidrhost', '10.12.112.0/20', 268), '10.12.113.12');
  assert.equal(call('cidrhost', '10.12.112.0/20', -1), '10.12.127.255');
  assert.equal(call('cidrhost', 'fd00:fd12:3456:7890:00a2::/72', 34), 'fd00:fd12:3456:7890::22');
  assertCallError('cidrhost', ['10.0.0.0/30', 4], /prefix of 30 bits cannot accommodate a host numbered 4/);
});

test('cidrnetmask', () => {
  assert.equal(call('cidrnetmask', '172.16.0.0/12'), '255.240.0.0');
  assert.equal(call('cidrnetmask', '10.0.0.0/32'), '255.255.255.255');
  assertCallError('cidrnetmask', ['fd00::/8'], /IPv6 addresses cannot have a netmask/);
});

test('cidrsubnet', () => {
  assert.equal(call('cidrsubnet', '172.16.0.0/12', 4, 2), '172.18.0.0/16');
  assert.equal(call('cidrsubnet', '10.1.2.0/24', 4, 15), '10.1.2.240/28');
  assert.equal(call('cidrsubnet', 'fd00:fd12:3456:7890::/56', 16, 162), 'fd00:fd12:3456:7800:a200::/72');
  assert.equal(call('cidrsubnet', '10.1.2.3/24', 0, 0), '10.1.2.0/24'); // host bits cleared
  assertCallError('cidrsubnet', ['10.0.0.0/30', 4, 0], /insufficient address space to extend prefix of 30 by 4/);
  assertCallError('cidrsubnet', ['10.0.0.0/16', 2, 4], /does not accommodate a subnet numbered 4/);
  assertCallError('cidrsubnet', ['10.0.0.0', 2, 0], /invalid CIDR/);
  assertCallError('cidrsubnet', ['300.0.0.0/8', 2, 0], /invalid CIDR/);
});

test('cidrsubnets allocates consecutive aligned subnets', () => {
  assert.deepEqual(call('cidrsubnets', '10.1.0.0/16', 4, 4, 8, 4), ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']);
  assert.deepEqual(call('cidrsubnets', 'fd00:fd12:3456:7890::/56', 16, 16, 16, 32), [
    'fd00:fd12:3456:7800::/72',
    'fd00:fd12:3456:7800:100::/72',
    'fd00:fd12:3456:7800:200::/72',
    'fd00:fd12:3456:7800:300::/88',
  ]);
  assertCallError('cidrsubnets', ['10.0.0.0/24', 1, 1, 1], /not enough remaining address space/);
  assertCallError('cidrsubnets', ['10.0.0.0/24', 9], /too long for an IPv4 address/);
});
