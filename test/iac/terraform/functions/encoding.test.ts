// Encoding functions: base64, CSV, JSON (Go's encoder), URL, text encodings, YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { Unknown } from '../../../../server/src/iac/terraform/values';
import { assertCallError, call } from './context';

test('base64encode / base64decode use UTF-8', () => {
  assert.equal(call('base64encode', 'Hello World'), 'SGVsbG8gV29ybGQ=');
  assert.equal(call('base64decode', 'SGVsbG8gV29ybGQ='), 'Hello World');
  assert.equal(call('base64encode', '☃'), '4piD');
  assert.equal(call('base64decode', '4piD'), '☃');
  assertCallError('base64decode', ['SGVsbG8'], /failed to decode base64 data/);
  assertCallError('base64decode', ['/w=='], /not valid UTF-8/);
});

test('base64gzip produces a gzip stream of the UTF-8 text', () => {
  const out = call('base64gzip', 'hello world');
  assert.equal(typeof out, 'string');
  const bytes = Buffer.from(out as string, 'base64');
  assert.equal(bytes[9], 255); // Go's gzip writer says "unknown OS"
  assert.equal(gunzipSync(bytes).toString('utf8'), 'hello world');
});

test('csvdecode', () => {
  assert.deepEqual(call('csvdecode', 'a,b,c\n1,2,3\n4,5,6'), [
    { a: '1', b: '2', c: '3' },
    { a: '4', b: '5', c: '6' },
  ]);
  assert.deepEqual(call('csvdecode', 'name,note\r\n"Smith, J","say ""hi""\nbye"\r\n'), [{ name: 'Smith, J', note: 'say "hi"\nbye' }]);
  assert.deepEqual(call('csvdecode', 'a,b\n'), []);
  assertCallError('csvdecode', ['a,b\n1,2,3'], /wrong number of fields/);
  assertCallError('csvdecode', ['a,b\n1,x"y'], /bare "/);
  assertCallError('csvdecode', [''], /missing header line/);
});

test('jsonencode writes Go-style JSON with sorted keys', () => {
  assert.equal(call('jsonencode', { hello: 'world' }), '{"hello":"world"}');
  assert.equal(call('jsonencode', { b: 1, a: [1, 2.5, true, null] }), '{"a":[1,2.5,true,null],"b":1}');
  assert.equal(call('jsonencode', '<a href="x">&</a>'), '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
  assert.equal(call('jsonencode', 'line\nbreak\ttab\u2028'), '"line\\nbreak\\ttab\\u2028"');
  assert.equal(call('jsonencode', 10), '10');
  assert.equal(call('jsonencode', 1e21), '1000000000000000000000');
  assert.equal(call('jsonencode', null), 'null');
  assert.equal(call('jsonencode', []), '[]');
  assert.equal(call('jsonencode', {}), '{}');
});

test('jsondecode', () => {
  assert.deepEqual(call('jsondecode', '{"hello": "world"}'), { hello: 'world' });
  assert.equal(call('jsondecode', 'true'), true);
  assert.equal(call('jsondecode', '1.5'), 1.5);
  assertCallError('jsondecode', ['{"a":'], /Invalid function argument/);
});

test('jsonencode of a value containing an unknown is unknown', () => {
  assert.ok(call('jsonencode', { a: new Unknown('var.x', ['aws_s3_bucket.b']) }) instanceof Unknown);
});

test('urlencode is Go\'s QueryEscape', () => {
  assert.equal(call('urlencode', 'Hello World!'), 'Hello+World%21');
  assert.equal(call('urlencode', '☃'), '%E2%98%83');
  assert.equal(call('urlencode', 'foo:bar@localhost?foo=bar&bar=baz'), 'foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz');
  assert.equal(call('urlencode', 'a-b_c.d~e'), 'a-b_c.d~e');
});

test('textencodebase64 / textdecodebase64', () => {
  assert.equal(call('textencodebase64', 'Hello World', 'UTF-16LE'), 'SABlAGwAbABvACAAVwBvAHIAbABkAA==');
  assert.equal(call('textdecodebase64', 'SABlAGwAbABvACAAVwBvAHIAbABkAA==', 'UTF-16LE'), 'Hello World');
  assert.equal(call('textencodebase64', 'hi', 'UTF-8'), 'aGk=');
  assert.ok(call('textencodebase64', 'hi', 'Shift_JIS') instanceof Unknown); // no code page tables
});

test('yamldecode resolves scalars as Terraform does (YAML 1.1 booleans, timestamps as strings)', () => {
  assert.deepEqual(call('yamldecode', 'hello: world'), { hello: 'world' });
  assert.equal(call('yamldecode', 'true'), true);
  assert.deepEqual(call('yamldecode', '{a: &a [1, 2], b: *a}'), { a: [1, 2], b: [1, 2] });
  assert.deepEqual(call('yamldecode', 'a: yes\nb: "yes"\nc: off\nd: ~\ne: 0x1F\nf: 1_000\ng: 2019-01-02\nh: 1.5'), {
    a: true,
    b: 'yes',
    c: false,
    d: null,
    e: 31,
    f: 1000,
    g: '2019-01-02T00:00:00Z',
    h: 1.5,
  });
  assert.deepEqual(call('yamldecode', 'base: &b {p: 1, q: 2}\nderived:\n  <<: *b\n  q: 3'), {
    base: { p: 1, q: 2 },
    derived: { p: 1, q: 3 },
  });
  assert.equal(call('yamldecode', ''), null);
  assertCallError('yamldecode', ['a: 1\n---\nb: 2'], /extra content/);
  assertCallError('yamldecode', ['a: [1'], /line 1/);
  assertCallError('yamldecode', ['a: &a [*a]'], /refers to its own anchor/);
  assertCallError('yamldecode', ['*nowhere'], /unknown anchor/);
  assertCallError('yamldecode', ['k: !custom x'], /unsupported tag "!custom"/);
  assert.deepEqual(call('yamldecode', 'k: !!str 12\nnum: !!int "7"'), { k: '12', num: 7 });
});

test('yamlencode matches Terraform\'s documented output', () => {
  assert.equal(call('yamlencode', { a: 'b', c: 'd' }), '"a": "b"\n"c": "d"\n');
  assert.equal(call('yamlencode', { foo: [1, 2, 3], bar: 'baz' }), '"bar": "baz"\n"foo":\n- 1\n- 2\n- 3\n');
  assert.equal(call('yamlencode', { foo: [1, { a: 'b', c: 'd' }, 3], bar: 'baz' }), '"bar": "baz"\n"foo":\n- 1\n- "a": "b"\n  "c": "d"\n- 3\n');
  assert.equal(call('yamlencode', 'x'), '"x"\n');
  assert.equal(call('yamlencode', { a: {}, b: [], c: null, d: true }), '"a": {}\n"b": []\n"c": null\n"d": true\n');
  assert.equal(call('yamlencode', { a: { b: 'c' } }), '"a":\n  "b": "c"\n');
});

test('yamlencode round-trips through yamldecode', () => {
  const value = { list: ['a', 1, true, null, { k: 'v' }], nested: { deep: [['x']] }, text: 'multi\nline\n', quote: 'say "hi"' };
  assert.deepEqual(call('yamldecode', call('yamlencode', value)), value);
});

test('yamldecode refuses alias bombs instead of expanding them', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let k = 1; k < 9; k++) levels.push(`${'b'.repeat(k)}: &${'b'.repeat(k)} [${Array(10).fill(k === 1 ? '*a' : '*' + 'b'.repeat(k - 1)).join(',')}]`);
  assertCallError('yamldecode', [levels.join('\n')], /too many values/);
});

// Found by the session-13 sweep: the yaml package overflows its stack near 1,000 levels, and after
// a few such parses V8 aborted the whole process (a language server killed by one `.tf` line).
test('yamldecode refuses text nested past 400 levels instead of handing it to yaml, many times over', () => {
  for (let i = 0; i < 20; i++) {
    assertCallError('yamldecode', [`a:\n${'  - '.repeat(10000)}x\n`], /nested more than 400 levels deep/);
    assertCallError('yamldecode', [`${'['.repeat(5000)}${']'.repeat(5000)}`], /nested more than 400 levels deep/);
  }
  assert.deepEqual(call('yamldecode', `${'['.repeat(50)}1${']'.repeat(50)}`), JSON.parse(`${'['.repeat(50)}1${']'.repeat(50)}`));
});
