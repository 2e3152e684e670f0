import { UsageError } from '../model/errors.js';
import type { Plan } from '../model/plan.js';

const DEFAULT_CLOSES = '12-31';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a YYYY-MM-DD as-of date; a malformed one is the caller's mistake, not the data's. */
function parseAsOf(asOf: string): { year: number; monthDay: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!match) throw new UsageError(`the as-of date must be YYYY-MM-DD, not '${asOf}'`);
  return { year: Number(match[1]), monthDay: `${match[2]}-${match[3]}` };
}

/**
 * The date (YYYY-MM-DD) on which reporting year `year` closes under the plan:
 * `reportingYear.closes` (MM-DD) of that year, default 12-31. A closing day the month does
 * not have in that year (02-29 in a common year, 04-31) is moved back to the month's last day,
 * so every year closes exactly once.
 */
export function yearCloses(plan: Plan, year: number): string {
  const closes = plan.reportingYear?.closes ?? DEFAULT_CLOSES;
  const match = /^(\d{2})-(\d{2})$/.exec(closes);
  const month = match ? Math.min(12, Math.max(1, Number(match[1]))) : 12;
  const day = match ? Math.min(daysInMonth(year, month), Math.max(1, Number(match[2]))) : 31;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether a target for year `year` is due on `asOf`: the reporting year must have closed,
 * and it closes at the END of its closing day. A report dated on the closing day (the shipped
 * plan's 14 December) still covers that day, so on the 14th the year is running and its
 * targets are judged by progress (on-track, at-risk, off-track); from the 15th they are
 * met or missed. Hence due ⇔ asOf > close date (dates compared as YYYY-MM-DD strings).
 * Run with `--as-of` the day after the close to get the final judgement early.
 */
export function isDue(plan: Plan, year: number, asOf: string): boolean {
  parseAsOf(asOf);
  return asOf > yearCloses(plan, year);
}

/**
 * The reporting year an as-of date falls in. With closes 12-14, 15 December 2025 starts
 * reporting year 2026; with the default 12-31 it is the calendar year. Consistent with
 * `isDue`: year Y is due exactly when `reportingYearOf(asOf) > Y`.
 */
export function reportingYearOf(plan: Plan, asOf: string): number {
  const { year } = parseAsOf(asOf);
  return asOf > yearCloses(plan, year) ? year + 1 : year;
}
