// The "Palisade: Rule Packs" view in the Explorer: the built-in pack and the workspace's team pack,
// each with its rules, as the server reports them (trusted workspace).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PalisadeExtensionApi } from '../../../client/src/extension';
import { EXTENSION_ID, TEAM_RULE, click, eventually, note, openEditor, screenshot, sleep } from './helpers';

/** The header of the Explorer's folder view, which otherwise leaves the Rule Packs view one row. */
const FOLDERS_HEADER = '.pane:has(.explorer-folders-view) > .pane-header';

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
    assert.match(String(team.description), /(^| · )1 rule($| · )/, `team pack description: ${team.description}`);
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
    // Collapse the folder view for the screenshot, so the packs and their descriptions show; the
    // assertions above do not depend on it, so a runner that cannot click only notes it.
    const collapsed = await click(FOLDERS_HEADER).then(
      () => true,
      (error: unknown) => (note(`Rule Packs screenshot with the folder view open: ${String(error)}`), false),
    );
    await sleep(1000);
    await screenshot('16-rule-packs-view');
    // Open it again (focusing a view expands it; its body is gone from the DOM while collapsed).
    if (collapsed) await vscode.commands.executeCommand('workbench.explorer.fileView.focus');
  });
});
