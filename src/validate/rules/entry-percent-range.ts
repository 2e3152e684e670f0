import type { EntryRule } from './types.js';

/** A percent value lies in 0–100. */
export const entryPercentRange: EntryRule = ({ slot, indicator, report }) => {
  const value = slot.raw.value;
  if (indicator?.measure !== 'percent' || typeof value !== 'number') return;
  if (value < 0 || value > 100) {
    report('percent-out-of-range', { pointer: `${slot.pointer}/value` }, `a percent lies in 0–100; got ${value}`);
  }
};
