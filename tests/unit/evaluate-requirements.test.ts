import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import type { Result } from '../../src/model/evaluation.js';
import type { Entry } from '../../src/model/measurement.js';
import type { Indicator, Requirement } from '../../src/model/plan.js';
import { count, entry, makePlan, milestone, percent } from '../fixtures/evaluate/build.js';

/** Judges one 2025 target as of 2026-06-01 (due) on a 2025 value, with an optional 2024 value. */
function judge(requirement: Requirement, value: number | undefined, previous?: number, extra: Partial<Indicator> = {}): Result {
  const plan = makePlan([percent('p', [{ horizon: { by: 2025 }, requirement }], extra)]);
  const entries: Entry[] = [];
  if (value !== undefined) entries.push(entry({ indicator: 'p', period: '2025', value }));
  if (previous !== undefined) entries.push(entry({ indicator: 'p', period: '2024', value: previous }));
  const result = evaluate(plan, entries, { asOf: '2026-06-01' }).results[0];
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('requirements at, above and below their thresholds (due)', () => {
  it.each([
    [{ atLeast: 80 }, 79.9, 'missed', -0.1],
    [{ atLeast: 80 }, 80, 'met', 0],
    [{ atLeast: 80 }, 80.1, 'met', 0.1],
    [{ moreThan: 30 }, 29.9, 'missed', -0.1],
    [{ moreThan: 30 }, 30, 'missed', 0],
    [{ moreThan: 30 }, 30.1, 'met', 0.1],
    [{ atMost: 10 }, 9.9, 'met', 0.1],
    [{ atMost: 10 }, 10, 'met', 0],
    [{ atMost: 10 }, 10.1, 'missed', -0.1],
    [{ lessThan: 10 }, 9.9, 'met', 0.1],
    [{ lessThan: 10 }, 10, 'missed', 0],
    [{ lessThan: 10 }, 10.1, 'missed', -0.1],
  ] as [Requirement, number, string, number][])('%j with %d → %s, gap %d', (requirement, value, status, gap) => {
    const result = judge(requirement, value);
    expect(result.status).toBe(status);
    expect(result.gap).toBeCloseTo(gap, 9);
    expect(result.progressRatio).toBeNull();
  });

  it('required is the threshold for the one-sided requirements', () => {
    expect(judge({ atLeast: 80 }, 70).required).toBe(80);
    expect(judge({ lessThan: 5 }, 7).required).toBe(5);
  });
});

describe('between, inclusive at both edges', () => {
  it.each([
    [24.9, 'missed', -0.1],
    [25, 'met', 0],
    [30, 'met', 0],
    [35, 'met', 0],
    [35.1, 'missed', -0.1],
    [10, 'missed', -15],
    [50, 'missed', -15],
  ])('[25, 35] with %d → %s, gap %d', (value, status, gap) => {
    const result = judge({ between: [25, 35] }, value);
    expect(result.status).toBe(status);
    expect(result.gap).toBeCloseTo(gap, 9);
    expect(result.required).toBeNull();
  });
});

describe('gainAtLeast', () => {
  it('holds when the actual reaches the previous actual plus the gain', () => {
    expect(judge({ gainAtLeast: 20 }, 70, 50)).toMatchObject({ status: 'met', required: 70, gap: 0 });
    expect(judge({ gainAtLeast: 20 }, 69.9, 50)).toMatchObject({ status: 'missed', required: 70 });
    expect(judge({ gainAtLeast: 20 }, 75, 50)).toMatchObject({ status: 'met', required: 70, gap: 5 });
  });

  it('a cap lowers what is required once it is near', () => {
    expect(judge({ gainAtLeast: 20, cap: 100 }, 100, 90)).toMatchObject({ status: 'met', required: 100, gap: 0 });
    expect(judge({ gainAtLeast: 20, cap: 100 }, 99, 90)).toMatchObject({ status: 'missed', required: 100 });
    expect(judge({ gainAtLeast: 20 }, 100, 90)).toMatchObject({ status: 'missed', required: 110 });
  });

  it('without the previous year there is nothing to add the gain to', () => {
    const result = judge({ gainAtLeast: 20, cap: 100 }, 90);
    expect(result.status).toBe('no-data');
    expect(result.required).toBeNull();
    expect(result.remarks).toContain('previous-year-missing');
    expect(result.actual?.value).toBe(90);
  });
});

describe('missing data and milestones', () => {
  it('a due target without a value is no-data', () => {
    const result = judge({ atLeast: 80 }, undefined);
    expect(result).toMatchObject({ status: 'no-data', actual: null, gap: null, required: 80 });
  });

  it.each([
    ['done', 'met'],
    ['in-progress', 'missed'],
    ['not-started', 'missed'],
  ] as const)('a due milestone reported %s is %s', (state, status) => {
    const plan = makePlan([milestone('m', 2025)]);
    const result = evaluate(plan, [entry({ indicator: 'm', period: '2025', status: state })], { asOf: '2026-01-05' }).results[0];
    expect(result).toMatchObject({ status, gap: null, required: null, progressRatio: null, actual: { status: state, value: null } });
  });

  it('a milestone done in an earlier year counts for a later deadline; done after it does not', () => {
    const plan = makePlan([milestone('m', 2025)]);
    const early = evaluate(plan, [entry({ indicator: 'm', period: '2024', status: 'done' })], { asOf: '2026-01-05' }).results[0];
    expect(early?.status).toBe('met');
    expect(early?.actual?.period).toBe('2024');
    const late = evaluate(plan, [entry({ indicator: 'm', period: '2026', status: 'done' })], { asOf: '2027-01-05' }).results[0];
    expect(late?.status).toBe('no-data');
  });

  it('a due milestone with no report is no-data', () => {
    const plan = makePlan([milestone('m', 2025)]);
    expect(evaluate(plan, [], { asOf: '2026-01-05' }).results[0]?.status).toBe('no-data');
  });
});

describe('floating-point tolerance', () => {
  it('8 of 10 is 80% for a person, whatever the floating error', () => {
    const plan = makePlan([percent('p', [{ horizon: { by: 2025 }, requirement: { atLeast: 80 } }])]);
    const result = evaluate(plan, [entry({ indicator: 'p', period: '2025', numerator: 8, denominator: 10 })], { asOf: '2026-01-02' }).results[0];
    expect(result).toMatchObject({ status: 'met', gap: 0, actual: { value: 80 } });
  });

  it('a value a hair under the bound by floating error meets it, and a hair over is not more than it', () => {
    expect(judge({ atLeast: 80 }, 79.99999999999)).toMatchObject({ status: 'met', gap: 0 });
    expect(judge({ moreThan: 80 }, 80.00000000001).status).toBe('missed');
    expect(judge({ atMost: 0.3 }, 0.1 + 0.2).status).toBe('met');
    expect(judge({ between: [0.3, 0.5] }, 0.1 + 0.2)).toMatchObject({ status: 'met', gap: 0 });
  });

  it('a real shortfall of a thousandth is still a shortfall', () => {
    expect(judge({ atLeast: 80 }, 79.999).status).toBe('missed');
  });
});

describe('lower is better', () => {
  it('a count that must fall: gap positive when below the ceiling', () => {
    const ind = count('complaints', [{ horizon: { by: 2025 }, requirement: { atMost: 20 } }], { better: 'lower' });
    const plan = makePlan([ind]);
    const result = evaluate(plan, [entry({ indicator: 'complaints', period: '2025', value: 12 })], { asOf: '2026-02-01' }).results[0];
    expect(result).toMatchObject({ status: 'met', gap: 8, required: 20 });
  });
});
