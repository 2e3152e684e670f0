/**
 * Fuzzing: valid data files mutated at byte level and structure level with a seeded PRNG, each
 * run in-process through load → validate → (when clean) evaluate → every renderer. Nothing may
 * throw; every problem must be a diagnostic with a known code and a place inside the file; each
 * case must finish within two seconds; a YAML file the quick reader reads must read the same
 * through the full parser.
 *
 *   CCP_FUZZ_RUNS   number of cases (default 300)
 *   CCP_FUZZ_SEED   base seed (default below); a failure prints the seed and case to replay
 *   CCP_FUZZ_ONLY   run only this case index
 *   CCP_FUZZ_SAVE   a folder to copy each case's files into before it runs (to replay a hang)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/model/diagnostic.js';
import { DIAGNOSTIC_FORMATS, renderDiagnostics } from '../../src/report/diagnostics/index.js';
import { EVALUATION_FORMATS, renderEvaluation } from '../../src/report/evaluation/index.js';
import { checkFiles } from '../../src/validate/index.js';
import { testdir } from '../helpers/testdir.js';
import { quickReaderDifference } from '../helpers/yaml-same.js';
import {
  csvRecords,
  csvText,
  mutateBytes,
  mutateCsvGently,
  mutateCsvRecords,
  mutateYamlData,
  mutateYamlGently,
  mutateYamlText,
  yamlData,
  yamlText,
} from './mutate.js';
import { caseSeed, Prng } from './prng.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINI = join(ROOT, 'tests/fixtures/plans/mini.yaml');
const SHIPPED = join(ROOT, 'data/plans/daklak-sgtvt-cchc-2021-2030.yaml');

const RUNS = Number(process.env.CCP_FUZZ_RUNS ?? 300);
const BASE_SEED = Number(process.env.CCP_FUZZ_SEED ?? 0x2528_2021);
const ONLY = process.env.CCP_FUZZ_ONLY === undefined ? undefined : Number(process.env.CCP_FUZZ_ONLY);
const SAVE = process.env.CCP_FUZZ_SAVE;
const CHUNK = 100;
const CASE_LIMIT_MS = 2_000;
/** Failing inputs kept on disk for a look (all failures are reported). */
const MAX_SAVED = 100;
const AS_OF = '2026-11-27';
const KNOWN_CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

/** A valid starting point: the files of one case, the one to mutate, the paths to check, the --plan. */
interface Seed {
  name: string;
  files: Record<string, Uint8Array>;
  target: string;
  paths: string[];
  plan?: string;
}

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, path)));

function seeds(): Seed[] {
  const out: Seed[] = [];
  const single = (path: string, plan: string | undefined): Seed => {
    const name = path.split('/').pop()!;
    return { name: path, files: { [name]: read(path) }, target: name, paths: [name], ...(plan === undefined ? {} : { plan }) };
  };
  for (const file of ['measurements-2022.yaml', 'measurements-2023.yaml', 'measurements-2024.yaml', 'measurements-2025.yaml', 'by-org-2025.csv']) {
    out.push(single(`data/examples/${file}`, undefined));
  }
  for (const path of [
    'tests/fixtures/valid/crlf-bom/measurements.yaml',
    'tests/fixtures/valid/csv-all-columns/data.csv',
    'tests/fixtures/valid/csv-semicolon-decimal-comma/by-org.csv',
    'tests/fixtures/valid/full-yaml/measurements-2025.yaml',
    'tests/fixtures/valid/nfd-text/measurements.yaml',
  ]) {
    out.push(single(path, MINI));
  }
  const beside = {
    'measurements.yaml': read('tests/fixtures/valid/plan-beside-data/measurements.yaml'),
    'plan.yaml': read('tests/fixtures/valid/plan-beside-data/plan.yaml'),
  };
  for (const target of ['measurements.yaml', 'plan.yaml']) {
    out.push({ name: `plan-beside-data/${target}`, files: beside, target, paths: ['measurements.yaml', 'plan.yaml'], plan: MINI });
  }
  // A mutated --plan, with a valid measurements file checked against it.
  out.push({
    name: 'plans/mini.yaml as --plan',
    files: { 'plan.yaml': new Uint8Array(readFileSync(MINI)), 'data.yaml': read('tests/fixtures/valid/full-yaml/measurements-2025.yaml') },
    target: 'plan.yaml',
    paths: ['data.yaml'],
    plan: 'plan.yaml',
  });
  out.push({
    name: 'shipped plan as --plan',
    files: { 'plan.yaml': new Uint8Array(readFileSync(SHIPPED)), 'data.yaml': read('data/examples/measurements-2025.yaml') },
    target: 'plan.yaml',
    paths: ['data.yaml'],
    plan: 'plan.yaml',
  });
  return out;
}

