// The Palisade VS Code extension: a launcher for the language server (dist/server.js `lsp`).
// It declares which documents the server sees, forwards file changes and workspace trust, shows
// the active Terraform var-file set and lets the user choose it. No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, type PalisadeInitializationOptions } from '../../server/src/shared/settings';
import { VarFilesStatus } from './status';
import { selectVarFiles } from './var-files';
import { suppressWithReason } from './suppress';
import { openExample } from './example';
import { SUPPRESS_WITH_REASON_CLIENT_COMMAND } from '../../server/src/shared/messages';
import { SERVER_EXEC_ARGV } from '../../server/src/shared/server-launch';
import { RegoTestExplorer } from './testing';
import { RuleEvaluator } from './evaluate';
import { ComplianceDashboard, SHOW_DASHBOARD_COMMAND } from './dashboard';
import { RulePacksView } from './packs-view';

let client: LanguageClient | undefined;
/** Watchers handed to the current client; disposed with it so a restart does not leak them. */
let watchers: vscode.FileSystemWatcher[] = [];
/** Rego tests in the Test Explorer (items come from the server once it runs). */
let regoTests: RegoTestExplorer | undefined;
/** The Rule Packs view (asks the server once it runs). */
let packsView: RulePacksView | undefined;

/** What the extension exports: the e2e suite reads test results through it. */
export interface PalisadeExtensionApi {
  regoTests: RegoTestExplorer;
  packs: RulePacksView;
}

const LANGUAGES = ['terraform', 'rego', 'yaml', 'json'];
const WATCHED = ['**/*.tf', '**/*.tfvars', '**/*.tf.json', '**/*.tfvars.json', '**/.palisade.yaml', '**/.palisade.yml', '**/*.rego', '**/.regal/config.yaml', '**/.regal.yaml'];

export async function activate(context: vscode.ExtensionContext): Promise<PalisadeExtensionApi> {
  const status = new VarFilesStatus();
  regoTests = new RegoTestExplorer(() => client);
  context.subscriptions.push(regoTests, new RuleEvaluator(context, () => client));
  const dashboard = new ComplianceDashboard(() => client);
  packsView = new RulePacksView(() => client);
  context.subscriptions.push(packsView);
  context.subscriptions.push(
    status,
    dashboard,
    vscode.commands.registerCommand(SHOW_DASHBOARD_COMMAND, () => dashboard.show()),
    vscode.commands.registerCommand('palisade.selectVarFiles', () => selectVarFiles()),
    vscode.commands.registerCommand('palisade.restartServer', () => restart(context)),
    vscode.commands.registerCommand('palisade.openExample', () => openExample(context)),
    vscode.commands.registerCommand('palisade.showOutput', () => client?.outputChannel.show()),
    // The log level travels in initializationOptions, so a change takes a restart.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.server.logLevel`)) void restart(context);
    }),
    vscode.commands.registerCommand(SUPPRESS_WITH_REASON_CLIENT_COMMAND, (args) => suppressWithReason(client, args)),
    // Restricted mode runs built-in rules only; once trusted, the server starts over with full rights.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)),
  );
  await start(context);
  return { regoTests, packs: packsView };
}

export async function deactivate(): Promise<void> {
  await stop();
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, args: ['lsp'], options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, args: ['lsp'], options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: PalisadeInitializationOptions = {
    workspaceTrusted: vscode.workspace.isTrusted,
    clientWatchesFiles: true,
    promptsForSuppressionReason: true,
    logLevel: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('server.logLevel', 'info'),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: (watchers = WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob))),
    },
    initializationOptions,
  };
  return new LanguageClient('palisade', 'Palisade', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  try {
    await client.start();
    void regoTests?.refresh();
    void packsView?.refresh();
  } catch (err) {
    // Actionable, not silent: the log says why; a restart often helps after an update.
    const choice = await vscode.window.showErrorMessage(
      `Palisade: the language server did not start (${err instanceof Error ? err.message : String(err)}). Findings and fixes are unavailable until it runs.`,
      'Show Log',
      'Restart Server',
    );
    if (choice === 'Show Log') client?.outputChannel.show();
    if (choice === 'Restart Server') await restart(context);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch(() => undefined);
  for (const watcher of watchers.splice(0)) watcher.dispose();
}

/** A new client picks up the current trust state (it travels in initializationOptions). */
async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}
