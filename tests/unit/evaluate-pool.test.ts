import { describe, expect, it } from 'vitest';
import { createPool, evaluate } from '../../src/evaluate/index.js';
import type { Entry } from '../../src/model/measurement.js';
import { count, entry, makePlan, milestone, percent } from '../fixtures/evaluate/build.js';

function pooled(entries: Entry[], measure: 'percent' | 'count' | 'milestone' = 'percent', year = 2025) {
  const pool = createPool();
  for (const e of entries) pool.add(e);
  return pool.actual('x', year, measure);
}

describe('pooling orgs', () => {
  it('Σnumerator / Σdenominator over orgs', () => {
    const { actual, remarks } = pooled([
      entry({ indicator: 'x', period: '2025', org: 'A', numerator: 30, denominator: 40 }),
      entry({ indicator: 'x', period: '2025', org: 'B', numerator: 50, denominator: 60 }),
    ]);
    expect(actual).toMatchObject({ value: (80 / 100) * 100, numerator: 80, denominator: 100, orgs: ['A', 'B'], provisional: false, period: '2025' });
    expect(remarks).toEqual([]);
  });

  it('the department total wins over the org breakdown', () => {
    const total = entry({ indicator: 'x', period: '2025', numerator: 9, denominator: 10 });
    const { actual } = pooled([
      entry({ indicator: 'x', period: '2025', org: 'A', numerator: 1, denominator: 10 }),
      total,
      entry({ indicator: 'x', period: '2025', org: 'B', numerator: 2, denominator: 10 }),
    ]);
    expect(actual?.value).toBe(90);
    expect(actual?.orgs).toBeUndefined();
    expect(actual?.sources).toEqual([{ file: total.file, line: total.line }]);
  });

  it('percent values from two orgs are never averaged', () => {
    const [a, b] = [entry({ indicator: 'x', period: '2025', org: 'A', value: 50 }), entry({ indicator: 'x', period: '2025', org: 'B', value: 100 })];
    const { actual, remarks } = pooled([a, b]);
    expect(actual?.value).toBeNull();
    expect(actual?.sources).toEqual([{ file: a.file, line: a.line, lines: [a.line, b.line] }]);
    expect(remarks).toContain('unpooled-values');
  });

  it('a percent value with counts elsewhere still cannot be pooled', () => {
    const { actual, remarks } = pooled([
      entry({ indicator: 'x', period: '2025', org: 'A', value: 50 }),
      entry({ indicator: 'x', period: '2025', org: 'B', numerator: 1, denominator: 2 }),
    ]);
    expect(actual?.value).toBeNull();
    expect(remarks).toContain('unpooled-values');
  });

  it('one org alone is its own value', () => {
    const { actual, remarks } = pooled([entry({ indicator: 'x', period: '2025', org: 'A', value: 42.5 })]);
    expect(actual).toMatchObject({ value: 42.5, orgs: ['A'] });
    expect(remarks).toEqual([]);
  });

  it('counts from orgs are summed', () => {
    const { actual } = pooled(
      [entry({ indicator: 'x', period: '2025', org: 'A', value: 7 }), entry({ indicator: 'x', period: '2025', org: 'B', value: 5 })],
      'count',
    );
    expect(actual?.value).toBe(12);
  });

  it('a zero pooled denominator gives no value, with a remark', () => {
    const { actual, remarks } = pooled([entry({ indicator: 'x', period: '2025', numerator: 0, denominator: 0 })]);
    expect(actual?.value).toBeNull();
    expect(remarks).toContain('zero-denominator');
  });
});

