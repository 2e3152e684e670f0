import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, evaluate, evaluatePool } from '../../src/evaluate/index.js';
import { STATUSES } from '../../src/model/evaluation.js';
import type { Entry } from '../../src/model/measurement.js';
import type { Horizon, Indicator, Plan, Requirement } from '../../src/model/plan.js';
import { makePlan } from '../fixtures/evaluate/build.js';
import { evaluationValidator } from '../fixtures/evaluate/schema.js';

const IDS = ['a', 'b', 'c', 'm'] as const;
const anyNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
const smallNumber = fc.oneof(fc.integer({ min: -10, max: 120 }), fc.double({ min: -1000, max: 1000, noNaN: true }), fc.constant(0));
const someNumber = fc.oneof({ weight: 4, arbitrary: smallNumber }, { weight: 1, arbitrary: anyNumber });
const year = fc.integer({ min: 2019, max: 2031 });

const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  someNumber.map((n) => ({ atLeast: n })),
  someNumber.map((n) => ({ moreThan: n })),
  someNumber.map((n) => ({ atMost: n })),
  someNumber.map((n) => ({ lessThan: n })),
  fc.tuple(someNumber, someNumber).map(([lo, hi]) => ({ between: [lo, hi] as [number, number] })),
  fc.tuple(fc.double({ min: 0.001, max: 200, noNaN: true }), fc.option(someNumber, { nil: undefined })).map(([gain, cap]) =>
    cap === undefined ? { gainAtLeast: gain } : { gainAtLeast: gain, cap },
  ),
);
const horizon: fc.Arbitrary<Horizon> = fc.oneof(
  year.map((by) => ({ by })),
  fc.tuple(year, year).map(([a, b]) => ({ everyYear: [a, b] as [number, number] })),
);

const numericIndicator = (id: string): fc.Arbitrary<Indicator> =>
  fc
    .record({
      measure: fc.constantFrom('percent' as const, 'count' as const),
      better: fc.constantFrom('higher' as const, 'lower' as const),
      targets: fc.array(fc.record({ horizon, requirement }), { minLength: 1, maxLength: 3 }),
      baseline: fc.option(fc.record({ period: year, value: someNumber }), { nil: undefined }),
    })
    .map(({ measure, better, targets, baseline }) => ({
      id,
      area: id === 'c' ? 'area-c' : 'area-a',
      measure,
      better,
      title: id,
      targets: targets.map((t) => ({ ...t, ref: ['I'] })),
      ...(baseline === undefined ? {} : { baseline }),
    }));

const milestoneIndicator: fc.Arbitrary<Indicator> = horizon.map((h) => ({
  id: 'm',
  area: 'area-a',
  measure: 'milestone' as const,
  better: 'higher' as const,
  title: 'm',
  targets: [{ horizon: h, requirement: { expect: 'done' as const }, ref: ['I'] }],
}));

const closes = fc.option(
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([m, d]) => ({ closes: `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` })),
  { nil: undefined },
);

const plan: fc.Arbitrary<Plan> = fc
  .tuple(numericIndicator('a'), numericIndicator('b'), numericIndicator('c'), milestoneIndicator, closes)
  .map(([a, b, c, m, reportingYear]) => makePlan([a, b, c, m], reportingYear === undefined ? {} : { reportingYear }));

const period = fc
  .tuple(year, fc.constantFrom('', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4', '-01', '-06', '-07', '-12'))
  .map(([y, suffix]) => `${y}${suffix}`);
const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }) }, { weight: 1, arbitrary: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }) });

/** Schema-valid entries: a value, counts, or a status (and sometimes several). */
const entry: fc.Arbitrary<Entry> = fc
  .record({
    indicator: fc.constantFrom(...IDS, 'unknown'),
    period,
    org: fc.option(fc.constantFrom('A', 'B', 'Phòng C'), { nil: undefined }),
    file: fc.constantFrom('a.yaml', 'b.csv', 'dữ-liệu.yaml'),
    line: fc.integer({ min: 1, max: 40 }),
    payload: fc.oneof(
      someNumber.map((value) => ({ value })),
      fc.tuple(count, count).map(([numerator, denominator]) => ({ numerator, denominator })),
      fc.constantFrom('done' as const, 'in-progress' as const, 'not-started' as const).map((status) => ({ status })),
      fc.tuple(someNumber, count, count).map(([value, numerator, denominator]) => ({ value, numerator, denominator })),
    ),
    note: fc.option(fc.constantFrom('ghi chú', 'note'), { nil: undefined }),
  })
  .map(({ payload, org, note, ...rest }) => ({ ...rest, ...payload, ...(org === undefined ? {} : { org }), ...(note === undefined ? {} : { note }) }));

