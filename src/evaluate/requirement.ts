import type { Requirement } from '../model/plan.js';

/**
 * A numeric requirement made concrete for one year: the bound the actual is held against,
 * with `gainAtLeast` already turned into `atLeast min(cap, previous + gain)`.
 */
export type Check =
  | { kind: 'atLeast' | 'moreThan' | 'atMost' | 'lessThan'; bound: number }
  | { kind: 'between'; lo: number; hi: number };

/** +1 when higher values are better, −1 when lower ones are. */
export type Direction = 1 | -1;

/**
 * Floating-point tolerance, relative: two numbers closer than 1e-9 of the larger (or of 1)
 * are the same number. 8 / 10 × 100 may come out as 79.99999999999999; a person reads 80,
 * and 80 meets "at least 80" but not "more than 80". The error of a sum of a few million
 * counts stays far below this.
 */
export const TOLERANCE = 1e-9;

function slack(a: number, b: number): number {
  return TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≥ b, within the tolerance. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - slack(a, b);
}

/** a > b, beyond the tolerance. */
export function moreThan(a: number, b: number): boolean {
  return a > b + slack(a, b);
}

/** The result of making a requirement concrete for one year. */
export type Resolved =
  | { ok: true; check: Check; required: number | null }
  | { ok: false; reason: 'previous-year-missing' };

/**
 * Makes a numeric requirement concrete. `previous` gives the previous year's actual value
 * (null when there is none); it is asked for only by `gainAtLeast`, whose required value is
 * min(cap, previous + gain). Without a previous actual the target cannot be judged at all
 * (the plan asks for a gain over a number nobody reported), so the caller says `no-data`
 * with the remark `previous-year-missing` rather than guessing a base.
 * `between` bounds given in the wrong order are taken in the right one.
 * Returns undefined for `expect` (not numeric).
 */
export function resolve(requirement: Requirement, previous: () => number | null): Resolved | undefined {
  if ('atLeast' in requirement) return { ok: true, check: { kind: 'atLeast', bound: requirement.atLeast }, required: requirement.atLeast };
  if ('moreThan' in requirement) return { ok: true, check: { kind: 'moreThan', bound: requirement.moreThan }, required: requirement.moreThan };
  if ('atMost' in requirement) return { ok: true, check: { kind: 'atMost', bound: requirement.atMost }, required: requirement.atMost };
  if ('lessThan' in requirement) return { ok: true, check: { kind: 'lessThan', bound: requirement.lessThan }, required: requirement.lessThan };
  if ('between' in requirement) {
    const [a, b] = requirement.between;
    return { ok: true, check: { kind: 'between', lo: Math.min(a, b), hi: Math.max(a, b) }, required: null };
  }
  if ('gainAtLeast' in requirement) {
    const base = previous();
    if (base === null) return { ok: false, reason: 'previous-year-missing' };
    const wanted = base + requirement.gainAtLeast;
    const required = requirement.cap === undefined ? wanted : Math.min(requirement.cap, wanted);
    return { ok: true, check: { kind: 'atLeast', bound: required }, required };
  }
  return undefined;
}

/** Whether `value` satisfies the check, within the tolerance. */
export function holds(check: Check, value: number): boolean {
  switch (check.kind) {
    case 'atLeast':
      return atLeast(value, check.bound);
    case 'moreThan':
      return moreThan(value, check.bound);
    case 'atMost':
      return atLeast(check.bound, value);
    case 'lessThan':
      return moreThan(check.bound, value);
    case 'between':
      return atLeast(value, check.lo) && atLeast(check.hi, value);
  }
}

/**
 * actual − required in the better direction (positive = ahead). For `between`: 0 inside the
 * band, minus the distance to the nearer bound outside it.
 */
export function gapOf(check: Check, value: number): number {
  switch (check.kind) {
    case 'atLeast':
    case 'moreThan':
      return value - check.bound;
    case 'atMost':
    case 'lessThan':
      return check.bound - value;
    case 'between':
      if (holds(check, value)) return 0;
      return value < check.lo ? value - check.lo : check.hi - value;
  }
}

/**
 * The target value T and better direction d the progress ratio aims at, seen from `value`
 * (the latest actual). The requirement, not the indicator's `better`, gives the direction:
 * "at most 5" is a lower-is-better target whatever else the file says. For `between` the
 * target is the bound nearer to `value` and the direction points into the band; inside the
 * band there is nothing to approach (undefined).
 */
export function aim(check: Check, value: number): { target: number; direction: Direction } | undefined {
  switch (check.kind) {
    case 'atLeast':
    case 'moreThan':
      return { target: check.bound, direction: 1 };
    case 'atMost':
    case 'lessThan':
      return { target: check.bound, direction: -1 };
    case 'between':
      if (value < check.lo && !holds(check, value)) return { target: check.lo, direction: 1 };
      if (value > check.hi && !holds(check, value)) return { target: check.hi, direction: -1 };
      return undefined;
  }
}
