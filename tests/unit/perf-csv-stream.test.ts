import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import type { CliContext } from '../../src/cli/context.js';
import { createPool, evaluate, evaluatePool } from '../../src/evaluate/index.js';
import { streamCsv } from '../../src/load/index.js';
import type { Entry } from '../../src/model/measurement.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import { checkFiles } from '../../src/validate/index.js';
import { BIN } from '../helpers/bin.js';
import { testdir } from '../helpers/testdir.js';
import { sourceCount } from '../fixtures/evaluate/sources.js';

const AS_OF = '2026-11-27';
const INDICATORS = ['dossiers-e-transfer', 'dossiers-online', 'satisfaction-procedures', 'work-files-online', 'audit-recommendations-resolved'];
const HEADER = 'org,period,indicator,numerator,denominator';

/** A seeded generator, so each run reads the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` rows of distinct (org, month, indicator) groups, numerator ≤ denominator. */
function rows(count: number, seed = 7): string[] {
  const random = prng(seed);
  const out: string[] = [];
  for (let org = 1; out.length < count; org++) {
    for (let month = 1; month <= 12 && out.length < count; month++) {
      for (const indicator of INDICATORS) {
        if (out.length >= count) break;
        const denominator = 1 + Math.floor(random() * 500);
        const numerator = Math.floor(random() * (denominator + 1));
        out.push(`Xã ${String(org).padStart(5, '0')},2025-${String(month).padStart(2, '0')},${indicator},${numerator},${denominator}`);
      }
    }
  }
  return out;
}

/** The evaluation with each actual's sources reduced to how many entries they name: files and lines differ by layout. */
function comparable(evaluation: Evaluation) {
  return evaluation.results.map((result) => ({
    ...result,
    actual: result.actual === null ? null : { ...result.actual, sources: sourceCount(result.actual.sources) },
  }));
}

async function evaluateStreamed(paths: string[], cwd: string): Promise<{ evaluation: Evaluation; errors: number }> {
  const pool = createPool();
  const check = await checkFiles(paths, { cwd, onEntry: (entry) => pool.add(entry) });
  expect(check.plan).toBeDefined();
  return { evaluation: evaluatePool(check.plan!, pool, { asOf: AS_OF }), errors: check.summary.errors };
}

