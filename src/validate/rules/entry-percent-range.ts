import type { Measure } from '../../model/plan.js';
import type { EntryRule } from './types.js';

/** Whether a value written for an indicator of this measure is a percent outside 0–100. */
export function outOfPercentRange(measure: Measure | undefined, value: unknown): value is number {
  return measure === 'percent' && typeof value === 'number' && (value < 0 || value > 100);
}

/** A percent value lies in 0–100. */
export const entryPercentRange: EntryRule = ({ slot, indicator, report }) => {
  const value = slot.raw.value;
  if (outOfPercentRange(indicator?.measure, value)) {
    report('percent-out-of-range', { pointer: `${slot.pointer}/value` }, `a percent lies in 0–100; got ${value}`);
  }
};
