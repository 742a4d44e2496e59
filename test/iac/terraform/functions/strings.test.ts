// String functions, including regex/regexall/replace; expectations follow Terraform's docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCallError, call } from './context';

test('chomp removes all trailing newlines only', () => {
  assert.equal(call('chomp', 'hello\n'), 'hello');
  assert.equal(call('chomp', 'hello\r\n'), 'hello');
  assert.equal(call('chomp', 'hello\n\n'), 'hello');
  assert.equal(call('chomp', '\nhello'), '\nhello');
});

test('startswith, endswith, strcontains', () => {
  assert.equal(call('startswith', 'hello world', 'hello'), true);
  assert.equal(call('startswith', 'hello world', 'world'), false);
  assert.equal(call('endswith', 'hello world', 'world'), true);
  assert.equal(call('strcontains', 'hello world', 'wor'), true);
  assert.equal(call('strcontains', 'hello world', 'wod'), false);
});

test('indent pads every line but the first', () => {
  assert.equal(call('indent', 2, '[\n  foo,\n  bar,\n]\n'), '[\n    foo,\n    bar,\n  ]\n  ');
});

test('join and split, including edge cases', () => {
  assert.equal(call('join', '-', ['foo', 'bar', 'baz']), 'foo-bar-baz');
  assert.equal(call('join', ', ', ['foo']), 'foo');
  assert.equal(call('join', ',', ['a'], ['b', 'c']), 'a,b,c');
  assert.equal(call('join', ',', []), '');
  assert.equal(call('join', ',', [1, true]), '1,true');
  assertCallError('join', [',', ['a', null]], /element 1 is null/);
  assert.deepEqual(call('split', ',', 'foo'), ['foo']);
  assert.deepEqual(call('split', ',', 'foo,bar,baz'), ['foo', 'bar', 'baz']);
  assert.deepEqual(call('split', ',', ''), ['']);
  assert.deepEqual(call('split', ',', 'a,,b,'), ['a', '', 'b', '']);
  assert.deepEqual(call('split', '', 'ab😀'), ['a', 'b', '😀']);
});

test('lower, upper, title work on Unicode', () => {
  assert.equal(call('lower', 'HELLO'), 'hello');
  assert.equal(call('lower', 'АЛЛО!'), 'алло!');
  assert.equal(call('upper', 'hello'), 'HELLO');
  assert.equal(call('upper', 'алло!'), 'АЛЛО!');
  assert.equal(call('title', 'hello world'), 'Hello World');
  assert.equal(call('title', 'hello_world-again o\'neil'), "Hello_world-Again O'Neil");
});

test('strrev reverses characters, not code units', () => {
  assert.equal(call('strrev', 'hello'), 'olleh');
  assert.equal(call('strrev', 'a☃b😀'), '😀b☃a');
});

test('substr counts Unicode characters and supports negative offsets and lengths', () => {
  assert.equal(call('substr', 'hello world', 1, 4), 'ello');
  assert.equal(call('substr', '🤔🤷', 0, 1), '🤔');
  assert.equal(call('substr', 'hello world', -5, -1), 'world');
  assert.equal(call('substr', 'hello world', 6, 10), 'world');
  assert.equal(call('substr', 'hello', 10, 2), '');
  assert.equal(call('substr', 'hello', -10, 2), 'he');
  assert.equal(call('substr', 'hello', 1, 0), '');
});

test('trim family', () => {
  assert.equal(call('trim', '?!hello?!', '!?'), 'hello');
  assert.equal(call('trim', 'foobar', 'far'), 'oob');
  assert.equal(call('trim', '   hello! world.!  ', '! '), 'hello! world.');
  assert.equal(call('trimprefix', 'helloworld', 'hello'), 'world');
  assert.equal(call('trimprefix', 'helloworld', 'cat'), 'helloworld');
  assert.equal(call('trimsuffix', 'helloworld', 'world'), 'hello');
  assert.equal(call('trimspace', '  hello\n\n'), 'hello');
  assert.equal(call('trimspace', '\u00a0\thi '), 'hi');
});

test('primitive arguments convert to strings, collections do not', () => {
  assert.equal(call('upper', 12), '12');
  assert.equal(call('lower', true), 'true');
  assertCallError('upper', [['a']], /string required/);
  assertCallError('upper', [null], /must not be null/);
});

test('regex returns the match, a list of groups, or an object of named groups', () => {
  assert.equal(call('regex', '[a-z]+', '53453453.345345aaabbbccc23454'), 'aaabbbccc');
  assert.deepEqual(call('regex', '(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01'), ['2019', '02', '01']);
  assert.deepEqual(
    call('regex', '^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/'),
    { scheme: 'https', authority: 'terraform.io' },
  );
  assert.deepEqual(call('regex', '(a)(x)?', 'a'), ['a', null]);
  assertCallError('regex', ['[a-z]+', '12345'], /did not match/);
  assertCallError('regex', ['(', 'x'], /invalid regular expression/);
  assertCallError('regex', ['(?P<n>a)(b)', 'ab'], /cannot mix both named and unnamed/);
});

test('regex uses RE2 syntax', () => {
  assert.equal(call('regex', '(?i)HELLO', 'say hello'), 'hello');
  assert.equal(call('regex', '\\pL+', '123abc'), 'abc');
  assertCallError('regex', ['(a)\\1', 'aa'], /invalid regular expression/); // no backreferences in RE2
});

test('regexall returns every match', () => {
  assert.deepEqual(call('regexall', '[a-z]+', '1234abcd5678efgh9'), ['abcd', 'efgh']);
  assert.equal((call('regexall', '[a-z]+', '123') as unknown[]).length, 0);
  assert.deepEqual(call('regexall', '(\\w)=(\\d)', 'a=1,b=2'), [['a', '1'], ['b', '2']]);
});

test('replace: plain substrings, and /regex/ with $ substitutions', () => {
  assert.equal(call('replace', '1 + 2 + 3', '+', '-'), '1 - 2 - 3');
  assert.equal(call('replace', 'hello world', '/w.*d/', 'everybody'), 'hello everybody');
  assert.equal(call('replace', 'hello world', '/(h)(e)/', '$2$1'), 'ehllo world');
  assert.equal(call('replace', 'x-y', '/(?P<a>x)-(?P<b>y)/', '${b}+${a}'), 'y+x');
  assert.equal(call('replace', 'ab', '/(a)/', '$1x'), 'b'); // $1x names group "1x", which is empty
  assert.equal(call('replace', 'ab', '/(a)/', '${1}x'), 'axb');
  assert.equal(call('replace', 'price', '/price/', '$$5'), '$5');
  assert.equal(call('replace', 'a/b', '/', '|'), 'a|b'); // a lone slash is not a regex
  assert.equal(call('replace', 'ab', '', '-'), '-a-b-');
});

test('oversized results are refused, not built', () => {
  assertCallError('indent', [1e9, 'a\nb'], /too large/);
});
