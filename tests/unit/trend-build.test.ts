import { describe, expect, it } from 'vitest';
import { trendOf } from '../../src/diff/index.js';
import type { Entry } from '../../src/model/measurement.js';
import { atLeast, makePlan } from '../fixtures/diff/build.js';

let line = 0;
function entry(indicator: string, period: string, fields: Partial<Entry>): Entry {
  line += 1;
  return { indicator, period, file: 'data.yaml', line, ...fields };
}

const plan = makePlan([
  { id: 'online', targets: [atLeast(50, 2025), atLeast(80, 2030)] },
  { id: 'digitized', targets: [atLeast(50, 2022), { horizon: { everyYear: [2023, 2024] }, requirement: { gainAtLeast: 20, cap: 100 }, ref: ['I.2'] }] },
  { id: 'permits', area: 'a2', measure: 'count', targets: [] },
  { id: 'reform', area: 'a2', measure: 'milestone', targets: [{ horizon: { by: 2025 }, requirement: { expect: 'done' }, ref: ['I.3'] }] },
  { id: 'silent', targets: [atLeast(10, 2025)] },
]);

const entries: Entry[] = [
  entry('online', '2022', { value: 20 }),
  entry('online', '2023', { numerator: 30, denominator: 100, value: 30, org: 'East' }),
  entry('online', '2023', { numerator: 150, denominator: 300, value: 50, org: 'West' }),
  entry('online', '2024-H1', { value: 41.25 }),
  entry('digitized', '2022', { value: 55 }),
  entry('digitized', '2023', { value: 90 }),
  entry('permits', '2023-Q1', { value: 10 }),
  entry('permits', '2023-Q2', { value: 15 }),
  entry('reform', '2022', { status: 'not-started' }),
  entry('reform', '2024', { status: 'done' }),
];

describe('trendOf', () => {
  const trend = trendOf(plan, entries);
  const row = (id: string) => {
    const found = trend.rows.find((r) => r.indicator === id);
    if (found === undefined) throw new Error(id);
    return found;
  };

  it('has one column per year that has data, and one row per indicator in plan order', () => {
    expect(trend.years).toEqual([2022, 2023, 2024]);
    expect(trend.rows.map((r) => r.indicator)).toEqual(['online', 'digitized', 'permits', 'reform', 'silent']);
    expect(trend).toMatchObject({ apiVersion: 'ccp/v1', kind: 'Trend', plan: { id: 'mini', version: 1 } });
  });

  it('pools orgs by their counts, as evaluate does (180 / 400)', () => {
    expect(row('online').points[1]).toEqual({ year: 2023, value: 45, period: '2023', provisional: false });
  });

  it('marks a year covered only in part as provisional, with its latest period', () => {
    expect(row('online').points[2]).toEqual({ year: 2024, value: 41.25, period: '2024-H1', provisional: true });
    expect(row('permits').points[1]).toMatchObject({ value: 25, period: '2023-Q2', provisional: true });
  });

  it('leaves years without data empty, and draws them as gaps', () => {
    expect(row('digitized').points[2]).toBeNull();
    expect(row('permits').points[0]).toBeNull();
    expect(row('permits').sparkline).toBe('·▄·');
    expect(row('silent').points).toEqual([null, null, null]);
    expect(row('silent').sparkline).toBe('···');
  });

  it('draws the values between their lowest and highest', () => {
    // online: 20, 45, 41.25 → levels 0, 7, (21.25/25)*7 = 5.95 → 6
    expect(row('online').sparkline).toBe('▁█▇');
  });

  it('shows milestones by their reported state, on a fixed scale', () => {
    expect(row('reform').points.map((p) => p?.milestone ?? null)).toEqual(['not-started', null, 'done']);
    expect(row('reform').sparkline).toBe('▁·█');
  });

  it('lists the targets by year with the number each asks for', () => {
    expect(row('online').targets).toEqual([
      { target: 'online@2025', year: 2025, requirement: { atLeast: 50 }, required: 50 },
      { target: 'online@2030', year: 2030, requirement: { atLeast: 80 }, required: 80 },
    ]);
    // a yearly gain asks for the previous year's actual plus the gain, capped; unknown without it
    expect(row('digitized').targets.map((t) => [t.target, t.required])).toEqual([
      ['digitized@2022', 50],
      ['digitized@2023', 75],
      ['digitized@2024', 100],
    ]);
    expect(row('reform').targets[0]?.required).toBeNull();
  });

  it('keeps only the areas asked for', () => {
    const only = trendOf(plan, entries, { areas: ['a2'] });
    expect(only.rows.map((r) => r.indicator)).toEqual(['permits', 'reform']);
    expect(only.years).toEqual([2022, 2023, 2024]);
  });

  it('leaves out years after the as-of date, as an evaluation does', () => {
    const early = trendOf(plan, entries, { asOf: '2023-06-30' });
    expect(early.years).toEqual([2022, 2023]);
    expect(early.rows.find((r) => r.indicator === 'reform')?.sparkline).toBe('▁·');
  });

  it('does not depend on the order of the entries', () => {
    expect(trendOf(plan, [...entries].reverse())).toEqual(trend);
  });

  it('gives no columns for no data', () => {
    const empty = trendOf(plan, []);
    expect(empty.years).toEqual([]);
    expect(empty.rows).toHaveLength(5);
    expect(empty.rows[0]?.sparkline).toBe('');
  });
});
