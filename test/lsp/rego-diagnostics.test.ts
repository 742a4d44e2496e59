// End-to-end: .rego documents get parse, compile and lint diagnostics as they are edited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf, TestServer, tempWorkspace, uriOf, type Diagnostic } from './harness';

type LspDiagnostic = Diagnostic & { codeDescription?: { href: string } };

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code) as LspDiagnostic[];

test('rego parse errors, then compile errors, then lint violations follow incremental edits; config silences a rule', async () => {
  const ws = tempWorkspace({});
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const path = ws.path('policy/main.rego');
    const uri = uriOf(path);
    // OPA reports two parse errors for an object with a missing value, both on the closing brace.
    await server.open(uri, 'package p\n\nallow := {1: }\n', 1, 'rego');
    const first = await server.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.equal(first.diagnostics.length, 2);
    for (const d of first.diagnostics) {
      assert.deepEqual(d.range, rangeOf(2, 13, 2, 14));
      assert.equal(d.code, 'rego_parse_error');
      assert.equal(d.severity, 1);
      assert.equal(d.source, 'palisade');
    }
    assert.deepEqual(first.diagnostics.map((d) => d.message), [
      'unexpected } token',
      'unexpected } token: expected rule value term (e.g., allow := <VALUE> { ... })',
    ]);

    // Parses now, but `x` is never bound: OPA's safety check reports it; the editor underlines `x` itself.
    await server.change(uri, 2, [{ range: rangeOf(2, 9, 2, 14), text: 'x' }]);
    const second = await server.waitForDiagnostics(uri, (p) => p.version === 2);
    // Lint runs beside the compile checks (e.g. directory-package-mismatch); only OPA's errors matter here.
    assert.deepEqual(
      second.diagnostics.filter((d) => String(d.code).startsWith('rego_')).map((d) => [d.code, d.message, d.range]),
      [['rego_unsafe_var_error', 'var x is unsafe', rangeOf(2, 9, 2, 10)]],
    );

    // Compiles now; `=` where `:=` is meant is a lint violation, as is a camelCase rule name.
    await server.change(uri, 3, [{ range: rangeOf(2, 0, 2, 10), text: 'allow = true\n\nmyRule if input.x == 1' }]);
    const third = await server.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.equal(third.diagnostics.filter((d) => String(d.code).startsWith('rego_')).length, 0);
    const [assignment] = byCode(third.diagnostics, 'use-assignment-operator');
    assert.ok(assignment, `use-assignment-operator expected in ${JSON.stringify(third.diagnostics)}`);
    assert.deepEqual(assignment.range, rangeOf(2, 6, 2, 7));
    assert.equal(assignment.severity, 1);
    assert.equal(assignment.source, 'palisade');
    assert.match(assignment.codeDescription?.href ?? '', /^https:\/\/.*use-assignment-operator/);
    const [snake] = byCode(third.diagnostics, 'prefer-snake-case');
    assert.ok(snake, 'prefer-snake-case expected');
    assert.deepEqual(snake.range, rangeOf(4, 0, 4, 6));
    assert.equal(snake.severity, 1);

    // A Regal config found upward: one rule ignored, another lowered to a warning.
    const before = server.published.length;
    ws.write('.regal/config.yaml', 'rules:\n  style:\n    use-assignment-operator:\n      level: ignore\n    prefer-snake-case:\n      level: warning\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ws.path('.regal/config.yaml')), type: 1 }] });
    const fourth = await server.waitForDiagnostics(uri, () => true, before);
    assert.equal(fourth.version, 3);
    assert.equal(byCode(fourth.diagnostics, 'use-assignment-operator').length, 0);
    const [warned] = byCode(fourth.diagnostics, 'prefer-snake-case');
    assert.ok(warned, 'prefer-snake-case still expected');
    assert.equal(warned.severity, 2);

    // Closing the document clears what was published for it.
    const beforeClose = server.published.length;
    await server.close(uri);
    const cleared = await server.waitForDiagnostics(uri, () => true, beforeClose);
    assert.deepEqual(cleared.diagnostics, []);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});

test('rego compile errors use the files around the document but are published only for it', async () => {
  const ws = tempWorkspace({
    // The function the document calls lives in another file of the tree.
    'lib/helpers.rego': 'package p\n\nhelper(x) := x\n',
    // A neighbour that does not parse must not hide the document's own compile errors.
    'lib/broken.rego': 'package q\n\nx := {1: }\n',
  });
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    const uri = uriOf(ws.path('main.rego'));
    // Alone, `data.p.helper` would be an undefined function, and that stage would stop the safety check.
    await server.open(uri, 'package p\n\nallow if data.p.helper(1)\n\ndeny := y\n', 1, 'rego');
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 1);
    const compile = published.diagnostics.filter((d) => String(d.code).startsWith('rego_'));
    assert.deepEqual(
      compile.map((d) => [d.code, d.message, d.range]),
      [['rego_unsafe_var_error', 'var y is unsafe', rangeOf(4, 8, 4, 9)]],
    );
    assert.equal(server.published.some((p) => p.uri !== uri), false);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
});
