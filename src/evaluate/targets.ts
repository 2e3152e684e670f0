import type { Plan, Target } from '../model/plan.js';

/**
 * One target per indicator and year, id `<indicator>@<year>`: `by: Y` gives year Y,
 * `everyYear: [a, b]` gives every year from a to b. Indicators keep their file order; within
 * an indicator, targets are ordered by year (the order a plan's own text gives is kept for ties).
 * A range whose start lies after its end yields nothing (validation reports it).
 */
export function expandTargets(plan: Plan): Target[] {
  const targets: Target[] = [];
  for (const indicator of plan.indicators) {
    const own: Target[] = [];
    for (const spec of indicator.targets) {
      const [from, to] = 'by' in spec.horizon ? [spec.horizon.by, spec.horizon.by] : spec.horizon.everyYear;
      for (let year = from; year <= to; year++) {
        const target: Target = {
          id: `${indicator.id}@${year}`,
          indicator: indicator.id,
          area: indicator.area,
          year,
          horizon: spec.horizon,
          requirement: spec.requirement,
          ref: spec.ref,
        };
        if (spec.quote !== undefined) target.quote = spec.quote;
        if (spec.note !== undefined) target.note = spec.note;
        own.push(target);
      }
    }
    // Array.prototype.sort is stable, so two specs naming one year keep their written order.
    own.sort((a, b) => a.year - b.year);
    targets.push(...own);
  }
  return targets;
}
