import { didYouMean } from '../suggest.js';
import type { PlanRule } from './types.js';

/** Every indicator belongs to an area the plan lists. */
export const planUnknownArea: PlanRule = ({ plan, report }) => {
  const areas = plan.areas.map((a) => a.id);
  plan.indicators.forEach((indicator, i) => {
    if (areas.includes(indicator.area)) return;
    report('unknown-area', { pointer: `/indicators/${i}/area` }, `unknown area '${indicator.area}'${didYouMean(indicator.area, areas)}`);
  });
};
