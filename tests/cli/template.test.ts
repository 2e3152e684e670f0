import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const PLAN_FILE = fileURLToPath(new URL('../../data/plans/daklak-sgtvt-cchc-2021-2030.yaml', import.meta.url));

interface RawIndicator {
  id: string;
  area: string;
  measure: 'percent' | 'count' | 'milestone';
  title: { vi: string; en: string };
  numerator?: unknown;
  targets: { by?: number; everyYear?: [number, number] }[];
}
const plan = parse(readFileSync(PLAN_FILE, 'utf8')) as { id: string; indicators: RawIndicator[] };
const measureOf = new Map(plan.indicators.map((indicator) => [indicator.id, indicator.measure]));

/** The indicators with something left to report in `year`, read straight from the plan file. */
function dueOrTracked(year: number): string[] {
  return plan.indicators
    .filter((indicator) => indicator.targets.some((t) => (t.by !== undefined ? t.by >= year : (t.everyYear?.[1] ?? 0) >= year)))
    .map((indicator) => indicator.id);
}

/** Fills every empty field the way a person would, without touching the file's structure. */
function fillYaml(text: string): string {
  return text
    .replace(/^(\s+)numerator:/gmu, '$1numerator: 45')
    .replace(/^(\s+)denominator:/gmu, '$1denominator: 50')
    .replace(/^(\s+)value:/gmu, '$1value: 91.5')
    .replace(/^(\s+)status:/gmu, '$1status: in-progress');
}

async function template(args: string[], cwd?: string) {
  return runCli(['template', ...args], cwd === undefined ? {} : { cwd });
}

async function validate(file: string, cwd: string) {
  const run = await runCli(['validate', '--format', 'json', file], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as { summary: { errors: number; warnings: number }; diagnostics: { code: string; line: number }[] } };
}