describe('part-year entries', () => {
  it('one half alone is provisional and names its period', () => {
    const { actual } = pooled([entry({ indicator: 'x', period: '2025-H1', numerator: 60, denominator: 100 })]);
    expect(actual).toMatchObject({ value: 60, provisional: true, period: '2025-H1' });
  });

  it('both halves cover the year: pooled, not provisional', () => {
    const { actual } = pooled([
      entry({ indicator: 'x', period: '2025-H2', numerator: 90, denominator: 100 }),
      entry({ indicator: 'x', period: '2025-H1', numerator: 60, denominator: 100 }),
    ]);
    expect(actual).toMatchObject({ value: 75, numerator: 150, denominator: 200, provisional: false, period: '2025' });
  });

  it('three quarters are provisional up to the latest; four cover the year', () => {
    const quarters = [1, 2, 3, 4].map((q) => entry({ indicator: 'x', period: `2025-Q${q}`, numerator: q, denominator: 10 }));
    expect(pooled(quarters.slice(0, 3)).actual).toMatchObject({ provisional: true, period: '2025-Q3', numerator: 6, denominator: 30 });
    expect(pooled(quarters).actual).toMatchObject({ provisional: false, period: '2025', numerator: 10, denominator: 40, value: 25 });
  });

  it('twelve months cover the year, eleven do not', () => {
    const months = Array.from({ length: 12 }, (_, i) => entry({ indicator: 'x', period: `2025-${String(i + 1).padStart(2, '0')}`, value: 1 }));
    expect(pooled(months, 'count').actual).toMatchObject({ value: 12, provisional: false, period: '2025' });
    expect(pooled(months.slice(0, 11), 'count').actual).toMatchObject({ value: 11, provisional: true, period: '2025-11' });
  });

  it('a year with Q1 and H1 uses H1 and never adds them', () => {
    const { actual, remarks } = pooled([
      entry({ indicator: 'x', period: '2025-Q1', numerator: 10, denominator: 50 }),
      entry({ indicator: 'x', period: '2025-H1', numerator: 70, denominator: 100 }),
    ]);
    expect(actual).toMatchObject({ value: 70, numerator: 70, denominator: 100, period: '2025-H1', provisional: true });
    expect(remarks).toContain('finer-periods-ignored');
  });

  it("the year's own entry wins over any part-year", () => {
    const { actual } = pooled([
      entry({ indicator: 'x', period: '2025-H1', value: 10 }),
      entry({ indicator: 'x', period: '2025', value: 80 }),
      entry({ indicator: 'x', period: '2025-03', value: 5 }),
    ]);
    expect(actual).toMatchObject({ value: 80, provisional: false, period: '2025' });
  });

  it('per half, the total wins over orgs; halves then pool', () => {
    const { actual } = pooled([
      entry({ indicator: 'x', period: '2025-H1', numerator: 5, denominator: 10 }),
      entry({ indicator: 'x', period: '2025-H1', org: 'A', numerator: 1, denominator: 10 }),
      entry({ indicator: 'x', period: '2025-H2', org: 'A', numerator: 3, denominator: 5 }),
      entry({ indicator: 'x', period: '2025-H2', org: 'B', numerator: 4, denominator: 5 }),
    ]);
    expect(actual).toMatchObject({ numerator: 12, denominator: 20, value: 60, orgs: ['A', 'B'] });
  });

  it('percent values of two halves are not averaged either', () => {
    const { actual, remarks } = pooled([entry({ indicator: 'x', period: '2025-H1', value: 40 }), entry({ indicator: 'x', period: '2025-H2', value: 60 })]);
    expect(actual?.value).toBeNull();
    expect(remarks).toContain('unpooled-values');
  });
});

