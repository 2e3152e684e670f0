import type { Measure } from '../../model/plan.js';

/** The smallest of 1, 2, 2.5, 5 × a power of ten that is at least `n` (1 for n ≤ 0). */
export function niceCeiling(n: number): number {
  if (!Number.isFinite(n) || n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= n * (1 - 1e-12)) return step * power;
  }
  return 10 * power;
}

/**
 * The value axis of a chart: percentages always run 0–100 so that two charts compare at a
 * glance; counts run from 0 to a round number above the largest value shown.
 */
export function valueDomain(measure: Measure, values: readonly number[]): [number, number] {
  if (measure === 'percent') return [0, 100];
  const finite = values.filter((v) => Number.isFinite(v));
  const max = finite.length === 0 ? 1 : Math.max(...finite);
  return [0, niceCeiling(max * 1.1)];
}

/** Maps `value` from `domain` onto `[from, to]`, clamped to the range. */
export function scale(value: number, domain: readonly [number, number], from: number, to: number): number {
  const [lo, hi] = domain;
  const t = hi === lo ? 0 : (value - lo) / (hi - lo);
  const clamped = Math.min(1, Math.max(0, t));
  return from + (to - from) * clamped;
}

/** A coordinate for SVG: at most two decimals, no trailing zeros, no `-0`. */
export function coord(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
