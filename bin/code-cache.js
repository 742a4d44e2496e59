// Loads a dist/ bundle the way `require` does, with V8's code cache when the build left one beside
// it (`<bundle>.cache`, written by scripts/train-code-cache.mjs). The cache holds the bytecode of
// every function a training scan compiled, so a thread that loads it skips compiling the bundle's
// top level and, later, each function on its first call. bin/palisade.js loads the bundle with it,
// and so do the scan worker threads (workerSource() in server/src/cli/scan-workers.ts).
//
// The cache is an optimisation only: a missing, unreadable, truncated, corrupt or stale cache (built
// for another bundle), or one V8 rejects (another Node/V8 version, other V8 flags), leaves a plain
// compile of the same source, silently. Nothing here writes: a rejected cache stays as it is until
// the next build (the package may be read-only).
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');
const { isMainThread, threadId } = require('node:worker_threads');

/**
 * The V8 flags `palisade scan` runs with (BATCH_V8_FLAGS in server/src/cli/scan-workers.ts; a test
 * keeps the two equal). V8 accepts a code cache only under the flags it was made with, and flags are
 * process-wide: the scan's worker threads compile the bundle after the scan has set them. So
 * bin/palisade.js sets them before the main thread compiles the scan bundle too, and the training
 * scan runs under them: one cache then serves every thread.
 */
const SCAN_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=500000'];

/**
 * The file layout: MAGIC, then CRC-32s (big-endian) of the bundle's bytes and of V8's data, then
 * V8's data. CRC-32 as Node's own compile cache (22+) checks its sources: it catches corruption and
 * another bundle alike, and over the 6 MB each thread reads costs a third of a SHA-1 (module load included).
 */
const MAGIC = Buffer.from('PALISADE-V8-CODE-CACHE-2\n', 'latin1');
const HEADER_BYTES = MAGIC.length + 8;

/**
 * Node's CommonJS parameters, written out here rather than taken from `Module.wrap` (which tools
 * may patch): the cache belongs to this exact source text.
 */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

/** zlib.crc32 is in Node 20.15+; without it no cache fits (a plain load). */
function crc32(bytes) {
  if (typeof zlib.crc32 !== 'function') throw new Error('no zlib.crc32 in this Node');
  return zlib.crc32(bytes) >>> 0;
}

/** The cache file's bytes for V8's `data`, made from the bundle whose bytes are `source`. */
function encodeCodeCache(source, data) {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32BE(crc32(source), MAGIC.length);
  header.writeUInt32BE(crc32(data), MAGIC.length + 4);
  return Buffer.concat([header, data]);
}

/**
 * V8's data from a cache file, or undefined unless it was made for exactly these bundle bytes and
 * arrived whole. V8 itself compares only the source's length and does not checksum its data: a
 * cache for another bundle of the same length, or one with a flipped byte, can crash the process.
 */
function decodeCodeCache(cache, source) {
  if (cache.length <= HEADER_BYTES || !cache.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = cache.subarray(HEADER_BYTES);
  const fits = cache.readUInt32BE(MAGIC.length) === crc32(source) && cache.readUInt32BE(MAGIC.length + 4) === crc32(data);
  return fits ? data : undefined;
}

/** Compiles the bundle at `filename` (with `cachedData` if given) as the body of a CommonJS module. */
function compileBundle(filename, source, cachedData) {
  return new vm.Script(WRAPPER[0] + source.toString('utf8') + WRAPPER[1], { filename, cachedData });
}

/** Runs a compiled bundle as the module `filename`: module.exports, __filename, __dirname, require as `require` gives them. */
function runBundle(script, filename) {
  const module = new Module(filename, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(path.dirname(filename));
  // Registered first, as `require` does, so a later require of the bundle in this thread finds it.
  Module._cache[filename] = module;
  try {
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  } catch (err) {
    delete Module._cache[filename];
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

/**
 * With PALISADE_SCAN_TIMELINE=1 (the scan's start-up timeline, server/src/cli/scan-timeline.ts), one
 * stderr line per thread that found a cache: `palisade-code-cache <thread> accepted|rejected|stale`
 * (stale: not made for these bundle bytes, or not whole). Its own prefix, so the timeline's steps stay as they are.
 */
function markCodeCache(state) {
  if (process.env.PALISADE_SCAN_TIMELINE !== '1') return;
  process.stderr.write(`palisade-code-cache ${isMainThread ? 'main' : `worker${threadId}`} ${state}\n`);
}

/**
 * The compiled bundle with its cache, or undefined for a plain `require` (no usable cache).
 * Never throws for the cache's sake; reading or compiling the bundle itself may throw, as in
 * `require`.
 */
function compileWithCache(filename) {
  let cache;
  try {
    cache = fs.readFileSync(`${filename}.cache`);
  } catch {
    return undefined;
  }
  const source = fs.readFileSync(filename);
  const data = decodeCodeCache(cache, source);
  if (!data) {
    markCodeCache('stale');
    return undefined;
  }
  const script = compileBundle(filename, source, data);
  markCodeCache(script.cachedDataRejected ? 'rejected' : 'accepted');
  return script;
}

/** `require(file)` for a bundle, through its code cache when one fits (see the top of this file). */
function loadBundle(file) {
  const filename = require.resolve(file);
  const loaded = Module._cache[filename];
  if (loaded) return loaded.exports;
  let script;
  try {
    script = compileWithCache(filename);
  } catch {
    script = undefined; // the plain require below reports any error of the bundle itself
  }
  return script ? runBundle(script, filename) : require(filename);
}

module.exports = { SCAN_V8_FLAGS, loadBundle, encodeCodeCache, decodeCodeCache, compileBundle, runBundle };
