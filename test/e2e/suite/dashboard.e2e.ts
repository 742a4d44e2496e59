// "Palisade: Compliance Dashboard" in a real VS Code: the command opens a webview tab for the
// workspace folder and renders the server's compliance report (the command returns what it showed).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, findingOnLine, openEditor, screenshot, sleep } from './helpers';

interface DashboardState {
  folder: string;
  shown: string;
  complianceRate?: number | null;
  findings?: number;
  error?: string;
}

function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('palisade.complianceDashboard'));
}

describe('Compliance dashboard', () => {
  it('opens a webview with the workspace folder\'s compliance report', async () => {
    const editor = await openEditor('terraform-basic/main.tf');
    // The server is up once the example's findings are shown.
    await eventually('a finding in the example', () => findingOnLine(editor.document, /block_public_policy\s*=\s*false/));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('palisade.showDashboard'), 'the command is contributed');

    const state = await vscode.commands.executeCommand<DashboardState | undefined>('palisade.showDashboard');
    assert.ok(state, 'the command reports what it showed');
    assert.equal(state.shown, 'report', JSON.stringify(state));
    assert.ok((state.findings ?? 0) > 0, 'the example has findings');
    assert.equal(typeof state.complianceRate, 'number');
    const folder = vscode.workspace.workspaceFolders![0];
    const tab = await eventually('the dashboard tab', () => dashboardTabs()[0]);
    assert.equal(tab.label, `Palisade compliance: ${folder.name}`);
    await sleep(1500); // let the webview paint before the picture
    await screenshot('11-compliance-dashboard');

    // Running it again reuses the panel.
    const again = await vscode.commands.executeCommand<DashboardState | undefined>('palisade.showDashboard');
    assert.equal(again?.shown, 'report');
    assert.equal(dashboardTabs().length, 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