describe('a large CSV read as a stream', () => {
  it('200,000 rows in one file evaluate as the same rows split into 100 small files', async () => {
    const body = rows(200_000);
    const files: Record<string, string> = { 'big.csv': `${HEADER}\n${body.join('\n')}\n` };
    for (let i = 0; i < 100; i++) files[`parts/part-${String(i).padStart(3, '0')}.csv`] = `${HEADER}\n${body.slice(i * 2000, (i + 1) * 2000).join('\n')}\n`;
    const cwd = testdir(files);

    const whole = await evaluateStreamed(['big.csv'], cwd);
    const split = await evaluateStreamed(['parts'], cwd);
    expect(whole.errors).toBe(0);
    expect(split.errors).toBe(0);
    expect(comparable(whole.evaluation)).toEqual(comparable(split.evaluation));

    // Every row made its actual: one source per row, and the counts pooled are the rows' sums.
    const judged = whole.evaluation.results.filter((r) => r.year === 2025 && r.actual !== null);
    expect(judged.map((r) => r.indicator).sort()).toEqual([...INDICATORS].sort());
    for (const result of judged) {
      const mine = body.filter((line) => line.split(',')[2] === result.indicator);
      expect(sourceCount(result.actual!.sources)).toBe(mine.length);
      expect(result.actual!.numerator).toBe(mine.reduce((sum, line) => sum + Number(line.split(',')[3]), 0));
      expect(result.actual!.denominator).toBe(mine.reduce((sum, line) => sum + Number(line.split(',')[4]), 0));
    }
  }, 120_000);

  it('streamed into the pool, gives what collecting every entry first gives, sources and all', async () => {
    const body = rows(30_000, 11);
    const cwd = testdir({ 'm.csv': `${HEADER}\n${body.join('\n')}\n` });
    const streamed = await evaluateStreamed(['m.csv'], cwd);
    const collected = await checkFiles(['m.csv'], { cwd });
    const entries: Entry[] = collected.entries;
    expect(entries).toHaveLength(30_000);
    expect(streamed.evaluation).toEqual(evaluate(collected.plan!, [...entries].reverse(), { asOf: AS_OF }));
  }, 60_000);

  it('numbers rows by their line across chunks, blank lines, CRLF and quoted cells spanning lines', async () => {
    // Far more than one 64 KiB chunk, with the irregular lines spread through it.
    const lines: string[] = ['indicator;period;value;note'];
    let spanning = 0;
    for (let i = 0; i < 20_000; i++) {
      if (i % 997 === 0) lines.push('');
      const note = i % 1499 === 0 ? `"a note\r\nover two lines ${i}"` : `n${i}`;
      if (note.startsWith('"')) spanning++;
      lines.push(`dossiers-online;2025-${String((i % 12) + 1).padStart(2, '0')};${i % 100};${note}`);
    }
    // Line numbers as a reader counts them: each line break, inside quotes too, starts a line.
    let line = 0;
    const starts: number[] = [];
    for (const text of lines) {
      line += 1;
      starts.push(line);
      line += (text.match(/\r\n/g) ?? []).length;
    }
    const cwd = testdir({ 'm.csv': `${lines.join('\r\n')}\r\n` });
    const stream = streamCsv('m.csv', { cwd });
    const got: { line: number; note: string }[] = [];
    for await (const batch of stream.batches()) for (const row of batch) got.push({ line: row.line, note: String(row.values.note) });
    expect(stream.diagnostics).toEqual([]);
    const dataStarts = starts.filter((_, i) => i > 0 && lines[i] !== '');
    expect(got.map((r) => r.line)).toEqual(dataStarts);
    expect(got.filter((r) => r.note.includes('\n'))).toHaveLength(spanning);
    expect(got.every((r) => !r.note.includes('\r'))).toBe(true);
  }, 60_000);

  it('reads the same rows and problems whether the quoted-cell reader takes over at the first line or deep in the file', async () => {
    // Lines without quotes are split directly; from the first quote on, csv-parse reads. The
    // positions and messages must not depend on where that happens.
    const body = rows(30_000, 13).map((line) => `${line},n`);
    body[25_000] = body[25_000]!.replace(/,n$/, ',"a note, quoted"');
    body[27_000] = body[27_000]!.replace(/^Xã/, ' Xã').replace(/,n$/, ',  "spaced"  ');
    body[29_000] = body[29_000]!.replace(/,n$/, ',"never closed');
    const late = `${HEADER},note\n${body.join('\n')}\n`;
    const early = `${HEADER},note\n${body.map((line, i) => (i === 0 ? line.replace(/,n$/, ',"n"') : line)).join('\n')}\n`;
    const read = async (text: string) => {
      const stream = streamCsv('m.csv', { cwd: testdir({ 'm.csv': text }) });
      const got: unknown[] = [];
      for await (const row of stream) got.push(row);
      return { got, diagnostics: stream.diagnostics };
    };
    const a = await read(late);
    const b = await read(early);
    expect(a).toEqual(b);
    expect(a.got).toHaveLength(29_000);
    expect(a.diagnostics.map((d) => ({ code: d.code, line: d.line }))).toEqual([{ code: 'csv-syntax', line: 29_002 }]);
    expect((a.got[27_000] as { values: Record<string, unknown> }).values).toMatchObject({ org: body[27_000]!.split(',')[0]!.trim(), note: 'spaced' });
  }, 60_000);

  it('places a problem deep in a large file at its line and column, and leaves that row out', async () => {
    const body = rows(50_000, 3);
    // Row 40,000 (line 40,001) gets an ambiguous number in a ';' file, row 45,000 a ragged line.
    const text = body.map((line, i) => {
      const cells = line.split(',');
      if (i === 39_999) cells[3] = '1.200';
      if (i === 44_999) cells.push('extra');
      return cells.join(';');
    });
    const cwd = testdir({ 'm.csv': `${HEADER.split(',').join(';')}\n${text.join('\n')}\n` });
    const check = await checkFiles(['m.csv'], { cwd });
    const found = check.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
    const column = text[39_999]!.indexOf(';1.200;') + 2;
    expect(found).toEqual([
      { code: 'csv-ambiguous-decimal', line: 40_001, column },
      { code: 'csv-ragged-row', line: 45_001, column: 1 },
    ]);
    expect(check.entries).toHaveLength(50_000 - 2);
  }, 60_000);

  it('a pool with sparse org numbers pools as one with dense ones', () => {
    const entries: Entry[] = [];
    // Org numbers are given in order of first sight: period 2025-01 sees 3,000 orgs, 2025-02 only
    // every 500th, which a dense table would hold mostly empty.
    for (let org = 0; org < 3000; org++) {
      entries.push({ indicator: 'dossiers-online', period: '2025-01', org: `o${org}`, numerator: org % 7, denominator: 7, file: 'a.csv', line: org + 2 });
    }
    for (let org = 2999; org >= 0; org -= 500) {
      entries.push({ indicator: 'dossiers-online', period: '2025-02', org: `o${org}`, numerator: 1, denominator: 2, file: 'b.csv', line: org + 2 });
    }
    const forward = createPool();
    for (const entry of entries) forward.add(entry);
    const backward = createPool();
    for (const entry of [...entries].reverse()) backward.add(entry);
    const a = forward.actual('dossiers-online', 2025, 'percent');
    expect(a).toEqual(backward.actual('dossiers-online', 2025, 'percent'));
    expect(a.actual?.numerator).toBe(entries.reduce((sum, e) => sum + e.numerator!, 0));
    expect(sourceCount(a.actual?.sources ?? [])).toBe(3006);
    expect(a.actual?.sources.map((s) => s.file)).toEqual(['a.csv', 'b.csv']);
    const feb = createPool();
    for (const entry of entries.filter((e) => e.period === '2025-02')) feb.add(entry);
    expect(feb.size).toBe(6);
    expect(forward.size).toBe(3006);
  });
});

