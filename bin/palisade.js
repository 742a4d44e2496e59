#!/usr/bin/env node
// CLI entry. Runs the bundled server/CLI from dist/ (built by `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('palisade: dist/server.js is missing; run `npm run build` first\n');
  process.exit(2);
}
const { main } = require(bundle);
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`palisade: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
