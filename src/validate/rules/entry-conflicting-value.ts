import type { Measure } from '../../model/plan.js';
import type { EntryRule } from './types.js';

/** Tolerance, in percentage points, for a value rounded from its counts. */
export const VALUE_TOLERANCE = 0.05;

/**
 * The value the counts give, when a value written beside them disagrees with it (undefined
 * when they agree, or when there is nothing to compare).
 */
export function conflictingDerived(measure: Measure | undefined, value: unknown, numerator: unknown, denominator: unknown): number | undefined {
  if (typeof value !== 'number' || typeof numerator !== 'number' || typeof denominator !== 'number' || denominator <= 0) return undefined;
  if (measure !== undefined && measure !== 'percent') return undefined;
  const derived = (numerator / denominator) * 100;
  return Math.abs(derived - value) > VALUE_TOLERANCE ? derived : undefined;
}

/** When both a value and counts are given, they tell the same story. */
export const entryConflictingValue: EntryRule = ({ slot, indicator, report }) => {
  const { value, numerator, denominator } = slot.raw;
  const derived = conflictingDerived(indicator?.measure, value, numerator, denominator);
  if (derived !== undefined) {
    report(
      'conflicting-value',
      { pointer: `${slot.pointer}/value` },
      `value ${String(value)} disagrees with numerator/denominator ${String(numerator)}/${String(denominator)} = ${derived.toFixed(2)}`,
    );
  }
};
