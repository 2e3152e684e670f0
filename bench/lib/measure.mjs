import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const MAX_RSS_HOOK = new URL('../max-rss.mjs', import.meta.url).href;
const KEEP_BYTES = 1 << 20;

/** How peak memory is measured on this machine: `time -f %M`, else a `--import` hook. */
export const memoryProbe = existsSync(TIME) ? 'time' : 'import';

/**
 * Runs `node <args>` once and times it from spawn to exit, wall clock.
 * With `memory`, also reads the child's peak RSS (KiB) and its CPU time (user + system):
 * through /usr/bin/time when there is one (it wraps every run of the benchmark, ccp's and
 * the baseline's alike, so both pay the same small cost), else through a hook that reads
 * `process.resourceUsage()` at exit. CPU time barely moves when other work shares the
 * machine, where wall time does; time(1) counts it in hundredths of a second, so it is
 * coarse for the start-up benchmark (a run takes a few tens of hundredths).
 * @param {string[]} args node's arguments
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, memory?: boolean, timeoutMs: number }} options
 * @returns {Promise<{ ms: number, code: number | null, signal: string | null, timedOut: boolean,
 *   stdout: string, stderr: string, rssKiB: number | null, cpuMs: number | null }>}
 */
export async function runNode(args, { cwd, env, memory = false, timeoutMs }) {
  let command = process.execPath;
  let argv = args;
  let rssDir;
  let rssFile;
  let childEnv = env;
  if (memory) {
    rssDir = mkdtempSync(join(tmpdir(), 'ccp-bench-rss-'));
    rssFile = join(rssDir, 'rss');
    if (memoryProbe === 'time') {
      command = TIME;
      argv = ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args];
    } else {
      argv = ['--import', MAX_RSS_HOOK, ...args];
      childEnv = { ...env, CCP_BENCH_RSS_FILE: rssFile };
    }
  }
  const started = process.hrtime.bigint();
  const child = spawn(command, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunks) => {
    let size = 0;
    return {
      add(chunk) {
        if (size < KEEP_BYTES) chunks.push(chunk);
        size += chunk.length;
      },
    };
  };
  const out = [];
  const err = [];
  const outKeep = keep(out);
  const errKeep = keep(err);
  child.stdout.on('data', (chunk) => outKeep.add(chunk));
  child.stderr.on('data', (chunk) => errKeep.add(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearTimeout(timer);
  let rssKiB = null;
  let cpuMs = null;
  if (rssFile !== undefined) {
    if (existsSync(rssFile)) {
      // time(1) writes "Command exited with non-zero status N" above the numbers on failure.
      const lines = readFileSync(rssFile, 'utf8').split('\n').filter((line) => /^\d+ [\d.]+ [\d.]+$/.test(line.trim()));
      if (lines.length > 0) {
        const [kib, user, system] = lines[lines.length - 1].trim().split(' ').map(Number);
        rssKiB = kib;
        cpuMs = (user + system) * 1000;
      }
    }
    rmSync(rssDir, { recursive: true, force: true });
  }
  return {
    ms,
    code,
    signal,
    timedOut,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    rssKiB,
    cpuMs,
  };
}

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Why a run did not succeed, in one line, or null when it did. */
export function failure(run) {
  if (run.timedOut) return 'timed out';
  if (run.signal !== null) return `killed by ${run.signal}`;
  if (run.code === 0) return null;
  const firstLine = (text) => text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
  const said = firstLine(run.stderr) || firstLine(run.stdout).slice(0, 200) || '(no output)';
  return `exit ${run.code}: ${said}`;
}
