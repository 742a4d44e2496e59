// `Palisade: Select Terraform variable files`: a multi-select pick of the folder's *.tfvars files,
// written to the folder-scoped setting; the server pulls the setting again and re-analyses.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/shared/settings';
import { activeVarFiles } from './status';

/** Files Terraform loads by itself; listing them as choices would suggest they need choosing. */
const AUTOMATIC = /(^|\/)(terraform\.tfvars|[^/]*\.auto\.tfvars)$/;

export async function selectVarFiles(): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return;
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/*.tfvars'),
    '**/{.terraform,node_modules,.git}/**',
    1000,
  );
  const relative = found
    .map((uri) => vscode.workspace.asRelativePath(uri, false))
    .filter((rel) => !AUTOMATIC.test(rel))
    .sort();
  if (relative.length === 0) {
    void vscode.window.showInformationMessage(`Palisade: no .tfvars files besides terraform.tfvars / *.auto.tfvars in ${folder.name}.`);
    return;
  }
  const current = new Set(activeVarFiles(folder));
  const picked = await vscode.window.showQuickPick(
    relative.map((rel) => ({ label: rel, picked: current.has(rel) })),
    {
      canPickMany: true,
      title: 'Palisade: Terraform variable files',
      placeHolder: 'Applied after terraform.tfvars and *.auto.tfvars, like -var-file (none = default)',
    },
  );
  if (!picked) return;
  await vscode.workspace
    .getConfiguration(SETTINGS_SECTION, folder.uri)
    .update('terraform.varFiles', picked.map((p) => p.label), vscode.ConfigurationTarget.WorkspaceFolder);
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const editor = vscode.window.activeTextEditor;
  const fromEditor = editor ? vscode.workspace.getWorkspaceFolder(editor.document.uri) : undefined;
  if (fromEditor) return fromEditor;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder whose variable files to choose' });
}
