// End-to-end over stdio: workspace symbols, semantic tokens, signature help, document links and
// schema-aware completion (METADATA `schemas:` and the workspace's Terraform models) for .rego.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestServer, tempWorkspace, uriOf, type Range } from './harness';

interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | { value: string };
}
interface SemanticTokensLegend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

function positionOf(text: string, needle: string, delta = 0, k = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= k; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  const before = text.slice(0, at + delta);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
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

/** Starts a server just to read its initialize result (the legend lives there). */
async function initializeResult(): Promise<{ capabilities: Record<string, unknown> }> {
  const ws = tempWorkspace({});
  const { spawn } = await import('node:child_process');
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const { SERVER_BUNDLE } = await import('./harness');
  const child = spawn(process.execPath, [SERVER_BUNDLE, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  try {
    return await connection.sendRequest('initialize', { processId: process.pid, rootUri: uriOf(ws.root), capabilities: {}, initializationOptions: { clientWatchesFiles: true } });
  } finally {
    connection.dispose();
    child.kill();
    ws.cleanup();
  }
}

test('initialize registers rename, workspace symbols, semantic tokens, signature help and document links', async () => {
  const { capabilities } = await initializeResult();
  assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  assert.equal(capabilities.workspaceSymbolProvider, true);
  assert.deepEqual((capabilities.signatureHelpProvider as { triggerCharacters: string[] }).triggerCharacters, ['(', ',']);
  assert.ok(capabilities.documentLinkProvider);
  const tokens = capabilities.semanticTokensProvider as { legend: SemanticTokensLegend; full: boolean; range: boolean };
  assert.equal(tokens.full, true);
  assert.equal(tokens.range, true);
  assert.deepEqual(tokens.legend.tokenTypes, ['namespace', 'function', 'variable', 'parameter', 'property']);
});

const LIB = `package lib.net

# METADATA
# description: True when the CIDR is open to the world.
is_public(cidr, strict) if cidr == "0.0.0.0/0"

private_ranges := {"10.0.0.0/8"}
`;
const MAIN = `package policy.sg

import data.lib.net

deny contains msg if {
	some r in input.resources
	net.is_public(r.config.cidr, true)
	msg := sprintf("%s is open", [r.address])
}

helper(x) := count(x)
`;

test('workspace symbols: packages, rules and functions of every .rego file, fuzzy-matched', async () => {
  await withServer({ 'lib/net.rego': LIB, 'policy/sg.rego': MAIN, 'node_modules/x/skip.rego': 'package skipped\n\nnever := 1\n' }, async (server, ws) => {
    type Symbol = { name: string; kind: number; containerName?: string; location: { uri: string; range: Range } };
    const query = (q: string) => server.connection.sendRequest<Symbol[]>('workspace/symbol', { query: q });
    const all = await query('');
    const names = all.map((s) => `${s.containerName ?? ''}/${s.name}:${s.kind}`).sort();
    assert.deepEqual(names, ['/lib.net:4', '/policy.sg:4', 'lib.net/is_public:12', 'lib.net/private_ranges:13', 'policy.sg/deny:13', 'policy.sg/helper:12']);
    const isPublic = all.find((s) => s.name === 'is_public')!;
    assert.deepEqual(isPublic.location, { uri: uriOf(ws.path('lib/net.rego')), range: { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } } });
    // In-order characters, any case: `ispub` finds is_public; `netpriv` matches through the package name.
    assert.deepEqual((await query('ispub')).map((s) => s.name), ['is_public']);
    assert.deepEqual((await query('NetPriv')).map((s) => s.name), ['private_ranges']);
    assert.deepEqual(await query('zzz'), []);
  });
});

/** Decodes LSP semantic tokens into `text:type.modifier…` strings. */
function decode(text: string, data: number[], legend: SemanticTokensLegend): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push(`${lines[line].slice(char, char + data[i + 2])}:${[legend.tokenTypes[data[i + 3]], ...mods].join('.')}`);
  }
  return out;
}

test('semantic tokens: namespaces, builtin vs user calls, locals with declarations, parameters, fields', async () => {
  const legend = ((await initializeResult()).capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
  await withServer({ 'lib/net.rego': LIB }, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg.rego'));
    await server.open(uri, MAIN, 1, 'rego');
    const full = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decode(MAIN, full.data, legend), [
      'policy:namespace', 'sg:namespace',
      'data:variable.defaultLibrary', 'lib:namespace', 'net:namespace',
      'deny:variable.declaration.readonly', 'msg:variable',
      'r:variable.declaration', 'input:variable.defaultLibrary', 'resources:property',
      'net:namespace', 'is_public:function', 'r:variable', 'config:property', 'cidr:property',
      'msg:variable.declaration', 'sprintf:function.defaultLibrary', 'r:variable', 'address:property',
      'helper:function.declaration', 'x:parameter.declaration', 'count:function.defaultLibrary', 'x:parameter',
    ]);
    // A range request returns the tokens of those lines only.
    const ranged = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } } });
    assert.deepEqual(decode(MAIN, ranged.data, legend), ['helper:function.declaration', 'x:parameter.declaration', 'count:function.defaultLibrary', 'x:parameter']);
    // A half-typed document still answers (tokens of what parsed, or none), without an error.
    await server.change(uri, 2, [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: 'broken := {\n' }]);
    const broken = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(Array.isArray(broken.data));
  });
});

