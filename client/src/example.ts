// "Palisade: Open the Example" (the walkthrough's first step): copies the Terraform example that
// ships inside the extension to the extension's storage and opens it, so the user can edit it
// freely without touching the installed extension.
import { cpSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const source = context.asAbsolutePath(path.join('examples', 'terraform-basic'));
  if (!existsSync(source)) {
    void vscode.window.showErrorMessage('Palisade: the bundled example is missing from this installation; reinstall the extension.');
    return;
  }
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'example-terraform-basic');
  // A copy edited in an earlier visit is kept: the user may be in the middle of the walkthrough.
  if (!existsSync(target.fsPath)) cpSync(source, target.fsPath, { recursive: true });
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
}
