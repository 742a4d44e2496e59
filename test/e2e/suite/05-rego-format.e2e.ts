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
    // Every save of the buffer with its reason: VS Code formats on explicit saves only, so an auto
    // save before ours (`files.autoSave`) would write the file unformatted.
    const edited = Date.now();
    const saves: string[] = [];
    const saveLog = vscode.workspace.onWillSaveTextDocument((e) => {
      if (e.document === editor.document) saves.push(`${vscode.TextDocumentSaveReason[e.reason]} at +${Date.now() - edited} ms`);
    });
    try {
      await replaceText(editor, 'required := {"Owner", "CostCenter"}', 'required:={"Owner","CostCenter"}');
      const modified = editor.document.getText();
      assert.notEqual(modified, formatted);
      await screenshot('12-rego-before-format-on-save');
      assert.ok(editor.document.isDirty, `the edit was saved before the explicit save (${Date.now() - edited} ms after it): ${saves.join(', ')}`);
      const saveStarted = Date.now();
      const saved = await editor.document.save();
      const seen = { formatted, modified, saved, saveMs: Date.now() - saveStarted, saves };
      await eventually('the saved document to be formatted', () => (editor.document.getText() === formatted && !editor.document.isDirty ? true : undefined), 30_000).catch(async (err: Error) => {
        throw new Error(`${err.message}\n${await whyNotFormatted(editor.document, seen)}`);
      });
    } finally {
      saveLog.dispose();
    }
    await screenshot('13-rego-formatted-on-save');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: false });
    assert.equal(edits?.length ?? 0, 0, 'an already formatted file gets no edit');
  });
});

/** What a failed format on save left behind, and what the formatter answers now (for the failure message). */
async function whyNotFormatted(document: vscode.TextDocument, seen: { formatted: string; modified: string; saved: boolean; saveMs: number; saves: string[] }): Promise<string> {
  const text = document.getText();
  const state = text === seen.formatted ? 'formatted' : text === seen.modified ? 'as typed (unformatted)' : 'changed otherwise';
  const started = Date.now();
  const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: false });
  const editor = vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: 'rego' });
  const files = vscode.workspace.getConfiguration('files', document.uri);
  return [
    `saves seen: ${seen.saves.join(', ') || 'none'}; save() returned ${seen.saved} after ${seen.saveMs} ms`,
    `buffer is ${state}, dirty: ${document.isDirty}; formatOnSave: ${editor.get('formatOnSave')}, defaultFormatter: ${editor.get('defaultFormatter')}, files.autoSave: ${files.get('autoSave')}`,
    `the format provider now answers ${edits?.length ?? 'nothing'} edit(s) in ${Date.now() - started} ms`,
  ].join('\n');
}
