import type { Actual, Evaluation, Result, Status } from '../model/evaluation.js';
import type { Entry } from '../model/measurement.js';
import type { Indicator, Plan, Requirement, Target } from '../model/plan.js';
import { createPool, type Pool, type Pooled } from './pool.js';
import { progressRatio, type Point } from './progress-ratio.js';
import type { Remark } from './remarks.js';
import { reportingYearOf } from './reporting-year.js';
import { aim, gapOf, holds, resolve } from './requirement.js';
import { outputNumber, PRECISION, roundTo } from './round.js';
import { statusOfRatio, summarize } from './status.js';
import { expandTargets } from './targets.js';

/** Options of an evaluation. */
export interface EvaluateOptions {
  /** The date (YYYY-MM-DD) the judgement is made on; decides what is due. */
  asOf: string;
}

/**
 * Judges every target of `plan` against `entries` as of `options.asOf`. Pure: the same
 * input gives the same output whatever the order of the entries.
 */
export function evaluate(plan: Plan, entries: Iterable<Entry>, options: EvaluateOptions): Evaluation {
  const pool = createPool();
  for (const entry of entries) pool.add(entry);
  return evaluatePool(plan, pool, options);
}

/** Memoised actuals, so a target's neighbours and trend are pooled once per evaluation. */
class Actuals {
  private readonly cache = new Map<string, Pooled>();
  constructor(
    private readonly pool: Pool,
    /** The as-of date's reporting year: data for later years is not known yet. */
    readonly asOfYear: number,
  ) {}

  of(indicator: Indicator, year: number): Pooled {
    if (year > this.asOfYear) return { actual: null, remarks: [] };
    const key = `${indicator.id}\u0000${year}`;
    let pooled = this.cache.get(key);
    if (pooled === undefined) this.cache.set(key, (pooled = this.pool.actual(indicator.id, year, indicator.measure)));
    return pooled;
  }

  /** Years up to `limit` (and up to the as-of year) with an actual, ascending. */
  known(indicator: Indicator, limit: number): { year: number; actual: Actual }[] {
    const found: { year: number; actual: Actual }[] = [];
    for (const year of this.pool.years(indicator.id)) {
      if (year > limit || year > this.asOfYear) continue;
      const { actual } = this.of(indicator, year);
      if (actual !== null && (actual.value !== null || actual.status !== undefined)) found.push({ year, actual });
    }
    return found;
  }
}

/** What judging one target produced, before rounding. */
interface Judgement {
  required: number | null;
  actual: Actual | null;
  status: Status;
  gap: number | null;
  progressRatio: number | null;
  remarks: Remark[];
}

/**
 * A milestone (`expect: done`). A state, once reached, stays reached: the actual for year Y
 * is the latest state reported in any year up to Y (and up to the as-of year), so work done
 * in 2024 counts for a 2025 deadline; its `period` says when it was reported. Due: done →
 * met, anything else → missed, nothing → no-data. Not due: done or in progress → on-track,
 * not started → at-risk, nothing → no-data.
 */
function judgeMilestone(target: Target, indicator: Indicator, actuals: Actuals, due: boolean): Judgement {
  const known = actuals.known(indicator, target.year).filter((k) => k.actual.status !== undefined);
  const last = known[known.length - 1];
  const judgement: Judgement = { required: null, actual: null, status: 'no-data', gap: null, progressRatio: null, remarks: [] };
  if (last === undefined) return judgement;
  judgement.actual = last.actual;
  judgement.remarks.push(...actuals.of(indicator, last.year).remarks);
  const state = last.actual.status;
  if (due) judgement.status = state === 'done' ? 'met' : 'missed';
  else judgement.status = state === 'not-started' ? 'at-risk' : 'on-track';
  return judgement;
}

/**
 * A numeric target. Due: met or missed on the actual of year Y itself, no-data without one.
 * Not due: on-track when the latest actual (any year up to the as-of year) already satisfies
 * the requirement, else by the progress ratio from the base (the baseline, else the earliest
 * actual) to the latest actual. While the target's own year has no figure, `actual` and `gap`
 * are those of the latest actual the judgement rests on (its `period` names its year). `gainAtLeast` not yet due is judged the same way against
 * min(cap, previous year's actual + gain); while the previous year has no actual (its year
 * not reported, or not yet begun) it is no-data with `previous-year-missing`, as when due.
 */
