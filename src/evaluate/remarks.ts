/**
 * Stable words a result carries in `remarks` to explain an unusual case. Reports may
 * translate them; tests and scripts match on them.
 */
export const REMARKS = [
  /** Percent values without counts from several orgs or part-years: never averaged, so no actual. */
  'unpooled-values',
  /** The pooled denominator is 0, so no percent can be formed. */
  'zero-denominator',
  /** A `gainAtLeast` target whose previous year has no actual: there is nothing to add the gain to. */
  'previous-year-missing',
  /** Entries of a finer granularity were left out because a coarser one covers the same year. */
  'finer-periods-ignored',
  /** The same indicator, period and org was reported more than once; one entry was used. */
  'duplicate-entries',
  /** Not due and only one year of data (no baseline): the progress ratio needs two. */
  'too-few-years',
  /** The progress ratio could not be formed (negative values, no growth required); see the status. */
  'progress-ratio-undefined',
] as const;
export type Remark = (typeof REMARKS)[number];
