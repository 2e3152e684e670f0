import type { Horizon } from '../../model/plan.js';

/** The key a horizon is written under in a target. */
export function horizonKey(horizon: Horizon): 'by' | 'everyYear' {
  return 'by' in horizon ? 'by' : 'everyYear';
}

/** The years a horizon judges (empty for a reversed range, which another rule reports). */
export function horizonYears(horizon: Horizon): number[] {
  if ('by' in horizon) return [horizon.by];
  const [start, end] = horizon.everyYear;
  const years: number[] = [];
  for (let year = start; year <= end; year++) years.push(year);
  return years;
}