function judgeNumber(target: Target, indicator: Indicator, actuals: Actuals, due: boolean): Judgement {
  const own = actuals.of(indicator, target.year);
  const judgement: Judgement = {
    required: null,
    actual: own.actual,
    status: 'no-data',
    gap: null,
    progressRatio: null,
    remarks: [...own.remarks],
  };
  const resolved = resolve(target.requirement, () => actuals.of(indicator, target.year - 1).actual?.value ?? null);
  if (resolved === undefined) return judgement;
  if (!resolved.ok) {
    judgement.remarks.push(resolved.reason);
    return judgement;
  }
  const { check } = resolved;
  judgement.required = resolved.required;
  const value = own.actual?.value ?? null;
  if (value !== null) judgement.gap = gapOf(check, value);

  if (due) {
    if (value !== null) judgement.status = holds(check, value) ? 'met' : 'missed';
    return judgement;
  }

  const known = actuals.known(indicator, target.year).filter((k) => k.actual.value !== null);
  const latestKnown = known[known.length - 1];
  if (latestKnown === undefined) return judgement;
  const latest: Point = { year: latestKnown.year, value: latestKnown.actual.value ?? 0 };
  const satisfied = holds(check, latest.value);
  if (judgement.actual === null) {
    // Not due and no figure for the target's own year yet: show the latest figure the
    // judgement rests on; its `period` says which year it is.
    judgement.actual = latestKnown.actual;
    judgement.gap = gapOf(check, latest.value);
  }

  const baseline = indicator.baseline;
  const earliest = known[0];
  let base: Point | undefined;
  if (baseline !== undefined && baseline.period < latest.year) base = { year: baseline.period, value: baseline.value };
  else if (earliest !== undefined && earliest.year < latest.year) base = { year: earliest.year, value: earliest.actual.value ?? 0 };

  const aimed = aim(check, latest.value);
  if (base === undefined) {
    if (!satisfied) judgement.remarks.push('too-few-years');
    judgement.status = satisfied ? 'on-track' : 'no-data';
    return judgement;
  }
  if (aimed === undefined) {
    // Inside a `between` band: nothing to approach, and the band is satisfied.
    judgement.status = 'on-track';
    return judgement;
  }
  const outcome = progressRatio({ base, latest, target: { year: target.year, value: aimed.target }, direction: aimed.direction });
  if (outcome.ratio !== null) {
    judgement.progressRatio = roundTo(outcome.ratio, PRECISION.ratio);
    judgement.status = satisfied ? 'on-track' : statusOfRatio(judgement.progressRatio);
    return judgement;
  }
  if (!satisfied) judgement.remarks.push('progress-ratio-undefined');
  if (satisfied) judgement.status = 'on-track';
  else if (outcome.reason === 'no-growth-needed') judgement.status = outcome.towards ? 'on-track' : 'off-track';
  else judgement.status = 'no-data';
  return judgement;
}

function copyRequirement(requirement: Requirement): Requirement {
  if ('between' in requirement) return { between: [requirement.between[0], requirement.between[1]] };
  return { ...requirement };
}

/**
 * Output precision, applied here and nowhere else (see round.ts). Counts are kept as given.
 * Sources, orgs and notes are shared with the pooled actual, not copied: a pooled actual
 * is made fresh by each evaluation, nothing writes to it, and a year's actual can stand in
 * several results (a later target judged on it), so copies would only multiply a million
 * pooled rows' line numbers.
 */
function roundActual(actual: Actual | null): Actual | null {
  if (actual === null) return null;
  const out: Actual = { ...actual, value: outputNumber(actual.value, PRECISION.value) };
  for (const key of ['numerator', 'denominator'] as const) {
    const count = actual[key];
    if (count !== undefined && !Number.isFinite(count)) delete out[key];
  }
  return out;
}

function toResult(target: Target, judgement: Judgement): Result {
  const result: Result = {
    target: target.id,
    indicator: target.indicator,
    area: target.area,
    year: target.year,
    ref: [...target.ref],
    requirement: copyRequirement(target.requirement),
    required: outputNumber(judgement.required, PRECISION.value),
    actual: roundActual(judgement.actual),
    status: judgement.status,
    gap: outputNumber(judgement.gap, PRECISION.gap),
    progressRatio: judgement.progressRatio,
  };
  const remarks = [...new Set(judgement.remarks)];
  if (remarks.length > 0) result.remarks = remarks;
  return result;
}

/**
 * Judges every target of `plan` against a filled pool as of `options.asOf`. Targets follow
 * plan order (indicator, then year); an `everyYear` range yields results only up to the
 * as-of date's reporting year, a `by` target always yields its one result. Data for reporting
 * years after the as-of date's is not looked at.
 */
export function evaluatePool(plan: Plan, pool: Pool, options: EvaluateOptions): Evaluation {
  const asOfYear = reportingYearOf(plan, options.asOf);
  const actuals = new Actuals(pool, asOfYear);
  const indicators = new Map(plan.indicators.map((i) => [i.id, i] as const));
  const results: Result[] = [];
  for (const target of expandTargets(plan)) {
    if ('everyYear' in target.horizon && target.year > asOfYear) continue;
    const indicator = indicators.get(target.indicator);
    if (indicator === undefined) continue;
    const due = target.year < asOfYear;
    const judgement =
      'expect' in target.requirement
        ? judgeMilestone(target, indicator, actuals, due)
        : judgeNumber(target, indicator, actuals, due);
    results.push(toResult(target, judgement));
  }
  return {
    apiVersion: 'ccp/v1',
    kind: 'Evaluation',
    plan: { id: plan.id, version: plan.version },
    asOf: options.asOf,
    summary: summarize(results),
    results,
  };
}
