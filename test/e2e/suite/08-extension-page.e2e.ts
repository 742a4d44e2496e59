// The extension's details page (Extensions view → Palisade) for the installed .vsix: VS Code renders
// the packaged README in a webview, and its screenshot of a real finding must show there, not as
// alt text (docs/testing.md, "The README's screenshot").
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FrameImage } from '../harness/control-server';
import { images } from './control';
import { EXTENSION_ID, screenshot, sleep } from './helpers';

/** Polls the workbench's images until `pick` finds one; undefined after `timeoutMs`, or without a page. */
async function waitForImage(pick: (all: FrameImage[]) => FrameImage | undefined, timeoutMs: number): Promise<{ found?: FrameImage; seen: FrameImage[] } | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await images();
    if (seen === undefined) return undefined;
    const found = pick(seen);
    if (found || Date.now() > deadline) return { found, seen };
    await sleep(500);
  }
}

describe('Extension details page', () => {
  it("shows the README with its screenshot", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    // The README as packaged (vsce stores it as readme.md): its first image is the screenshot.
    const readmeName = readdirSync(extension.extensionPath).find((name) => /^readme\.md$/i.test(name));
    assert.ok(readmeName, `the installed extension has a README (${extension.extensionPath})`);
    const readme = readFileSync(join(extension.extensionPath, readmeName), 'utf8');
    const alt = /!\[([^\]]+)\]\(/.exec(readme)?.[1];
    assert.ok(alt, 'the packaged README has an image');

    // `extension.open` asks the gallery first (and fails here: no network); `_extensions.manage`
    // opens the installed extension's page directly, as its gear menu does.
    await vscode.commands.executeCommand('_extensions.manage', EXTENSION_ID);
    try {
      // The page is a webview: the harness reads its images (playwright sees every frame).
      const onPage = await waitForImage((all) => all.find((img) => img.alt === alt), 60_000);
      if (!onPage) return; // test-electron without a page: images() has noted why
      assert.ok(onPage.found, `the README's image is on the details page; images seen: ${JSON.stringify(onPage.seen)}`);
      const drawn = await waitForImage((all) => all.find((img) => img.alt === alt && img.loaded), 10_000);
      await sleep(1000);
      await screenshot('17-extension-details-readme');
      const image = drawn?.found ?? onPage.found;
      assert.ok(image.loaded, `the README's screenshot renders on the details page (src ${image.src}…, natural width ${image.naturalWidth})`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
