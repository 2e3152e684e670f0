import { entryConflictingValue } from './entry-conflicting-value.js';
import { entryCounts } from './entry-counts.js';
import { entryMeasureMismatch } from './entry-measure-mismatch.js';
import { entryPercentRange } from './entry-percent-range.js';
import { entryPeriod } from './entry-period.js';
import { entryUnknownIndicator } from './entry-unknown-indicator.js';
import { planDuplicateIds } from './plan-duplicate-ids.js';
import { planDuplicateTargetYear } from './plan-duplicate-target-year.js';
import { planRanges } from './plan-ranges.js';
import { planRequirementValues } from './plan-requirement-values.js';
import { planUnknownArea } from './plan-unknown-area.js';
import type { EntryRule, PlanRule } from './types.js';

/** The plan rules, run in this order after the schema passed. */
export const PLAN_RULES: readonly PlanRule[] = [planDuplicateIds, planUnknownArea, planRanges, planDuplicateTargetYear, planRequirementValues];

/** The rules for one entry, run in this order on every schema-valid entry. */
export const ENTRY_RULES: readonly EntryRule[] = [
  entryUnknownIndicator,
  entryPeriod,
  entryMeasureMismatch,
  entryCounts,
  entryPercentRange,
  entryConflictingValue,
];

export type { EntryRule, EntryRuleContext, EntrySlot, PlanRule, PlanRuleContext, Report } from './types.js';
