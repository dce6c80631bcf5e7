#!/usr/bin/env node
// Entry point for `npx stedsvalg`: runs the compiled CLI (built by `npm install`).
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`stedsvalg: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