test('signature help: builtins and workspace functions, active parameter by comma', async () => {
  await withServer({ 'lib/net.rego': LIB }, async (server, ws) => {
    const uri = uriOf(ws.path('policy/sg.rego'));
    const text = MAIN.replace('helper(x) := count(x)', 'helper(x) := concat(",", [x, net.is_public(x, ');
    await server.open(uri, text, 1, 'rego');
    type Help = { signatures: Array<{ label: string; documentation?: string; parameters: Array<{ label: [number, number] }> }>; activeParameter: number };
    const help = (position: { line: number; character: number }) => server.connection.sendRequest<Help | null>('textDocument/signatureHelp', { textDocument: { uri }, position });

    const sprintf = await help(positionOf(text, '[r.address]', 1));
    assert.match(sprintf!.signatures[0].label, /^sprintf\(format: string, values: array\[any\]\) → /);
    assert.equal(sprintf!.activeParameter, 1);
    const [start, end] = sprintf!.signatures[0].parameters[1].label;
    assert.equal(sprintf!.signatures[0].label.slice(start, end), 'values: array[any]');

    // Inside the string argument of sprintf, commas do not count.
    assert.equal((await help(positionOf(text, 'is open', 2)))!.activeParameter, 0);

    // The innermost open call of a half-typed line: net.is_public( with one comma → `strict`.
    const line = text.split('\n').length - 2;
    const user = await help({ line, character: text.split('\n')[line].length });
    assert.equal(user!.signatures[0].label, 'is_public(cidr, strict)');
    assert.equal(user!.activeParameter, 1);
    assert.equal(user!.signatures[0].documentation, 'True when the CIDR is open to the world.');

    // Outside any call: nothing.
    assert.equal(await help({ line: 0, character: 3 }), null);
  });
});

const SCHEMA = JSON.stringify({
  type: 'object',
  properties: {
    user: {
      type: 'object',
      description: 'The caller.',
      properties: { name: { type: 'string', description: 'Login name.' }, roles: { type: 'array', items: { $ref: '#/definitions/role' } } },
    },
    action: { type: 'string', description: 'What is attempted.' },
  },
  definitions: { role: { type: 'object', properties: { id: { type: 'string' }, scope: { type: 'string', description: 'Where it applies.' } } } },
});

const AUTHZ = `# METADATA
# schemas:
#   - input: schema.authz
#   - input.extra: {"type": "object", "properties": {"flag": {"type": "boolean"}}}
package authz

import data.lib.net

allow if {
	some role in input.user.roles
	input.
}
`;

test('document links: imports to the package file, METADATA schema references to the schema file', async () => {
  await withServer({ 'lib/net.rego': LIB, 'schemas/authz.json': SCHEMA }, async (server, ws) => {
    const uri = uriOf(ws.path('authz/authz.rego'));
    await server.open(uri, AUTHZ, 1, 'rego');
    const links = await server.connection.sendRequest<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => [l.range, l.target]),
      [
        [{ start: positionOf(AUTHZ, 'data.lib.net'), end: positionOf(AUTHZ, 'data.lib.net', 12) }, uriOf(ws.path('lib/net.rego'))],
        [{ start: positionOf(AUTHZ, 'schema.authz'), end: positionOf(AUTHZ, 'schema.authz', 12) }, uriOf(ws.path('schemas/authz.json'))],
      ],
    );
  });
});

const ORG = `# METADATA
# scope: subpackages
# schemas:
#   - input: {"properties": {"tenant": {"type": "string"}}}
package org
`;

