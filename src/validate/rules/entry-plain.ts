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
  // A plain row's figures are both as written and as the Entry holds them.
  return passesWrittenEntryRules(plan, indicator, entry, entry.numerator, entry.denominator, entry.period);
}

/** An entry's figures as written, of any type the schema let through. */
interface WrittenFigures {
  readonly value?: unknown;
  readonly numerator?: unknown;
  readonly denominator?: unknown;
  readonly status?: unknown;
}

/**
 * As `passesEntryRules`, for an entry of a YAML file, read as the rules read its slot: the
 * entry as written (`raw`) for what it reports, its counts as the Entry holds them, and its
 * period only when it is its own (`ownPeriod`): a default period is the file's, judged once.
 * The caller has found the indicator and a period; anything else goes through the rules.
 */
export function passesWrittenEntryRules(
  plan: Plan,
  indicator: Indicator,
  raw: WrittenFigures,
  numerator: number | undefined,
  denominator: number | undefined,
  ownPeriod: string | undefined,
): boolean {
  const measure = indicator.measure;
  if (mismatchedKey(indicator, raw) !== undefined) return false;
  if (countsProblem(measure, numerator, denominator) !== undefined) return false;
  if (outOfPercentRange(measure, raw.value)) return false;
  if (conflictingDerived(measure, raw.value, raw.numerator, raw.denominator) !== undefined) return false;
  return ownPeriod === undefined || outsidePlan(ownPeriod, plan) === undefined;
}
