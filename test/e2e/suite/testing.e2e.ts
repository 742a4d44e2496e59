// Rego tests in a real VS Code's Test Explorer: the workspace's `policies/tags_test.rego` is listed
// (file → package → test), running a test through VS Code's own "run test at cursor" reports a
// pass, and a failure typed into the buffer (unsaved) reports the failing expression and its values.
// Also the "Evaluate" code lens command with an input file, its inline result and output.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, openEditor, replaceText, resetToDisk, screenshot, sleep, workspaceFile } from './helpers';

const TESTS = 'policies/tags_test.rego';
const POLICY = 'policies/tags.rego';

/** What the test reads of the extension's exports (client/src/extension.ts PalisadeExtensionApi). */
interface RegoTestsApi {
  controller: vscode.TestController;
  lastResults: Map<string, { status: string; message?: string; expected?: string; actual?: string; location?: { range: { start: { line: number } } } }>;
  whenRefreshed(): Promise<void>;
}

async function regoTests(): Promise<RegoTestsApi> {
  const extension = vscode.extensions.getExtension<{ regoTests: RegoTestsApi }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.ok(api?.regoTests, 'the extension exports its Rego test explorer');
  return api.regoTests;
}

function findItem(items: vscode.TestItemCollection, label: string): vscode.TestItem | undefined {
  let found: vscode.TestItem | undefined;
  items.forEach((item) => {
    if (found) return;
    if (item.label === label) found = item;
    else found = findItem(item.children, label);
  });
  return found;
}

/** Puts the cursor inside a test and runs VS Code's own "Run Test at Cursor". */
async function runAtCursor(editor: vscode.TextEditor, item: vscode.TestItem): Promise<void> {
  assert.ok(item.range, `${item.label} has a range`);
  const inside = item.range.start.translate(1, 1);
  editor.selection = new vscode.Selection(inside, inside);
  await vscode.commands.executeCommand('testing.runAtCursor');
}

describe('Rego tests in the Test Explorer', () => {
  after(() => resetToDisk(TESTS));

  it('lists the workspace Rego tests by file and package, and runs one to a pass', async () => {
    const editor = await openEditor(TESTS);
    const api = await regoTests();
    const test = await eventually('the Test Explorer to list test_tagged_resource_passes', () => findItem(api.controller.items, 'test_tagged_resource_passes'));
    assert.equal(test.parent?.label, 'team.tags_test', 'the test sits under its package');
    assert.equal(test.parent?.parent?.label, TESTS, 'the package sits under its file');
    assert.equal(test.uri?.toString(), editor.document.uri.toString());
    assert.ok(findItem(api.controller.items, 'test_untagged_resource_is_denied'), 'every test_ rule is listed');
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await screenshot('20-rego-test-explorer');

    api.lastResults.delete(test.id);
    await runAtCursor(editor, test);
    const result = await eventually('the test result', () => api.lastResults.get(test.id), 60_000);
    assert.equal(result.status, 'passed', JSON.stringify(result));
    await screenshot('21-rego-test-passed');
  });

  it('reports a failure typed into the test (unsaved) with the failing expression and its values', async () => {
    const editor = await openEditor(TESTS);
    const api = await regoTests();
    await replaceText(editor, 'count(tags.deny) == 0 with input as tagged', 'count(tags.deny) == 1 with input as tagged');
    assert.ok(editor.document.isDirty, 'the edit is not saved');
    await api.whenRefreshed();
    const test = await eventually('the test item', () => findItem(api.controller.items, 'test_tagged_resource_passes'));
    api.lastResults.delete(test.id);
    await runAtCursor(editor, test);
    const result = await eventually('the failing result', () => api.lastResults.get(test.id), 60_000);
    assert.equal(result.status, 'failed', JSON.stringify(result));
    assert.match(result.message ?? '', /`count\(tags\.deny\) == 1 with input as tagged` failed: `count\(tags\.deny\)` = 0/);
    assert.equal(result.expected, '1');
    assert.equal(result.actual, '0');
    const failingLine = editor.document.getText().split('\n').findIndex((l) => l.includes('count(tags.deny) == 1'));
    assert.equal(result.location?.range.start.line, failingLine, 'the failure points at the failing expression');
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await screenshot('22-rego-test-failed');
    await resetToDisk(TESTS);
  });

  it('evaluates a rule from its code lens with an input file and shows the value', async () => {
    const editor = await openEditor(POLICY);
    let found: vscode.CodeLens[] = [];
    let deny: vscode.CodeLens | undefined;
    for (const deadline = Date.now() + 60_000; !deny && Date.now() < deadline; await sleep(250)) {
      found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
      deny = found.find((l) => l.command?.title === 'Evaluate' && (l.command.arguments?.[0] as { rule?: string }).rule === 'data.team.tags.deny');
    }
    assert.ok(deny?.command, `an Evaluate lens on deny: ${found.map((l) => l.command?.title).join(', ')}`);
    const input = workspaceFile('policies/untagged-input.json');
    await vscode.workspace.fs.writeFile(input, Buffer.from(JSON.stringify({ resources: [{ address: 'aws_s3_bucket.a', config: { tags: { Owner: 'me' } } }] })));
    const args = { ...(deny.command.arguments![0] as object), inputUri: input.toString() };
    const result = await vscode.commands.executeCommand<{ value?: string; summary: string; commandLine: string[] }>(deny.command.command, args);
    assert.ok(result, 'the command returns the evaluation');
    assert.deepEqual(JSON.parse(result.value ?? 'null'), ['aws_s3_bucket.a has no CostCenter tag']);
    assert.deepEqual(result.commandLine.slice(0, 2), ['rego', 'eval']);
    await sleep(1000); // the output panel renders the appended lines lazily
    await screenshot('23-rego-evaluate-inline');
    await vscode.workspace.fs.delete(input);
  });
});
