// `palisade lsp`: runs the language server over stdio (default; `--stdio` is accepted and ignored)
// or over Node IPC when started with `--node-ipc` (how VS Code forks a server module).
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server';
import { DiskHost } from '../../workspace/disk-host';

export const summary = 'start the language server over stdio (for any LSP client)';

const HELP = [
  'usage: palisade lsp [--stdio | --node-ipc]',
  '',
  'Starts the Palisade language server. Messages are exchanged over stdin/stdout by default.',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const ipc = argv.includes('--node-ipc');
  if (!ipc) keepStdoutForProtocol();
  const connection = ipc
    ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process))
    : // Streams (not readers) so the library exits when stdin ends: the client is gone.
      createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, new DiskHost());
  return 0;
}

/** stdout carries the protocol: anything a library logs must go to stderr instead. */
function keepStdoutForProtocol(): void {
  const toStderr = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}
