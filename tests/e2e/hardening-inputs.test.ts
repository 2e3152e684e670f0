/**
 * Nothing lost: every command, run as a user would through the built bin, leaves every file it
 * read byte for byte as it was, writes only the `--output` it was given, and refuses an
 * `--output` that names one of its own inputs.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = join(ROOT, 'dist/cli/main.cjs');
const AS_OF = ['--as-of', '2026-11-27'];
const PLAN = ['--plan', 'plan.yaml'];

/** Every file under `dir` with the hash of its bytes. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** A working folder: the shipped plan, two plan versions, the example data, two years apart for diff. */
function workspace(): string {
  const dir = testdir();
  cpSync(join(ROOT, 'data/examples'), join(dir, 'data'), { recursive: true });
  cpSync(join(ROOT, 'data/plans/daklak-sgtvt-cchc-2021-2030.yaml'), join(dir, 'plan.yaml'));
  cpSync(join(ROOT, 'tests/fixtures/diff'), join(dir, 'diff'), { recursive: true });
  writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: ccp/v1\nkind: Measurements\nplan: daklak-sgtvt-cchc-2021-2030\nperiod: 2025\nmeasurements:\n  - indicator: nope\n    value: 5\n');
  const evaluation = runBin(['evaluate', 'data', ...PLAN, ...AS_OF, '--format', 'json'], { cwd: dir });
  if (evaluation.code !== 0) throw new Error(evaluation.stderr);
  writeFileSync(join(dir, 'evaluation.json'), evaluation.stdout);
  return dir;
}

/** Runs `args` in `dir`; every file but `output` must be unchanged, and no temporary file left. */
function runAndCompare(dir: string, args: string[], output?: string) {
  const before = hashes(dir);
  const run = runBin(args, { cwd: dir });
  const after = hashes(dir);
  if (output !== undefined) {
    expect(after.has(output), `${args.join(' ')} wrote ${output}: ${run.stderr}`).toBe(true);
    after.delete(output);
    before.delete(output);
  }
  expect(after, args.join(' ')).toEqual(before);
  return run;
}

const COMMANDS: { name: string; args: string[]; code: number; output?: string }[] = [
  ...['text', 'json', 'github'].map((format) => ({ name: `validate --format ${format}`, args: ['validate', 'data', 'plan.yaml', ...PLAN, '--format', format], code: 0 })),
  { name: 'validate, failing', args: ['validate', 'data', 'bad.yaml', ...PLAN], code: 1 },
  ...['table', 'json', 'csv', 'md', 'html'].map((format) => ({
    name: `evaluate --format ${format} --output`,
    args: ['evaluate', 'data', ...PLAN, ...AS_OF, '--format', format, '--output', `report.${format}`],
    code: 0,
    output: `report.${format}`,
  })),
  { name: 'evaluate, failing', args: ['evaluate', 'data', 'bad.yaml', ...PLAN, ...AS_OF], code: 1 },
  { name: 'evaluate --fail-on', args: ['evaluate', 'data', ...PLAN, ...AS_OF, '--fail-on', 'at-risk'], code: 1 },
  { name: 'diff of two measurement sets', args: ['diff', 'diff/y2023', 'diff/y2024', '--plan', 'diff/plans/v1.yaml', ...AS_OF, '--output', 'diff.txt'], code: 0, output: 'diff.txt' },
  { name: 'diff of an evaluation and a set', args: ['diff', 'evaluation.json', 'data', ...PLAN, ...AS_OF, '--format', 'json'], code: 0 },
  { name: 'diff of two plans', args: ['diff', 'diff/plans/v1.yaml', 'diff/plans/v2.yaml', '--format', 'md'], code: 0 },
  ...['table', 'json', 'csv', 'md'].map((format) => ({ name: `trend --format ${format}`, args: ['trend', 'data', ...PLAN, '--format', format], code: 0 })),
  ...['table', 'json', 'md'].map((format) => ({ name: `targets --format ${format}`, args: ['targets', ...PLAN, '--format', format], code: 0 })),
  ...['yaml', 'csv'].map((format) => ({
    name: `template --format ${format}`,
    args: ['template', ...PLAN, '--period', '2026', '--format', format, '--output', `template.${format}`],
    code: 0,
    output: `template.${format}`,
  })),
  { name: 'schema', args: ['schema', 'measurements', '--output', 'schema.json'], code: 0, output: 'schema.json' },
];

describe('input files are never written', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
    dir = workspace();
  });

  it.each(COMMANDS)('$name', ({ args, code, output }) => {
    const run = runAndCompare(dir, args, output);
    expect(run.code, run.stderr).toBe(code);
  });
});

describe('--output naming an input is refused', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
    dir = workspace();
    symlinkSync(join(dir, 'data', 'measurements-2025.yaml'), join(dir, 'link.yaml'));
  });

  const cases: { name: string; args: string[] }[] = [
    { name: 'evaluate over a measurements file', args: ['evaluate', 'data', ...PLAN, ...AS_OF, '--format', 'md', '--output', 'data/measurements-2025.yaml'] },
    { name: 'evaluate over its plan', args: ['evaluate', 'data', ...PLAN, ...AS_OF, '--output', 'plan.yaml'] },
    { name: 'evaluate over an input spelt another way', args: ['evaluate', 'data', ...PLAN, ...AS_OF, '--output', './data/../data/by-org-2025.csv'] },
    { name: 'evaluate over an input through a symbolic link', args: ['evaluate', 'data', ...PLAN, ...AS_OF, '--output', 'link.yaml'] },
    { name: 'validate over a measurements file', args: ['validate', 'data', ...PLAN, '--output', 'data/by-org-2025.csv'] },
    { name: 'trend over a measurements file', args: ['trend', 'data', ...PLAN, '--format', 'csv', '--output', 'data/by-org-2025.csv'] },
    { name: 'diff over one of its sides', args: ['diff', 'evaluation.json', 'data', ...PLAN, ...AS_OF, '--format', 'json', '--output', 'evaluation.json'] },
    { name: 'diff over a file of a measurement set', args: ['diff', 'diff/y2023', 'diff/y2024', '--plan', 'diff/plans/v1.yaml', ...AS_OF, '--output', 'diff/y2024/2024.yaml'] },
    { name: 'targets over its plan', args: ['targets', ...PLAN, '--output', 'plan.yaml'] },
    { name: 'template over its plan', args: ['template', ...PLAN, '--period', '2026', '--output', 'plan.yaml'] },
  ];

  it.each(cases)('$name', ({ args }) => {
    const run = runAndCompare(dir, args);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^ccp: .+\n$/);
  });
});
