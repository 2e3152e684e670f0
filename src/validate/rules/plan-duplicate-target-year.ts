import { horizonKey, horizonYears } from './horizon.js';
import type { PlanRule } from './types.js';

/** An indicator has at most one target per year (a target's id is `<indicator>@<year>`). */
export const planDuplicateTargetYear: PlanRule = ({ plan, doc, report }) => {
  plan.indicators.forEach((indicator, i) => {
    const owner = new Map<number, number>();
    indicator.targets.forEach((target, j) => {
      const clash = horizonYears(target.horizon).find((year) => owner.has(year));
      if (clash !== undefined) {
        const other = owner.get(clash) ?? 0;
        const line = doc.locate(`/indicators/${i}/targets/${other}`).line;
        report(
          'duplicate-target-year',
          { pointer: `/indicators/${i}/targets/${j}/${horizonKey(target.horizon)}`, key: true },
          `'${indicator.id}' already has a target for ${clash} (line ${line}); one target per year`,
        );
        return;
      }
      for (const year of horizonYears(target.horizon)) owner.set(year, j);
    });
  });
};
