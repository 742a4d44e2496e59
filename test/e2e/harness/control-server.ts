// The control server: a small HTTP server on 127.0.0.1 through which the suite (running inside
// VS Code's extension host) asks the outside harness for what the extension API cannot do — a
// screenshot of the window, real keystrokes, a click. It drives the workbench page with
// playwright-core: a page chromium opened (code-server runs) or the Electron window reached over
// the Chrome DevTools Protocol (test-electron runs). When no page can be had, it answers 501 with
// the reason and the suite falls back to VS Code commands (suite/control.ts), saying so.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { E2E_DIR } from './code-server';

/** Minimal shape of the playwright-core Page used here (its types are not installed at the root). */
export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  click(selector: string, options?: { timeout?: number }): Promise<void>;
  keyboard: { type(text: string, options?: { delay?: number }): Promise<void>; press(key: string): Promise<void> };
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  url(): string;
  /** The page's frames, webviews' nested iframes included. */
  frames(): Frame[];
}

export interface Frame {
  url(): string;
  /** Evaluates a JavaScript expression in the frame (a string: the harness has no DOM types). */
  evaluate<R>(expression: string): Promise<R>;
}

/** An `<img>` of some frame of the workbench, as the `/images` action reports it. */
export interface FrameImage {
  frameUrl: string;
  alt: string;
  /** The first 80 characters of the source (a data: URI is long). */
  src: string;
  /** Decoded and drawn: `complete` with a natural width above 0. */
  loaded: boolean;
  naturalWidth: number;
}

export const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');

export interface ControlServer {
  port: number;
  /** Screenshot files written during the run. */
  taken: string[];
  /** Use this page from now on (code-server runs: the page chromium opened). */
  attach(page: Page): void;
  /** Find the page on first use (test-electron runs: VS Code is not started yet when the server is). */
  attachLazily(find: () => Promise<Page>): void;
  close(): void;
}

/**
 * POST /screenshot?name=<step> → test/e2e/screenshots/<prefix><step>.png; POST
 * /keyboard?type=<text>&press=<key> → keystrokes; POST /click?selector=<css> → a click; POST
 * /images → 200 with a JSON list of the images in every frame (FrameImage: a webview's content
 * cannot be read from the extension host).
 * Started before VS Code so the extension host can be told its port (PALISADE_E2E_CONTROL_PORT).
 * `prefix` keeps the screenshots of different runs (trusted, restricted) apart.
 */
export function startControlServer(prefix = ''): Promise<ControlServer> {
  let page: Promise<Page> | undefined;
  let findPage: (() => Promise<Page>) | undefined;
  const taken: string[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const currentPage = (): Promise<Page> => {
    if (!page && findPage) page = findPage();
    return page ?? Promise.reject(new Error('no workbench page is attached to the control server'));
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const action = request.method === 'POST' ? ACTIONS[url.pathname] : undefined;
    if (!action) {
      response.writeHead(404).end();
      return;
    }
    currentPage().then(
      (p) =>
        action(p, url.searchParams, prefix, taken).then(
          (result) => (result === undefined ? response.writeHead(204).end() : response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))),
          (error: unknown) => response.writeHead(500).end(String(error)),
        ),
      // No page: the suite falls back to commands and records why (see suite/control.ts).
      (error: unknown) => response.writeHead(501).end(`the control server has no workbench page: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        taken,
        attach: (p) => (page = Promise.resolve(p)),
        attachLazily: (find) => {
          page = undefined;
          findPage = find;
        },
        close: () => server.close(),
      });
    }),
  );
}

/** Resolves with nothing (204) or with a value the suite reads (200, JSON). */
type Action = (page: Page, params: URLSearchParams, prefix: string, taken: string[]) => Promise<unknown>;

const ACTIONS: Record<string, Action> = {
  '/screenshot': async (page, params, prefix, taken) => {
    const name = `${prefix}${params.get('name') ?? 'step'}`.replace(/[^a-z0-9-]+/gi, '-');
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    taken.push(file);
  },
  // A real user's keystrokes, for UI the extension host cannot drive (input boxes, menus).
  '/keyboard': async (page, params) => {
    const text = params.get('type');
    if (text) await page.keyboard.type(text, { delay: 20 });
    for (const key of params.getAll('press')) await page.keyboard.press(key);
  },
  '/click': (page, params) => page.click(params.get('selector') ?? 'body', { timeout: 10_000 }),
  '/images': (page) => frameImages(page),
};

const READ_IMAGES = "[...document.images].map((img) => ({ alt: img.alt, src: img.getAttribute('src') ?? '', complete: img.complete, naturalWidth: img.naturalWidth }))";

/** Every `<img>` of every frame; a frame that goes away while it is read counts as having none. */
async function frameImages(page: Page): Promise<FrameImage[]> {
  const perFrame = await Promise.all(
    page.frames().map(async (frame) => {
      const images = await frame.evaluate<{ alt: string; src: string; complete: boolean; naturalWidth: number }[]>(READ_IMAGES).catch(() => []);
      return images.map((img): FrameImage => ({ frameUrl: frame.url(), alt: img.alt, src: img.src.slice(0, 80), loaded: img.complete && img.naturalWidth > 0, naturalWidth: img.naturalWidth }));
    }),
  );
  return perFrame.flat();
}
