// Makes V8's code cache for a bundle (see bin/code-cache.js): runs the bundle's `main` with the
// arguments given (a training scan) in this fresh process, under the V8 flags the scan runs with,
// then asks V8 for the bytecode of every function compiled so far — the top level and all the
// functions the run called — and writes it, with the bundle's digest, to `out`.
// Run by scripts/build.mjs: `node scripts/train-code-cache.mjs <bundle> <out> <argv of main…>`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

const require = createRequire(import.meta.url);
const { SCAN_V8_FLAGS, compileBundle, runBundle, encodeCodeCache } = require('../bin/code-cache.js');

const [bundleArg, out, ...argv] = process.argv.slice(2);
const bundle = resolve(bundleArg);
for (const flag of SCAN_V8_FLAGS) setFlagsFromString(flag);
const source = readFileSync(bundle);
const script = compileBundle(bundle, source);
await runBundle(script, bundle).main(argv);
writeFileSync(out, encodeCodeCache(source, script.createCachedData()));
// The scan's own exit status (1: findings) is not the training's.
process.exit(0);
