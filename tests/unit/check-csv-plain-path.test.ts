import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/evaluate/pool.js';
import { evaluate, evaluatePool } from '../../src/evaluate/evaluate.js';
import { PlainRows } from '../../src/load/csv-plain-rows.js';
import { streamCsv } from '../../src/load/csv-stream.js';
import type { Entry } from '../../src/model/measurement.js';
import { checkFiles, loadPlan } from '../../src/validate/check-files.js';
import { testdir } from '../helpers/testdir.js';

const MINI = fileURLToPath(new URL('../fixtures/plans/mini.yaml', import.meta.url));
const AS_OF = '2026-11-27';

/** Columns a generated file may have, and cells that hit every entry rule, plain and not. */
const CELLS: Record<string, readonly string[]> = {
  indicator: ['dossiers-e-transfer', 'dossiers-online', 'services-count', 'one-stop-renewal', 'dossiers-onlin', 'audit-recommendations-resolved'],
  period: ['2025', '2025-H1', '2025-H2', '2025-Q3', '2025-07', '2024', '2019', '2031', '2025-13', '', '2026'],
  org: ['', '', 'Xã 1', 'Phòng A', 'Xã 2', ' Xã 3'],
  value: ['', '', '', '80', '0', '100', '150', '12', '80.5', '-3', 'abc'],
  numerator: ['', '', '3', '0', '9', '12', '7'],
  denominator: ['', '', '9', '0', '10', '12'],
  status: ['', '', '', 'done', 'in-progress', 'maybe'],
  note: ['', '', 'ghi chú'],
  source: ['', 'Báo cáo 1'],
  title: ['', 'Tiêu đề'],
};
const REQUIRED = ['indicator', 'period'];
const OPTIONAL = ['org', 'value', 'numerator', 'denominator', 'status', 'note', 'source', 'title'];

interface Shape {
  columns: string[];
  separator: ',' | ';';
  bom: boolean;
  crlf: boolean;
  files: number[][][];
}

const shape: fc.Arbitrary<Shape> = fc
  .record({
    optional: fc.subarray(OPTIONAL, { minLength: 1 }),
    order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
    separator: fc.constantFrom(',' as const, ';' as const),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    seeds: fc.array(fc.array(fc.array(fc.nat(1000), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ optional, order, separator, bom, crlf, seeds }) => {
    const keys = order.take(REQUIRED.length + optional.length);
    const columns = [...REQUIRED, ...optional]
      .map((c, i) => ({ c, k: [...keys][i] ?? 0 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
    return { columns, separator, bom, crlf, files: seeds };
  });

/** The files of a shape; `quoted` quotes the header's first cell, so every row after it is read the general way. */
function files(s: Shape, quoted: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const eol = s.crlf ? '\r\n' : '\n';
  s.files.forEach((rows, f) => {
    const header = s.columns.map((c, i) => (quoted && i === 0 ? `"${c}"` : c)).join(s.separator);
    const lines = rows.map((seed) => s.columns.map((c, i) => CELLS[c]![seed[i]! % CELLS[c]!.length]!).join(s.separator));
    out[`f${f}.csv`] = `${s.bom ? '\uFEFF' : ''}${header}${eol}${lines.join(eol)}${eol}`;
  });
  return out;
}

async function run(dir: string, names: string[]) {
  const plan = (await loadPlan(MINI, { cwd: dir })).plan!;
  const collected = await checkFiles(names, { cwd: dir, plan: MINI });
  const pool = createPool();
  const handed: Entry[] = [];
  const streamed = await checkFiles(names, {
    cwd: dir,
    plan: MINI,
    onEntry: (entry) => {
      handed.push({ ...entry });
      pool.add(entry);
    },
  });
  return {
    diagnostics: collected.diagnostics,
    streamedDiagnostics: streamed.diagnostics,
    entries: collected.entries,
    handed,
    evaluation: evaluate(plan, collected.entries, { asOf: AS_OF }),
    pooled: evaluatePool(plan, pool, { asOf: AS_OF }),
  };
}

describe('plain CSV rows checked the quick way', () => {
  it('give the diagnostics, entries and evaluation the general path gives for the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const names = s.files.map((_, f) => `f${f}.csv`);
        const plain = await run(testdir(files(s, false)), names);
        const general = await run(testdir(files(s, true)), names);
        expect(plain.diagnostics).toEqual(general.diagnostics);
        expect(plain.streamedDiagnostics).toEqual(general.streamedDiagnostics);
        expect(plain.entries).toEqual(general.entries);
        expect(plain.handed).toEqual(general.handed);
        expect(plain.evaluation).toEqual(general.evaluation);
        expect(plain.pooled).toEqual(general.pooled);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('reads plain lines in columns and quoted files as rows (the two sides differ in path)', async () => {
    const s: Shape = { columns: ['indicator', 'period', 'org', 'numerator', 'denominator'], separator: ',', bom: false, crlf: false, files: [[[0, 0, 2, 2, 2]]] };
    const kinds = async (text: string) => {
      const dir = testdir({ 'a.csv': text });
      const found: string[] = [];
      for await (const block of streamCsv('a.csv', { cwd: dir }).blocks()) found.push(block instanceof PlainRows ? 'plain' : 'rows');
      return found;
    };
    expect(await kinds(files(s, false)['f0.csv']!)).toEqual(['plain']);
    expect(await kinds(files(s, true)['f0.csv']!)).toEqual(['rows']);
  });

  it('reports each rule on a plain row with the code, line and column of the general path', async () => {
    const text = [
      'indicator,period,org,value,numerator,denominator',
      'dossiers-onlin,2025,,,1,2', // unknown indicator
      'dossiers-online,2019,,,1,2', // period outside the plan (warning)
      'dossiers-online,2025,,,3,2', // numerator above denominator
      'dossiers-online,2025,Xã 1,,0,0', // zero denominator
      'dossiers-online,2025,Xã 2,150,,', // percent out of range
      'dossiers-online,2025,Xã 3,90,1,2', // conflicting value
      'services-count,2025,,,1,2', // measure mismatch
      'one-stop-renewal,2025,,5,,', // measure mismatch
      'dossiers-online,2025-H1,Xã 4,,1,2',
      'dossiers-online,2025-H1,Xã 4,,1,2', // identical duplicate
      'dossiers-online,2025-H1,Xã 4,,1,3', // duplicate with other figures
      '',
    ].join('\n');
    const got = await checkFiles(['a.csv'], { cwd: testdir({ 'a.csv': text }), plan: MINI });
    const quoted = await checkFiles(['a.csv'], { cwd: testdir({ 'a.csv': text.replace('indicator', '"indicator"') }), plan: MINI });
    expect(got.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['unknown-indicator', 2, 1],
      ['period-outside-plan', 3, 17],
      ['numerator-exceeds-denominator', 4, 24],
      ['zero-denominator', 5, 30],
      ['percent-out-of-range', 6, 27],
      ['conflicting-value', 7, 27],
      ['measure-mismatch', 8, 23],
      ['measure-mismatch', 9, 24],
      ['identical-duplicate', 11, 1],
      ['duplicate-entry', 12, 1],
    ]);
    expect(got.diagnostics).toEqual(quoted.diagnostics);
  });
});
