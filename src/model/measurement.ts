export const MILESTONE_STATUSES = ['done', 'in-progress', 'not-started'] as const;
/** The reported state of a qualitative milestone. */
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Where an entry came from: the file and the 1-based line of the entry (YAML item or CSV row). */
export interface SourceRef {
  file: string;
  line: number;
}

/**
 * One measurement entry after loading and validation: defaults applied (the file's
 * `period`), text in NFC, numbers parsed. `value` is derived from numerator/denominator
 * when only the counts were given.
 */
export interface Entry {
  indicator: string;
  /** YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM. */
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  status?: MilestoneStatus;
  evidence?: string;
  org?: string;
  source?: string;
  note?: string;
  file: string;
  line: number;
}

/** A measurements file (YAML or CSV) after validation. */
export interface MeasurementFile {
  file: string;
  plan?: string;
  reported?: string;
  source?: string;
  entries: Entry[];
}
