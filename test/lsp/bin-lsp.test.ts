// `node bin/palisade.js lsp` (what Neovim, Emacs, Helix and Zed run) re-executes itself with the
// server's V8 flags and must still speak LSP over the inherited stdio, and exit cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from '../helpers/corpora';

test('palisade lsp over stdio: initialize, shutdown, exit 0', async () => {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'palisade.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.textDocumentSync, 'advertises text document sync');
    assert.ok(result.capabilities.hoverProvider, 'advertises hover');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
  }
});
