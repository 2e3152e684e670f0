/**
 * Properties of the whole pipeline on files written to disk (the pure core has its own in
 * evaluate-properties.test.ts): checking and evaluating never throw on schema-valid files;
 * the CSV ccp writes reads back to the same values; and a measurement set evaluates the same
 * however it is split into YAML and CSV files.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { DIAGNOSTIC_CODES } from '../../src/model/diagnostic.js';
import type { Evaluation, Result } from '../../src/model/evaluation.js';
import type { Entry } from '../../src/model/measurement.js';
import { EVALUATION_FORMATS, renderEvaluation } from '../../src/report/evaluation/index.js';
import { checkFiles } from '../../src/validate/index.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const MINI = fileURLToPath(new URL('../fixtures/plans/mini.yaml', import.meta.url));
const PLAN_ID = 'mini-plan';
const AS_OF = '2026-11-27';
const KNOWN_CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);
/** Runs per property: the default, or CCP_PROPERTY_RUNS for a longer search. */
const runs = (fallback: number): number => Number(process.env.CCP_PROPERTY_RUNS ?? fallback);
const PERCENTS = ['dossiers-e-transfer', 'dossiers-online', 'audit-recommendations-resolved'] as const;

type Row = Record<string, string | number>;

/** A measurements YAML file holding `rows`. */
function yamlFile(rows: readonly Row[]): string {
  return stringifyYaml({ apiVersion: 'ccp/v1', kind: 'Measurements', plan: PLAN_ID, measurements: rows }, { lineWidth: 0 });
}

const CSV_COLUMNS = ['indicator', 'period', 'org', 'value', 'numerator', 'denominator', 'status', 'evidence', 'source', 'note'] as const;

/** A measurements CSV file holding `rows`, with a plan column, in a `,` or an Excel `;` dialect. */
function csvFile(rows: readonly Row[], dialect: 'comma' | 'excel'): string {
  const separator = dialect === 'comma' ? ',' : ';';
  const cell = (value: string | number | undefined) => {
    if (value === undefined) return '';
    if (typeof value === 'number') return dialect === 'comma' ? String(value) : String(value).replace('.', ',');
    return value;
  };
  const records = [[...CSV_COLUMNS, 'plan'], ...rows.map((row) => [...CSV_COLUMNS.map((column) => cell(row[column])), PLAN_ID])];
  const body = stringifyCsv(records, { delimiter: separator, record_delimiter: dialect === 'comma' ? '\n' : '\r\n' });
  return dialect === 'comma' ? body : `\uFEFF${body}`;
}

// ── schema-valid files, anything goes within the schema ──

const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('Phòng Quản lý vận tải', 'Phòng Quản lý vận tải'.normalize('NFD'), '=SUM(A1)', '<b>x</b>', 'a | b', '`x`', 'a;b,c"d'),
);
/** Text a person types into a spreadsheet cell: no control characters. */
const printable = anyText.filter((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text));
const period = fc
  .tuple(fc.integer({ min: 1900, max: 2199 }), fc.constantFrom('', '-H1', '-H2', '-Q1', '-Q4', '-01', '-12'))
  .map(([year, part]) => `${year}${part}`);
const decimal = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
const count = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10));
const schemaValidRow: fc.Arbitrary<Row> = fc
  .record(
    {
      indicator: fc.oneof(fc.constantFrom(...PERCENTS, 'services-count', 'one-stop-renewal'), fc.string({ minLength: 1, maxLength: 20 })),
      period,
      payload: fc.oneof(
        decimal.map((value) => ({ value })),
        fc.tuple(count, count).map(([numerator, denominator]) => ({ numerator, denominator })),
        fc.constantFrom('done', 'in-progress', 'not-started').map((status) => ({ status })),
        fc.tuple(decimal, count, count).map(([value, numerator, denominator]) => ({ value, numerator, denominator })),
      ),
      org: anyText,
      note: anyText,
      source: anyText,
      evidence: anyText,
    },
    { requiredKeys: ['indicator', 'period', 'payload'] },
  )
  .map(({ payload, ...rest }) => ({ ...rest, ...payload }));

// ── valid measurement sets for the mini plan: unique (indicator, period, org), figures in range ──

const validPeriod = fc
  .tuple(fc.integer({ min: 2022, max: 2026 }), fc.constantFrom('', '', '-H1', '-H2', '-Q2', '-Q3', '-05', '-11'))
  .map(([year, part]) => `${year}${part}`);
