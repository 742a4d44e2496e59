// The real language server (dist/server.js over stdio) as the keystroke benchmarks drive it: one
// connection, a promise per published (uri, version), and the server's own analysisDone figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_EXEC_ARGV } from '../server/src/shared/server-launch';

export interface AnalysisDoneFigures {
  durationMs: number;
  sinceChangeMs: number;
  diagnostics: number;
}

export interface BenchServer {
  child: ChildProcess;
  connection: MessageConnection;
  /** Every palisade/analysisDone the server sent, in order. */
  analyses: AnalysisDoneFigures[];
  /** Resolves when diagnostics for `uri` at `version` are published (rejects after the timeout). */
  published(uri: string, version: number): Promise<void>;
  /** shutdown + exit; returns the server's RSS figures read just before. */
  stop(): Promise<{ rss: number; peak?: number; heapUsed: number }>;
}

export async function startBenchServer(repoRoot: string, workspaceDir: string, timeoutMs: number): Promise<BenchServer> {
  const bundle = join(repoRoot, 'dist', 'server.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, bundle, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Map<string, () => void>();
  const analyses: AnalysisDoneFigures[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const key = `${p.uri}#${p.version}`;
    waiters.get(key)?.();
    waiters.delete(key);
  });
  connection.onNotification('palisade/analysisDone', (p: AnalysisDoneFigures) => void analyses.push(p));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspaceDir).href,
    workspaceFolders: [{ uri: pathToFileURL(workspaceDir).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { clientWatchesFiles: true, ...(process.env.PALISADE_DEBOUNCE_MS ? { debounceMs: Number(process.env.PALISADE_DEBOUNCE_MS) } : {}) },
  });
  await connection.sendNotification('initialized', {});

  const published = (uri: string, version: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${timeoutMs} ms`)), timeoutMs);
      waiters.set(`${uri}#${version}`, () => {
        clearTimeout(timer);
        resolve();
      });
    });

  const stop = async () => {
    const info = await connection.sendRequest<{ rssBytes: number; heapUsedBytes: number }>('palisade/serverInfo');
    const rss = vmField(child.pid!, 'VmRSS') ?? info.rssBytes;
    const peak = vmField(child.pid!, 'VmHWM');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    return { rss, peak, heapUsed: info.heapUsedBytes };
  };
  return { child, connection, analyses, published, stop };
}

/** A /proc/<pid>/status field in bytes (Linux), e.g. VmRSS or VmHWM (peak). */
export function vmField(pid: number, field: string): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
