// End-to-end: the folder's .rego files are learned once and then kept current by file events, so
// a file created or deleted on disk changes the compile result of an open document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { TestServer, tempWorkspace, uriOf, type Diagnostic } from './harness';

const compileErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('rego_')).map((d) => d.message);

test('a created or deleted neighbour file reaches the open document through file events', async () => {
  const ws = tempWorkspace({ 'other/unrelated.rego': 'package other\n\nx := 1\n' });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.rego'));
    await server.open(uri, 'package p\n\nallow if data.q.f(1)\n', 1, 'rego');
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(compileErrors(first.diagnostics), ['undefined function data.q.f']);

    // The function appears on disk: the created-file event adds it to the known files.
    const before = server.published.length;
    ws.write('lib/q.rego', 'package q\n\nf(x) := x\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('lib/q.rego')), type: 1 }] });
    const second = await server.waitForDiagnostics(uri, () => true, before);
    assert.deepEqual(compileErrors(second.diagnostics), []);

    // Edits to the document keep using the learned file list.
    await server.change(uri, 2, [{ range: { start: { line: 2, character: 19 }, end: { line: 2, character: 19 } }, text: ' == 1' }]);
    const third = await server.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(compileErrors(third.diagnostics), []);

    // Deleted again: the undefined function is back.
    const beforeDelete = server.published.length;
    rmSync(ws.path('lib/q.rego'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('lib/q.rego')), type: 3 }] });
    const fourth = await server.waitForDiagnostics(uri, () => true, beforeDelete);
    assert.deepEqual(compileErrors(fourth.diagnostics), ['undefined function data.q.f']);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('typing inside a string literal keeps compile errors, moved by the edit; other edits re-check', async () => {
  const ws = tempWorkspace({});
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.rego'));
    const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => String(d.code).startsWith('rego_')).map((d) => [d.message, d.range.start.character, d.range.end.character]);
    await server.open(uri, 'package p\n\nmsg := "ab"\n\nr if { x := "c"; y == msg }\n', 1, 'rego');
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(errorsOf(first.diagnostics), [['var y is unsafe', 17, 18]]);

    // Same line as the error, before it: the error moves right by the typed length.
    await server.change(uri, 2, [{ range: { start: { line: 4, character: 13 }, end: { line: 4, character: 13 } }, text: 'def' }]);
    const second = await server.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(errorsOf(second.diagnostics), [['var y is unsafe', 20, 21]]);

    // Closing the string early changes the code: the check runs again and reports the new state.
    await server.change(uri, 3, [{ range: { start: { line: 4, character: 13 }, end: { line: 4, character: 13 } }, text: '" + 1 + "' }]);
    const third = await server.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.notDeepEqual(errorsOf(third.diagnostics), errorsOf(second.diagnostics));

    // Back to the original text, then an edit outside any string (y → x): re-checked, the error is gone.
    await server.change(uri, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, text: 'package p\n\nmsg := "ab"\n\nr if { x := "c"; y == msg }\n' }]);
    const fourth = await server.waitForDiagnostics(uri, (p) => p.version === 4);
    assert.deepEqual(errorsOf(fourth.diagnostics), [['var y is unsafe', 17, 18]]);
    await server.change(uri, 5, [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 18 } }, text: 'x' }]);
    const fifth = await server.waitForDiagnostics(uri, (p) => p.version === 5);
    assert.deepEqual(errorsOf(fifth.diagnostics), []);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
