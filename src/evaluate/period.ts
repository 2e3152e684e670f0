/** How much of a year a period covers; ordered from coarsest to finest. */
export const GRANULARITIES = ['year', 'half', 'quarter', 'month'] as const;
/** One of GRANULARITIES. */
export type Granularity = (typeof GRANULARITIES)[number];

/** A parsed period: `2025` → year, `2025-H1` → half 1, `2025-Q3` → quarter 3, `2025-07` → month 7. */
export interface Period {
  year: number;
  granularity: Granularity;
  /** 1-based index within the year (1 for a whole year). */
  index: number;
  /** The canonical label, e.g. "2025-H1". */
  label: string;
}

/** How many periods of each granularity make a whole year. */
export const PARTS_PER_YEAR: Record<Granularity, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** Parses a period; undefined for anything that is not YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM. */
export function parsePeriod(period: string | number): Period | undefined {
  const text = String(period).trim();
  const match = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] !== undefined) return { year, granularity: 'half', index: Number(match[2]), label: `${year}-H${match[2]}` };
  if (match[3] !== undefined) return { year, granularity: 'quarter', index: Number(match[3]), label: `${year}-Q${match[3]}` };
  if (match[4] !== undefined) return { year, granularity: 'month', index: Number(match[4]), label: `${year}-${match[4]}` };
  return { year, granularity: 'year', index: 1, label: String(year) };
}

/** The last month (1–12) a period covers: H1 → 6, Q3 → 9, a whole year → 12. */
export function endMonth(period: Period): number {
  return (12 / PARTS_PER_YEAR[period.granularity]) * period.index;
}
