// End-to-end over stdio: Rego authoring requests (formatting, hover, definition, references,
// document symbols, folding, completion) answered by the real server for .rego documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf, TestServer, tempWorkspace, uriOf, type Range } from './harness';
import { formatModule, getBuiltin } from '../../server/src/rego/index';

interface TextEdit {
  range: Range;
  newText: string;
}
interface Location {
  uri: string;
  range: Range;
}
interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
}

/** Applies LSP edits (non-overlapping) to a text. */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : starts[p.line] + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const LIB = `package lib.net

# METADATA
# title: Public CIDR
# description: True when the CIDR block is open to the whole internet.
is_public(cidr) if cidr == "0.0.0.0/0"

private_ranges := {"10.0.0.0/8"}
`;

const MAIN = `package policy.sg

import data.lib.net

deny contains msg if {
	some r in input.resources
	net.is_public(r.config.cidr)
	msg := sprintf("%s is open", [r.address])
}

count_open := count(deny)
`;

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

test('formatting: edits turn the document into opa fmt output; none when formatted or unparsable', async () => {
  await withServer({}, async (server, ws) => {
    const uri = uriOf(ws.path('p/fmt.rego'));
    const messy = 'package p\nimport rego.v1\nallow   if {\n  input.x==1\n}\n\n\n\ndeny contains "x" if   input.y\n';
    await server.open(uri, messy, 1, 'rego');
    const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
    assert.ok(edits.length > 0, 'edits expected for an unformatted file');
    const expected = formatModule(messy).formatted;
    assert.ok(expected && expected !== messy);
    assert.equal(applyLspEdits(messy, edits), expected);
    // Edits touch changed lines only: the package line is left alone.
    assert.ok(edits.every((e) => e.range.start.line >= 1), JSON.stringify(edits));

    // A range over the last rule only gets the edits on those lines.
    const ranged = await server.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: rangeOf(8, 0, 8, 10), options: { tabSize: 4, insertSpaces: false } });
    assert.ok(ranged.length > 0 && ranged.length < edits.length, JSON.stringify(ranged));
    assert.ok(ranged.every((e) => e.range.start.line <= 8 && e.range.end.line >= 8));

    await server.change(uri, 2, [{ range: rangeOf(0, 0, 9, 0), text: expected! }]);
    assert.deepEqual(await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } }), []);

    await server.change(uri, 3, [{ range: rangeOf(0, 0, 0, 0), text: 'x := {1: }\n' }]);
    assert.deepEqual(await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } }), []);
  });
});

test('hover: builtin signature and description; a workspace function with its METADATA', async () => {
  await withServer({ 'lib/net.rego': LIB }, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg.rego'));
    await server.open(uri, MAIN, 1, 'rego');
    const lines = MAIN.split('\n');
    const countLine = lines.findIndex((l) => l.startsWith('count_open'));
    const builtinHover = await server.hover(uri, { line: countLine, character: lines[countLine].indexOf('count(') + 2 });
    const count = getBuiltin('count')!;
    assert.ok(builtinHover, 'hover expected on count');
    assert.match(builtinHover.contents.value, /count\(collection: /);
    assert.ok(builtinHover.contents.value.includes(count.description), builtinHover.contents.value);
    assert.deepEqual(builtinHover.range, rangeOf(countLine, lines[countLine].indexOf('count('), countLine, lines[countLine].indexOf('count(') + 5));

    const callLine = lines.findIndex((l) => l.includes('net.is_public'));
    const fnHover = await server.hover(uri, { line: callLine, character: lines[callLine].indexOf('is_public') + 3 });
    assert.ok(fnHover, 'hover expected on net.is_public');
    assert.match(fnHover.contents.value, /is_public\(cidr\) if cidr == "0\.0\.0\.0\/0"/);
    assert.match(fnHover.contents.value, /\*\*Public CIDR\*\*/);
    assert.match(fnHover.contents.value, /open to the whole internet/);
    assert.match(fnHover.contents.value, /function `lib\.net\.is_public`/);

    // A local variable is neither a builtin nor a rule: no hover.
    const msgLine = lines.findIndex((l) => l.includes('msg := sprintf'));
    assert.equal(await server.hover(uri, { line: msgLine, character: 2 }), null);
  });
});

