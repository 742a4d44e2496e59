// Terraform in a real VS Code: activation, findings on the exact range while typing (not saving),
// and the hover on a flagged attribute.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, eventually, findingOnLine, openEditor, palisadeDiagnostics, replaceText, resetToDisk, screenshot } from './helpers';

const MAIN_TF = 'terraform-basic/main.tf';

describe('Terraform', () => {
  it('activates on a .tf file and shows findings on the exact attribute', async () => {
    const editor = await openEditor(MAIN_TF);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await eventually('the extension to activate', () => (extension.isActive ? true : undefined));
    const finding = await eventually('a finding on block_public_policy = false', () => findingOnLine(editor.document, /block_public_policy\s*=\s*false/));
    assert.match(codeOf(finding) ?? '', /^PAL-AWS-S3-\d+$/);
    assert.equal(editor.document.getText(finding.range), 'false', 'the diagnostic covers the offending value');
    assert.ok(finding.code && typeof finding.code === 'object' && String(finding.code.target).includes(codeOf(finding)!), 'the code links to the rule page');
    await screenshot('01-terraform-findings');
  });

  it('flags a misconfiguration as it is typed, without saving', async () => {
    const editor = await openEditor(MAIN_TF);
    await replaceText(editor, 'block_public_acls       = true', 'block_public_acls       = false');
    assert.ok(editor.document.isDirty, 'the document is not saved');
    const finding = await eventually('a finding on the typed block_public_acls = false', () => findingOnLine(editor.document, /block_public_acls\s*=\s*false/));
    assert.equal(editor.document.getText(finding.range), 'false');
    await screenshot('02-terraform-typed-finding');
    await replaceText(editor, 'block_public_acls       = false', 'block_public_acls       = true');
    await eventually('the typed finding to disappear', () =>
      palisadeDiagnostics(editor.document.uri).some((d) => editor.document.lineAt(d.range.start.line).text.includes('block_public_acls')) ? undefined : true,
    );
  });

  it('hovers a flagged value with the rule and the evaluated value', async () => {
    const editor = await openEditor(MAIN_TF);
    const finding = await eventually('a finding on block_public_policy', () => findingOnLine(editor.document, /block_public_policy\s*=\s*false/));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, finding.range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /false/, `hover shows the value: ${text}`);
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('03-terraform-hover');
    await resetToDisk(MAIN_TF);
  });
});
