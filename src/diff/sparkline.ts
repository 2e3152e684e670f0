/** The eight bars of a sparkline, lowest first. */
export const SPARK_BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** What a sparkline shows for a year without a value. */
export const SPARK_GAP = '·';

/** Options for {@link sparkline}. */
export interface SparklineOptions {
  /** The value drawn as the lowest bar (default: the smallest value). */
  min?: number;
  /** The value drawn as the highest bar (default: the largest value). */
  max?: number;
}

/**
 * One character per value: a bar from ▁ to █ scaled between the smallest and the largest
 * value (or `min`/`max`), `·` for a missing or non-finite value. A single point or a flat
 * line sits at mid height (▄), since it shows neither a rise nor a fall.
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions = {}): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => SPARK_GAP).join('');
  const low = options.min ?? Math.min(...present);
  const high = options.max ?? Math.max(...present);
  const top = SPARK_BARS.length - 1;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return SPARK_GAP;
      if (high <= low) return SPARK_BARS[3];
      const level = Math.round(((Math.min(high, Math.max(low, v)) - low) / (high - low)) * top);
      return SPARK_BARS[level];
    })
    .join('');
}
