import { describe, expect, it } from 'vitest';
import { evaluate, filterEvaluation, summarize, tripsFailOn } from '../../src/evaluate/index.js';
import { STATUSES, type Result, type Status } from '../../src/model/evaluation.js';
import type { Entry } from '../../src/model/measurement.js';
import type { Indicator, Requirement } from '../../src/model/plan.js';
import { count, entry, makePlan, milestone, percent } from '../fixtures/evaluate/build.js';

/** One not-yet-due target by 2025 judged as of 2025-06-01 (calendar reporting years). */
function progress(requirement: Requirement, values: Record<string, number>, extra: Partial<Indicator> = {}, measure: 'percent' | 'count' = 'percent'): Result {
  const make = measure === 'percent' ? percent : count;
  const plan = makePlan([make('p', [{ horizon: { by: 2025 }, requirement }], extra)]);
  const entries: Entry[] = Object.entries(values).map(([period, value]) => entry({ indicator: 'p', period, value }));
  const result = evaluate(plan, entries, { asOf: '2025-06-01' }).results[0];
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('progress ratio (not due)', () => {
  it('follows the CAGR formula: a worked example', () => {
    // base 40 (2021), latest 50 (2023), target 80 by 2025: spans of 2 and 4 years.
    const observed = Math.sqrt(50 / 40) - 1;
    const required = Math.sqrt(Math.sqrt(80 / 40)) - 1;
    const expected = Math.round((observed / required) * 1000) / 1000;
    const result = progress({ atLeast: 80 }, { '2023': 50 }, { baseline: { period: 2021, value: 40 } });
    expect(result.progressRatio).toBe(expected);
    expect(expected).toBe(0.624);
    expect(result.status).toBe('at-risk');
    // No figure for 2025 yet: the actual shown is the latest one the judgement rests on.
    expect(result.actual?.period).toBe('2023');
    expect(result.actual?.value).toBe(50);
    expect(result.gap).toBe(-30);
  });

  it('uses the earliest actual when there is no baseline', () => {
    const result = progress({ atLeast: 80 }, { '2021': 40, '2022': 45, '2023': 50 });
    expect(result.progressRatio).toBe(0.624);
  });

  it.each([
    [78, 0.95, 'on-track'],
    [77.96, 0.949, 'at-risk'],
    [64, 0.6, 'at-risk'],
    [63.96, 0.599, 'off-track'],
  ])('base 40, target 80 in one year, latest %d → R %d, %s', (latest, ratio, status) => {
    // One-year spans: R = (latest/40 − 1) / (80/40 − 1) = (latest − 40) / 40.
    const result = progress({ atLeast: 80 }, { '2024': 40, '2025-H1': latest });
    expect(result.progressRatio).toBe(ratio);
    expect(result.status).toBe(status);
    expect(result.actual).toMatchObject({ provisional: true, period: '2025-H1' });
  });

  it('going the wrong way is off-track with a negative ratio', () => {
    const result = progress({ atLeast: 80 }, { '2023': 50, '2024': 45 });
    expect(result.progressRatio).toBeLessThan(0);
    expect(result.status).toBe('off-track');
  });

  it('a latest actual that already satisfies is on-track whatever R says', () => {
    const result = progress({ atLeast: 80 }, { '2023': 90, '2024': 85 });
    expect(result.progressRatio).toBeLessThan(0);
    expect(result.status).toBe('on-track');
  });

  it('lower is better: d = −1', () => {
    const observed = Math.sqrt(20 / 30) - 1;
    const required = Math.sqrt(Math.sqrt(10 / 30)) - 1;
    const expected = Math.round((-observed / Math.abs(required)) * 1000) / 1000;
    const result = progress({ atMost: 10 }, { '2021': 30, '2023': 20 }, { better: 'lower' }, 'count');
    expect(result.progressRatio).toBe(expected);
    expect(result.progressRatio).toBeGreaterThan(0);
    expect(result.status).toBe('at-risk');
  });

  it('between: aims at the nearer bound from below and from above', () => {
    const below = progress({ between: [25, 35] }, { '2024': 10, '2025-H1': 20 });
    expect(below.progressRatio).toBe(Math.round(((20 / 10 - 1) / (25 / 10 - 1)) * 1000) / 1000);
    const above = progress({ between: [25, 35] }, { '2024': 50, '2025-H1': 40 });
    expect(above.progressRatio).toBe(Math.round((-(40 / 50 - 1) / Math.abs(35 / 50 - 1)) * 1000) / 1000);
    const inside = progress({ between: [25, 35] }, { '2024': 50, '2025-H1': 30 });
    expect(inside).toMatchObject({ status: 'on-track', progressRatio: null, gap: 0 });
  });

  it('a zero base counts as 0.001 and never gives NaN or Infinity', () => {
    const result = progress({ atLeast: 80 }, { '2023': 10 }, { baseline: { period: 2021, value: 0 } });
    const expected = Math.round(((Math.sqrt(10 / 0.001) - 1) / (Math.sqrt(Math.sqrt(80 / 0.001)) - 1)) * 1000) / 1000;
    expect(result.progressRatio).toBe(expected);
    expect(result.status).toBe('on-track');
    const flat = progress({ atLeast: 80 }, { '2021': 0, '2023': 0 });
    expect(flat.progressRatio).toBe(-Math.round((1 / (Math.sqrt(Math.sqrt(80 / 0.001)) - 1)) * 1000) / 1000);
    expect(flat.status).toBe('off-track');
  });

  it('one year of data: on-track if already satisfied, else no-data', () => {
    expect(progress({ atLeast: 80 }, { '2023': 85 })).toMatchObject({ status: 'on-track', progressRatio: null });
    const short = progress({ atLeast: 80 }, { '2023': 50 });
    expect(short).toMatchObject({ status: 'no-data', progressRatio: null });
    expect(short.remarks).toContain('too-few-years');
  });

  it('no data at all is no-data', () => {
    expect(progress({ atLeast: 80 }, {})).toMatchObject({ status: 'no-data', progressRatio: null, actual: null });
  });

  it('no growth required and none made: off-track without a ratio', () => {
    const result = progress({ moreThan: 80 }, { '2023': 80 }, { baseline: { period: 2021, value: 80 } });
    expect(result).toMatchObject({ status: 'off-track', progressRatio: null });
    expect(result.remarks).toContain('progress-ratio-undefined');
  });

  it('negative counts give no ratio rather than NaN', () => {
    const result = progress({ atLeast: 10 }, { '2023': -5, '2024': -2 }, {}, 'count');
    expect(result).toMatchObject({ status: 'no-data', progressRatio: null });
    expect(result.remarks).toContain('progress-ratio-undefined');
  });

  it('data for years after the as-of year is not looked at', () => {
    const result = progress({ atLeast: 80 }, { '2023': 50, '2024': 60, '2026': 99 });
    expect(result.progressRatio).toBe(Math.round(((60 / 50 - 1) / Math.abs(Math.sqrt(80 / 50) - 1)) * 1000) / 1000);
    const plan = makePlan([percent('p', [{ horizon: { by: 2026 }, requirement: { atLeast: 80 } }])]);
    const future = evaluate(plan, [entry({ indicator: 'p', period: '2026', value: 99 })], { asOf: '2025-06-01' }).results[0];
    expect(future).toMatchObject({ actual: null, status: 'no-data' });
  });
});

describe('gainAtLeast not yet due', () => {
  it('is held against the previous actual plus the gain', () => {
    const ahead = progress({ gainAtLeast: 20, cap: 100 }, { '2023': 30, '2024': 50, '2025-H1': 72 });
    expect(ahead).toMatchObject({ status: 'on-track', required: 70, gap: 2 });
    const behind = progress({ gainAtLeast: 20, cap: 100 }, { '2023': 30, '2024': 50, '2025-H1': 60 });
    expect(behind.required).toBe(70);
    expect(behind.progressRatio).toBe(Math.round(((Math.sqrt(60 / 30) - 1) / (Math.sqrt(70 / 30) - 1)) * 1000) / 1000);
    expect(behind.status).toBe('at-risk');
  });

  it('is no-data while the previous year has no actual', () => {
    const result = progress({ gainAtLeast: 20 }, { '2023': 30, '2025-H1': 60 });
    expect(result.status).toBe('no-data');
    expect(result.remarks).toContain('previous-year-missing');
  });
});

describe('milestones not due', () => {
  it.each([
    ['done', 'on-track'],
    ['in-progress', 'on-track'],
    ['not-started', 'at-risk'],
  ] as const)('%s → %s', (state, status) => {
    const plan = makePlan([milestone('m', 2030)]);
    const result = evaluate(plan, [entry({ indicator: 'm', period: '2024', status: state })], { asOf: '2025-03-01' }).results[0];
    expect(result).toMatchObject({ status, progressRatio: null, gap: null });
  });

  it('no report → no-data', () => {
    expect(evaluate(makePlan([milestone('m', 2030)]), [], { asOf: '2025-03-01' }).results[0]?.status).toBe('no-data');
  });
});

describe('horizons', () => {
  const plan = (closes?: string) =>
    makePlan(
      [
        percent('every', [{ horizon: { everyYear: [2022, 2030] }, requirement: { atLeast: 100 } }]),
        percent('once', [{ horizon: { by: 2030 }, requirement: { atLeast: 100 } }]),
      ],
      closes === undefined ? {} : { reportingYear: { closes } },
    );

  it('everyYear yields one result per year up to the as-of reporting year, not beyond', () => {
    const targets = (asOf: string, closes?: string) => evaluate(plan(closes), [], { asOf }).results.map((r) => r.target);
    expect(targets('2025-06-01')).toEqual(['every@2022', 'every@2023', 'every@2024', 'every@2025', 'once@2030']);
    expect(targets('2025-12-14', '12-14')).toEqual(['every@2022', 'every@2023', 'every@2024', 'every@2025', 'once@2030']);
    expect(targets('2025-12-15', '12-14')).toEqual(['every@2022', 'every@2023', 'every@2024', 'every@2025', 'every@2026', 'once@2030']);
    expect(targets('2021-06-01')).toEqual(['once@2030']);
  });

  it('past years are judged met or missed, the running year by progress', () => {
    const entries = [entry({ indicator: 'every', period: '2022', value: 100 }), entry({ indicator: 'every', period: '2023', value: 90 })];
    const statuses = evaluate(plan(), entries, { asOf: '2024-03-01' }).results.map((r) => [r.target, r.status]);
    expect(statuses).toEqual([
      ['every@2022', 'met'],
      ['every@2023', 'missed'],
      ['every@2024', 'off-track'],
      ['once@2030', 'no-data'],
    ]);
  });
});

describe('summary, filters and --fail-on', () => {
  it('summarize counts every status, zeros included', () => {
    const summary = summarize([{ status: 'met' }, { status: 'met' }, { status: 'no-data' }]);
    expect(Object.keys(summary)).toEqual([...STATUSES]);
    expect(summary).toEqual({ met: 2, 'on-track': 0, 'at-risk': 0, 'off-track': 0, missed: 0, 'no-data': 1 });
  });

  it('the evaluation summary agrees with its results', () => {
    const plan = makePlan([percent('a', [{ horizon: { everyYear: [2022, 2025] }, requirement: { atLeast: 50 } }])]);
    const evaluation = evaluate(plan, [entry({ indicator: 'a', period: '2022', value: 60 }), entry({ indicator: 'a', period: '2023', value: 40 })], { asOf: '2025-02-01' });
    for (const status of STATUSES) expect(evaluation.summary[status]).toBe(evaluation.results.filter((r) => r.status === status).length);
  });

  it('filterEvaluation keeps matching results and recomputes the summary', () => {
    const plan = makePlan([
      percent('a', [{ horizon: { everyYear: [2022, 2024] }, requirement: { atLeast: 50 } }]),
      percent('b', [{ horizon: { by: 2024 }, requirement: { atLeast: 50 } }], { area: 'area-b' }),
    ]);
    const entries = [entry({ indicator: 'a', period: '2022', value: 60 }), entry({ indicator: 'a', period: '2023', value: 40 }), entry({ indicator: 'b', period: '2024', value: 70 })];
    const all = evaluate(plan, entries, { asOf: '2025-02-01' });
    const byArea = filterEvaluation(all, { areas: ['area-b'] });
    expect(byArea.results.map((r) => r.target)).toEqual(['b@2024']);
    expect(byArea.summary.met).toBe(1);
    const byYear = filterEvaluation(all, { years: [2023, 2024] });
    expect(byYear.results.map((r) => r.target)).toEqual(['a@2023', 'a@2024', 'b@2024']);
    const byStatus = filterEvaluation(all, { statuses: ['missed', 'no-data'] });
    expect(byStatus.results.map((r) => r.target)).toEqual(['a@2023', 'a@2024']);
    expect(byStatus.summary).toMatchObject({ missed: 1, 'no-data': 1, met: 0 });
    expect(filterEvaluation(all, { areas: [] }).results).toHaveLength(all.results.length);
    expect(all.results).toHaveLength(4);
  });

  const order: Status[] = ['met', 'on-track', 'at-risk', 'off-track', 'missed'];
  it('tripsFailOn: the threshold or worse, no-data apart', () => {
    for (const [i, threshold] of order.entries()) {
      for (const [j, status] of order.entries()) expect(tripsFailOn(status, threshold)).toBe(j >= i);
      expect(tripsFailOn('no-data', threshold)).toBe(false);
      expect(tripsFailOn(threshold, 'no-data')).toBe(false);
    }
    expect(tripsFailOn('no-data', 'no-data')).toBe(true);
  });
});
