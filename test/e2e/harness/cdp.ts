// The Electron side of the control server: VS Code started with --remote-debugging-port exposes
// its window over the Chrome DevTools Protocol, and playwright-core attaches to it there — so
// screenshots, keystrokes and clicks work as in the code-server runs (no browser is launched).
import { requireFromE2e } from './browser';
import type { Page } from './control-server';

interface CdpBrowser {
  contexts(): { pages(): Page[] }[];
  /** Over CDP this disconnects; VS Code keeps running. */
  close(): Promise<void>;
}

/** The workbench window of the VS Code listening on `port`, once it is up (polls until `timeoutMs`). */
export async function workbenchOverCdp(port: number, timeoutMs = 90_000): Promise<Page> {
  const { chromium } = requireFromE2e('playwright-core') as { chromium: { connectOverCDP(endpoint: string, options?: object): Promise<CdpBrowser> } };
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no window yet';
  while (Date.now() < deadline) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 10_000 });
      const page = browser.contexts().flatMap((c) => c.pages()).find((p) => /workbench\.(esm\.)?html/.test(p.url()));
      if (page) return page;
      lastError = 'connected, but no workbench window among the pages';
      await browser.close();
    } catch (error) {
      lastError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`could not reach VS Code's window over CDP on 127.0.0.1:${port} within ${timeoutMs} ms: ${lastError}`);
}
