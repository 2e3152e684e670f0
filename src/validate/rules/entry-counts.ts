import type { DiagnosticCode } from '../../model/diagnostic.js';
import type { Measure } from '../../model/plan.js';
import type { EntryRule } from './types.js';

/**
 * What is wrong with an entry's counts for an indicator of this measure (undefined when the
 * indicator is unknown): the rule below and a CSV's quick path for plain rows both ask it.
 */
export function countsProblem(
  measure: Measure | undefined,
  numerator: number | undefined,
  denominator: number | undefined,
): Extract<DiagnosticCode, 'zero-denominator' | 'numerator-exceeds-denominator'> | undefined {
  if (numerator === undefined || denominator === undefined) return undefined;
  if (measure !== undefined && measure !== 'percent') return undefined;
  if (denominator === 0) return 'zero-denominator';
  return numerator > denominator ? 'numerator-exceeds-denominator' : undefined;
}

/** A percent's counts: the denominator is above zero and the numerator does not exceed it. */
export const entryCounts: EntryRule = ({ slot, indicator, report }) => {
  const { numerator, denominator } = slot.entry;
  const problem = countsProblem(indicator?.measure, numerator, denominator);
  if (problem === 'zero-denominator') {
    report('zero-denominator', { pointer: `${slot.pointer}/denominator` }, 'the denominator is 0: a share of nothing has no value');
  } else if (problem === 'numerator-exceeds-denominator') {
    report(
      'numerator-exceeds-denominator',
      { pointer: `${slot.pointer}/numerator` },
      `numerator ${numerator} is larger than denominator ${denominator}: a share cannot exceed 100%`,
    );
  }
};
