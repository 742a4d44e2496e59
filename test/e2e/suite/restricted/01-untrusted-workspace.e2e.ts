// Workspace trust, untrusted side: the run opens the workspace in VS Code's Restricted Mode. The
// extension still activates and the built-in pack still runs; the workspace's team pack (which
// fires in the trusted run, suite/06-trust.e2e.ts) is not loaded, and .palisade.yaml says so.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, TEAM_RULE, codeOf, eventually, findingOnLine, openEditor, palisadeDiagnostics, screenshot, sleep, workspaceFile } from '../helpers';

describe('Workspace trust (Restricted Mode)', () => {
  it('activates in an untrusted workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run opens the workspace untrusted (Restricted Mode)');
    await openEditor('terraform-basic/main.tf');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed and enabled in Restricted Mode`);
    await eventually('the extension to activate', () => (extension.isActive ? true : undefined));
  });

  it('runs the built-in rules but not the workspace team pack', async () => {
    const editor = await openEditor('terraform-basic/main.tf');
    const builtin = await eventually('a built-in finding on block_public_policy = false', () => findingOnLine(editor.document, /block_public_policy\s*=\s*false/));
    assert.match(codeOf(builtin) ?? '', /^PAL-AWS-S3-\d+$/);
    // One analysis publishes every finding of the unit at once; give a late publish time anyway.
    await sleep(3000);
    const team = palisadeDiagnostics(editor.document.uri, TEAM_RULE);
    assert.deepEqual(team.map((d) => d.message), [], `${TEAM_RULE} comes from a workspace pack and must not run in Restricted Mode`);
    const note = await eventually('the Restricted Mode note on .palisade.yaml', () => palisadeDiagnostics(workspaceFile('.palisade.yaml')).find((d) => codeOf(d) === 'pack-untrusted'));
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.match(note.message, /Restricted Mode/);
    editor.revealRange(builtin.range);
    await screenshot('01-restricted-builtin-only');
    // What a user sees on the configuration file: the note at packs:, in its hover.
    const config = await openEditor('.palisade.yaml');
    config.selection = new vscode.Selection(note.range.start, note.range.start);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1000);
    await screenshot('02-restricted-packs-note');
  });
});
