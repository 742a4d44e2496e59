// Rego formatting on save in a real VS Code: Palisade is the formatter for Rego and its output is
// `opa fmt`'s.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openEditor, replaceText, resetToDisk, screenshot } from './helpers';

const TAGS = 'policies/tags.rego';

describe('Rego formatting', () => {
  afterEach(() => resetToDisk(TAGS));

  it('formats a Rego file on save like opa fmt', async () => {
    const editor = await openEditor(TAGS);
    const formatted = editor.document.getText();
    await replaceText(editor, 'required := {"Owner", "CostCenter"}', 'required:={"Owner","CostCenter"}');
    assert.notEqual(editor.document.getText(), formatted);
    await screenshot('12-rego-before-format-on-save');
    await editor.document.save();
    await eventually('the saved document to be formatted', () => (editor.document.getText() === formatted && !editor.document.isDirty ? true : undefined), 30_000);
    await screenshot('13-rego-formatted-on-save');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: false });
    assert.equal(edits?.length ?? 0, 0, 'an already formatted file gets no edit');
  });
});
