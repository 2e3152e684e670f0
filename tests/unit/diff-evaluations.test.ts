import { describe, expect, it } from 'vitest';
import { diffEvaluations } from '../../src/diff/index.js';
import { evaluation, result } from '../fixtures/diff/build.js';

function changeOf(diff: ReturnType<typeof diffEvaluations>, target: string) {
  const found = diff.changes.find((c) => c.target === target);
  if (found === undefined) throw new Error(`no change for ${target}`);
  return found;
}

describe('diffEvaluations: each kind of change', () => {
  const before = evaluation([
    result('up@2025', 'missed', 70),
    result('down@2025', 'on-track', 85),
    result('moved@2025', 'met', 82),
    result('same@2025', 'met', 90),
    result('gone@2025', 'met', 99),
    result('lost@2025', 'met', 95),
    result('found@2025', 'no-data', null),
    result('blank@2025', 'no-data', null),
  ]);
  const after = evaluation([
    result('up@2025', 'met', 84.5),
    result('down@2025', 'off-track', 60),
    result('moved@2025', 'met', 88.25),
    result('same@2025', 'met', 90),
    result('lost@2025', 'no-data', null),
    result('found@2025', 'at-risk', 40),
    result('blank@2025', 'no-data', null),
    result('new@2025', 'on-track', 50),
  ]);
  const diff = diffEvaluations(before, after);

  it('a status moving toward met is improved, with the value delta', () => {
    expect(changeOf(diff, 'up@2025')).toEqual({
      target: 'up@2025',
      before: { status: 'missed', value: 70 },
      after: { status: 'met', value: 84.5 },
      change: 'improved',
      delta: 14.5,
    });
  });
  it('a status moving away from met is regressed', () => {
    expect(changeOf(diff, 'down@2025')).toMatchObject({ change: 'regressed', delta: -25 });
  });
  it('the same status with another value is changed', () => {
    expect(changeOf(diff, 'moved@2025')).toMatchObject({ change: 'changed', delta: 6.25 });
  });
  it('the same status and value is unchanged', () => {
    expect(changeOf(diff, 'same@2025')).toMatchObject({ change: 'unchanged', delta: 0 });
    expect(changeOf(diff, 'blank@2025')).toMatchObject({ change: 'unchanged', delta: null });
  });
  it('a move to or from no-data is changed, never judged, with no delta', () => {
    expect(changeOf(diff, 'lost@2025')).toMatchObject({ change: 'changed', delta: null, after: { status: 'no-data', value: null } });
    expect(changeOf(diff, 'found@2025')).toMatchObject({ change: 'changed', delta: null });
  });
  it('a target on one side only is added or removed', () => {
    expect(changeOf(diff, 'new@2025')).toEqual({
      target: 'new@2025',
      before: null,
      after: { status: 'on-track', value: 50 },
      change: 'added',
      delta: null,
    });
    expect(changeOf(diff, 'gone@2025')).toEqual({
      target: 'gone@2025',
      before: { status: 'met', value: 99 },
      after: null,
      change: 'removed',
      delta: null,
    });
  });
  it('counts every kind in the summary, zeros included', () => {
    expect(diff.summary).toEqual({ regressed: 1, improved: 1, changed: 3, added: 1, removed: 1, unchanged: 2 });
  });
  it('has one change per target on either side', () => {
    expect(diff.changes).toHaveLength(9);
    expect(new Set(diff.changes.map((c) => c.target)).size).toBe(9);
  });
  it('has the Diff header', () => {
    expect(diff).toMatchObject({ apiVersion: 'ccp/v1', kind: 'Diff', compares: 'evaluations', notes: [] });
  });
});

describe('diffEvaluations: every pair of judged statuses', () => {
  const order = ['met', 'on-track', 'at-risk', 'off-track', 'missed'] as const;
  for (const [i, from] of order.entries()) {
    for (const [j, to] of order.entries()) {
      if (i === j) continue;
      const expected = j < i ? 'improved' : 'regressed';
      it(`${from} → ${to} is ${expected}`, () => {
        const diff = diffEvaluations(evaluation([result('x@2025', from, 50)]), evaluation([result('x@2025', to, 50)]));
        expect(diff.changes[0]?.change).toBe(expected);
      });
    }
  }
});

describe('diffEvaluations: order', () => {
  it('puts regressions first, then improved, changed, added, removed, unchanged; plan order within each', () => {
    const before = evaluation([
      result('a@2025', 'met', 90),
      result('b@2025', 'met', 90),
      result('c@2025', 'missed', 10),
      result('d@2025', 'met', 90),
      result('e@2025', 'met', 90),
      result('f@2025', 'met', 90),
      result('g@2025', 'missed', 10),
      result('h@2025', 'met', 90),
    ]);
    const after = evaluation([
      result('a@2025', 'met', 90),
      result('b@2025', 'missed', 20),
      result('c@2025', 'met', 91),
      result('n@2025', 'met', 1),
      result('e@2025', 'met', 91),
      result('f@2025', 'missed', 30),
      result('g@2025', 'at-risk', 60),
      result('h@2025', 'met', 92),
    ]);
    const diff = diffEvaluations(before, after);
    expect(diff.changes.map((c) => `${c.change}:${c.target}`)).toEqual([
      'regressed:b@2025',
      'regressed:f@2025',
      'improved:c@2025',
      'improved:g@2025',
      'changed:e@2025',
      'changed:h@2025',
      'added:n@2025',
      'removed:d@2025',
      'unchanged:a@2025',
    ]);
  });

  it('keeps a removed target in its plan place among other removed ones', () => {
    const before = evaluation([result('a@2025', 'met', 1), result('b@2025', 'met', 1), result('c@2025', 'met', 1), result('d@2025', 'met', 1)]);
    const after = evaluation([result('a@2025', 'met', 1), result('c@2025', 'met', 1), result('e@2025', 'met', 1)]);
    const diff = diffEvaluations(before, after);
    expect(diff.changes.map((c) => c.target)).toEqual(['e@2025', 'b@2025', 'd@2025', 'a@2025', 'c@2025']);
  });
});

