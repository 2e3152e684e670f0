// What checking bench/data/many/ must cost at least, step by step, in one process: reading
// the 1,000 files, parsing them with yaml (as ccp does, with a LineCounter for positions;
// and without), with js-yaml (what ajv-cli uses, installed with it), and validating the
// parsed data with ajv. Each step runs over all files N times after a warm-up pass; the
// median is printed. A floor to compare `ccp validate bench/data/many` with, not a benchmark.
//
//   node bench/many-files-cost.mjs [--runs N]
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { LineCounter, parse, parseDocument, Parser } from 'yaml';
import { ensureMany, MANY_DIR } from './generate-many.mjs';
import { ROOT } from './lib/benchmarks.mjs';
import { median } from './lib/measure.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
ensureMany();
const files = readdirSync(MANY_DIR).sort().map((name) => join(MANY_DIR, name));
const texts = files.map((file) => readFileSync(file, 'utf8'));
// js-yaml comes with ajv-cli, the baseline; it is measured here, never used by ccp.
const jsYaml = createRequire(join(ROOT, 'node_modules/ajv-cli/package.json'))('js-yaml');
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/measurements.schema.json'), 'utf8')));
const parsed = texts.map((text) => parse(text));

const steps = [
  ['read 1,000 files, one after another (fs.promises.readFile)', async () => { for (const file of files) await readFile(file, 'utf8'); }],
  ['read 1,000 files, 16 at a time (fs.promises.readFile)', async () => {
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => { while (next < files.length) await readFile(files[next++], 'utf8'); }));
  }],
  ['read 1,000 files (readFileSync)', () => { for (const file of files) readFileSync(file, 'utf8'); }],
  ['yaml parseDocument + LineCounter + toJS (as ccp, positions kept)', () => {
    for (const text of texts) parseDocument(text, { lineCounter: new LineCounter() }).toJS();
  }],
  ['yaml parse (plain data, no document kept)', () => { for (const text of texts) parse(text); }],
  ['yaml Parser alone (the concrete syntax tree, before composing a document)', () => {
    for (const text of texts) for (const token of new Parser().parse(text)) void token;
  }],
  ['js-yaml load (what ajv-cli parses with)', () => { for (const text of texts) jsYaml.load(text); }],
  ['ajv validate the parsed data (compiled once)', () => { for (const data of parsed) validate(data); }],
];

const rows = [];
for (const [label, run] of steps) {
  await run();
  const times = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  rows.push([label, median(times)]);
}
const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(`| ${'step (all 1,000 files)'.padEnd(width)} | median ms |\n|${'-'.repeat(width + 2)}|-----------|\n`);
for (const [label, ms] of rows) process.stdout.write(`| ${label.padEnd(width)} | ${ms.toFixed(1).padStart(9)} |\n`);
