// Where ccp's time and memory go, phase by phase, for each benchmark's input: the same
// pipeline `ccp evaluate` / `ccp validate` runs, called in-process through the built
// library (dist/index.js), with the time and the resident memory after each phase.
// Each scenario runs in its own node process, so one's heap does not weigh on the next.
//
//   node bench/phases.mjs [--only startup,large-csv,many-files] [--json]
//
// The phases follow the library API (checkFiles = discover + load + schema + rules), so
// they say which layer to look at; `--profile` on bench/run.mjs says which function.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBigCsv } from './generate-big-csv.mjs';
import { ensureMany } from './generate-many.mjs';
import { CHILD_ENV, ROOT } from './lib/benchmarks.mjs';
import { snapshotBuild } from './lib/snapshot.mjs';

const AS_OF = '2026-11-27';
const SCENARIOS = {
  startup: { paths: ['bench/fixtures/measurements-2025.yaml'], evaluate: true },
  'large-csv': { paths: ['bench/data/big.csv'], evaluate: true, prepare: ensureBigCsv },
  'many-files': { paths: ['bench/data/many'], evaluate: false, prepare: ensureMany },
};

/**
 * Runs inside a child: only the reading layer (discover, then each file read and parsed, a
 * CSV streamed row by row), no checks. Compared with checkFiles it splits reading from
 * checking. Its own process, so that it does not warm the other's JIT.
 */
async function loadOnly(name, library) {
  const lib = await import(library);
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const files = await lib.discover(SCENARIOS[name].paths, ROOT);
  let rows = 0;
  for (const file of files) {
    if (file.endsWith('.csv')) {
      for await (const row of lib.streamCsv(file, { cwd: ROOT })) if (row !== undefined) rows++;
    } else {
      await lib.loadFile(file, { cwd: ROOT });
    }
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(startedCpu);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files: files.length, rows, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

/** Runs inside a child: one scenario, phase by phase; prints JSON on stdout. */
async function child(name, library) {
  const { paths, evaluate: evaluates } = SCENARIOS[name];
  const phases = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  // CPU time (user + system) beside wall time: it barely moves when other work shares the machine.
  const mark = (phase, extra = {}) => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const { rss, heapUsed } = process.memoryUsage();
    phases.push({ phase, ms: now - last, cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: rss / 2 ** 20, heapMiB: heapUsed / 2 ** 20, ...extra });
    last = now;
    lastCpu = process.cpuUsage();
  };
  phases.push({ phase: 'node start to first line (since performance.timeOrigin)', ms: performance.now(), cpuMs: (lastCpu.user + lastCpu.system) / 1000, rssMiB: process.memoryUsage().rss / 2 ** 20, heapMiB: process.memoryUsage().heapUsed / 2 ** 20 });
  last = performance.now();
  lastCpu = process.cpuUsage();
  const lib = await import(library);
  mark('import dist/index.js (the whole library; the CLI loads less)');
  // As `ccp evaluate` does: entries go into the pool while the files are checked.
  const pool = evaluates && lib.createPool !== undefined ? lib.createPool() : undefined;
  const check = await lib.checkFiles(paths, pool === undefined ? { cwd: ROOT } : { cwd: ROOT, onEntry: (entry) => pool.add(entry) });
  mark(pool === undefined ? 'checkFiles (discover, load, schema, rules)' : 'checkFiles (discover, load, schema, rules), entries pooled as they come', {
    ...(pool === undefined ? { entries: check.entries.length } : { groups: pool.size }),
    errors: check.summary.errors,
    files: check.files.length,
  });
  const work = mkdtempSync(join(tmpdir(), 'ccp-bench-phases-'));
  try {
    if (evaluates) {
      const evaluation = pool === undefined ? lib.evaluate(check.plan, check.entries, { asOf: AS_OF }) : lib.evaluatePool(check.plan, pool, { asOf: AS_OF });
      mark('evaluate (judge every target)', { results: evaluation.results.length });
      const text = lib.renderEvaluation('json', evaluation, { lang: 'en', color: false, plan: check.plan });
      mark('renderEvaluation json', { outputMiB: Buffer.byteLength(text) / 2 ** 20 });
      writeFileSync(join(work, 'out.json'), text);
      mark('write the output file');
    } else {
      const text = lib.renderDiagnostics('json', check, { color: false, cwd: ROOT });
      mark('renderDiagnostics json', { outputMiB: Buffer.byteLength(text) / 2 ** 20 });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ scenario: name, phases, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, json: { type: 'boolean', default: false }, child: { type: 'string' }, load: { type: 'string' }, library: { type: 'string' } } });
  if (values.child !== undefined) return child(values.child, values.library);
  if (values.load !== undefined) return loadOnly(values.load, values.library);
  // A copy of the build, so that a rebuild of dist/ by someone else cannot break a run.
  const snapshot = join(ROOT, 'bench/data', `build-${process.pid}`);
  try {
    const bin = snapshotBuild(ROOT, snapshot);
    return await scenarios(values, pathToFileURL(join(ROOT, bin, '../../dist/index.js')).href);
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

async function scenarios(values, library) {
  const names = values.only === undefined ? Object.keys(SCENARIOS) : values.only.split(',');
  const reports = [];
  for (const name of names) {
    if (SCENARIOS[name] === undefined) throw new Error(`unknown scenario ${name}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
    SCENARIOS[name].prepare?.();
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--library', library], { cwd: ROOT, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) {
      reports.push({ scenario: name, error: run.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${run.status}` });
      continue;
    }
    const report = JSON.parse(run.stdout);
    const load = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--load', name, '--library', library], { cwd: ROOT, env: CHILD_ENV, encoding: 'utf8' });
    report.loadOnly = load.status === 0 ? JSON.parse(load.stdout) : { error: load.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${load.status}` };
    reports.push(report);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return;
  }
  for (const report of reports) {
    process.stdout.write(`\n${report.scenario}\n`);
    if (report.error !== undefined) {
      process.stdout.write(`  failed: ${report.error}\n`);
      continue;
    }
    for (const p of report.phases) {
      const extra = Object.entries(p)
        .filter(([key]) => !['phase', 'ms', 'cpuMs', 'rssMiB', 'heapMiB'].includes(key))
        .map(([key, value]) => `${key} ${typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : value}`)
        .join(', ');
      process.stdout.write(`  ${p.ms.toFixed(1).padStart(9)} ms  cpu ${p.cpuMs.toFixed(1).padStart(9)} ms  rss ${p.rssMiB.toFixed(0).padStart(5)} MiB  heap ${p.heapMiB.toFixed(0).padStart(5)} MiB  ${p.phase}${extra === '' ? '' : ` (${extra})`}\n`);
    }
    process.stdout.write(`  peak RSS ${report.peakRssMiB.toFixed(0)} MiB\n`);
    const load = report.loadOnly;
    process.stdout.write(
      load.error === undefined
        ? `  reading alone, in its own process (discover, read, parse; no checks): ${load.ms.toFixed(1)} ms, cpu ${load.cpuMs.toFixed(1)} ms, ${load.files} files${load.rows > 0 ? `, ${load.rows} CSV rows` : ''}, peak RSS ${load.peakRssMiB.toFixed(0)} MiB\n`
        : `  reading alone failed: ${load.error}\n`,
    );
  }
}

await main();