const percentPayload = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((n) => ({ value: n / 100 })),
  fc
    .tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 1_000 }))
    .map(([denominator, k]) => ({ numerator: Math.floor((denominator * k) / 1_000), denominator })),
);
const validRow: fc.Arbitrary<Row> = fc
  .record({
    indicator: fc.constantFrom(...PERCENTS, 'services-count', 'one-stop-renewal'),
    period: validPeriod,
    org: fc.constantFrom('', 'Phòng A', 'Phòng B', 'Xã Ea Kao'),
    note: fc.constantFrom('', 'ghi chú', 'a | b'),
    percent: percentPayload,
    count: fc.integer({ min: 0, max: 500 }),
    status: fc.constantFrom('done', 'in-progress', 'not-started'),
  })
  .map(({ indicator, period: p, org, note, percent, count: n, status }) => {
    const row: Row = { indicator, period: p };
    if (org !== '') row.org = org;
    if (note !== '') row.note = note;
    if (indicator === 'services-count') row.value = n;
    else if (indicator === 'one-stop-renewal') row.status = status;
    else Object.assign(row, percent);
    return row;
  });
const validSet = fc.uniqueArray(validRow, { minLength: 1, maxLength: 25, selector: (row) => `${row.indicator}|${row.period}|${row.org ?? ''}` });

/**
 * An evaluation without what depends on where entries were written: their files and lines,
 * and the order of notes, which follows them (notes are listed in file and line order).
 */
function placeless(evaluation: Evaluation): unknown {
  return evaluation.results.map((result: Result) => {
    if (result.actual === null) return result;
    const { sources: _sources, notes, ...actual } = result.actual;
    return { ...result, actual: notes === undefined ? actual : { ...actual, notes: [...notes].sort() } };
  });
}