describe('ccp template --format yaml', () => {
  it('has one entry per indicator due or tracked in the period, and names the plan', async () => {
    for (const year of [2022, 2026, 2030]) {
      const run = await template(['--period', String(year)]);
      expect(run.code).toBe(0);
      const doc = parse(run.stdout) as { plan: string; period: number; measurements: { indicator: string }[] };
      expect(doc.plan).toBe(plan.id);
      expect(doc.period).toBe(year);
      expect(doc.measurements.map((m) => m.indicator)).toEqual(dueOrTracked(year));
    }
  });

  it('leaves out indicators whose targets are all in the past, keeps the every-year ones', async () => {
    const doc = parse((await template(['--period', '2026'])).stdout) as { measurements: { indicator: string }[] };
    const ids = doc.measurements.map((m) => m.indicator);
    expect(ids).not.toContain('dossiers-e-transfer');
    expect(ids).toContain('audit-recommendations-resolved');
    expect(ids).toContain('inspections-digital');
  });

  it('puts the Vietnamese title in a comment above each entry, whatever --lang', async () => {
    for (const lang of ['en', 'vi']) {
      const lines = (await template(['--period', '2026', '--lang', lang])).stdout.split('\n');
      for (const id of dueOrTracked(2026)) {
        const at = lines.indexOf(`  - indicator: ${id}`);
        expect(at, id).toBeGreaterThan(0);
        const title = plan.indicators.find((indicator) => indicator.id === id)?.title.vi ?? '';
        expect(lines[at - 1], id).toBe(`  # ${title}`);
      }
    }
  });

  it('gives each measure its empty field: status for milestones, counts for shares, value otherwise', async () => {
    const doc = parse((await template(['--period', '2026'])).stdout) as { measurements: Record<string, unknown>[] };
    for (const entry of doc.measurements) {
      const id = String(entry.indicator);
      const indicator = plan.indicators.find((candidate) => candidate.id === id);
      const keys = Object.keys(entry).filter((key) => key !== 'indicator').sort();
      if (indicator?.measure === 'milestone') expect(keys, id).toEqual(['status']);
      else if (indicator?.numerator !== undefined) expect(keys, id).toEqual(['denominator', 'numerator']);
      else expect(keys, id).toEqual(['value']);
      for (const key of keys) expect(entry[key], id).toBeNull();
    }
  });

  it('lists the allowed statuses beside every status field', async () => {
    const lines = (await template(['--period', '2026'])).stdout.split('\n').filter((line) => /^\s+status:/u.test(line));
    expect(lines.length).toBe(dueOrTracked(2026).filter((id) => measureOf.get(id) === 'milestone').length);
    for (const line of lines) expect(line).toMatch(/#.*done.*in-progress.*not-started/u);
  });

  it('passes ccp validate once filled in, without structural edits', async () => {
    for (const period of ['2026', '2026-H1', '2027-Q3', '2028-05']) {
      const dir = testdir();
      const made = await template(['--period', period, '--output', 'entry.yaml'], dir);
      expect(made.code).toBe(0);
      const file = join(dir, 'entry.yaml');
      writeFileSync(file, fillYaml(readFileSync(file, 'utf8')));
      const checked = await validate('entry.yaml', dir);
      expect(checked.report.diagnostics, period).toEqual([]);
      expect(checked.code, period).toBe(0);
    }
  });

  it('passes ccp validate filled in for one org, the org written once for the file', async () => {
    const dir = testdir();
    await template(['--period', '2026', '--org', 'Phòng Quản lý vận tải', '--output', 'org.yaml'], dir);
    const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect((parse(text) as { org: string }).org).toBe('Phòng Quản lý vận tải');
    writeFileSync(join(dir, 'org.yaml'), fillYaml(text));
    expect((await validate('org.yaml', dir)).code).toBe(0);
  });

  it('fails ccp validate unfilled, with one diagnostic per empty field and no crash', async () => {
    const dir = testdir();
    await template(['--period', '2026', '--output', 'empty.yaml'], dir);
    const text = readFileSync(join(dir, 'empty.yaml'), 'utf8');
    const emptyLines = text
      .split('\n')
      .flatMap((line, i) => (/^\s+(numerator|denominator|value|status):\s*(#.*)?$/u.test(line) ? [i + 1] : []));
    const checked = await validate('empty.yaml', dir);
    expect(checked.code).toBe(1);
    expect(checked.report.summary.errors).toBe(emptyLines.length);
    expect(checked.report.diagnostics.map((d) => d.line).sort((a, b) => a - b)).toEqual(emptyLines);
    for (const d of checked.report.diagnostics) expect(['missing-value', 'wrong-type', 'invalid-value']).toContain(d.code);
  });

  it('names the schema by a path that leads to it from where the file is written', async () => {
    const dir = testdir({ 'reports/2026/.keep': '' });
    const made = await template(['--period', '2026', '--output', 'reports/2026/t.yaml'], dir);
    expect(made.code).toBe(0);
    const first = readFileSync(join(dir, 'reports/2026/t.yaml'), 'utf8').split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(.+)$/u.exec(first);
    expect(match).not.toBeNull();
    const schema = resolve(dir, 'reports/2026', match?.[1] ?? '');
    expect(existsSync(schema)).toBe(true);
    expect((JSON.parse(readFileSync(schema, 'utf8')) as { $id: string }).$id).toBe('urn:ccp:schema:measurements:v1');
    expect(dirname(schema).endsWith('schemas')).toBe(true);
  });
});

describe('ccp template --format csv', () => {
  it('has a title column and one row per indicator, period and org filled in', async () => {
    const run = await template(['--period', '2026-H1', '--format', 'csv', '--org', 'Văn phòng Sở']);
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.indicator)).toEqual(dueOrTracked(2026));
    for (const row of rows) {
      expect(row.title).toBe(plan.indicators.find((indicator) => indicator.id === row.indicator)?.title.vi);
      expect(row.period).toBe('2026-H1');
      expect(row.org).toBe('Văn phòng Sở');
      expect(row.plan).toBe(plan.id);
      expect([row.value, row.numerator, row.denominator, row.status]).toEqual(['', '', '', '']);
    }
  });

  it('passes ccp validate once its cells are filled in', async () => {
    const dir = testdir();
    expect((await template(['--period', '2027', '--format', 'csv', '--output', 'entry.csv'], dir)).code).toBe(0);
    const file = join(dir, 'entry.csv');
    const rows = parseCsv(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    for (const row of rows) {
      if (measureOf.get(row.indicator ?? '') === 'milestone') row.status = 'done';
      else row.value = '88.5';
    }
    writeFileSync(file, `\uFEFF${stringifyCsv(rows, { header: true })}`);
    const checked = await validate('entry.csv', dir);
    expect(checked.report.diagnostics).toEqual([]);
    expect(checked.code).toBe(0);
  });
});

describe('ccp template: mistakes', () => {
  it.each([
    [['--period', '26']],
    [['--period', '2026-H3']],
    [['--period', '2026-13']],
    [['--period', '2035']],
    [['--period', '2019']],
    [['--period', '2026', '--format', 'json']],
    [['--period', '2026', '--org', ' ']],
    [[]],
  ])('refuses %j with exit 2', async (args) => {
    const run = await template(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toBe('');
  });

  it('prints the diagnostics of a plan with errors and exits 1', async () => {
    const broken = readFileSync(PLAN_FILE, 'utf8').replace('area: procedures', 'area: procedure');
    const dir = testdir({ 'plan.yaml': broken });
    const run = await template(['--period', '2026', '--plan', 'plan.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown-area');
  });
});
