// The .vsix must ship only the manifest, docs, licence, bundles, grammars, CLI launcher and rule
// packs. Asks vsce itself (offline) which files it would package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

// media/: the icon and the walkthrough pages; examples/: the module the walkthrough opens;
// dist/builtin-pack.json: the built-in pack parsed at build time (policy/pack-artefact.ts).
// dist/README.md: README.md with its images inlined (scripts/vsix-readme.mjs), shipped as readme.md.
const SHIPPED = [/^package\.json$/, /^dist\/README\.md$/, /^LICENSE$/, /^dist\/[^/]+\.js$/, /^dist\/builtin-pack\.json$/, /^syntaxes\//, /^bin\//, /^policies\//, /^media\/icon\.png$/, /^media\/walkthrough\/[^/]+\.md$/, /^examples\//];

test('vsce packages only dist/*.js and the pack artefact, syntaxes/, bin/, policies/, the walkthrough media, the example and the top-level docs', () => {
  const vsce = resolve(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  assert.ok(existsSync(vsce), 'the @vscode/vsce dev dependency is installed');
  assert.ok(existsSync(resolve(REPO_ROOT, 'dist', 'server.js')), 'dist/ is built (npm test builds it)');
  // The README as `npm run package` ships it (docs/testing.md, "The README's screenshot").
  const run = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', 'dist/README.md'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  const files = run.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const file of files) assert.ok(SHIPPED.some((re) => re.test(file)), `unexpected file in the package: ${file}`);
  assert.ok(!files.includes('README.md'), 'README.md stays out: dist/README.md is the README shipped');
  for (const required of ['package.json', 'LICENSE', 'dist/README.md', 'dist/server.js', 'dist/client.js', 'dist/builtin-pack.json', 'bin/palisade.js',
    'syntaxes/terraform.tmLanguage.json', 'syntaxes/rego.tmLanguage.json', 'media/icon.png', 'examples/terraform-basic/main.tf',
    'media/walkthrough/open-example.md']) {
    assert.ok(files.includes(required), `${required} is packaged`);
  }
  for (const kept of ['server/', 'client/', 'test/', 'node_modules/', 'out/', 'bench/', 'scripts/']) {
    assert.ok(!files.some((f) => f.startsWith(kept)), `${kept} stays out`);
  }
  assert.ok(!files.some((f) => f.endsWith('.map')), 'source maps stay out');
  assert.ok(files.includes('policies/lib/result.rego'), 'the built-in pack ships');
  assert.ok(!files.some((f) => f.endsWith('_test.rego') || f.includes('/fixtures/')), "the pack's tests and fixtures stay out");
});
