// Test harness: starts the real bundled server (`node dist/server.js lsp --stdio`) as a child
// process and talks JSON-RPC to it over stdio, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from '../helpers/corpora';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  code?: string | number;
  source?: string;
}
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export const SERVER_BUNDLE = resolve(REPO_ROOT, 'dist', 'server.js');

export interface StartOptions {
  /** Answer to workspace/configuration for the `palisade` section (mutable between requests). */
  settings?: { terraform: { varFiles: string[] } };
  /** Declare the workspace/configuration capability (default true). */
  configurationCapability?: boolean;
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
  /** Extra client capabilities, merged over the defaults per section (`workspace`, `textDocument`). */
  capabilities?: { workspace?: Record<string, unknown>; textDocument?: Record<string, unknown> };
}

export class TestServer {
  readonly published: PublishedDiagnostics[] = [];
  readonly analysisDone: Array<{ unit: string; durationMs: number; sinceChangeMs: number; diagnostics: number }> = [];
  readonly stderr: string[] = [];
  private listeners: Array<() => void> = [];
  settings: { terraform: { varFiles: string[] } };
  configurationRequests = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? { terraform: { varFiles: [] } };
  }

  static async start(options: StartOptions = {}): Promise<TestServer> {
    if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build\` (npm test does)`);
    const child = spawn(process.execPath, [SERVER_BUNDLE, 'lsp', '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new TestServer(child, connection, options);
    child.stderr!.on('data', (chunk: Buffer) => server.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      server.published.push(p);
      server.notify();
    });
    connection.onNotification('palisade/analysisDone', (p) => {
      server.analysisDone.push(p);
      server.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => void server.stderr.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      server.configurationRequests++;
      return p.items.map((item) => (item.section === 'palisade' ? server.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const folder = options.workspaceFolder;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? uriOf(folder) : null,
      workspaceFolders: folder ? [{ uri: uriOf(folder), name: 'ws' }] : null,
      capabilities: {
        workspace: { configuration: options.configurationCapability !== false, didChangeWatchedFiles: { dynamicRegistration: false }, ...options.capabilities?.workspace },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] }, ...options.capabilities?.textDocument },
      },
      initializationOptions: { clientWatchesFiles: true, ...options.initializationOptions },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  /** Resolves with the first published diagnostics (from now on or already seen after `from`) that match. */
  waitFor<T>(find: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nstderr: ${this.stderr.join('')}`)), timeoutMs);
      const check = () => {
        const found = find();
        if (found !== undefined) {
          clearTimeout(timer);
          resolvePromise(found);
        } else this.listeners.push(check);
      };
      check();
    });
  }

  /** Diagnostics for `uri` published after index `from` satisfying `match` (e.g. a given version). */
  waitForDiagnostics(uri: string, match: (p: PublishedDiagnostics) => boolean, from = 0, timeoutMs = 5000): Promise<PublishedDiagnostics> {
    return this.waitFor(
      () => this.published.slice(from).find((p) => p.uri === uri && match(p)),
      timeoutMs,
      `diagnostics for ${uri}`,
    );
  }

  latestDiagnostics(uri: string): PublishedDiagnostics | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  open(uri: string, text: string, version = 1, languageId = 'terraform'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: Array<{ range: Range; text: string }>): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string }; range?: Range } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => {
      if (this.child.exitCode !== null) r(this.child.exitCode);
      else this.child.once('exit', (code) => r(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    if (code === null) this.child.kill();
    this.connection.dispose();
    return code;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** A temporary workspace with the given files; removed by `cleanup`. */
export function tempWorkspace(files: Record<string, string>): { root: string; path(rel: string): string; write(rel: string, text: string): void; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'palisade-lsp-'));
  const write = (rel: string, text: string) => {
    const full = join(root, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { root, path: (rel) => join(root, rel), write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function rangeOf(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