describe('peak memory of ccp evaluate on a large CSV', () => {
  it('stays bounded on 300,000 rows (built bin, peak RSS of the child)', () => {
    if (!existsSync(join(BIN, '../../dist/cli/main.cjs'))) return;
    const cwd = testdir({});
    mkdirSync(join(cwd, 'd'));
    writeFileSync(join(cwd, 'd/big.csv'), `${HEADER}\n${rows(300_000, 5).join('\n')}\n`);
    const rss = join(cwd, 'rss.txt');
    const run = spawnSync(
      process.execPath,
      ['--import', join(BIN, '../../bench/max-rss.mjs'), BIN, 'evaluate', 'd/big.csv', '--as-of', AS_OF, '--format', 'json', '--output', 'out.json'],
      { cwd, env: { PATH: process.env.PATH, NO_COLOR: '1', CCP_BENCH_RSS_FILE: rss }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const peakKiB = Number(spawnSync('cat', [rss], { encoding: 'utf8' }).stdout.split(' ')[0]);
    // Generous: what matters is that it does not grow with every row held (that took ~600 MiB).
    expect(peakKiB / 1024).toBeLessThan(350);
  }, 180_000);
});

describe('the progress line', () => {
  function context(isTTY: boolean): { ctx: CliContext; written: string[] } {
    const written: string[] = [];
    const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as CliContext['stderr'];
    return { ctx: { stdout: stream, stderr: stream, env: {}, cwd: '/' }, written };
  }

  it('writes nothing when stderr is not a terminal', () => {
    const { ctx, written } = context(false);
    const progress = createProgress(ctx, () => 0);
    progress.update('big.csv', 1, 100 * 1024 * 1024);
    progress.done();
    expect(written).toEqual([]);
  });

  it('redraws at most every 100 ms, shows the end, and clears the line', () => {
    const { ctx, written } = context(true);
    let now = 0;
    const progress = createProgress(ctx, () => now);
    const total = 50 * 1024 * 1024;
    for (let i = 1; i <= 100; i++) {
      now = i * 10; // every 10 ms: 1,000 ms in all
      progress.update('big.csv', (total / 100) * i, total);
    }
    // 10 redraws over 1 s, plus the final 100 %.
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written.at(-1)).toContain('100%');
    expect(written.every((text) => text.startsWith('\r'))).toBe(true);
    progress.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('stays quiet for a small file', () => {
    const { ctx, written } = context(true);
    const progress = createProgress(ctx, () => 0);
    progress.update('small.csv', 1000, 2000);
    progress.done();
    expect(written).toEqual([]);
  });
});
