// The scan bundle's V8 code cache (bin/code-cache.js, made by scripts/build.mjs): the build's cache
// is accepted by the main thread and the worker threads, and it is an optimisation only — a scan
// with a valid, corrupt, truncated, stale (another bundle's) or V8-rejected cache, or none, gives the
// same report, exit status and stderr, on one thread and on two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { corpus, REPO_ROOT } from '../helpers/corpora';
import { BATCH_V8_FLAGS } from '../../server/src/cli/scan-workers';
import { TREE } from './scan-run';

const SCAN_BUNDLE = join(REPO_ROOT, 'dist', 'scan-cli.js');
const CACHE = `${SCAN_BUNDLE}.cache`;

interface CodeCacheModule {
  SCAN_V8_FLAGS: string[];
  loadBundle(file: string): unknown;
  encodeCodeCache(source: Buffer, data: Buffer): Buffer;
  decodeCodeCache(cache: Buffer, source: Buffer): Buffer | undefined;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codeCache = require(join(REPO_ROOT, 'bin', 'code-cache.js')) as CodeCacheModule;

function built(): void {
  assert.ok(existsSync(SCAN_BUNDLE) && existsSync(CACHE), 'dist/scan-cli.js or its .cache is missing: run `npm run build` (npm test does)');
}

interface Run {
  code: number | null;
  report: unknown;
  stderr: string;
  /** What each thread that found a cache marked (bin/code-cache.js), e.g. `main accepted`. */
  cacheMarks: string[];
}

/** `palisade scan TREE --format json --jobs <jobs>` from the package copy at `root`, with the timeline on. */
function scanFrom(root: string, jobs: string): Run {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'palisade.js'), 'scan', TREE, '--format', 'json', '--jobs', jobs], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PALISADE_SCAN_TIMELINE: '1' },
  });
  const report = JSON.parse(r.stdout) as { summary: { timing?: unknown } };
  delete report.summary.timing;
  const lines = r.stderr.split('\n');
  return { code: r.status, report, stderr: lines.filter((l) => !l.startsWith('palisade-timeline ') && !l.startsWith(CACHE_MARK)).join('\n'), cacheMarks: cacheMarks(r.stderr) };
}

const CACHE_MARK = 'palisade-code-cache ';

/** `<thread> <state>` of each `palisade-code-cache` line (PALISADE_SCAN_TIMELINE=1). */
function cacheMarks(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith(CACHE_MARK)).map((l) => l.slice(CACHE_MARK.length));
}

/** A copy of the package's scan files (bin/, the scan bundle and pack artefact, package.json, policies/) to vary the cache in. */
function packageCopy(): { root: string; done(): void } {
  const root = mkdtempSync(join(tmpdir(), 'palisade-code-cache-'));
  cpSync(join(REPO_ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  for (const file of ['scan-cli.js', 'builtin-pack.json']) copyFileSync(join(REPO_ROOT, 'dist', file), join(root, 'dist', file));
  copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO_ROOT, 'policies'), join(root, 'policies'), 'dir');
  return { root, done: () => rmSync(root, { recursive: true, force: true }) };
}

test('bin/code-cache.js sets the V8 flags the scan sets (a cache fits only the flags it was made under)', () => {
  assert.deepEqual(codeCache.SCAN_V8_FLAGS, BATCH_V8_FLAGS);
});

test("the build's code cache is accepted by the main thread and by the worker threads", (t) => {
  built();
  // A corpus big enough that the worker loads the bundle before this thread has scanned everything
  // (a worker no longer needed is ended, maybe before it loads; see scan-jobs.test.ts).
  const realTerraform = corpus('real-terraform');
  if (!realTerraform) return t.skip('PALISADE_SKIP_CORPORA=1');
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'palisade.js'), 'scan', realTerraform, '--format', 'json', '--jobs', '2'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, PALISADE_SCAN_TIMELINE: '1' } });
  assert.equal(run.status, 1, run.stderr);
  const marks = cacheMarks(run.stderr);
  assert.equal(marks.filter((m) => m.startsWith('main ')).join(), 'main accepted', run.stderr);
  const workers = marks.filter((m) => m.startsWith('worker'));
  assert.equal(workers.length, 1, `the worker loaded the bundle through the loader: ${run.stderr}`);
  assert.match(workers[0], /^worker\d+ accepted$/);
});

test('a cache decodes only for the bundle bytes it was made from, and only whole', () => {
  built();
  const source = readFileSync(SCAN_BUNDLE);
  const cache = readFileSync(CACHE);
  const data = codeCache.decodeCodeCache(cache, source);
  assert.ok(data && data.length > 0 && data.length < cache.length);
  assert.ok(codeCache.encodeCodeCache(source, data).equals(cache), 'the format round-trips');
  const flipped = Buffer.from(cache);
  flipped[cache.length >> 1] ^= 0x55;
  assert.equal(codeCache.decodeCodeCache(flipped, source), undefined, 'a flipped byte in V8 data');
  assert.equal(codeCache.decodeCodeCache(cache.subarray(0, cache.length - 1), source), undefined, 'truncated by a byte');
  assert.equal(codeCache.decodeCodeCache(cache.subarray(0, 10), source), undefined, 'truncated inside the header');
  assert.equal(codeCache.decodeCodeCache(Buffer.alloc(0), source), undefined, 'empty');
  // Same length, one byte changed: V8 alone would accept this cache (it compares lengths only).
  const edited = Buffer.from(source);
  edited[source.indexOf('//')] = 0x20;
  assert.equal(edited.length, source.length);
  assert.equal(codeCache.decodeCodeCache(cache, edited), undefined, 'another bundle of the same length');
});