describe('the pipeline on files, properties', () => {
  it('checking and evaluating schema-valid YAML and CSV never throws, and every problem is a placed diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(schemaValidRow, { maxLength: 12 }), fc.constantFrom('yaml', 'comma', 'excel'), async (rows, format) => {
        const name = format === 'yaml' ? 'data.yaml' : 'data.csv';
        const text = format === 'yaml' ? yamlFile(rows) : csvFile(rows, format);
        const dir = testdir({ [name]: text });
        const check = await checkFiles([name], { cwd: dir, plan: MINI });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const d of check.diagnostics) {
          expect(KNOWN_CODES.has(d.code), d.code).toBe(true);
          expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
          expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines);
          expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
        }
        if (check.summary.errors === 0 && check.plan !== undefined) {
          const evaluation = evaluate(check.plan, check.entries, { asOf: AS_OF });
          for (const format of EVALUATION_FORMATS) {
            for (const lang of ['vi', 'en'] as const) expect(typeof renderEvaluation(format, evaluation, { lang, color: false, plan: check.plan })).toBe('string');
          }
        }
      }),
      { numRuns: runs(60) },
    );
  }, 600_000);

  it('ccp evaluate --format csv reads back to the values of --format json', async () => {
    await fc.assert(
      fc.asyncProperty(validSet, fc.constantFrom('vi', 'en'), async (rows, lang) => {
        const dir = testdir({ 'data.yaml': yamlFile(rows) });
        const args = ['evaluate', 'data.yaml', '--plan', MINI, '--as-of', AS_OF, '--lang', lang];
        const json = await runCli([...args, '--format', 'json'], { cwd: dir });
        const csv = await runCli([...args, '--format', 'csv'], { cwd: dir });
        expect(json.code, json.stderr).toBe(0);
        expect(csv.code, csv.stderr).toBe(0);
        const evaluation = JSON.parse(json.stdout) as Evaluation;
        expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
        const records = parseCsv(csv.stdout.slice(1)) as string[][];
        const [header, ...body] = records;
        expect(body).toHaveLength(evaluation.results.length);
        const column = (index: number) => body.map((record) => record[index]!);
        // Columns in the documented order: target is the second, year the fourth.
        expect(column(1)).toEqual(evaluation.results.map((r) => r.target));
        expect(column(3)).toEqual(evaluation.results.map((r) => String(r.year)));
        const number = (cell: string) => (cell === '' ? null : Number(cell));
        const close = (a: number | null, b: number | null | undefined) =>
          (a === null && (b === null || b === undefined)) || (a !== null && b !== null && b !== undefined && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
        evaluation.results.forEach((result, i) => {
          const record = body[i]!;
          const values: [number, number | null | undefined][] = [
            [6, result.required],
            [10, result.actual?.numerator],
            [11, result.actual?.denominator],
            [13, result.gap],
            [14, result.progressRatio],
          ];
          if (result.actual?.value !== null && result.actual?.value !== undefined) values.push([7, result.actual.value]);
          for (const [index, expected] of values) expect(close(number(record[index]!), expected), `${result.target} column ${index}: ${record[index]} vs ${expected}`).toBe(true);
          expect(record[8]).toBe(result.actual?.period ?? '');
        });
      }),
      { numRuns: runs(25) },
    );
  }, 600_000);

  it('ccp template --format csv, filled in, reads back to what was filled in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('2025', '2025-H1', '2026-Q3', '2027-05'),
        fc.option(fc.constantFrom('Phòng A', 'Xã Ea Kao', '=not a formula'), { nil: undefined }),
        fc.infiniteStream(fc.tuple(fc.boolean(), percentPayload, fc.integer({ min: 0, max: 900 }), fc.constantFrom('done', 'in-progress', 'not-started'), printable)),
        async (period, org, fills) => {
          const dir = testdir();
          const made = await runCli(['template', '--plan', MINI, '--period', period, '--format', 'csv', ...(org === undefined ? [] : ['--org', org])], { cwd: dir });
          expect(made.code, made.stderr).toBe(0);
          expect(made.stdout.startsWith('\uFEFF')).toBe(true);
          const [header, ...rows] = parseCsv(made.stdout.slice(1)) as string[][];
          const col = (name: string) => header!.indexOf(name);
          const kept: string[][] = [];
          const expected: Partial<Entry>[] = [];
          const stream = fills[Symbol.iterator]();
          for (const row of rows) {
            const [keep, percent, count, status, note] = stream.next().value as [boolean, { value?: number; numerator?: number; denominator?: number }, number, string, string];
            if (!keep) continue;
            const indicator = row[col('indicator')]!;
            const want: Partial<Entry> = { indicator, period };
            if (org !== undefined) want.org = org;
            if (indicator === 'services-count') {
              row[col('value')] = String(count);
              want.value = count;
            } else if (indicator === 'one-stop-renewal') {
              row[col('status')] = status;
              want.status = status as Entry['status'];
            } else {
              for (const key of ['value', 'numerator', 'denominator'] as const) {
                const n = percent[key];
                if (n !== undefined) {
                  row[col(key)] = String(n);
                  want[key] = n;
                }
              }
              if (want.value === undefined) want.value = (want.numerator! / want.denominator!) * 100;
            }
            const trimmed = note.trim();
            row[col('note')] = note;
            if (trimmed !== '') want.note = trimmed.normalize('NFC').trim();
            kept.push(row);
            expected.push(want);
          }
          const filled = `\uFEFF${stringifyCsv([header!, ...kept], { record_delimiter: '\r\n' })}`;
          const file = join(dir, 'filled.csv');
          writeFileSync(file, filled);
          const check = await checkFiles(['filled.csv'], { cwd: dir, plan: MINI });
          expect(check.diagnostics, JSON.stringify(check.diagnostics)).toEqual([]);
          expect(check.entries).toHaveLength(expected.length);
          check.entries.forEach((entry, i) => {
            const want = expected[i]!;
            const { value, note, ...rest } = want;
            expect(entry).toMatchObject(rest);
            if (value === undefined) expect(entry.value).toBeUndefined();
            else expect(entry.value).toBeCloseTo(value, 9);
            // Spaces at the edges of a cell are the spreadsheet's business, not the note's.
            expect((entry.note ?? '').trim()).toBe(note ?? '');
          });
        },
      ),
      { numRuns: runs(25) },
    );
  }, 600_000);

  it('a measurement set evaluates the same however it is split into YAML and CSV files', async () => {
    await fc.assert(
      fc.asyncProperty(
        validSet,
        fc.infiniteStream(fc.integer({ min: 0, max: 3 })),
        fc.array(fc.constantFrom('yaml', 'comma', 'excel'), { minLength: 4, maxLength: 4 }),
        async (rows, parts, formats) => {
          const whole = await checkFiles(['all.yaml'], { cwd: testdir({ 'all.yaml': yamlFile(rows) }), plan: MINI });
          expect(whole.diagnostics).toEqual([]);
          const buckets: Row[][] = [[], [], [], []];
          const choice = parts[Symbol.iterator]();
          for (const row of rows) buckets[choice.next().value as number]!.push(row);
          const files: Record<string, string> = {};
          buckets.forEach((bucket, i) => {
            if (bucket.length === 0) return;
            const format = formats[i]!;
            files[format === 'yaml' ? `part-${i}.yaml` : `part-${i}.csv`] = format === 'yaml' ? yamlFile(bucket) : csvFile(bucket, format);
          });
          const split = await checkFiles(Object.keys(files), { cwd: testdir(files), plan: MINI });
          expect(split.diagnostics).toEqual([]);
          const a = evaluate(whole.plan!, whole.entries, { asOf: AS_OF });
          const b = evaluate(split.plan!, split.entries, { asOf: AS_OF });
          expect(placeless(b)).toEqual(placeless(a));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: runs(40) },
    );
  }, 600_000);
});
