import type { EntryRule } from './types.js';

/** Every entry has a period, its own or the file's; one outside the plan's period is suspect. */
export const entryPeriod: EntryRule = ({ plan, slot, report }) => {
  if (slot.entry.period === '') {
    report('missing-value', { pointer: slot.pointer }, "this entry has no period, and the file sets no default 'period'");
    return;
  }
  // A file-wide default period outside the plan is reported once, at the file's own field.
  if (plan === undefined || slot.periodPointer !== `${slot.pointer}/period`) return;
  const year = Number(slot.entry.period.slice(0, 4));
  const [start, end] = plan.period;
  if (year < start || year > end) {
    report('period-outside-plan', { pointer: slot.periodPointer }, `period ${slot.entry.period} is outside the plan's period ${start}–${end}`, 'warning');
  }
};
