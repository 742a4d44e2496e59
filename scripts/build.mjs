// Bundles the client and the server (which also serves the CLI) with esbuild.
// The .vsix ships dist/ only, so nothing in node_modules needs to be packaged.
// Then writes dist/builtin-pack.json: the built-in pack's policy files, parsed (see
// server/src/policy/pack-artefact.ts). Each module is recorded with the digest of its text, so
// loading reuses it only for an unchanged file; rebuilding refreshes it.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iamDataPlugin } from './iam-data-plugin.mjs';
import { writeVsixReadme } from './vsix-readme.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/server.js', plugins: [iamDataPlugin] }),
  // The Rego tools (`palisade rego …`, `palisade test`) alone, which bin/palisade.js runs for those
  // commands: no IaC, policy, fix, IAM data or LSP code to load (server/src/cli/rego-main.ts).
  build({ ...common, entryPoints: ['server/src/cli/rego-main.ts'], outfile: 'dist/rego-cli.js' }),
  writeBuiltinPackArtefact(),
]);
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
        "export { buildPackArtefact, BUILTIN_PACK_ARTEFACT } from './server/src/policy/pack-artefact';",
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
  const { buildPackArtefact, isPolicyFile, builtinPackDir, readPackFiles, BUILTIN_PACK_ARTEFACT } = module.exports;
  const packDir = builtinPackDir(root);
  if (!packDir) throw new Error('build: the built-in pack (policies/) was not found');
  const artefact = buildPackArtefact(readPackFiles(packDir).filter((f) => isPolicyFile(f.path)));
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', BUILTIN_PACK_ARTEFACT), JSON.stringify(artefact));
}
