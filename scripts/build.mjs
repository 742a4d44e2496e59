// Bundles the client and the server (which also serves the CLI) with esbuild.
// The .vsix ships dist/ only, so nothing in node_modules needs to be packaged.
import { build } from 'esbuild';
import { iamDataPlugin } from './iam-data-plugin.mjs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/server.js', plugins: [iamDataPlugin] }),
]);
