// What start-up is made of, measured without ccp's own code: the cost of importing each
// dependency in a fresh node process, of compiling the JSON Schemas with ajv, and of parsing
// the shipped plan with yaml. Each step runs in its own process N times (median); the times
// are taken inside the process with performance.now(), so node's own start is left out.
//
//   node bench/import-cost.mjs [--runs N] [--json]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CHILD_ENV, ROOT } from './lib/benchmarks.mjs';
import { median } from './lib/measure.mjs';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } } });

const timed = (body) => `const t0 = performance.now(); ${body}; process.stdout.write(String(performance.now() - t0));`;

/** Each step: a label and a module body whose timed part is `body`, after optional `setup`. */
const STEPS = [
  ...['commander', 'yaml', 'ajv/dist/2020.js', 'ajv-formats', 'csv-parse', 'csv-stringify', 'chalk', 'cli-table3', 'fastest-levenshtein', 'tinyglobby'].map((name) => ({
    label: `import ${name}`,
    code: timed(`await import(${JSON.stringify(name)})`),
  })),
  {
    label: 'ajv: new Ajv2020 + ajv-formats + compile measurements schema',
    code: `import { readFileSync } from 'node:fs'; const { default: Ajv } = await import('ajv/dist/2020.js'); const { default: addFormats } = await import('ajv-formats');
      const schema = JSON.parse(readFileSync('schemas/measurements.schema.json', 'utf8'));
      ${timed('const ajv = new Ajv({ allErrors: true, strict: false }); addFormats(ajv); ajv.compile(schema)')}`,
  },
  {
    label: 'ajv: new Ajv2020 + ajv-formats + compile plan schema',
    code: `import { readFileSync } from 'node:fs'; const { default: Ajv } = await import('ajv/dist/2020.js'); const { default: addFormats } = await import('ajv-formats');
      const schema = JSON.parse(readFileSync('schemas/plan.schema.json', 'utf8'));
      ${timed('const ajv = new Ajv({ allErrors: true, strict: false }); addFormats(ajv); ajv.compile(schema)')}`,
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

const runs = Number.parseInt(options.runs, 10);
const rows = [];
for (const { label, code } of STEPS) {
  try {
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
