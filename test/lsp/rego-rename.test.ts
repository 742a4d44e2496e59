// End-to-end over stdio: rename of local variables (scoped as OPA scopes them) and of rules and
// functions across the files of the workspace, with refusals for what cannot or must not be renamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TestServer, tempWorkspace, uriOf, type Range } from './harness';

interface TextEdit {
  range: Range;
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
}

function applyLspEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : starts[p.line] + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The position of the `k`-th occurrence of `needle` (plus `delta` characters) in `text`. */
function positionOf(text: string, needle: string, delta = 0, k = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= k; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

async function withServer(files: Record<string, string>, run: (server: TestServer, ws: ReturnType<typeof tempWorkspace>) => Promise<void>): Promise<void> {
  const ws = tempWorkspace(files);
  const server = await TestServer.start({ workspaceFolder: ws.root });
  try {
    await run(server, ws);
  } finally {
    assert.equal(await server.stop(), 0);
    ws.cleanup();
  }
}

const SCOPES = `package scopes

deny contains msg if {
	some r in input.resources
	names := [r | some r in input.other; r != ""]
	every x in r.items {
		x > 0
	}
	msg := sprintf("%s", [r.address, count(names)])
}

f(x) := y if {
	y := x + 1
}
`;

test('rename a local: exactly the variable its scope binds (some, comprehension, every, arguments)', async () => {
  await withServer({}, async (server, ws) => {
    const uri = uriOf(ws.path('scopes.rego'));
    await server.open(uri, SCOPES, 1, 'rego');
    const rename = (position: { line: number; character: number }, newName: string) =>
      server.connection.sendRequest<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position, newName });

    // The outer `r` (some r in input.resources): its uses outside the comprehension only.
    const prepared = await server.connection.sendRequest<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(SCOPES, 'some r', 5) });
    assert.deepEqual(prepared, { range: { start: positionOf(SCOPES, 'some r', 5), end: positionOf(SCOPES, 'some r', 6) }, placeholder: 'r' });
    const outer = await rename(positionOf(SCOPES, 'r.address'), 'res');
    assert.equal(
      applyLspEdits(SCOPES, outer!.changes![uri]),
      SCOPES.replace('some r in input.resources', 'some res in input.resources').replace('in r.items', 'in res.items').replace('[r.address', '[res.address'),
    );

    // The comprehension's own `r` (declared by its `some`): only inside the comprehension.
    const inner = await rename(positionOf(SCOPES, 'r != ""'), 'name');
    assert.equal(applyLspEdits(SCOPES, inner!.changes![uri]), SCOPES.replace('[r | some r in input.other; r != ""]', '[name | some name in input.other; name != ""]'));

    // `every x`: the every's own variable, not the argument `x` of f.
    const everyVar = await rename(positionOf(SCOPES, 'x > 0'), 'item');
    assert.equal(applyLspEdits(SCOPES, everyVar!.changes![uri]), SCOPES.replace('every x in', 'every item in').replace('x > 0', 'item > 0'));

    // A function argument and its uses.
    const arg = await rename(positionOf(SCOPES, 'x + 1'), 'n');
    assert.equal(applyLspEdits(SCOPES, arg!.changes![uri]), SCOPES.replace('f(x)', 'f(n)').replace('x + 1', 'n + 1'));

    // A head variable bound in the body: head and body together.
    const msg = await rename(positionOf(SCOPES, 'contains msg', 10), 'message');
    assert.equal(applyLspEdits(SCOPES, msg!.changes![uri]), SCOPES.replace('contains msg', 'contains message').replace('msg := ', 'message := '));
  });
});

test('rename refuses builtins, keywords, input/data and colliding names', async () => {
  await withServer({}, async (server, ws) => {
    const uri = uriOf(ws.path('scopes.rego'));
    await server.open(uri, SCOPES, 1, 'rego');
    const prepare = (position: { line: number; character: number }) =>
      server.connection.sendRequest<unknown>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.equal(await prepare(positionOf(SCOPES, 'sprintf', 2)), null, 'builtin');
    assert.equal(await prepare(positionOf(SCOPES, 'count(', 1)), null, 'builtin');
    assert.equal(await prepare(positionOf(SCOPES, 'every', 1)), null, 'keyword');
    assert.equal(await prepare(positionOf(SCOPES, 'input.resources', 2)), null, 'input');
    assert.equal(await prepare(positionOf(SCOPES, 'package', 2)), null, 'keyword package');

    const renameError = async (position: { line: number; character: number }, newName: string) => {
      try {
        await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName });
      } catch (err) {
        return (err as Error).message;
      }
      assert.fail(`rename to ${newName} should have been refused`);
    };
    assert.match(await renameError(positionOf(SCOPES, 'msg :='), 'names'), /already a variable/);
    assert.match(await renameError(positionOf(SCOPES, 'msg :='), 'deny'), /already a rule/);
    assert.match(await renameError(positionOf(SCOPES, 'msg :='), 'count'), /builtin/);
    assert.match(await renameError(positionOf(SCOPES, 'msg :='), 'not'), /keyword/);
    assert.match(await renameError(positionOf(SCOPES, 'msg :='), '1abc'), /not a valid/);
    assert.match(await renameError(positionOf(SCOPES, 'f(x)'), 'deny'), /already exists/);
    assert.match(await renameError(positionOf(SCOPES, 'sprintf', 2), 'fmt'), /can be renamed/);
  });
});

