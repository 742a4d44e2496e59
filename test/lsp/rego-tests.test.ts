// End-to-end over stdio: Rego test discovery (`palisade/rego/tests`, unsaved buffers included) and
// runs (`palisade/rego/runTests`) with pass/fail/skip/error and, for a failure, the failing
// expression's location and its terms' values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, tempWorkspace, uriOf } from './harness';
import type { RegoTestResult, RegoTestsResult, RunRegoTestsParams, RunRegoTestsResult } from '../../server/src/shared/messages';

const POLICY = `package team.tags

import rego.v1

required := {"Owner", "CostCenter"}

deny contains msg if {
	some resource in input.resources
	some tag in required
	not resource.config.tags[tag]
	msg := sprintf("%s has no %s tag", [resource.address, tag])
}
`;

const TESTS = `package team.tags_test

import rego.v1

import data.team.tags

test_untagged_bucket_denied if {
	count(tags.deny) == 2 with input as {"resources": [{"address": "aws_s3_bucket.a", "config": {}}]}
}

test_tagged_bucket_allowed if {
	inp := {"resources": [{"address": "aws_s3_bucket.a", "config": {"tags": {"Owner": "x", "CostCenter": "y"}}}]}
	count(tags.deny) == 1 with input as inp
}

todo_test_later if false
`;

async function withServer(files: Record<string, string>, run: (server: TestServer, ws: ReturnType<typeof tempWorkspace>) => Promise<void>): Promise<void> {
  const ws = tempWorkspace(files);
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    await run(server, ws);
  } finally {
    await server.stop();
    ws.cleanup();
  }
}

const discover = (server: TestServer, uri?: string) => server.connection.sendRequest<RegoTestsResult>('palisade/rego/tests', uri ? { uri } : {});
const runTests = (server: TestServer, params: RunRegoTestsParams = {}) => server.connection.sendRequest<RunRegoTestsResult>('palisade/rego/runTests', params);
const byName = (results: RegoTestResult[], name: string) => {
  const r = results.find((x) => x.name === name);
  assert.ok(r, `no result for ${name} in ${JSON.stringify(results.map((x) => x.name))}`);
  return r;
};

test('discovers the test_* rules of *_test.rego files with their package and ranges', async () => {
  await withServer({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS, 'pol/other.rego': 'package other\n\ntest_not_in_a_test_file := true\n' }, async (server, ws) => {
    const found = await discover(server);
    assert.deepEqual(found.files.map((f) => f.uri), [uriOf(ws.path('pol/tags_test.rego'))], 'only *_test.rego files are test files');
    const file = found.files[0];
    assert.equal(file.package, 'data.team.tags_test');
    assert.equal(file.packageRange.start.line, 0);
    assert.deepEqual(
      file.tests.map((t) => [t.name, t.fullName, t.range.start.line, t.range.end.line, t.skip]),
      [
        ['test_untagged_bucket_denied', 'data.team.tags_test.test_untagged_bucket_denied', 6, 8, false],
        ['test_tagged_bucket_allowed', 'data.team.tags_test.test_tagged_bucket_allowed', 10, 13, false],
        ['todo_test_later', 'data.team.tags_test.todo_test_later', 15, 15, true],
      ],
    );
    assert.equal(file.tests[0].id, `${file.uri}#data.team.tags_test.test_untagged_bucket_denied`);
  });
});

