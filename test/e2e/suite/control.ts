// The suite's side of the control server (harness/control-server.ts): screenshots, keystrokes and
// clicks asked of the harness outside VS Code. Under test-electron the harness reaches the window
// over the Chrome DevTools Protocol; when it cannot (it answers 501), keys and clicks fall back to
// VS Code commands and screenshots are recorded as missing — in the test output, never silently.
import { appendFileSync } from 'node:fs';
import { request } from 'node:http';
import * as vscode from 'vscode';
import type { FrameImage } from '../harness/control-server';

/** 'code-server' (chromium drives the page; no fallback) or 'electron' (@vscode/test-electron). */
const RUNNER = process.env.PALISADE_E2E_RUNNER ?? 'code-server';

class NoWorkbenchPage extends Error {}

/** Writes a note into the run's report; the harness prints it with the test results. */
export function note(text: string): void {
  const report = process.env.PALISADE_E2E_REPORT;
  if (report) appendFileSync(report, JSON.stringify({ note: text }) + '\n');
  console.log(`[palisade e2e] ${text}`);
}

/** Asks the harness to save a screenshot of the window (test/e2e/screenshots/<name>.png). */
export async function screenshot(name: string): Promise<void> {
  try {
    await control(`/screenshot?name=${encodeURIComponent(name)}`);
  } catch (error) {
    if (!(error instanceof NoWorkbenchPage)) throw error;
    note(`no screenshot under ${RUNNER}: ${name} (${error.message})`);
  }
}

/**
 * The images of every frame of the workbench, webviews included (what the extension host cannot
 * see). Undefined, with a note, when the harness has no page (test-electron without CDP).
 */
export async function images(): Promise<FrameImage[] | undefined> {
  try {
    return JSON.parse(await control('/images')) as FrameImage[];
  } catch (error) {
    if (!(error instanceof NoWorkbenchPage)) throw error;
    note(`no image list under ${RUNNER} (${error.message})`);
    return undefined;
  }
}

/** Clicks the first element matching a CSS selector in the workbench, as a user would. */
export async function click(selector: string): Promise<void> {
  try {
    await control(`/click?selector=${encodeURIComponent(selector)}`);
  } catch (error) {
    if (!(error instanceof NoWorkbenchPage)) throw error;
    const command = CLICK_COMMANDS[selector];
    if (!command) throw new Error(`click on "${selector}" has no command fallback under ${RUNNER} (${error.message})`);
    note(`click "${selector}" → command ${command} (${RUNNER}: ${error.message})`);
    await vscode.commands.executeCommand(command);
  }
}

/** Types `text` and then presses `keys`, as a user would (for input boxes and menus). */
export async function keyboard(text: string, ...keys: string[]): Promise<void> {
  const query = new URLSearchParams();
  if (text) query.set('type', text);
  for (const key of keys) query.append('press', key);
  try {
    await control(`/keyboard?${query}`);
  } catch (error) {
    if (!(error instanceof NoWorkbenchPage)) throw error;
    if (text) {
      // `type` reaches the focused code editor only: VS Code has no command that types into a
      // quick input, so steps that type into one fail under this fallback (and say why here).
      note(`keyboard "${text}" → command type, which reaches a focused editor only (${RUNNER}: ${error.message})`);
      await vscode.commands.executeCommand('type', { text });
    }
    for (const key of keys) {
      const commands = KEY_COMMANDS[key];
      if (!commands) throw new Error(`key ${key} has no command fallback under ${RUNNER} (${error.message})`);
      note(`key ${key} → ${commands.join(', ')}`);
      for (const command of commands) await vscode.commands.executeCommand(command).then(undefined, () => undefined);
    }
  }
}

/** What a key does in the suites' steps, as commands. */
const KEY_COMMANDS: Record<string, string[]> = {
  Escape: ['hideCodeActionWidget', 'workbench.action.closeQuickOpen', 'editor.action.hideHover'],
  Enter: ['workbench.action.acceptSelectedQuickOpenItem'],
};

/** Selectors the suites click, as commands. */
const CLICK_COMMANDS: Record<string, string> = {
  // Clicking a row of a multi-select quick pick ticks its checkbox.
  '.quick-input-list .monaco-list-row': 'workbench.action.quickPickManyToggle',
};

/** POSTs to the control server; resolves with the answer's body ('' for 204). */
function control(path: string): Promise<string> {
  const port = process.env.PALISADE_E2E_CONTROL_PORT;
  if (!port) return Promise.reject(new Error('PALISADE_E2E_CONTROL_PORT is not set: run the suite through test/e2e/vscode.test.ts or test/e2e/electron/run.ts'));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method: 'POST', path }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        if (res.statusCode === 204 || res.statusCode === 200) return resolve(body);
        // Only the electron runner may go without a page; code-server runs always have one.
        if (res.statusCode === 501 && RUNNER === 'electron') return reject(new NoWorkbenchPage(body));
        reject(new Error(`${path} failed: HTTP ${res.statusCode} ${body}`));
      });
    });
    req.on('error', reject);
    req.end();
  });
}
