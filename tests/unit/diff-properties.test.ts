import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffEvaluations } from '../../src/diff/index.js';
import { STATUSES } from '../../src/model/evaluation.js';
import { evaluation, result } from '../fixtures/diff/build.js';

const side = fc.record({
  present: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  value: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), { nil: null }),
});
const sides = fc.array(fc.tuple(side, side), { maxLength: 12 });

function build(pairs: [{ present: boolean; status: (typeof STATUSES)[number]; value: number | null }, unknown][]) {
  return evaluation(pairs.flatMap(([s], i) => (s.present ? [result(`t${i}@2025`, s.status, s.value)] : [])));
}

const MIRROR: Record<string, string> = {
  regressed: 'improved',
  improved: 'regressed',
  added: 'removed',
  removed: 'added',
  changed: 'changed',
  unchanged: 'unchanged',
};

describe('diffEvaluations: properties', () => {
  it('an evaluation against itself is all unchanged', () => {
    fc.assert(
      fc.property(sides, (pairs) => {
        const one = build(pairs);
        const diff = diffEvaluations(one, one);
        expect(diff.changes.every((c) => c.change === 'unchanged')).toBe(true);
        expect(diff.changes).toHaveLength(one.results.length);
      }),
    );
  });

  it('swapping the sides mirrors every change and negates every delta', () => {
    fc.assert(
      fc.property(sides, (pairs) => {
        const a = build(pairs);
        const b = build(pairs.map(([x, y]) => [y, x]));
        const forward = new Map(diffEvaluations(a, b).changes.map((c) => [c.target, c]));
        for (const back of diffEvaluations(b, a).changes) {
          const there = forward.get(back.target);
          expect(there?.change).toBe(MIRROR[back.change]);
          expect(there?.delta ?? null).toBe(back.delta === null ? null : back.delta === 0 ? 0 : -back.delta);
        }
        expect(forward.size).toBe(diffEvaluations(b, a).changes.length);
      }),
    );
  });

  it('lists every target once, and the kinds in order', () => {
    const order = ['regressed', 'improved', 'changed', 'added', 'removed', 'unchanged'];
    fc.assert(
      fc.property(sides, (pairs) => {
        const diff = diffEvaluations(build(pairs), build(pairs.map(([x, y]) => [y, x])));
        const ranks = diff.changes.map((c) => order.indexOf(c.change));
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        expect(new Set(diff.changes.map((c) => c.target)).size).toBe(diff.changes.length);
        const total = Object.values(diff.summary).reduce((sum, n) => sum + n, 0);
        expect(total).toBe(diff.changes.length);
      }),
    );
  });
});
