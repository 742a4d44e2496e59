// Filesystem and file-hash functions over an in-memory FileHost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callFunction, FunctionError } from '../../../../server/src/iac/terraform/functions';
import { Unknown, type Value } from '../../../../server/src/iac/terraform/values';
import { makeContext } from './context';

const files = {
  '/work/mod/hello.txt': 'Hello World',
  '/work/mod/policy.json': '{"Version":"2012-10-17"}',
  '/work/mod/templates/user.tpl': 'user=${name}',
  '/work/mod/files/a.txt': 'a',
  '/work/mod/files/b.json': 'b',
  '/work/mod/files/sub/c.txt': 'c',
  '/work/mod/files/sub/deeper/d.txt': 'd',
  '/work/other/x.txt': 'x',
};
const ctx = makeContext(files);
const call = (name: string, ...args: Value[]) => callFunction(name, args, ctx);

test('file reads relative to the module directory, or absolute paths', () => {
  assert.equal(call('file', 'hello.txt'), 'Hello World');
  assert.equal(call('file', '/work/other/x.txt'), 'x');
  assert.equal(call('file', '../other/x.txt'), 'x');
  assert.throws(() => call('file', 'missing.txt'), (e: unknown) => e instanceof FunctionError && /no file exists at "missing.txt"/.test(e.message));
});

test('fileexists and filebase64', () => {
  assert.equal(call('fileexists', 'hello.txt'), true);
  assert.equal(call('fileexists', 'nope.txt'), false);
  assert.equal(call('filebase64', 'hello.txt'), 'SGVsbG8gV29ybGQ=');
});

test('file hashes equal the hashes of the file text', () => {
  assert.equal(call('filemd5', 'hello.txt'), call('md5', 'Hello World'));
  assert.equal(call('filesha1', 'hello.txt'), call('sha1', 'Hello World'));
  assert.equal(call('filesha256', 'hello.txt'), 'a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e');
  assert.equal(call('filesha512', 'hello.txt'), call('sha512', 'Hello World'));
  assert.equal(call('filebase64sha256', 'hello.txt'), call('base64sha256', 'Hello World'));
  assert.equal(call('filebase64sha512', 'hello.txt'), call('base64sha512', 'Hello World'));
});

test('fileset matches globs below a directory, sorted', () => {
  assert.deepEqual(call('fileset', 'files', '*.txt'), ['a.txt']);
  assert.deepEqual(call('fileset', 'files', '**/*.txt'), ['a.txt', 'sub/c.txt', 'sub/deeper/d.txt']);
  assert.deepEqual(call('fileset', 'files', '{a,b}.*'), ['a.txt', 'b.json']);
  assert.deepEqual(call('fileset', 'files', 'sub/*'), ['sub/c.txt']);
  assert.deepEqual(call('fileset', 'files', '?.json'), ['b.json']);
  assert.deepEqual(call('fileset', 'files', '[ab].txt'), ['a.txt']);
  assert.deepEqual(call('fileset', 'nowhere', '*'), []);
});

test('templatefile reads the template and delegates rendering to the evaluator', () => {
  let seenPath = '';
  const templ = makeContext(files, {
    renderTemplate: (text, path, vars) => {
      seenPath = path;
      return text.replace('${name}', String(vars.name));
    },
  });
  assert.equal(callFunction('templatefile', ['templates/user.tpl', { name: 'ana' }], templ), 'user=ana');
  assert.equal(seenPath, '/work/mod/templates/user.tpl');
  assert.throws(() => callFunction('templatefile', ['templates/user.tpl', 'x'], templ), FunctionError);
  assert.ok(callFunction('templatefile', [new Unknown('var.p'), {}], templ) instanceof Unknown);
});

test('path functions follow Go semantics', () => {
  assert.equal(call('basename', 'foo/bar/baz.txt'), 'baz.txt');
  assert.equal(call('basename', 'foo/bar/'), 'bar');
  assert.equal(call('basename', ''), '.');
  assert.equal(call('dirname', 'foo/bar/baz.txt'), 'foo/bar');
  assert.equal(call('dirname', 'foo'), '.');
  assert.equal(call('dirname', '/foo'), '/');
  assert.equal(call('abspath', 'a/../b'), '/work/mod/b');
  assert.equal(call('abspath', '/x/./y'), '/x/y');
  assert.equal(call('pathexpand', '/etc/resolv.conf'), '/etc/resolv.conf');
  assert.ok(call('pathexpand', '~/.ssh/id_rsa') instanceof Unknown);
});