const SEEDS = seeds();
const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');

/**
 * Mutates a seed's target file: at byte level, at structure level (on the parsed data, then
 * written back), both, or gently (hostile text in text fields, so that more cases reach the
 * renderers).
 */
function mutate(seed: Seed, rng: Prng): { bytes: Uint8Array; steps: string[] } {
  const steps: string[] = [];
  let bytes = seed.files[seed.target]!;
  const mode = rng.pick(['bytes', 'bytes', 'structure', 'structure', 'both', 'gentle', 'gentle'] as const);
  const csv = seed.target.endsWith('.csv');
  if (mode !== 'bytes') {
    const text = lenient.decode(bytes);
    const rounds = rng.between(1, 3);
    if (csv) {
      const parsed = csvRecords(text);
      let records = parsed.records;
      for (let i = 0; i < rounds; i++) {
        const step = mode === 'gentle' ? mutateCsvGently(records, rng) : mutateCsvRecords(records, rng);
        records = step.records;
        steps.push(step.name);
      }
      bytes = utf8.encode(csvText(records, parsed.separator, rng));
    } else {
      let data = yamlData(text.replace(/^\uFEFF/, ''));
      let out: string | undefined;
      for (let i = 0; i < rounds; i++) {
        if (mode === 'gentle') {
          const step = mutateYamlGently(data, rng);
          data = step.data;
          steps.push(step.name);
        } else if (rng.chance(0.75)) {
          const step = mutateYamlData(data, rng);
          data = step.data;
          steps.push(step.name);
        } else {
          const step = mutateYamlText(out ?? yamlText(data), rng);
          out = step.text;
          steps.push(step.name);
          break; // the text no longer round-trips as data
        }
      }
      bytes = utf8.encode(out ?? yamlText(data));
    }
  }
  if (mode === 'bytes' || mode === 'both') {
    const rounds = rng.between(1, 4);
    for (let i = 0; i < rounds; i++) {
      const step = mutateBytes(bytes, rng);
      bytes = step.bytes;
      steps.push(step.name);
    }
  }
  return { bytes, steps };
}

/**
 * The lengths of a file's lines as ccp counts them: a BOM dropped; in CSV, CRLF, CR and LF are
 * each one break (as Excel writes them); in YAML only LF and CRLF are.
 */
function lineLengths(bytes: Uint8Array, file: string): number[] {
  const text = lenient.decode(bytes).replace(/^\uFEFF/, '');
  return text.split(file.endsWith('.csv') ? /\r\n|\r|\n/ : /\r?\n/).map((line) => line.length);
}

/** What is wrong with one diagnostic, if anything. */
function badDiagnostic(d: Diagnostic, files: Record<string, Uint8Array>): string | undefined {
  if (!KNOWN_CODES.has(d.code)) return `unknown code '${d.code}'`;
  if (d.severity !== 'error' && d.severity !== 'warning') return `severity '${String(d.severity)}'`;
  if (typeof d.message !== 'string' || d.message === '') return 'no message';
  const bytes = files[d.file];
  if (bytes === undefined) return `a diagnostic for a file not in the case: '${d.file}'`;
  if (!Number.isInteger(d.line) || d.line < 1) return `line ${d.line}`;
  if (!Number.isInteger(d.column) || d.column < 1) return `column ${d.column}`;
  const lines = lineLengths(bytes, d.file);
  if (d.line > lines.length) return `line ${d.line} of a file of ${lines.length} lines`;
  const longest = Math.max(...lines);
  if (d.column > longest + 1) return `column ${d.column} past the longest line (${longest})`;
  return undefined;
}

interface Failure {
  index: number;
  seed: number;
  from: string;
  steps: string[];
  problem: string;
  saved?: string;
}

const failures: Failure[] = [];
const work = testdir();
const crashes = testdir();
let evaluated = 0;
let ran = 0;

