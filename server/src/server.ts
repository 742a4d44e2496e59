// The Palisade language server: wiring only. Creates the connection and the document manager,
// records client capabilities, and routes each LSP message to the Session under a guard.
import {
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileHost } from './iac/model';
import { ANALYSIS_DONE_NOTIFICATION, APPLY_SUPPRESSION_COMMAND, SERVER_INFO_REQUEST, type SuppressionCommandArgs } from './shared/messages';
import { SETTINGS_SECTION, type PalisadeInitializationOptions } from './shared/settings';
import { guarded, runGuarded } from './lsp/guard';
import { isLogLevel, LeveledLogger } from './lsp/log';
import { Session } from './lsp/session';
import { CODE_ACTION_KINDS } from './lsp/code-actions';

/** Files whose changes re-run analysis (registered when the client can watch for us). */
const WATCHED_GLOBS = ['**/*.tf', '**/*.tfvars', '**/.palisade.yaml', '**/.palisade.yml', '**/*.rego', '**/.regal/config.yaml', '**/.regal.yaml'];

export function startServer(connection: Connection, disk: FileHost): void {
  const documents = new TextDocuments(TextDocument);
  const log = new LeveledLogger(connection.console);
  let session: Session | undefined;
  let registerWatchers = false;
  let folderEvents = false;

  connection.onInitialize(
    guarded(log, 'initialize', { capabilities: {} }, (params: InitializeParams): InitializeResult => {
      const caps = params.capabilities;
      const init = (params.initializationOptions ?? {}) as PalisadeInitializationOptions;
      if (isLogLevel(init.logLevel)) log.setLevel(init.logLevel);
      log.info(`Palisade ${serverVersion()} starting (Node ${process.version}, pid ${process.pid}) for ${params.clientInfo?.name ?? 'an LSP client'}; log level ${init.logLevel ?? 'info'}`);
      registerWatchers = !init.clientWatchesFiles && caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      const canPull = caps.workspace?.configuration === true;
      folderEvents = caps.workspace?.workspaceFolders === true;
      session = new Session({
        disk,
        log,
        sendDiagnostics: (p) => void connection.sendDiagnostics(p),
        sendAnalysisDone: (p) => {
          log.info(`analysed ${p.unit}: ${p.diagnostics} diagnostics in ${Math.round(p.durationMs)} ms (${Math.round(p.sinceChangeMs)} ms since the change)`);
          void connection.sendNotification(ANALYSIS_DONE_NOTIFICATION, p);
        },
        pullConfiguration: canPull
          ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
          : undefined,
        fileEventsReported: init.clientWatchesFiles === true || registerWatchers,
        initializationOptions: init,
        codeActionSupport: {
          documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
          resolveEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
          promptsForReason: init.promptsForSuppressionReason === true,
        },
      });
      session.folders.set(params.workspaceFolders, params.rootUri);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          hoverProvider: true,
          // Rego authoring (answered for .rego documents only; see docs/rego-editing.md).
          documentFormattingProvider: true,
          documentRangeFormattingProvider: true,
          definitionProvider: true,
          referencesProvider: true,
          documentSymbolProvider: true,
          foldingRangeProvider: true,
          completionProvider: { triggerCharacters: ['.'] },
          // Kinds only for clients that understand CodeAction literals (all current ones do).
          codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport
            ? { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true }
            : true,
          executeCommandProvider: { commands: [APPLY_SUPPRESSION_COMMAND] },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'palisade', version: serverVersion() },
      };
    }),
  );

  connection.onInitialized(() =>
    runGuarded(log, 'initialized', async () => {
      if (registerWatchers) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
        });
      }
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((e) =>
          runGuarded(log, 'workspace folders', () => session?.folders.change(e.added, e.removed)),
        );
      }
    }),
  );

  documents.onDidChangeContent((e) => {
    log.debug(`didChange ${e.document.uri} v${e.document.version}`);
    runGuarded(log, 'didChange', () => session?.documentChanged(e.document));
  });
  documents.onDidClose((e) => runGuarded(log, 'didClose', () => session?.documentClosed(e.document)));
  documents.onDidSave((e) => runGuarded(log, 'didSave', () => session?.documentSaved(e.document)));
  connection.onDidChangeWatchedFiles((p) => runGuarded(log, 'didChangeWatchedFiles', () => session?.watchedFilesChanged(p.changes)));
  connection.onDidChangeConfiguration((p) => runGuarded(log, 'didChangeConfiguration', () => session?.configurationChanged(p.settings)));
  connection.onHover(guarded(log, 'hover', null, (params, token) => session?.hover(params, token) ?? null));
  const rego = () => session?.regoFeatures;
  connection.onDocumentFormatting(guarded(log, 'formatting', [], (params) => rego()?.formatting(params) ?? []));
  connection.onDocumentRangeFormatting(guarded(log, 'rangeFormatting', [], (params) => rego()?.rangeFormatting(params) ?? []));
  connection.onDefinition(guarded(log, 'definition', [], (params) => rego()?.definition(params) ?? []));
  connection.onReferences(guarded(log, 'references', [], (params) => rego()?.references(params) ?? []));
  connection.onDocumentSymbol(guarded(log, 'documentSymbol', [], (params) => rego()?.documentSymbols(params) ?? []));
  connection.onFoldingRanges(guarded(log, 'foldingRange', [], (params) => rego()?.foldingRanges(params) ?? []));
  connection.onCompletion(guarded(log, 'completion', [], (params) => rego()?.completion(params) ?? []));
  connection.onCodeAction(guarded(log, 'codeAction', [], (params, token) => session?.codeActions(params, token) ?? []));
  // A failed resolve answers the action as it came (without an edit) rather than nothing.
  connection.onCodeActionResolve((action, token) => guarded(log, 'codeAction/resolve', action, () => session?.resolveCodeAction(action, token) ?? action)());
  connection.onExecuteCommand(
    guarded(log, 'executeCommand', null, async (params) => {
      if (params.command !== APPLY_SUPPRESSION_COMMAND || !session) return null;
      const edit = await session.suppressionEdit((params.arguments?.[0] ?? {}) as SuppressionCommandArgs);
      if (!edit) return { applied: false };
      const result = await connection.workspace.applyEdit({ label: 'Suppress Palisade finding', edit });
      return { applied: result.applied };
    }),
  );
  connection.onRequest(SERVER_INFO_REQUEST, guarded(log, 'serverInfo', null, () => session?.info() ?? null));

  documents.listen(connection);
  connection.listen();
}

function serverVersion(): string {
  try {
    return String(require('../../package.json').version);
  } catch {
    return '0.0.0';
  }
}
