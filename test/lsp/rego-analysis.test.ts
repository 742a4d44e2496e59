// Unit tests of the Rego document analysis behind the server's .rego diagnostics (in-memory host).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileHost } from '../../server/src/iac/model';
import { findLintConfig, isLintConfigPath, RegoAnalyzer } from '../../server/src/lsp/rego-analysis';

/** A host over a map of absolute paths; directories are derived from the paths. */
function memoryHost(files: Record<string, string>): FileHost & { listed: string[] } {
  const listed: string[] = [];
  return {
    listed,
    readFile: (path) => files[path],
    listDir(dir) {
      listed.push(dir);
      const names = new Set<string>();
      for (const path of Object.keys(files)) if (path.startsWith(dir + '/')) names.add(path.slice(dir.length + 1).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

test('lint ranges are UTF-16 positions even after characters outside the BMP', () => {
  const text = 'package p\n\nallow if { input.x == "😀"; someVar := 1; someVar == 1 }\n';
  const host = memoryHost({ '/ws/p/a.rego': text });
  const diagnostics = new RegoAnalyzer(host).analyze({ path: '/ws/p/a.rego', text, root: '/ws', openRegoPaths: [] });
  const snake = diagnostics.find((d) => d.code === 'prefer-snake-case');
  // OPA counts the emoji as one column; LSP counts two UTF-16 units.
  assert.deepEqual(snake?.range, { start: { line: 2, character: 28 }, end: { line: 2, character: 35 } });
  assert.match(String(snake?.codeDescription?.href), /prefer-snake-case/);
});

test('compile errors of other files are not reported on the document; neighbours resolve its references', () => {
  const files = {
    '/ws/a.rego': 'package p\n\nallow if data.p.helper(1)\n',
    '/ws/lib/b.rego': 'package p\n\nhelper(x) := x\n\nbad := y\n',
  };
  const analyzer = new RegoAnalyzer(memoryHost(files));
  const own = analyzer.analyze({ path: '/ws/a.rego', text: files['/ws/a.rego'], root: '/ws', openRegoPaths: [] });
  assert.deepEqual(own.filter((d) => String(d.code).startsWith('rego_')), []);
  const other = analyzer.analyze({ path: '/ws/lib/b.rego', text: files['/ws/lib/b.rego'], root: '/ws', openRegoPaths: [] });
  assert.deepEqual(
    other.filter((d) => String(d.code).startsWith('rego_')).map((d) => [d.code, d.message]),
    [['rego_unsafe_var_error', 'var y is unsafe']],
  );
});

test('the tree walk skips hidden and node_modules folders', () => {
  const files = {
    '/ws/a.rego': 'package p\n\nallow := data.p.helper(1)\n',
    '/ws/node_modules/x/b.rego': 'package p\n\nhelper(x) := x\n',
    '/ws/.hidden/c.rego': 'package p\n\nhelper(x) := x\n',
  };
  const host = memoryHost(files);
  const diagnostics = new RegoAnalyzer(host).analyze({ path: '/ws/a.rego', text: files['/ws/a.rego'], root: '/ws', openRegoPaths: [] });
  assert.deepEqual(
    diagnostics.filter((d) => String(d.code).startsWith('rego_')).map((d) => d.message),
    ['undefined function data.p.helper'],
  );
  assert.equal(host.listed.some((d) => d.includes('node_modules') || d.includes('.hidden')), false);
});

test('the lint config is found upward and the search stops at the workspace folder', () => {
  const host = memoryHost({
    '/outside/.regal.yaml': 'rules: {}\n',
    '/outside/ws/.regal/config.yaml': 'rules: {}\n# ws\n',
  });
  assert.deepEqual(findLintConfig(host, '/outside/ws/a/b', '/outside/ws'), { text: 'rules: {}\n# ws\n', projectRoot: '/outside/ws' });
  const stopped = memoryHost({ '/outside/.regal.yaml': 'rules: {}\n' });
  assert.equal(findLintConfig(stopped, '/outside/ws/a', '/outside/ws'), undefined);
  assert.deepEqual(findLintConfig(stopped, '/outside/ws/a', '/'), { text: 'rules: {}\n', projectRoot: '/outside' });
  assert.equal(isLintConfigPath('/x/.regal/config.yaml'), true);
  assert.equal(isLintConfigPath('/x/.regal.yaml'), true);
  assert.equal(isLintConfigPath('/x/config.yaml'), false);
});

test('an unsafe variable is underlined itself, not the whole expression OPA locates it at', () => {
  const text = 'package p\n\nimport rego.v1\n\ndeny contains msg if {\n\tsome r in input.resources\n\tnot r.config.tags[tagg]\n\tmsg := "x"\n}\n';
  const diagnostics = new RegoAnalyzer(memoryHost({ '/ws/p.rego': text })).analyze({ path: '/ws/p.rego', text, root: '/ws', openRegoPaths: [] });
  const unsafe = diagnostics.find((d) => d.code === 'rego_unsafe_var_error');
  assert.ok(unsafe, JSON.stringify(diagnostics));
  assert.deepEqual(unsafe.range, { start: { line: 6, character: 19 }, end: { line: 6, character: 23 } });
});

test('a variable named more than once in the expression keeps OPA\'s expression range', () => {
  const text = 'package p\n\nimport rego.v1\n\nallow if {\n\tz == z\n}\n';
  const diagnostics = new RegoAnalyzer(memoryHost({ '/ws/p.rego': text })).analyze({ path: '/ws/p.rego', text, root: '/ws', openRegoPaths: [] });
  const unsafe = diagnostics.find((d) => d.code === 'rego_unsafe_var_error');
  assert.ok(unsafe, JSON.stringify(diagnostics));
  assert.deepEqual(unsafe.range, { start: { line: 5, character: 1 }, end: { line: 5, character: 7 } });
});
