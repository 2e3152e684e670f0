// Run by scripts/build.mjs after bundling (`node scripts/code-cache.cjs <folder of the bundles>`), in a node of its own: runs sample commands through
// the built bundles (in this process, output thrown away), then writes V8's code cache of every
// bundle they loaded beside it (dist/cli/<name>.cjs.cache). The samples use the shipped plan
// and data/examples/, so that the cache holds the functions a real run compiles.
'use strict';
const { existsSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Writable } = require('node:stream');
const v8 = require('node:v8');

// V8 drops the bytecode of a function that has not run for a few full GCs, and a cache holds
// only the functions that still have theirs: over forty samples, the code every run needs once
// (module set-up, option parsing, loading the plan) would be dropped before the caches are made,
// and compiled afresh by every real run. Flushing is off while the samples run and back on
// before the caches are made: V8 ties a cache to the flags it was made under, and a real run
// has the default.
v8.setFlagsFromString('--no-flush-bytecode');

const root = join(__dirname, '..');
// The folder of the bundles just built (not yet moved to dist/cli/): the caches do not depend on where it is.
const cli = process.argv[2] ?? join(root, 'dist', 'cli');
const { cachedRequire, codeCaches } = require(join(cli, 'boot.cjs'));

const AS_OF = ['--as-of', '2026-11-27'];
const SAMPLES = [
  ['--version'],
  ['--help'],
  ['schema', 'measurements'],
  ['targets', '--format', 'json'],
  ['targets', '--lang', 'vi'],
  ['targets', '--format', 'md', '--lang', 'en'],
  ['template', '--period', '2026'],
  ['template', '--period', '2026', '--format', 'csv', '--lang', 'vi'],
];
const examples = join(root, 'data', 'examples');
if (existsSync(examples)) {
  SAMPLES.push(
    ['validate', examples],
    ['validate', examples, '--format', 'json'],
    ['validate', examples, '--format', 'github'],
    ['validate', join(root, 'data', 'plans')],
    ...['json', 'table', 'md', 'csv', 'html'].flatMap((format) => [
      ['evaluate', examples, ...AS_OF, '--format', format, '--lang', 'vi'],
      ['evaluate', examples, ...AS_OF, '--format', format, '--lang', 'en'],
    ]),
    ['trend', examples, '--lang', 'vi'],
    ['trend', examples, '--format', 'json'],
    ['diff', join(examples, 'measurements-2024.yaml'), join(examples, 'measurements-2025.yaml'), ...AS_OF],
    ['diff', join(examples, 'measurements-2024.yaml'), join(examples, 'measurements-2025.yaml'), ...AS_OF, '--format', 'json'],
  );
}

/** A stream that keeps nothing, shaped as the CLI's context wants. */
function sink() {
  const stream = new Writable({ write: (_chunk, _encoding, done) => done() });
  return Object.assign(stream, { isTTY: false });
}

async function main() {
  const { run } = cachedRequire(join(cli, 'main.cjs'));
  for (const argv of SAMPLES) {
    await run(argv, { stdout: sink(), stderr: sink(), env: { NO_COLOR: '1' }, cwd: root });
  }
  v8.setFlagsFromString('--flush-bytecode');
  for (const { file, bytes } of codeCaches()) {
    // Whole or not at all: a cache cut short would only be refused, but need not be written.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
