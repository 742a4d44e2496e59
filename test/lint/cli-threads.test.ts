// `palisade rego lint` on two threads: the worker takes part, and the report is byte-identical to a
// one-thread run (per-file results travel between threads; cross-file rules run once at the end).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyseInThreads } from '../../server/src/cli/commands/rego-lint-workers';
import { Linter, providedConfig } from '../../server/src/lint';
import { tempTree } from '../cli/rego-capture';
import { REPO_ROOT } from '../helpers/corpora';

/** Enough files to pass the threading threshold, with per-file and cross-file findings. */
function files(count: number): Record<string, string> {
  const tree: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const imports = i % 3 === 0 ? `import data.pkg${(i + 1) % count}\nimport data.nowhere${i}\n` : '';
    const body = i % 2 === 0 ? 'allow if {\n\tinput.user == "alice"\n\t# TODO: more users\n}\n' : 'allow := true\nx = 1\n';
    tree[`pkg${i}/p.rego`] = `# METADATA\n# title: Package ${i}\n# description: |\n#   Line one\n#   line two\npackage pkg${i}\n\n${imports}\n${body}`;
  }
  return tree;
}

/** The CLI in its own process (compiled, unbundled: the worker re-enters this module tree). */
function lintWith(threads: string, dir: string): { code: number | null; stdout: string; stderr: string } {
  const main = join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');
  const r = spawnSync(process.execPath, [main, 'rego', 'lint', '--format', 'json', dir], { encoding: 'utf8', env: { ...process.env, PALISADE_LINT_THREADS: threads } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('two threads give the same JSON report as one', async () => {
  const dir = tempTree(files(160));
  const one = lintWith('1', dir);
  const two = lintWith('2', dir);
  assert.equal(two.code, one.code, two.stderr);
  assert.equal(two.stdout, one.stdout);
  const report = JSON.parse(one.stdout);
  assert.equal(report.summary.files_scanned, 160);
  const titles = new Set(report.violations.map((v: { title: string }) => v.title));
  // Per-file and cross-file rules both fired, so both paths are compared.
  assert.ok(titles.has('todo-comment'), [...titles].join(', '));
  assert.ok(titles.has('use-assignment-operator'), [...titles].join(', '));
});

test('the worker analyses part of the files, and its results equal this thread\'s', async (t) => {
  // A worker loads the compiled module tree; under `tsx` the sources are .ts, which it cannot require.
  if (__filename.endsWith('.ts')) return t.skip('needs the compiled tree: npx tsc -p tsconfig.json && node --test out/test/lint/cli-threads.test.js');
  const tree = files(160);
  const lintFiles = Object.entries(tree).map(([path, text]) => ({ path, text }));
  const before = process.env.PALISADE_LINT_THREADS;
  process.env.PALISADE_LINT_THREADS = '2';
  try {
    const linter = new Linter(providedConfig());
    const { results, byWorker } = await analyseInThreads(linter, lintFiles, { configText: undefined, configFile: undefined });
    assert.equal(results.size, lintFiles.length);
    assert.ok(byWorker > 0, 'the worker analysed no file');
    for (const f of lintFiles) assert.deepEqual(results.get(f.path), linter.analyseFile(f), f.path);
  } finally {
    if (before === undefined) delete process.env.PALISADE_LINT_THREADS;
    else process.env.PALISADE_LINT_THREADS = before;
  }
});

test('few files stay on one thread', async () => {
  const linter = new Linter(providedConfig());
  const lintFiles = Object.entries(files(5)).map(([path, text]) => ({ path, text }));
  const { results, byWorker } = await analyseInThreads(linter, lintFiles, { configText: undefined, configFile: undefined });
  assert.equal(results.size, 0);
  assert.equal(byWorker, 0);
});

