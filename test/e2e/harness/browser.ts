// Drives Debian's chromium with playwright-core (never a downloaded browser) and runs VS Code's
// standard extension-test flow in it: the page loads the workbench with extensionTestsPath in its
// payload, the extension host runs the Mocha suite, and the workbench reports the exit code through
// `window.codeAutomationExit`. The browser must stay connected until then.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { E2E_DIR } from './code-server';
import type { ControlServer, Page } from './control-server';

// playwright-core lives in test/e2e/node_modules, apart from the extension's dependencies.
export const requireFromE2e = createRequire(join(E2E_DIR, 'package.json'));

interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium flags that keep it from reaching for the network, which is closed here. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestRun {
  exitCode: number;
  console: string[];
  screenshots: string[];
}

/**
 * Opens the workbench for `folder` with the test payload and resolves with the suite's exit code.
 * While it runs, the control server drives this page for the suite (screenshots, keys, clicks).
 */
export async function runExtensionTests(options: {
  serverUrl: string;
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  timeoutMs: number;
  control: ControlServer;
}): Promise<TestRun> {
  const { chromium } = requireFromE2e('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const consoleLines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    options.control.attach(page);

    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(typeof code === 'number' ? code : 1));
    });
    const host = new URL(options.serverUrl).host;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${options.extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${host}${options.extensionTestsPath}`],
    ]);
    await page.goto(`${options.serverUrl}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${options.timeoutMs} ms`)), options.timeoutMs);
    });
    const exitCode = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    return { exitCode, console: consoleLines, screenshots: options.control.taken };
  } finally {
    await browser.close();
  }
}
