import type { Plan } from '../../model/plan.js';
import type { EntryRule } from './types.js';

/** The message for a period whose year lies outside the plan's period, else undefined. */
export function outsidePlan(period: string, plan: Plan): string | undefined {
  const year = Number(period.slice(0, 4));
  const [start, end] = plan.period;
  return year < start || year > end ? `period ${period} is outside the plan's period ${start}–${end}` : undefined;
}

/** Every entry has a period, its own or the file's; one outside the plan's period is suspect. */
export const entryPeriod: EntryRule = ({ plan, slot, report }) => {
  if (slot.entry.period === '') {
    report('missing-value', { pointer: slot.pointer }, "this entry has no period, and the file sets no default 'period'");
    return;
  }
  // A file-wide default period outside the plan is reported once, at the file's own field.
  if (plan === undefined || slot.periodPointer !== `${slot.pointer}/period`) return;
  const message = outsidePlan(slot.entry.period, plan);
  if (message !== undefined) report('period-outside-plan', { pointer: slot.periodPointer }, message, 'warning');
};
