import type { LocalText } from './text.js';

export const MEASURES = ['percent', 'count', 'milestone'] as const;
/** What an indicator counts: a share in 0–100, a number, or a qualitative milestone. */
export type Measure = (typeof MEASURES)[number];

export const BETTER = ['higher', 'lower'] as const;
export type Better = (typeof BETTER)[number];

/** Exactly one requirement per target, written as in the plan file. */
export type Requirement =
  | { atLeast: number }
  | { moreThan: number }
  | { atMost: number }
  | { lessThan: number }
  | { between: [number, number] }
  | { gainAtLeast: number; cap?: number }
  | { expect: 'done' };

export const REQUIREMENT_KINDS = ['atLeast', 'moreThan', 'atMost', 'lessThan', 'between', 'gainAtLeast', 'expect'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** When a target is judged: once, on the value for year `by`; or for every year of a range. */
export type Horizon = { by: number } | { everyYear: [number, number] };

/** A target as written in the plan file (one horizon, one requirement). */
export interface TargetSpec {
  horizon: Horizon;
  requirement: Requirement;
  /** Clause references, e.g. ["II.2.a", "II.6.a"]. */
  ref: string[];
  quote?: LocalText;
  note?: LocalText;
}

/** One target per indicator and year; `id` is derived: `<indicator>@<year>`. */
export interface Target {
  id: string;
  indicator: string;
  area: string;
  year: number;
  horizon: Horizon;
  requirement: Requirement;
  ref: string[];
  quote?: LocalText;
  note?: LocalText;
}

export interface Baseline {
  period: number;
  value: number;
}

export interface Indicator {
  id: string;
  area: string;
  measure: Measure;
  /** Only for percent and count; milestones have no direction. */
  better: Better;
  title: LocalText;
  numerator?: LocalText;
  denominator?: LocalText;
  unit?: LocalText;
  baseline?: Baseline;
  note?: LocalText;
  targets: TargetSpec[];
}

export interface Area {
  id: string;
  ref?: string;
  title: LocalText;
}

/** A plan, typed and normalised (refs always arrays, requirement separated from horizon). */
export interface Plan {
  id: string;
  version: number;
  title: LocalText;
  document: { number: string; date: string; issuer: LocalText };
  period: [number, number];
  /** Month-day on which a reporting year closes, e.g. "12-14"; default "12-31". */
  reportingYear?: { closes: string };
  areas: Area[];
  indicators: Indicator[];
  /** Where the plan was read from (for messages). */
  file?: string;
}
