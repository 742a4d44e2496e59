// "Palisade: Compliance Dashboard": a webview showing `palisade report`'s figures for a workspace
// folder. The server computes the report (palisade/complianceReport); this file only shows it,
// refreshes it (button, and on saving a Terraform file or .palisade.yaml) and opens the locations
// the page links to. No analysis happens here.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPLIANCE_REPORT_REQUEST, type ComplianceReportParams, type ComplianceReportResult } from '../../server/src/shared/messages';
import { messagePage, parseDashboardMessage, reportPage, type PageContext } from './dashboard-html';

export const SHOW_DASHBOARD_COMMAND = 'palisade.showDashboard';
const VIEW_TYPE = 'palisade.complianceDashboard';
/** Saves in a burst (save all) refresh once. */
const SAVE_DEBOUNCE_MS = 500;
const REFRESHING_FILES = /\.(tf|tfvars)$|(^|\/)\.palisade\.ya?ml$|\.json$/;

/** What the panel shows after a refresh (the command's result, for tests and scripts). */
export interface DashboardState {
  folder: string;
  shown: 'report' | 'error' | 'server-not-running' | 'superseded';
  complianceRate?: number | null;
  findings?: number;
  error?: string;
}

export class ComplianceDashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: vscode.WorkspaceFolder | undefined;
  /** Only the newest request's answer is shown. */
  private generation = 0;
  /** Cancels the request of a refresh that a newer one replaced (the server stops between units). */
  private inFlight: vscode.CancellationTokenSource | undefined;
  /** A report is on screen: a refresh keeps it there until the new one arrives. */
  private showingReport = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)));
  }

  /** Opens (or reveals) the dashboard for the active editor's folder, else the first folder. */
  async show(): Promise<DashboardState | undefined> {
    const folder = this.pickFolder();
    if (!folder) {
      void vscode.window.showInformationMessage('Palisade: open a folder to see its compliance dashboard.');
      return undefined;
    }
    if (this.folder?.uri.toString() !== folder.uri.toString()) this.showingReport = false;
    this.folder = folder;
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside);
    else this.panel = this.createPanel();
    this.panel.title = `Palisade compliance: ${folder.name}`;
    return this.refresh();
  }

  /** Asks the server for the report and renders it (or why there is none). */
  async refresh(): Promise<DashboardState | undefined> {
    const panel = this.panel;
    const folder = this.folder;
    if (!panel || !folder) return undefined;
    const generation = ++this.generation;
    const client = this.client();
    if (!client || !client.isRunning()) {
      panel.webview.html = messagePage('Palisade compliance dashboard', 'The Palisade language server is not running (see "Palisade: Show server log").', this.context(panel), true);
      this.showingReport = false;
      return { folder: folder.name, shown: 'server-not-running' };
    }
    if (!this.showingReport) panel.webview.html = messagePage('Palisade compliance dashboard', `Computing the compliance report of ${folder.name}…`, this.context(panel));
    this.inFlight?.cancel();
    const cancellation = (this.inFlight = new vscode.CancellationTokenSource());
    let result: ComplianceReportResult | null;
    try {
      const params: ComplianceReportParams = { folderUri: client.code2ProtocolConverter.asUri(folder.uri) };
      result = await client.sendRequest<ComplianceReportResult | null>(COMPLIANCE_REPORT_REQUEST, params, cancellation.token);
    } catch (err) {
      result = { folderUri: folder.uri.toString(), error: err instanceof Error ? err.message : String(err) };
    } finally {
      cancellation.dispose();
      if (this.inFlight === cancellation) this.inFlight = undefined;
    }
    if (generation !== this.generation || this.panel !== panel) return { folder: folder.name, shown: 'superseded' };
    if (!result) result = { folderUri: folder.uri.toString(), error: 'the server could not compute the report (see "Palisade: Show server log")' };
    if ('error' in result) {
      panel.webview.html = messagePage('Palisade compliance dashboard', `No report: ${result.error}`, this.context(panel), true);
      this.showingReport = false;
      return { folder: folder.name, shown: 'error', error: result.error };
    }
    panel.webview.html = reportPage({ report: result.report, folderName: folder.name, durationMs: result.durationMs, updatedAt: new Date() }, this.context(panel));
    this.showingReport = true;
    return { folder: folder.name, shown: 'report', complianceRate: result.report.overall.complianceRate, findings: result.report.findings.length };
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.inFlight?.cancel();
    this.panel?.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Palisade compliance', vscode.ViewColumn.Beside, {
      enableScripts: true,
      enableCommandUris: false,
      // The page loads nothing: every style, chart and script is inline.
      localResourceRoots: [],
    });
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.showingReport = false;
      this.inFlight?.cancel();
    });
    panel.webview.onDidReceiveMessage((raw) => this.received(raw));
    return panel;
  }

  private async received(raw: unknown): Promise<void> {
    const message = parseDashboardMessage(raw);
    if (!message) return;
    if (message.type === 'refresh') {
      await this.refresh();
      return;
    }
    const folder = this.folder;
    if (!folder) return;
    const uri = vscode.Uri.joinPath(folder.uri, ...message.file.split('/'));
    const position = new vscode.Position(message.line - 1, 0);
    try {
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    } catch (err) {
      void vscode.window.showWarningMessage(`Palisade: cannot open ${message.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private saved(doc: vscode.TextDocument): void {
    if (!this.panel || !this.folder || !REFRESHING_FILES.test(doc.uri.path)) return;
    if (vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() !== this.folder.uri.toString()) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.refresh();
    }, SAVE_DEBOUNCE_MS);
  }

  private pickFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? this.folder ?? vscode.workspace.workspaceFolders?.[0];
  }

  private context(panel: vscode.WebviewPanel): PageContext {
    return { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource };
  }
}
