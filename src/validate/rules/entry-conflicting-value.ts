import type { EntryRule } from './types.js';

/** Tolerance, in percentage points, for a value rounded from its counts. */
export const VALUE_TOLERANCE = 0.05;

/** When both a value and counts are given, they tell the same story. */
export const entryConflictingValue: EntryRule = ({ slot, indicator, report }) => {
  const { value, numerator, denominator } = slot.raw;
  if (typeof value !== 'number' || typeof numerator !== 'number' || typeof denominator !== 'number' || denominator <= 0) return;
  if (indicator !== undefined && indicator.measure !== 'percent') return;
  const derived = (numerator / denominator) * 100;
  if (Math.abs(derived - value) > VALUE_TOLERANCE) {
    report(
      'conflicting-value',
      { pointer: `${slot.pointer}/value` },
      `value ${value} disagrees with numerator/denominator ${numerator}/${denominator} = ${derived.toFixed(2)}`,
    );
  }
};
