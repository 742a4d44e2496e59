// The Palisade language server: wiring only. Creates the connection and the document manager,
// records client capabilities, and routes each LSP message to the Session under a guard.
import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileHost } from './iac/model';
import { ANALYSIS_DONE_NOTIFICATION, APPLY_SUPPRESSION_COMMAND, COMPLIANCE_REPORT_REQUEST, SERVER_INFO_REQUEST, type ComplianceReportParams, type SuppressionCommandArgs } from './shared/messages';
import { SETTINGS_SECTION, type PalisadeInitializationOptions } from './shared/settings';
import { PACK_STATUS_REQUEST, type PackStatusResult } from './shared/packs-messages';
import { guarded, runGuarded } from './lsp/guard';
import { isLogLevel, LeveledLogger } from './lsp/log';
import { Session } from './lsp/session';
import { CODE_ACTION_KINDS } from './lsp/code-actions';
import { SEMANTIC_TOKENS_LEGEND } from './lsp/rego-semantic-tokens';
import { RegoTestService } from './lsp/rego-tests-service';
import { REGO_EVALUATE_REQUEST, REGO_RUN_TESTS_REQUEST, REGO_TESTS_REQUEST } from './shared/messages';
import type { RegoEvaluateParams, RegoTestsParams, RunRegoTestsParams } from './shared/messages';

/** Files whose changes re-run analysis (registered when the client can watch for us). */
const WATCHED_GLOBS = ['**/*.tf', '**/*.tfvars', '**/*.tf.json', '**/*.tfvars.json', '**/.palisade.yaml', '**/.palisade.yml', '**/*.rego', '**/.regal/config.yaml', '**/.regal.yaml'];

export function startServer(connection: Connection, disk: FileHost): void {
  const documents = new TextDocuments(TextDocument);
  const log = new LeveledLogger(connection.console);
  let session: Session | undefined;
  let regoTests: RegoTestService | undefined;
  let codeLensRefresh = false;
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
      const s = session;
      // Restricted Mode (untrusted workspace): workspace Rego is never run — tests are listed, runs and Evaluate answer why not.
      regoTests = new RegoTestService({ rego: s.regoFeatures.host, roots: () => s.folders.list(), files: { readFile: (p) => s.regoFeatures.host.textOf(p), listDir: (p) => disk.listDir(p) }, disk, trusted: s.trusted, terraformVarFiles: (p) => s.varFilesOf(p) });
      codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
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
          completionProvider: { triggerCharacters: ['.', '"'] },
          renameProvider: { prepareProvider: true },
          workspaceSymbolProvider: true,
          semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
          signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
          documentLinkProvider: { resolveProvider: false },
          codeLensProvider: { resolveProvider: false },
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
  connection.onPrepareRename(guarded(log, 'prepareRename', null, (params) => rego()?.prepareRename(params) ?? null));
  // A refused rename answers with an error the editor shows (why it cannot rename).
  connection.onRenameRequest(async (params) => {
    const result = await guarded(log, 'rename', null, () => rego()?.rename(params) ?? null)();
    if (result && 'error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return result?.edit ?? null;
  });
  connection.onWorkspaceSymbol(guarded(log, 'workspaceSymbol', [], (params) => rego()?.workspaceSymbols(params) ?? []));
  connection.languages.semanticTokens.on(guarded(log, 'semanticTokens', { data: [] }, (params) => rego()?.semanticTokens(params) ?? { data: [] }));
  connection.languages.semanticTokens.onRange(guarded(log, 'semanticTokens/range', { data: [] }, (params) => rego()?.semanticTokens(params) ?? { data: [] }));
  connection.onSignatureHelp(guarded(log, 'signatureHelp', null, (params) => rego()?.signatureHelp(params) ?? null));
  connection.onDocumentLinks(guarded(log, 'documentLink', [], (params) => rego()?.documentLinks(params) ?? []));
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
  // Rego tests (Test Explorer) and "Evaluate" code lenses (docs/rego-editing.md).
  connection.onCodeLens(guarded(log, 'codeLens', [], (params) => regoTests?.codeLenses(params) ?? []));
  connection.onRequest(REGO_TESTS_REQUEST, guarded(log, 'rego/tests', { files: [] }, (params: RegoTestsParams) => regoTests?.discover(params ?? {}) ?? { files: [] }));
  connection.onRequest(REGO_RUN_TESTS_REQUEST, guarded(log, 'rego/runTests', { results: [] }, (params: RunRegoTestsParams, token) => regoTests?.run(params ?? {}, token) ?? { results: [] }));
  connection.onRequest(REGO_EVALUATE_REQUEST, guarded(log, 'rego/evaluate', null, (params: RegoEvaluateParams, token) => regoTests?.evaluate(params, token) ?? null));
  // "Evaluate on <file>.tf" lenses name the open Terraform files.
  const refreshLenses = (uri: string) => {
    if (codeLensRefresh && uri.endsWith('.tf')) void connection.sendRequest(CodeLensRefreshRequest.type);
  };
  documents.onDidOpen((e) => runGuarded(log, 'codeLens refresh', () => refreshLenses(e.document.uri)));
  documents.onDidClose((e) => runGuarded(log, 'codeLens refresh', () => refreshLenses(e.document.uri)));
  connection.onRequest(PACK_STATUS_REQUEST, guarded(log, 'packs', { folders: [] } as PackStatusResult, () => session?.packStatuses() ?? { folders: [] }));
  connection.onRequest(SERVER_INFO_REQUEST, guarded(log, 'serverInfo', null, () => session?.info() ?? null));
  connection.onRequest(COMPLIANCE_REPORT_REQUEST, guarded(log, 'complianceReport', null, (params: ComplianceReportParams, token) => session?.complianceReport(params, serverVersion(), token) ?? null));

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