describe('milestones', () => {
  it('the latest part-year state of the year; the full-year entry wins', () => {
    const h1 = entry({ indicator: 'x', period: '2025-H1', status: 'not-started' });
    const q3 = entry({ indicator: 'x', period: '2025-Q3', status: 'in-progress' });
    expect(pooled([q3, h1], 'milestone').actual).toMatchObject({ status: 'in-progress', period: '2025-Q3', provisional: true, value: null });
    const year = entry({ indicator: 'x', period: '2025', status: 'done' });
    expect(pooled([q3, year, h1], 'milestone').actual).toMatchObject({ status: 'done', period: '2025', provisional: false });
  });

  it('orgs: done only when all are done', () => {
    const a = entry({ indicator: 'x', period: '2025', org: 'A', status: 'done' });
    const b = entry({ indicator: 'x', period: '2025', org: 'B', status: 'not-started' });
    const c = entry({ indicator: 'x', period: '2025', org: 'C', status: 'done' });
    expect(pooled([a, c], 'milestone').actual?.status).toBe('done');
    expect(pooled([a, b, c], 'milestone').actual?.status).toBe('in-progress');
  });
});

describe('provenance', () => {
  it('lists every entry that made the actual, one item per file, files then lines in order', () => {
    const entries = [
      entry({ indicator: 'x', period: '2025', org: 'C', numerator: 1, denominator: 2, file: 'b.csv', line: 3 }),
      entry({ indicator: 'x', period: '2025', org: 'A', numerator: 1, denominator: 2, file: 'a.yaml', line: 20, note: 'late figure' }),
      entry({ indicator: 'x', period: '2025', org: 'B', numerator: 1, denominator: 2, file: 'a.yaml', line: 9, evidence: 'QĐ 95' }),
      entry({ indicator: 'y', period: '2025', value: 1, file: 'a.yaml', line: 1 }),
    ];
    const { actual } = pooled(entries);
    expect(actual?.sources).toEqual([
      { file: 'a.yaml', line: 9, lines: [9, 20] },
      { file: 'b.csv', line: 3 },
    ]);
    expect(actual?.notes).toEqual(['QĐ 95', 'late figure']);
  });

  it('evaluate carries the provenance into the result', () => {
    const plan = makePlan([percent('x', [{ horizon: { by: 2025 }, requirement: { atLeast: 80 } }])]);
    const result = evaluate(plan, [entry({ indicator: 'x', period: '2025', value: 85, file: 'data/2025.yaml', line: 9 })], { asOf: '2026-01-01' });
    expect(result.results[0]?.actual?.sources).toEqual([{ file: 'data/2025.yaml', line: 9 }]);
  });
});

describe('robustness', () => {
  it('a second entry for the same group is not added; the first by file and line stands, whatever the order', () => {
    const first = entry({ indicator: 'x', period: '2025', value: 10, file: 'a.yaml', line: 2 });
    const second = entry({ indicator: 'x', period: '2025', value: 99, file: 'b.yaml', line: 1 });
    for (const order of [[first, second], [second, first]]) {
      const { actual, remarks } = pooled(order, 'count');
      expect(actual?.value).toBe(10);
      expect(remarks).toContain('duplicate-entries');
    }
  });

  it('an unreadable period is ignored', () => {
    const pool = createPool();
    pool.add(entry({ indicator: 'x', period: '2025-W3', value: 1 }));
    expect(pool.size).toBe(0);
    expect(pool.years('x')).toEqual([]);
  });

  it('memory follows groups, not rows', () => {
    const pool = createPool();
    for (let i = 0; i < 5000; i++) pool.add({ indicator: 'x', period: `2025-${String((i % 12) + 1).padStart(2, '0')}`, org: `org-${Math.floor(i / 12) % 3}`, value: 1, file: 'big.csv', line: i + 2 });
    expect(pool.size).toBe(36);
  });

  it('data of the wrong kind for the measure is left out', () => {
    const plan = makePlan([count('c', [{ horizon: { by: 2025 }, requirement: { atLeast: 1 } }]), milestone('m', 2025)]);
    const result = evaluate(plan, [entry({ indicator: 'c', period: '2025', status: 'done' }), entry({ indicator: 'm', period: '2025', value: 3 })], { asOf: '2026-01-01' });
    expect(result.results.map((r) => r.status)).toEqual(['no-data', 'no-data']);
  });
});
