import type { Plan } from '../../model/plan.js';
import type { EntryRule } from './types.js';

/** `Number(period.slice(0, 4))`, read from the character codes when they are four digits: a CSV asks for every row. */
function leadingYear(period: string): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = period.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(period.slice(0, 4));
    year = year * 10 + digit;
  }
  return year;
}

/** The message for a period whose year lies outside the plan's period, else undefined. */
export function outsidePlan(period: string, plan: Plan): string | undefined {
  const year = leadingYear(period);
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
  // The period is the entry's own unless it is missing or the file's default ('/period'):
  // tested so rather than by spelling out the entry's pointer for every row.
  if (plan === undefined || slot.periodPointer === undefined || slot.periodPointer === '/period') return;
  const message = outsidePlan(slot.entry.period, plan);
  if (message !== undefined) report('period-outside-plan', { pointer: slot.periodPointer }, message, 'warning');
};
