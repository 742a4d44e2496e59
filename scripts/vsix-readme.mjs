// Writes dist/README.md, the README the .vsix ships (`vsce package --readme-path dist/README.md`,
// stored in the package as readme.md): README.md with its relative images inlined as data: URIs.
// Run by scripts/build.mjs, and on its own by the e2e suite's packaging step.
//
// Why: VS Code shows an installed extension's README in a webview whose Content-Security-Policy
// allows `https:` and `data:` images only, so a relative link (media/screenshot-finding.png) shows
// its alt text. vsce would rewrite it to an https URL on the repository's host, but package.json
// has no repository field yet. Once it has one, drop this step: vsce's rewrite then refuses data:
// images (docs/testing.md, "The README's screenshot").
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Raster formats only: vsce and the Marketplace refuse SVG data URLs. */
const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/** Writes `<root>/dist/README.md`; throws, naming each link, when an image cannot be inlined. */
export function writeVsixReadme(root) {
  const problems = [];
  let inlined = 0;
  let bytes = 0;
  const text = readFileSync(join(root, 'README.md'), 'utf8').replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt, link) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#')) return whole; // https:, data:, anchors
    const file = resolve(root, link);
    const mime = MIME[extname(file).toLowerCase()];
    if (!mime) {
      problems.push(`${link}: only ${Object.keys(MIME).join(', ')} images can be inlined`);
      return whole;
    }
    if (!file.startsWith(root + '/') || !existsSync(file)) {
      problems.push(`${link}: no such file in the repository`);
      return whole;
    }
    const data = readFileSync(file);
    inlined++;
    bytes += data.length;
    return `![${alt}](data:${mime};base64,${data.toString('base64')})`;
  });
  if (problems.length > 0) throw new Error(`cannot inline the README's images:\n  ${problems.join('\n  ')}`);
  const target = join(root, 'dist', 'README.md');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  return { target, inlined, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const { target, inlined, bytes } = writeVsixReadme(root);
    console.log(`vsix-readme: ${relative(root, target)} with ${inlined} image${inlined === 1 ? '' : 's'} inlined (${Math.round(bytes / 1024)} KB)`);
  } catch (err) {
    console.error(`vsix-readme: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
