// The "Palisade: Rule Packs" view in the Explorer: the built-in pack and the workspace's team pack,
// each with its rules, as the server reports them (trusted workspace).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PalisadeExtensionApi } from '../../../client/src/extension';
import { EXTENSION_ID, TEAM_RULE, eventually, openEditor, screenshot, sleep } from './helpers';

describe('Rule Packs view', () => {
  it('lists the built-in pack and the team pack with its rule', async () => {
    await openEditor('terraform-basic/main.tf');
    const extension = await eventually('the extension to activate', () => {
      const ext = vscode.extensions.getExtension<PalisadeExtensionApi>(EXTENSION_ID);
      return ext?.isActive ? ext : undefined;
    });
    const view = extension.exports.packs;
    await vscode.commands.executeCommand('palisade.refreshPacks');
    const labelled = () => view.getChildren().map((node) => view.getTreeItem(node));
    const packs = await eventually('both packs in the view', () => {
      const items = labelled();
      return items.some((i) => i.label === 'builtin') && items.some((i) => i.label === 'team-pack') ? items : undefined;
    });
    const builtin = packs.find((i) => i.label === 'builtin')!;
    assert.match(String(builtin.description), /^\d{3} rules$/, `built-in pack description: ${builtin.description}`);
    const team = packs.find((i) => i.label === 'team-pack')!;
    assert.match(String(team.description), /1 rules/);
    const teamNode = view.getChildren().find((node) => view.getTreeItem(node).label === 'team-pack')!;
    const rulesGroup = view.getChildren(teamNode).find((node) => String(view.getTreeItem(node).label).startsWith('Rules'))!;
    assert.deepEqual(view.getChildren(rulesGroup).map((node) => view.getTreeItem(node).label), [TEAM_RULE]);

    // Shown by VS Code itself, not only answered by the provider: reveal resolves once the item is
    // rendered in the view (expanding its pack and rule group on the way).
    await vscode.commands.executeCommand('palisade.packs.focus');
    const rule = view.getChildren(rulesGroup)[0];
    await view.treeView.reveal(rule, { select: true, focus: true });
    assert.equal(view.treeView.visible, true, 'the Rule Packs view is visible');
    assert.deepEqual(view.treeView.selection.map((node) => view.getTreeItem(node).label), [TEAM_RULE]);
    await sleep(1000);
    await screenshot('16-rule-packs-view');
  });
});
