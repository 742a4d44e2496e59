// The status-bar variable-set picker: choosing a .tfvars file in VS Code's own quick pick changes
// the evaluated values, and with them the findings.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { click, eventually, findingOnLine, keyboard, openEditor, screenshot, sleep } from './helpers';

describe('Terraform variable files', () => {
  it('re-analyses with the var file picked in the status-bar picker', async () => {
    const editor = await openEditor('terraform-basic/main.tf');
    await eventually('the SSH finding from terraform.tfvars', () => findingOnLine(editor.document, /cidr_blocks\s*=\s*var\.admin_cidrs/));
    const picking = vscode.commands.executeCommand('palisade.selectVarFiles');
    await sleep(1500);
    await keyboard('vpn');
    await sleep(500);
    // The filter leaves one row; clicking a row of a multi-select pick ticks its checkbox.
    await click('.quick-input-list .monaco-list-row');
    await screenshot('09-var-file-picker');
    await keyboard('', 'Enter');
    await picking;
    const folder = vscode.workspace.workspaceFolders![0];
    const chosen = vscode.workspace.getConfiguration('palisade', folder.uri).get<string[]>('terraform.varFiles');
    assert.deepEqual(chosen, ['terraform-basic/vpn.tfvars']);
    await eventually('the SSH finding to go (vpn.tfvars narrows admin_cidrs)', () => (findingOnLine(editor.document, /cidr_blocks\s*=\s*var\.admin_cidrs/) ? undefined : true));
    await screenshot('10-var-file-applied');
    await vscode.workspace.getConfiguration('palisade', folder.uri).update('terraform.varFiles', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await eventually('the SSH finding to return', () => findingOnLine(editor.document, /cidr_blocks\s*=\s*var\.admin_cidrs/));
  });
});
