// Drives Debian's chromium with playwright-core (never a downloaded browser) and runs VS Code's
// standard extension-test flow in it: the page loads the workbench with extensionTestsPath in its
// payload, the extension host runs the Mocha suite, and the workbench reports the exit code through
// `window.codeAutomationExit`. The browser must stay connected until then.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { E2E_DIR } from './code-server';

// playwright-core lives in test/e2e/node_modules, apart from the extension's dependencies.
const requireFromE2e = createRequire(join(E2E_DIR, 'package.json'));

// Minimal shapes of the playwright-core API used here (its types are not installed at the root).
interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  click(selector: string, options?: { timeout?: number }): Promise<void>;
  keyboard: { type(text: string, options?: { delay?: number }): Promise<void>; press(key: string): Promise<void> };
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
}
interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');

/** Chromium flags that keep it from reaching for the network, which is closed here. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestRun {
  exitCode: number;
  console: string[];
  screenshots: string[];
}

/**
 * Opens the workbench for `folder` with the test payload and resolves with the suite's exit code.
 * While it runs, a control server on 127.0.0.1 takes screenshots the suite asks for by name.
 */
export async function runExtensionTests(options: {
  serverUrl: string;
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  timeoutMs: number;
  screenshots: ScreenshotServer;
}): Promise<TestRun> {
  const { chromium } = requireFromE2e('playwright-core') as { chromium: { launch(o: object): Promise<Browser> } };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const consoleLines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    options.screenshots.attach(page);

    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(typeof code === 'number' ? code : 1));
    });
    const host = new URL(options.serverUrl).host;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${options.extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${host}${options.extensionTestsPath}`],
    ]);
    await page.goto(`${options.serverUrl}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
    const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`the suite did not finish within ${options.timeoutMs} ms`)), options.timeoutMs));
    const exitCode = await Promise.race([exit, timeout]);
    return { exitCode, console: consoleLines, screenshots: options.screenshots.taken };
  } finally {
    await browser.close();
  }
}

export interface ScreenshotServer {
  port: number;
  taken: string[];
  attach(page: Page): void;
  close(): void;
}

/**
 * POST /screenshot?name=<step> → a PNG of the whole window under test/e2e/screenshots/; POST
 * /keyboard?type=<text>&press=<key> → keystrokes, POST /click?selector=<css> → a click. Started
 * before code-server so the extension host can be told its port (PALISADE_E2E_CONTROL_PORT).
 */
export function startScreenshotServer(): Promise<ScreenshotServer> {
  let page: Page | undefined;
  const taken: string[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/keyboard' && page) {
      // A real user's keystrokes, for UI the extension host cannot drive (input boxes, menus).
      const keys = page.keyboard;
      const text = url.searchParams.get('type');
      const press = url.searchParams.getAll('press');
      (async () => {
        if (text) await keys.type(text, { delay: 20 });
        for (const key of press) await keys.press(key);
      })().then(
        () => response.writeHead(204).end(),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
      return;
    }
    if (request.method === 'POST' && url.pathname === '/click' && page) {
      page.click(url.searchParams.get('selector') ?? 'body', { timeout: 10_000 }).then(
        () => response.writeHead(204).end(),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
      return;
    }
    if (request.method !== 'POST' || url.pathname !== '/screenshot' || !page) {
      response.writeHead(404).end();
      return;
    }
    const file = join(SCREENSHOT_DIR, `${(url.searchParams.get('name') ?? 'step').replace(/[^a-z0-9-]+/gi, '-')}.png`);
    page.screenshot({ path: file }).then(
      () => { taken.push(file); response.writeHead(204).end(); },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, taken, attach: (p) => (page = p), close: () => server.close() });
    }),
  );
}
