// The benchmark runner: `npm run bench` (builds first), or `node bench/run.mjs [options]`.
//
//   --quick         fewer runs (3 for start-up, 1 for the big ones), no warm-up
//   --json          machine-readable results on stdout (progress still goes to stderr)
//   --only a,b      only these benchmarks: startup, large-csv, many-files
//   --runs N        N runs of each command in every benchmark
//   --profile       instead of timing: one CPU profile of each ccp command, summarised
//                   by where the time goes (see bench/profile.mjs)
//
// Every benchmark runs ccp and a baseline interleaved (A, B, A, B, ...), each in its own node
// process, and reports the medians and their ratio against the goal. A MISS never fails the
// run; a ccp (or baseline) run that crashes or exits non-zero is reported and makes the
// exit code 1. Nothing here runs under `npm test`.
import { availableParallelism, cpus, loadavg, release, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarks, CHILD_ENV, ROOT } from './lib/benchmarks.mjs';
import { failure, median, memoryProbe, runNode } from './lib/measure.mjs';
import { snapshotBuild } from './lib/snapshot.mjs';

const MIB = 1024;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  process.stderr.write(`${error.message}\nusage: node bench/run.mjs [--quick] [--json] [--only startup,large-csv,many-files] [--runs N] [--profile]\n`);
  process.exit(2);
}

const log = (text) => process.stderr.write(`${text}\n`);

/** Runs one benchmark: warm-up, then interleaved rounds of every subject and the baseline. */
async function runBenchmark(bench) {
  log(`${bench.title}:`);
  await bench.prepare();
  // memory 'apart': the timed runs are bare, and peak memory and CPU time come from runs of
  // their own, under the probe. time(1) costs a fork and an exec of its own, about a third of
  // `node -e 0` here: added to both sides of a start-up ratio, it would flatter it.
  const apart = bench.memory === 'apart';
  const exec = (args, probe) => runNode(args, { cwd: ROOT, env: CHILD_ENV, memory: probe, timeoutMs: bench.timeoutMs });
  const parties = [...bench.subjects.map((subject) => ({ ...subject, role: 'ccp' })), { ...bench.baseline, role: 'baseline' }];
  for (const party of parties) {
    party.times = [];
    party.rss = [];
    party.cpu = [];
    party.error = null;
  }
  /** One run: 'warm-up' (kept for nothing), 'timed', or 'probe' (memory and CPU only). */
  const once = async (party, kind) => {
    if (party.error !== null) return;
    const probe = apart ? kind === 'probe' : bench.memory === true;
    const run = await exec(party.args, probe);
    const why = failure(run) ?? (party.times.length === 0 && party.check !== undefined ? party.check(run) : null);
    if (why !== null) {
      party.error = why;
      log(`  ${party.role === 'ccp' ? 'ccp' : 'baseline'} failed: ${why}  [${party.label}]`);
      return;
    }
    if (kind === 'warm-up') return;
    if (kind === 'timed') party.times.push(run.ms);
    if (run.rssKiB !== null) party.rss.push(run.rssKiB);
    if (run.cpuMs !== null) party.cpu.push(run.cpuMs);
  };
  if (bench.warmup) for (const party of parties) await once(party, 'warm-up');
  for (let round = 0; round < bench.runs; round++) {
    for (const party of parties) await once(party, 'timed');
    log(`  round ${round + 1}/${bench.runs}: ${parties.map((p) => (p.error === null ? `${p.times.at(-1)?.toFixed(0)} ms` : 'failed')).join(', ')}`);
    if (parties.every((party) => party.error !== null)) break;
  }
  if (apart) for (let round = 0; round < Math.min(bench.runs, 3); round++) for (const party of parties) await once(party, 'probe');
  const base = parties.at(-1);
  const baseMs = base.error === null ? median(base.times) : null;
  const baseCpuMs = base.error === null && base.cpu.length > 0 ? median(base.cpu) : null;
  const rows = bench.subjects.map((_, i) => {
    const party = parties[i];
    const ms = party.error === null ? median(party.times) : null;
    const ratio = ms !== null && baseMs !== null ? ms / baseMs : null;
    const peakMiB = party.rss.length > 0 ? Math.max(...party.rss) / MIB : null;
    const cpuMs = party.error === null && party.cpu.length > 0 ? median(party.cpu) : null;
    let result = 'INFO';
    if (party.error !== null) result = 'FAILED';
    else if (base.error !== null) result = 'NO BASELINE';
    else if (party.goal !== null) {
      const misses = [];
      if (ratio > party.goal) misses.push('time');
      if (party.memoryGoalMiB !== undefined && (peakMiB === null || peakMiB > party.memoryGoalMiB)) misses.push('memory');
      result = misses.length === 0 ? 'PASS' : `MISS (${misses.join(', ')})`;
    }
    return {
      benchmark: bench.id,
      command: `node ${party.args.join(' ')}`,
      label: party.label,
      runs: party.times.length,
      ccpMs: ms,
      ccpTimesMs: party.times,
      baseline: base.label,
      baselineCommand: `node ${base.args.join(' ')}`,
      baselineMs: baseMs,
      baselineTimesMs: base.times,
      ratio,
      ccpCpuMs: cpuMs,
      baselineCpuMs: baseCpuMs,
      cpuRatio: cpuMs !== null && baseCpuMs !== null ? cpuMs / baseCpuMs : null,
      goal: party.goal,
      peakMiB,
      memoryGoalMiB: party.memoryGoalMiB ?? null,
      baselinePeakMiB: base.rss.length > 0 ? Math.max(...base.rss) / MIB : null,
      result,
      error: party.error,
      baselineError: base.error,
    };
  });
  return rows;
}

