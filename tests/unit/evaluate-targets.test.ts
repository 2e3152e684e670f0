import { describe, expect, it } from 'vitest';
import { expandTargets } from '../../src/evaluate/targets.js';
import { makePlan, percent, milestone } from '../fixtures/evaluate/build.js';

describe('expandTargets', () => {
  it('gives one target per indicator and year, in plan order then year', () => {
    const plan = makePlan([
      percent('b-first', [
        { horizon: { by: 2030 }, requirement: { atLeast: 95 } },
        { horizon: { by: 2025 }, requirement: { atLeast: 90 } },
      ]),
      percent('a-second', [{ horizon: { everyYear: [2022, 2024] }, requirement: { atLeast: 100 } }]),
      milestone('c-third', 2025),
    ]);
    const ids = expandTargets(plan).map((t) => t.id);
    expect(ids).toEqual(['b-first@2025', 'b-first@2030', 'a-second@2022', 'a-second@2023', 'a-second@2024', 'c-third@2025']);
  });

  it('carries area, refs, requirement and horizon', () => {
    const plan = makePlan([percent('x', [{ horizon: { everyYear: [2022, 2023] }, requirement: { atLeast: 100 }, ref: ['II.5'] }])]);
    const [first] = expandTargets(plan);
    expect(first).toMatchObject({
      indicator: 'x',
      area: 'area-a',
      year: 2022,
      ref: ['II.5'],
      requirement: { atLeast: 100 },
      horizon: { everyYear: [2022, 2023] },
    });
  });

  it('yields nothing for a reversed range', () => {
    const plan = makePlan([percent('x', [{ horizon: { everyYear: [2025, 2022] }, requirement: { atLeast: 1 } }])]);
    expect(expandTargets(plan)).toEqual([]);
  });
});
