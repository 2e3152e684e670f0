// What start-up is made of, measured without ccp's own code: the cost of importing each
// dependency in a fresh node process, of compiling the JSON Schemas with ajv (with the
// options src/validate/schemas.ts uses), of loading the same validators precompiled to
// standalone code instead, of importing the built bundle, and of parsing the shipped plan
// with yaml. Each step runs in its own process N times (median); the times are taken inside
// the process with performance.now(), so node's own start is left out.
//
//   node bench/import-cost.mjs [--runs N] [--json]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { CHILD_ENV, ROOT } from './lib/benchmarks.mjs';
import { median } from './lib/measure.mjs';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } } });

/** ccp's ajv options (src/validate/schemas.ts); keep in step. */
const AJV_OPTIONS = 'allErrors: true, strict: true, strictRequired: false, verbose: true';
const STANDALONE = join(ROOT, 'bench/data/standalone');

/** Writes both schemas' validators as standalone CommonJS modules, as a build step could. */
function writeStandalone() {
  mkdirSync(STANDALONE, { recursive: true });
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, code: { source: true } });
  addFormats(ajv);
  for (const name of ['plan', 'measurements']) {
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, `schemas/${name}.schema.json`), 'utf8')));
    writeFileSync(join(STANDALONE, `${name}.cjs`), standaloneCode(ajv, validate));
  }
}

/** The bundle's largest chunk: where the bundled packages are. */
function largestChunk() {
  const chunks = readdirSync(join(ROOT, 'dist')).filter((name) => name.startsWith('chunk-'));
  return chunks.sort((a, b) => readFileSync(join(ROOT, 'dist', b)).length - readFileSync(join(ROOT, 'dist', a)).length)[0];
}

const timed = (body) => `const t0 = performance.now(); ${body}; process.stdout.write(String(performance.now() - t0));`;

/** Each step: a label and the module source to run (or a function making it). */
const STEPS = [
  ...['commander', 'yaml', 'ajv/dist/2020.js', 'ajv-formats', 'csv-parse', 'csv-stringify', 'chalk', 'cli-table3', 'fastest-levenshtein', 'tinyglobby'].map((name) => ({
    label: `import ${name}`,
    code: timed(`await import(${JSON.stringify(name)})`),
  })),
  {
    label: 'load dist/cli/main.cjs with its code cache (the CLI\'s entry: commander and the CLI)',
    code: timed("const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url); const { cachedRequire } = require('./dist/cli/boot.cjs'); cachedRequire(process.cwd() + '/dist/cli/main.cjs')"),
  },
  {
    label: 'import the largest chunk of dist/ (the library\'s bundled packages)',
    code: () => timed(`await import('./dist/${largestChunk()}')`),
  },
  {
    label: 'ajv: new Ajv2020 + ajv-formats + compile measurements schema',
    code: `import { readFileSync } from 'node:fs'; const { default: Ajv } = await import('ajv/dist/2020.js'); const { default: addFormats } = await import('ajv-formats');
      const schema = JSON.parse(readFileSync('schemas/measurements.schema.json', 'utf8'));
      ${timed(`const ajv = new Ajv({ ${AJV_OPTIONS} }); addFormats(ajv); ajv.compile(schema)`)}`,
  },
  {
    label: 'ajv: new Ajv2020 + ajv-formats + compile plan schema',
    code: `import { readFileSync } from 'node:fs'; const { default: Ajv } = await import('ajv/dist/2020.js'); const { default: addFormats } = await import('ajv-formats');
      const schema = JSON.parse(readFileSync('schemas/plan.schema.json', 'utf8'));
      ${timed(`const ajv = new Ajv({ ${AJV_OPTIONS} }); addFormats(ajv); ajv.compile(schema)`)}`,
  },
  {
    label: 'ajv standalone: import both validators precompiled (no ajv compiler at all)',
    code: timed("await import('./bench/data/standalone/plan.cjs'); await import('./bench/data/standalone/measurements.cjs')"),
  },
  {
    label: 'yaml: parseDocument of the shipped plan, with a LineCounter',
    code: `import { readFileSync } from 'node:fs'; const { parseDocument, LineCounter } = await import('yaml');
      const text = readFileSync('data/plans/daklak-sgtvt-cchc-2021-2030.yaml', 'utf8');
      ${timed('const lineCounter = new LineCounter(); const doc = parseDocument(text, { lineCounter }); doc.toJS()')}`,
  },
];

function step(code) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, env: CHILD_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${result.status}`);
  return Number(result.stdout);
}

writeStandalone();
const runs = Number.parseInt(options.runs, 10);
const rows = [];
for (const { label, code: body } of STEPS) {
  try {
    const code = typeof body === 'function' ? body() : body;
    const times = [];
    for (let i = 0; i < runs; i++) times.push(step(code));
    rows.push({ step: label, medianMs: median(times) });
  } catch (error) {
    rows.push({ step: label, medianMs: null, error: error.message });
  }
}
if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
else {
  const width = Math.max(...rows.map((row) => row.step.length));
  process.stdout.write(`| ${'step'.padEnd(width)} | median ms |\n|${'-'.repeat(width + 2)}|-----------|\n`);
  for (const row of rows) process.stdout.write(`| ${row.step.padEnd(width)} | ${(row.medianMs === null ? `failed: ${row.error}` : row.medianMs.toFixed(1)).padStart(9)} |\n`);
}
