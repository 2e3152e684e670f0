#!/usr/bin/env node
// The published entry: plain JavaScript, built ahead of time into dist/cli/. The bundles are
// loaded with the code cache the build made (src/cli/cached-require.ts), so that a start
// compiles next to nothing.
'use strict';
const { join } = require('node:path');
const { cachedRequire } = require('../dist/cli/boot.cjs');

const { run } = cachedRequire(join(__dirname, '..', 'dist', 'cli', 'main.cjs'));
run(process.argv.slice(2)).then(
  (code) => {
    // With nothing left for the event loop (every write done), exit now: node's own teardown
    // of the heap a run leaves costs more than reading this file did. Anything still pending,
    // such as output queued for a slow reader of a non-blocking pipe, is let finish first.
    if (process.getActiveResourcesInfo().length === 0) process.exit(code);
    process.exitCode = code;
  },
  (error) => {
    // Only a bug in ccp reaches here: user mistakes are turned into exit codes inside run().
    process.stderr.write(`ccp: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