test('completion from the METADATA schema: properties, nested objects, array items via a bound variable, inline schemas, inherited', async () => {
  await withServer({ 'lib/net.rego': LIB, 'schemas/authz.json': SCHEMA, 'authz/authz.rego': AUTHZ, 'org/root.rego': ORG }, async (server, ws) => {
    const uri = uriOf(ws.path('authz/authz.rego'));
    await server.open(uri, AUTHZ, 1, 'rego');
    // Hover on a field of an input path: the schema's type and description.
    const userHover = await server.hover(uri, positionOf(AUTHZ, 'user.roles', 2));
    assert.equal(userHover?.contents.value, '`user`: object\n\nThe caller.');
    assert.deepEqual(userHover?.range, { start: positionOf(AUTHZ, 'user.roles'), end: positionOf(AUTHZ, 'user.roles', 4) });
    const line = AUTHZ.split('\n').findIndex((l) => l === '\tinput.');
    const complete = (character: number) => server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const top = await complete(7);
    assert.deepEqual(top.map((i) => i.label).sort(), ['action', 'user']);
    const action = top.find((i) => i.label === 'action')!;
    assert.equal(action.detail, 'string');
    assert.equal(action.documentation, 'What is attempted.');

    await server.change(uri, 2, [{ range: { start: { line, character: 7 }, end: { line, character: 7 } }, text: 'user.' }]);
    assert.deepEqual((await complete(12)).map((i) => i.label).sort(), ['name', 'roles']);

    // `role` iterates input.user.roles: its items' properties (through a $ref).
    await server.change(uri, 3, [{ range: { start: { line, character: 1 }, end: { line, character: 12 } }, text: 'role.' }]);
    const role = await complete(6);
    assert.deepEqual(role.map((i) => i.label).sort(), ['id', 'scope']);
    assert.equal(role.find((i) => i.label === 'scope')!.documentation, 'Where it applies.');

    // An inline schema for a sub-path wins below it.
    await server.change(uri, 4, [{ range: { start: { line, character: 1 }, end: { line, character: 6 } }, text: 'input.extra.' }]);
    assert.deepEqual((await complete(13)).map((i) => i.label), ['flag']);

    // Another file of the package inherits the package's schemas; a `subpackages` annotation
    // reaches the packages below it.
    const more = 'package authz\n\nother if input.\n';
    const moreUri = uriOf(ws.path('authz/more.rego'));
    await server.open(moreUri, more, 1, 'rego');
    const inherited = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: moreUri }, position: positionOf(more, 'input.', 6) });
    assert.deepEqual(inherited.map((i) => i.label).sort(), ['action', 'user']);
    const team = 'package org.team\n\nok if input.\n';
    const teamUri = uriOf(ws.path('org/team/t.rego'));
    await server.open(teamUri, team, 1, 'rego');
    const fromParent = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: teamUri }, position: positionOf(team, 'input.', 6) });
    assert.deepEqual(fromParent.map((i) => i.label), ['tenant']);
  });
});

const TERRAFORM = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  versioning {
    enabled = true
  }
  tags = { team = "core" }
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const IAC_POLICY = `package policy.custom

import data.palisade.lib.tf

deny contains msg if {
	some r in tf.resources("aws_s3_bucket")
	r.config.
	msg := "x"
}

deny contains msg if {
	some r in input.resources
	r.type == "aws_security_group"
	some rule in r.config.ingress
	rule.
	msg := "y"
}

types if {
	some r in input.resources
	r.type == "
}
`;

test('completion from the workspace Terraform models: resource types, attributes per type, nested blocks', async () => {
  await withServer({ 'infra/main.tf': TERRAFORM }, async (server, ws) => {
    const tf = uriOf(ws.path('infra/main.tf'));
    await server.open(tf, TERRAFORM, 1, 'terraform');
    await server.waitFor(() => server.analysisDone.find((d) => d.unit === ws.path('infra')), 60000, 'analysis of infra');
    const uri = uriOf(ws.path('policy/custom.rego'));
    await server.open(uri, IAC_POLICY, 1, 'rego');
    const complete = (needle: string, k = 0) => server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(IAC_POLICY, needle, needle.length, k) });

    const bucket = await complete('r.config.');
    assert.deepEqual(bucket.map((i) => i.label).sort(), ['bucket', 'tags', 'versioning']);
    assert.equal(bucket.find((i) => i.label === 'bucket')!.detail, 'string');
    assert.equal(bucket.find((i) => i.label === 'versioning')!.detail, 'array');

    const ingress = await complete('rule.');
    assert.deepEqual(ingress.map((i) => i.label).sort(), ['cidr_blocks', 'from_port', 'protocol', 'to_port']);
    assert.equal(ingress.find((i) => i.label === 'from_port')!.detail, 'number');

    const ingressHover = await server.hover(uri, positionOf(IAC_POLICY, 'ingress', 1));
    assert.equal(ingressHover?.contents.value, "`ingress`: array\n\nSeen in the workspace's Terraform models: aws_security_group");

    const types = await complete('r.type == "', 1);
    assert.deepEqual(types.map((i) => i.label).sort(), ['aws_s3_bucket', 'aws_security_group']);
  });
});
