import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Evaluation } from '../../src/model/evaluation.js';
import { statusLabel, statusSymbol } from '../../src/report/i18n.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/report/cli/', import.meta.url));
const ESC = String.fromCharCode(27);
/** Every run names its plan, date and language, so nothing depends on the machine or the day. */
const BASE = ['--plan', 'plan.yaml', '--as-of', '2026-01-10'];

function evaluateIn(args: string[], env?: NodeJS.ProcessEnv, cwd = FIXTURE) {
  return runCli(['evaluate', ...args], { cwd, env });
}

async function evaluationJson(args: string[] = []): Promise<Evaluation> {
  const run = await evaluateIn(['data', ...BASE, '--lang', 'en', '--format', 'json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Evaluation;
}

/** A folder holding a copy of the fixture, for runs that write or break files. */
function copyOfFixture(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'plan.yaml': readFileSync(join(FIXTURE, 'plan.yaml'), 'utf8') };
  for (const name of readdirSync(join(FIXTURE, 'data'))) files[`data/${name}`] = readFileSync(join(FIXTURE, 'data', name), 'utf8');
  return testdir({ ...files, ...extra });
}

describe('ccp evaluate: options', () => {
  it.each([
    [['--format', 'pdf'], 'format'],
    [['--fail-on', 'met'], 'fail-on'],
    [['--fail-on', 'mised'], 'fail-on'],
    [['--status', 'late'], 'status'],
    [['--status', 'met,nodata'], 'status'],
    [['--horizon', '25'], 'horizon'],
    [['--horizon', '2027'], 'horizon'],
    [['--area', 'procedure'], 'area'],
    [['--lang', 'fr'], 'lang'],
    [['--as-of', '2026-02-30'], 'as-of'],
  ])('%j is a usage error (exit 2) naming the option', async (args, option) => {
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(option);
    expect(run.stdout).toBe('');
  });

  it('lists the allowed values in a usage error', async () => {
    const failOn = await evaluateIn(['data', ...BASE, '--lang', 'en', '--fail-on', 'bad']);
    for (const value of ['missed', 'off-track', 'at-risk', 'no-data']) expect(failOn.stderr).toContain(value);
    const area = await evaluateIn(['data', ...BASE, '--lang', 'en', '--area', 'procedure']);
    expect(area.stderr).toContain("'procedures'");
  });

  it('without paths reads the data/ folder of the working directory', async () => {
    const withPath = await evaluateIn(['data', ...BASE, '--lang', 'en', '--format', 'json']);
    const without = await evaluateIn([...BASE, '--lang', 'en', '--format', 'json']);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stdout).toBe(withPath.stdout);
  });

  it('without paths and without a data/ folder is a usage error', async () => {
    const dir = testdir({ 'plan.yaml': readFileSync(join(FIXTURE, 'plan.yaml'), 'utf8') });
    const run = await evaluateIn([...BASE, '--lang', 'en'], undefined, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('data/');
  });

  it('a path without measurement files is a usage error', async () => {
    const run = await evaluateIn(['plan.yaml', ...BASE, '--lang', 'en']);
    expect(run.code).toBe(2);
  });

  it('a missing path is exit 2', async () => {
    const run = await evaluateIn(['nowhere.yaml', ...BASE, '--lang', 'en']);
    expect(run.code).toBe(2);
  });
});

describe('ccp evaluate: output', () => {
  it('json follows the contract and counts what it shows', async () => {
    const evaluation = await evaluationJson();
    expect(evaluation.apiVersion).toBe('ccp/v1');
    expect(evaluation.kind).toBe('Evaluation');
    expect(evaluation.plan).toEqual({ id: 'report-test-plan', version: 3 });
    expect(evaluation.asOf).toBe('2026-01-10');
    for (const status of STATUSES) {
      expect(evaluation.summary[status]).toBe(evaluation.results.filter((r) => r.status === status).length);
      expect(evaluation.summary[status], status).toBeGreaterThan(0);
    }
  });

  it.each([
    [['--area', 'civil-service'], (e: Evaluation) => e.results.every((r) => r.area === 'civil-service')],
    [['--area', 'procedures', '--area', 'civil-service'], (e: Evaluation) => e.results.every((r) => r.area !== 'e-government')],
    [['--horizon', '2030'], (e: Evaluation) => e.results.every((r) => r.year === 2030)],
    [['--status', 'missed,no-data'], (e: Evaluation) => e.results.every((r) => r.status === 'missed' || r.status === 'no-data')],
  ] as const)('filters %j', async (args, holds) => {
    const all = await evaluationJson();
    const some = await evaluationJson([...args]);
    expect(some.results.length).toBeGreaterThan(0);
    expect(some.results.length).toBeLessThan(all.results.length);
    expect(holds(some)).toBe(true);
    expect(Object.values(some.summary).reduce((a, b) => a + b, 0)).toBe(some.results.length);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`prints the table in ${lang}, no wider than 100 columns`, async () => {
      const run = await evaluateIn(['data', ...BASE, '--lang', lang]);
      expect(run.code, run.stderr).toBe(0);
      for (const status of STATUSES) expect(run.stdout).toContain(`${statusSymbol(status)} ${statusLabel(status, lang)}`);
      for (const line of run.stdout.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(100);
      expect(run.stdout).not.toContain(ESC);
    });
  }

  it('takes the language from CCP_LANG when --lang is not given', async () => {
    const run = await evaluateIn(['data', ...BASE], { CCP_LANG: 'vi' });
    expect(run.stdout).toContain(statusLabel('met', 'vi'));
  });

  it('colours the table only when allowed', async () => {
    const forced = await evaluateIn(['data', ...BASE, '--lang', 'en'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(ESC);
    const noColorFlag = await evaluateIn(['data', ...BASE, '--lang', 'en', '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(noColorFlag.stdout).not.toContain(ESC);
    const noColorEnv = await evaluateIn(['data', ...BASE, '--lang', 'en'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(noColorEnv.stdout).not.toContain(ESC);
  });

  it('csv is for spreadsheets: BOM, CRLF, a row per result', async () => {
    const evaluation = await evaluationJson();
    const run = await evaluateIn(['data', ...BASE, '--lang', 'vi', '--format', 'csv']);
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parse(run.stdout.slice(1)) as string[][];
    expect(rows).toHaveLength(evaluation.results.length + 1);
    expect(run.stdout.split('\r\n')).toHaveLength(evaluation.results.length + 2);
  });

  it('html is a whole page', async () => {
    const run = await evaluateIn(['data', ...BASE, '--lang', 'vi', '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(run.stdout).not.toContain('<b>');
  });

  it('md and csv match their golden files (vi and en)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const md = await evaluateIn(['data', ...BASE, '--lang', lang, '--format', 'md']);
      expect(md.code, md.stderr).toBe(0);
      await expect(md.stdout).toMatchFileSnapshot(`../golden/evaluate-${lang}.md`);
      const csv = await evaluateIn(['data', ...BASE, '--lang', lang, '--format', 'csv']);
      expect(csv.code, csv.stderr).toBe(0);
      await expect(csv.stdout).toMatchFileSnapshot(`../golden/evaluate-${lang}.csv`);
    }
  });
});

describe('ccp evaluate: --fail-on', () => {
  it.each([
    [[], 0],
    [['--fail-on', 'missed'], 1],
    [['--fail-on', 'off-track'], 1],
    [['--fail-on', 'at-risk'], 1],
    [['--fail-on', 'no-data'], 1],
    [['--fail-on', 'missed', '--status', 'met,on-track'], 0],
    [['--fail-on', 'at-risk', '--area', 'civil-service', '--horizon', '2030'], 0],
    [['--fail-on', 'off-track', '--status', 'at-risk'], 0],
    [['--fail-on', 'no-data', '--status', 'missed'], 0],
  ] as const)('%j exits %i, after writing the report', async (args, code) => {
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en', ...args]);
    expect(run.code, run.stderr).toBe(code);
    expect(run.stdout).toContain('┌');
  });
});

describe('ccp evaluate: data with errors', () => {
  it('prints the diagnostics, no report, exit 1', async () => {
    const dir = copyOfFixture({
      'data/bad.yaml': 'apiVersion: ccp/v1\nkind: Measurements\nplan: report-test-plan\nperiod: 2025\nmeasurements:\n  - indicator: dossiers-e-transfr\n    value: 50\n',
    });
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en'], undefined, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown-indicator');
    expect(run.stderr).toContain('bad.yaml');
  });

  it('prints warnings and goes on', async () => {
    const twice = 'apiVersion: ccp/v1\nkind: Measurements\nplan: report-test-plan\nperiod: 2022\nmeasurements:\n  - indicator: inspections-digital\n    value: 19\n';
    const dir = copyOfFixture({ 'data/a.yaml': twice, 'data/b.yaml': twice });
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en'], undefined, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('identical-duplicate');
    expect(run.stdout).toContain('┌');
  });
});

describe('ccp evaluate: --output', () => {
  it('writes the report to the file and nothing to stdout', async () => {
    const dir = copyOfFixture();
    const run = await evaluateIn(['data', ...BASE, '--lang', 'vi', '--format', 'md', '--output', 'report.md'], undefined, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const written = readFileSync(join(dir, 'report.md'), 'utf8');
    const direct = await evaluateIn(['data', ...BASE, '--lang', 'vi', '--format', 'md'], undefined, dir);
    expect(written).toBe(direct.stdout);
  });

  it('writes a table without colour to a file even when colour is forced', async () => {
    const dir = copyOfFixture();
    await evaluateIn(['data', ...BASE, '--lang', 'en', '--output', 'table.txt'], { NO_COLOR: '', FORCE_COLOR: '1' }, dir);
    expect(readFileSync(join(dir, 'table.txt'), 'utf8')).not.toContain(ESC);
  });

  it('leaves an existing file unchanged when the data has errors', async () => {
    const dir = copyOfFixture({ 'data/bad.yaml': 'apiVersion: ccp/v1\nkind: Measurements\nplan: report-test-plan\nperiod: 2025\nmeasurements:\n  - indicator: dossiers-online\n    value: 150\n' });
    writeFileSync(join(dir, 'report.md'), 'previous report\n');
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en', '--format', 'md', '--output', 'report.md'], undefined, dir);
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('previous report\n');
  });

  it('leaves an existing file unchanged when an option is bad', async () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, 'report.md'), 'previous report\n');
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en', '--area', 'nope', '--output', 'report.md'], undefined, dir);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('previous report\n');
  });

  it('fails with exit 2 and leaves no file when the folder does not exist', async () => {
    const dir = copyOfFixture();
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en', '--output', 'missing/report.md'], undefined, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const dir = copyOfFixture();
    mkdirSync(join(dir, 'out.md'));
    const run = await evaluateIn(['data', ...BASE, '--lang', 'en', '--format', 'md', '--output', 'out.md'], undefined, dir);
    expect(run.code).toBe(2);
    expect(readdirSync(dir).filter((name) => name.includes('ccp-tmp'))).toEqual([]);
  });
});

describe('ccp evaluate: on a terminal', () => {
  it('fits the terminal it is given', async () => {
    const { Writable } = await import('node:stream');
    const { run } = await import('../../src/cli/main.js');
    let out = '';
    const stdout = Object.assign(
      new Writable({
        write(chunk: unknown, _encoding, done) {
          out += String(chunk);
          done();
        },
      }),
      { isTTY: true, columns: 64 },
    );
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await run(['evaluate', 'data', ...BASE, '--lang', 'vi'], { stdout, stderr, env: { NO_COLOR: '1' }, cwd: FIXTURE });
    expect(code).toBe(0);
    expect(out).toContain('┌');
    for (const line of out.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(64);
  });
});
