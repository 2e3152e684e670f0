import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, evaluate } from '../../src/evaluate/index.js';
import type { ActualSource } from '../../src/model/evaluation.js';
import type { Entry } from '../../src/model/measurement.js';
import { makePlan, milestone, percent } from '../fixtures/evaluate/build.js';
import { evaluationValidator } from '../fixtures/evaluate/schema.js';
import { expandSources, sourceCount } from '../fixtures/evaluate/sources.js';

/** An org's monthly counts for indicator `x`, from `file` at `line`. */
function row(file: string, line: number, org: string, month = 1): Entry {
  return { indicator: 'x', period: `2025-${String(month).padStart(2, '0')}`, org, numerator: 1, denominator: 2, file, line };
}

function sourcesOf(entries: Entry[], measure: 'percent' | 'milestone' = 'percent'): ActualSource[] {
  const pool = createPool();
  for (const entry of entries) pool.add(entry);
  const { actual } = pool.actual('x', 2025, measure);
  expect(actual).not.toBeNull();
  return actual!.sources;
}

/** Every item holds the documented shape: `lines` only for two or more, ascending, led by `line`. */
function expectWellFormed(sources: readonly ActualSource[]): void {
  const files = sources.map((s) => s.file);
  expect(new Set(files).size).toBe(files.length);
  expect([...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(files);
  for (const source of sources) {
    if (source.lines === undefined) continue;
    expect(source.lines.length).toBeGreaterThanOrEqual(2);
    expect(source.lines[0]).toBe(source.line);
    for (let i = 1; i < source.lines.length; i++) expect(source.lines[i]!).toBeGreaterThanOrEqual(source.lines[i - 1]!);
  }
}

describe('an actual’s sources: one item per file', () => {
  it('one file, one entry: exactly { file, line }, no `lines` key', () => {
    const sources = sourcesOf([{ indicator: 'x', period: '2025', numerator: 1, denominator: 2, file: 'data/2025.yaml', line: 9 }]);
    expect(sources).toEqual([{ file: 'data/2025.yaml', line: 9 }]);
    expect(Object.keys(sources[0]!)).toEqual(['file', 'line']);
    // Byte for byte the shape DESIGN.md shows.
    expect(JSON.stringify(sources)).toBe('[{"file":"data/2025.yaml","line":9}]');
  });

  it('one file, many entries arriving in any order: `lines` complete and ascending, the first equal to `line`', () => {
    const lines = [40, 7, 12, 3, 25, 8];
    const sources = sourcesOf(lines.map((line, i) => row('big.csv', line, `org-${i}`)));
    expect(sources).toEqual([{ file: 'big.csv', line: 3, lines: [3, 7, 8, 12, 25, 40] }]);
    expect(Object.keys(sources[0]!)).toEqual(['file', 'line', 'lines']);
  });

  it('several files: one item each, ordered by file name, lines within each', () => {
    const sources = sourcesOf([
      row('c.csv', 5, 'A'),
      row('a.csv', 9, 'B'),
      row('b.yaml', 4, 'C'),
      row('a.csv', 2, 'D'),
      row('c.csv', 3, 'E'),
      row('a.csv', 30, 'F', 2),
    ]);
    expect(sources).toEqual([
      { file: 'a.csv', line: 2, lines: [2, 9, 30] },
      { file: 'b.yaml', line: 4 },
      { file: 'c.csv', line: 3, lines: [3, 5] },
    ]);
  });

  it('two entries on one line (a YAML flow list) are both counted', () => {
    const sources = sourcesOf([row('d.yaml', 6, 'A'), row('d.yaml', 6, 'B')]);
    expect(sources).toEqual([{ file: 'd.yaml', line: 6, lines: [6, 6] }]);
  });

  it('only the entries that made the actual: the department total wins, its org breakdown is not named', () => {
    const total: Entry = { indicator: 'x', period: '2025', numerator: 5, denominator: 6, file: 'total.yaml', line: 4 };
    expect(sourcesOf([row('orgs.csv', 2, 'A', 0), total, row('orgs.csv', 3, 'B', 0)].map((e) => ({ ...e, period: '2025' })))).toEqual([
      { file: 'total.yaml', line: 4 },
    ]);
  });

  it('a milestone pooled from orgs in several files', () => {
    const done = (file: string, line: number, org: string): Entry => ({ indicator: 'x', period: '2025', org, status: 'done', file, line });
    const sources = sourcesOf([done('b.yaml', 3, 'A'), done('a.yaml', 8, 'B'), done('a.yaml', 5, 'C')], 'milestone');
    expect(sources).toEqual([
      { file: 'a.yaml', line: 5, lines: [5, 8] },
      { file: 'b.yaml', line: 3 },
    ]);
  });

  it('whatever the files, lines and order: every entry is named once, well formed, the same in any arrival order', () => {
    const place = fc.record({ file: fc.constantFrom('a.csv', 'b.csv', 'data/2025.yaml', 'z.yaml'), line: fc.integer({ min: 1, max: 5000 }) });
    fc.assert(
      fc.property(fc.uniqueArray(place, { minLength: 1, maxLength: 60, selector: (p) => `${p.file}:${p.line}` }), (places) => {
        const entries = places.map((p, i) => row(p.file, p.line, `org-${i}`));
        const sources = sourcesOf(entries);
        expectWellFormed(sources);
        const expected = [...places].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
        expect(expandSources(sources)).toEqual(expected);
        expect(sourceCount(sources)).toBe(places.length);
        expect(sourcesOf([...entries].reverse())).toEqual(sources);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sources in an evaluation', () => {
  const plan = makePlan([
    percent('x', [
      { horizon: { by: 2025 }, requirement: { atLeast: 50 } },
      { horizon: { by: 2030 }, requirement: { atLeast: 90 } },
    ]),
    milestone('m', 2025),
  ]);
  const entries: Entry[] = [
    ...Array.from({ length: 30 }, (_, i) => row('big.csv', i + 2, `org-${i}`, (i % 12) + 1)),
    row('extra.csv', 2, 'other'),
    { indicator: 'm', period: '2025', status: 'done', file: 'data/2025.yaml', line: 9 },
  ];

  it('keep the pooled shape through evaluate, and the schema accepts them', () => {
    const evaluation = evaluate(plan, entries, { asOf: '2026-01-10' });
    const x = evaluation.results.find((r) => r.target === 'x@2025');
    expect(x?.actual?.sources).toEqual([
      { file: 'big.csv', line: 2, lines: Array.from({ length: 30 }, (_, i) => i + 2) },
      { file: 'extra.csv', line: 2 },
    ]);
    expect(evaluation.results.find((r) => r.target === 'm@2025')?.actual?.sources).toEqual([{ file: 'data/2025.yaml', line: 9 }]);
    const validate = evaluationValidator();
    expect(validate(JSON.parse(JSON.stringify(evaluation)))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('a later target judged on the same year’s actual names the same sources', () => {
    const evaluation = evaluate(plan, entries, { asOf: '2026-01-10' });
    const [by2025, by2030] = ['x@2025', 'x@2030'].map((id) => evaluation.results.find((r) => r.target === id));
    expect(by2030?.actual?.period).toBe('2025');
    expect(by2030?.actual?.sources).toEqual(by2025?.actual?.sources);
  });
});

describe('schemas/evaluation.schema.json: a source', () => {
  function withSources(sources: unknown): unknown {
    return {
      apiVersion: 'ccp/v1',
      kind: 'Evaluation',
      plan: { id: 'p', version: 1 },
      asOf: '2026-01-10',
      summary: { met: 1, 'on-track': 0, 'at-risk': 0, 'off-track': 0, missed: 0, 'no-data': 0 },
      results: [
        {
          target: 'x@2025',
          indicator: 'x',
          area: 'a',
          year: 2025,
          ref: ['I'],
          requirement: { atLeast: 50 },
          required: 50,
          actual: { value: 60, period: '2025', provisional: false, sources },
          status: 'met',
          gap: 10,
          progressRatio: null,
        },
      ],
    };
  }

  it.each([
    ['the contract’s example', [{ file: 'data/2025.yaml', line: 9 }]],
    ['a file with many lines', [{ file: 'big.csv', line: 2, lines: [2, 23, 44] }, { file: 'extra.csv', line: 5 }]],
    ['two entries on one line', [{ file: 'd.yaml', line: 6, lines: [6, 6] }]],
  ])('accepts %s', (_, sources) => {
    const validate = evaluationValidator();
    expect(validate(withSources(sources))).toBe(true);
  });

  it.each([
    ['`lines` with one item', [{ file: 'a.csv', line: 2, lines: [2] }]],
    ['empty `lines`', [{ file: 'a.csv', line: 2, lines: [] }]],
    ['a line 0 in `lines`', [{ file: 'a.csv', line: 2, lines: [0, 2] }]],
    ['a fractional line in `lines`', [{ file: 'a.csv', line: 2, lines: [2, 2.5] }]],
    ['`lines` of text', [{ file: 'a.csv', line: 2, lines: ['2', '3'] }]],
    ['an unknown key', [{ file: 'a.csv', line: 2, rows: 3 }]],
    ['no line', [{ file: 'a.csv', lines: [2, 3] }]],
  ])('rejects %s', (_, sources) => {
    const validate = evaluationValidator();
    expect(validate(withSources(sources))).toBe(false);
  });
});
