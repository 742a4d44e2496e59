// Bundles the client and the server (which also serves the CLI) with esbuild.
// The .vsix ships dist/ only, so nothing in node_modules needs to be packaged.
// Then writes dist/builtin-pack.json: the built-in pack's policy files, parsed (see
// server/src/policy/pack-artefact.ts). Each module is recorded with the digest of its text, so
// loading reuses it only for an unchanged file; rebuilding refreshes it. The text depends only on
// policies/ and the parser, so a rebuild from the same sources writes the same bytes.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamDataPlugin } from './iam-data-plugin.mjs';
import { writeVsixReadme } from './vsix-readme.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The server-side bundles are ASCII-only (see escapeNonAscii): Node reads such a file faster and V8
// compiles it as a one-byte string. esbuild's `charset: 'ascii'` escapes strings and identifiers.
const server = { ...common, charset: 'ascii' };

// Bundled in memory and written by rename (writeReplacing): a process that starts while the build
// runs (the e2e suite's `vsce package` builds beside other tests) must never read a bundle that
// esbuild has truncated and not yet rewritten — it would load as an empty module.
mkdirSync(join(root, 'dist'), { recursive: true });
const bundles = await Promise.all([
  build({ ...common, write: false, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...server, write: false, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/server.js', plugins: [iamDataPlugin] }),
  // The Rego tools (`palisade rego …`, `palisade test`) alone, which bin/palisade.js runs for those
  // commands: no IaC, policy, fix, IAM data or LSP code to load (server/src/cli/rego-main.ts).
  build({ ...server, write: false, entryPoints: ['server/src/cli/rego-main.ts'], outfile: 'dist/rego-cli.js' }),
  // `palisade scan` and its worker threads alone: no language server, Rego lint/format tools or
  // other commands to load in each thread (server/src/cli/scan-main.ts).
  build({ ...server, write: false, entryPoints: ['server/src/cli/scan-main.ts'], outfile: 'dist/scan-cli.js', plugins: [iamDataPlugin] }),
  writeBuiltinPackArtefact(),
]);
const ASCII_ONLY = new Set(['server.js', 'rego-cli.js', 'scan-cli.js'].map((name) => join(root, 'dist', name)));
for (const result of bundles) {
  for (const output of result?.outputFiles ?? []) writeReplacing(output.path, ASCII_ONLY.has(output.path) ? escapeNonAscii(output.text) : output.text);
}
// dist/scan-cli.js.cache: V8's code cache for the scan bundle, used by bin/palisade.js and the scan's
// worker threads when they load it (bin/code-cache.js). Made from the final bundle bytes, so after they are written.
writeCodeCache(join(root, 'dist', 'scan-cli.js'), ['scan', join(root, 'examples'), '--format', 'json', '--jobs', '1']);
// dist/README.md: the README the .vsix ships, its images inlined (see scripts/vsix-readme.mjs).
writeVsixReadme(root);

/** The artefact is produced by the same parser the bundle carries, bundled in memory and run here. */
async function writeBuiltinPackArtefact() {
  const generator = await build({
    ...common,
    sourcemap: false,
    write: false,
    stdin: {
      contents: [
        "export { writePackArtefact, BUILTIN_PACK_ARTEFACT } from './server/src/policy/pack-artefact';",
        "export { isPolicyFile } from './server/src/policy/pack';",
        "export { builtinPackDir, readPackFiles } from './server/src/workspace/policy-files';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    plugins: [iamDataPlugin],
  });
  const module = { exports: {} };
  const code = generator.outputFiles[0].text;
  new Function('module', 'exports', 'require', '__filename', '__dirname', code)(module, module.exports, createRequire(join(root, 'scripts', 'build.mjs')), join(root, 'scripts', 'pack-artefact.js'), join(root, 'scripts'));
  const { writePackArtefact, isPolicyFile, builtinPackDir, readPackFiles, BUILTIN_PACK_ARTEFACT } = module.exports;
  const packDir = builtinPackDir(root);
  if (!packDir) throw new Error('build: the built-in pack (policies/) was not found');
  // ASCII-only already (each thread reads and parses it faster, see escapeNonAscii; its offsets count ASCII characters).
  const artefact = writePackArtefact(readPackFiles(packDir).filter((f) => isPolicyFile(f.path)));
  writeReplacing(join(root, 'dist', BUILTIN_PACK_ARTEFACT), artefact);
}

/**
 * Writes `file` as a new file renamed over the old one, never in place: a scan thread keeps the
 * artefact open and reads module bodies from it as it goes (cli/scan-engine.ts), and a process
 * starting meanwhile must not read half a bundle. Readers of the old file keep its content; a
 * rebuild beside a running scan (`vsce package` runs the build) changes nothing for it.
 */
function writeReplacing(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * `<bundle>.cache` from a training run of `main(argv)` in a child process (scripts/train-code-cache.mjs):
 * a fresh process, so the cache holds what a real run compiles, and without NODE_OPTIONS, whose V8
 * flags would make V8 reject the cache in a plain `node`. The cache is optional: if the training
 * fails the build says so and goes on without one (a stale cache is removed; it would be ignored).
 */
function writeCodeCache(bundle, argv) {
  const cache = `${bundle}.cache`;
  const temporary = `${cache}.${process.pid}.tmp`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const training = spawnSync(process.execPath, [join(root, 'scripts', 'train-code-cache.mjs'), bundle, temporary, ...argv], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (training.status === 0) return renameSync(temporary, cache);
  rmSync(temporary, { force: true });
  rmSync(cache, { force: true });
  console.warn(`build: no code cache for ${bundle} (the training run ended with ${training.error ?? `status ${training.status}`})`);
}

/**
 * What `charset: 'ascii'` leaves (comments esbuild keeps and regular expression literals), written
 * as `\uXXXX` per UTF-16 unit: in a comment it is only text, in a regular expression it matches
 * the same characters (with or without the `u` flag). A bundle with a non-ASCII byte is read by
 * Node through its slow UTF-8 path and compiled by V8 as a two-byte string: ~20 ms more per thread
 * for dist/server.js. The source map's columns shift only after such a character on its line.
 */
function escapeNonAscii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
