// The benchmarks: what each one runs, its baseline, its goal, and how it checks that a run
// really did the work. Shared by the timing runner (bench/run.mjs) and the profiler
// (bench/profile.mjs).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBigCsv } from '../generate-big-csv.mjs';
import { ensureMany, MANY_FILES } from '../generate-many.mjs';

/** The repository's root: every command runs there, with paths relative to it. */
export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
/** The built bin, as a user runs it. */
export const BIN = 'bin/ccp.cjs';
const AS_OF = '2026-11-27';
const SMALL = 'bench/fixtures/measurements-2025.yaml';
const AJV = 'node_modules/ajv-cli/dist/index.js';
const MIB = 1024;

/** The environment of every child: no colour, English, no inherited locale. */
export const CHILD_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', CCP_LANG: 'en', LANG: 'C.UTF-8' };

/** Reads a file through once so that the first timed run does not pay for a cold cache. */
async function warmCache(path) {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) void chunk;
}

function checkEvaluation(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return 'output is not JSON';
  }
  if (data?.kind !== 'Evaluation' || !Array.isArray(data.results)) return 'output is not an Evaluation';
  const pooled = data.results.filter((result) => result.actual !== null).length;
  return pooled === 0 ? 'no result has an actual: the data was not read' : null;
}

/**
 * The benchmarks. Each names a baseline and one or more ccp commands ("subjects"); a subject
 * with a goal is judged, one without is shown for information.
 * @param {{ quick?: boolean, runs?: number, work: string, log?: (text: string) => void, bin?: string }} options
 *   `work` is a temporary folder for outputs; `bin` the ccp to run (default: the built bin/ccp.cjs)
 * @returns {Promise<object[]>}
 */
export async function benchmarks({ quick = false, runs: runsOverride, work, log = () => {}, bin = BIN }) {
  const BIN = bin;
  const runs = (full, fast) => runsOverride ?? (quick ? fast : full);
  return [
    {
      id: 'startup',
      title: 'Start-up',
      runs: runs(7, 3),
      warmup: !quick,
      // Memory and CPU time (to 10 ms) from runs of their own: the timed runs are bare node
      // processes, ccp's and `node -e 0`'s, with nothing around them (see bench/run.mjs).
      memory: 'apart',
      timeoutMs: 60_000,
      prepare: async () => {},
      baseline: { label: 'node -e 0', args: ['-e', '0'] },
      subjects: [
        {
          label: 'ccp evaluate <small file> --format json',
          args: [BIN, 'evaluate', SMALL, '--as-of', AS_OF, '--format', 'json'],
          goal: 1.3,
          check: (run) => checkEvaluation(run.stdout),
        },
        { label: 'ccp --version', args: [BIN, '--version'], goal: null },
        // The plan office's own command: the same file drawn as the terminal table.
        { label: 'ccp evaluate <small file> (table)', args: [BIN, 'evaluate', SMALL, '--as-of', AS_OF, '--lang', 'en'], goal: null },
        { label: 'ccp validate <small file>', args: [BIN, 'validate', SMALL], goal: null },
        // The README's own command: the example folder (four commented YAML files and a CSV) as the table.
        { label: 'ccp evaluate data/examples/ (table)', args: [BIN, 'evaluate', 'data/examples/', '--as-of', AS_OF, '--lang', 'en'], goal: null },
      ],
    },
    {
      id: 'large-csv',
      title: 'Large CSV',
      runs: runs(3, 1),
      warmup: false,
      memory: true,
      timeoutMs: 15 * 60_000,
      prepare: async () => {
        const { meta, generated } = ensureBigCsv();
        log(`  ${generated ? 'generated' : 'reusing'} bench/data/big.csv (${meta.rows} rows, ${(meta.bytes / MIB / MIB).toFixed(1)} MiB)`);
        await warmCache(join(ROOT, 'bench/data/big.csv'));
      },
      baseline: {
        label: 'csv-parse stream',
        args: ['bench/baselines/csv-parse-stream.mjs', 'bench/data/big.csv'],
        check: (run) => (/^\d+\n$/.test(run.stdout) && Number(run.stdout) > 0 ? null : `unexpected output '${run.stdout.slice(0, 80)}'`),
      },
      subjects: [
        {
          label: 'ccp evaluate big.csv --format json --output <tmp>',
          args: [BIN, 'evaluate', 'bench/data/big.csv', '--as-of', AS_OF, '--format', 'json', '--output', join(work, 'big-evaluation.json')],
          goal: 1.5,
          memoryGoalMiB: 400,
          check: () => {
            const out = join(work, 'big-evaluation.json');
            return existsSync(out) ? checkEvaluation(readFileSync(out, 'utf8')) : 'no output file';
          },
        },
      ],
    },
    {
      id: 'many-files',
      title: 'Many files',
      runs: runs(3, 1),
      warmup: !quick,
      memory: true,
      timeoutMs: 5 * 60_000,
      prepare: async () => {
        const { meta, generated } = ensureMany();
        log(`  ${generated ? 'generated' : 'reusing'} bench/data/many/ (${meta.files} files)`);
      },
      baseline: {
        label: 'ajv-cli (same schema)',
        args: [AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', 'schemas/measurements.schema.json', '-d', 'bench/data/many/*.yaml'],
        check: (run) => {
          const valid = run.stdout.split('\n').filter((line) => line.endsWith(' valid')).length;
          return valid === MANY_FILES ? null : `ajv-cli reported ${valid} of ${MANY_FILES} files valid`;
        },
      },
      subjects: [
        {
          label: 'ccp validate bench/data/many --format json',
          args: [BIN, 'validate', 'bench/data/many', '--format', 'json'],
          goal: 0.5,
          check: (run) => {
            let report;
            try {
              report = JSON.parse(run.stdout);
            } catch {
              return 'output is not JSON';
            }
            if (report?.files !== MANY_FILES) return `ccp validated ${report?.files} files, not ${MANY_FILES}`;
            return report.summary?.errors === 0 ? null : `ccp found ${report.summary?.errors} errors`;
          },
        },
      ],
    },
  ];
}