test('discovery follows unsaved buffers: a test typed into an open file, and a test file that exists only as a buffer', async () => {
  await withServer({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS }, async (server, ws) => {
    const uri = uriOf(ws.path('pol/tags_test.rego'));
    await server.open(uri, `${TESTS}\ntest_typed_in_the_editor if true\n`, 1, 'rego');
    const newUri = uriOf(ws.path('pol/new_test.rego'));
    await server.open(newUri, 'package team.new_test\n\ntest_only_in_a_buffer if true\n', 1, 'rego');
    const found = await discover(server);
    const names = found.files.flatMap((f) => f.tests.map((t) => t.name));
    assert.ok(names.includes('test_typed_in_the_editor'), `typed test discovered: ${names.join(', ')}`);
    assert.ok(names.includes('test_only_in_a_buffer'), `buffer-only file discovered: ${names.join(', ')}`);
    // A half-typed file keeps the tests of its last parse and says why it is stale.
    await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'test_broken if {\n' }]);
    const broken = (await discover(server, uri)).files[0];
    assert.ok(broken.parseError, 'the parse error is reported');
    assert.ok(broken.tests.some((t) => t.name === 'test_typed_in_the_editor'), 'the last good parse still lists the tests');
    // Only the one document when a URI is given.
    assert.deepEqual((await discover(server, newUri)).files.map((f) => f.uri), [newUri]);
  });
});

test('runs every test: pass, fail with the failing expression and its values, skip', async () => {
  await withServer({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS }, async (server, ws) => {
    const { results } = await runTests(server);
    assert.equal(results.length, 3);
    assert.equal(byName(results, 'test_untagged_bucket_denied').status, 'passed');
    assert.equal(byName(results, 'todo_test_later').status, 'skipped');
    const failed = byName(results, 'test_tagged_bucket_allowed');
    assert.equal(failed.status, 'failed');
    assert.ok(failed.durationMs >= 0);
    assert.match(failed.message ?? '', /^`count\(tags\.deny\) == 1 with input as inp` failed: `count\(tags\.deny\)` = 0$/);
    assert.deepEqual(failed.location, {
      uri: uriOf(ws.path('pol/tags_test.rego')),
      range: { start: { line: 12, character: 1 }, end: { line: 12, character: 40 } },
    });
    assert.deepEqual(failed.terms, [
      { text: 'count(tags.deny)', value: '0', range: { start: { line: 12, character: 1 }, end: { line: 12, character: 17 } } },
      { text: '1', value: '1', range: { start: { line: 12, character: 21 }, end: { line: 12, character: 22 } } },
    ]);
    assert.equal(failed.expected, '1');
    assert.equal(failed.actual, '0');
  });
});

test('runs one test, one file, or one package', async () => {
  const other = 'package team.other_test\n\nimport rego.v1\n\ntest_a if true\n\ntest_b if 1 == 2\n';
  await withServer({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS, 'pol/other_test.rego': other }, async (server, ws) => {
    const one = await runTests(server, { names: ['data.team.other_test.test_b'] });
    assert.deepEqual(one.results.map((r) => [r.name, r.status]), [['test_b', 'failed']]);
    assert.match(one.results[0].message ?? '', /^`1 == 2` failed$/, 'literal terms are not repeated as values');
    const file = await runTests(server, { uri: uriOf(ws.path('pol/tags_test.rego')) });
    assert.deepEqual(file.results.map((r) => r.name), ['test_untagged_bucket_denied', 'test_tagged_bucket_allowed', 'todo_test_later']);
    const pkg = await runTests(server, { package: 'data.team.other_test' });
    assert.deepEqual(pkg.results.map((r) => [r.name, r.status]), [['test_a', 'passed'], ['test_b', 'failed']]);
    const all = await runTests(server);
    assert.equal(all.results.length, 5);
  });
});

test('runs the unsaved text of an open buffer', async () => {
  await withServer({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS }, async (server, ws) => {
    const uri = uriOf(ws.path('pol/tags_test.rego'));
    await server.open(uri, TESTS.replace('count(tags.deny) == 1 with input as inp', 'count(tags.deny) == 0 with input as inp'), 1, 'rego');
    const { results } = await runTests(server, { uri, names: ['test_tagged_bucket_allowed'] });
    assert.equal(results[0].status, 'passed', JSON.stringify(results[0]));
  });
});

