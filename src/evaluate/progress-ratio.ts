import type { Direction } from './requirement.js';

/** A value at a year. */
export interface Point {
  year: number;
  value: number;
}

/** What the progress-ratio method needs: base, latest actual, target, and the better direction. */
export interface RatioInput {
  base: Point;
  latest: Point;
  target: Point;
  direction: Direction;
}

/**
 * The ratio, or why there is none. `no-growth-needed`: the required growth rate is 0 (the
 * target equals the base value), so any movement is infinitely fast or slow; `towards` says
 * which way the indicator moved, so the caller can still judge it.
 */
export type RatioOutcome =
  | { ratio: number }
  | { ratio: null; reason: 'no-growth-needed'; towards: boolean }
  | { ratio: null; reason: 'undefined' };

/** A base value of 0 would make every growth rate infinite; the method counts it as 0.001. */
export const ZERO_BASE = 0.001;

/**
 * The progress ratio of the method Open SDG uses (Statistics Canada's, after Eurostat):
 *
 *     CAGR_observed = (y / y0)^(1/(t − t0)) − 1
 *     CAGR_required = (T / y0)^(1/(tT − t0)) − 1
 *     R = d · CAGR_observed / |CAGR_required|
 *
 * with y0 = 0 counted as 0.001. Never returns NaN or ±Infinity: negative values (no real
 * root), years out of order and a zero required rate give no ratio, with the reason.
 */
export function progressRatio(input: RatioInput): RatioOutcome {
  const { base, latest, target, direction } = input;
  const y0 = base.value === 0 ? ZERO_BASE : base.value;
  const spanObserved = latest.year - base.year;
  const spanRequired = target.year - base.year;
  if (y0 < 0 || latest.value < 0 || target.value < 0 || spanObserved <= 0 || spanRequired <= 0) {
    return { ratio: null, reason: 'undefined' };
  }
  const observed = (latest.value / y0) ** (1 / spanObserved) - 1;
  const required = (target.value / y0) ** (1 / spanRequired) - 1;
  if (!Number.isFinite(observed) || !Number.isFinite(required)) return { ratio: null, reason: 'undefined' };
  if (Math.abs(required) < 1e-12) return { ratio: null, reason: 'no-growth-needed', towards: direction * observed > 0 };
  const ratio = (direction * observed) / Math.abs(required);
  return Number.isFinite(ratio) ? { ratio } : { ratio: null, reason: 'undefined' };
}