const asOf = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A permutation of `items` driven by generated sort keys. */
function permute<T>(items: T[], keys: number[]): T[] {
  return items.map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((x, y) => x.key - y.key || y.i - x.i).map((x) => x.item);
}

function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) numbersIn(item, found);
  return found;
}

describe('evaluate, properties', () => {
  it('does not depend on the order of entries', () => {
    fc.assert(
      fc.property(plan, fc.array(entry, { maxLength: 40 }), fc.array(fc.integer()), asOf, (p, entries, keys, date) => {
        expect(evaluate(p, permute(entries, keys), { asOf: date })).toEqual(evaluate(p, entries, { asOf: date }));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on how entries are split: shuffled chunks into one pool', () => {
    fc.assert(
      fc.property(plan, fc.array(entry, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }), fc.array(fc.integer()), asOf, (p, entries, cuts, keys, date) => {
        const points = [...new Set([0, ...cuts.filter((c) => c <= entries.length), entries.length])].sort((x, y) => x - y);
        const chunks = points.slice(1).map((end, i) => entries.slice(points[i], end));
        const pool = createPool();
        for (const chunk of permute(chunks, keys)) for (const e of chunk) pool.add(e);
        expect(evaluatePool(p, pool, { asOf: date })).toEqual(evaluate(p, entries, { asOf: date }));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, never emits NaN or Infinity, and always fits the schema', () => {
    const validate = evaluationValidator();
    fc.assert(
      fc.property(plan, fc.array(entry, { maxLength: 60 }), asOf, (p, entries, date) => {
        const evaluation = evaluate(p, entries, { asOf: date });
        for (const n of numbersIn(evaluation)) expect(Number.isFinite(n)).toBe(true);
        const json: unknown = JSON.parse(JSON.stringify(evaluation));
        expect(validate(json) ? [] : validate.errors).toEqual([]);
        expect(STATUSES.reduce((sum, s) => sum + evaluation.summary[s], 0)).toBe(evaluation.results.length);
      }),
      { numRuns: 400 },
    );
  });

  it('pooling equals recomputing from the raw counts', () => {
    const cell = fc.record({ numerator: fc.integer({ min: 0, max: 5000 }), extra: fc.integer({ min: 1, max: 5000 }) });
    const halves = fc.tuple(
      fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), cell, { minKeys: 1 }),
      fc.option(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), cell, { minKeys: 1 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(halves, ([first, second]) => {
        const raw: { period: string; org: string; numerator: number; denominator: number }[] = [];
        const periods: [string, Record<string, { numerator: number; extra: number }>][] = second === undefined ? [['2025', first]] : [['2025-H1', first], ['2025-H2', second]];
        for (const [label, byOrg] of periods) {
          for (const [org, c] of Object.entries(byOrg)) raw.push({ period: label, org, numerator: c.numerator, denominator: c.numerator + c.extra });
        }
        const pool = createPool();
        raw.forEach((r, i) => pool.add({ indicator: 'x', ...r, file: 'f.csv', line: i + 2 }));
        const { actual } = pool.actual('x', 2025, 'percent');
        let numerator = 0;
        let denominator = 0;
        for (const r of raw) {
          numerator += r.numerator;
          denominator += r.denominator;
        }
        expect(actual?.numerator).toBe(numerator);
        expect(actual?.denominator).toBe(denominator);
        expect(Math.abs((actual?.value ?? Number.NaN) - (100 * numerator) / denominator)).toBeLessThan(1e-9);
        expect(actual?.provisional).toBe(false);
        expect(actual?.sources).toEqual([{ file: 'f.csv', line: 2, ...(raw.length > 1 ? { lines: raw.map((_, i) => i + 2) } : {}) }]);
      }),
      { numRuns: 300 },
    );
  });
});
