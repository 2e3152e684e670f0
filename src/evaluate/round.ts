/**
 * Rounding for output, in one place. Judgements are made on unrounded numbers (with the
 * tolerance of `requirement.ts`), except the progress ratio, whose status is judged on the
 * ratio as reported so that a reader who sees 0.950 sees `on-track`.
 */
export const PRECISION = {
  /** Actual values and required values: 90.2222… → 90.22 (percentage points or units). */
  value: 2,
  /** Gaps, in the same unit as the value. */
  gap: 2,
  /** Progress ratios. */
  ratio: 3,
} as const;

/**
 * Rounds half away from zero to `digits` decimals, exactly as the decimal text reads
 * (1.005 → 1.01, where `Math.round(1.005 * 100)` gives 1.00); never returns -0.
 * Numbers too small for the precision become 0; very large ones are returned as they are.
 */
export function roundTo(value: number, digits: number): number {
  const abs = Math.abs(value);
  const text = abs.toString();
  let rounded: number;
  if (!Number.isFinite(abs) || abs >= 1e15) rounded = abs;
  else if (text.includes('e')) rounded = 0;
  else rounded = Number(`${Math.round(Number(`${text}e${digits}`))}e-${digits}`);
  const signed = value < 0 ? -rounded : rounded;
  return signed === 0 ? 0 : signed;
}

/**
 * A number fit for output: rounded, or null when it is not finite. Sums of schema-valid
 * numbers can still overflow to Infinity (two values near 1e308), and JSON has no Infinity.
 */
export function outputNumber(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const rounded = roundTo(value, digits);
  return Number.isFinite(rounded) ? rounded : null;
}
