import { describe, expect, it } from 'vitest';
import { evaluate, isDue, reportingYearOf, yearCloses } from '../../src/evaluate/index.js';
import { UsageError } from '../../src/model/errors.js';
import { entry, makePlan, percent } from '../fixtures/evaluate/build.js';

const shipped = makePlan([], { reportingYear: { closes: '12-14' } });
const calendar = makePlan([]);

describe('yearCloses', () => {
  it('uses reportingYear.closes, else 31 December', () => {
    expect(yearCloses(shipped, 2025)).toBe('2025-12-14');
    expect(yearCloses(calendar, 2025)).toBe('2025-12-31');
  });

  it('moves a day the month lacks back to its last day', () => {
    const leap = makePlan([], { reportingYear: { closes: '02-29' } });
    expect(yearCloses(leap, 2024)).toBe('2024-02-29');
    expect(yearCloses(leap, 2025)).toBe('2025-02-28');
    expect(yearCloses(makePlan([], { reportingYear: { closes: '04-31' } }), 2025)).toBe('2025-04-30');
  });
});

describe('isDue with closes 12-14: the closing day still belongs to the year', () => {
  it.each([
    ['2025-12-13', false],
    ['2025-12-14', false],
    ['2025-12-15', true],
    ['2026-01-01', true],
    ['2025-01-01', false],
  ])('year 2025 as of %s → due %s', (asOf, due) => {
    expect(isDue(shipped, 2025, asOf)).toBe(due);
  });

  it('reporting years start the day after the close', () => {
    expect(reportingYearOf(shipped, '2025-12-13')).toBe(2025);
    expect(reportingYearOf(shipped, '2025-12-14')).toBe(2025);
    expect(reportingYearOf(shipped, '2025-12-15')).toBe(2026);
    expect(reportingYearOf(shipped, '2026-01-10')).toBe(2026);
  });
});

describe('isDue without reportingYear: calendar years', () => {
  it.each([
    ['2025-12-30', false],
    ['2025-12-31', false],
    ['2026-01-01', true],
  ])('year 2025 as of %s → due %s', (asOf, due) => {
    expect(isDue(calendar, 2025, asOf)).toBe(due);
  });

  it('the reporting year is the calendar year', () => {
    expect(reportingYearOf(calendar, '2025-12-31')).toBe(2025);
    expect(reportingYearOf(calendar, '2026-01-01')).toBe(2026);
  });
});

describe('due and reporting year agree', () => {
  it('year Y is due exactly when the as-of reporting year is later', () => {
    for (const plan of [shipped, calendar]) {
      for (const asOf of ['2024-12-14', '2024-12-15', '2024-12-31', '2025-01-01', '2025-06-30', '2025-12-14', '2025-12-15']) {
        for (const year of [2023, 2024, 2025, 2026]) {
          expect(isDue(plan, year, asOf)).toBe(reportingYearOf(plan, asOf) > year);
        }
      }
    }
  });

  it('refuses a malformed as-of date with a typed error', () => {
    expect(() => isDue(shipped, 2025, '14/12/2025')).toThrow(UsageError);
    expect(() => reportingYearOf(shipped, '')).toThrow(UsageError);
  });
});

describe('the boundary in a whole evaluation', () => {
  const plan = makePlan([percent('p', [{ horizon: { by: 2025 }, requirement: { atLeast: 80 } }])], { reportingYear: { closes: '12-14' } });
  const entries = [entry({ indicator: 'p', period: '2024', value: 60 }), entry({ indicator: 'p', period: '2025', value: 70 })];

  it.each([
    ['2025-12-13', 'off-track'],
    ['2025-12-14', 'off-track'],
    ['2025-12-15', 'missed'],
  ])('as of %s the 2025 target is %s', (asOf, status) => {
    const result = evaluate(plan, entries, { asOf }).results[0];
    expect(result?.status).toBe(status);
    expect(result?.progressRatio === null).toBe(status === 'missed');
  });
});
