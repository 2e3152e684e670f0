import type { MilestoneStatus } from './measurement.js';
import type { Requirement } from './plan.js';

/** Statuses in order from best to worst; `no-data` stands apart. */
export const STATUSES = ['met', 'on-track', 'at-risk', 'off-track', 'missed', 'no-data'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The entries one file gave to an actual. `file` and `line` are the shape DESIGN.md shows
 * for a source, `line` being the first (lowest) line; `lines` is there when the file gave
 * more than one entry and lists the line of each, ascending, the first equal to `line`
 * (a line appears twice when two entries share it). `lines ?? [line]` is the full list.
 */
export interface ActualSource {
  file: string;
  line: number;
  /** Every entry's line, ascending, when there are two or more; absent for a single entry. */
  lines?: number[];
}

/** The one actual an indicator has for a year, pooled from its entries. */
export interface Actual {
  /** null for milestones (see `status`). */
  value: number | null;
  /** For milestones: the reported state. */
  status?: MilestoneStatus;
  /** The period the value stands for: "2025", or the latest part-year covered, e.g. "2025-H1". */
  period: string;
  /** True when only part of the year is covered. */
  provisional: boolean;
  numerator?: number;
  denominator?: number;
  /** Orgs pooled into this value, when it came from a breakdown. */
  orgs?: string[];
  /** One item per file that gave entries, in file-name order: the provenance of every entry, compactly. */
  sources: ActualSource[];
  /** Free-text notes and evidence of the entries behind the value. */
  notes?: string[];
}

/** The judgement of one target. */
export interface Result {
  target: string;
  indicator: string;
  area: string;
  year: number;
  ref: string[];
  requirement: Requirement;
  /** The number the actual was held against; null for `between`, milestones, or when unknown. */
  required: number | null;
  actual: Actual | null;
  status: Status;
  /** actual − required in the better direction (percentage points for percents). */
  gap: number | null;
  progressRatio: number | null;
  /** Stable words explaining an unusual case, e.g. "unpooled-values", "previous-year-missing". */
  remarks?: string[];
}

export interface Evaluation {
  apiVersion: 'ccp/v1';
  kind: 'Evaluation';
  plan: { id: string; version: number };
  asOf: string;
  summary: Record<Status, number>;
  results: Result[];
}
