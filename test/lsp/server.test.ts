// End-to-end tests of the language server over stdio (the real bundle, dist/server.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf, TestServer, tempWorkspace, uriOf } from './harness';

const TWO_ERRORS = ['resource "a" "b" {', '  x = 1 +', '}', 'output "o" {', '  value = )', '}', ''].join('\n');

test('syntax errors are published with exact ranges, update on incremental edits and clear', async () => {
  const ws = tempWorkspace({});
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, TWO_ERRORS, 1);
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(
      first.diagnostics.map((d) => d.range),
      // The first error is the line break itself (offset 28 = the `\n` after `+`).
      [rangeOf(1, 9, 2, 0), rangeOf(4, 10, 4, 11)],
    );
    assert.match(first.diagnostics[0].message, /expression/i);
    assert.equal(first.diagnostics[0].severity, 1);
    assert.equal(first.diagnostics[0].source, 'palisade');

    // Complete the binary expression: the first error goes away, the second stays where it was.
    await server.change(uri, 2, [{ range: rangeOf(1, 9, 1, 9), text: ' 2' }]);
    const second = await server.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(second.diagnostics.map((d) => d.range), [rangeOf(4, 10, 4, 11)]);

    // Insert a line above: the remaining error moves down one line.
    await server.change(uri, 3, [{ range: rangeOf(0, 0, 0, 0), text: '# comment\n' }]);
    const third = await server.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(third.diagnostics.map((d) => d.range), [rangeOf(5, 10, 5, 11)]);

    // Fix it: everything clears.
    await server.change(uri, 4, [{ range: rangeOf(5, 10, 5, 11), text: '3' }]);
    const fourth = await server.waitForDiagnostics(uri, (p) => p.version === 4);
    assert.deepEqual(fourth.diagnostics, []);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('a unit spans the directory: a buffer edit re-publishes for on-disk siblings with errors', async () => {
  const ws = tempWorkspace({ 'mod/broken.tf': 'locals {\n  a = [1, 2\n  b = 3\n}\n', 'mod/ok.tf': 'locals {\n  c = 1\n}\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const okUri = uriOf(ws.path('mod/ok.tf'));
    const brokenUri = uriOf(ws.path('mod/broken.tf'));
    await server.open(okUri, 'locals {\n  c = 1\n}\n', 1);
    const broken = await server.waitForDiagnostics(brokenUri, (p) => p.diagnostics.length > 0);
    assert.equal(broken.version, undefined, 'a file that is not open carries no version');
    assert.deepEqual(broken.diagnostics.map((d) => d.range), [rangeOf(2, 2, 2, 3)]);
    await server.waitForDiagnostics(okUri, (p) => p.version === 1 && p.diagnostics.length === 0);
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

test('closing a buffer that is not on disk clears its diagnostics; one on disk keeps the disk state', async () => {
  const ws = tempWorkspace({ 'saved.tf': 'resource "a" "b" {\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const unsaved = uriOf(ws.path('unsaved.tf'));
    const saved = uriOf(ws.path('saved.tf'));
    await server.open(unsaved, 'output "o" {\n  value = )\n}\n', 1);
    await server.waitForDiagnostics(unsaved, (p) => p.version === 1 && p.diagnostics.length === 1);
    await server.open(saved, 'resource "a" "b" {}\n', 1);
    await server.waitForDiagnostics(saved, (p) => p.version === 1 && p.diagnostics.length === 0);

    const mark = server.published.length;
    await server.close(unsaved);
    await server.close(saved);
    await server.waitForDiagnostics(unsaved, (p) => p.diagnostics.length === 0, mark);
    // The saved file's disk text lacks its closing brace: that error reappears, without a version.
    const disk = await server.waitForDiagnostics(saved, (p) => p.diagnostics.length === 1, mark);
    assert.equal(disk.version, undefined);
    assert.deepEqual(disk.diagnostics[0].range, rangeOf(0, 17, 0, 18));
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

const VARIABLES = 'variable "x" {\n  default = "a"\n}\n';
const MAIN = 'locals {\n  y = var.x\n}\n';
/** `var.x` in MAIN: line 1, characters 6-11. */
const ON_VAR_X = { line: 1, character: 9 };

test('hover on var.x shows its evaluated value as JSON and where it came from', async () => {
  const ws = tempWorkspace({ 'variables.tf': VARIABLES, 'terraform.tfvars': 'x = "one"\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    const hover = await server.hover(uri, ON_VAR_X);
    assert.ok(hover, 'a hover is returned');
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /```json\n"one"\n```/);
    assert.match(hover.contents.value, /terraform\.tfvars:1/);
    assert.deepEqual(hover.range, rangeOf(1, 6, 1, 11));
    // Outside any expression there is nothing to show.
    assert.equal(await server.hover(uri, { line: 0, character: 1 }), null);
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

test('a .tfvars change on disk (didChangeWatchedFiles) re-analyses the unit', async () => {
  const ws = tempWorkspace({ 'variables.tf': VARIABLES, 'terraform.tfvars': 'x = "one"\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    await server.waitForDiagnostics(uri, (p) => p.version === 1);
    await server.waitFor(() => (server.analysisDone.length === 1 ? true : undefined), 5000, 'the first analysis');
    assert.match((await server.hover(uri, ON_VAR_X))!.contents.value, /"one"/);
    const runs = server.analysisDone.length;
    ws.write('terraform.tfvars', 'x = "two"\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(ws.path('terraform.tfvars')), type: 2 }],
    });
    await server.waitFor(() => (server.analysisDone.length > runs ? true : undefined), 5000, 'a new analysis');
    assert.equal(server.analysisDone.at(-1)!.unit, ws.root.replace(/\\/g, '/'));
    assert.match((await server.hover(uri, ON_VAR_X))!.contents.value, /"two"/);

    // A syntax error in the var file is reported on the var file.
    const tfvars = uriOf(ws.path('terraform.tfvars'));
    ws.write('terraform.tfvars', 'x = \n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: tfvars, type: 2 }] });
    const broken = await server.waitForDiagnostics(tfvars, (p) => p.diagnostics.length > 0);
    assert.equal(broken.diagnostics[0].range.start.line, 0);
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

test('an open .tfvars buffer overrides its disk text for the unit, and closing it restores disk', async () => {
  const ws = tempWorkspace({ 'variables.tf': VARIABLES, 'main.tf': MAIN, 'terraform.tfvars': 'x = "disk"\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    const tfvars = uriOf(ws.path('terraform.tfvars'));
    await server.open(uri, MAIN, 1);
    assert.match((await server.hover(uri, ON_VAR_X))!.contents.value, /"disk"/);
    await server.open(tfvars, 'x = "disk"\n', 1);
    await server.change(tfvars, 2, [{ range: rangeOf(0, 5, 0, 9), text: 'typed' }]);
    assert.match((await server.hover(uri, ON_VAR_X))!.contents.value, /"typed"/);
    await server.close(tfvars);
    assert.match((await server.hover(uri, ON_VAR_X))!.contents.value, /"disk"/);
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

test('a configuration change (palisade.terraform.varFiles) is pulled again and re-analyses', async () => {
  const ws = tempWorkspace({ 'variables.tf': VARIABLES, 'terraform.tfvars': 'x = "one"\n', 'env/prod.tfvars': 'x = "prod"\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, MAIN, 1);
    await server.waitForDiagnostics(uri, (p) => p.version === 1);
    await server.waitFor(() => (server.analysisDone.length === 1 ? true : undefined), 5000, 'the first analysis');
    const pulls = server.configurationRequests;
    assert.ok(pulls >= 1, 'settings are pulled through workspace/configuration');
    const runs = server.analysisDone.length;
    server.settings = { terraform: { varFiles: ['env/prod.tfvars'] } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.waitFor(() => (server.analysisDone.length > runs ? true : undefined), 5000, 'a new analysis');
    assert.ok(server.configurationRequests > pulls, 'settings are pulled again after the change');
    const hover = await server.hover(uri, ON_VAR_X);
    assert.match(hover!.contents.value, /"prod"/);
    assert.match(hover!.contents.value, /prod\.tfvars:1/);

    // The selected var file is now a dependency: editing it on disk re-analyses too.
    ws.write('env/prod.tfvars', 'x = "prod2"\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(ws.path('env/prod.tfvars')), type: 2 }],
    });
    assert.match((await server.hover(uri, ON_VAR_X))!.contents.value, /"prod2"/);
  } finally {
    await server.stop();
    ws.cleanup();
  }
});

test('clients without workspace/configuration get defaults; .rego and untitled buffers do not crash', async () => {
  const ws = tempWorkspace({});
  const server = await TestServer.start({ workspaceFolder: ws.root, configurationCapability: false });
  try {
    const rego = uriOf(ws.path('policy.rego'));
    await server.open(rego, 'package p\n\ndeny contains "x" if { true }\n', 1, 'rego');
    const untitled = 'untitled:Untitled-1';
    await server.open(untitled, 'resource "a" "b" {\n', 1);
    const published = await server.waitForDiagnostics(untitled, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.range), [rangeOf(0, 17, 0, 18)]);
    const uri = uriOf(ws.path('main.tf'));
    await server.open(uri, 'locals {\n', 1);
    await server.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 1);
    assert.equal(server.configurationRequests, 0);
    const info = await server.connection.sendRequest<{ rssBytes: number; openDocuments: number }>('palisade/serverInfo');
    assert.equal(info.openDocuments, 2, 'rego buffer and main.tf (untitled has no path)');
    assert.ok(info.rssBytes > 0);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
