import type { Indicator, Plan } from '../../model/plan.js';
import { conflictingDerived } from './entry-conflicting-value.js';
import { countsProblem } from './entry-counts.js';
import { mismatchedKey } from './entry-measure-mismatch.js';
import { outOfPercentRange } from './entry-percent-range.js';
import { outsidePlan } from './entry-period.js';

/** An entry's own figures and period as written, for `passesEntryRules`. */
export interface EntryFigures {
  readonly period: string;
  readonly value?: number | undefined;
  readonly numerator?: number | undefined;
  readonly denominator?: number | undefined;
  readonly status?: string | undefined;
}

/**
 * True only when no entry rule (ENTRY_RULES) would report anything about an entry of a known
 * indicator with its own period: asked with the rules' own tests, so a CSV's plain rows can
 * skip the rules and their context. Anything else goes through the rules, which word it.
 */
export function passesEntryRules(plan: Plan, indicator: Indicator, entry: EntryFigures): boolean {
  const measure = indicator.measure;
  const { value, numerator, denominator } = entry;
  if (mismatchedKey(indicator, entry) !== undefined) return false;
  if (countsProblem(measure, numerator, denominator) !== undefined) return false;
  if (outOfPercentRange(measure, value)) return false;
  if (conflictingDerived(measure, value, numerator, denominator) !== undefined) return false;
  return outsidePlan(entry.period, plan) === undefined;
}
