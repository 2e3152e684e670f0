import type { PlanRule } from './types.js';

/** Ranges run forward, and every target year lies inside the plan's period. */
export const planRanges: PlanRule = ({ plan, report }) => {
  const [start, end] = plan.period;
  if (start > end) {
    report('invalid-range', { pointer: '/period' }, `the plan's period runs backwards: ${start} is after ${end}`);
    return;
  }
  plan.indicators.forEach((indicator, i) => {
    indicator.targets.forEach((target, j) => {
      const base = `/indicators/${i}/targets/${j}`;
      const requirement = target.requirement;
      if ('between' in requirement && requirement.between[0] > requirement.between[1]) {
        report('invalid-range', { pointer: `${base}/between` }, `between [${requirement.between.join(', ')}]: the low bound is above the high one`);
      }
      const horizon = target.horizon;
      if ('by' in horizon) {
        if (horizon.by < start || horizon.by > end) {
          report('invalid-range', { pointer: `${base}/by` }, `year ${horizon.by} is outside the plan's period ${start}–${end}`);
        }
        return;
      }
      const [first, last] = horizon.everyYear;
      if (first > last) {
        report('invalid-range', { pointer: `${base}/everyYear` }, `everyYear [${first}, ${last}] runs backwards`);
      } else if (first < start || last > end) {
        report('invalid-range', { pointer: `${base}/everyYear` }, `years ${first}–${last} reach outside the plan's period ${start}–${end}`);
      }
    });
  });
};
