import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Trend } from '../../src/diff/trend.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));
const ESC = String.fromCharCode(27);
const BASE = ['--plan', 'plans/v1.yaml', '--as-of', '2024-12-20'];

function trendIn(args: string[], cwd = FIXTURE) {
  return runCli(['trend', ...args], { cwd });
}

describe('ccp trend', () => {
  it('gives one column per year of data and the pooled actual of each (json)', async () => {
    const run = await trendIn(['y2024', ...BASE, '--format', 'json', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const trend = JSON.parse(run.stdout) as Trend;
    expect(trend.years).toEqual([2022, 2023, 2024]);
    const online = trend.rows.find((row) => row.indicator === 'dossiers-online');
    // 300/1000, 420/1000, 465/1000
    expect(online?.points.map((p) => p?.value)).toEqual([30, 42, 46.5]);
    expect(online?.targets).toEqual([{ target: 'dossiers-online@2025', year: 2025, requirement: { atLeast: 50 }, required: 50 }]);
    expect(online?.sparkline).toHaveLength(3);
    const reports = trend.rows.find((row) => row.indicator === 'reports-digital');
    expect(reports?.points[2]).toBeNull();
  });

  it('cuts the data at the as-of date', async () => {
    const run = await trendIn(['y2024', '--plan', 'plans/v1.yaml', '--as-of', '2023-12-01', '--format', 'json']);
    expect((JSON.parse(run.stdout) as Trend).years).toEqual([2022, 2023]);
  });

  it('keeps only the areas asked for, and refuses an unknown one (exit 2)', async () => {
    const run = await trendIn(['y2024', ...BASE, '--format', 'json', '--area', 'e-government']);
    expect((JSON.parse(run.stdout) as Trend).rows.map((row) => row.indicator)).toEqual(['reports-digital', 'permits-issued']);
    const bad = await trendIn(['y2024', ...BASE, '--area', 'egov']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('e-government');
  });

  it('prints no trend for data with errors (exit 1, diagnostics by code)', async () => {
    const run = await trendIn(['bad', ...BASE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('numerator-exceeds-denominator');
  });

  it('refuses a bad format (exit 2) and a folder without data (exit 2)', async () => {
    expect((await trendIn(['y2024', ...BASE, '--format', 'html'])).code).toBe(2);
    const empty = testdir({ 'notes.txt': 'nothing' });
    expect((await trendIn(['.', '--as-of', '2024-12-20'], empty)).code).toBe(2);
  });

  it('needs paths or a data/ folder', async () => {
    const run = await trendIn(['--as-of', '2024-12-20'], testdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('data/');
  });

  it('prints a table with sparklines, no colour, no line wider than 100, in both languages', async () => {
    for (const lang of ['en', 'vi']) {
      const run = await trendIn(['y2024', ...BASE, '--lang', lang]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toContain(ESC);
      for (const line of run.stdout.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
      expect(run.stdout).toMatch(/[▁▂▃▄▅▆▇█]{3}/);
      expect(run.stdout).toContain(lang === 'en' ? '46.5%' : '46,5%');
    }
  });

  it('writes CSV for spreadsheets: BOM, CRLF, a column per year, dot decimals', async () => {
    const run = await trendIn(['y2024', ...BASE, '--format', 'csv', '--lang', 'vi']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    expect(run.stdout).toContain('\r\n');
    const rows = parse(run.stdout.slice(1)) as string[][];
    const header = rows[0] ?? [];
    expect(header.slice(4, 7)).toEqual(['2022', '2023', '2024']);
    const online = rows.find((row) => row[1] === 'dossiers-online');
    expect(online?.slice(4, 7)).toEqual(['30', '42', '46.5']);
  });

  it('makes spreadsheet formulas from data inert in CSV', async () => {
    const plan = `apiVersion: ccp/v1
kind: Plan
id: inj
version: 1
title: "=HYPERLINK(1)"
document: { number: "1", date: "2021-12-15", issuer: "x" }
period: [2021, 2030]
areas: [{ id: a, title: "@SUM(1)" }]
indicators:
  - id: x
    area: a
    measure: count
    title: "+cmd"
    targets: [{ by: 2025, atLeast: 5, ref: "I" }]
`;
    const data = 'apiVersion: ccp/v1\nkind: Measurements\nplan: inj\nperiod: 2023\nmeasurements:\n  - indicator: x\n    value: -3\n';
    const dir = testdir({ 'plan.yaml': plan, 'data/2023.yaml': data });
    const run = await trendIn(['data', '--plan', 'plan.yaml', '--as-of', '2024-12-20', '--format', 'csv'], dir);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse(run.stdout.slice(1)) as string[][];
    expect(rows[1]?.[0]).toBe("'@SUM(1)");
    expect(rows[1]?.[2]).toBe("'+cmd");
    expect(rows[1]?.[4]).toBe('-3');
  });

  it.each(['en', 'vi'])('golden Markdown (%s)', async (lang) => {
    const run = await trendIn(['y2024', ...BASE, '--lang', lang, '--format', 'md']);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`../golden/trend-measurements.${lang}.md`);
  });
});
