import { LIMITS } from './document.js';

/** The limits one load runs under: `LIMITS`, unless a caller (a test, a benchmark) narrows them. */
export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** `LIMITS` with the given overrides. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  return { ...LIMITS, ...overrides };
}
