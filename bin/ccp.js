#!/usr/bin/env node
// The published entry: plain JavaScript, built ahead of time into dist/.
import { run } from '../dist/cli.js';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Only a bug in ccp reaches here: user mistakes are turned into exit codes inside run().
    process.stderr.write(`ccp: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