test('loadBundle gives the module what require gives it: exports, module, __filename, __dirname, require of built-ins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-code-cache-module-'));
  try {
    const file = join(dir, 'bundle.js');
    writeFileSync(file, "exports.same = module.exports === exports && this === exports; exports.file = __filename; exports.dir = __dirname; exports.sep = require('node:path').sep;\n");
    const probe = (setup: string) => {
      const script = `${setup}; const loader = require(${JSON.stringify(join(REPO_ROOT, 'bin', 'code-cache.js'))}); const a = loader.loadBundle(${JSON.stringify(file)}); process.stdout.write(JSON.stringify({ a, again: loader.loadBundle(${JSON.stringify(file)}) === a, viaRequire: require(${JSON.stringify(file)}) === a }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, PALISADE_SCAN_TIMELINE: '1' } });
      assert.equal(r.status, 0, r.stderr);
      return { result: JSON.parse(r.stdout) as unknown, stderr: r.stderr };
    };
    const expected = { a: { same: true, file, dir, sep }, again: true, viaRequire: true };
    const plain = probe('');
    assert.deepEqual(plain.result, expected);
    assert.equal(plain.stderr, '', 'no cache: no mark, a plain require');
    // A cache made in a child process for this file, then loaded in another.
    const make = `const l = require(${JSON.stringify(join(REPO_ROOT, 'bin', 'code-cache.js'))}); const fs = require('fs'); const src = fs.readFileSync(${JSON.stringify(file)}); const s = l.compileBundle(${JSON.stringify(file)}, src); l.runBundle(s, ${JSON.stringify(file)}); fs.writeFileSync(${JSON.stringify(`${file}.cache`)}, l.encodeCodeCache(src, s.createCachedData()));`;
    assert.equal(spawnSync(process.execPath, ['-e', make]).status, 0);
    const cached = probe('');
    assert.deepEqual(cached.result, expected);
    assert.equal(cached.stderr, 'palisade-code-cache main accepted\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scan: the same report, exit status and stderr with a valid, corrupt, truncated, stale or V8-rejected cache, or none, --jobs 1 and 2', () => {
  built();
  const copy = packageCopy();
  try {
    const cacheFile = join(copy.root, 'dist', 'scan-cli.js.cache');
    const valid = readFileSync(CACHE);
    const source = readFileSync(SCAN_BUNDLE);
    const data = codeCache.decodeCodeCache(valid, source);
    assert.ok(data, 'the build wrote a cache for this bundle');
    const corrupt = Buffer.from(valid);
    for (let i = valid.length >> 1; i < (valid.length >> 1) + 64; i++) corrupt[i] ^= 0x55;
    // A whole cache V8 itself refuses: its data under another V8 flag hash (a flipped byte there is
    // not covered by V8's checks, so the digest stays right and V8 decides).
    const otherFlags = Buffer.from(data);
    const flagHashOffset = 12; // V8's SerializedCodeData header: magic, version hash, source hash, flag hash
    otherFlags[flagHashOffset] ^= 0xff;
    const variants: [string, Buffer | undefined, string][] = [
      ['none', undefined, ''],
      ['valid', valid, 'accepted'],
      ['corrupt', corrupt, 'stale'],
      ['truncated', valid.subarray(0, valid.length >> 1), 'stale'],
      ['another bundle', codeCache.encodeCodeCache(Buffer.from('another bundle'), data), 'stale'],
      ['rejected by V8', codeCache.encodeCodeCache(source, otherFlags), 'rejected'],
    ];
    for (const jobs of ['1', '2']) {
      let reference: Omit<Run, 'cacheMarks'> | undefined;
      for (const [name, cache, mark] of variants) {
        rmSync(cacheFile, { force: true });
        if (cache) writeFileSync(cacheFile, cache);
        const { cacheMarks, ...run } = scanFrom(copy.root, jobs);
        assert.equal(run.code, 1, `${name}: ${run.stderr}`);
        // The main thread always loads the bundle; a worker may be ended before it does (small tree).
        assert.equal(cacheMarks.some((m) => m.startsWith('main ')), mark !== '', `${name}: the main thread marks a cache it found`);
        for (const m of cacheMarks) assert.equal(m.split(' ')[1], mark, `${name}, --jobs ${jobs}: ${cacheMarks.join(', ')}`);
        reference ??= run;
        assert.deepEqual(run, reference, `${name}, --jobs ${jobs}`);
        if (cache) assert.ok(readFileSync(cacheFile).equals(cache), `${name}: the cache file is left as it was`);
        else assert.ok(!existsSync(cacheFile), 'no cache is written at run time');
      }
    }
  } finally {
    copy.done();
  }
});

test('without bin/code-cache.js (only bin/palisade.js copied) the scan and the workers bin starts load the bundle plainly', () => {
  built();
  const copy = packageCopy();
  try {
    const reference = scanFrom(copy.root, '1');
    rmSync(join(copy.root, 'bin', 'code-cache.js'));
    for (const jobs of ['1', '2']) {
      const { cacheMarks, ...run } = scanFrom(copy.root, jobs);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(cacheMarks, [], 'no thread went through the code cache');
      assert.deepEqual(run, { code: reference.code, report: reference.report, stderr: reference.stderr }, `--jobs ${jobs}`);
    }
  } finally {
    copy.done();
  }
});
