/**
 * `--output` under Ctrl-C: the built bin evaluates a large CSV and is interrupted, once while
 * it reads and once while its temporary file is being written. The old report must survive
 * whole and no temporary file may be left behind.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, readlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { testdir } from '../helpers/testdir.js';

const OLD = 'the report of last year, which must survive\n';
const ROWS_PER_ORG = 4 * 12;

/** A measurements CSV of `orgs` × 4 indicators × 12 months for the shipped plan. */
async function bigCsv(path: string, orgs: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('indicator,period,org,numerator,denominator,plan\n');
  const indicators = ['dossiers-online', 'dossiers-e-transfer', 'satisfaction-procedures', 'work-files-online'];
  for (let org = 0; org < orgs; org++) {
    let chunk = '';
    for (const indicator of indicators) {
      for (let month = 1; month <= 12; month++) {
        chunk += `${indicator},2025-${String(month).padStart(2, '0')},Xã ${org},${((org * 7 + month) % 50) + 10},100,daklak-sgtvt-cchc-2021-2030\n`;
      }
    }
    if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  interrupted: boolean;
}

/** Where the test can see which files a process has open: Linux's /proc. */
const PROC_FD = '/proc/self/fd';

/** Whether process `pid` has `file` open (as /proc shows its descriptors). */
function hasOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * Runs `ccp evaluate big.csv --format json --output out.json` in `dir` and sends SIGINT: after
 * `when` ms; with 'reading', the moment the process has big.csv open (a fixed delay would land
 * after the run on a fast machine); with 'writing', the moment the temporary file appears.
 */
function interrupt(dir: string, when: number | 'reading' | 'writing'): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'evaluate', 'big.csv', '--as-of', '2026-11-27', '--format', 'json', '--output', 'out.json'], {
      cwd: dir,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    let interrupted = false;
    const send = () => {
      if (interrupted || child.exitCode !== null) return;
      interrupted = true;
      child.kill('SIGINT');
    };
    const watcher =
      when === 'writing'
        ? watch(dir, (_event, name) => {
            if (name !== null && name.includes('.ccp-tmp-')) send();
          })
        : undefined;
    const input = join(dir, 'big.csv');
    const poll =
      when === 'reading'
        ? setInterval(() => {
            if (child.pid !== undefined && hasOpen(child.pid, input)) send();
          }, 1)
        : undefined;
    const timer = typeof when === 'number' ? setTimeout(send, when) : undefined;
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      watcher?.close();
      if (poll !== undefined) clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
      done({ code, signal, interrupted });
    });
  });
}

describe('SIGINT during ccp evaluate --output, the built bin', () => {
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(BIN.replace(/bin[\\/]ccp\.cjs$/, 'dist/cli/main.cjs'))) {
      throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
    }
    dir = testdir();
    // Every pooled row's line is in the JSON report's sources, so the report is large too
    // (the CSV report shows only the first lines of each file).
    await bigCsv(join(dir, 'big.csv'), Math.ceil(40_000 / ROWS_PER_ORG));
  }, 60_000);

  let whole = '';

  it('uninterrupted, the run replaces the report whole', async () => {
    writeFileSync(join(dir, 'out.json'), OLD);
    const outcome = await interrupt(dir, 600_000);
    expect(outcome.code).toBe(0);
    whole = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(JSON.parse(whole)).toMatchObject({ kind: 'Evaluation' });
    expect(whole.length).toBeGreaterThan(100_000);
    expect(readdirSync(dir).sort()).toEqual(['big.csv', 'out.json']);
  }, 60_000);

  it.skipIf(!existsSync(PROC_FD))('while reading: the old report is untouched, nothing else is left', async () => {
    writeFileSync(join(dir, 'out.json'), OLD);
    const outcome = await interrupt(dir, 'reading');
    expect(outcome.interrupted).toBe(true);
    expect(outcome.code === 130 || outcome.signal === 'SIGINT', JSON.stringify(outcome)).toBe(true);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(OLD);
    expect(readdirSync(dir).sort()).toEqual(['big.csv', 'out.json']);
  }, 60_000);

  it.each([1, 2, 3])('while writing the temporary file (run %i): the old report or the whole new one, never a part', async () => {
    writeFileSync(join(dir, 'out.json'), OLD);
    const outcome = await interrupt(dir, 'writing');
    const shown = JSON.stringify(outcome);
    expect(readdirSync(dir).sort(), shown).toEqual(['big.csv', 'out.json']);
    const report = readFileSync(join(dir, 'out.json'), 'utf8');
    if (report === OLD) {
      expect(outcome.code === 130 || outcome.signal === 'SIGINT', shown).toBe(true);
    } else {
      // The rename won the race against the signal: then the new report is whole.
      expect(report.length, shown).toBe(whole.length);
      expect(report === whole, shown).toBe(true);
    }
  }, 60_000);
});