test('definition and references follow imports across files of the tree', async () => {
  await withServer({ 'lib/net.rego': LIB, 'policy/other.rego': 'package policy.other\n\nimport data.lib.net as n\n\nopen if n.is_public("0.0.0.0/0")\n\nalso if data.lib.net.is_public("1.2.3.4/32")\n' }, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg.rego'));
    await server.open(uri, MAIN, 1, 'rego');
    const lines = MAIN.split('\n');
    const callLine = lines.findIndex((l) => l.includes('net.is_public'));
    const at = { line: callLine, character: lines[callLine].indexOf('is_public') + 1 };
    const defs = await server.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: at });
    assert.deepEqual(defs, [{ uri: uriOf(ws.path('lib/net.rego')), range: rangeOf(5, 0, 5, 9) }]);

    const refs = await server.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    const key = (l: Location) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;
    assert.deepEqual(refs.map(key).sort(), ['net.rego:5:0-9', 'other.rego:4:8-19', 'other.rego:6:8-30', `sg.rego:${callLine}:1-14`].sort());
    const withoutDecl = await server.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: false } });
    assert.equal(withoutDecl.length, 3);

    // A local variable goes to where its scope binds it (`msg := …`), also from the rule head.
    const msgHead = lines.findIndex((l) => l.startsWith('deny contains msg'));
    const msgBound = callLine + 1;
    assert.match(lines[msgBound], /^\tmsg := /);
    for (const position of [{ line: msgBound, character: 2 }, { line: msgHead, character: 15 }]) {
      const local = await server.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position });
      assert.deepEqual(local, [{ uri, range: rangeOf(msgBound, 1, msgBound, 4) }]);
    }
    // An undeclared local (`r` of `some r in …` is declared; a function argument is too) → its declaration.
    const someLine = lines.findIndex((l) => l.includes('some r in input.resources'));
    const rUse = await server.connection.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: callLine, character: lines[callLine].indexOf('(r.') + 1 } });
    assert.deepEqual(rUse, [{ uri, range: rangeOf(someLine, 6, someLine, 7) }]);
  });
});

test('document symbols and folding ranges', async () => {
  await withServer({}, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg_test.rego'));
    const text = 'package policy.sg_test\n\nimport data.lib.net\nimport data.policy.sg\n\n# helper\n# two lines\nf(x) := x + 1\n\nallow if {\n\tinput.a\n\tinput.b\n}\n\ntest_allow if {\n\tallow with input as {"a": true, "b": true}\n}\n';
    await server.open(uri, text, 1, 'rego');
    const symbols = await server.connection.sendRequest<Array<{ name: string; kind: number; children?: Array<{ name: string; kind: number; detail?: string; range: Range }> }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'policy.sg_test');
    assert.equal(symbols[0].kind, 4 /* Package */);
    assert.deepEqual(symbols[0].children!.map((c) => [c.name, c.kind, c.detail]), [
      ['f', 12 /* Function */, 'function'],
      ['allow', 13 /* Variable */, 'rule'],
      ['test_allow', 6 /* Method */, 'test'],
    ]);
    assert.deepEqual(symbols[0].children![1].range, rangeOf(9, 0, 12, 1));

    const folds = await server.connection.sendRequest<Array<{ startLine: number; endLine: number; kind?: string }>>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds, [
      { startLine: 2, endLine: 3, kind: 'imports' },
      { startLine: 5, endLine: 6, kind: 'comment' },
      { startLine: 9, endLine: 12 },
      { startLine: 14, endLine: 16 },
    ]);
  });
});

test('completion: keywords, builtins, package rules, imported rules, locals and input fields', async () => {
  await withServer({ 'lib/net.rego': LIB }, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg.rego'));
    const text = MAIN + '\nother if {\n\tsome r in input.resources\n\tlocal_one := 1\n\t\n}\n';
    await server.open(uri, text, 1, 'rego');
    const lines = text.split('\n');
    const blank = lines.length - 3; // the empty line inside `other`
    const complete = (line: number, character: number) =>
      server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const labels = (items: CompletionItem[]) => new Set(items.map((i) => i.label));

    const plain = await complete(blank, 1);
    const names = labels(plain);
    for (const expected of ['every', 'contains', 'count', 'sprintf', 'deny', 'count_open', 'net', 'local_one', 'r']) assert.ok(names.has(expected), `${expected} missing`);
    assert.ok(!names.has('msg'), 'a variable of another rule is not in scope');
    const sprintf = plain.find((i) => i.label === 'sprintf')!;
    assert.match(sprintf.detail ?? '', /^sprintf\(format: string, values: array\[any\]\) → /);
    assert.ok(names.has('time'), 'builtin namespaces are offered');

    // `net.` lists the rules of the imported package.
    await server.change(uri, 2, [{ range: rangeOf(blank, 1, blank, 1), text: 'net.' }]);
    assert.deepEqual([...labels(await complete(blank, 5))].sort(), ['is_public', 'private_ranges']);

    // `input.` lists the model's top-level fields; `r.` (bound from input.resources) a resource's.
    await server.change(uri, 3, [{ range: rangeOf(blank, 1, blank, 5), text: 'input.' }]);
    const input = labels(await complete(blank, 7));
    for (const field of ['resources', 'format', 'files', 'variables']) assert.ok(input.has(field), `input.${field} missing`);
    await server.change(uri, 4, [{ range: rangeOf(blank, 1, blank, 7), text: 'r.' }]);
    const resource = labels(await complete(blank, 3));
    for (const field of ['address', 'type', 'config']) assert.ok(resource.has(field), `r.${field} missing`);

    // `time.` lists the builtins of that namespace with signatures.
    await server.change(uri, 5, [{ range: rangeOf(blank, 1, blank, 3), text: 'time.' }]);
    const time = await complete(blank, 6);
    assert.ok(time.some((i) => i.label === 'now_ns' && /^time\.now_ns\(\)/.test(i.detail ?? '')), JSON.stringify(time.slice(0, 3)));
  });
});
