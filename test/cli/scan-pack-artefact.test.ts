// The scan's reader of dist/builtin-pack.json: the header line at once, each module body from the
// file when first read; a file that is cut short or not the build's is refused, and one that
// changes under a running scan fails loudly rather than mixing two builds; the build replaces the
// file (rename) rather than rewriting it, so a running scan keeps reading the one it opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinPackArtefact } from '../../server/src/cli/scan-engine';
import { REPO_ROOT } from '../helpers/corpora';
import { BUILTIN_PACK_ARTEFACT, loadPack, readPackArtefact, writePackArtefact } from '../../server/src/policy';

/** `count` small rule files; each has METADATA, so the header grows with the count. */
function files(count: number): { path: string; text: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `r${String(i).padStart(4, '0')}.rego`,
    text: `# METADATA\n# title: rule ${i} \u00e9\n# custom:\n#   id: T-${i}\n#   severity: low\npackage p.r${i}\n\nimport rego.v1\n\ndeny contains "r${i} \u2713" if input.x == ${i}\n`,
  }));
}

/** A package root with policies/ beside dist/<artefact> holding `text`; returns the policies dir. */
function packRoot(text: string): { packDir: string; artefactPath: string; done: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'palisade-artefact-'));
  mkdirSync(join(root, 'policies'));
  mkdirSync(join(root, 'dist'));
  const artefactPath = join(root, 'dist', BUILTIN_PACK_ARTEFACT);
  writeFileSync(artefactPath, text);
  return { packDir: join(root, 'policies'), artefactPath, done: () => rmSync(root, { recursive: true, force: true }) };
}

test('read from the file, the artefact gives the modules read from its whole text', () => {
  // ~1,000 files: the header line is longer than the reader's first chunk.
  const pack = files(1000);
  const text = writePackArtefact(pack);
  assert.ok(text.indexOf('\n') > 1 << 19, `header length ${text.indexOf('\n')}`);
  const { packDir, done } = packRoot(text);
  try {
    const fromFile = builtinPackArtefact(packDir);
    assert.ok(fromFile);
    const whole = readPackArtefact(text);
    assert.ok(whole);
    const a = loadPack(pack, { parsed: fromFile, check: false });
    assert.equal(fromFile.reused, 1000);
    assert.deepEqual(a.policy?.modules.map((m) => m.module), whole.files.map((f) => f.module));
    assert.equal(a.rules[3].title, 'rule 3 \u00e9');
  } finally {
    done();
  }
});

test('a cut-short or non-ASCII artefact file is refused; one rewritten during the scan fails on the next body read', () => {
  const text = writePackArtefact(files(3));
  for (const bad of [text.slice(0, -1), text.slice(0, text.indexOf('\n')), text.replace('"p"', '"\u00e9"')]) {
    const { packDir, done } = packRoot(bad);
    try {
      assert.equal(builtinPackArtefact(packDir), undefined);
    } finally {
      done();
    }
  }
  const { packDir, artefactPath, done } = packRoot(text);
  try {
    const artefact = builtinPackArtefact(packDir);
    assert.ok(artefact);
    const pack = loadPack(files(3), { parsed: artefact, check: false });
    const [first, second] = pack.policy!.modules;
    assert.equal(first.module.rules.length, 1, 'a body read while the file is unchanged');
    writeFileSync(artefactPath, text + ' ');
    assert.throws(() => second.module.rules, /changed during the scan/);
  } finally {
    done();
  }
});

test('an artefact the build replaces (a new file renamed over it, as scripts/build.mjs writes it) is still read whole by a thread that opened the old one', () => {
  const text = writePackArtefact(files(3));
  const { packDir, artefactPath, done } = packRoot(text);
  try {
    const artefact = builtinPackArtefact(packDir);
    assert.ok(artefact);
    const pack = loadPack(files(3), { parsed: artefact, check: false });
    const [first, second, third] = pack.policy!.modules;
    assert.equal(first.module.rules.length, 1);
    const replacement = `${artefactPath}.new`;
    writeFileSync(replacement, writePackArtefact(files(4)));
    renameSync(replacement, artefactPath);
    assert.equal(second.module.rules.length, 1, 'read from the file this thread opened');
    assert.equal(third.module.package.path.length, 3);
  } finally {
    done();
  }
});

test('the build replaces dist files by renaming a new file over them, never writing in place', () => {
  const build = readFileSync(join(REPO_ROOT, 'scripts', 'build.mjs'), 'utf8');
  assert.doesNotMatch(build, /writeFileSync\(join\(root, 'dist'/, 'the artefact is written through writeReplacing');
  assert.match(build, /writeReplacing\(join\(root, 'dist', BUILTIN_PACK_ARTEFACT\)/);
  // esbuild writing a bundle itself truncates it first: a process starting then loads an empty module.
  const bundleCalls = build.match(/build\(\{ \.\.\.(common|server), [^\n]*\}\)/g) ?? [];
  assert.equal(bundleCalls.length, 4, 'the four bundles');
  for (const call of bundleCalls) assert.match(call, /write: false/, call);
  assert.match(build, /writeReplacing\(output\.path,/);
});
