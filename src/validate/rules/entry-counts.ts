import type { EntryRule } from './types.js';

/** A percent's counts: the denominator is above zero and the numerator does not exceed it. */
export const entryCounts: EntryRule = ({ slot, indicator, report }) => {
  const { numerator, denominator } = slot.entry;
  if (numerator === undefined || denominator === undefined) return;
  if (indicator !== undefined && indicator.measure !== 'percent') return;
  if (denominator === 0) {
    report('zero-denominator', { pointer: `${slot.pointer}/denominator` }, 'the denominator is 0: a share of nothing has no value');
    return;
  }
  if (numerator > denominator) {
    report(
      'numerator-exceeds-denominator',
      { pointer: `${slot.pointer}/numerator` },
      `numerator ${numerator} is larger than denominator ${denominator}: a share cannot exceed 100%`,
    );
  }
};
