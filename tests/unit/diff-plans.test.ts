import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/index.js';
import { atLeast, makePlan } from '../fixtures/diff/build.js';

describe('diffPlans', () => {
  const v1 = makePlan([
    { id: 'kept', targets: [atLeast(80, 2025)] },
    { id: 'raised', targets: [atLeast(80, 2025), atLeast(90, 2030)] },
    { id: 'dropped', targets: [atLeast(50, 2025)] },
    { id: 'recited', targets: [atLeast(70, 2025, ['II.2.a', 'II.6.a'])] },
    { id: 'reworded', targets: [{ horizon: { by: 2025 }, requirement: { gainAtLeast: 20 }, ref: ['I.1'] }] },
    { id: 'every', targets: [{ horizon: { everyYear: [2022, 2024] }, requirement: { atLeast: 100 }, ref: ['II.5'] }] },
  ]);
  const v2 = makePlan(
    [
      { id: 'kept', targets: [atLeast(80, 2025)] },
      { id: 'raised', targets: [atLeast(85, 2025), atLeast(90, 2030, ['I.2'])] },
      { id: 'recited', targets: [atLeast(70, 2025, ['II.6.a', 'II.2.a'])] },
      { id: 'reworded', targets: [{ horizon: { by: 2025 }, requirement: { gainAtLeast: 20, cap: 100 }, ref: ['I.1'] }] },
      { id: 'every', targets: [{ horizon: { everyYear: [2023, 2025] }, requirement: { atLeast: 100 }, ref: ['II.5'] }] },
      { id: 'fresh', targets: [atLeast(30, 2030)] },
    ],
    { version: 2 },
  );
  const diff = diffPlans(v1, v2);
  const byTarget = new Map(diff.changes.map((c) => [c.target, c]));

  it('a changed requirement is changed, with before and after requirement and the delta of the number', () => {
    expect(byTarget.get('raised@2025')).toEqual({
      target: 'raised@2025',
      before: { requirement: { atLeast: 80 }, horizon: { by: 2025 }, ref: ['I.1'] },
      after: { requirement: { atLeast: 85 }, horizon: { by: 2025 }, ref: ['I.1'] },
      change: 'changed',
      delta: 5,
      fields: ['requirement'],
    });
  });
  it('changed refs are a change; the same refs in another order are not', () => {
    expect(byTarget.get('raised@2030')).toMatchObject({ change: 'changed', fields: ['ref'], delta: 0 });
    expect(byTarget.get('recited@2025')).toMatchObject({ change: 'unchanged' });
  });
  it('a cap added to a gain is a changed requirement; the gain itself did not move', () => {
    expect(byTarget.get('reworded@2025')).toMatchObject({ change: 'changed', fields: ['requirement'], delta: 0 });
  });
  it('a moved range removes, adds and changes the horizon of the years it keeps', () => {
    expect(byTarget.get('every@2022')?.change).toBe('removed');
    expect(byTarget.get('every@2023')).toMatchObject({ change: 'changed', fields: ['horizon'] });
    expect(byTarget.get('every@2025')?.change).toBe('added');
  });
  it('a target of one plan only is added or removed, with the other side null', () => {
    expect(byTarget.get('fresh@2030')).toEqual({
      target: 'fresh@2030',
      before: null,
      after: { requirement: { atLeast: 30 }, horizon: { by: 2030 }, ref: ['I.1'] },
      change: 'added',
      delta: null,
    });
    expect(byTarget.get('dropped@2025')).toMatchObject({ change: 'removed', after: null, delta: null });
  });
  it('orders changed, added, removed, unchanged, plan order within each', () => {
    expect(diff.changes.map((c) => `${c.change}:${c.target}`)).toEqual([
      'changed:raised@2025',
      'changed:raised@2030',
      'changed:reworded@2025',
      'changed:every@2023',
      'changed:every@2024',
      'added:every@2025',
      'added:fresh@2030',
      'removed:dropped@2025',
      'removed:every@2022',
      'unchanged:kept@2025',
      'unchanged:recited@2025',
    ]);
  });
  it('names both plans and notes the new version', () => {
    expect(diff).toMatchObject({
      kind: 'Diff',
      compares: 'plans',
      before: { plan: { id: 'mini', version: 1 }, asOf: null },
      after: { plan: { id: 'mini', version: 2 }, asOf: null },
      notes: ['different-plan-versions'],
      summary: { regressed: 0, improved: 0, changed: 5, added: 2, removed: 2, unchanged: 2 },
    });
  });
  it('finds nothing between a plan and itself', () => {
    const same = diffPlans(v1, v1);
    expect(same.notes).toEqual([]);
    expect(same.changes.every((c) => c.change === 'unchanged')).toBe(true);
  });
  it('gives no delta between requirements of different kinds', () => {
    const a = makePlan([{ id: 'x', targets: [atLeast(30, 2030)] }]);
    const b = makePlan([{ id: 'x', targets: [{ horizon: { by: 2030 }, requirement: { between: [25, 35] }, ref: ['I.1'] }] }]);
    expect(diffPlans(a, b).changes[0]).toMatchObject({ change: 'changed', delta: null, fields: ['requirement'] });
  });
});
