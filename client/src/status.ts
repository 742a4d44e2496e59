// Status-bar item showing which Terraform var files apply to the active editor's folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION, toSettings } from '../../server/src/shared/settings';

export class VarFilesStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('palisade.varFiles', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'Palisade: Terraform variable files';
    this.item.command = 'palisade.selectVarFiles';
    this.item.tooltip = 'Terraform variable files Palisade applies in this folder (click to change)';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.terraform.varFiles`)) this.update();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'terraform') {
      this.item.hide();
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    this.item.text = statusText(activeVarFiles(folder));
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The folder-scoped `palisade.terraform.varFiles` setting (what the server will pull too). */
export function activeVarFiles(folder: vscode.WorkspaceFolder | undefined): string[] {
  const raw = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri);
  return toSettings({ terraform: { varFiles: raw.get<unknown>('terraform.varFiles') } }).terraform.varFiles;
}

export function statusText(varFiles: string[]): string {
  return `$(symbol-variable) tfvars: ${varFiles.length === 0 ? 'default' : varFiles.map((f) => path.basename(f)).join(', ')}`;
}
