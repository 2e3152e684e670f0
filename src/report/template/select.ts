import type { Indicator, Plan } from '../../model/plan.js';

/** The year a period (`2026`, `2026-H1`, `2026-Q3`, `2026-05`) falls in. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/**
 * The indicators due or still tracked in `year`, in plan order: those with a target in that
 * year or after it, or with an every-year range that has not ended by then. An indicator whose
 * every target lies in the past has nothing left to report.
 */
export function templateIndicators(plan: Plan, year: number): Indicator[] {
  return plan.indicators.filter((indicator) =>
    indicator.targets.some((spec) => ('by' in spec.horizon ? spec.horizon.by >= year : spec.horizon.everyYear[1] >= year)),
  );
}