const LIB = `package lib.net

is_public(cidr) if cidr == "0.0.0.0/0"

private_ranges := {"10.0.0.0/8"}
`;
const SG = `package policy.sg

import data.lib.net

deny contains msg if {
	some r in input.resources
	net.is_public(r.config.cidr)
	msg := sprintf("%s is open", [r.address])
}
`;
const OTHER = `package policy.other

import data.lib.net.is_public
import data.lib.net.is_public as public

open if is_public("0.0.0.0/0")

aliased if public("0.0.0.0/0")

direct if data.lib.net.is_public("1.2.3.4/32")

dynamic if data.lib.net["is_public"]("1.2.3.4/32")
`;

test('rename a function across files: definition, data refs, imports; explicit aliases left intact', async () => {
  await withServer({ 'lib/net.rego': LIB, 'policy/other.rego': OTHER }, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg.rego'));
    await server.open(uri, SG, 1, 'rego');
    const position = positionOf(SG, 'is_public', 3);
    const prepared = await server.connection.sendRequest<{ placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.equal(prepared?.placeholder, 'is_public');
    const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'is_open' });
    const changes = edit.changes!;
    assert.deepEqual(Object.keys(changes).sort(), [uriOf(ws.path('lib/net.rego')), uriOf(ws.path('policy/other.rego')), uri].sort());
    assert.equal(applyLspEdits(LIB, changes[uriOf(ws.path('lib/net.rego'))]), LIB.replace('is_public(cidr)', 'is_open(cidr)'));
    assert.equal(applyLspEdits(SG, changes[uri]), SG.replace('net.is_public(', 'net.is_open('));
    assert.equal(
      applyLspEdits(OTHER, changes[uriOf(ws.path('policy/other.rego'))]),
      `package policy.other

import data.lib.net.is_open
import data.lib.net.is_open as public

open if is_open("0.0.0.0/0")

aliased if public("0.0.0.0/0")

direct if data.lib.net.is_open("1.2.3.4/32")

dynamic if data.lib.net["is_open"]("1.2.3.4/32")
`,
    );
    // Disk is untouched: the client applies the edit.
    assert.equal(readFileSync(ws.path('lib/net.rego'), 'utf8'), LIB);

    // Renaming from the definition gives the same edit; to an existing rule of the package is refused.
    const netUri = uriOf(ws.path('lib/net.rego'));
    await server.open(netUri, LIB, 1, 'rego');
    const fromDef = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: netUri }, position: positionOf(LIB, 'is_public', 2), newName: 'is_open' });
    assert.deepEqual(fromDef, edit);
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', { textDocument: { uri: netUri }, position: positionOf(LIB, 'is_public', 2), newName: 'private_ranges' }),
      /already exists/,
    );
    // An explicit alias is not the rule's name: no rename from there.
    const otherUri = uriOf(ws.path('policy/other.rego'));
    await server.open(otherUri, OTHER, 1, 'rego');
    assert.equal(await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: otherUri }, position: positionOf(OTHER, ' public("', 2) }), null);
  });
});

test('rename a rule referenced by plain name in its package, across files of the package', async () => {
  const a = 'package app\n\ndefault allow := false\n\nallow if input.admin\n';
  const b = 'package app\n\nreasons contains "admin" if allow\n\ntest_allow if allow with input as {"admin": true}\n';
  await withServer({ 'app/a.rego': a, 'app/b.rego': b }, async (server, ws) => {
    const uri = uriOf(ws.path('app/b.rego'));
    await server.open(uri, b, 1, 'rego');
    const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(b, 'if allow', 4), newName: 'permitted' });
    assert.equal(applyLspEdits(a, edit.changes![uriOf(ws.path('app/a.rego'))]), a.replaceAll('allow', 'permitted'));
    assert.equal(applyLspEdits(b, edit.changes![uri]), b.replace('if allow', 'if permitted').replace('if allow with', 'if permitted with'));
  });
});
