// VS Code's client forks the server module with `--node-ipc`: the same server must work over IPC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from '../helpers/corpora';
import { SERVER_BUNDLE, tempWorkspace, uriOf, type PublishedDiagnostics } from './harness';

test('the server speaks LSP over Node IPC (how the VS Code client starts it)', async () => {
  const ws = tempWorkspace({});
  const child = fork(SERVER_BUNDLE, ['lsp', '--node-ipc'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const stdout: string[] = [];
  child.stdout!.on('data', (c: Buffer) => stdout.push(c.toString()));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published: PublishedDiagnostics[] = [];
  let notify: (() => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.push(p);
    notify?.();
  });
  connection.listen();
  try {
    const init = await connection.sendRequest<{ capabilities: { hoverProvider?: boolean }; serverInfo?: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: uriOf(ws.root),
      capabilities: {},
      initializationOptions: { workspaceTrusted: false },
    });
    assert.equal(init.serverInfo?.name, 'palisade');
    assert.equal(init.capabilities.hoverProvider, true);
    await connection.sendNotification('initialized', {});
    const uri = uriOf(ws.path('main.tf'));
    const got = new Promise<PublishedDiagnostics>((resolve) => {
      notify = () => {
        const p = published.find((d) => d.uri === uri && d.version === 1);
        if (p) resolve(p);
      };
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: 'locals {\n' } });
    const p = await got;
    assert.equal(p.diagnostics.length, 1);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    assert.equal(stdout.join(''), '', 'nothing is printed to stdout');
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
    ws.cleanup();
  }
});