async function runCase(index: number): Promise<void> {
  const seedNumber = caseSeed(BASE_SEED, index);
  const rng = new Prng(seedNumber);
  const seed = rng.pick(SEEDS);
  let mutated: { bytes: Uint8Array; steps: string[] };
  try {
    mutated = mutate(seed, rng);
  } catch (error) {
    throw new Error(`case ${index} from ${seed.name}: the mutator failed: ${String(error)}`);
  }
  const { bytes, steps } = mutated;
  const files = { ...seed.files, [seed.target]: bytes };
  const dir = join(work, `case-${index}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  if (SAVE !== undefined) {
    const saved = join(SAVE, `case-${index}`);
    mkdirSync(saved, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(saved, name), content);
    writeFileSync(join(saved, 'steps.txt'), `${seed.name}\n${steps.join('\n')}\n`);
  }
  const problems = new Set<string>();
  const fail = (problem: string) => {
    if (problems.has(problem)) return;
    problems.add(problem);
    // Every failure is counted; the inputs of the first few are kept to look at.
    let saved: string | undefined;
    if (failures.length < MAX_SAVED) {
      saved = join(crashes, `case-${index}-${seed.target}`);
      writeFileSync(saved, bytes);
    }
    failures.push({ index, seed: seedNumber, from: seed.name, steps, problem, ...(saved === undefined ? {} : { saved }) });
  };

  const started = performance.now();
  // The quick YAML reader, wherever it reads a mutated file, reads it as the full parser does.
  if (/\.ya?ml$/i.test(seed.target)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const difference = quickReaderDifference(text);
    if (difference !== undefined) fail(`the quick YAML reader differs from the full parser: ${difference}`);
  }
  try {
    const check = await checkFiles(seed.paths, seed.plan === undefined ? { cwd: dir } : { cwd: dir, plan: seed.plan });
    for (const d of check.diagnostics) {
      const bad = badDiagnostic(d, files);
      if (bad !== undefined) fail(`${bad}: ${JSON.stringify(d)}`);
    }
    for (const format of DIAGNOSTIC_FORMATS) renderDiagnostics(format, check, { color: rng.chance(0.5) });
    if (check.summary.errors === 0 && check.plan !== undefined && check.measurementFiles.length > 0) {
      const evaluation = evaluate(check.plan, check.entries, { asOf: AS_OF });
      const lang = rng.pick(['vi', 'en'] as const);
      for (const format of EVALUATION_FORMATS) renderEvaluation(format, evaluation, { lang, color: rng.chance(0.5), plan: check.plan });
      evaluated++;
    }
  } catch (error) {
    fail(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const elapsed = performance.now() - started;
  if (elapsed > CASE_LIMIT_MS) fail(`took ${Math.round(elapsed)} ms`);
  ran++;
  rmSync(dir, { recursive: true, force: true });
}

beforeAll(async () => {
  // Every seed is valid as it stands (else the fuzzer mutates the wrong thing), and running each
  // once warms the schema compiler and the JIT so that the first cases are timed fairly.
  for (const seed of SEEDS) {
    const dir = join(work, 'seed');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(seed.files)) writeFileSync(join(dir, name), content);
    const check = await checkFiles(seed.paths, seed.plan === undefined ? { cwd: dir } : { cwd: dir, plan: seed.plan });
    expect(check.summary.errors, `${seed.name}: ${JSON.stringify(check.diagnostics)}`).toBe(0);
    const evaluation = evaluate(check.plan!, check.entries, { asOf: AS_OF });
    for (const format of EVALUATION_FORMATS) renderEvaluation(format, evaluation, { lang: 'vi', color: false, plan: check.plan! });
  }
}, 120_000);

const indices = ONLY === undefined ? Array.from({ length: RUNS }, (_, i) => i) : [ONLY];
const chunks: number[][] = [];
for (let i = 0; i < indices.length; i += CHUNK) chunks.push(indices.slice(i, i + CHUNK));

describe(`fuzz: ${indices.length} mutated files (seed ${BASE_SEED})`, () => {
  it.each(chunks.map((chunk) => ({ first: chunk[0]!, last: chunk.at(-1)!, chunk })))(
    'cases $first–$last: no throw, every problem a placed diagnostic, each under 2 s',
    async ({ chunk }) => {
      const before = failures.length;
      for (const index of chunk) {
        await runCase(index);
      }
      const found = failures.slice(before);
      expect(
        found,
        found
          .map((f) => `case ${f.index} (CCP_FUZZ_SEED=${BASE_SEED} CCP_FUZZ_ONLY=${f.index}) from ${f.from} [${f.steps.join('; ')}]: ${f.problem}\n  input: ${f.saved ?? '(not kept)'}`)
          .join('\n'),
      ).toEqual([]);
    },
    CHUNK * CASE_LIMIT_MS + 60_000,
  );

  it('mutations leave some files clean enough to evaluate', () => {
    // A fuzzer whose every case fails at the first check tests nothing past it.
    if (ONLY === undefined && ran >= 100) expect(evaluated).toBeGreaterThan(ran / 10);
  });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (failures.length === 0) rmSync(crashes, { recursive: true, force: true });
});
