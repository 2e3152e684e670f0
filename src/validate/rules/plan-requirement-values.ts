import type { Requirement } from '../../model/plan.js';
import type { PlanRule } from './types.js';

function numbersOf(requirement: Requirement): { key: string; values: number[] } {
  const [key] = Object.keys(requirement);
  const values = Object.values(requirement).flatMap((v: unknown) => (Array.isArray(v) ? v : [v])).filter((v): v is number => typeof v === 'number');
  return { key: key ?? '', values };
}

/**
 * A requirement fits its indicator: a milestone asks `expect: done`, a number asks for a
 * number, and a percent's numbers (requirement, cap, baseline) lie in 0–100.
 */
export const planRequirementValues: PlanRule = ({ plan, report }) => {
  plan.indicators.forEach((indicator, i) => {
    const base = `/indicators/${i}`;
    if (indicator.measure === 'percent' && indicator.baseline !== undefined) {
      const value = indicator.baseline.value;
      if (value < 0 || value > 100) report('invalid-value', { pointer: `${base}/baseline/value` }, `a percent baseline must lie in 0–100; got ${value}`);
    }
    indicator.targets.forEach((target, j) => {
      const { key, values } = numbersOf(target.requirement);
      const pointer = `${base}/targets/${j}/${key}`;
      const milestone = indicator.measure === 'milestone';
      if (milestone !== ('expect' in target.requirement)) {
        const message = milestone
          ? `'${indicator.id}' is a milestone: its target is 'expect: done', not '${key}'`
          : `'${indicator.id}' is a ${indicator.measure}: 'expect: done' is for milestones`;
        report('measure-mismatch', { pointer, key: true }, message);
        return;
      }
      if (indicator.measure !== 'percent') return;
      if ('gainAtLeast' in target.requirement) {
        const { gainAtLeast, cap } = target.requirement;
        if (gainAtLeast > 100) report('invalid-value', { pointer }, `a yearly gain of ${gainAtLeast} points cannot fit a percent`);
        if (cap !== undefined && (cap < 0 || cap > 100)) {
          report('invalid-value', { pointer: `${base}/targets/${j}/cap` }, `a percent cap must lie in 0–100; got ${cap}`);
        }
        return;
      }
      const outside = values.find((v) => v < 0 || v > 100);
      if (outside !== undefined) report('invalid-value', { pointer }, `a percent target must lie in 0–100; got ${outside}`);
    });
  });
};
