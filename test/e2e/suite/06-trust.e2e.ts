// Workspace trust, trusted side: the workspace's team rule pack (test/e2e/workspace/team-pack,
// configured in .palisade.yaml) runs beside the built-in pack. Its Restricted Mode counterpart is
// suite/restricted/01-untrusted-workspace.e2e.ts, where the same rule must not fire.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, TEAM_RULE, codeOf, eventually, findingOnLine, openEditor, palisadeDiagnostics, screenshot, sleep, workspaceFile } from './helpers';

describe('Workspace trust (trusted workspace)', () => {
  it('runs the workspace team pack beside the built-in pack', async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'this run opens a trusted workspace');
    const editor = await openEditor('terraform-basic/main.tf');
    await eventually('the extension to activate', () => (vscode.extensions.getExtension(EXTENSION_ID)?.isActive ? true : undefined));
    await eventually('a built-in finding', () => findingOnLine(editor.document, /block_public_policy\s*=\s*false/));
    const team = await eventually(`the team rule ${TEAM_RULE} on the bucket's tags`, () => palisadeDiagnostics(editor.document.uri, TEAM_RULE)[0]);
    assert.match(editor.document.lineAt(team.range.start.line).text, /^\s*tags\s*=\s*local\.tags/);
    assert.match(team.message, /no Owner tag/);
    assert.equal(palisadeDiagnostics(workspaceFile('.palisade.yaml')).filter((d) => codeOf(d) === 'pack-untrusted').length, 0, 'no Restricted Mode note when trusted');
    editor.selection = new vscode.Selection(team.range.start, team.range.start);
    editor.revealRange(team.range);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1000);
    await screenshot('14-trusted-team-pack-finding');
    await vscode.commands.executeCommand('editor.action.hideHover');
  });
});
