// Data documents in the editor's Rego test runs and "Evaluate": the workspace folder's .json/.yaml
// files are placed under `data` as `palisade test <folder>` places them, open buffers (unsaved) win
// over disk, a broken document is an error naming the file, and unchanged files are not re-parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TestServer, tempWorkspace, uriOf } from './harness';
import { REPO_ROOT } from '../helpers/corpora';
import { FolderDataDocuments } from '../../server/src/lsp/rego-tests-data';
import { toJSONText } from '../../server/src/rego/index';
import type { RegoEvaluateResult, RegoTestResult, RunRegoTestsResult } from '../../server/src/shared/messages';

const POLICY = `package app

import rego.v1

limit := data.config.x

allow if input.n <= data.config.x
`;

const TESTS = `package app_test

import rego.v1

import data.app

test_limit_from_data if data.config.x == 1

test_allow_below_limit if app.allow with input as {"n": 1}
`;

const FILES = { 'pol/app.rego': POLICY, 'pol/app_test.rego': TESTS, 'config/data.json': '{"x": 1}\n' };

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

const runTests = (server: TestServer) => server.connection.sendRequest<RunRegoTestsResult>('palisade/rego/runTests', {});
const evaluate = (server: TestServer, uri: string, rule: string) => server.connection.sendRequest<RegoEvaluateResult>('palisade/rego/evaluate', { uri, rule });
const byName = (results: RegoTestResult[], name: string) => {
  const r = results.find((x) => x.name === name);
  assert.ok(r, `no result for ${name} in ${JSON.stringify(results.map((x) => x.name))}`);
  return r;
};
const whole = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

test('a test reading data.config.x from config/data.json passes, as `palisade test <folder>` runs it', async () => {
  await withServer(FILES, async (server, ws) => {
    const { results } = await runTests(server);
    assert.deepEqual(
      results.map((r) => [r.name, r.status, r.message]),
      [
        ['test_limit_from_data', 'passed', undefined],
        ['test_allow_below_limit', 'passed', undefined],
      ],
    );
    const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'palisade.js'), 'test', ws.root], { encoding: 'utf8' });
    assert.equal(cli.status, 0, `palisade test passes too: ${cli.stdout}${cli.stderr}`);
    assert.match(cli.stdout, /PASS: 2\/2/);
    const evaluated = await evaluate(server, uriOf(ws.path('pol/app.rego')), 'data.app.limit');
    assert.deepEqual([evaluated.value, evaluated.errors], ['1', []], 'Evaluate sees the data document too');
    // Its command line places the document alike (OPA's `prefix:path` form) and prints the same value.
    assert.ok(evaluated.commandLine.includes('config:config/data.json'), evaluated.commandLine.join(' '));
    const again = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'palisade.js'), ...evaluated.commandLine], { cwd: evaluated.cwd, encoding: 'utf8' });
    assert.equal(again.stdout.trim(), '1', `palisade ${evaluated.commandLine.join(' ')}: ${again.stderr}`);
  });
});

test('an unsaved edit of the data document changes the run; a malformed one is an error naming the file', async () => {
  await withServer(FILES, async (server, ws) => {
    const dataUri = uriOf(ws.path('config/data.json'));
    await server.open(dataUri, '{"x": 1}\n', 1, 'json');
    await server.change(dataUri, 2, [{ range: whole, text: '{"x": 2}\n' }]);
    let { results } = await runTests(server);
    const failed = byName(results, 'test_limit_from_data');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.message, '`data.config.x == 1` failed: `data.config.x` = 2');
    assert.equal(byName(results, 'test_allow_below_limit').status, 'passed', 'input 1 is still below the limit 2');
    assert.equal((await evaluate(server, uriOf(ws.path('pol/app.rego')), 'data.app.limit')).value, '2');

    await server.change(dataUri, 3, [{ range: whole, text: '{"x": \n' }]);
    ({ results } = await runTests(server));
    for (const r of results) {
      assert.equal(r.status, 'errored', `${r.name} errors`);
      assert.match(r.message ?? '', /^config\/data\.json: \S/, `the message names the file: ${r.message}`);
      assert.equal(r.location?.uri, dataUri, 'the error is placed on the data document');
    }
    const broken = await evaluate(server, uriOf(ws.path('pol/app.rego')), 'data.app.limit');
    assert.equal(broken.value, undefined);
    assert.match(broken.errors[0] ?? '', /^config\/data\.json: /);

    // Back to valid text: the run recovers without a restart.
    await server.change(dataUri, 4, [{ range: whole, text: '{"x": 1}\n' }]);
    ({ results } = await runTests(server));
    assert.deepEqual(results.map((r) => r.status), ['passed', 'passed']);
  });
});

