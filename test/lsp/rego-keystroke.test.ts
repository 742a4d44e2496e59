// The keystroke path keeps state across edits (incremental parse, the dependency closure, the
// per-rule Rego version detection, reused lint and check results): after every edit of a random
// sequence, a long-lived analyzer must publish exactly what a fresh one publishes for that text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileHost } from '../../server/src/iac/model';
import { detectRegoVersion } from '../../server/src/rego';
import { RegoAnalyzer } from '../../server/src/lsp/rego-analysis';
import { detectedRegoVersion, RegoWorkspace } from '../../server/src/lsp/rego-workspace';
import { REPO_ROOT } from '../helpers/corpora';
import { seededRandom, regoFilesUnder } from '../helpers/seeded';

const INSERTS = ['x', ' ', '"', '1', '\n', '_', 'not ', ' == 2', 'data.lib.f(1)', 'input.y', '{', '}', '# c', 'q := 1\n', '[_]', 'lib.helper(x)'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.65) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
}

const LIB = 'package lib\n\nhelper(x) := x + 1\n\nf(x) := y if {\n\ty := x * 2\n}\n';
const OTHER = 'package other\n\nimport data.lib\n\nv := lib.helper(1)\n';

/** A document with strings, code, wildcards, METADATA and calls into the library. */
const DOC = [
  '# METADATA',
  '# title: Doc',
  'package doc',
  '',
  'import data.lib',
  '',
  'message := "hello"',
  '',
  '# METADATA',
  '# title: Allow',
  'allow if {',
  '\tsome x in input.xs',
  '\tlib.helper(x) > 1',
  '\tinput.ys[_] == x',
  '}',
  '',
  'deny contains msg if {',
  '\tnot allow',
  '\tmsg := sprintf("%s: denied", [message])',
  '}',
  '',
  'g(a, b) := a + b',
  '',
  'h := [y | some y in input.zs; y > 2]',
  '',
].join('\n');

test('after every edit, a long-lived analyzer publishes what a fresh analyzer publishes', () => {
  const next = seededRandom(42);
  const files: Record<string, string> = { '/ws/lib/lib.rego': LIB, '/ws/other/other.rego': OTHER, '/ws/doc/doc.rego': DOC };
  const host: FileHost = {
    readFile: (path) => files[path],
    listDir: (dir) => {
      const names = new Set<string>();
      for (const path of Object.keys(files)) if (path.startsWith(dir + '/')) names.add(path.slice(dir.length + 1).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
  const doc = { path: '/ws/doc/doc.rego', root: '/ws', openRegoPaths: ['/ws/doc/doc.rego'] };
  const longLived = new RegoAnalyzer(host);
  let base = DOC;
  let clean = 0;
  for (let i = 0; i < 150; i++) {
    const text = edit(base, next);
    files['/ws/doc/doc.rego'] = text;
    const got = longLived.analyze({ ...doc, text });
    const want = new RegoAnalyzer(host).analyze({ ...doc, text });
    assert.deepEqual(got, want, `edit ${i}:\n${text}`);
    // Keep typing on texts that parse (as a person does), going back to the last one otherwise.
    if (!got.some((d) => d.code === 'rego_parse_error')) {
      base = text;
      clean++;
    }
  }
  assert.ok(clean > 50, `only ${clean} of 150 edited texts parsed`);
});

test('the per-rule Rego version detection equals detectRegoVersion on pack files, v0 modules and edits', () => {
  const next = seededRandom(3);
  const workspace = new RegoWorkspace({ readFile: () => undefined, listDir: () => undefined });
  const texts = regoFilesUnder(join(REPO_ROOT, 'policies')).map((p) => readFileSync(p, 'utf8'));
  texts.push('package p\n\nallow { input.x }\n', 'package p\n\nf(x) = y { y := x }\n', 'package p\n\nimport rego.v1\n\nallow if input.x\n', 'package p\n\np[x] { x := 1 }\n');
  let v0 = 0;
  for (const [i, original] of texts.entries()) {
    let text = original;
    for (let step = 0; step < 4; step++) {
      const file = workspace.parse(`/ws/f${i}.rego`, text);
      const want = detectRegoVersion(text);
      assert.equal(detectedRegoVersion(file), want, text);
      if (want === 'v0') v0++;
      text = edit(text, next);
    }
  }
  assert.ok(v0 >= 4, 'v0 modules must be among the inputs');
});

test('a chained rule body is judged with its head: `p if [_] { … }` reads as v0, as the whole text does', () => {
  const workspace = new RegoWorkspace({ readFile: () => undefined, listDir: () => undefined });
  const sameLine = 'package p\n\nt if[_] {\n\tinput.x\n}\n\nu if {\n\ttrue\n}\n';
  const nextLine = 'package p\n\nt if[_]\n{\n\tinput.x\n}\n';
  for (const [i, text] of [sameLine, nextLine].entries()) {
    const file = workspace.parse(`/ws/chained${i}.rego`, text);
    assert.deepEqual(file.errors, [], text);
    assert.equal(detectedRegoVersion(file), detectRegoVersion(text), text);
  }
  assert.equal(detectRegoVersion(sameLine), 'v0');
});