test('a failing `not`, a false value, an undefined ref and a runtime error are each reported', async () => {
  const tests = `package t_test

import rego.v1

conflict := 1 if input.x == 1

conflict := 2 if input.x == 1

test_not if {
	xs := {"a"}
	not xs["a"]
}

test_false := false

test_undefined if {
	x := {"k": 1}
	x.missing == 1
}

test_error if {
	conflict == 1 with input.x as 1
}
`;
  await withServer({ 't_test.rego': tests }, async (server) => {
    const { results } = await runTests(server);
    const not = byName(results, 'test_not');
    assert.equal(not.status, 'failed');
    assert.match(not.message ?? '', /`not xs\["a"\]` failed: `xs\["a"\]` = "a"/);
    const falseValue = byName(results, 'test_false');
    assert.equal(falseValue.status, 'failed');
    assert.equal(falseValue.message, 'test_false is false');
    assert.equal(falseValue.location?.range.start.line, 13);
    const undef = byName(results, 'test_undefined');
    assert.match(undef.message ?? '', /`x\.missing == 1` failed: `x\.missing` is undefined/);
    assert.equal(undef.expected, undefined, 'no diff when a side is undefined');
    const error = byName(results, 'test_error');
    assert.equal(error.status, 'errored');
    assert.match(error.message ?? '', /conflict/);
  });
});

test('tests of a file that does not compile are errored with the compile error', async () => {
  await withServer({ 'bad_test.rego': 'package bad_test\n\nimport rego.v1\n\ntest_x if {\n\ty == 1\n}\n' }, async (server, ws) => {
    const { results } = await runTests(server);
    assert.equal(results.length, 1);
    assert.equal(results[0].status, 'errored');
    assert.match(results[0].message ?? '', /rego_unsafe_var_error/);
    assert.equal(results[0].location?.uri, uriOf(ws.path('bad_test.rego')));
    assert.equal(results[0].location?.range.start.line, 5);
  });
});

test('Restricted Mode lists tests but runs and evaluates nothing', async () => {
  const ws = tempWorkspace({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS });
  const server = await TestServer.start({ workspaceFolder: ws.root, initializationOptions: { workspaceTrusted: false } });
  try {
    const listed = await discover(server);
    assert.equal(listed.files[0]?.tests.length, 3, `discovery reads text only: ${JSON.stringify(listed)} ${server.stderr.join('')}`);
    const { results } = await runTests(server);
    assert.equal(results.length, 3);
    for (const r of results) {
      assert.equal(r.status, 'errored');
      assert.match(r.message ?? '', /Restricted Mode/);
    }
    const evaluated = await server.connection.sendRequest<{ errors: string[]; value?: string }>('palisade/rego/evaluate', { uri: uriOf(ws.path('pol/tags.rego')), rule: 'data.team.tags.required' });
    assert.equal(evaluated.value, undefined);
    assert.match(evaluated.errors[0] ?? '', /Restricted Mode/);
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

test('a run over many files compiles the folder once, and falls back to the closure when the folder does not compile', async () => {
  const unrelated = 'package unrelated\n\nimport rego.v1\n\np if {\n\tz == 1\n}\n';
  await withServer({ 'pol/tags.rego': POLICY, 'pol/tags_test.rego': TESTS, 'other/unrelated.rego': unrelated }, async (server, ws) => {
    const uri = uriOf(ws.path('pol/tags_test.rego'));
    // `other/unrelated.rego` has a compile error: the whole folder does not compile, the closure does.
    const fallback = await runTests(server, { uri, wholeFolder: true });
    assert.deepEqual(fallback.results.map((r) => r.status), ['passed', 'failed', 'skipped']);
    ws.write('other/unrelated.rego', unrelated.replace('z == 1', 'input.z == 1'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('other/unrelated.rego')), type: 2 }] });
    const whole = await runTests(server, { uri, wholeFolder: true });
    assert.deepEqual(whole.results.map((r) => r.status), ['passed', 'failed', 'skipped']);
    assert.match(byName(whole.results, 'test_tagged_bucket_allowed').message ?? '', /`count\(tags\.deny\)` = 0/);
  });
});
