// `node bench/run.mjs --profile [--only ...]`: one CPU profile of each ccp command of the
// benchmarks, summarised by where the time goes.
//
// ccp runs from a profiling copy in bench/data/profile-build/: the repository's sources,
// schemas, shipped plan and build script copied there and built by that same script with
// CCP_BUILD_SOURCEMAP=1, so the bundle is the one users get plus source maps, and a frame
// inside a chunk is named by its original file (node_modules/yaml/..., src/load/...). The
// real dist/ is left alone. Profiles are kept in bench/data/profiles/ to open in a
// browser's DevTools.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarks, CHILD_ENV, ROOT } from './lib/benchmarks.mjs';
import { failure, runNode } from './lib/measure.mjs';
import { formatSummary, summarise } from './lib/profile-summary.mjs';

const PROFILE_BUILD = join(ROOT, 'bench/data/profile-build');
const PROFILES = join(ROOT, 'bench/data/profiles');
/** Sampling interval (µs): fine for the short start-up runs, coarser for the long ones. */
const INTERVAL = { startup: 50, 'large-csv': 500, 'many-files': 100 };

/** What the build needs from the repository; node_modules is linked, not copied. */
const COPIED = ['package.json', 'bin', 'scripts', 'schemas', 'data/plans', 'data/examples', 'src'];

function buildProfilingCopy() {
  rmSync(PROFILE_BUILD, { recursive: true, force: true });
  for (const path of COPIED) {
    cpSync(join(ROOT, path), join(PROFILE_BUILD, path), { recursive: true, filter: (source) => !/[\\/]src[\\/](.*[\\/])?generated([\\/]|$)/.test(source) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(PROFILE_BUILD, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: PROFILE_BUILD, env: { ...process.env, CCP_BUILD_SOURCEMAP: '1' }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the profiling build failed: ${built.stderr.trim().split('\n')[0] ?? ''}`);
  return 'bench/data/profile-build/bin/ccp.cjs';
}

/**
 * Profiles each ccp command once and prints the summaries.
 * @param {{ only?: string }} options
 * @returns {Promise<number>} the exit code
 */
export async function profile({ only }) {
  const log = (text) => process.stderr.write(`${text}\n`);
  const work = mkdtempSync(join(tmpdir(), 'ccp-bench-profile-'));
  try {
    const bin = buildProfilingCopy();
    let all = await benchmarks({ quick: true, work, log, bin });
    if (only !== undefined) all = all.filter((bench) => only.split(',').includes(bench.id));
    let broken = false;
    for (const bench of all) {
      log(`${bench.title}:`);
      await bench.prepare();
      for (const [i, subject] of bench.subjects.entries()) {
        const dir = join(PROFILES, `${bench.id}-${i + 1}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const args = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', String(INTERVAL[bench.id] ?? 100), ...subject.args];
        const run = await runNode(args, { cwd: ROOT, env: CHILD_ENV, memory: bench.memory, timeoutMs: bench.timeoutMs });
        const why = failure(run);
        process.stdout.write(`\n## ${bench.id}: ${subject.label}\n\nwall ${run.ms.toFixed(0)} ms${run.rssKiB === null ? '' : `, peak RSS ${(run.rssKiB / 1024).toFixed(0)} MiB`} (profiling slows it a little)\n`);
        if (why !== null) {
          // The profile of a failed run still says where its time went.
          broken = true;
          process.stdout.write(`ccp failed: ${why}\n`);
        }
        const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
        if (file === undefined) {
          process.stdout.write('no profile was written\n');
          continue;
        }
        const summary = summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
        process.stdout.write(`${formatSummary(summary)}\n(profile: ${join('bench/data/profiles', `${bench.id}-${i + 1}`, file)})\n`);
      }
    }
    return broken ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
