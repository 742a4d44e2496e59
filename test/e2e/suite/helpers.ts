// Helpers for tests running inside the extension host: waiting for diagnostics, typing like a
// user, asking the outside harness for a screenshot.
import { readFileSync } from 'node:fs';
import { pristinePath } from '../harness/workspace';
import * as vscode from 'vscode';

// Screenshots, keystrokes and clicks go through the harness's control server (suite/control.ts).
export { click, keyboard, note, screenshot } from './control';

export const EXTENSION_ID = 'palisade.palisade';
/** The rule of the workspace's team pack (test/e2e/workspace/team-pack): runs only when trusted. */
export const TEAM_RULE = 'TEAM-E2E-001';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(document);
}

/** Polls until `check` returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => T | undefined, timeoutMs = 60_000, explain?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const why = explain ? ` (${await explain().catch((e: unknown) => `could not explain: ${String(e)}`)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(100);
  }
}

export function palisadeDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'palisade' && (code === undefined || codeOf(d) === code));
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Replaces `search` (first occurrence) in the editor's text as a user edit, without saving. */
export async function replaceText(editor: vscode.TextEditor, search: string, replacement: string): Promise<void> {
  const text = editor.document.getText();
  const at = text.indexOf(search);
  if (at < 0) throw new Error(`"${search}" not found in ${editor.document.uri.path}`);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + search.length));
  const ok = await editor.edit((b) => b.replace(range, replacement));
  if (!ok) throw new Error('the edit was rejected');
}

/** The Palisade diagnostic on the first line matching `pattern` (rule ids may be renumbered; lines do not move). */
export function findingOnLine(document: vscode.TextDocument, pattern: RegExp): vscode.Diagnostic | undefined {
  return palisadeDiagnostics(document.uri).find((d) => d.range.start.line === d.range.end.line && pattern.test(document.lineAt(d.range.start.line).text));
}

/**
 * Puts a workspace file back to the text it had when the run started (its copy in the repository),
 * in the buffer and on disk, whatever an earlier step edited or saved.
 */
export async function resetToDisk(relative: string): Promise<void> {
  const pristine = readFileSync(pristinePath(relative), 'utf8');
  const editor = await openEditor(relative);
  if (editor.document.getText() !== pristine) {
    const settled = diagnosticsSettled(editor.document.uri);
    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    const ok = await editor.edit((b) => b.replace(whole, pristine));
    if (!ok) throw new Error(`could not reset ${relative}`);
    if (editor.document.isDirty) await editor.document.save();
    // The next test must start from the reset file's findings: VS Code cancels a code-action
    // request it started when the file's diagnostics change (its lightbulb re-triggers), so a
    // "fix all" invoked while the reset is still being analysed would do nothing.
    await settled;
  }
  if (editor.document.isDirty) await editor.document.save();
  await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
}

/**
 * Resolves once `uri`'s diagnostics have changed and then stayed unchanged for `quietMs`, or after
 * `timeoutMs` without a change (a reset that changes no finding may publish nothing new).
 */
function diagnosticsSettled(uri: vscode.Uri, quietMs = 1000, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      subscription.dispose();
      clearTimeout(quiet);
      clearTimeout(deadline);
      resolve();
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(), quietMs);
    });
    const deadline = setTimeout(finish, timeoutMs);
  });
}
