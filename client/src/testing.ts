// Rego tests in VS Code's Test Explorer: a TestController whose items (file → package → test) come
// from the server's discovery, and a run profile that asks the server to run them. The server
// finds and runs the tests; this file only maps its answers onto the Testing API.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  REGO_RUN_TESTS_REQUEST,
  REGO_TESTS_REQUEST,
  type MessageRange,
  type RegoTestFile,
  type RegoTestResult,
  type RegoTestsResult,
  type RunRegoTestsParams,
  type RunRegoTestsResult,
} from '../../server/src/shared/messages';

export const TEST_CONTROLLER_ID = 'palisade.regoTests';
const REFRESH_DELAY_MS = 300;

type Kind = 'file' | 'package' | 'test';

export class RegoTestExplorer implements vscode.Disposable {
  readonly controller: vscode.TestController;
  /** The last result of each test id (the e2e suite reads these through the extension's exports). */
  readonly lastResults = new Map<string, RegoTestResult>();
  private readonly kinds = new WeakMap<vscode.TestItem, Kind>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshed: Promise<void> = Promise.resolve();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, 'Palisade Rego tests');
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.refresh();
    };
    this.controller.refreshHandler = () => this.refresh();
    this.controller.createRunProfile('Run Rego tests', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*_test.rego');
    this.disposables.push(
      this.controller,
      watcher,
      watcher.onDidCreate(() => this.scheduleRefresh()),
      watcher.onDidDelete(() => this.scheduleRefresh()),
      watcher.onDidChange(() => this.scheduleRefresh()),
      // Unsaved edits count: the server reads open buffers.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isTestDocument(e.document)) this.scheduleRefresh();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isTestDocument(d)) this.scheduleRefresh();
      }),
    );
  }

  /** Resolves when the items reflect the workspace as of the last change (for callers that wait). */
  whenRefreshed(): Promise<void> {
    return this.refreshed;
  }

  scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Asks the server for every test and rebuilds the tree (items keep their ids, so results stay attached). */
  refresh(): Promise<void> {
    this.refreshed = this.refreshed.then(async () => {
      const client = this.client();
      if (!client?.isRunning()) return;
      const found = await client.sendRequest<RegoTestsResult>(REGO_TESTS_REQUEST, {}).catch(() => undefined);
      if (found) this.replaceItems(found.files);
    });
    return this.refreshed;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private replaceItems(files: RegoTestFile[]): void {
    const items: vscode.TestItem[] = [];
    for (const file of files) {
      if (file.tests.length === 0 && !file.parseError) continue;
      const uri = vscode.Uri.parse(file.uri);
      const fileItem = this.item('file', file.uri, vscode.workspace.asRelativePath(uri), uri);
      if (file.parseError) fileItem.error = file.parseError;
      const pkg = this.item('package', `${file.uri}#${file.package}`, file.package.replace(/^data\./, '') || '(no package)', uri, file.packageRange);
      pkg.children.replace(file.tests.map((t) => {
        const test = this.item('test', t.id, t.name, uri, t.range);
        test.description = t.skip ? 'todo' : undefined;
        return test;
      }));
      fileItem.children.replace([pkg]);
      items.push(fileItem);
    }
    this.controller.items.replace(items);
  }

  private item(kind: Kind, id: string, label: string, uri: vscode.Uri, range?: MessageRange): vscode.TestItem {
    const item = this.controller.createTestItem(id, label, uri);
    if (range) item.range = toRange(range);
    this.kinds.set(item, kind);
    return item;
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    try {
      const client = this.client();
      if (!client?.isRunning()) {
        run.appendOutput('The Palisade language server is not running.\r\n');
        return;
      }
      const excluded = new Set((request.exclude ?? []).map((i) => i.id));
      const selected = this.selection(request, excluded);
      for (const [fileItem, tests] of selected) {
        if (token.isCancellationRequested) break;
        for (const t of tests) run.enqueued(t);
        for (const t of tests) run.started(t);
        const params: RunRegoTestsParams = { uri: fileItem.uri!.toString(), names: tests.map((t) => t.label), wholeFolder: selected.size > 1 };
        const answer = await client.sendRequest<RunRegoTestsResult>(REGO_RUN_TESTS_REQUEST, params, token).catch((err: unknown) => {
          for (const t of tests) run.errored(t, new vscode.TestMessage(`Palisade could not run the test: ${String(err)}`));
          return undefined;
        });
        for (const result of answer?.results ?? []) this.report(run, tests, result);
      }
    } finally {
      run.end();
    }
  }

  /** The selected tests grouped by file item (one server request per file). */
  private selection(request: vscode.TestRunRequest, excluded: Set<string>): Map<vscode.TestItem, vscode.TestItem[]> {
    const byFile = new Map<vscode.TestItem, vscode.TestItem[]>();
    const add = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      const kind = this.kinds.get(item);
      if (kind === 'test') {
        const file = item.parent?.parent;
        if (!file) return;
        const list = byFile.get(file) ?? [];
        if (!list.includes(item)) list.push(item);
        byFile.set(file, list);
      } else item.children.forEach(add);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    return byFile;
  }

  private report(run: vscode.TestRun, tests: vscode.TestItem[], result: RegoTestResult): void {
    const item = tests.find((t) => t.id === result.id);
    if (!item) return;
    this.lastResults.set(result.id, result);
    switch (result.status) {
      case 'passed':
        return run.passed(item, result.durationMs);
      case 'skipped':
        return run.skipped(item);
      case 'errored':
        return run.errored(item, this.message(result), result.durationMs);
      case 'failed':
        return run.failed(item, this.message(result), result.durationMs);
    }
  }

  private message(result: RegoTestResult): vscode.TestMessage {
    const text = result.message ?? `${result.name} failed`;
    const message = result.expected !== undefined && result.actual !== undefined ? vscode.TestMessage.diff(text, result.expected, result.actual) : new vscode.TestMessage(text);
    if (result.location) message.location = new vscode.Location(vscode.Uri.parse(result.location.uri), toRange(result.location.range));
    return message;
  }
}

function isTestDocument(d: vscode.TextDocument): boolean {
  return d.uri.scheme === 'file' && d.uri.path.endsWith('_test.rego');
}

function toRange(r: MessageRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
