// What a test run compiles (server/src/lsp/rego-tests-compile.ts): a file's dependency closure,
// or for runs over many files the whole folder once, reused while its parses are unchanged, with
// the closure as fallback when the folder does not compile as a whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegoWorkspace } from '../../server/src/lsp/rego-workspace';
import { ClosureCompiler } from '../../server/src/lsp/rego-tests-compile';

function memoryHost(files: Record<string, string>) {
  const listDir = (dir: string) => {
    const names = new Set<string>();
    for (const p of Object.keys(files)) if (p.startsWith(dir + '/')) names.add(p.slice(dir.length + 1).split('/')[0]);
    return names.size > 0 ? [...names] : undefined;
  };
  const host = { readFile: (p: string) => files[p], listDir };
  const workspace = new RegoWorkspace(host);
  const compiler = new ClosureCompiler({ workspace, textOf: (p) => files[p], rootOf: () => '/ws', openPaths: () => [] });
  return { files, compiler };
}

const LIB = 'package lib\n\nimport rego.v1\n\nok if true\n';
const A_TEST = 'package a_test\n\nimport rego.v1\n\nimport data.lib\n\ntest_a if lib.ok\n';
const B_TEST = 'package b_test\n\nimport rego.v1\n\ntest_b if true\n';

test('a file compiles with its dependency closure only', () => {
  const { compiler } = memoryHost({ '/ws/lib.rego': LIB, '/ws/a_test.rego': A_TEST, '/ws/b_test.rego': B_TEST });
  const c = compiler.compile('/ws/a_test.rego');
  assert.ok(c?.policy);
  assert.deepEqual(c.files.map((f) => f.path), ['/ws/a_test.rego', '/ws/lib.rego']);
});

test('a many-file run compiles the folder once and reuses it while nothing changed', () => {
  const { files, compiler } = memoryHost({ '/ws/lib.rego': LIB, '/ws/a_test.rego': A_TEST, '/ws/b_test.rego': B_TEST });
  const a = compiler.compileFolder('/ws/a_test.rego');
  const b = compiler.compileFolder('/ws/b_test.rego');
  assert.deepEqual(a?.files.map((f) => f.path), ['/ws/a_test.rego', '/ws/b_test.rego', '/ws/lib.rego']);
  assert.ok(a?.policy);
  assert.equal(b?.policy, a.policy, 'the second file reuses the folder compile');
  files['/ws/b_test.rego'] = B_TEST.replace('if true', 'if 1 == 1');
  assert.notEqual(compiler.compileFolder('/ws/a_test.rego')?.policy, a.policy, 'an edit recompiles');
});

test('a folder that does not compile as a whole falls back to the closure', () => {
  const { compiler } = memoryHost({ '/ws/lib.rego': LIB, '/ws/a_test.rego': A_TEST, '/ws/bad.rego': 'package bad\n\nimport rego.v1\n\np if {\n\tz == 1\n}\n' });
  const a = compiler.compileFolder('/ws/a_test.rego');
  assert.ok(a?.policy, 'the closure compiles');
  assert.deepEqual(a.files.map((f) => f.path), ['/ws/a_test.rego', '/ws/lib.rego']);
  const bad = compiler.compileFolder('/ws/bad.rego');
  assert.equal(bad?.policy, undefined);
  assert.match(bad?.errors[0]?.code ?? '', /rego_unsafe_var_error/);
});
