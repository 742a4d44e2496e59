// Fixes and suppressions through VS Code's own commands: the preferred quick fix (Auto Fix),
// "Fix all" as a source action, and "Suppress with a reason" answering the real input box.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, eventually, findingOnLine, keyboard, openEditor, palisadeDiagnostics, resetToDisk, screenshot, sleep } from './helpers';

const MAIN_TF = 'terraform-basic/main.tf';

async function revert(): Promise<void> {
  await resetToDisk(MAIN_TF);
}

/** On failure: what the providers offer for fix-all now, resolved as VS Code would (title, edit size). */
async function offeredFixAll(editor: vscode.TextEditor): Promise<string> {
  const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, 'source.fixAll.palisade', 1);
  const described = (actions ?? []).map((a) => `"${a.title}" edit: ${a.edit ? `${a.edit.size} file(s), ${a.edit.entries().reduce((n, [, edits]) => n + edits.length, 0)} edit(s)` : 'none'}`);
  return `document version ${editor.document.version}, dirty ${editor.document.isDirty}, ${palisadeDiagnostics(editor.document.uri).length} findings; fix-all offered now: ${described.join('; ') || 'nothing'}`;
}

describe('Fixes', () => {
  // A failed step must not leave its edits to the next test.
  afterEach(revert);

  it('applies the preferred quick fix with VS Code\'s Auto Fix command', async () => {
    const editor = await openEditor(MAIN_TF);
    const finding = await eventually('a finding on block_public_policy = false', () => findingOnLine(editor.document, /block_public_policy\s*=\s*false/));
    const rule = codeOf(finding);
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1500);
    await screenshot('04-quick-fix-menu');
    await keyboard('', 'Escape');
    await vscode.commands.executeCommand('editor.action.autoFix');
    await eventually('the value to be fixed', () => (/block_public_policy\s*=\s*true/.test(editor.document.getText()) ? true : undefined));
    await eventually(`${rule} to disappear`, () => (findingOnLine(editor.document, /block_public_policy/) ? undefined : true));
    await screenshot('05-quick-fix-applied');
  });

  it('fixes every fixable finding in the file with the source.fixAll.palisade action', async () => {
    const editor = await openEditor(MAIN_TF);
    await eventually('findings', () => (palisadeDiagnostics(editor.document.uri).length > 0 ? true : undefined));
    const before = palisadeDiagnostics(editor.document.uri).length;
    const original = editor.document.getText();
    await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.palisade', apply: 'first' });
    await eventually('the document to change', () => (editor.document.getText() !== original ? true : undefined), 60_000, () => offeredFixAll(editor));
    const after = await eventually('findings to drop', () => {
      const now = palisadeDiagnostics(editor.document.uri);
      return now.length < before ? now : undefined;
    });
    assert.ok(!after.some((d) => codeOf(d)?.startsWith('PAL-SYNTAX') || /syntax|parse/i.test(d.message)), 'the fixed file still parses');
    await screenshot('06-fix-all-applied');
  });

  it('suppresses a finding with a reason typed into the input box', async () => {
    const editor = await openEditor(MAIN_TF);
    const finding = await eventually('the SSH finding', () => findingOnLine(editor.document, /cidr_blocks\s*=\s*var\.admin_cidrs/));
    const rule = codeOf(finding)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const suppress = actions.find((a) => /suppress/i.test(a.title) && a.title.includes(rule));
    assert.ok(suppress, `a suppress action for ${rule}: ${actions.map((a) => a.title).join(' | ')}`);
    if (suppress.edit) await vscode.workspace.applyEdit(suppress.edit);
    if (suppress.command) {
      const running = vscode.commands.executeCommand(suppress.command.command, ...(suppress.command.arguments ?? []));
      await sleep(1500);
      await keyboard('reviewed in e2e: admin CIDRs are internal');
      await screenshot('07-suppress-reason-prompt');
      await keyboard('', 'Enter');
      await running;
    }
    const comment = await eventually('the suppression comment', () => editor.document.getText().split('\n').find((l) => l.includes(`palisade:ignore ${rule}`)));
    assert.match(comment, /reviewed in e2e/);
    await eventually(`${rule} to be suppressed`, () => (findingOnLine(editor.document, /cidr_blocks\s*=\s*var\.admin_cidrs/) ? undefined : true));
    await screenshot('08-suppressed');
  });
});
