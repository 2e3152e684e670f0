import { createPool, expandTargets, PRECISION, reportingYearOf, roundTo, type Pool } from '../evaluate/index.js';
import type { Actual } from '../model/evaluation.js';
import type { Entry, MilestoneStatus } from '../model/measurement.js';
import type { Better, Measure, Plan, Requirement } from '../model/plan.js';
import { sparkline } from './sparkline.js';

/** An indicator's pooled actual for one year. */
export interface TrendPoint {
  year: number;
  /** null for milestones, and when entries could not be pooled into one number. */
  value: number | null;
  /** For milestones: the reported state. */
  milestone?: MilestoneStatus;
  /** The period the value stands for ("2025", or the latest part covered, e.g. "2025-H1"). */
  period: string;
  /** True when only part of the year is covered. */
  provisional: boolean;
}

/** A target of the indicator, with the number it asks for. */
export interface TrendTarget {
  target: string;
  year: number;
  requirement: Requirement;
  /**
   * The number an actual is held against: the bound of atLeast / moreThan / atMost / lessThan;
   * for gainAtLeast the previous year's actual plus the gain (capped), null when that actual is
   * missing; null for between and milestones.
   */
  required: number | null;
}

/** One indicator: its actual per year and its targets. */
export interface TrendRow {
  indicator: string;
  area: string;
  measure: Measure;
  better: Better;
  /** One per entry of `Trend.years`, null where the year has no actual. */
  points: (TrendPoint | null)[];
  targets: TrendTarget[];
  /** A sparkline over `points` (see sparkline.ts); milestones drawn as not started ▁, in progress ▅, done █. */
  sparkline: string;
}

/** The result of `ccp trend`: one row per indicator, one column per year that has data. */
export interface Trend {
  apiVersion: 'ccp/v1';
  kind: 'Trend';
  plan: { id: string; version: number };
  /** The as-of date data was cut at (see TrendOptions.asOf), or null. */
  asOf: string | null;
  /** Every year for which some row has an actual, ascending. */
  years: number[];
  rows: TrendRow[];
}

/** Where a trend gets its numbers: the years an indicator has entries for, and its pooled actual of a year. */
export interface ActualSource {
  years(indicator: string): Iterable<number>;
  actual(indicator: string, year: number): Actual | null;
}

/** Options for {@link buildTrend}. */
export interface TrendOptions {
  /** Only indicators of these areas (all when absent or empty). */
  areas?: readonly string[];
  /**
   * Leave out data for reporting years after this date's (YYYY-MM-DD), as an evaluation
   * as of that date does.
   */
  asOf?: string;
}

const MILESTONE_LEVEL: Record<MilestoneStatus, number> = { 'not-started': 0, 'in-progress': 0.5, done: 1 };

function requiredFor(requirement: Requirement, previous: number | null): number | null {
  if ('atLeast' in requirement) return requirement.atLeast;
  if ('moreThan' in requirement) return requirement.moreThan;
  if ('atMost' in requirement) return requirement.atMost;
  if ('lessThan' in requirement) return requirement.lessThan;
  if ('gainAtLeast' in requirement) {
    if (previous === null) return null;
    const next = previous + requirement.gainAtLeast;
    return requirement.cap === undefined ? next : Math.min(requirement.cap, next);
  }
  return null;
}

/**
 * Builds the trend table of a plan from pooled actuals: every indicator of the plan (of the
 * chosen areas) in plan order, whether or not it has data, and one column per year in which
 * any of them has an actual. Pure.
 */
export function buildTrend(plan: Plan, source: ActualSource, options: TrendOptions = {}): Trend {
  const areas = options.areas !== undefined && options.areas.length > 0 ? new Set(options.areas) : null;
  const indicators = plan.indicators.filter((indicator) => areas === null || areas.has(indicator.area));
  const lastYear = options.asOf === undefined ? Number.POSITIVE_INFINITY : reportingYearOf(plan, options.asOf);
  const targets = expandTargets(plan);

  const points = new Map<string, Map<number, TrendPoint>>();
  const used = new Set<number>();
  for (const indicator of indicators) {
    const own = new Map<number, TrendPoint>();
    for (const year of source.years(indicator.id)) {
      if (year > lastYear) continue;
      const actual = source.actual(indicator.id, year);
      if (actual === null || (actual.value === null && actual.status === undefined)) continue;
      const point: TrendPoint = { year, value: actual.value, period: actual.period, provisional: actual.provisional };
      if (actual.status !== undefined) point.milestone = actual.status;
      own.set(year, point);
      used.add(year);
    }
    points.set(indicator.id, own);
  }
  const years = [...used].sort((a, b) => a - b);

  const rows = indicators.map((indicator): TrendRow => {
    const own = points.get(indicator.id) ?? new Map<number, TrendPoint>();
    const row = years.map((year) => own.get(year) ?? null);
    const isMilestone = indicator.measure === 'milestone';
    const levels = row.map((point) => {
      if (point === null) return null;
      if (isMilestone) return point.milestone === undefined ? null : MILESTONE_LEVEL[point.milestone];
      return point.value;
    });
    return {
      indicator: indicator.id,
      area: indicator.area,
      measure: indicator.measure,
      better: indicator.better,
      points: row,
      targets: targets
        .filter((target) => target.indicator === indicator.id)
        .map((target) => ({
          target: target.id,
          year: target.year,
          requirement: target.requirement,
          required: requiredFor(target.requirement, own.get(target.year - 1)?.value ?? null),
        })),
      sparkline: sparkline(levels, isMilestone ? { min: 0, max: 1 } : {}),
    };
  });

  return {
    apiVersion: 'ccp/v1',
    kind: 'Trend',
    plan: { id: plan.id, version: plan.version },
    asOf: options.asOf ?? null,
    years,
    rows,
  };
}

/** The actuals of a filled pool as a trend's source, pooled per each indicator's measure and rounded as evaluations round them. */
export function poolSource(plan: Plan, pool: Pool): ActualSource {
  const measures = new Map(plan.indicators.map((indicator) => [indicator.id, indicator.measure] as const));
  return {
    years: (indicator) => pool.years(indicator),
    actual(indicator, year) {
      const measure = measures.get(indicator);
      if (measure === undefined) return null;
      const { actual } = pool.actual(indicator, year, measure);
      if (actual === null || actual.value === null) return actual;
      return { ...actual, value: roundTo(actual.value, PRECISION.value) };
    },
  };
}

/** The trend of `entries` under `plan`, pooled exactly as `evaluate` pools them. Pure. */
export function trendOf(plan: Plan, entries: Iterable<Entry>, options: TrendOptions = {}): Trend {
  const pool = createPool();
  for (const entry of entries) pool.add(entry);
  return buildTrend(plan, poolSource(plan, pool), options);
}