describe('diffEvaluations: two as-of dates', () => {
  it('lists the targets a later as-of adds (everyYear up to the as-of year) and keeps both dates', () => {
    const before = evaluation(
      [result('audit@2022', 'met', 100), result('audit@2023', 'missed', 90), result('online@2025', 'at-risk', 30)],
      { asOf: '2023-12-20' },
    );
    const after = evaluation(
      [
        result('audit@2022', 'met', 100),
        result('audit@2023', 'missed', 90),
        result('audit@2024', 'met', 100),
        result('online@2025', 'on-track', 45.5),
      ],
      { asOf: '2024-12-20' },
    );
    const diff = diffEvaluations(before, after);
    expect(diff.before).toEqual({ plan: { id: 'mini', version: 1 }, asOf: '2023-12-20' });
    expect(diff.after).toEqual({ plan: { id: 'mini', version: 1 }, asOf: '2024-12-20' });
    expect(diff.changes.map((c) => `${c.change}:${c.target}`)).toEqual([
      'improved:online@2025',
      'added:audit@2024',
      'unchanged:audit@2022',
      'unchanged:audit@2023',
    ]);
    expect(diff.changes[0]?.delta).toBe(15.5);
  });
});

describe('diffEvaluations: different plans', () => {
  it('compares the shared targets and says the plans differ', () => {
    const diff = diffEvaluations(
      evaluation([result('a@2025', 'met', 90), result('b@2025', 'met', 90)], { id: 'one' }),
      evaluation([result('a@2025', 'missed', 50), result('c@2025', 'met', 90)], { id: 'two' }),
    );
    expect(diff.notes).toEqual(['different-plans']);
    expect(diff.summary).toMatchObject({ regressed: 1, added: 1, removed: 1 });
  });
  it('says when the plan versions differ', () => {
    const diff = diffEvaluations(evaluation([], { version: 1 }), evaluation([], { version: 2 }));
    expect(diff.notes).toEqual(['different-plan-versions']);
    expect(diff.changes).toEqual([]);
  });
});

describe('diffEvaluations: numbers', () => {
  it('rounds deltas to two decimals without floating noise', () => {
    const diff = diffEvaluations(evaluation([result('x@2025', 'met', 0.1)]), evaluation([result('x@2025', 'met', 0.3)]));
    expect(diff.changes[0]?.delta).toBe(0.2);
  });
  it('rounds a negative half away from zero like a positive one', () => {
    const diff = diffEvaluations(evaluation([result('x@2025', 'met', 10)]), evaluation([result('x@2025', 'met', 7.995)]));
    expect(diff.changes[0]?.delta).toBe(-2.01);
  });
  it('treats a difference below the rounding as no change', () => {
    const diff = diffEvaluations(evaluation([result('x@2025', 'met', 90.2222)]), evaluation([result('x@2025', 'met', 90.2219)]));
    expect(diff.changes[0]).toMatchObject({ change: 'unchanged', delta: 0 });
  });
  it('never gives -0', () => {
    const diff = diffEvaluations(evaluation([result('x@2025', 'met', 5.001)]), evaluation([result('x@2025', 'met', 5)]));
    expect(Object.is(diff.changes[0]?.delta, -0)).toBe(false);
  });
});

describe('diffEvaluations: milestones', () => {
  it('shows a change of the reported state under the same status', () => {
    const diff = diffEvaluations(
      evaluation([result('m@2025', 'on-track', null, { status: 'in-progress' })], { asOf: '2024-06-01' }),
      evaluation([result('m@2025', 'on-track', null, { status: 'done' })], { asOf: '2024-12-01' }),
    );
    expect(diff.changes[0]).toEqual({
      target: 'm@2025',
      before: { status: 'on-track', value: null, milestone: 'in-progress' },
      after: { status: 'on-track', value: null, milestone: 'done' },
      change: 'changed',
      delta: null,
    });
  });
  it('judges a milestone moving from at-risk to met as improved', () => {
    const diff = diffEvaluations(
      evaluation([result('m@2025', 'at-risk', null, { status: 'not-started' })]),
      evaluation([result('m@2025', 'met', null, { status: 'done' })]),
    );
    expect(diff.changes[0]?.change).toBe('improved');
  });
});

describe('diffEvaluations: targets not yet due', () => {
  it('carries the progress ratio, and a moved ratio under the same status is a change', () => {
    const before = result('x@2025', 'on-track', null);
    before.progressRatio = 1.25;
    const after = result('x@2025', 'on-track', null);
    after.progressRatio = 0.97;
    const diff = diffEvaluations(evaluation([before]), evaluation([after]));
    expect(diff.changes[0]).toEqual({
      target: 'x@2025',
      before: { status: 'on-track', value: null, progressRatio: 1.25 },
      after: { status: 'on-track', value: null, progressRatio: 0.97 },
      change: 'changed',
      delta: null,
    });
  });
});