function fmt(value, digits = 0) {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/** The results as a Markdown table, readable in a terminal and pasteable into the docs. */
function table(rows) {
  const head = ['benchmark', 'ccp command', 'ccp ms', 'baseline', 'baseline ms', 'ratio', 'goal', 'result', 'CPU-time ratio', 'ccp peak MiB', 'baseline peak MiB'];
  const body = rows.map((row) => [
    row.benchmark,
    row.label,
    fmt(row.ccpMs),
    row.baseline,
    fmt(row.baselineMs),
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    row.goal === null ? '—' : `≤ ${row.goal}×${row.memoryGoalMiB === null ? '' : `, ≤ ${row.memoryGoalMiB} MiB`}`,
    row.result,
    row.cpuRatio === null ? '—' : `${row.cpuRatio.toFixed(2)}×`,
    fmt(row.peakMiB),
    fmt(row.baselinePeakMiB),
  ]);
  const widths = head.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const lines = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  for (const row of rows) {
    if (row.error !== null) lines.push(`ccp failed: ${row.error}  [${row.label}]`);
    if (row.baselineError !== null && row === rows.find((r) => r.benchmark === row.benchmark)) {
      lines.push(`baseline failed: ${row.baselineError}  [${row.baseline}]`);
    }
  }
  return lines.join('\n');
}

function machine() {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    os: `${process.platform} ${release()}`,
    // Other work on the machine skews both sides of a ratio less than it skews a time, but it
    // is worth knowing when reading one.
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
    memoryProbe: memoryProbe === 'time' ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS via --import bench/max-rss.mjs',
  };
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/main.cjs'))) {
    log('dist/ is missing: run `npm run build` first (or `npm run bench`, which builds).');
    return 2;
  }
  if (options.profile) {
    const { profile } = await import('./profile.mjs');
    return profile({ only: options.only });
  }
  const runsOverride = options.runs === undefined ? undefined : Number.parseInt(options.runs, 10);
  if (runsOverride !== undefined && !(runsOverride >= 1)) {
    log(`--runs must be a whole number ≥ 1, not '${options.runs}'`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'ccp-bench-'));
  const snapshot = join(ROOT, 'bench/data', `build-${process.pid}`);
  try {
    const bin = snapshotBuild(ROOT, snapshot);
    let all = await benchmarks({ quick: options.quick, runs: runsOverride, work, log, bin });
    if (options.only !== undefined) {
      const wanted = options.only.split(',').filter((id) => id !== '');
      const unknown = wanted.filter((id) => !all.some((bench) => bench.id === id));
      if (unknown.length > 0) {
        log(`unknown benchmark ${unknown.join(', ')}; choose from ${all.map((bench) => bench.id).join(', ')}`);
        return 2;
      }
      all = all.filter((bench) => wanted.includes(bench.id));
    }
    const started = new Date();
    const host = machine();
    const rows = [];
    for (const bench of all) rows.push(...(await runBenchmark(bench)));
    const report = {
      date: started.toISOString(),
      command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      machine: { ...host, loadAverageAfter: loadavg().map((load) => Number(load.toFixed(2))) },
      results: rows,
    };
    if (options.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const m = report.machine;
      process.stdout.write(`\n${report.date} · ${m.nproc} CPUs (${m.cpu}) · node ${m.node} · ${m.os} · load ${m.loadAverage.join(' ')} before, ${m.loadAverageAfter.join(' ')} after\n\n${table(rows)}\n`);
    }
    const broken = rows.some((row) => row.error !== null || row.baselineError !== null);
    return broken ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(snapshot, { recursive: true, force: true });
  }
}

process.exitCode = await main();
