import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, expectCall, expectError } from './helpers';

test('regex.match uses RE2 syntax', () => {
  expectCall('regex.match', ['"^[a-z]+\\\\d$"', '"abc1"'], 'true');
  expectCall('regex.match', ['"(?i)ABC"', '"xabcx"'], 'true');
  expectCall('regex.match', ['"\\\\pL+"', '"åäö"'], 'true');
  expectError('regex.match', ['"[a"', '"x"'], 'regex.match: error parsing regexp: missing closing ]: `[a`', 'eval_builtin_error');
  // Lookarounds and backreferences are not RE2.
  expectCall('regex.is_valid', ['"(?=a)"'], 'false');
  expectCall('regex.is_valid', ['"(a)\\\\1"'], 'false');
  expectCall('regex.is_valid', ['1'], 'false');
});

test('a pathological pattern matches in linear time', () => {
  const input = JSON.stringify('a'.repeat(50_000) + '!');
  const start = process.hrtime.bigint();
  expectCall('regex.match', ['"^(a+)+$"', input], 'false');
  expectCall('regex.match', ['"(a|a)*b"', input], 'false');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 3000, `took ${ms} ms`);
});

test('find_n, find_all_string_submatch_n and split follow Go', () => {
  expectCall('regex.find_n', ['"[oa]+"', '"foo bar baz"', '-1'], '["oo", "a", "a"]');
  expectCall('regex.find_n', ['"[oa]+"', '"foo bar baz"', '1'], '["oo"]');
  expectCall('regex.find_n', ['"a*"', '"baaac"', '-1'], '["", "aaa", ""]');
  expectCall('regex.find_all_string_submatch_n', ['"a(x*)b"', '"-ab-axxb-"', '-1'], '[["ab", ""], ["axxb", "xx"]]');
  expectCall('regex.split', ['"a"', '"banana"'], '["b", "n", "n", ""]');
  expectCall('regex.split', ['","', '""'], '[""]');
});

test('regex.replace expands $1 and ${name}', () => {
  expectCall('regex.replace', ['"-ab-axxb-"', '"a(x*)b"', '"${1}W"'], '"-W-xxW-"');
  expectCall('regex.replace', ['"-ab-axxb-"', '"a(?P<x>x*)b"', '"[$x]"'], '"-[]-[xx]-"');
  expectCall('regex.replace', ['"abc"', '"b"', '"$$"'], '"a$c"');
  // $1W is the group named "1W" (empty), as in Go.
  expectCall('regex.replace', ['"ab"', '"(a)"', '"$1W"'], '"b"');
  assert.equal(call('regex.replace', '"x"', '"[" ', '"y"'), undefined);
});

test('regex.template_match', () => {
  expectCall('regex.template_match', ['"urn:foo:{.*}"', '"urn:foo:bar:baz"', '"{"', '"}"'], 'true');
  expectCall('regex.template_match', ['"urn:foo.bar.com:{.*}"', '"urn:foo.com:bar:baz"', '"{"', '"}"'], 'false');
});

test('glob.match with default, custom and no delimiters', () => {
  expectCall('glob.match', ['"*.github.com"', '["."]', '"api.github.com"'], 'true');
  expectCall('glob.match', ['"*"', '[]', '"foo.bar"'], 'false');
  expectCall('glob.match', ['"*"', 'null', '"foo.bar"'], 'true');
  expectCall('glob.match', ['"api.**.com"', '["."]', '"api.cdn.github.com"'], 'true');
  expectCall('glob.match', ['"?at"', '["f"]', '"fat"'], 'false');
  expectCall('glob.match', ['"{cat,bat,[fr]at}"', '[]', '"rat"'], 'true');
  expectCall('glob.match', ['"[!a-c]at"', '[]', '"bat"'], 'false');
  expectCall('glob.match', ['"\\\\*x"', '[]', '"*x"'], 'true');
  expectCall('glob.quote_meta', ['"*.{a,b}"'], '"\\\\*.\\\\{a,b\\\\}"');
});

test('regex.globs_match decides whether two simple patterns intersect', () => {
  expectCall('regex.globs_match', ['"a.a.[0-9]+z"', '".b.b2359825792*594823z"'], 'true');
  expectCall('regex.globs_match', ['"[a-z]+\\\\[[0-9]+\\\\]"', '"foo\\\\[1\\\\]"'], 'true');
  expectCall('regex.globs_match', ['"[a-z]+\\\\[[0-9]+\\\\]"', '"foo[\\"bar\\"]"'], 'false');
  expectCall('regex.globs_match', ['"[a-z]+"', '"[0-9]*"'], 'false');
  expectCall('regex.globs_match', ['"b.*"', '"bar"'], 'true');
  expectError('regex.globs_match', ['"pqrs]"', '"[a-b]+"'], "regex.globs_match: input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid", 'eval_builtin_error');
});