test('two documents defining the same key are a merge error naming both files', async () => {
  await withServer({ ...FILES, 'config/more.yaml': 'x: 3\n' }, async (server) => {
    const { results } = await runTests(server);
    assert.equal(results[0].status, 'errored');
    assert.equal(results[0].message, 'config/more.yaml: merge error: data.config.x is also defined by config/data.json');
  });
});

test('the folder walk: hidden folders and node_modules are skipped, buffer-only files count, unchanged files are not re-parsed', () => {
  const disk: Record<string, string> = {
    '/ws/config/data.json': '{"x": 1}',
    '/ws/.vscode/settings.json': '{"x": 9}',
    '/ws/node_modules/p/package.json': '{"name": "p"}',
    '/ws/pol/app.rego': 'package app',
  };
  const buffers: Record<string, string> = { '/ws/new/data.yaml': 'y: 2\n' };
  const listDir = (dir: string): string[] | undefined => {
    const names = new Set<string>();
    for (const p of Object.keys(disk)) if (p.startsWith(`${dir}/`)) names.add(p.slice(dir.length + 1).split('/')[0]);
    return names.size > 0 ? [...names] : undefined;
  };
  const docs = new FolderDataDocuments({ bufferText: (p) => buffers[p], disk: { readFile: (p) => disk[p], listDir }, openPaths: () => Object.keys(buffers) });
  const first = docs.load('/ws');
  assert.equal(toJSONText(first.data), '{"config":{"x":1},"new":{"y":2}}');
  assert.deepEqual(first.documents, [{ path: '/ws/config/data.json', prefix: ['config'] }, { path: '/ws/new/data.yaml', prefix: ['new'] }]);
  assert.equal(docs.parses, 2);
  assert.equal(docs.load('/ws'), first, 'nothing changed: the same merge, nothing parsed');
  assert.equal(docs.parses, 2);
  buffers['/ws/new/data.yaml'] = 'y: 3\n';
  assert.equal(toJSONText(docs.load('/ws').data), '{"config":{"x":1},"new":{"y":3}}');
  assert.equal(docs.parses, 3, 'only the edited document is parsed again');
  delete disk['/ws/config/data.json'];
  assert.equal(toJSONText(docs.load('/ws').data), '{"new":{"y":3}}', 'a deleted file is gone on the next load');
});

test('Regal project.roots are the data roots: a repository package.json beside them is not data', () => {
  const disk: Record<string, string> = {
    '/repo/package.json': '{"name": "app"}',
    '/repo/package-lock.json': '{"name": "app", "lockfileVersion": 3}',
    '/repo/.regal/config.yaml': 'project:\n  roots:\n    - policies\n    - ./bundles/\n',
    '/repo/policies/config/data.json': '{"x": 1}',
    '/repo/bundles/limits/data.yaml': 'max: 5\n',
    '/repo/policies/app.rego': 'package app',
  };
  const listDir = (dir: string): string[] | undefined => {
    const names = new Set<string>();
    for (const p of Object.keys(disk)) if (p.startsWith(`${dir}/`)) names.add(p.slice(dir.length + 1).split('/')[0]);
    return names.size > 0 ? [...names] : undefined;
  };
  const docs = new FolderDataDocuments({ bufferText: () => undefined, disk: { readFile: (p) => disk[p], listDir }, openPaths: () => [] });
  const loaded = docs.load('/repo');
  assert.deepEqual(loaded.problems, [], 'package.json and package-lock.json are outside the roots');
  assert.equal(toJSONText(loaded.data), '{"config":{"x":1},"limits":{"max":5}}', 'placed relative to each root, as `palisade test policies bundles` does');
  // Without roots the folder is the root, as for `opa test <folder>`: the two package files conflict.
  delete disk['/repo/.regal/config.yaml'];
  assert.match(docs.load('/repo').problems.map((p) => p.message).join('\n'), /package-lock\.json|package\.json/);
});
